// A small, dependency-free HTTP client for a running dias, and helpers to start, stop and
// drive the `dias` binary. Used by bench/crash.mjs and bench/soak.mjs (and other bench
// scripts); needs Node 20 (built-in fetch, Headers#getSetCookie).
//
//   import { startServer, runDias, signIn, stopServer } from './lib/client.mjs';
//   await runDias(['demo'], { binary, dataDir });
//   const server = await startServer({ binary, dataDir, port: 18200 });
//   const staff = await signIn(server.baseUrl, 'redaktion@demo.dias.example', 'Demo-Passwort-2026');
//   const f = await staff.form('/redaktion/aktuelles/neu');
//   const r = await staff.post('/redaktion/aktuelles/neu', { ...f.fields, title: 'Hallo' });
//   // r.status === 303, r.location === '/redaktion/aktuelles/17?hinweis=…'
//   await stopServer(server);
//
// Cookies: over plain http (the default public URL is http://LISTEN) the session cookie is
// `dias_session`; with an https public URL it is `__Host-dias_session` (Secure). The jar
// keeps whatever the server sets, by name, and sends every cookie back (all are Path=/ on the
// one origin), so both work.
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Demo password of every `@demo.dias.example` account (`dias demo`). */
export const DEMO_PASSWORD = 'Demo-Passwort-2026';

/** The demo account `name@demo.dias.example` (buerger, akteur, netzbetreiber, kommune, moderation, redaktion). */
export function demoEmail(name) {
  return `${name}@demo.dias.example`;
}

// --- cookies -------------------------------------------------------------------------------

/** A cookie jar for one origin: name → value; `Max-Age=0` / past `Expires` remove a cookie. */
export class CookieJar {
  constructor() {
    /** @type {Map<string, string>} */
    this.cookies = new Map();
  }

  /** Takes the `Set-Cookie` headers of a fetch Response (or a Headers object). */
  store(headers) {
    const h = headers.headers ?? headers;
    const lines = typeof h.getSetCookie === 'function' ? h.getSetCookie() : [];
    for (const line of lines) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => {
        const [k, v = ''] = a.split('=');
        const key = k.trim().toLowerCase();
        if (key === 'max-age') return Number(v.trim()) <= 0;
        if (key === 'expires') return Date.parse(v.trim()) <= Date.now();
        return false;
      });
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** The value of cookie `name`, or undefined. */
  get(name) {
    return this.cookies.get(name);
  }

  /** The `Cookie` request header ('' when empty). */
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

// --- HTML forms -----------------------------------------------------------------------------

/** Decodes the HTML character references that askama escaping produces (and numeric ones). */
export function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos|#39|nbsp);/gi, (m, e) => {
    const k = e.toLowerCase();
    if (k === 'amp') return '&';
    if (k === 'lt') return '<';
    if (k === 'gt') return '>';
    if (k === 'quot') return '"';
    if (k === 'apos') return "'";
    if (k === 'nbsp') return '\u00a0';
    if (k.startsWith('#x')) return String.fromCodePoint(parseInt(k.slice(2), 16));
    if (k.startsWith('#')) return String.fromCodePoint(parseInt(k.slice(1), 10));
    return m;
  });
}

function attr(tag, name) {
  const m = tag.match(new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'));
  if (!m) return undefined;
  return decodeEntities(m[1] ?? m[2] ?? m[3] ?? '');
}

function hasAttr(tag, name) {
  return new RegExp(`\\s${name}(\\s|=|>|/)`, 'i').test(tag);
}

/**
 * The forms of an HTML page: `[{ action, method, fields }]`, where `fields` holds the values a
 * browser would submit without user input (hidden and text inputs, checked checkboxes and
 * radios, textareas, the selected — or first — option of each select). Repeated names (e.g.
 * checkboxes) become arrays. Submit buttons and file inputs are left out.
 */
export function parseForms(html) {
  const forms = [];
  const re = /<form\b([^>]*)>([\s\S]*?)<\/form>/gi;
  let m;
  while ((m = re.exec(html))) {
    const tag = `<form${m[1]}>`;
    const inner = m[2];
    const fields = {};
    const add = (name, value) => {
      if (name === undefined) return;
      if (name in fields) fields[name] = [].concat(fields[name], value);
      else fields[name] = value;
    };
    for (const input of inner.match(/<input\b[^>]*>/gi) ?? []) {
      const type = (attr(input, 'type') ?? 'text').toLowerCase();
      if (['submit', 'button', 'image', 'file', 'reset'].includes(type)) continue;
      if (hasAttr(input, 'disabled')) continue;
      if ((type === 'checkbox' || type === 'radio') && !hasAttr(input, 'checked')) continue;
      add(attr(input, 'name'), attr(input, 'value') ?? (type === 'checkbox' ? 'on' : ''));
    }
    for (const t of inner.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/gi)) {
      add(attr(`<textarea${t[1]}>`, 'name'), decodeEntities(t[2].replace(/^\r?\n/, '')));
    }
    for (const s of inner.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/gi)) {
      const options = [...s[2].matchAll(/<option\b([^>]*)>([\s\S]*?)(?=<option\b|<\/optgroup>|$)/gi)];
      const pick = options.find((o) => hasAttr(`<option${o[1]}>`, 'selected')) ?? options[0];
      if (!pick) continue;
      const value = attr(`<option${pick[1]}>`, 'value') ?? decodeEntities(pick[2].replace(/<\/option>[\s\S]*$/i, '').trim());
      add(attr(`<select${s[1]}>`, 'name'), value);
    }
    forms.push({
      action: attr(tag, 'action') ?? '',
      method: (attr(tag, 'method') ?? 'get').toLowerCase(),
      fields,
    });
  }
  return forms;
}

