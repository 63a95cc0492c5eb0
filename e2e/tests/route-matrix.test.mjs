// The product-wide role × route matrix and the CSRF test over every state-changing route,
// over plain HTTP (no browser) against the demo server.
//
// e2e/route-matrix.txt is the spec: one line per concrete request and the expected outcome for
// each role. This test
//   1. parses every `.route("…", …)` of crates/*/src/**/*.rs and fails when a route (method and
//      pattern) has no line in the table, or a line matches no route;
//   2. signs in as every role (demo accounts, the admin with TOTP), GETs every GET line as every
//      role and POSTs every POST line as every role that may not use it (valid token, minimal
//      body: the refusal must come from the action's own authorization), then lists ALL
//      mismatches at once;
//   3. POSTs to every state-changing route without a token, with a wrong token, and with a valid
//      token from a foreign Origin / a cross-site Sec-Fetch-Site; uploads also as multipart
//      without a token: 403 from the CSRF check every time;
//   and checks that none of this changed anything (the admin's audit log and mail outbox stay
//   as they were). No request of this test is meant to succeed in changing state.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Client, pool, signInAdmin, signInDemo, snippet } from '../lib/http.mjs';

const E2E_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REPO = path.resolve(E2E_DIR, '..');
const TABLE_FILE = path.join(E2E_DIR, 'route-matrix.txt');

export const ROLES = ['visitor', 'participant', 'representative', 'operator', 'municipality', 'moderator', 'staff', 'admin'];
// One outcome, or alternatives (`ok|redirect`) where the tests before this one may have changed
// the demo data.
const OUTCOMES = /^(ok|login|deny|redirect|-|[1-5][0-9][0-9])(\|(ok|login|deny|redirect|[1-5][0-9][0-9]))*$/;
const alternatives = (expected) => expected.split('|');
const refusedOnly = (expected) => alternatives(expected).every((o) => o === 'deny' || o === 'login');
const CONCURRENCY = 4;
// The German text of the CSRF error page (error-csrf in crates/dias-web/locales/de.ftl).
const CSRF_TEXT = 'stammt nicht von dieser Website';

// State-changing routes that may be used without the CSRF token: none. An entry would be
// 'METHOD /pattern': 'reason' (e.g. a webhook or a one-click unsubscribe link in a mail).
const CSRF_EXEMPT = {};

// ------------------------------------------------------------------------------------------
// routes from the sources

function rustFiles(dir, out = []) {
  for (const entry of readdirSync(dir)) {
    const p = path.join(dir, entry);
    if (statSync(p).isDirectory()) rustFiles(p, out);
    else if (p.endsWith('.rs')) out.push(p);
  }
  return out;
}

