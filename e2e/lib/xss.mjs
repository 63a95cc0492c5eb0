// The XSS attack corpus and its helpers (tests/attack-xss.test.mjs).
//
// Every payload carries a marker `xss-<run>-<n>` (n unique per filled field) as plain text in
// front of the vector and inside the vector (ids, handler code), so that it can be found again:
// as text (it must be shown), as an element or attribute (it must never be live).
import assert from 'node:assert/strict';
import { allowErrorDocument, guardOf } from './browser.mjs';

/** One token per run: the search finds every payload of this run with it. */
export const RUN = `r${Date.now().toString(36)}`;
export const PREFIX = `xss-${RUN}-`;

let counter = 0;
/** A fresh marker `xss-<run>-<n>`. */
export function nextMarker() {
  counter += 1;
  return `${PREFIX}${counter}`;
}

// A vector is `make(marker)` → the text typed into a field. `kinds` says where it fits:
// `line` (one-line inputs; short), `text` (textareas), `md` (Markdown textareas), `url` (URL
// fields). Every vector starts with the marker as plain text.
export const VECTORS = [
  { id: 1, name: 'script tag', kinds: ['line', 'text', 'md'], make: (m) => `${m} <script>alert('${m}')</script>` },
  { id: 2, name: 'img onerror', kinds: ['line', 'text'], make: (m) => `${m} <img src=x id=${m}i onerror=alert('${m}')>` },
  // In Markdown a sanitized <img> may stay: no src that could 404 there.
  { id: 3, name: 'img onerror (Markdown)', kinds: ['md'], make: (m) => `${m} <img alt="${m}" id=${m}i onerror=alert('${m}') src="javascript:alert('${m}')">` },
  { id: 4, name: 'svg onload', kinds: ['line', 'text', 'md'], make: (m) => `${m} <svg id=${m}s onload=alert('${m}')><circle r=1 /></svg>` },
  { id: 5, name: 'attribute break-out "', kinds: ['line', 'text', 'md'], make: (m) => `${m}" autofocus onfocus="alert('${m}')" data-x="` },
  { id: 6, name: "attribute break-out '><", kinds: ['line', 'text', 'md'], make: (m) => `${m}'><b id=${m}b onmouseover=alert('${m}')>b</b><x a='` },
  { id: 7, name: 'textarea/title break-out', kinds: ['line', 'text', 'md'], make: (m) => `${m}</textarea></title><script>alert('${m}')</script>` },
  { id: 8, name: 'iframe srcdoc', kinds: ['line', 'text', 'md'], make: (m) => `${m} <iframe srcdoc="<script>parent.alert('${m}')</script>"></iframe>` },
  { id: 9, name: 'htmx attributes', kinds: ['line', 'text', 'md'], make: (m) => `${m} <div id=${m}h hx-get="/konto" hx-trigger="load" hx-on::load="alert('${m}')">h</div>` },
  { id: 10, name: 'style / expression', kinds: ['line', 'text', 'md'], make: (m) => `${m} <p id=${m}c style="width:expression(alert('${m}'));background:url(javascript:alert('${m}'))">c</p><style>p{}</style>` },
  { id: 11, inert: true, name: 'template / {{ }}', kinds: ['line', 'text', 'md'], make: (m) => `${m} {{7*7}} {{constructor.constructor('alert("${m}")')()}} \${alert('${m}')} {% if 1 %}{{ '<' }}{% endif %}` },
  { id: 12, inert: true, name: 'HTML entities', kinds: ['line', 'text', 'md'], make: (m) => `${m} &lt;script&gt;alert('${m}')&lt;/script&gt; &#60;img src=x onerror=alert('${m}')&#62; &amp;lt;` },
  { id: 13, inert: true, name: 'unicode tricks', kinds: ['line', 'text', 'md'], make: (m) => `${m} \u202e＜script＞alert('${m}')＜/script＞ <ſcript>alert('${m}')</ſcript> \u2028\u2029 <scr\u200bipt>` },
  { id: 14, name: 'mixed case / nested', kinds: ['line', 'text', 'md'], make: (m) => `${m} <ScRiPt>alert('${m}')</sCrIpT><scr<script>ipt>alert('${m}')</script>` },
  { id: 15, name: 'javascript: href', kinds: ['line', 'text', 'md'], make: (m) => `${m} <a id=${m}a href="javascript:alert('${m}')">a</a> <a href="java&#x09;script&colon;alert('${m}')">b</a>` },
  { id: 16, name: 'object/embed/base/meta', kinds: ['text', 'md'], make: (m) => `${m} <object data="javascript:alert('${m}')"></object><embed src="javascript:alert('${m}')"><base href="javascript:alert('${m}')//"><meta http-equiv="refresh" content="0;url=javascript:alert('${m}')">` },
  { id: 17, name: 'form/formaction', kinds: ['text', 'md'], make: (m) => `${m} <form id=${m}f action="javascript:alert('${m}')"><button formaction="javascript:alert('${m}')">f</button></form>` },
  { id: 18, name: 'mXSS noscript/math', kinds: ['text', 'md'], make: (m) => `${m} <noscript><p title="</noscript><img src=x onerror=alert('${m}')>"></noscript> <math><mtext><table><mglyph><style><img src=x onerror=alert('${m}')>` },
  { id: 19, name: 'svg xlink', kinds: ['text', 'md'], make: (m) => `${m} <svg><a xlink:href="javascript:alert('${m}')"><text x="0" y="10">${m}</text></a><animate attributeName="href" to="javascript:alert('${m}')"/></svg>` },
  { id: 20, name: 'details ontoggle (Markdown raw HTML block)', kinds: ['text', 'md'], make: (m) => `${m}\n\n<details open ontoggle=alert('${m}')><summary>${m}</summary>d</details>\n\nEnde ${m}` },
  { id: 21, inert: true, name: 'Markdown javascript: link', kinds: ['text', 'md'], make: (m) => `${m} [Link ${m}](javascript:alert('${m}')) [Ref ${m}][r${m}]\n\n[r${m}]: javascript:alert('${m}')` },
  { id: 22, inert: true, name: 'Markdown data: link/image', kinds: ['text', 'md'], make: (m) => `${m} [d](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) ![Bild ${m}](data:text/html,<script>alert('${m}')</script>) ![i](javascript:alert('${m}'))` },
  { id: 23, inert: true, name: 'Markdown autolinks + title break-out', kinds: ['text', 'md'], make: (m) => `${m} <javascript:alert('${m}')> <vbscript:msgbox(1)> [t](https://example.org/${m} "a\\" onmouseover=\\"alert('${m}')") www.example.org/${m}"onmouseover="alert(1)` },
  { id: 24, name: 'very long payload', kinds: ['text', 'md'], make: (m) => `${m} ${'<b>&lt;</b>'.repeat(150)}${'A'.repeat(3000)} <img src=x onerror=alert('${m}')> ${m}` },
];

