// Debian's chromium driven by playwright-core, with guards that every test relies on:
// no request leaves the portal's own origin, no console error, no uncaught page error,
// no failed subresource, and no dialog (alert/confirm/prompt) unless a test expects one.
import { chromium } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BASE_URL = (process.env.DIAS_BASE_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
export const BASE_ORIGIN = new URL(BASE_URL).origin;

const E2E_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const RESULTS_DIR = process.env.DIAS_E2E_RESULTS_DIR || path.join(E2E_DIR, 'test-results');

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// Schemes that never reach the network.
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:', 'chrome:', 'chrome-error:']);

let browserPromise = null;

/** One browser per test process (node --test runs every file in its own process). */
export function getBrowser() {
  if (!browserPromise) {
    browserPromise = chromium.launch({
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
    });
  }
  return browserPromise;
}

export async function closeBrowser() {
  if (!browserPromise) return;
  const p = browserPromise;
  browserPromise = null;
  const browser = await p.catch(() => null);
  if (browser) await browser.close().catch(() => {});
}

const guards = new WeakMap();

/** The guard record of a context made by newContext(). */
export function guardOf(context) {
  const g = guards.get(context);
  if (!g) throw new Error('context was not created through lib/browser.mjs newContext()');
  return g;
}

/**
 * A fresh, isolated browser context (own cookies) in German, with the guards attached.
 * Options are passed to browser.newContext(); `javaScriptEnabled` defaults to true.
 */
export async function newContext({ javaScriptEnabled = true, ...options } = {}) {
  const browser = await getBrowser();
  const context = await browser.newContext({
    baseURL: BASE_URL,
    javaScriptEnabled,
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    ...options,
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);

  const g = {
    javaScriptEnabled,
    requests: [],          // every request URL seen, in order
    foreign: [],           // requests to another origin (blocked)
    consoleErrors: [],     // console.error / warnings the browser logs as errors
    pageErrors: [],        // uncaught exceptions
    failedResources: [],   // subresources answered with >= 400 or failed to load
    errorDocuments: new Set(), // documents whose 4xx/5xx status a test expected (see expectStatus)
    dialogs: [],           // dialogs seen: {type, message, expected}
    expectedDialogs: 0,    // how many dialogs the current test expects (accepted)
  };
  guards.set(context, g);

  // Block and record anything that would leave the portal's origin.
  await context.route(
    (url) => !isLocalScheme(url) && url.origin !== BASE_ORIGIN,
    async (route) => {
      g.foreign.push(`${route.request().method()} ${route.request().url()}`);
      await route.abort('blockedbyclient');
    },
  );
  context.on('request', (req) => g.requests.push(`${req.method()} ${req.url()}`));
  context.on('response', (res) => {
    const req = res.request();
    if (res.status() >= 400 && req.resourceType() !== 'document' && !isLocalScheme(new URL(res.url()))) {
      g.failedResources.push(`${res.status()} ${req.method()} ${res.url()} (${req.resourceType()})`);
    }
  });
  context.on('requestfailed', (req) => {
    const url = new URL(req.url());
    if (url.origin !== BASE_ORIGIN || isLocalScheme(url)) return; // foreign ones are already recorded
    const why = req.failure()?.errorText || 'failed';
    // ERR_ABORTED is the browser cancelling a request itself: a navigation replaced by the next
    // one, a download, or a favicon/image still loading when a form submit left the page.
    if (/ERR_ABORTED/.test(why)) return;
    g.failedResources.push(`${why} ${req.method()} ${req.url()} (${req.resourceType()})`);
  });
  context.on('page', (page) => attachPageGuards(page, g));
  return context;
}

function isLocalScheme(url) {
  return LOCAL_SCHEMES.has(url.protocol);
}

function attachPageGuards(page, g) {
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    const where = msg.location()?.url || page.url();
    // A blocked third-party request is reported once, as such, not again as a console error.
    if (/ERR_BLOCKED_BY_CLIENT/.test(text) && !where.startsWith(`${BASE_ORIGIN}/`)) return;
    // Chromium logs every 4xx/5xx document as "Failed to load resource"; a document status
    // the test asked for (404 page, 422 form error, 403) is not an error, the guard's
    // failedResources list catches broken subresources on its own.
    if (/^Failed to load resource: the server responded with a status of \d{3}/.test(text)) {
      if (g.errorDocuments.has(stripHash(where))) return;
      if (g.failedResources.some((r) => r.includes(where))) return; // reported there already
    }
    g.consoleErrors.push(`${text}  @ ${where}`);
  });
  page.on('pageerror', (err) => g.pageErrors.push(`${err.message} @ ${page.url()}`));
  page.on('dialog', async (dialog) => {
    const expected = g.expectedDialogs > 0;
    if (expected) g.expectedDialogs -= 1;
    g.dialogs.push({ type: dialog.type(), message: dialog.message(), expected, url: page.url() });
    await (expected ? dialog.accept() : dialog.dismiss()).catch(() => {});
  });
}

