// Helpers shared by bench/multi-instance.mjs and bench/backup.mjs (on top of bench/lib/client.mjs):
// checks with a summary, polling with measured delays, psql, random markers, log parsing.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Collected results: `{ name, ok, detail }`. */
export const results = [];

/** Runs one named check; an exception is a failure (recorded, not rethrown). */
export async function check(name, fn) {
  const started = Date.now();
  try {
    const detail = (await fn()) ?? '';
    results.push({ name, ok: true, detail, ms: Date.now() - started });
    console.log(`  ok   ${name}${detail ? ` — ${detail}` : ''}`);
  } catch (e) {
    results.push({ name, ok: false, detail: e.message, ms: Date.now() - started });
    console.log(`  FAIL ${name} — ${e.message}`);
  }
}

/** Throws `message` unless `cond`. */
export function expect(cond, message) {
  if (!cond) throw new Error(message);
}

/** Prints the summary; returns the process exit code (1 when a check failed). */
export function summary(title) {
  const failed = results.filter((r) => !r.ok);
  console.log(`\n== ${title}: ${results.length - failed.length}/${results.length} checks passed`);
  for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}${r.detail ? ` — ${r.detail}` : ''}`);
  return failed.length ? 1 : 0;
}

/**
 * Polls `probe()` (→ truthy when done) every `everyMs` until `timeoutMs`; resolves the delay in
 * ms since `since` (default: now) when it turned true, throws on timeout.
 */
export async function waitFor(what, probe, { since = Date.now(), timeoutMs = 10_000, everyMs = 100 } = {}) {
  const deadline = since + timeoutMs;
  for (;;) {
    if (await probe()) return Date.now() - since;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(everyMs);
  }
}

/** A lower-case word that no demo text contains (letters only, for the German analyzer). */
export function marker(prefix = 'mark') {
  const letters = 'bcdfghjklmnpqrstvwxz';
  let s = '';
  for (let i = 0; i < 8; i++) s += letters[Math.floor(Math.random() * letters.length)];
  return `${prefix}${s}`;
}

/** `psql URL -c SQL` → trimmed output (unaligned, tuples only, `|` between columns). */
export function psql(url, sql) {
  return execFileSync('psql', [url, '-qAtX', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
    encoding: 'utf8',
  }).trim();
}

/** `sqlite3 FILE SQL` → trimmed output. */
export function sqlite(file, sql) {
  return execFileSync('sqlite3', ['-bail', file, sql], { encoding: 'utf8' }).trim();
}

/** SQL string literal. */
export function lit(s) {
  return `'${String(s).replace(/'/g, "''")}'`;
}

/** The `job started` events (`{ job, kind }`) of a server log written with DIAS_LOG_FORMAT=json. */
export function jobStarts(logFile) {
  const out = [];
  for (const line of readFileSync(logFile, 'utf8').split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const e = JSON.parse(line);
      if (e.fields?.message === 'job started') out.push({ job: Number(e.fields.job), kind: e.fields.kind });
    } catch {
      // not a log record
    }
  }
  return out;
}

/** Milliseconds → "1.23 s". */
export function secs(ms) {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** Median and maximum of a list of numbers. */
export function stats(list) {
  const s = [...list].sort((a, b) => a - b);
  if (!s.length) return { median: NaN, max: NaN };
  return { median: s[Math.floor((s.length - 1) / 2)], max: s[s.length - 1] };
}
