// HTTP-level clients for the portal (no browser): a cookie jar per client, manual redirects,
// the CSRF token of the client's session, and sign-in as the demo accounts and the admin
// (password, then TOTP: enrolment the first time, the challenge afterwards — the secret is
// shared with e2e/lib/admin.mjs through the same state file in DIAS_E2E_STATE_DIR).
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { normalizeSecret, timeStep, totp } from './totp.mjs';

export const BASE_URL = (process.env.DIAS_BASE_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');

export const DEMO_PASSWORD = 'Demo-Passwort-2026';
/** The demo accounts by role (all `@demo.dias.example`). */
export const DEMO_ACCOUNTS = {
  participant: 'buerger@demo.dias.example',
  representative: 'akteur@demo.dias.example',
  operator: 'netzbetreiber@demo.dias.example',
  municipality: 'kommune@demo.dias.example',
  moderator: 'moderation@demo.dias.example',
  staff: 'redaktion@demo.dias.example',
};

export const ADMIN = {
  email: process.env.DIAS_E2E_ADMIN_EMAIL || 'admin@example.org',
  password: process.env.DIAS_E2E_ADMIN_PASSWORD || 'Festung-Koenigstein-2026-e2e',
};

const ENROL_PATH = '/konto/zweiter-faktor/einrichten';
const CHALLENGE_PATH = '/konto/anmelden/zweiter-faktor';
const LOGIN_PATH = '/konto/anmelden';

// Same file and format as e2e/lib/admin.mjs (which falls back to the results dir).
const STATE_DIR = process.env.DIAS_E2E_STATE_DIR || process.env.DIAS_E2E_RESULTS_DIR || path.resolve('test-results');
const STATE_FILE = path.join(STATE_DIR, `admin-totp-${new URL(BASE_URL).host.replace(/[^a-zA-Z0-9]+/g, '_')}.json`);

function readState() {
  try {
    const s = JSON.parse(readFileSync(STATE_FILE, 'utf8'));
    return { secret: s.secret || null, lastStep: Number.isInteger(s.lastStep) ? s.lastStep : -1 };
  } catch {
    return { secret: null, lastStep: -1 };
  }
}

function writeState(state) {
  mkdirSync(STATE_DIR, { recursive: true });
  writeFileSync(STATE_FILE, JSON.stringify(state), { mode: 0o600 });
}

/** A fresh TOTP code; waits for the next time step when this one was used already (replay). */
async function nextCode() {
  const state = readState();
  assert.ok(state.secret, `no TOTP secret known for the admin (state file ${STATE_FILE})`);
  let step = timeStep();
  if (step <= state.lastStep) {
    const waitMs = (state.lastStep + 1) * 30_000 - Date.now() + 500;
    await new Promise((r) => setTimeout(r, Math.max(0, waitMs)));
    step = timeStep();
  }
  writeState({ secret: state.secret, lastStep: step });
  return totp(state.secret, { timeMs: step * 30_000 + 1_000 });
}

/** The value of the first hidden `_csrf` field in an HTML page (null if none). */
export function csrfFrom(html) {
  const m = /<input[^>]*name="_csrf"[^>]*value="([^"]*)"/.exec(html) || /<input[^>]*value="([^"]*)"[^>]*name="_csrf"/.exec(html);
  return m ? m[1] : null;
}

/** A client with its own cookie jar (one browser, in effect). */
export class Client {
  constructor(label = 'visitor') {
    this.label = label;
    this.cookies = new Map();
    this.csrf = null;
  }

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** Names of the cookies the client holds. */
  cookieNames() {
    return [...this.cookies.keys()];
  }

  storeCookies(res) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /**
   * One request, redirects not followed. `form` (object or [k, v] pairs) is sent urlencoded,
   * `body` as given. Returns { status, location, text, headers }.
   */
  async request(method, url, { form, body, headers = {}, readBody = true } = {}) {
    const h = { ...headers };
    const cookie = this.cookieHeader();
    if (cookie) h.cookie = cookie;
    let payload = body;
    if (form !== undefined) {
      payload = new URLSearchParams(Array.isArray(form) ? form : Object.entries(form)).toString();
      h['content-type'] = 'application/x-www-form-urlencoded';
    }
    const res = await fetch(BASE_URL + url, { method, headers: h, body: payload, redirect: 'manual' });
    this.storeCookies(res);
    const text = readBody ? await res.text() : (await res.body?.cancel(), '');
    return { status: res.status, location: res.headers.get('location'), text, headers: res.headers };
  }

  get(url, opts) {
    return this.request('GET', url, opts);
  }

  post(url, form, opts = {}) {
    return this.request('POST', url, { ...opts, form });
  }

  /** GET a page and keep its `_csrf` token as the client's token. */
  async refreshCsrf(url = '/') {
    const res = await this.get(url);
    const token = csrfFrom(res.text);
    assert.ok(token, `${this.label}: no _csrf field in GET ${url} (status ${res.status})`);
    this.csrf = token;
    return token;
  }

  /** Password sign-in; returns the response of the password form. */
  async signInWithPassword(email, password) {
    const token = await this.refreshCsrf(LOGIN_PATH);
    const res = await this.post(LOGIN_PATH, { _csrf: token, email, password });
    assert.equal(res.status, 303, `${this.label}: sign-in as ${email} answered ${res.status}, expected 303: ${snippet(res.text)}`);
    return res;
  }
}

export function snippet(html, n = 300) {
  return String(html)
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, n);
}

