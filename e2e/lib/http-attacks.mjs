// Plain-HTTP helpers for attack and limit tests (no browser): a signed-in client with a
// cookie jar and the page's CSRF token, hand-built multipart bodies (so that file names with
// NUL, quotes, path separators or RTL overrides reach the server byte for byte), a raw
// streaming request that claims a huge body, and readers for the messages a page shows.
import assert from 'node:assert/strict';
import net from 'node:net';
import { createHash } from 'node:crypto';
import { BASE_URL } from './browser.mjs';
import { pdf } from './files.mjs';

export { BASE_URL };

export const DEMO_PASSWORD = 'Demo-Passwort-2026';
export const demo = (who) => ({ email: `${who}@demo.dias.example`, password: DEMO_PASSWORD });

const ORIGIN = new URL(BASE_URL).origin;

/** An HTTP client with its own cookie jar: a visitor until `signIn`. */
export class Client {
  constructor() {
    this.cookies = new Map();
  }

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  keep(response) {
    for (const line of response.headers.getSetCookie?.() ?? []) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** fetch with the jar, no redirects followed; returns { status, headers, text, ms, url }. */
  async request(path, { method = 'GET', headers = {}, body, binary = false } = {}) {
    const url = path.startsWith('http') ? path : BASE_URL + path;
    const t0 = performance.now();
    const response = await fetch(url, {
      method,
      redirect: 'manual',
      headers: {
        ...(this.cookies.size ? { cookie: this.cookieHeader() } : {}),
        ...(method === 'GET' || method === 'HEAD' ? {} : { origin: ORIGIN }),
        ...headers,
      },
      body,
    });
    this.keep(response);
    const buf = Buffer.from(await response.arrayBuffer());
    const ms = performance.now() - t0;
    return {
      status: response.status,
      headers: response.headers,
      text: binary ? '' : buf.toString('utf8'),
      bytes: buf,
      ms,
      url,
      location: response.headers.get('location'),
    };
  }

  get(path, opts = {}) {
    return this.request(path, opts);
  }

  /** The CSRF token and the first form's hidden fields of a page (GET, must be 200). */
  async form(path, action) {
    const page = await this.get(path);
    assert.equal(page.status, 200, `GET ${path}: ${page.status}`);
    return { page, csrf: csrfOf(page.text), hidden: hiddenFields(page.text, action) };
  }

  /** An urlencoded POST; `fields` is an object or a list of pairs. */
  postForm(path, fields, headers = {}) {
    const body = new URLSearchParams(Array.isArray(fields) ? fields : Object.entries(fields)).toString();
    return this.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body,
    });
  }

  /** A multipart POST: `parts` as built by `multipart()`. */
  postMultipart(path, parts) {
    const { body, contentType } = multipart(parts);
    return this.request(path, { method: 'POST', headers: { 'content-type': contentType }, body });
  }

  /** Signs in with e-mail and password (no second factor); asserts the redirect. */
  async signIn({ email, password }) {
    const { csrf } = await this.form('/konto/anmelden');
    const r = await this.postForm('/konto/anmelden', { _csrf: csrf, email, password });
    assert.equal(r.status, 303, `sign-in of ${email}: ${r.status} ${messageOf(r.text)}`);
    assert.ok(!/anmelden/.test(r.location ?? ''), `sign-in of ${email} went to ${r.location}`);
    return this;
  }

  /** A fresh CSRF token (from any page of the portal). */
  async csrf(path = '/') {
    return csrfOf((await this.get(path)).text);
  }
}

export async function signedIn(who) {
  return new Client().signIn(typeof who === 'string' ? demo(who) : who);
}

export function csrfOf(html) {
  const m = html.match(/name="_csrf" value="([^"]+)"/);
  assert.ok(m, 'no CSRF token on the page');
  return m[1];
}

/** The hidden inputs of the form whose action is `action` (or of the whole page). */
export function hiddenFields(html, action) {
  let scope = html;
  if (action) {
    const start = html.indexOf(`action="${action}"`);
    if (start >= 0) scope = html.slice(start, html.indexOf('</form>', start));
  }
  const out = {};
  for (const m of scope.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
    out[m[1]] ??= decode(m[2]);
  }
  return out;
}