function encodeFields(fields) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || v === null) continue;
    for (const one of [].concat(v)) body.append(k, String(one));
  }
  return body;
}

// --- sessions -------------------------------------------------------------------------------

/**
 * One visitor of a dias server: a cookie jar, the last CSRF token seen, and request helpers.
 * Never follows redirects: every answer comes back as `{ status, location, body, headers }`.
 */
export class Session {
  /** @param {string} baseUrl e.g. `http://127.0.0.1:18200` (no trailing slash needed) */
  constructor(baseUrl, { timeoutMs = 30_000 } = {}) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.origin = new URL(this.baseUrl).origin;
    this.jar = new CookieJar();
    /** The last `_csrf` value seen on a page (per session, so it stays valid). */
    this.csrf = null;
    this.timeoutMs = timeoutMs;
  }

  /** Raw request. `init` is passed to fetch (method, headers, body); cookies are added and kept. */
  async request(method, path, { headers = {}, body, timeoutMs = this.timeoutMs } = {}) {
    const h = { ...headers };
    const cookie = this.jar.header();
    if (cookie) h.cookie = cookie;
    const res = await fetch(new URL(path, this.baseUrl + '/'), {
      method,
      headers: h,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    this.jar.store(res);
    const text = await res.text();
    return {
      status: res.status,
      location: res.headers.get('location'),
      body: text,
      headers: res.headers,
    };
  }

  /** GET `path`; remembers a `_csrf` hidden field found on the page. */
  async get(path, opts = {}) {
    const r = await this.request('GET', path, opts);
    const token = r.body.match(/name="_csrf"\s+value="([^"]+)"/) ?? r.body.match(/value="([^"]+)"\s+name="_csrf"/);
    if (token) this.csrf = decodeEntities(token[1]);
    return r;
  }

  /**
   * GETs a page and returns its form: `{ status, csrf, action, fields, forms, body }`.
   * Picks the form whose action equals `action` (path, query ignored), else the first POST form
   * inside `<main>` (the header's sign-out form is outside), else the first POST form.
   * Throws when the page is not 200 or has no such form.
   */
  async form(path, { action } = {}) {
    const r = await this.get(path);
    if (r.status !== 200) throw new Error(`GET ${path}: HTTP ${r.status}${r.location ? ` → ${r.location}` : ''}`);
    const mainAt = r.body.search(/<main\b/i);
    const inMain = mainAt >= 0 ? parseForms(r.body.slice(mainAt)) : [];
    const all = parseForms(r.body);
    const strip = (a) => a.split('?')[0].split('#')[0];
    let form;
    if (action) form = all.find((f) => strip(f.action) === strip(action));
    else form = inMain.find((f) => f.method === 'post') ?? all.find((f) => f.method === 'post');
    if (!form) throw new Error(`GET ${path}: no ${action ? `form with action ${action}` : 'POST form'} on the page`);
    const csrf = form.fields._csrf ?? this.csrf;
    return { status: r.status, csrf, action: form.action || path, fields: { ...form.fields }, forms: all, body: r.body };
  }

  /**
   * POSTs `fields` urlencoded to `path`, with the session's `_csrf` (unless `fields._csrf` is
   * set) and `Origin: <base URL>`. Does not follow redirects. Returns `{ status, location, body, headers }`.
   */
  async post(path, fields = {}, { headers = {}, timeoutMs } = {}) {
    const all = { ...fields };
    if (all._csrf === undefined) {
      if (!this.csrf) await this.get('/');
      all._csrf = this.csrf;
    }
    return this.request('POST', path, {
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: this.origin,
        ...headers,
      },
      body: encodeFields(all).toString(),
      timeoutMs,
    });
  }
}

/**
 * Signs in at `/konto/anmelden` with e-mail and password. Resolves to a {@link Session} that
 * holds the session cookie. With a second factor on the account, `session.secondFactorPending`
 * is true and `session.secondFactorPath` is where to post the code (`code` field). Throws on any
 * other answer than the 303 of a successful sign-in.
 */
