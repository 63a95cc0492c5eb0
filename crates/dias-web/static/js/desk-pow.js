/*
 * desk-pow.js — the optional proof of work of the public inquiry form
 * (/anfragen/neu), our own code, no dependencies, no inline script.
 *
 * The form carries a challenge signed by the server (input[name=challenge])
 * and the number of leading zero hex digits it asks for
 * (form[data-desk-pow]). This script looks for a number `nonce` such that
 * SHA-256("<challenge>:<nonce>") starts with that many zeros, with
 * crypto.subtle, and writes it into input[name=nonce]. The server checks
 * it in one hash (dias_desk::spam).
 *
 * Everything degrades: without this script, without crypto.subtle (plain
 * http on another host than localhost) or if the search takes too long, the
 * form is sent as it is and the server only applies a stricter rate limit.
 * If the person sends the form before the search is done, the sending waits
 * for it for a few seconds at most; meanwhile the button is disabled and a
 * live region says "Wird gesendet …".
 *
 * It also checks the size of a chosen attachment (input[data-max-bytes])
 * as soon as it is chosen, and says so in #attachment-live, instead of
 * letting a large upload run only to be refused.
 */
(function () {
  "use strict";

  var MAX_WAIT_MS = 8000;
  var BATCH = 256;

  function subtle() {
    return window.crypto && window.crypto.subtle && window.TextEncoder
      ? window.crypto.subtle
      : null;
  }

  /** Whether the digest starts with `zeros` zero hex digits. */
  function leadingZeros(buffer, zeros) {
    var bytes = new Uint8Array(buffer);
    var full = Math.floor(zeros / 2);
    for (var i = 0; i < full; i++) {
      if (bytes[i] !== 0) {
        return false;
      }
    }
    return zeros % 2 === 0 || (bytes[full] & 0xf0) === 0;
  }

  /** Resolves with the first solving nonce (as text), or null if stopped. */
  function search(challenge, zeros, state) {
    var crypto = subtle();
    var encoder = new TextEncoder();
    var next = 0;
    function batch() {
      if (state.stopped) {
        return Promise.resolve(null);
      }
      var start = next;
      next += BATCH;
      var work = [];
      for (var n = start; n < start + BATCH; n++) {
        work.push(crypto.digest("SHA-256", encoder.encode(challenge + ":" + n)));
      }
      return Promise.all(work).then(function (digests) {
        for (var i = 0; i < digests.length; i++) {
          if (leadingZeros(digests[i], zeros)) {
            return String(start + i);
          }
        }
        return batch();
      });
    }
    return batch();
  }

  /** Tells about a too large file right when it is chosen. */
  function watchSize(form) {
    var input = form.querySelector("input[type=file][data-max-bytes]");
    var live = form.querySelector("#attachment-live");
    if (!input || !live) {
      return;
    }
    var max = parseInt(input.getAttribute("data-max-bytes"), 10);
    var describedBy = input.getAttribute("aria-describedby") || "";
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      var tooLarge = !!file && max > 0 && file.size > max;
      live.textContent = "";
      if (tooLarge) {
        var message = document.createElement("p");
        message.className = "field__error";
        message.textContent = live.getAttribute("data-desk-too-large");
        live.appendChild(message);
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", describedBy + " attachment-live");
      } else {
        input.removeAttribute("aria-invalid");
        input.setAttribute("aria-describedby", describedBy);
      }
    });
    form.addEventListener("submit", function (event) {
      if (live.textContent) {
        // The chosen file is still too large: keep the page, point to it.
        event.preventDefault();
        input.focus();
      }
    });
  }

  /** Disables the button and announces the sending; undone when the page
   * comes back from the history (bfcache), so the form stays usable. */
  function sendingState(form) {
    var button = form.querySelector("button[type=submit]");
    var status = form.querySelector("[data-desk-sending]");
    return {
      on: function () {
        if (button) {
          button.disabled = true;
          // Should the sending fail without leaving the page (network),
          // the button must not stay dead.
          window.setTimeout(function () {
            button.disabled = false;
          }, 60000);
        }
        if (status) {
          status.textContent = status.getAttribute("data-desk-sending");
        }
      },
      off: function () {
        if (button) {
          button.disabled = false;
        }
        if (status) {
          status.textContent = "";
        }
      }
    };
  }

  function enhance(form) {
    watchSize(form);
    var sendingUi = sendingState(form);
    window.addEventListener("pageshow", function () {
      sendingUi.off();
    });
    form.addEventListener("submit", function (event) {
      if (!event.defaultPrevented) {
        sendingUi.on();
      }
    });
    var zeros = parseInt(form.getAttribute("data-desk-pow"), 10);
    var challenge = form.querySelector("input[name=challenge]");
    var nonce = form.querySelector("input[name=nonce]");
    if (!subtle() || !challenge || !nonce || !(zeros >= 0 && zeros <= 8)) {
      return;
    }
    var state = { stopped: false, done: false };
    var found = search(challenge.value, zeros, state).then(
      function (value) {
        if (value !== null) {
          nonce.value = value;
        }
        state.done = true;
      },
      function () {
        state.done = true;
      }
    );
    var sending = false;
    form.addEventListener("submit", function (event) {
      if (event.defaultPrevented || state.done) {
        return;
      }
      if (sending) {
        event.preventDefault();
        return;
      }
      // Wait for the search, but never long: the form works without it.
      event.preventDefault();
      sending = true;
      var sent = false;
      var timer = null;
      function send() {
        if (sent) {
          return;
        }
        sent = true;
        state.stopped = true;
        window.clearTimeout(timer);
        try {
          form.submit();
        } catch (e) {
          sending = false;
          sendingUi.off();
        }
      }
      timer = window.setTimeout(send, MAX_WAIT_MS);
      found.then(send);
    });
  }

  function init() {
    var forms = document.querySelectorAll("form[data-desk-pow]");
    for (var i = 0; i < forms.length; i++) {
      enhance(forms[i]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