export function decode(s) {
  return s
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** What an error page or JSON error says: title, lead and detail (text only). */
export function messageOf(text) {
  if (/^\s*\{/.test(text)) {
    try {
      const j = JSON.parse(text);
      return [j.error, j.detail].filter(Boolean).join(' — ');
    } catch {
      return text.slice(0, 200);
    }
  }
  const main = text.match(/<main[\s\S]*?<\/main>/)?.[0] ?? text;
  const parts = [];
  for (const re of [/<h1[^>]*>([\s\S]*?)<\/h1>/, /<p class="lead">([\s\S]*?)<\/p>/, /<p class="lead">[\s\S]*?<\/p>\s*<p>([\s\S]*?)<\/p>/]) {
    const m = main.match(re);
    if (m) parts.push(strip(m[1]));
  }
  return parts.join(' — ');
}

/** The message shown at a form field (`<p class="field__error" id="NAME-error">`). */
export function fieldError(html, name) {
  const m = html.match(new RegExp(`id="${name}-error"[^>]*>([\\s\\S]*?)</`));
  return m ? strip(m[1]) : null;
}

/** The error summary's entries (every field message of a refused form). */
export function errorSummary(html) {
  const box = html.match(/class="error-summary"[\s\S]*?<\/ul>/)?.[0] ?? '';
  return [...box.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => strip(m[1]));
}

export function strip(s) {
  return decode(s.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();
}

// ------------------------------------------------------------------ multipart

/**
 * A multipart/form-data body. `parts`: [{ name, value }] for text fields and
 * [{ name, filename, data, type }] for files. File names are written raw (UTF-8, quotes and
 * backslashes escaped as browsers do), NUL and control characters included.
 */
export function multipart(parts) {
  const boundary = `----diasAttack${createHash('sha1').update(String(Math.random())).digest('hex').slice(0, 16)}`;
  const chunks = [];
  for (const p of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"`;
    if (p.filename !== undefined) {
      const fname = p.filename.replace(/\\/g, '\\\\').replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
      head += `; filename="${fname}"\r\nContent-Type: ${p.type ?? 'application/octet-stream'}`;
    }
    head += '\r\n\r\n';
    chunks.push(Buffer.from(head, 'utf8'));
    chunks.push(Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.value ?? p.data ?? '', 'utf8'));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

// ------------------------------------------------------------------ raw streaming

/**
 * A POST that claims `claimedBytes` (Content-Length) and sends up to `maxSendBytes` in 64 KiB
 * chunks over a raw socket, stopping as soon as the server answers or closes. A server that
 * refuses a body answers and closes while the client still writes: the answer is read from
 * the socket whatever happens to the writes. Resolves with { status, body, sent, ms }: how much
 * was sent before the server cut the request off.
 */
export function streamingPost(path, { claimedBytes, maxSendBytes, headers = {}, prefix = Buffer.alloc(0), headerWaitMs = 2_000 }) {
  const url = new URL(path, BASE_URL);
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let sent = 0;
    let done = false;
    let writeError = null;
    const received = [];
    const socket = net.connect({ host: url.hostname, port: Number(url.port || 80) });
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const { status, body } = parseResponse(Buffer.concat(received));
      resolve({ status, body, sent, ms: performance.now() - t0, error: status ? undefined : writeError });
    };
    const timer = setTimeout(() => {
      if (!done) {
        done = true;
        socket.destroy();
        reject(new Error(`no answer from ${path} within 20 s (sent ${sent} bytes)`));
      }
    }, 20_000);
    socket.on('data', (chunk) => {
      received.push(chunk);
      if (responseComplete(Buffer.concat(received))) finish();
    });
    socket.on('end', finish);
    socket.on('close', finish);
    socket.on('error', (e) => {
      writeError = e.code || String(e);
      // The answer may still be in flight: give it a moment.
      setTimeout(finish, 300);
    });
    const head = [`POST ${url.pathname}${url.search} HTTP/1.1`, `Host: ${url.host}`, `Origin: ${ORIGIN}`, `Content-Length: ${claimedBytes}`];
    for (const [k, v] of Object.entries(headers)) head.push(`${k}: ${v}`);
    socket.write(`${head.join('\r\n')}\r\n\r\n`);
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    // Between chunks the event loop runs, so an early answer is read before the next write
    // (a write after the server closed would end the socket before its answer is read).
    const pump = async () => {
      while (!done && !writeError && !received.length && sent < maxSendBytes) {
        const piece = sent === 0 && prefix.length ? prefix : chunk;
        sent += piece.length;
        if (!socket.write(piece)) {
          await new Promise((r) => {
            socket.once('drain', r);
            socket.once('data', r);
            socket.once('close', r);
          });
        } else {
          await new Promise((r) => setImmediate(r));
        }
      }
    };
    // A server that judges the announced length answers on the headers alone: wait a
    // moment for that before sending the body.
    socket.on('connect', () => setTimeout(pump, headerWaitMs));
  });
}

function splitHead(buf) {
  const end = buf.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const head = buf.subarray(0, end).toString('latin1');
  const status = Number(head.match(/^HTTP\/1\.[01] (\d{3})/)?.[1] ?? 0);
  const headers = Object.fromEntries(
    head
      .split('\r\n')
      .slice(1)
      .map((l) => [l.slice(0, l.indexOf(':')).trim().toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
  );
  return { status, headers, rest: buf.subarray(end + 4) };
}

function dechunk(buf) {
  const out = [];
  let i = 0;
  while (i < buf.length) {
    const eol = buf.indexOf('\r\n', i);
    if (eol < 0) return null;
    const size = parseInt(buf.subarray(i, eol).toString('latin1'), 16);
    if (Number.isNaN(size)) return null;
    if (size === 0) return Buffer.concat(out);
    if (eol + 2 + size > buf.length) return null;
    out.push(buf.subarray(eol + 2, eol + 2 + size));
    i = eol + 2 + size + 2;
  }
  return null;
}

function responseComplete(buf) {
  const h = splitHead(buf);
  if (!h) return false;
  if (h.headers['content-length'] !== undefined) return h.rest.length >= Number(h.headers['content-length']);
  if (/chunked/i.test(h.headers['transfer-encoding'] ?? '')) return dechunk(h.rest) !== null;
  return false;
}

function parseResponse(buf) {
  const h = splitHead(buf);
  if (!h) return { status: 0, body: '' };
  const body = /chunked/i.test(h.headers['transfer-encoding'] ?? '') ? (dechunk(h.rest) ?? h.rest) : h.rest;
  return { status: h.status, body: body.toString('utf8') };
}

// ------------------------------------------------------------------ files

// `pdf(line, head)`: lib/files.mjs (shared with the journeys that upload a PDF).
export { pdf };

function crc32(buf) {
  let c;
  let crc = 0xffffffff;
  for (const b of buf) {
    c = (crc ^ b) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** A valid 1×1 PNG; `text` goes into a tEXt chunk (a polyglot carrier). */
export function png(text) {
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
  // zlib stream of one scanline: filter byte 0 + RGBA 0,0,0,0 (stored block).
  const idat = Buffer.from([0x78, 0x01, 0x01, 0x05, 0x00, 0xfa, 0xff, 0, 0, 0, 0, 0, 0x00, 0x05, 0x00, 0x01]);
  const chunks = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr)];
  if (text) chunks.push(pngChunk('tEXt', Buffer.from(`Comment\0${text}`, 'latin1')));
  chunks.push(pngChunk('IDAT', idat), pngChunk('IEND', Buffer.alloc(0)));
  return Buffer.concat(chunks);
}

/** A JPEG start with an HTML/JS payload in a COM segment (enough for sniffing). */
export function jpegWithComment(text) {
  const com = Buffer.from(text, 'latin1');
  const len = Buffer.alloc(2);
  len.writeUInt16BE(com.length + 2);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xfe]),
    len,
    com,
    Buffer.from([0xff, 0xd9]),
  ]);
}