function pathOf(location) {
  return location ? new URL(location, BASE_URL).pathname : null;
}

/** A client signed in as the demo account of `role` (see DEMO_ACCOUNTS). */
export async function signInDemo(role) {
  const email = DEMO_ACCOUNTS[role];
  assert.ok(email, `no demo account for role ${role}`);
  const client = new Client(role);
  const res = await client.signInWithPassword(email, DEMO_PASSWORD);
  const to = pathOf(res.location);
  assert.ok(to !== LOGIN_PATH && to !== CHALLENGE_PATH && to !== ENROL_PATH, `${role}: sign-in went on to ${res.location}`);
  await client.refreshCsrf('/konto');
  return client;
}

/** A client signed in as the admin, with TOTP (enrols the second factor the first time). */
export async function signInAdmin() {
  const client = new Client('admin');
  const res = await client.signInWithPassword(ADMIN.email, ADMIN.password);
  let to = pathOf(res.location);
  if (to !== ENROL_PATH && to !== CHALLENGE_PATH) {
    // An admin without a second factor is signed in but sent to the enrolment by every page.
    const next = await client.get(to || '/konto');
    if (next.status === 303 && pathOf(next.location) === ENROL_PATH) to = ENROL_PATH;
  }
  if (to === ENROL_PATH) {
    const page = await client.get(ENROL_PATH);
    const m = /id="totp-secret"[^>]*>([^<]+)</.exec(page.text);
    assert.ok(m, `admin: no #totp-secret on ${ENROL_PATH}: ${snippet(page.text)}`);
    const secret = normalizeSecret(m[1]);
    assert.match(secret, /^[A-Z2-7]{16,}$/, `unexpected TOTP secret text ${JSON.stringify(m[1])}`);
    writeState({ secret, lastStep: -1 });
    const token = csrfFrom(page.text);
    const done = await client.post(ENROL_PATH, { _csrf: token, secret: m[1].trim(), code: await nextCode() });
    assert.equal(done.status, 303, `admin: TOTP enrolment answered ${done.status}: ${snippet(done.text)}`);
    to = pathOf(done.location);
  } else if (to === CHALLENGE_PATH) {
    assert.ok(
      readState().secret,
      `the admin has a second factor already, but this run does not know its secret; remove ${STATE_FILE} only together with the server's data dir`,
    );
    const page = await client.get(CHALLENGE_PATH);
    const token = csrfFrom(page.text);
    const done = await client.post(CHALLENGE_PATH, { _csrf: token, code: await nextCode() });
    assert.equal(done.status, 303, `admin: TOTP challenge answered ${done.status}: ${snippet(done.text)}`);
    to = pathOf(done.location);
  } else {
    assert.fail(`after the admin's password the server went to ${res.location}, expected ${ENROL_PATH} or ${CHALLENGE_PATH}`);
  }
  assert.ok(![ENROL_PATH, CHALLENGE_PATH, LOGIN_PATH].includes(to), `admin sign-in did not complete (went to ${to})`);
  await client.refreshCsrf('/konto');
  return client;
}

/** Runs `fn` over `items` with at most `limit` at once; results in order. */
export async function pool(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
