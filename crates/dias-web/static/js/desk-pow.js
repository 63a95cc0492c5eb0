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
 * for it for a few seconds at most.
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

  function enhance(form) {
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
      if (state.done || sending) {
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
        form.submit();
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