/** The classic GIF/JavaScript polyglot: `GIF89a=…;alert(1)//`. */
export function gifJsPolyglot() {
  return Buffer.concat([
    Buffer.from('GIF89a/*', 'latin1'),
    Buffer.from([0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00]),
    Buffer.from('*/=1;alert(document.domain);//', 'latin1'),
    Buffer.from([0x3b]),
  ]);
}

export const HTML_PAYLOAD = Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>\n');
export const SVG_PAYLOAD = Buffer.from(
  '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>\n',
);
/** The start of a Windows executable (MZ header and DOS stub text). */
export const EXE_PAYLOAD = Buffer.concat([
  Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00', 'latin1'),
  Buffer.alloc(48),
  Buffer.from('This program cannot be run in DOS mode.\r\r\n$', 'latin1'),
]);

/** A PDF (valid, passive) with an HTML document and a script right after its header line. */
export function pdfHtmlPolyglot() {
  return pdf('polyglot', '%<html><body><script>alert(document.domain)</script></body></html>\n');
}

/** File names that try to break out of the storage directory or the header, or disguise the type. */
export const HOSTILE_NAMES = {
  traversal: '../../etc/passwd.pdf',
  backslash: '..\\..\\windows\\win.ini.pdf',
  nul: 'bericht.pdf\u0000.html',
  rtl: 'rechnung\u202Efdp.exe.pdf',
  quotes: 'a"; filename="evil.html.pdf',
  long: `${'x'.repeat(5000)}.pdf`,
};

