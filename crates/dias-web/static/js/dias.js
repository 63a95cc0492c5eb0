/*
 * dias.js — progressive enhancement for the dias portal.
 *
 * Loaded with <script src="/static/js/dias.js" defer>. No dependencies, no
 * inline code (CSP: script-src 'self'). Every page works without this file;
 * it only does four things:
 *
 *   a) focuses the error summary (.error-summary) of a re-rendered form;
 *   b) after an htmx swap, focuses a swapped-in .error-summary, else a
 *      swapped-in [data-focus-after-swap] element;
 *   c) asks window.confirm(text) before submitting form[data-confirm="text"];
 *   d) makes <button data-copy="id"> copy the text of #id to the clipboard and
 *      announces the result in an aria-live region.
 */
(function () {
  "use strict";

  var LIVE_REGION_ID = "dias-live-region";

  var MESSAGES = {
    de: { copied: "Kopiert", copyFailed: "Kopieren nicht möglich" },
    en: { copied: "Copied", copyFailed: "Copying failed" }
  };

  function messages() {
    var lang = (document.documentElement.getAttribute("lang") || "de").toLowerCase();
    return lang.indexOf("en") === 0 ? MESSAGES.en : MESSAGES.de;
  }

  // ---------------------------------------------------------------- focus

  function isNativelyFocusable(el) {
    return el.matches(
      "a[href], button, input, select, textarea, summary, [contenteditable]"
    );
  }

  function focusElement(el) {
    if (!el || !el.isConnected) {
      return false;
    }
    if (!el.hasAttribute("tabindex") && !isNativelyFocusable(el)) {
      el.setAttribute("tabindex", "-1");
    }
    el.focus();
    return document.activeElement === el;
  }

  /** First element matching `selector` among `roots` (each root included). */
  function findIn(roots, selector) {
    for (var i = 0; i < roots.length; i++) {
      var root = roots[i];
      if (!root || root.nodeType !== 1 || !root.isConnected) {
        continue;
      }
      if (root.matches(selector)) {
        return root;
      }
      var found = root.querySelector(selector);
      if (found) {
        return found;
      }
    }
    return null;
  }

  // (a) page load
  function focusErrorSummaryOnLoad() {
    focusElement(document.querySelector(".error-summary"));
  }

  // (b) htmx swaps: htmx fires htmx:afterSwap and then htmx:afterSettle on
  // every swapped-in element (or on the target for innerHTML swaps); both
  // bubble to document.body. Collect the elements, decide once per swap.
  var swappedRoots = [];
  var swapTimer = null;

  function rememberSwapped(evt) {
    var elt = (evt.detail && evt.detail.elt) || evt.target;
    if (elt && elt.nodeType === 1 && swappedRoots.indexOf(elt) < 0) {
      swappedRoots.push(elt);
    }
  }

  function focusAfterSwap() {
    swapTimer = null;
    var roots = swappedRoots;
    swappedRoots = [];
    revealCopyButtons(roots);
    var target =
      findIn(roots, ".error-summary") || findIn(roots, "[data-focus-after-swap]");
    focusElement(target);
  }

  function onAfterSwap(evt) {
    rememberSwapped(evt);
  }

  function onAfterSettle(evt) {
    rememberSwapped(evt);
    if (swapTimer === null) {
      swapTimer = window.setTimeout(focusAfterSwap, 0);
    }
  }

  // ------------------------------------------------------------- confirm

  // (c) Capture phase on the document: runs before htmx's own submit
  // listener on the form, so a declined confirm stops both the normal
  // submission and an htmx request.
  function onSubmit(evt) {
    var form = evt.target;
    if (!form || form.nodeName !== "FORM") {
      return;
    }
    var text = form.getAttribute("data-confirm");
    if (!text) {
      return;
    }
    if (!window.confirm(text)) {
      evt.preventDefault();
      evt.stopImmediatePropagation();
    }
  }

  // ---------------------------------------------------------------- copy

  var liveRegion = null;
  var announceTimer = null;

  function ensureLiveRegion() {
    liveRegion = document.getElementById(LIVE_REGION_ID);
    if (!liveRegion) {
      liveRegion = document.createElement("div");
      liveRegion.id = LIVE_REGION_ID;
      liveRegion.className = "visually-hidden";
      liveRegion.setAttribute("role", "status");
      liveRegion.setAttribute("aria-live", "polite");
      liveRegion.setAttribute("aria-atomic", "true");
      document.body.appendChild(liveRegion);
    }
    return liveRegion;
  }

  function announce(text) {
    var region = ensureLiveRegion();
    // Empty first, so that the same message is announced again.
    region.textContent = "";
    window.clearTimeout(announceTimer);
    announceTimer = window.setTimeout(function () {
      region.textContent = text;
      announceTimer = window.setTimeout(function () {
        region.textContent = "";
      }, 5000);
    }, 100);
  }

  function legacyCopy(text, returnFocusTo) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "visually-hidden";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try {
      ok = document.execCommand("copy");
    } catch (e) {
      ok = false;
    }
    document.body.removeChild(area);
    if (returnFocusTo) {
      returnFocusTo.focus();
    }
    return ok;
  }

  function copyText(text, button) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () {
        if (!legacyCopy(text, button)) {
          throw new Error("copy failed");
        }
      });
    }
    return legacyCopy(text, button)
      ? Promise.resolve()
      : Promise.reject(new Error("copy failed"));
  }

  function sourceText(el) {
    if (el.nodeName === "INPUT" || el.nodeName === "TEXTAREA") {
      return el.value;
    }
    return (el.textContent || "").trim();
  }

  function onClick(evt) {
    var start = evt.target;
    if (!start || typeof start.closest !== "function") {
      return;
    }
    var button = start.closest("button[data-copy]");
    if (!button) {
      return;
    }
    // A copy button inside a form must not submit it.
    evt.preventDefault();
    var source = document.getElementById(button.getAttribute("data-copy"));
    var text = messages();
    if (!source) {
      announce(button.getAttribute("data-copy-failed") || text.copyFailed);
      return;
    }
    copyText(sourceText(source), button).then(
      function () {
        button.setAttribute("data-copied", "");
        window.setTimeout(function () {
          button.removeAttribute("data-copied");
        }, 2000);
        announce(button.getAttribute("data-copy-done") || text.copied);
      },
      function () {
        announce(button.getAttribute("data-copy-failed") || text.copyFailed);
      }
    );
  }

  // Copy buttons do nothing without JavaScript, so templates render them
  // with the `hidden` attribute and this script reveals them.
  function revealCopyButtons(roots) {
    for (var i = 0; i < roots.length; i++) {
      var root = roots[i];
      if (!root || root.nodeType !== 1) {
        continue;
      }
      if (root.matches("button[data-copy][hidden]")) {
        root.removeAttribute("hidden");
      }
      var hidden = root.querySelectorAll("button[data-copy][hidden]");
      for (var j = 0; j < hidden.length; j++) {
        hidden[j].removeAttribute("hidden");
      }
    }
  }

  // ---------------------------------------------------------------- start

  function init() {
    ensureLiveRegion();
    revealCopyButtons([document.body]);
    document.body.addEventListener("htmx:afterSwap", onAfterSwap);
    document.body.addEventListener("htmx:afterSettle", onAfterSettle);
    focusErrorSummaryOnLoad();
  }

  document.addEventListener("submit", onSubmit, true);
  document.addEventListener("click", onClick);

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
