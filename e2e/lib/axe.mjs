// axe-core (WCAG 2.0/2.1 A + AA) on the current page; fails with a readable list.
import { AxeBuilder } from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

// The axe-core that @axe-core/playwright itself depends on (its source is injected into pages).
const axeCore = createRequire(import.meta.resolve('@axe-core/playwright'))('axe-core');

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Formats axe violations: one block per rule with impact, help, URL and the offending nodes. */
export function formatViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 10)
        .map((n) => {
          const target = n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(', ');
          const summary = (n.failureSummary || '').replace(/\s+/g, ' ').trim();
          return `      - ${target}${summary ? `\n        ${summary}` : ''}`;
        })
        .join('\n');
      const more = v.nodes.length > 10 ? `\n      … and ${v.nodes.length - 10} more` : '';
      return `  * ${v.id} [${v.impact ?? 'n/a'}] ${v.help}\n    ${v.helpUrl}\n${nodes}${more}`;
    })
    .join('\n');
}

/**
 * Runs axe with AXE_TAGS on `page`; throws an AssertionError listing every violation.
 *
 * With JavaScript disabled, Chromium closes the page as soon as an evaluated script awaits a
 * promise, and axe is asynchronous. So a page of a JS-off context is checked as a snapshot:
 * its DOM (the server's HTML as parsed without scripting, `<noscript>` content included) is
 * served at the same URL to a JS-on checker context with the same cookies, minus every
 * `<script>`, and axe runs there. Styles, images and fonts still come from the server.
 *
 * `include`: CSS selectors that restrict the run to those elements (and their descendants).
 *
 * `ledger` (from `a11yLedger()`, used by tests/pages.test.mjs): a JS-on check records the DOM
 * it found clean; a later JS-off check of the same URL, viewport and cookies whose snapshot is
 * that very DOM is not run a second time (see `a11yLedger` for when two DOMs count as one).
 * Returns axe's results, or `{ violations: [], reusedFrom }` for such a reused check.
 */
export async function checkA11y(page, label = page.url(), { include, ledger } = {}) {
  let results;
  if (await scriptingDisabled(page)) {
    assert.ok(!include, 'checkA11y: `include` is for JS-on pages only');
    const html = noScriptSnapshot(await page.content());
    const key = ledger ? await ledgerKey(page) : null;
    const reusedFrom = ledger?.get(key)?.get(html);
    results = reusedFrom ? { violations: [], reusedFrom } : await analyzeSnapshot(page, html);
  } else {
    const before = ledger && !include ? await comparableDom(page) : null;
    results = await analyze(page, include);
    if (before && results.violations.length === 0) {
      // Only a DOM that stayed the same during the whole run counts as checked.
      const after = await comparableDom(page);
      if (after === before) {
        const key = await ledgerKey(page);
        if (!ledger.has(key)) ledger.set(key, new Map());
        ledger.get(key).set(before, label);
      }
    }
  }
  const { violations } = results;
  if (violations.length) {
    assert.fail(
      `axe: ${violations.length} accessibility violation(s) on ${label} (${page.url()}):\n${formatViolations(violations)}`,
    );
  }
  return results;
}

/**
 * axe on a scripting page. A page without child frames gets axe-core injected once (or not
 * again, when an earlier check of the same document injected it) and one `axe.run` with
 * AXE_TAGS, which is what AxeBuilder's legacy mode runs too. AxeBuilder's default mode
 * (`axe.runPartial` per frame, then `axe.finishRun` in a new blank page, axe-core injected into
 * each of them) exists for cross-origin frames and gives a single frame the same result at
 * several times the cost; a page with frames still goes through it.
 */
