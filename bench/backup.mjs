#!/usr/bin/env node
// `dias backup` while the portal serves writes, then the documented restore (docs/OPERATIONS.md,
// "Backups and restore"), checked: the restored portal starts, every write acknowledged before the
// backup started is there, nothing sent after it finished is, the data is consistent and search
// is rebuilt. Started by bench/backup.sh (which provides PostgreSQL); see bench/README.md.
//
//   node bench/backup.mjs --backend sqlite --binary DIAS --work DIR [--port 18320]
//   node bench/backup.mjs --backend postgres --binary DIAS --work DIR --database-url postgres://…/db
//        --restore-url postgres://…/empty_db [--port 18330]
//
// Exit code 0 when every check passed, 1 otherwise.
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { DEMO_PASSWORD, Session, demoEmail, runDias, signIn, startServer, stopServer } from './lib/client.mjs';
import { check, expect, lit, marker, psql, results, secs, sqlite, summary, waitFor } from './multi-instance.common.mjs';

const { values: opt } = parseArgs({
  options: {
    backend: { type: 'string' },
    binary: { type: 'string' },
    work: { type: 'string' },
    'database-url': { type: 'string' },
    'restore-url': { type: 'string' },
    port: { type: 'string' },
    writers: { type: 'string', default: '4' },
    'before-ms': { type: 'string', default: '4000' },
    'after-ms': { type: 'string', default: '3000' },
  },
});
const PG = opt.backend === 'postgres';
if (!['sqlite', 'postgres'].includes(opt.backend) || !opt.binary || !opt.work || (PG && (!opt['database-url'] || !opt['restore-url']))) {
  console.error('usage: node bench/backup.mjs --backend sqlite|postgres --binary DIAS --work DIR [--database-url U --restore-url U2]');
  process.exit(2);
}
const BINARY = opt.binary;
const WORK = opt.work;
const PORT = Number(opt.port ?? (PG ? 18330 : 18320));
const WRITERS = Number(opt.writers);
const SRC_DIR = `${WORK}/data`;
const RESTORED_DIR = `${WORK}/restored`;
const SRC_DB = PG ? opt['database-url'] : null;
const RESTORED_DB = PG ? opt['restore-url'] : null;
const DUMP = `${WORK}/dias-backup.${PG ? 'dump' : 'sqlite'}`;
const ENV = {
  DIAS_SIGN_IN_LIMIT: '1000',
  // Each write comes from its own client address (X-Forwarded-For), so that the per-address
  // limits (30 contributions in 10 minutes) do not refuse the load.
  DIAS_TRUST_PROXY_HEADERS: 'true',
  DIAS_LOG: 'warn',
  ...(PG ? { DIAS_SECRET_KEY: `backup-test-${'s'.repeat(40)}` } : {}),
};
const PROCESS = '/beteiligung/digitalstrategie-sachsen';
const label = PG ? 'PostgreSQL' : 'SQLite';

/** One SQL query on the source or the restored database → trimmed text. */
function sql(which, query) {
  if (PG) return psql(which === 'restored' ? RESTORED_DB : SRC_DB, query);
  return sqlite(which === 'restored' ? `${RESTORED_DIR}/dias.sqlite` : `${SRC_DIR}/dias.sqlite`, query);
}

/** The tables whose rows the write load does not touch: their counts must survive unchanged. */
const STABLE_TABLES = ['users', 'actors', 'funding_offers', 'text_paragraphs', 'comments', 'content_pages'];

