// Crash test: `kill -9` of a dias server under a write load must lose no write that was
// acknowledged to its client. Run it through bench/crash.sh (which prepares the binary, the
// data and, with --postgres, a throwaway PostgreSQL); usage:
//
//   node bench/crash.mjs --binary B --work DIR --port P --label sqlite [--rounds 5] [--writers 8]
//                        [--database-url postgres://…] [--out FILE.json]
//
// Per round: W signed-in staff writers (the demo account `redaktion`, one session each) write
// in a loop — a news draft (POST /redaktion/aktuelles/neu), an edit of the writer's last news
// (POST /redaktion/aktuelles/{id} with its revision), a published page (POST
// /redaktion/seiten/neu, which the search index picks up). Every write carries a unique marker
// in its title; its acknowledgement is the 303 to the saved item. After a random 1–5 s the
// server gets SIGKILL. It is restarted on the same data, and the test checks:
//   - the restart is clean: /healthz 200 within the timeout, no ERROR / panic in its log;
//   - every acknowledged write is in the database (sqlite3 / psql, exact titles and ids): a
//     created news or page row with its marker; an edited news row with the title of the
//     last acknowledged edit (or of the one in flight at the kill, which may or may not have
//     committed); the audit-log row written in the same transaction;
//   - every acknowledged published page is found by the search (the index catches up from the
//     outbox after the restart) within 60 s;
//   - the writers' sessions still work after the restart (sessions live in the database);
//   - no write answered anything but its 303 before the kill (errors under load).
// Writes in flight at the kill may be present or absent; they are counted, not judged.
// Exit code 1 on any missing write, error or unclean restart.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { DEMO_PASSWORD, Session, demoEmail, signIn, startServer, stopServer } from './lib/client.mjs';

const { values: opt } = parseArgs({
  options: {
    binary: { type: 'string' },
    work: { type: 'string' },
    port: { type: 'string', default: '18210' },
    label: { type: 'string', default: 'sqlite' },
    rounds: { type: 'string', default: '5' },
    writers: { type: 'string', default: '8' },
    'database-url': { type: 'string' },
    'min-delay': { type: 'string', default: '1000' },
    'max-delay': { type: 'string', default: '5000' },
    out: { type: 'string' },
    // Self-test of the checker: deletes one acknowledged row before the check of round 1, so
    // the run must report it missing and fail.
    tamper: { type: 'boolean', default: false },
  },
});
if (!opt.binary || !opt.work) {
  console.error('usage: node bench/crash.mjs --binary B --work DIR [--port P] [--rounds N] [--writers W] [--database-url U]');
  process.exit(2);
}
const ROUNDS = Number(opt.rounds);
const WRITERS = Number(opt.writers);
const PORT = Number(opt.port);
const DB_URL = opt['database-url'];
const PG = !!DB_URL && /^postgres/.test(DB_URL);
const serverOpts = {
  binary: opt.binary,
  dataDir: opt.work,
  databaseUrl: DB_URL,
  port: PORT,
  env: { DIAS_LOG_FORMAT: 'json' },
  logFile: `${opt.work}/server.log`,
  timeoutMs: 120_000,
};
const RUN = randomBytes(3).toString('hex'); // markers are unique across runs on one database
const say = (...a) => console.error(`[crash ${opt.label}]`, ...a);

// --- database access (exact, outside the server) ---------------------------------------------

