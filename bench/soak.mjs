// Soak test: N minutes of mixed read/write load against one dias server; zero errors and
// resident memory growth < 10 %. Run it through bench/soak.sh (which builds the release binary,
// loads the demo data and, with --postgres, prepares a throwaway PostgreSQL); usage:
//
//   node bench/soak.mjs --binary B --work DIR --port P [--minutes 10] [--readers 16]
//                       [--database-url postgres://…] [--urls bench/urls.txt] [--out PREFIX]
//
// Load (all at once, for --minutes):
//   - readers: R anonymous loops over the paths of bench/urls.txt and searches for varying words
//     (/suche?q=…), plus 2 signed-in readers (demo participant; pages rendered per person),
//     a crawler (every page of the proposal list and every proposal on it: thousands of distinct
//     URLs) and a searcher for varying word pairs and result pages;
//   - staff writer (redaktion): every second alternately a news draft or an edit of the last one
//     (with its revision);
//     a published page every 15 s (the search index picks it up from the outbox);
//   - a participant created for the run: an opinion vote every 0.5 s (the statement of its card,
//     else a re-vote of a statement it has seen);
//   - a comment (demo account akteur) on a proposal every 25 s (the per-address limit is 30 per 10 min;
//     the test stays under it instead of raising it);
//   - a sign-in and sign-out of a demo participant every 20 s (default limit 20 per 5 min).
// Expected answers: 200 for pages, 303 for writes (and for sign-in/out). Any other status, any
// transport error or timeout counts as an error.
// VmRSS of the server is sampled every second from /proc/PID/status. Baseline = median of the
// samples 60–90 s after the start of the load (warm-up done, caches filled; 20–30 % of the run
// for runs shorter than 3 minutes); end =
// median of the last 30 s; growth = end / baseline − 1. Also reported: the highest sample.
// Exit code 1 when errors > 0 or growth ≥ 10 %.
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { DEMO_PASSWORD, Session, demoEmail, parseForms, rssKiB, runDias, signIn, startServer, stopServer } from './lib/client.mjs';

const { values: opt } = parseArgs({
  options: {
    binary: { type: 'string' },
    work: { type: 'string' },
    port: { type: 'string', default: '18260' },
    minutes: { type: 'string', default: '10' },
    readers: { type: 'string', default: '16' },
    'database-url': { type: 'string' },
    urls: { type: 'string', default: new URL('./urls.txt', import.meta.url).pathname },
    label: { type: 'string', default: 'sqlite' },
    out: { type: 'string' },
  },
});
if (!opt.binary || !opt.work) {
  console.error('usage: node bench/soak.mjs --binary B --work DIR [--port P] [--minutes N] [--readers R] [--database-url U]');
  process.exit(2);
}
const MINUTES = Number(opt.minutes);
const DURATION_MS = MINUTES * 60_000;
const READERS = Number(opt.readers);
const say = (...a) => console.error(`[soak ${opt.label}]`, ...a);
const SLUG = 'digitalstrategie-sachsen';