const constsIn = (text) => [...text.matchAll(/const\s+([A-Z][A-Z0-9_]*)\s*:\s*&(?:'static\s+)?str\s*=\s*"([^"]*)"/g)];

/**
 * Every `.route(PATH, handlers)` call in the crates' sources: { method, pattern, file }.
 * PATH is a string literal or a `&str` constant of the same file or (unique) of the crate;
 * handlers are `get(…)`, `post(…)`, `put(…)`, `delete(…)`, `patch(…)`, chained or not, over
 * any number of lines. `.nest(` would prefix routes: it is refused (not used so far).
 */
export function sourceRoutes() {
  const routes = [];
  const problems = [];
  const cratesDir = path.join(REPO, 'crates');
  for (const crate of readdirSync(cratesDir)) {
    const src = path.join(cratesDir, crate, 'src');
    if (!statSync(src, { throwIfNoEntry: false })?.isDirectory()) continue;
    const files = rustFiles(src).map((f) => ({ f, text: readFileSync(f, 'utf8') }));
    const crateConsts = new Map();
    for (const { text } of files) {
      for (const [, name, value] of constsIn(text)) crateConsts.set(name, [...(crateConsts.get(name) || []), value]);
    }
    for (const { f, text } of files) {
      const rel = path.relative(REPO, f);
      if (/\.nest(_service)?\(/.test(text)) problems.push(`${rel}: .nest( is not understood by this test; list its routes or extend sourceRoutes()`);
      const local = new Map(constsIn(text).map(([, n, v]) => [n, v]));
      let i = 0;
      while ((i = text.indexOf('.route(', i)) >= 0) {
        let j = i + '.route('.length;
        let depth = 1;
        while (j < text.length && depth > 0) {
          if (text[j] === '(') depth++;
          else if (text[j] === ')') depth--;
          j++;
        }
        const args = text.slice(i + '.route('.length, j - 1);
        const line = text.slice(0, i).split('\n').length;
        i = j;
        let pattern = null;
        const literal = /^\s*"([^"]*)"/.exec(args);
        const constant = /^\s*&?(?:[a-z_]+::)*([A-Z][A-Z0-9_]*)\s*,/.exec(args);
        if (literal) pattern = literal[1];
        else if (constant) {
          const name = constant[1];
          const candidates = crateConsts.get(name) || [];
          pattern = local.get(name) ?? (candidates.length === 1 ? candidates[0] : null);
        }
        if (!pattern) {
          problems.push(`${rel}:${line}: cannot read the path of .route(${args.slice(0, 60).replace(/\s+/g, ' ')}…)`);
          continue;
        }
        const methods = new Set([...args.matchAll(/\b(get|post|put|delete|patch)\s*\(/g)].map((m) => m[1].toUpperCase()));
        if (methods.size === 0) problems.push(`${rel}:${line}: no method handler found in .route("${pattern}", …)`);
        for (const method of methods) routes.push({ method, pattern, file: `${rel}:${line}`, crate });
      }
    }
  }
  return { routes, problems };
}

function patternRegex(pattern) {
  const body = pattern
    .split('/')
    .map((seg) => {
      if (/^\{\*[^}]+\}$/.test(seg)) return '.+';
      return seg
        .split(/(\{[^}]+\})/)
        .map((part) => (/^\{[^}]+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
        .join('');
    })
    .join('/');
  return new RegExp(`^${body}$`);
}

// axum prefers a literal segment to a parameter, a parameter to a wildcard.
function specificity(pattern) {
  return pattern.split('/').map((seg) => (seg.startsWith('{*') ? 0 : seg.includes('{') ? 1 : 2));
}

function moreSpecific(a, b) {
  const sa = specificity(a);
  const sb = specificity(b);
  for (let k = 0; k < Math.max(sa.length, sb.length); k++) {
    if ((sa[k] ?? -1) !== (sb[k] ?? -1)) return (sa[k] ?? -1) > (sb[k] ?? -1);
  }
  return false;
}

// ------------------------------------------------------------------------------------------
// the table

/**
 * Lines of e2e/route-matrix.txt: `METHOD PATH visitor … admin [body:k=v&…]`.
 * METHOD is GET, POST (urlencoded) or UPLOAD (POST as multipart/form-data).
 */
export function readTable(file = TABLE_FILE) {
  const lines = [];
  const problems = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((raw, idx) => {
      const text = raw.replace(/(^|\s)#.*$/, '').trim();
      if (!text) return;
      const cols = text.split(/\s+/);
      const where = `route-matrix.txt:${idx + 1}`;
      const [method, url] = cols;
      let rest = cols.slice(2);
      let body = [];
      if (rest.at(-1)?.startsWith('body:')) {
        body = [...new URLSearchParams(rest.at(-1).slice('body:'.length))];
        rest = rest.slice(0, -1);
      }
      if (!['GET', 'POST', 'UPLOAD'].includes(method)) problems.push(`${where}: unknown method ${method}`);
      if (!url?.startsWith('/')) problems.push(`${where}: path must start with /: ${url}`);
      if (rest.length !== ROLES.length) problems.push(`${where}: ${rest.length} outcomes, expected ${ROLES.length} (${ROLES.join(' ')})`);
      const bad = rest.filter((o) => !OUTCOMES.test(o));
      if (bad.length) problems.push(`${where}: unknown outcome(s) ${bad.join(', ')}`);
      // A POST is only sent where it must be refused; `ok` says who may use it.
      const badPost = method === 'GET' ? [] : rest.filter((o) => !alternatives(o).every((a) => ['ok', 'deny', 'login', '-'].includes(a)));
      if (badPost.length) problems.push(`${where}: a ${method} line takes ok, deny, login or - (got ${badPost.join(', ')})`);
      lines.push({ method, url, body, expect: Object.fromEntries(ROLES.map((r, k) => [r, rest[k]])), where });
    });
  return { lines, problems };
}

const httpMethod = (m) => (m === 'UPLOAD' ? 'POST' : m);

/** For each line its route (the most specific matching pattern of the same HTTP method). */
function assignRoutes(routes, lines) {
  for (const line of lines) {
    const p = line.url.split('?')[0];
    const candidates = routes.filter((r) => r.method === httpMethod(line.method) && r.re.test(p));
    line.route = candidates.reduce((best, r) => (!best || moreSpecific(r.pattern, best.pattern) ? r : best), null);
  }
}

// ------------------------------------------------------------------------------------------
// requests

function outcome(res) {
  if (res.status >= 200 && res.status < 300) return 'ok';
  if (res.status >= 300 && res.status < 400) {
    return new URL(res.location || '/', 'http://x').pathname === '/konto/anmelden' ? 'login' : 'redirect';
  }
  if (res.status === 403) return 'deny';
  return String(res.status);
}

function multipartBody(fields) {
  const boundary = `----dias-matrix-${Date.now().toString(36)}`;
  const parts = fields.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  return { body: `${parts.join('')}--${boundary}--\r\n`, type: `multipart/form-data; boundary=${boundary}` };
}

/** POST `line` as `client`; `token` null sends no _csrf field. */
function send(client, line, token, headers = {}, asMultipart = line.method === 'UPLOAD') {
  const fields = [...(token === null ? [] : [['_csrf', token]]), ...line.body];
  if (asMultipart) {
    const { body, type } = multipartBody(fields.length ? fields : [['leer', '']]);
    return client.request('POST', line.url, { body, headers: { ...headers, 'content-type': type } });
  }
  return client.request('POST', line.url, { form: fields.length ? fields : [['leer', '']], headers });
}

// The audit log and the mail outbox as the admin sees them: what any successful state change
// of this test would show up in. Downloads of personal data (exports) are audited on purpose,
// also when they are a GET: those entries are allowed.
const EXPORT_ROW = /exportiert|-exported/i;

function tableRows(html) {
  const tbody = /<tbody[\s\S]*?<\/tbody>/.exec(html)?.[0] || '';
  return tbody
    .split(/<tr[\s>]/)
    .slice(1)
    .map((row) => snippet(`<tr ${row}`, 500));
}

async function sideEffectSnapshot(admin) {
  const audit = [];
  for (let page = 1; page < 1000; page++) {
    const res = await admin.get(`/verwaltung/protokoll?seite=${page}`);
    assert.equal(res.status, 200, `GET /verwaltung/protokoll?seite=${page} as admin answered ${res.status}`);
    const rows = tableRows(res.text);
    audit.push(...rows);
    if (rows.length < 25) break; // PER_PAGE of the admin area
  }
  const outbox = await admin.get('/verwaltung/postausgang');
  assert.equal(outbox.status, 200, `GET /verwaltung/postausgang as admin answered ${outbox.status}`);
  return { audit, mail: tableRows(outbox.text)[0] || '(empty)' };
}

/** What changed between two snapshots other than audited exports (empty: nothing). */
function sideEffects(before, after) {
  const found = [];
  const added = after.audit.length - before.audit.length;
  const fresh = after.audit.slice(0, Math.max(0, added));
  for (const row of fresh) if (!EXPORT_ROW.test(row)) found.push(`new audit log entry: ${row}`);
  if (added < 0 || (before.audit.length && after.audit[added] !== before.audit[0])) {
    found.push(`the audit log changed: ${before.audit.length} entries before, ${after.audit.length} after`);
  }
  if (after.mail !== before.mail) found.push(`new mail in the outbox: ${after.mail}`);
  return found;
}

// ------------------------------------------------------------------------------------------

const { routes: SOURCE_ROUTES, problems: SOURCE_PROBLEMS } = sourceRoutes();
for (const r of SOURCE_ROUTES) r.re = patternRegex(r.pattern);
const { lines: LINES, problems: TABLE_PROBLEMS } = readTable();
assignRoutes(SOURCE_ROUTES, LINES);

test('every route of the sources has a line in e2e/route-matrix.txt', () => {
  const problems = [...SOURCE_PROBLEMS, ...TABLE_PROBLEMS];
  assert.ok(SOURCE_ROUTES.length > 100, `only ${SOURCE_ROUTES.length} routes found in crates/*/src — is the parser broken?`);
  const covered = new Set(LINES.filter((l) => l.route).map((l) => `${l.route.method} ${l.route.pattern}`));
  const seen = new Set();
  for (const r of SOURCE_ROUTES) {
    const key = `${r.method} ${r.pattern}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!covered.has(key)) {
      problems.push(`route without a line in e2e/route-matrix.txt: ${key} (${r.file}) — add a concrete ${r.method === 'POST' ? 'POST (or UPLOAD)' : r.method} line with the expected outcome per role`);
    }
  }
  for (const l of LINES) {
    if (l.route) continue;
    // GET pages without a route of their own are the content module's pages (the fallback).
    if (l.method !== 'GET') problems.push(`${l.where}: ${l.method} ${l.url} matches no ${httpMethod(l.method)} route of the sources`);
  }
  if (problems.length) assert.fail(`${problems.length} problem(s):\n${problems.join('\n')}`);
});

test('role × route matrix and CSRF protection of every state-changing route', { timeout: 170_000 }, async (t) => {
  const started = Date.now();
  // The admin's TOTP may wait for the next time step (replay protection): sign in meanwhile.
  const adminPromise = signInAdmin();
  const clients = { visitor: new Client('visitor') };
  await clients.visitor.refreshCsrf('/konto/anmelden');
  assert.deepEqual(clients.visitor.cookieNames(), [], 'a visitor got a cookie from the sign-in page');
  for (const role of ROLES.slice(1, -1)) clients[role] = await signInDemo(role);
  clients.admin = await adminPromise;
  t.diagnostic(`signed in as ${ROLES.length - 1} roles in ${Date.now() - started} ms`);

  const before = await sideEffectSnapshot(clients.admin);
  const mismatches = [];
  const bugs = [];
  const note = (line, role, expected, res, what = '') => {
    const got = outcome(res);
    if (res.status >= 500) bugs.push(`${line.method} ${line.url} as ${role}: ${res.status} ${what}`);
    mismatches.push(
      `${line.method.padEnd(6)} ${line.url}  ${role}: expected ${expected}, got ${got}${what ? ` ${what}` : ''}` +
        (res.status >= 300 && res.status < 400 ? ` → ${res.location}` : '') +
        ` (${line.where})`,
    );
  };

  // 2a. every GET line as every role
  const gets = LINES.filter((l) => l.method === 'GET').flatMap((l) => ROLES.filter((r) => l.expect[r] !== '-').map((r) => [l, r]));
  await pool(gets, CONCURRENCY, async ([line, role]) => {
    const res = await clients[role].get(line.url);
    if (!alternatives(line.expect[role]).includes(outcome(res))) note(line, role, line.expect[role], res);
  });
  const afterGets = await sideEffectSnapshot(clients.admin);

  // 2b. every POST line as every role that must be refused: valid token, minimal body
  const refusals = LINES.filter((l) => l.method !== 'GET').flatMap((l) =>
    ROLES.filter((r) => refusedOnly(l.expect[r])).map((r) => [l, r]),
  );
  await pool(refusals, CONCURRENCY, async ([line, role]) => {
    const client = clients[role];
    const res = await send(client, line, client.csrf);
    if (res.status === 403 && res.text.includes(CSRF_TEXT)) {
      note(line, role, line.expect[role], res, '(refused by the CSRF check although the token was valid: authorization untested)');
    } else if (!alternatives(line.expect[role]).includes(outcome(res))) note(line, role, line.expect[role], res);
  });
  const afterPosts = await sideEffectSnapshot(clients.admin);

  // 3. CSRF: every state-changing line, as the admin (past every authorization) and, where
  //    visitors may post, as a visitor (anonymous token)
  const csrfProblems = [];
  const csrfCases = [];
  const posts = LINES.filter((l) => l.method !== 'GET');
  for (const line of posts) {
    if (CSRF_EXEMPT[`POST ${line.route?.pattern}`]) continue;
    // Signing out (everywhere) would end sessions of the suite if the check failed: a
    // participant's session stands in for those.
    const who = line.url.startsWith('/konto/') ? ['participant'] : ['admin'];
    if (line.expect.visitor === 'ok') who.push('visitor');
    // A public upload path counts every request per client before its body is read (30 an
    // hour; the whole suite shares one address): only the visitor sends the two requests that
    // are counted (the Origin / Sec-Fetch-Site checks come before the count).
    const publicUpload = line.method === 'UPLOAD' && line.expect.visitor === 'ok';
    for (const role of who) {
      const c = clients[role];
      const add = (how, run, counted = true) => {
        if (publicUpload && counted && role !== 'visitor') return;
        csrfCases.push([line, role, how, run, publicUpload && counted]);
      };
      add('without _csrf', () => send(c, line, null));
      add('with a wrong _csrf', () => send(c, line, `${c.csrf.slice(0, -4)}AAAA`));
      add('valid token, Origin https://evil.example', () => send(c, line, c.csrf, { origin: 'https://evil.example' }), false);
      add('valid token, Sec-Fetch-Site: cross-site', () => send(c, line, c.csrf, { 'sec-fetch-site': 'cross-site' }), false);
      if (publicUpload) continue;
      if (line.method !== 'UPLOAD') add('multipart without _csrf', () => send(c, line, null, {}, true));
      else add('urlencoded without _csrf', () => send(c, line, null, {}, false));
    }
  }
  const budgetSpent = [];
  await pool(csrfCases, CONCURRENCY, async ([line, role, how, run, counted]) => {
    const res = await run();
    if (res.status >= 500) bugs.push(`${line.method} ${line.url} as ${role} ${how}: ${res.status}`);
    // Refused by the per-client upload count before the token could be read: nothing happened,
    // but the token check is not proved by this run (the suite's uploads used the budget).
    if (counted && res.status === 429) budgetSpent.push(`${line.url} ${how}`);
    else if (res.status !== 403 || !res.text.includes(CSRF_TEXT)) {
      csrfProblems.push(`${line.method.padEnd(6)} ${line.url}  ${role} ${how}: expected 403 (CSRF), got ${res.status}${res.location ? ` → ${res.location}` : ''} (${line.where})`);
    }
  });
  if (budgetSpent.length) t.diagnostic(`429 (upload budget of this address spent) instead of the CSRF check: ${budgetSpent.join('; ')}`);
  const afterCsrf = await sideEffectSnapshot(clients.admin);

  const effects = [
    ...sideEffects(before, afterGets).map((e) => `after the GETs: ${e}`),
    ...sideEffects(afterGets, afterPosts).map((e) => `after the refused POSTs: ${e}`),
    ...sideEffects(afterPosts, afterCsrf).map((e) => `after the CSRF requests: ${e}`),
  ];

  const gotCount = gets.length + refusals.length + csrfCases.length;
  t.diagnostic(
    `${LINES.length} lines (${LINES.filter((l) => l.method === 'GET').length} GET, ${posts.length} POST/UPLOAD); ` +
      `${gets.length} GETs, ${refusals.length} refused POSTs, ${csrfCases.length} CSRF requests = ${gotCount} in ${Date.now() - started} ms`,
  );
  const report = [];
  if (bugs.length) report.push(`server errors (product bugs):\n  ${bugs.join('\n  ')}`);
  if (mismatches.length) report.push(`${mismatches.length} matrix mismatch(es):\n  ${mismatches.sort().join('\n  ')}`);
  if (csrfProblems.length) report.push(`${csrfProblems.length} CSRF failure(s):\n  ${csrfProblems.sort().join('\n  ')}`);
  if (effects.length) report.push(`side effects:\n  ${effects.join('\n  ')}`);
  assert.equal(report.length, 0, `\n${report.join('\n\n')}`);
});