// URL fields: refused (4xx) or stored but never a live javascript:/data: link.
export const URL_VECTORS = [
  { id: 30, name: 'javascript: URL', make: (m) => `javascript:alert('${m}')//${m}` },
  { id: 31, name: 'JaVaScRiPt: with whitespace', make: (m) => ` JaVaScRiPt:alert('${m}')//https://${m}.example` },
  { id: 32, name: 'data: URL', make: (m) => `data:text/html,<script>alert('${m}')</script>${m}` },
  { id: 33, name: 'URL attribute break-out', make: (m) => `https://example.org/${m}" onmouseover="alert('${m}')` },
];

/** Vectors for one kind of field, in a fixed order. */
function vectorsFor(kind) {
  return kind === 'url' ? URL_VECTORS : VECTORS.filter((v) => v.kinds.includes(kind));
}

const cursors = new Map();
/**
 * The next payload for a field of `kind`: the vectors of a kind are handed out in turn, so every
 * vector reaches many fields of different modules.
 */
export function nextPayload(kind) {
  const list = vectorsFor(kind);
  const i = cursors.get(kind) || 0;
  cursors.set(kind, i + 1);
  const vector = list[i % list.length];
  const marker = nextMarker();
  return { marker, vector, kind, value: vector.make(marker) };
}