/** Checks a download's headers: attachment, nosniff, the given type, never HTML. */
export function assertSafeDownload(r, mime, label) {
  assert.equal(r.status, 200, `${label}: download status`);
  const type = r.headers.get('content-type') ?? '';
  assert.ok(type.startsWith(mime), `${label}: Content-Type ${type}, expected ${mime}`);
  assert.ok(!/html|xml|javascript|svg/i.test(type), `${label}: served as ${type}`);
  assert.equal(r.headers.get('x-content-type-options'), 'nosniff', `${label}: nosniff`);
  const cd = r.headers.get('content-disposition') ?? '';
  assert.match(cd, /^attachment;/, `${label}: Content-Disposition ${cd}`);
  return dispositionName(cd);
}

/** The ASCII `filename="…"` of a Content-Disposition; asserts the header is well-formed. */
export function dispositionName(cd) {
  const m = cd.match(/^attachment; filename="([^"\\\r\n]*)"(?:; filename\*=UTF-8''([A-Za-z0-9%._~-]*))?$/);
  assert.ok(m, `malformed Content-Disposition: ${JSON.stringify(cd)}`);
  return { ascii: m[1], utf8: m[2] ? decodeURIComponent(m[2]) : null };
}

/** Asserts a stored/shown file name is harmless. */
export function assertCleanName(name, label) {
  assert.ok(name.length > 0, `${label}: empty name`);
  assert.ok(name.length <= 130, `${label}: name of ${name.length} characters`);
  assert.ok(!/[/\\\u0000-\u001f"\u202a-\u202e\u2066-\u2069]/.test(name), `${label}: unsafe name ${JSON.stringify(name)}`);
  assert.ok(!name.startsWith('.'), `${label}: name starts with a dot: ${JSON.stringify(name)}`);
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** SHA-256 proof of work of the public inquiry form (what static/js/desk-pow.js does). */
export function solvePow(challenge, zeros = 4) {
  const want = '0'.repeat(zeros);
  for (let n = 0; ; n++) {
    if (createHash('sha256').update(`${challenge}:${n}`).digest('hex').startsWith(want)) return String(n);
  }
}

// ------------------------------------------------------------------ forms as data

/** The HTML of the first `<form>` whose action is `action` (exactly). */
export function formHtml(html, action) {
  for (const m of html.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/g)) {
    const a = m[0].match(/^<form\b[^>]*\baction="([^"]*)"/);
    if (a && decode(a[1]) === action) return m[0];
  }
  return null;
}

/**
 * What a browser would send for a form as it is: hidden and text inputs with their values,
 * checked radios/checkboxes, the selected (or first) option of each select, textareas.
 * Returns a list of [name, value] pairs (file inputs are left out).
 */
export function formFields(form) {
  const pairs = [];
  const attr = (tag, name) => {
    const m = tag.match(new RegExp(`\\s${name}="([^"]*)"`));
    return m ? decode(m[1]) : null;
  };
  for (const m of form.matchAll(/<input\b[^>]*>|<textarea\b[^>]*>([\s\S]*?)<\/textarea>|<select\b[^>]*>([\s\S]*?)<\/select>/g)) {
    const tag = m[0].match(/^<[^>]*>/)[0];
    const name = attr(tag, 'name');
    if (!name || /\sdisabled[\s>=]/.test(tag)) continue;
    if (tag.startsWith('<input')) {
      const type = (attr(tag, 'type') || 'text').toLowerCase();
      if (['file', 'submit', 'button', 'image', 'reset'].includes(type)) continue;
      if (type === 'radio' || type === 'checkbox') {
        if (/\schecked[\s>=]/.test(tag)) pairs.push([name, attr(tag, 'value') ?? 'on']);
        continue;
      }
      pairs.push([name, attr(tag, 'value') ?? '']);
    } else if (tag.startsWith('<textarea')) {
      pairs.push([name, decode(m[1]).replace(/^\n/, '')]);
    } else {
      const options = [...m[2].matchAll(/<option\b[^>]*>/g)].map((o) => o[0]);
      const chosen = options.find((o) => /\sselected[\s>=]/.test(o)) ?? options[0];
      if (chosen) pairs.push([name, attr(chosen, 'value') ?? '']);
    }
  }
  return pairs;
}

/** `pairs` with `name` set to `value` (replaced where present, added otherwise). */
export function withField(pairs, name, value) {
  const out = pairs.filter(([k]) => k !== name);
  out.push([name, value]);
  return out;
}