function stripHash(u) {
  try {
    const url = new URL(u);
    url.hash = '';
    return url.href;
  } catch {
    return u;
  }
}

/** A new page in a guarded context. */
export async function newPage(context) {
  guardOf(context);
  return context.newPage();
}

/** Tells the guard that `count` dialogs are expected next; they are accepted. */
export function expectDialogs(context, count = 1) {
  guardOf(context).expectedDialogs += count;
}

/**
 * Navigates and asserts the document's HTTP status (default 200). A 4xx/5xx the test
 * expects is not reported as a console error.
 */
export async function visit(page, urlPath, { status = 200 } = {}) {
  const g = guardOf(page.context());
  const target = new URL(urlPath, BASE_URL).href;
  if (status >= 400) g.errorDocuments.add(stripHash(target));
  const res = await page.goto(target, { waitUntil: 'load' });
  if (!res) throw new Error(`no response for ${urlPath}`);
  if (res.status() !== status) {
    throw new Error(`GET ${urlPath}: expected HTTP ${status}, got ${res.status()} (final URL ${res.url()})`);
  }
  return res;
}

/** Marks a URL whose error status the test expects (e.g. a 422 re-render after a POST). */
export function allowErrorDocument(context, url) {
  guardOf(context).errorDocuments.add(stripHash(new URL(url, BASE_URL).href));
}

/** Problems the guard recorded so far (empty array = clean). */
export function problems(context) {
  const g = guardOf(context);
  const out = [];
  for (const r of g.foreign) out.push(`third-party request (blocked): ${r}`);
  for (const e of g.pageErrors) out.push(`uncaught page error: ${e}`);
  for (const e of g.consoleErrors) out.push(`console error: ${e}`);
  for (const r of g.failedResources) out.push(`failed resource: ${r}`);
  for (const d of g.dialogs) if (!d.expected) out.push(`unexpected ${d.type} dialog: ${JSON.stringify(d.message)} @ ${d.url}`);
  return out;
}

/** Throws if the guard recorded any problem. */
export function assertNoProblems(context, label = '') {
  const list = problems(context);
  if (list.length) {
    throw new Error(`${label ? label + ': ' : ''}${list.length} problem(s) in the browser:\n  - ${list.join('\n  - ')}`);
  }
}

/** Screenshots and HTML of every open page, for diagnosing a failure (best effort). */
export async function saveArtifacts(context, label) {
  const slug = String(label).replace(/[^a-zA-Z0-9_-]+/g, '_').slice(0, 100);
  try {
    mkdirSync(RESULTS_DIR, { recursive: true });
    let i = 0;
    for (const page of context.pages()) {
      const base = path.join(RESULTS_DIR, `${slug}-${i++}`);
      await page.screenshot({ path: `${base}.png`, fullPage: true, timeout: 5_000 }).catch(() => {});
      const html = await page.content().catch(() => '');
      writeFileSync(`${base}.html`, `<!-- ${page.url()} -->\n${html}`);
    }
    return RESULTS_DIR;
  } catch {
    return null;
  }
}

/**
 * Runs `fn(context)` in a fresh guarded context and checks the guard afterwards; on failure
 * saves screenshots/HTML to test-results/. Always closes the context.
 */
export async function withContext(label, options, fn) {
  const context = await newContext(options);
  let ranThrough = false;
  try {
    await fn(context);
    ranThrough = true;
    assertNoProblems(context, label);
  } catch (err) {
    const dir = await saveArtifacts(context, label);
    if (err && typeof err === 'object' && 'message' in err) {
      if (dir) err.message += `\n(screenshots and HTML in ${dir})`;
      const extra = ranThrough ? [] : problems(context);
      if (extra.length) err.message += `\nbrowser problems recorded too:\n  - ${extra.join('\n  - ')}`;
    }
    throw err;
  } finally {
    await context.close().catch(() => {});
  }
}

/** Both JavaScript modes, for journeys that must work with and without scripts. */
export const JS_MODES = [
  { name: 'JS on', tag: 'js', javaScriptEnabled: true },
  { name: 'JS off', tag: 'nojs', javaScriptEnabled: false },
];