export async function signIn(baseUrl, email, password, opts = {}) {
  const s = new Session(baseUrl, opts);
  const f = await s.form('/konto/anmelden', { action: '/konto/anmelden' });
  const r = await s.post('/konto/anmelden', { ...f.fields, email, password });
  if (r.status !== 303) {
    throw new Error(`sign-in of ${email}: HTTP ${r.status} (expected 303)`);
  }
  if (!s.jar.get('dias_session') && !s.jar.get('__Host-dias_session')) {
    throw new Error(`sign-in of ${email}: no session cookie set`);
  }
  s.secondFactorPending = (r.location ?? '').startsWith('/konto/anmelden/zweiter-faktor');
  s.secondFactorPath = s.secondFactorPending ? r.location : null;
  s.csrf = null; // the signed-in session has its own token: read it from the next page
  await s.get(s.secondFactorPending ? r.location : '/konto');
  return s;
}

// --- the dias binary ------------------------------------------------------------------------

function diasEnv(env, databaseUrl) {
  const e = { ...process.env, ...env };
  if (databaseUrl && /^postgres/i.test(databaseUrl) && !e.DIAS_SECRET_KEY) {
    throw new Error('PostgreSQL needs DIAS_SECRET_KEY (≥ 32 characters) in env, shared by all commands and instances');
  }
  return e;
}

function dbArgs(dataDir, databaseUrl) {
  const a = [];
  if (dataDir) a.push('--data-dir', dataDir);
  if (databaseUrl) a.push('--database-url', databaseUrl);
  return a;
}

/**
 * Runs `binary args… [--data-dir D] [--database-url U]` to completion, e.g.
 * `runDias(['demo'], …)` or `runDias(['user', 'create', '--email', e, '--password', p, '--role', 'staff'], …)`.
 * Resolves `{ code, stdout, stderr }`; rejects on a non-zero exit unless `check: false`.
 */
export function runDias(args, { binary = 'target/debug/dias', dataDir, databaseUrl, env = {}, check = true, input } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [...args, ...dbArgs(dataDir, databaseUrl)], {
      env: diasEnv(env, databaseUrl),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const r = { code: code ?? (signal ? 128 : 1), stdout, stderr };
      if (check && r.code !== 0) {
        reject(new Error(`dias ${args.join(' ')} exited ${code ?? signal}: ${stderr.slice(-2000)}`));
      } else resolve(r);
    });
    child.stdin.end(input ?? '');
  });
}

/**
 * Starts `binary serve --listen 127.0.0.1:PORT --data-dir D [--database-url U] --dev-mail` and
 * waits (up to `timeoutMs`) until `/healthz` answers 200. `env` is added to the environment
 * (e.g. `DIAS_SECRET_KEY`, `DIAS_SIGN_IN_LIMIT`); output goes to `logFile` (default
 * `D/server-PORT.log`, appended). Resolves `{ pid, port, baseUrl, logFile, child, exited }`,
 * where `exited` resolves `{ code, signal }` when the process ends.
 */
export async function startServer({
  binary = 'target/debug/dias',
  dataDir,
  databaseUrl,
  port,
  env = {},
  logFile,
  extraArgs = [],
  timeoutMs = 120_000,
} = {}) {
  if (!port) throw new Error('startServer: port is required');
  const log = logFile ?? `${dataDir ?? '.'}/server-${port}.log`;
  const fd = openSync(log, 'a');
  const args = ['serve', '--listen', `127.0.0.1:${port}`, ...dbArgs(dataDir, databaseUrl), '--dev-mail', ...extraArgs];
  const child = spawn(binary, args, { env: diasEnv(env, databaseUrl), stdio: ['ignore', fd, fd] });
  closeSync(fd);
  let exitInfo = null;
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exitInfo = { code, signal };
      resolve(exitInfo);
    });
    child.on('error', (error) => {
      exitInfo = { code: null, signal: null, error };
      resolve(exitInfo);
    });
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = { pid: child.pid, port, baseUrl, logFile: log, child, exited };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exitInfo) throw new Error(`dias serve on port ${port} exited early (${JSON.stringify(exitInfo)}); see ${log}`);
    try {
      const r = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
      await r.arrayBuffer();
      if (r.status === 200) return server;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`dias serve on port ${port}: /healthz not 200 within ${timeoutMs} ms; see ${log}`);
    }
    await sleep(200);
  }
}

/**
 * Stops a server from {@link startServer}: `signal` (default SIGTERM), then SIGKILL after
 * `timeoutMs`. Resolves `{ code, signal }` once the process is gone. `stopServer(s, { signal: 'SIGKILL' })`
 * is a hard crash (`kill -9`).
 */
export async function stopServer(server, { signal = 'SIGTERM', timeoutMs = 10_000 } = {}) {
  if (!server?.child) return null;
  if (server.child.exitCode === null && server.child.signalCode === null) {
    server.child.kill(signal);
    const timer = setTimeout(() => server.child.kill('SIGKILL'), timeoutMs);
    const r = await server.exited;
    clearTimeout(timer);
    return r;
  }
  return server.exited;
}

/** The server's resident memory in KiB (`VmRSS` of /proc/PID/status), or null when gone. */
export async function rssKiB(pid) {
  const { readFile } = await import('node:fs/promises');
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const m = status.match(/^VmRSS:\s+(\d+)\s+kB/m);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}