/** Vectors used at least once (for the coverage report). */
export function usedVectors() {
  const ids = new Set();
  for (const [kind, n] of cursors) {
    const list = vectorsFor(kind);
    for (let i = 0; i < Math.min(n, list.length); i += 1) ids.add(list[i].id);
  }
  return ids;
}

/**
 * Installs a listener for `securitypolicyviolation` in every page of the context: a CSP
 * violation means a payload became live HTML (even though CSP blocked it). It is logged as a
 * console error, which the guard of lib/browser.mjs records.
 */
export async function watchCsp(context) {
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      // eslint-disable-next-line no-console
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} sample=${e.sample || ''}`);
    });
  });
}

/**
 * In the page: every element or attribute that a payload could have made live. Returns a list
 * of descriptions (empty = clean).
 */
export async function liveVectors(page) {
  return page.evaluate((prefix) => {
    const bad = [];
    const describe = (el) => {
      const html = el.outerHTML || '';
      return html.length > 160 ? `${html.slice(0, 160)}…` : html;
    };
    const scriptish = /^(javascript|vbscript|data):/i;
    const urlAttrs = new Set(['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'poster', 'background', 'ping', 'codebase', 'cite', 'srcset', 'to', 'from', 'values']);
    for (const el of document.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      for (const a of el.attributes) {
        const n = a.name.toLowerCase();
        const v = a.value;
        // No inline handler anywhere: the portal has none (CSP without unsafe-inline).
        if (n.startsWith('on')) bad.push(`inline handler ${n}= on ${describe(el)}`);
        else if (n.includes(prefix) || n === 'data-x') bad.push(`attribute ${n} made by a payload on ${describe(el)}`);
        else if (n === 'srcdoc') bad.push(`srcdoc on ${describe(el)}`);
        else if (urlAttrs.has(n) && scriptish.test(v.replace(/[\u0000-\u0020\u007f-\u00a0]+/g, '')) && !(n === 'src' && tag === 'img' && /^data:image\//i.test(v.trim()))) {
          bad.push(`${n}="${v.slice(0, 80)}" on ${describe(el)}`);
        } else if (v.includes(prefix) && (n.startsWith('hx-') || n.startsWith('data-hx') || n === 'id' || n === 'name' && !['input', 'textarea', 'select', 'button'].includes(tag) || n === 'style' || n === 'class' || n === 'for' || n === 'form')) {
          bad.push(`attribute ${n} carries a payload marker on ${describe(el)}`);
        }
      }
      if (['script', 'iframe', 'frame', 'object', 'embed', 'applet', 'base', 'style', 'link', 'template', 'noscript', 'math', 'marquee'].includes(tag)) {
        const html = el.outerHTML || '';
        if (html.includes(prefix) || (tag === 'script' && !el.src && el.type !== 'application/json' && el.type !== 'application/ld+json') || tag === 'iframe' || tag === 'object' || tag === 'embed' || tag === 'frame') {
          bad.push(`<${tag}> made by a payload: ${describe(el)}`);
        }
      }
      if (tag === 'meta' && el.getAttribute('http-equiv') && /refresh/i.test(el.getAttribute('http-equiv'))) bad.push(`meta refresh: ${describe(el)}`);
      if (tag === 'base' && el.closest('body')) bad.push(`<base> in the body: ${describe(el)}`);
    }
    return bad;
  }, PREFIX);
}

/** Whitespace collapsed, invisible format characters removed (innerText may drop them). */
export function normalize(text) {
  return String(text)
    .replace(/[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g, '')
    .replace(/[\s\u2028\u2029]+/g, ' ')
    .trim();
}

/**
 * The page's visible text plus the values of its form fields (where a payload is shown for
 * editing). A number field drops a value that is no number from its `.value`: what the server
 * wrote into it is its `value` attribute.
 */
export async function shownText(page) {
  return page.evaluate(() => {
    const values = [...document.querySelectorAll('input, textarea')]
      .filter((el) => !['hidden', 'password', 'file'].includes(el.type))
      .map((el) => (el.type === 'number' ? el.getAttribute('value') || '' : el.value));
    return `${document.body.innerText}\n${values.join('\n')}`;
  });
}

/** Failed subresources that are not about this corpus (images a payload pointed at are). */
function realProblems(list) {
  return list.filter((p) => !(/^failed resource: /.test(p) && /\(image\)$/.test(p) && (/\/x(\?|\s|$)/.test(p) || p.includes(PREFIX))));
}

/** Problems the guard recorded since `mark` (see guardMark). */
export function guardProblems(context, mark) {
  const g = guardOf(context);
  const out = [];
  for (const r of g.foreign.slice(mark.foreign)) out.push(`third-party request (blocked): ${r}`);
  for (const e of g.pageErrors.slice(mark.pageErrors)) out.push(`uncaught page error: ${e}`);
  for (const e of g.consoleErrors.slice(mark.consoleErrors)) out.push(`console error: ${e}`);
  for (const r of g.failedResources.slice(mark.failedResources)) out.push(`failed resource: ${r}`);
  for (const d of g.dialogs.slice(mark.dialogs)) if (!d.expected) out.push(`DIALOG ${d.type}: ${JSON.stringify(d.message)} @ ${d.url}`);
  return realProblems(out);
}

export function guardMark(context) {
  const g = guardOf(context);
  return {
    foreign: g.foreign.length,
    pageErrors: g.pageErrors.length,
    consoleErrors: g.consoleErrors.length,
    failedResources: g.failedResources.length,
    dialogs: g.dialogs.length,
  };
}

/** Where the failures are collected (one test reports them all at the end of each step). */
export class Findings {
  constructor() {
    this.list = [];
    this.pages = 0;
    this.checks = 0;
  }

  add(where, what) {
    this.list.push(`${where}: ${what}`);
  }

  /** Fails with every finding since the last call (and starts a new list). */
  assertNone(label) {
    const list = this.list;
    this.list = [];
    assert.equal(list.length, 0, `${label}: ${list.length} XSS finding(s):\n  - ${list.join('\n  - ')}`);
  }
}

/**
 * Checks the page that is open now: no live vector, no dialog / console error / CSP violation
 * / page error since `mark`, and every expected payload shown: `expect` is a list of
 * `{ marker, value, md, full }` — the marker must be in the visible text (or a field's value);
 * with `full` (plain-text fields on their own page) the whole payload as typed.
 */
export async function checkPage(page, findings, label, expect = [], mark = null) {
  const where = `${label} (${new URL(page.url()).pathname}${new URL(page.url()).search})`;
  findings.pages += 1;
  // Let handlers, lazy loads and htmx triggers fire before looking.
  await page.waitForLoadState('load');
  await page.waitForTimeout(50);
  for (const live of await liveVectors(page)) findings.add(where, `LIVE: ${live}`);
  if (mark) for (const p of guardProblems(page.context(), mark)) findings.add(where, p);
  if (expect.length) {
    const text = normalize(await shownText(page));
    for (const e of expect) {
      findings.checks += 1;
      if (!text.includes(e.marker)) {
        findings.add(where, `payload ${e.marker} (${e.vector}) is not shown as text`);
      } else if (e.full && !text.includes(normalize(e.value))) {
        const at = text.indexOf(e.marker);
        findings.add(where, `payload ${e.marker} (${e.vector}) is not shown as typed: expected ${JSON.stringify(normalize(e.value).slice(0, 160))}, page has ${JSON.stringify(text.slice(at, at + 160))}`);
      }
    }
  }
}

/** The text-like fields of a form that a person types into (not honeypots, not read-only). */
export async function textFields(form) {
  return form.evaluate((f) =>
    [...f.elements]
      .filter((el) => (el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && ['text', 'url', 'search', ''].includes(el.getAttribute('type') || ''))))
      .filter((el) => el.name && !el.readOnly && !el.disabled && el.tabIndex !== -1 && el.offsetParent !== null)
      .map((el) => ({ name: el.name, id: el.id, type: el.tagName === 'TEXTAREA' ? 'textarea' : el.getAttribute('type') || 'text', maxLength: el.maxLength })),
  );
}

/** Marks a form's action as a URL whose 4xx answer the test expects (422 re-render). */
export async function allowFormErrors(page, form) {
  const action = await form.evaluate((f) => f.action || location.href);
  allowErrorDocument(page.context(), action);
  allowErrorDocument(page.context(), page.url());
}