function sql(query) {
  return new Promise((resolve, reject) => {
    const [cmd, args] = PG
      ? ['psql', [DB_URL, '-X', '-q', '-A', '-t', '-F', '|', '-v', 'ON_ERROR_STOP=1', '-c', query]]
      : ['sqlite3', ['-batch', '-noheader', '-separator', '|', `${opt.work}/dias.sqlite`, query]];
    execFile(cmd, args, { maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd}: ${stderr || err.message}`));
      else resolve(stdout.split('\n').filter(Boolean).map((l) => l.split('|')));
    });
  });
}

// --- the load --------------------------------------------------------------------------------

/** What one writer did: every write with its marker, and whether it was acknowledged. */
class Writer {
  constructor(index, session) {
    this.index = index;
    this.session = session;
    this.n = 0;
    this.lastNews = null; // { id, revision }
    this.inflight = null;
    this.errors = [];
  }

  marker(round) {
    return `k${RUN}r${round}w${this.index}n${this.n++}`;
  }

  /** Writes until `state.stop`; returns the list of writes (acknowledged or in flight). */
  async run(round, state, log) {
    let op = 0;
    while (!state.stop) {
      const kind = op % 4 === 1 && this.lastNews ? 'edit' : op % 4 === 3 ? 'page' : 'news';
      op++;
      const marker = this.marker(round);
      const title = `Absturzprobe ${marker}`;
      const write = { kind, marker, title, writer: this.index, round, acked: false, id: null };
      try {
        if (kind === 'edit') {
          write.id = this.lastNews.id;
          const f = await this.session.form(`/redaktion/aktuelles/${write.id}`, { action: `/redaktion/aktuelles/${write.id}` });
          if (state.stop) break;
          this.inflight = write;
          log.push(write);
          const r = await this.session.post(`/redaktion/aktuelles/${write.id}`, { ...f.fields, title });
          if (r.status === 303 && /^\/redaktion\/aktuelles\/\d+\?hinweis=content-news-saved/.test(r.location ?? '')) {
            write.acked = true;
          } else throw new Error(`edit news ${write.id}: HTTP ${r.status} → ${r.location}`);
        } else if (kind === 'news') {
          this.inflight = write;
          log.push(write);
          const r = await this.session.post('/redaktion/aktuelles/neu', {
            title,
            slug: '',
            byline: 'Absturztest',
            publish_date: '',
            publish_time: '',
            teaser: `Kurztext ${marker}`,
            body: `Text der Absturzprobe ${marker}.`,
            image_id: '',
            status: 'draft',
          });
          const m = /^\/redaktion\/aktuelles\/(\d+)\?hinweis=content-news-created/.exec(r.location ?? '');
          if (r.status === 303 && m) {
            write.id = Number(m[1]);
            write.acked = true;
            this.lastNews = { id: write.id };
          } else throw new Error(`create news: HTTP ${r.status} → ${r.location}`);
        } else {
          this.inflight = write;
          log.push(write);
          const r = await this.session.post('/redaktion/seiten/neu', {
            title_de: title,
            slug: '',
            summary: '',
            title_en: '',
            position: '0',
            publish_date: '',
            publish_time: '',
            note: '',
            body_de: `Diese Seite prüft den Suchindex nach einem Absturz: ${marker}.`,
            body_en: '',
            parent: '',
            menu: 'none',
            audience: '',
            status: 'published',
          });
          const m = /^\/redaktion\/seiten\?hinweis=content-page-created#seite-(\d+)$/.exec(r.location ?? '');
          if (r.status === 303 && m) {
            write.id = Number(m[1]);
            write.acked = true;
          } else throw new Error(`create page: HTTP ${r.status} → ${r.location}`);
        }
        this.inflight = null;
      } catch (e) {
        if (state.stop || state.killedAt) break; // the kill: this write stays in flight
        this.errors.push(String(e.message ?? e));
        this.inflight = null;
        write.failed = true;
        await sleep(50);
      }
    }
  }
}

// --- checks ----------------------------------------------------------------------------------

/** Log lines of the server since byte `from` that are errors (JSON log) or panics. */
async function logProblems(from) {
  const { readFile } = await import('node:fs/promises');
  const text = (await readFile(serverOpts.logFile, 'utf8')).slice(from);
  const problems = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    if (/panicked|RUST_BACKTRACE/.test(line)) problems.push(line);
    else if (line.startsWith('{')) {
      try {
        const j = JSON.parse(line);
        if (j.level === 'ERROR') problems.push(line);
      } catch {
        // a torn last line of the killed process
      }
    }
  }
  return { problems, text };
}

async function logSize() {
  const { stat } = await import('node:fs/promises');
  try {
    return (await stat(serverOpts.logFile)).size;
  } catch {
    return 0;
  }
}

/** Compares the database with every write of all rounds so far; returns the findings. */
async function verify(allWrites, roundWrites) {
  const news = new Map((await sql("SELECT id, title FROM content_news WHERE title LIKE 'Absturzprobe %'")).map(([id, t]) => [Number(id), t]));
  const pages = new Map((await sql("SELECT id, title_de FROM content_pages WHERE title_de LIKE 'Absturzprobe %'")).map(([id, t]) => [Number(id), t]));
  const audit = new Map();
  for (const [action, id] of await sql(
    "SELECT action, target_id FROM audit_log WHERE action IN ('content.news.create', 'content.news.update', 'content.page.create')",
  )) {
    const k = `${action}|${id}`;
    audit.set(k, (audit.get(k) ?? 0) + 1);
  }
  const missing = [];
  const auditMissing = [];
  // Per news article: its titles in order; the stored one must be the last acknowledged one or
  // a later one that was in flight at a kill.
  const byArticle = new Map();
  for (const w of allWrites) {
    if (w.kind === 'page') {
      if (!w.acked) continue;
      if (pages.get(w.id) !== w.title) missing.push(w);
      if (!audit.get(`content.page.create|${w.id}`)) auditMissing.push(w);
      continue;
    }
    if (w.id === null) continue; // a create in flight: id unknown, may or may not exist
    if (!byArticle.has(w.id)) byArticle.set(w.id, []);
    byArticle.get(w.id).push(w);
  }
  for (const [id, writes] of byArticle) {
    const lastAcked = writes.findLastIndex((w) => w.acked);
    if (lastAcked < 0) continue;
    const allowed = writes.slice(lastAcked).filter((w, i) => i === 0 || !w.acked).map((w) => w.title);
    if (!allowed.includes(news.get(id))) missing.push({ ...writes[lastAcked], found: news.get(id) ?? null });
    const creates = writes.filter((w) => w.kind === 'news' && w.acked).length;
    const edits = writes.filter((w) => w.kind === 'edit' && w.acked).length;
    if ((audit.get(`content.news.create|${id}`) ?? 0) < creates) auditMissing.push(writes[0]);
    if ((audit.get(`content.news.update|${id}`) ?? 0) < edits) auditMissing.push(writes[lastAcked]);
  }
  // In-flight writes of creates whose id is unknown: present or absent (by title).
  const titles = new Set([...news.values(), ...pages.values()]);
  const inflight = roundWrites.filter((w) => !w.acked && !w.failed);
  const inflightPresent = inflight.filter((w) => (w.kind === 'edit' ? news.get(w.id) === w.title : titles.has(w.title))).length;
  return { missing, auditMissing, inflight: inflight.length, inflightPresent, rows: news.size + pages.size };
}

/** Every acknowledged published page of the round is found by its marker (waits up to 60 s). */
async function verifySearch(baseUrl, pages) {
  const visitor = new Session(baseUrl);
  const deadline = Date.now() + 60_000;
  let pending = pages.slice();
  while (pending.length && Date.now() < deadline) {
    const still = [];
    for (const w of pending) {
      const r = await visitor.get(`/suche?q=${w.marker}`);
      const results = r.body.match(/<ol class="search-results">([\s\S]*?)<\/ol>/);
      if (r.status !== 200 || !results || !results[1].includes(w.marker)) still.push(w);
    }
    pending = still;
    if (pending.length) await sleep(1000);
  }
  return pending;
}

// --- main --------------------------------------------------------------------------------------

const rounds = [];
const allWrites = [];
let failed = false;
let logFrom = await logSize();
let t0 = Date.now();
const pidFile = join(opt.work, 'server.pid'); // for the shell's clean-up if this process dies
let server = await startServer(serverOpts);
writeFileSync(pidFile, String(server.pid));
say(`server up in ${Date.now() - t0} ms (pid ${server.pid}); ${WRITERS} writers, ${ROUNDS} rounds, run ${RUN}`);
{
  const first = await logProblems(logFrom);
  if (first.problems.length) {
    say('errors in the log of the first start:\n' + first.problems.join('\n'));
    failed = true;
  }
}
const writers = [];
for (let i = 0; i < WRITERS; i++) {
  writers.push(new Writer(i, await signIn(server.baseUrl, demoEmail('redaktion'), DEMO_PASSWORD)));
}

for (let round = 1; round <= ROUNDS; round++) {
  const log = [];
  const state = { stop: false, killedAt: 0 };
  for (const w of writers) w.errors = [];
  const delay = Number(opt['min-delay']) + Math.random() * (Number(opt['max-delay']) - Number(opt['min-delay']));
  const started = Date.now();
  const running = writers.map((w) => w.run(round, state, log));
  await sleep(delay);
  state.killedAt = Date.now();
  process.kill(server.pid, 'SIGKILL');
  const exit = await server.exited;
  state.stop = true;
  await Promise.all(running);
  allWrites.push(...log);
  const acked = log.filter((w) => w.acked);
  const errors = writers.flatMap((w) => w.errors);

  // Restart on the same data.
  logFrom = await logSize();
  t0 = Date.now();
  let restartMs = null;
  let restartError = null;
  try {
    server = await startServer(serverOpts);
    restartMs = Date.now() - t0;
    writeFileSync(pidFile, String(server.pid));
  } catch (e) {
    restartError = String(e.message ?? e);
  }
  const row = {
    round,
    killAfterMs: Math.round(delay),
    killSignal: exit.signal,
    writes: log.length,
    acked: acked.length,
    ackedByKind: Object.fromEntries(['news', 'edit', 'page'].map((k) => [k, acked.filter((w) => w.kind === k).length])),
    errorsBeforeKill: errors.length,
    errorSamples: errors.slice(0, 5),
    restartMs,
    restartError,
  };
  if (restartError) {
    say(`round ${round}: restart FAILED: ${restartError}`);
    rounds.push(row);
    failed = true;
    break;
  }
  await sleep(300); // let the start-up log lines land
  const startLog = await logProblems(logFrom);
  row.startLogErrors = startLog.problems.slice(0, 5);
  row.migrationsOk = /No pending migrations|Migration .* has been applied|Applying all pending migrations/.test(startLog.text);
  if (opt.tamper && round === 1) {
    const victim = acked.find((w) => w.kind === 'news');
    say(`--tamper: deleting acknowledged news ${victim.id} (${victim.title}) behind the server's back`);
    await sql(`DELETE FROM content_news WHERE id = ${victim.id}`);
  }
  const v = await verify(allWrites, log);
  const roundMissing = v.missing.filter((w) => w.round === round);
  row.found = acked.length - roundMissing.length;
  row.missing = roundMissing.length;
  row.missingTotal = v.missing.length;
  row.missingSamples = v.missing.slice(0, 5).map((w) => ({ kind: w.kind, id: w.id, title: w.title, found: w.found }));
  row.auditMissing = v.auditMissing.length;
  row.inflight = log.filter((w) => !w.acked && !w.failed).length;
  row.inflightPresent = v.inflightPresent;
  const searchMissing = await verifySearch(server.baseUrl, acked.filter((w) => w.kind === 'page'));
  row.searchChecked = acked.filter((w) => w.kind === 'page').length;
  row.searchMissing = searchMissing.length;
  // The writers' sessions survive the restart.
  let sessionsLost = 0;
  for (const w of writers) {
    const r = await w.session.get('/redaktion/aktuelles');
    if (r.status !== 200) sessionsLost++;
  }
  row.sessionsLost = sessionsLost;
  rounds.push(row);
  const ok =
    row.missing === 0 &&
    row.missingTotal === 0 &&
    row.auditMissing === 0 &&
    row.searchMissing === 0 &&
    row.errorsBeforeKill === 0 &&
    row.startLogErrors.length === 0 &&
    row.sessionsLost === 0 &&
    row.acked > 0;
  if (!ok) failed = true;
  say(
    `round ${round}: kill after ${row.killAfterMs} ms (${row.killSignal}); writes ${row.writes}, acknowledged ${row.acked} ` +
      `(news ${row.ackedByKind.news}, edits ${row.ackedByKind.edit}, pages ${row.ackedByKind.page}), found ${row.found}, ` +
      `missing ${row.missing}; in flight ${row.inflight} (present ${row.inflightPresent}); audit missing ${row.auditMissing}; ` +
      `search ${row.searchChecked - row.searchMissing}/${row.searchChecked}; errors ${row.errorsBeforeKill}; ` +
      `restart ${row.restartMs} ms, log errors ${row.startLogErrors.length}, sessions lost ${row.sessionsLost} — ${ok ? 'ok' : 'FAIL'}`,
  );
  if (!ok) {
    if (row.missingSamples.length) say('missing:', JSON.stringify(row.missingSamples));
    if (row.errorSamples.length) say('errors:', JSON.stringify(row.errorSamples));
    if (row.startLogErrors.length) say('log:', row.startLogErrors.join('\n'));
  }
  if (row.acked === 0) say(`round ${round}: no write was acknowledged before the kill — the round proves nothing`);
}

await stopServer(server);
const summary = {
  label: opt.label,
  database: PG ? 'postgresql' : 'sqlite',
  run: RUN,
  writers: WRITERS,
  rounds,
  totals: {
    rounds: rounds.length,
    acked: rounds.reduce((s, r) => s + r.acked, 0),
    missing: rounds.reduce((s, r) => s + (r.missing ?? 0), 0),
    inflight: rounds.reduce((s, r) => s + (r.inflight ?? 0), 0),
    inflightPresent: rounds.reduce((s, r) => s + (r.inflightPresent ?? 0), 0),
    errors: rounds.reduce((s, r) => s + r.errorsBeforeKill, 0),
  },
  ok: !failed && rounds.length === ROUNDS,
};
if (opt.out) writeFileSync(opt.out, JSON.stringify(summary, null, 2));
// A markdown table on stdout (bench/crash.sh collects it).
const db = summary.database === 'postgresql' ? 'PostgreSQL' : 'SQLite';
for (const r of rounds) {
  console.log(
    `| ${db} | ${r.round} | ${(r.killAfterMs / 1000).toFixed(1)} s | ${r.acked} (${r.ackedByKind.news}/${r.ackedByKind.edit}/${r.ackedByKind.page}) | ` +
      `${r.found ?? '–'} | ${r.missing ?? '–'} | ${r.inflight ?? '–'} (${r.inflightPresent ?? '–'}) | ` +
      `${r.searchChecked === undefined ? '–' : `${r.searchChecked - r.searchMissing}/${r.searchChecked}`} | ` +
      `${r.errorsBeforeKill} | ${r.restartMs ?? 'FAILED'} ms | ${r.sessionsLost ?? '–'} |`,
  );
}
const t = summary.totals;
console.log(
  `| **${db} total** | ${t.rounds} | | **${t.acked}** | ${t.acked - t.missing} | **${t.missing}** | ${t.inflight} (${t.inflightPresent}) | | ${t.errors} | | |`,
);
process.exit(summary.ok ? 0 : 1);