async function main() {
  mkdirSync(SRC_DIR, { recursive: true });
  console.log(`== ${label}: backup while serving writes, restore, check`);
  await cliChecks();

  let t = Date.now();
  await runDias(['demo'], { binary: BINARY, dataDir: SRC_DIR, databaseUrl: SRC_DB, env: ENV });
  console.log(`  demo loaded in ${secs(Date.now() - t)}`);
  const server = await startServer({ binary: BINARY, dataDir: SRC_DIR, databaseUrl: SRC_DB, port: PORT, env: ENV, logFile: `${WORK}/serve.log` });
  const base = server.baseUrl;

  // Long-lived things from before the backup that must work after the restore.
  const keep = await signIn(base, demoEmail('buerger'), DEMO_PASSWORD);
  const nlEmail = `bk-${marker('nl')}@example.org`;
  const visitor = new Session(base);
  const nf = await visitor.form('/newsletter', { action: '/newsletter' });
  const sub = await visitor.post('/newsletter', { ...nf.fields, email: nlEmail, topics: 'ki', consent: 'ja' });
  expect(sub.status === 200, `newsletter subscription: HTTP ${sub.status}`);
  const confirmLink = await waitFor('confirmation mail', () => /\/newsletter\/bestaetigen\//.test(sql('source', `select body_text from mails where to_addr = ${lit(nlEmail)}`)), { timeoutMs: 10_000 })
    .then(() => sql('source', `select body_text from mails where to_addr = ${lit(nlEmail)}`).match(/\/newsletter\/bestaetigen\/[A-Za-z0-9._-]+/)[0]);
  const stableBefore = Object.fromEntries(STABLE_TABLES.map((tb) => [tb, Number(sql('source', `select count(*) from ${tb}`))]));

  // ------------------------------------------------------------ write load + backup
  const writes = [];
  let stop = false;
  const writers = [];
  for (let w = 0; w < WRITERS; w++) {
    const staffWriter = w % 2 === 1;
    // Participants may post 30 contributions per 10 minutes each: a proposal writer rotates over
    // 15 demo participants (teilnehmende10…39), uses each at most 29 times and paces itself.
    const accounts = staffWriter
      ? ['redaktion']
      : Array.from({ length: 15 }, (_, k) => `teilnehmende${10 + (w / 2) * 15 + k}`);
    const sessions = [];
    for (const a of accounts) sessions.push({ s: await signIn(base, demoEmail(a), DEMO_PASSWORD), used: 0 });
    writers.push((async () => {
      for (let i = 0; !stop; i++) {
        const slot = sessions[i % sessions.length];
        if (!staffWriter) {
          if (slot.used >= 29) break;
          slot.used++;
          await sleep(25);
        }
        const s = slot.s;
        const headers = { 'x-forwarded-for': `10.${60 + w}.${(i >> 8) & 255}.${i & 255}` };
        const word = marker(staffWriter ? 'nachricht' : 'vorschlag');
        const rec = { kind: staffWriter ? 'news' : 'proposal', word, writer: w, sentAt: Date.now(), ackedAt: null, status: null, path: null };
        writes.push(rec);
        try {
          let r;
          if (staffWriter) {
            rec.path = `/aktuelles/meldung-${word}`;
            r = await s.post('/redaktion/aktuelles/neu', {
              title: `Meldung ${word}`, slug: `meldung-${word}`, teaser: `Kurz ${word}`, body: `Text ${word}`,
              topics: 'ki', byline: 'Sicherung', status: 'published', publish_date: '', publish_time: '', image_id: '',
            }, { headers });
          } else {
            r = await s.post(`${PROCESS}/vorschlaege/neu`, { title: `Vorschlag ${word}`, body: `Sicherungstest ${word}`, topic: 'verwaltung', ags8: '' }, { headers });
            if (r.location) rec.path = new URL(r.location, base).pathname;
          }
          rec.status = r.status;
          if (r.status === 303) rec.ackedAt = Date.now();
        } catch (e) {
          rec.status = `error ${e.message}`;
        }
      }
    })());
  }
  await sleep(Number(opt['before-ms']));
  const backupStart = Date.now();
  const backup = await runDias(['backup', '--out', DUMP], { binary: BINARY, dataDir: SRC_DIR, databaseUrl: SRC_DB, env: ENV, check: false });
  const backupEnd = Date.now();
  await sleep(Number(opt['after-ms']));
  stop = true;
  await Promise.all(writers);
  await stopServer(server);

  const acked = writes.filter((w) => w.ackedAt);
  const refused = writes.filter((w) => !w.ackedAt);
  const before = acked.filter((w) => w.ackedAt < backupStart);
  const after = writes.filter((w) => w.sentAt > backupEnd && w.ackedAt);
  const during = acked.filter((w) => w.ackedAt >= backupStart && w.sentAt <= backupEnd);
  console.log(`  ${writes.length} writes by ${WRITERS} writers (${acked.length} acknowledged, ${refused.length} not: ${[...new Set(refused.map((w) => w.status))].join(', ') || '–'})`);
  console.log(`  backup took ${secs(backupEnd - backupStart)}: ${before.length} acknowledged before it started, ${during.length} around it, ${after.length} sent after it ended`);

  await check('dias backup while serving writes: exit 0, file written', async () => {
    expect(backup.code === 0, `exit ${backup.code}: ${backup.stderr.slice(-500)}`);
    expect(existsSync(DUMP) && statSync(DUMP).size > 0, 'no backup file');
    return `${(statSync(DUMP).size / 1e6).toFixed(1)} MB in ${secs(backupEnd - backupStart)}; ${backup.stderr.trim().split('\n').pop()}`;
  });
  await check('the load wrote before, during and after the backup without errors', async () => {
    expect(refused.length === 0, `${refused.length} writes not acknowledged: ${refused.slice(0, 3).map((w) => `${w.kind} ${w.status}`).join('; ')}`);
    expect(before.length >= WRITERS && after.length >= WRITERS, `too few writes before (${before.length}) or after (${after.length}) the backup`);
    return `${before.length} before, ${during.length} during, ${after.length} after`;
  });

  // ------------------------------------------------------------ restore (as documented)
  mkdirSync(RESTORED_DIR, { recursive: true });
  let restoreNote;
  if (PG) {
    // Into an EMPTY database; objects owned by the restoring role.
    const out = execFileSync('pg_restore', ['--no-owner', '--exit-on-error', '-d', RESTORED_DB, DUMP], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    restoreNote = `pg_restore --no-owner into an empty database${out.trim() ? `: ${out.trim()}` : ''}`;
    // The instance keeps its data directory, whose search index has seen writes newer than the
    // backup: `dias reindex` before it starts (below).
  } else {
    copyFileSync(DUMP, `${RESTORED_DIR}/dias.sqlite`);
    copyFileSync(`${SRC_DIR}/secret.key`, `${RESTORED_DIR}/secret.key`);
    restoreNote = 'backup copied to DATA_DIR/dias.sqlite of a new data dir, with secret.key';
  }
  await check(`restore: ${restoreNote}; database consistent`, async () => {
    if (PG) {
      const tables = Number(sql('restored', "select count(*) from information_schema.tables where table_schema = 'public'"));
      const src = Number(sql('source', "select count(*) from information_schema.tables where table_schema = 'public'"));
      expect(tables === src && tables > 20, `${tables} tables restored, ${src} in the source`);
      return `${tables} tables`;
    }
    const ok = sql('restored', 'PRAGMA integrity_check');
    expect(ok === 'ok', `integrity_check: ${ok}`);
    const fk = sql('restored', 'PRAGMA foreign_key_check');
    expect(fk === '', `foreign_key_check: ${fk.slice(0, 300)}`);
    const mode = sql('restored', 'PRAGMA journal_mode');
    return `integrity_check ok, foreign_key_check empty, journal_mode ${mode}`;
  });

  await check('restored data: every write acknowledged before the backup started is there, none sent after it ended', async () => {
    const present = (w) => {
      const table = w.kind === 'news' ? 'content_news' : 'proposals';
      return Number(sql('restored', `select count(*) from ${table} where title = ${lit(w.kind === 'news' ? `Meldung ${w.word}` : `Vorschlag ${w.word}`)}`));
    };
    const missing = before.filter((w) => present(w) !== 1);
    expect(!missing.length, `${missing.length} of ${before.length} missing, e.g. ${missing.slice(0, 3).map((w) => w.word).join(', ')}`);
    const leaked = after.filter((w) => present(w) !== 0);
    expect(!leaked.length, `${leaked.length} writes from after the backup are in it: ${leaked.slice(0, 3).map((w) => w.word).join(', ')}`);
    const inBackup = during.filter((w) => present(w) === 1).length;
    const ours = Number(sql('restored', "select count(*) from proposals where title like 'Vorschlag vorschlag%'")) + Number(sql('restored', "select count(*) from content_news where title like 'Meldung nachricht%'"));
    expect(ours === before.length + inBackup, `${ours} load rows in the backup, expected ${before.length} + ${inBackup}`);
    return `${before.length}/${before.length} before present, ${after.length}/${after.length} after absent, ${inBackup} of ${during.length} around it present (snapshot)`;
  });
  await check('restored data: row counts of tables the load did not touch equal the source', async () => {
    const diff = STABLE_TABLES.filter((tb) => Number(sql('restored', `select count(*) from ${tb}`)) !== stableBefore[tb]);
    expect(!diff.length, `differ: ${diff.map((tb) => `${tb} ${sql('restored', `select count(*) from ${tb}`)} vs ${stableBefore[tb]}`).join(', ')}`);
    return STABLE_TABLES.map((tb) => `${tb} ${stableBefore[tb]}`).join(', ');
  });

  // ------------------------------------------------------------ serve the restored data
  let restored = null;
  await check('a server starts on the restored data', async () => {
    if (PG) {
      const r = await runDias(['reindex'], { binary: BINARY, dataDir: SRC_DIR, databaseUrl: RESTORED_DB, env: ENV });
      restoreNote = r.stderr.trim().split('\n').pop();
    }
    const t0 = Date.now();
    restored = await startServer({
      binary: BINARY,
      dataDir: PG ? SRC_DIR : RESTORED_DIR,
      databaseUrl: RESTORED_DB,
      port: PORT + 1,
      env: ENV,
      logFile: `${WORK}/restored.log`,
    });
    return `${restored.baseUrl} up in ${secs(Date.now() - t0)}${PG ? ` (after dias reindex on the kept data dir: ${restoreNote})` : ' (fresh data dir: search index built at start)'}`;
  });
  if (restored) {
    const rbase = restored.baseUrl;
    await check('restored pages: every item from before the backup renders (200, with its text); items from after it are 404', async () => {
      const visitorGet = async (p) => {
        const r = await fetch(rbase + p, { redirect: 'manual' });
        return { status: r.status, body: await r.text() };
      };
      const bad = [];
      for (const w of before) {
        const r = await visitorGet(w.path);
        if (r.status !== 200 || !r.body.includes(w.word)) bad.push(`${w.path} ${r.status}`);
      }
      expect(!bad.length, `${bad.length} pages not right: ${bad.slice(0, 3).join(', ')}`);
      const shown = [];
      for (const w of after) {
        const r = await visitorGet(w.path);
        if (r.status !== 404) shown.push(`${w.path} ${r.status}`);
      }
      expect(!shown.length, `pages of later writes answer: ${shown.slice(0, 3).join(', ')}`);
      const lists = await Promise.all(['/', '/aktuelles', `${PROCESS}/vorschlaege`, '/netzwerk/akteure', '/foerderung', '/suche?q=digital'].map(async (p) => [p, (await visitorGet(p)).status]));
      const notOk = lists.filter(([, s]) => s !== 200);
      expect(!notOk.length, `pages not 200: ${notOk.map(([p, s]) => `${p} ${s}`).join(', ')}`);
      return `${before.length} item pages 200, ${after.length} later ones 404, ${lists.length} list pages 200`;
    });
    await check('restored search: finds items from before the backup, none from after it', async () => {
      const sample = [...before.filter((w) => w.kind === 'news').slice(-3), ...before.filter((w) => w.kind === 'proposal').slice(-3)];
      for (const w of sample) {
        const r = await fetch(`${rbase}/suche?q=${w.word}`).then((x) => x.text());
        expect(r.includes(`href="${w.path}"`), `search for ${w.word} does not find ${w.path}`);
      }
      for (const w of after.slice(0, 6)) {
        const r = await fetch(`${rbase}/suche?q=${w.word}`).then((x) => x.text());
        expect(!(w.path && r.includes(`href="${w.path}"`)), `search for ${w.word} (after the backup) finds ${w.path}`);
      }
      return `${sample.length} earlier items found, ${Math.min(6, after.length)} later ones not`;
    });
    await check('restored secrets and sessions: a session and a newsletter link from before the backup still work', async () => {
      const s = new Session(rbase);
      s.jar = keep.jar;
      const k = await s.get('/konto');
      expect(k.status === 200 && k.body.includes(demoEmail('buerger')), `session from before: /konto HTTP ${k.status}`);
      const l = await fetch(rbase + confirmLink, { redirect: 'manual' });
      expect(l.status === 200, `confirmation link from before: HTTP ${l.status} (the secret key did not survive?)`);
      return 'session cookie → /konto 200; newsletter confirmation link → 200';
    });
    await stopServer(restored);
  }
  return summary(`backup and restore (${label})`);
}

/** Quick command-line checks of `dias backup`: no overwriting, clear errors. */
async function cliChecks() {
  const existing = `${WORK}/exists.bin`;
  writeFileSync(existing, 'keep me');
  await check('dias backup refuses to overwrite an existing file', async () => {
    const r = await runDias(['backup', '--out', existing], { binary: BINARY, dataDir: SRC_DIR, databaseUrl: SRC_DB, env: ENV, check: false });
    expect(r.code !== 0, 'exit 0');
    expect(/exists already/.test(r.stderr), `message: ${r.stderr.trim()}`);
    expect(readFileSync(existing, 'utf8') === 'keep me', 'the file was changed');
    return r.stderr.trim();
  });
  if (PG) {
    await check('dias backup of an unreachable PostgreSQL: an error, no file left', async () => {
      const out = `${WORK}/unreachable.dump`;
      const r = await runDias(['backup', '--out', out], { binary: BINARY, databaseUrl: 'postgres://dias@127.0.0.1:9/nothing', env: ENV, check: false });
      expect(r.code !== 0, 'exit 0');
      expect(/pg_dump/.test(r.stderr), `message: ${r.stderr.trim()}`);
      expect(!existsSync(out), `${out} was left behind (a second try would be refused)`);
      return r.stderr.trim().split('\n').pop();
    });
  }
  await check('dias backup into a directory that does not exist: a clear error', async () => {
    const r = await runDias(['backup', '--out', `${WORK}/no/such/dir/x`], { binary: BINARY, dataDir: SRC_DIR, databaseUrl: SRC_DB, env: ENV, check: false });
    expect(r.code !== 0, 'exit 0');
    expect(!/panicked/.test(r.stderr), `panic: ${r.stderr.slice(0, 300)}`);
    expect(/no\/such\/dir/.test(r.stderr), `the message does not name the path: ${r.stderr.trim()}`);
    return r.stderr.trim().split('\n').pop();
  });
  if (PG) {
    await check('dias backup without pg_dump on PATH: a clear error', async () => {
      const r = await runDias(['backup', '--out', `${WORK}/nopgdump.dump`], { binary: BINARY, databaseUrl: SRC_DB, env: { ...ENV, PATH: '/nonexistent' }, check: false });
      expect(r.code !== 0, 'exit 0');
      expect(/pg_dump/.test(r.stderr) && /postgresql-client/.test(r.stderr), `message: ${r.stderr.trim()}`);
      expect(!existsSync(`${WORK}/nopgdump.dump`), 'a file was left');
      return r.stderr.trim().split('\n').pop();
    });
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    results.push({ name: 'run', ok: false, detail: e.message });
    process.exit(summary(`backup and restore (${label})`) || 1);
  },
);