const paths = readFileSync(opt.urls, 'utf8')
  .split('\n')
  .map((l) => l.replace(/#.*/, '').trim())
  .filter(Boolean);
const WORDS = [
  'Digitalisierung', 'Glasfaser', 'Förderung', 'Breitband', 'Schule', 'Verwaltung', 'Mobilfunk',
  'Kommune', 'Netz', 'Bildung', 'Gesundheit', 'Daten', 'Sachsen', 'Wirtschaft', 'Ausbau',
  'Zuschuss', 'Landkreis', 'Beteiligung', 'Strategie', 'Internet', 'digitalisierungszuschuss', 'Glasfasr',
];

// --- measurements ------------------------------------------------------------------------------

const stats = new Map(); // kind → { n, errors, ms: [] }
const errorSamples = [];
function record(kind, ms, ok, detail) {
  let s = stats.get(kind);
  if (!s) stats.set(kind, (s = { n: 0, errors: 0, ms: [] }));
  s.n++;
  s.ms.push(ms);
  if (!ok) {
    s.errors++;
    if (errorSamples.length < 50) errorSamples.push({ t: Math.round((Date.now() - loadStart) / 1000), kind, detail });
  }
}

/** Runs `fn`, times it, and records it under `kind` as ok when `fn` returns true. */
async function timed(kind, fn) {
  const t = performance.now();
  let ok = false;
  let detail = '';
  try {
    const r = await fn();
    ok = r === true;
    if (!ok) detail = String(r);
  } catch (e) {
    detail = `${e.name}: ${e.message}`;
  }
  record(kind, performance.now() - t, ok, detail);
  return ok;
}

function pct(sorted, p) {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function median(xs) {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : null;
}

const expect = (status, r, what) => (r.status === status ? true : `${what}: HTTP ${r.status}${r.location ? ` → ${r.location}` : ''}`);

// --- server ------------------------------------------------------------------------------------

// A participant of its own for the votes (the demo participant may have voted on every statement
// already): it votes on each statement its card shows, then re-votes known ones.
const VOTER = { email: `dauertest-${Date.now().toString(36)}@example.org`, password: `Sandstein-${randomBytes(6).toString('hex')}-Bastei` };
await runDias(['user', 'create', '--email', VOTER.email, '--password', VOTER.password, '--name', 'Dauertest', '--role', 'participant'], {
  binary: opt.binary,
  dataDir: opt.work,
  databaseUrl: opt['database-url'],
});

const server = await startServer({
  binary: opt.binary,
  dataDir: opt.work,
  databaseUrl: opt['database-url'],
  port: Number(opt.port),
  env: { DIAS_LOG_FORMAT: 'json' },
  logFile: `${opt.work}/server.log`,
});
writeFileSync(`${opt.work}/server.pid`, String(server.pid));
const base = server.baseUrl;
say(`server up (pid ${server.pid}); ${MINUTES} min, ${READERS} anonymous + 2 signed-in readers`);

const rss = []; // [seconds since load start, KiB]
let loadStart = Date.now();
let stop = false;
const sampler = (async () => {
  while (!stop) {
    const kib = await rssKiB(server.pid);
    if (kib !== null) rss.push([(Date.now() - loadStart) / 1000, kib]);
    await sleep(1000);
  }
})();

// Sessions before the load starts (their sign-ins are not part of the figures).
const staff = await signIn(base, demoEmail('redaktion'), DEMO_PASSWORD);
const voter = await signIn(base, VOTER.email, VOTER.password);
const commenter = await signIn(base, demoEmail('akteur'), DEMO_PASSWORD);
const signedReaders = [await signIn(base, demoEmail('kommune'), DEMO_PASSWORD), await signIn(base, demoEmail('netzbetreiber'), DEMO_PASSWORD)];
const rssBeforeLoad = await rssKiB(server.pid);
loadStart = Date.now();
rss.length = 0;
const until = loadStart + DURATION_MS;
const running = () => !stop && Date.now() < until;

// --- loops -------------------------------------------------------------------------------------

async function reader(session, i, label) {
  let k = i;
  while (running()) {
    k++;
    if (k % 3 === 0) {
      const word = WORDS[Math.floor(Math.random() * WORDS.length)];
      await timed('read: search', async () => expect(200, await session.get(`/suche?q=${encodeURIComponent(word)}`), `search ${word}`));
    } else {
      const path = paths[k % paths.length];
      await timed(label, async () => expect(200, await session.get(path), path));
    }
  }
}

/**
 * A crawler: walks the proposal list page by page and opens every proposal linked there, so
 * it asks for thousands of distinct URLs (as search engines do), not the same few.
 */
async function crawler(session) {
  const list = `/beteiligung/${SLUG}/vorschlaege`;
  let page = 1;
  while (running()) {
    let links = [];
    await timed('read: crawl', async () => {
      const r = await session.get(`${list}?seite=${page}`);
      // The page past the last one is answered 404 (the product's answer to deep pagination).
      if (r.status === 404 && page > 1) return true;
      links = [...new Set([...r.body.matchAll(new RegExp(`href="(${list}/\\d+)"`, 'g'))].map((m) => m[1]))];
      return expect(200, r, `list page ${page}`);
    });
    page = links.length ? page + 1 : 1;
    for (const link of links) {
      if (!running()) break;
      await timed('read: crawl', async () => expect(200, await session.get(link), link));
    }
  }
}

/** Searches for varying pairs of words and result pages (~1,500 distinct URLs). */
async function searcher(session) {
  while (running()) {
    const a = WORDS[Math.floor(Math.random() * WORDS.length)];
    const b = WORDS[Math.floor(Math.random() * WORDS.length)];
    const p = 1 + Math.floor(Math.random() * 3);
    const path = `/suche?q=${encodeURIComponent(`${a} ${b}`)}${p > 1 ? `&seite=${p}` : ''}`;
    // A result page past the last one is answered 404 (the product's answer to deep
    // pagination): expected for pages 2 and 3, an error for page 1.
    await timed('read: search (varied)', async () => {
      const r = await session.get(path);
      return p > 1 && r.status === 404 ? true : expect(200, r, path);
    });
  }
}

/** Calls `fn` every `periodMs` (steady rate: the next start is scheduled from the last start). */
async function every(periodMs, fn) {
  let next = Date.now();
  while (running()) {
    await fn();
    next += periodMs;
    const wait = next - Date.now();
    if (wait > 0) await sleep(Math.min(wait, Math.max(0, until - Date.now())));
  }
}

let seq = 0;
const tag = () => `soak${Date.now().toString(36)}${(seq++).toString(36)}`;
let lastNews = null;

async function newsWriter() {
  let n = 0;
  await every(1000, async () => {
    if (n++ % 2 === 1 && lastNews) {
      const id = lastNews;
      await timed('write: news edit', async () => {
        const f = await staff.form(`/redaktion/aktuelles/${id}`, { action: `/redaktion/aktuelles/${id}` });
        const r = await staff.post(`/redaktion/aktuelles/${id}`, { ...f.fields, title: `Dauertest geändert ${tag()}` });
        return expect(303, r, `edit news ${id}`);
      });
      return;
    }
    await timed('write: news draft', async () => {
      const t = tag();
      const r = await staff.post('/redaktion/aktuelles/neu', {
        title: `Dauertest ${t}`,
        slug: '',
        byline: 'Dauertest',
        publish_date: '',
        publish_time: '',
        teaser: `Kurztext ${t}`,
        body: `Ein Entwurf aus dem Dauertest (${t}).`,
        image_id: '',
        status: 'draft',
      });
      const m = /^\/redaktion\/aktuelles\/(\d+)\?/.exec(r.location ?? '');
      if (r.status === 303 && m) lastNews = Number(m[1]);
      return expect(303, r, 'create news');
    });
  });
}

async function pageWriter() {
  await every(15_000, () =>
    timed('write: published page', async () => {
      const t = tag();
      const r = await staff.post('/redaktion/seiten/neu', {
        title_de: `Dauertest ${t}`,
        slug: '',
        summary: '',
        title_en: '',
        position: '0',
        publish_date: '',
        publish_time: '',
        note: '',
        body_de: `Eine Seite aus dem Dauertest: ${t}.`,
        body_en: '',
        parent: '',
        menu: 'none',
        audience: '',
        status: 'published',
      });
      return expect(303, r, 'create page');
    }),
  );
}

async function voteWriter() {
  const known = new Set();
  const values = ['agree', 'disagree', 'pass'];
  await every(500, () =>
    timed('write: opinion vote', async () => {
      const page = `/beteiligung/${SLUG}/meinungsbild`;
      const r = await voter.get(page);
      if (r.status !== 200) return `GET ${page}: HTTP ${r.status}`;
      const card = parseForms(r.body).find((f) => f.action === `${page}/stimmen`);
      if (card) known.add(card.fields.statement);
      const statement = card ? card.fields.statement : [...known][Math.floor(Math.random() * known.size)];
      if (!statement) return 'no statement to vote on';
      const v = await voter.post(`${page}/stimmen`, { statement, vote: values[Math.floor(Math.random() * 3)] });
      return expect(303, v, `vote on ${statement}`);
    }),
  );
}

async function commentWriter() {
  const proposal = `/beteiligung/${SLUG}/vorschlaege/1`;
  await every(25_000, () =>
    timed('write: comment', async () => {
      const f = await commenter.form(proposal, { action: `${proposal}/kommentare` });
      const r = await commenter.post(`${proposal}/kommentare`, {
        ...f.fields,
        stance: 'neutral',
        body: `Ein Kommentar aus dem Dauertest (${tag()}): Der Ausbau sollte zügig weitergehen.`,
      });
      return expect(303, r, 'comment');
    }),
  );
}

async function signInOut() {
  await every(20_000, () =>
    timed('write: sign-in + sign-out', async () => {
      const s = new Session(base);
      const f = await s.form('/konto/anmelden', { action: '/konto/anmelden' });
      const r = await s.post('/konto/anmelden', { ...f.fields, email: demoEmail('moderation'), password: DEMO_PASSWORD });
      if (r.status !== 303) return `sign-in: HTTP ${r.status}`;
      const k = await s.get('/konto');
      if (k.status !== 200) return `/konto after sign-in: HTTP ${k.status}`;
      const out = await s.post('/konto/abmelden', {});
      return expect(303, out, 'sign-out');
    }),
  );
}

const progress = (async () => {
  while (running()) {
    await sleep(Math.min(60_000, Math.max(0, until - Date.now())));
    const total = [...stats.values()].reduce((a, s) => a + s.n, 0);
    const errors = [...stats.values()].reduce((a, s) => a + s.errors, 0);
    const last = rss.at(-1);
    say(`${Math.round((Date.now() - loadStart) / 1000)} s: ${total} requests, ${errors} errors, RSS ${last ? (last[1] / 1024).toFixed(1) : '?'} MiB`);
  }
})();

const loops = [];
for (let i = 0; i < READERS; i++) loops.push(reader(new Session(base), i, 'read: page'));
signedReaders.forEach((s, i) => loops.push(reader(s, 1000 + i, 'read: signed-in page')));
loops.push(crawler(new Session(base)), searcher(new Session(base)));
loops.push(newsWriter(), pageWriter(), voteWriter(), commentWriter(), signInOut());
await Promise.all(loops);
const loadMs = Date.now() - loadStart;
stop = true;
await sampler;
await progress;

// The server is still healthy, and its log has no errors.
const health = await fetch(`${base}/healthz`).then((r) => r.status).catch(() => 0);
await stopServer(server);
const logErrors = readFileSync(`${opt.work}/server.log`, 'utf8')
  .split('\n')
  .filter((l) => /panicked/.test(l) || (l.startsWith('{') && /"level":"ERROR"/.test(l)));

// --- report ------------------------------------------------------------------------------------

const kinds = [...stats.keys()].sort();
const all = { n: 0, errors: 0, ms: [] };
const rows = kinds.map((k) => {
  const s = stats.get(k);
  all.n += s.n;
  all.errors += s.errors;
  for (const x of s.ms) all.ms.push(x);
  const sorted = s.ms.slice().sort((a, b) => a - b);
  return { kind: k, requests: s.n, errors: s.errors, perSecond: s.n / (loadMs / 1000), p50: pct(sorted, 50), p99: pct(sorted, 99) };
});
const allSorted = all.ms.sort((a, b) => a - b);
const window = (from, to) => rss.filter(([t]) => t >= from && t < to).map(([, k]) => k);
const loadS = loadMs / 1000;
// Minute 1 (60–90 s); runs shorter than 3 min (smoke tests) use 20–30 % of the run instead.
const baselineWin = MINUTES >= 3 ? [60, 90] : [0.2 * loadS, 0.3 * loadS];
const baseline = median(window(...baselineWin));
const end = median(window(loadS - 30, loadS + 1));
const max = rss.reduce((m, [, k]) => Math.max(m, k), 0);
const growth = baseline && end ? end / baseline - 1 : null;
const maxGrowth = baseline ? max / baseline - 1 : null;
const errors = all.errors + (health === 200 ? 0 : 1) + logErrors.length;
const ok = errors === 0 && growth !== null && growth < 0.1;

const mib = (k) => (k / 1024).toFixed(1);
const ms = (x) => (x < 10 ? x.toFixed(1) : x.toFixed(0));
const lines = [];
lines.push(`# Soak test ${new Date().toISOString()} — ${opt.label}`);
lines.push('');
lines.push(`${MINUTES} min of load (${loadS.toFixed(0)} s), ${READERS} anonymous + 2 signed-in readers, writers at a steady rate; server ${opt.binary}.`);
lines.push('');
lines.push('| kind | requests | errors | req/s | p50 ms | p99 ms |');
lines.push('|---|---:|---:|---:|---:|---:|');
for (const r of rows) lines.push(`| ${r.kind} | ${r.requests} | ${r.errors} | ${r.perSecond.toFixed(1)} | ${ms(r.p50)} | ${ms(r.p99)} |`);
lines.push(`| **all** | **${all.n}** | **${all.errors}** | **${(all.n / loadS).toFixed(1)}** | ${ms(pct(allSorted, 50))} | ${ms(pct(allSorted, 99))} |`);
lines.push('');
lines.push('| memory (VmRSS) | MiB |');
lines.push('|---|---:|');
lines.push(`| before the load (signed in, idle) | ${rssBeforeLoad ? mib(rssBeforeLoad) : '?'} |`);
lines.push(`| baseline: median of ${Math.round(baselineWin[0])}–${Math.round(baselineWin[1])} s of the load | ${baseline ? mib(baseline) : '?'} |`);
lines.push(`| end: median of the last 30 s | ${end ? mib(end) : '?'} |`);
lines.push(`| highest sample | ${mib(max)} (${maxGrowth === null ? '?' : `${(maxGrowth * 100).toFixed(1)} %`} over baseline) |`);
lines.push(`| **growth end vs baseline** | **${growth === null ? '?' : `${(growth * 100).toFixed(1)} %`}** |`);
lines.push('');
lines.push(`Health after the load: ${health}; ERROR/panic lines in the server log: ${logErrors.length}. Result: **${ok ? 'PASS' : 'FAIL'}**.`);
if (errorSamples.length) {
  lines.push('');
  lines.push('Errors (first 50):');
  for (const e of errorSamples) lines.push(`- ${e.t} s ${e.kind}: ${e.detail}`);
}
if (logErrors.length) {
  lines.push('');
  lines.push('Server log errors (first 10):');
  for (const l of logErrors.slice(0, 10)) lines.push(`- \`${l.slice(0, 400)}\``);
}
const md = lines.join('\n');
console.log(md);
if (opt.out) {
  writeFileSync(`${opt.out}.md`, md + '\n');
  writeFileSync(
    `${opt.out}.json`,
    JSON.stringify({ label: opt.label, minutes: MINUTES, loadMs, readers: READERS, rows, rssBeforeLoad, baseline, end, max, growth, errors, errorSamples, logErrors, health, rss }, null, 1),
  );
}
process.exit(ok ? 0 : 1);