async function analyze(page, include) {
  if (page.frames().length > 1) {
    const builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
    for (const sel of include || []) builder.include(sel);
    return builder.analyze();
  }
  if (!(await page.evaluate(() => typeof window.axe?.run === 'function' && window.axe.version))) {
    await page.evaluate(axeCore.source);
  }
  const { error, results } = await page.evaluate(
    async ({ context, options }) => {
      try {
        return { error: null, results: await window.axe.run(context ?? document, options) };
      } catch (err) {
        return { error: String(err?.message ?? err), results: null };
      }
    },
    { context: include?.length ? { include, exclude: [] } : null, options: { runOnly: { type: 'tag', values: AXE_TAGS } } },
  );
  if (error) throw new Error(`axe: ${error}`);
  assert.equal(results.testEngine?.version, axeCore.version, 'axe-core in the page is not the one injected');
  return results;
}

/**
 * Remembers which DOMs passed axe with JavaScript on, so that pages.test.mjs need not run axe a
 * second time on the same DOM with JavaScript off.
 *
 * What a JS-off check runs axe on: the JS-off page's DOM (parsed without scripting), minus
 * `<script>`, `<noscript>` tags unwrapped, served at the same URL to a scripting checker with
 * the same cookies and viewport, freshly loaded: nothing focused, not scrolled, no state that
 * scripts set. That check is skipped only when a JS-on check of the same URL, viewport and
 * cookies ran axe on a DOM that serialises to exactly the same string, with
 *
 * - the DOM unchanged from just before to just after the axe run (a DOM that htmx or a timer
 *   changes meanwhile never counts);
 * - no `<noscript>` in the JS-on page (its content is hidden there, shown with JS off; the
 *   string comparison fails anyway, since the JS-off snapshot carries no `<noscript>` tag);
 * - every `<script>` a child of `<head>` (they are left out of the comparison; in `<head>` they
 *   cannot change how `<body>` is laid out, e.g. through sibling selectors);
 * - nothing focused (document.activeElement is <body>), no `[autofocus]` element, not scrolled:
 *   the freshly loaded snapshot is in the same state;
 * - no form field whose value, checked or selected state differs from its markup (a script
 *   could have set them without changing the serialised DOM);
 * - no shadow root (not serialised).
 *
 * Left out of the JS-on DOM for the comparison, besides `<script>`: dias.js's live region
 * (`div#dias-live-region`, appended to every page with JS), but only while it is empty and has
 * exactly the attributes dias.js gives it. It does not exist with JS off. An empty, visually
 * hidden `role=status` element cannot make another element pass a WCAG A/AA rule that it fails
 * without it: it has no text (colour contrast, names), it is not a landmark, heading, list item,
 * form field or frame, and ARIA references to its id do not exist in the JS-off DOM either
 * (such a reference would have been in the compared string). Leaving it out can only remove
 * findings (its own, or a duplicate id).
 */
export function a11yLedger() {
  return new Map();
}

const LIVE_REGION =
  '<div id="dias-live-region" class="visually-hidden" role="status" aria-live="polite" aria-atomic="true"></div>';

/** The JS-on page's DOM as a JS-off snapshot of the same DOM would read, or null (see a11yLedger). */
async function comparableDom(page) {
  const state = await page.evaluate(() => {
    const scripts = [...document.querySelectorAll('script')];
    const fields = [...document.querySelectorAll('input, textarea, option')];
    const changedField = fields.find((el) => {
      if (el instanceof HTMLOptionElement) return el.selected !== el.defaultSelected;
      if (el instanceof HTMLTextAreaElement) return el.value !== el.defaultValue;
      if (el.type === 'checkbox' || el.type === 'radio') return el.checked !== el.defaultChecked;
      if (el.type === 'file') return el.files && el.files.length > 0;
      return el.value !== el.defaultValue;
    });
    const shadow = [...document.querySelectorAll('*')].some((el) => el.shadowRoot);
    return {
      ok:
        !document.querySelector('noscript, [autofocus]') &&
        scripts.every((s) => s.parentElement === document.head) &&
        (document.activeElement === document.body || document.activeElement === null) &&
        window.scrollX === 0 &&
        window.scrollY === 0 &&
        !changedField &&
        !shadow,
    };
  });
  if (!state.ok) return null;
  let html = stripScripts(await page.content());
  const at = html.indexOf(LIVE_REGION);
  if (at >= 0) {
    if (html.indexOf(LIVE_REGION, at + 1) >= 0) return null;
    html = html.slice(0, at) + html.slice(at + LIVE_REGION.length);
  }
  return html;
}

async function ledgerKey(page) {
  const url = new URL(page.url());
  url.hash = '';
  const viewport = page.viewportSize();
  const cookies = (await page.context().cookies())
    .map((c) => `${c.name}=${c.value}; ${c.domain}${c.path}`)
    .sort();
  return JSON.stringify([url.href, viewport, cookies]);
}

/** True when scripts do not run in `page` (a synchronous evaluate is safe in either mode). */
async function scriptingDisabled(page) {
  // <noscript> content is parsed as elements only when scripting is disabled.
  return page.evaluate(() => {
    const probe = document.createElement('div');
    probe.innerHTML = '<noscript><span></span></noscript>';
    return probe.querySelector('noscript span') !== null;
  });
}

function stripScripts(html) {
  return html.replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '');
}

/** The DOM of a JS-off page as HTML that renders the same in a scripting browser. */
export function noScriptSnapshot(html) {
  return stripScripts(html).replace(/<\/?noscript\b[^>]*>/gi, '');
}

// Checker contexts for JS-off snapshots, reused: making a context per check costs more than the
// check. A context is used by one check at a time; its cookies are replaced by the checked
// page's before each use, and its only route serves the snapshot (anything from another origin
// is blocked, as in the guarded contexts).
const checkerPools = new WeakMap(); // browser → [{ context, serve }]

async function acquireChecker(browser) {
  if (!checkerPools.has(browser)) checkerPools.set(browser, []);
  const idle = checkerPools.get(browser).pop();
  if (idle) return idle;
  const context = await browser.newContext({ javaScriptEnabled: true, locale: 'de-DE' });
  const checker = { context, serve: null };
  await context.route(
    (u) => !['data:', 'blob:', 'about:'].includes(u.protocol) && checker.serve && u.origin !== checker.serve.origin,
    (route) => route.abort('blockedbyclient'),
  );
  await context.route(
    (u) => checker.serve && !checker.serve.served && u.href.split('#')[0] === checker.serve.href,
    async (route) => {
      checker.serve.served = true;
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: checker.serve.html });
    },
  );
  return checker;
}

async function analyzeSnapshot(page, html) {
  const browser = page.context().browser();
  const state = await page.context().storageState();
  // localStorage is not carried over by a reused checker: such a page gets a checker of its own.
  const reusable = state.origins.every((o) => o.localStorage.length === 0);
  const checker = reusable
    ? await acquireChecker(browser)
    : { context: await browser.newContext({ javaScriptEnabled: true, locale: 'de-DE', storageState: state }), own: true };
  const target = new URL(page.url());
  target.hash = '';
  let ok = false;
  try {
    if (checker.own) {
      await checker.context.route(
        (u) => u.origin !== target.origin && !['data:', 'blob:', 'about:'].includes(u.protocol),
        (route) => route.abort('blockedbyclient'),
      );
      let served = false;
      await checker.context.route(
        (u) => !served && u.href.split('#')[0] === target.href,
        async (route) => {
          served = true;
          await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
        },
      );
    } else {
      await checker.context.clearCookies();
      if (state.cookies.length) await checker.context.addCookies(state.cookies);
      checker.serve = { href: target.href, origin: target.origin, html, served: false };
    }
    const snap = await checker.context.newPage();
    try {
      const viewport = page.viewportSize();
      if (viewport) await snap.setViewportSize(viewport);
      await snap.goto(target.href, { waitUntil: 'load' });
      if (!checker.own) assert.ok(checker.serve.served, `the snapshot of ${target.href} was not the page checked`);
      const results = await analyze(snap);
      ok = true;
      return results;
    } finally {
      await snap.close().catch(() => {});
    }
  } finally {
    if (checker.own) {
      await checker.context.close().catch(() => {});
    } else {
      checker.serve = null;
      if (ok) checkerPools.get(browser).push(checker);
      else await checker.context.close().catch(() => {});
    }
  }
}
