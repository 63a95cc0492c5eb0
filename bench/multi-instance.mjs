#!/usr/bin/env node
// Two dias instances on one PostgreSQL database: sessions, CSRF tokens, writes (pages and
// search), caches and background jobs across instances. Started by bench/multi-instance.sh,
// which provides a throwaway PostgreSQL server; see bench/README.md.
//
//   node bench/multi-instance.mjs --binary DIAS --database-url postgres://… --work DIR
//        [--port-a 18310] [--port-b 18311] [--subscribers 24] [--jobs 30]
//
// Exit code 0 when every check passed, 1 otherwise; a summary with the measured delays is
// printed at the end.
import { mkdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { DEMO_PASSWORD, Session, demoEmail, runDias, signIn, startServer, stopServer } from './lib/client.mjs';
import { check, expect, jobStarts, lit, marker, psql, results, secs, stats, summary, waitFor } from './multi-instance.common.mjs';

const { values: opt } = parseArgs({
  options: {
    binary: { type: 'string' },
    'database-url': { type: 'string' },
    work: { type: 'string' },
    'port-a': { type: 'string', default: '18310' },
    'port-b': { type: 'string', default: '18311' },
    'port-c': { type: 'string', default: '18312' },
    subscribers: { type: 'string', default: '90' },
    jobs: { type: 'string', default: '30' },
  },
});
for (const k of ['binary', 'database-url', 'work']) {
  if (!opt[k]) {
    console.error(`usage: node bench/multi-instance.mjs --binary DIAS --database-url postgres://… --work DIR (missing --${k})`);
    process.exit(2);
  }
}
const DB = opt['database-url'];
const BINARY = opt.binary;
const WORK = opt.work;
const SUBSCRIBERS = Number(opt.subscribers);
const MANUAL_JOBS = Number(opt.jobs);
// Both instances sign visitors' CSRF tokens and newsletter links with this key.
const SECRET = `multi-instance-${Math.random().toString(36).slice(2)}-${'k'.repeat(32)}`;
const ENV = {
  DIAS_SECRET_KEY: SECRET,
  DIAS_SIGN_IN_LIMIT: '1000',
  DIAS_REGISTRATION_LIMIT: '1000',
  // The newsletter part subscribes many addresses: each gets its own client address.
  DIAS_TRUST_PROXY_HEADERS: 'true',
  DIAS_LOG_FORMAT: 'json',
  DIAS_LOG: 'info,sqlx=warn,tantivy=warn',
};
/** Budgets: a write must show on the other instance within this (pages and search). */
const VISIBLE_MS = 10_000;
/** Documented: menus are cached 3 s per instance (dias-content site.rs), visitors' pages 2 s. */
const MENU_SIGNED_IN_MS = 3_000 + 1_000;
const MENU_VISITOR_MS = 3_000 + 2_000 + 1_000;
const PROCESS = '/beteiligung/digitalstrategie-sachsen';
const ACTOR = '/netzwerk/akteure/saechsischer-verbund-kommunale-ki';

const delays = {};

/**
 * A visitor in front of several instances: every request goes to the next instance in turn
 * (one cookie jar, one CSRF token), like a round-robin load balancer.
 */
class RoundRobin {
  constructor(bases) {
    this.sessions = bases.map((b) => new Session(b));
    for (const s of this.sessions) s.jar = this.sessions[0].jar;
    this.turn = 0;
    this.csrf = null;
    this.served = bases.map(() => 0);
  }

  get jar() {
    return this.sessions[0].jar;
  }

  async #on(fn) {
    const i = this.turn++ % this.sessions.length;
    const s = this.sessions[i];
    s.csrf = this.csrf;
    const r = await fn(s);
    this.csrf = s.csrf;
    this.served[i]++;
    return r;
  }

  get(path, o) {
    return this.#on((s) => s.get(path, o));
  }

  form(path, o) {
    return this.#on((s) => s.form(path, o));
  }

  post(path, fields, o) {
    return this.#on((s) => s.post(path, fields, o));
  }
}

/** Signs in through the round-robin front (form from one instance, post to the other). */
async function signInRoundRobin(bases, name) {
  const rr = new RoundRobin(bases);
  const f = await rr.form('/konto/anmelden', { action: '/konto/anmelden' });
  const r = await rr.post('/konto/anmelden', { ...f.fields, email: demoEmail(name), password: DEMO_PASSWORD });
  expect(r.status === 303, `sign-in of ${name} through the front: HTTP ${r.status}`);
  rr.csrf = null;
  await rr.get('/konto');
  return rr;
}

/** A session on `base` that shares the cookie jar (and token) of `from`. */
function sameVisitorOn(base, from) {
  const s = new Session(base);
  s.jar = from.jar;
  s.csrf = from.csrf;
  return s;
}

async function visitorGet(base, path) {
  const r = await fetch(base + path, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
  return { status: r.status, body: await r.text(), cookie: r.headers.getSetCookie() };
}

function pathOf(location) {
  return new URL(location, 'http://x').pathname;
}

async function main() {
  mkdirSync(`${WORK}/a`, { recursive: true });
  mkdirSync(`${WORK}/b`, { recursive: true });
  mkdirSync(`${WORK}/c`, { recursive: true });
  console.log(`dias demo into ${DB.replace(/\/\/[^@]*@/, '//…@')} …`);
  let t = Date.now();
  await runDias(['demo'], { binary: BINARY, databaseUrl: DB, dataDir: `${WORK}/a`, env: ENV });
  console.log(`  demo loaded in ${secs(Date.now() - t)}`);

  t = Date.now();
  const [A, B, C] = await Promise.all([
    startServer({ binary: BINARY, databaseUrl: DB, dataDir: `${WORK}/a`, port: Number(opt['port-a']), env: ENV, logFile: `${WORK}/a.log` }),
    startServer({ binary: BINARY, databaseUrl: DB, dataDir: `${WORK}/b`, port: Number(opt['port-b']), env: ENV, logFile: `${WORK}/b.log` }),
    // A third, page-only instance (workers = false, as docs/OPERATIONS.md suggests): its own
    // search index must follow the outbox all the same.
    startServer({ binary: BINARY, databaseUrl: DB, dataDir: `${WORK}/c`, port: Number(opt['port-c']), env: { ...ENV, DIAS_WORKERS: 'false' }, logFile: `${WORK}/c.log` }),
  ]);
  const startedAt = Math.floor(Date.now() / 1000);
  console.log(`  instances up in ${secs(Date.now() - t)}: A ${A.baseUrl} (pid ${A.pid}), B ${B.baseUrl} (pid ${B.pid}), both with workers; C ${C.baseUrl} (pid ${C.pid}) without\n`);
  const bases = [A.baseUrl, B.baseUrl];
  try {
    await run(A, B, C, bases, startedAt);
  } finally {
    await Promise.all([stopServer(A), stopServer(B), stopServer(C)]);
  }
  return summary('multi-instance');
}

async function run(A, B, C, bases, startedAt) {
  // ---------------------------------------------------------------- sessions
  console.log('Sessions');
  await check('session from A is signed in on B; sign-out on B ends it on A', async () => {
    const onA = await signIn(A.baseUrl, demoEmail('buerger'), DEMO_PASSWORD);
    const onB = sameVisitorOn(B.baseUrl, onA);
    const page = await onB.get('/konto');
    expect(page.status === 200, `B /konto with A's cookie: HTTP ${page.status} ${page.location ?? ''}`);
    expect(page.body.includes(demoEmail('buerger')), "B's /konto does not show the person signed in on A");
    const anon = await visitorGet(B.baseUrl, '/konto');
    expect(anon.status === 303, `control: B /konto without cookie should redirect, got ${anon.status}`);
    const out = await onB.post('/konto/abmelden', {});
    expect(out.status === 303, `sign-out on B: HTTP ${out.status}`);
    const after = await new Session(A.baseUrl).request('GET', '/konto', {
      headers: { cookie: `dias_session=${onA.jar.get('dias_session')}` },
    });
    expect(after.status === 303 && (after.location ?? '').startsWith('/konto/anmelden'), `A after sign-out on B: HTTP ${after.status} ${after.location ?? ''}`);
    return 'signed in on A, /konto on B 200 with the account; signed out on B → A redirects to sign-in';
  });
  await check('session from B works on A; sign-out on A ends it on B', async () => {
    const onB = await signIn(B.baseUrl, demoEmail('kommune'), DEMO_PASSWORD);
    const token = onB.jar.get('dias_session');
    const onA = sameVisitorOn(A.baseUrl, onB);
    const page = await onA.get('/konto');
    expect(page.status === 200 && page.body.includes(demoEmail('kommune')), `A /konto with B's cookie: HTTP ${page.status}`);
    const out = await onA.post('/konto/abmelden', {});
    expect(out.status === 303, `sign-out on A: HTTP ${out.status}`);
    const after = await new Session(B.baseUrl).request('GET', '/konto', { headers: { cookie: `dias_session=${token}` } });
    expect(after.status === 303, `B after sign-out on A: HTTP ${after.status}`);
    return 'both directions';
  });

  // ---------------------------------------------------------------- CSRF
  console.log('CSRF');
  await check("visitor's CSRF token from A accepted by B (sign-in), a forged one refused", async () => {
    const s = new Session(A.baseUrl);
    const f = await s.form('/konto/anmelden', { action: '/konto/anmelden' });
    const onB = sameVisitorOn(B.baseUrl, s);
    const bad = await onB.post('/konto/anmelden', { ...f.fields, _csrf: f.csrf.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')), email: demoEmail('buerger'), password: DEMO_PASSWORD });
    expect(bad.status === 403, `forged token on B: HTTP ${bad.status} (expected 403)`);
    const ok = await onB.post('/konto/anmelden', { ...f.fields, email: demoEmail('buerger'), password: DEMO_PASSWORD });
    expect(ok.status === 303 && onB.jar.get('dias_session'), `A's token on B: HTTP ${ok.status}`);
    return 'A-issued anonymous token → 303 on B; altered token → 403';
  });

  // ---------------------------------------------------------------- writes → pages and search
  console.log('Writes on one instance, read on the other');
  const buerger = await signInRoundRobin(bases, 'buerger');
  const staff = await signInRoundRobin(bases, 'redaktion');
  const akteur = await signInRoundRobin(bases, 'akteur');

  /**
   * Polls `base` for `path` until `test(body)`; records the delay. As a visitor (whose pages
   * an instance may reuse for 2 s), or with `as` (a Session on that instance: fresh pages).
   */
  async function visibleOn(label, base, path, test, since, as = null) {
    const ms = await waitFor(`${label} on ${base}${path}`, async () => {
      const r = as ? await as.get(path) : await visitorGet(base, path);
      return r.status === 200 && test(r.body);
    }, { since, timeoutMs: VISIBLE_MS });
    (delays[label] ??= []).push(ms);
    return ms;
  }

  let proposalPath = null;
  await check('participation: proposal written on A (token from B) shows on B: page and search', async () => {
    const word = marker('kolibri');
    const onB = sameVisitorOn(B.baseUrl, buerger.sessions[0]);
    onB.csrf = buerger.csrf;
    const f = await onB.form(`${PROCESS}/vorschlaege/neu`);
    const onA = sameVisitorOn(A.baseUrl, onB);
    const r = await onA.post(`${PROCESS}/vorschlaege/neu`, {
      ...f.fields,
      title: `Vorschlag ${word}`,
      body: `Mehrere Instanzen: der Vorschlag ${word} muss überall zu sehen sein.`,
      topic: 'verwaltung',
    });
    const acked = Date.now();
    expect(r.status === 303 && r.location, `create on A with B's form: HTTP ${r.status}`);
    proposalPath = pathOf(r.location);
    const page = await visibleOn('page (proposal)', B.baseUrl, proposalPath, (b) => b.includes(word), acked);
    const [search, fresh] = await Promise.all([
      visibleOn('search (proposal)', B.baseUrl, `/suche?q=${word}`, (b) => b.includes(`href="${proposalPath}"`), acked),
      visibleOn('search signed in', B.baseUrl, `/suche?q=${word}`, (b) => b.includes(`href="${proposalPath}"`), acked, sameVisitorOn(B.baseUrl, staff.sessions[0])),
    ]);
    return `${proposalPath}: page on B after ${secs(page)}, B's search after ${secs(search)} (visitor), ${secs(fresh)} (signed in, no page cache)`;
  });

  await check('participation: comment written on B shows on A', async () => {
    expect(proposalPath, 'no proposal from the check before');
    const word = marker('zaunkoenig');
    const onB = sameVisitorOn(B.baseUrl, buerger.sessions[0]);
    const f = await onB.form(proposalPath, { action: `${proposalPath}/kommentare` });
    const r = await onB.post(`${proposalPath}/kommentare`, { ...f.fields, stance: 'pro', body: `Kommentar ${word}` });
    const acked = Date.now();
    expect(r.status === 303, `comment on B: HTTP ${r.status}`);
    const ms = await visibleOn('page (comment)', A.baseUrl, proposalPath, (b) => b.includes(word), acked);
    return `on A's proposal page after ${secs(ms)}`;
  });

  await check('content: news article published by staff on A shows on B: article, list, search', async () => {
    const word = marker('stieglitz');
    const f = await staff.form('/redaktion/aktuelles/neu');
    const r = await staff.post('/redaktion/aktuelles/neu', {
      ...f.fields,
      title: `Meldung ${word}`,
      slug: `meldung-${word}`,
      teaser: `Kurzfassung ${word}`,
      body: `Text der Meldung ${word}.`,
      topics: 'ki',
      status: 'published',
      publish_date: '',
      publish_time: '',
    });
    const acked = Date.now();
    expect(r.status === 303, `news create: HTTP ${r.status} ${r.body.slice(0, 200)}`);
    const path = `/aktuelles/meldung-${word}`;
    const [page, list, search, fresh, onC] = await Promise.all([
      visibleOn('page (news)', B.baseUrl, path, (b) => b.includes(word), acked),
      visibleOn('list (news)', B.baseUrl, '/aktuelles', (b) => b.includes(`href="${path}"`), acked),
      visibleOn('search (news)', B.baseUrl, `/suche?q=${word}`, (b) => b.includes(`href="${path}"`), acked),
      visibleOn('search signed in', B.baseUrl, `/suche?q=${word}`, (b) => b.includes(`href="${path}"`), acked, sameVisitorOn(B.baseUrl, buerger.sessions[0])),
      visibleOn('search on C (no workers)', C.baseUrl, `/suche?q=${word}`, (b) => b.includes(`href="${path}"`), acked),
    ]);
    return `on B: article ${secs(page)}, list ${secs(list)}, search ${secs(search)} (visitor; pages reused up to 2 s), ${secs(fresh)} (signed in); search on C (workers = false) ${secs(onC)}`;
  });

  await check('KI-Netzwerk: actor profile changed on B shows on A: profile, directory filter, search', async () => {
    const word = marker('pirol');
    const onB = sameVisitorOn(B.baseUrl, akteur.sessions[0]);
    const f = await onB.form(`${ACTOR}/bearbeiten`);
    const r = await onB.post(`${ACTOR}/bearbeiten`, { ...f.fields, short_description: `Kommunen erproben KI-Dienste (${word}).` });
    const acked = Date.now();
    expect(r.status === 303, `profile edit on B: HTTP ${r.status} ${r.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 300)}`);
    const [page, dir, search, fresh] = await Promise.all([
      visibleOn('page (actor)', A.baseUrl, ACTOR, (b) => b.includes(word), acked),
      visibleOn('directory (actor)', A.baseUrl, `/netzwerk/akteure?q=${word}`, (b) => b.includes(`href="${ACTOR}"`), acked),
      visibleOn('search (actor)', A.baseUrl, `/suche?q=${word}`, (b) => b.includes(`href="${ACTOR}"`), acked),
      visibleOn('search signed in', A.baseUrl, `/suche?q=${word}`, (b) => b.includes(`href="${ACTOR}"`), acked, sameVisitorOn(A.baseUrl, staff.sessions[0])),
    ]);
    return `on A: profile ${secs(page)}, directory ${secs(dir)}, search ${secs(search)} (visitor), ${secs(fresh)} (signed in)`;
  });

  // ---------------------------------------------------------------- caches
  console.log('Caches');
  await check('content: a main-menu page renamed on A shows in B\'s menu within the documented 3 s (+2 s visitors)', async () => {
    const list = await staff.get('/redaktion/seiten');
    const ids = [...new Set([...list.body.matchAll(/href="\/redaktion\/seiten\/(\d+)\/bearbeiten"/g)].map((m) => m[1]))];
    let page = null;
    for (const id of ids) {
      const f = await staff.form(`/redaktion/seiten/${id}/bearbeiten`);
      if (f.fields.menu === 'main' && f.fields.status === 'published') {
        page = { id, f };
        break;
      }
    }
    expect(page, `no published main-menu page among ${ids.length} pages`);
    const word = marker('Meise');
    const signedIn = sameVisitorOn(B.baseUrl, buerger.sessions[0]);
    // Warm B's caches with the old menu first.
    await signedIn.get('/');
    await visitorGet(B.baseUrl, '/');
    const r = await staff.post(`/redaktion/seiten/${page.id}/bearbeiten`, { ...page.f.fields, title_de: `${page.f.fields.title_de} ${word}` });
    const acked = Date.now();
    expect(r.status === 303, `page edit: HTTP ${r.status} ${r.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 300)}`);
    const navHas = (b) => {
      const nav = b.match(/<nav\b[\s\S]*?<\/nav>/g) ?? [];
      return nav.some((n) => n.includes(word));
    };
    const [si, vi] = await Promise.all([
      waitFor('menu on B (signed in)', async () => navHas((await signedIn.get('/')).body), { since: acked, timeoutMs: MENU_SIGNED_IN_MS }),
      waitFor('menu on B (visitor)', async () => navHas((await visitorGet(B.baseUrl, '/')).body), { since: acked, timeoutMs: MENU_VISITOR_MS }),
    ]);
    (delays['menu (signed in)'] ??= []).push(si);
    (delays['menu (visitor)'] ??= []).push(vi);
    return `page ${page.id}: signed in ${secs(si)} (≤ ${secs(MENU_SIGNED_IN_MS)}), visitor ${secs(vi)} (≤ ${secs(MENU_VISITOR_MS)})`;
  });

  // ---------------------------------------------------------------- jobs exactly once
  console.log('Background jobs (both instances run workers)');
  await check(`newsletter: an issue to ${SUBSCRIBERS} confirmed subscribers → exactly ${SUBSCRIBERS} mails, none twice`, async () => {
    const word = marker('newsletter');
    const visitor = new RoundRobin(bases);
    const emails = [];
    for (let i = 0; i < SUBSCRIBERS; i++) {
      const email = `mi-${word}-${i}@example.org`;
      const xff = { 'x-forwarded-for': `10.77.${Math.floor(i / 200)}.${(i % 200) + 1}` };
      const f = await visitor.form('/newsletter', { action: '/newsletter' });
      const r = await visitor.post('/newsletter', { ...f.fields, email, topics: 'ki', consent: 'ja' }, { headers: xff });
      expect(r.status === 200, `subscribe ${email}: HTTP ${r.status}`);
      emails.push(email);
    }
    // The confirmation links, from the development mail outbox.
    const links = await waitFor('confirmation mails', async () => {
      const rows = psql(DB, `select to_addr || ' ' || body_text from mails where to_addr like ${lit(`mi-${word}-%`)}`);
      return rows.split('\n').filter((l) => l.includes('/newsletter/bestaetigen/')).length >= SUBSCRIBERS;
    }, { timeoutMs: 10_000 }).then(() => {
      const rows = psql(DB, `select body_text from mails where to_addr like ${lit(`mi-${word}-%`)}`);
      return [...rows.matchAll(/\/newsletter\/bestaetigen\/[A-Za-z0-9._-]+/g)].map((m) => m[0]);
    });
    expect(new Set(links).size === SUBSCRIBERS, `${new Set(links).size} confirmation links for ${SUBSCRIBERS} addresses`);
    for (const link of new Set(links)) {
      const f = await visitor.form(link, { action: link });
      const r = await visitor.post(link, f.fields);
      expect(r.status === 200 || r.status === 303, `confirm ${link}: HTTP ${r.status}`);
    }
    const confirmed = Number(psql(DB, `select count(*) from content_newsletter_subscribers where email like ${lit(`mi-${word}-%`)} and status = 'active'`));
    expect(confirmed === SUBSCRIBERS, `${confirmed} of ${SUBSCRIBERS} subscriptions active after confirming`);
    const activeAll = Number(psql(DB, `select count(*) from content_newsletter_subscribers where status = 'active'`));

    const subject = `Ausgabe ${word}`;
    const f = await staff.form('/redaktion/newsletter/neu');
    const created = await staff.post('/redaktion/newsletter/neu', { ...f.fields, subject, body: `Inhalt ${word}`, topics: 'ki' });
    expect(created.status === 303 && created.location, `issue create: HTTP ${created.status}`);
    const id = pathOf(created.location).split('/').pop();
    const sf = await staff.form(`/redaktion/newsletter/${id}/versenden`, { action: `/redaktion/newsletter/${id}/versenden` });
    const sent = await staff.post(`/redaktion/newsletter/${id}/versenden`, sf.fields);
    const sendAt = Date.now();
    expect(sent.status === 303, `send: HTTP ${sent.status} ${sent.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 300)}`);
    const recipients = Number(psql(DB, `select recipients from content_newsletter_issues where id = ${Number(id)}`));
    expect(recipients === activeAll, `issue has ${recipients} recipients, ${activeAll} active subscriptions`);
    const ms = await waitFor('issue sent', async () => psql(DB, `select status from content_newsletter_issues where id = ${Number(id)}`) === 'sent', { since: sendAt, timeoutMs: 150_000, everyMs: 250 });
    await sleep(4_000); // a second instance's late run would add mails now
    const mails = Number(psql(DB, `select count(*) from mails where subject = ${lit(subject)}`));
    const distinct = Number(psql(DB, `select count(distinct to_addr) from mails where subject = ${lit(subject)}`));
    const ours = Number(psql(DB, `select count(*) from mails where subject = ${lit(subject)} and to_addr like ${lit(`mi-${word}-%`)}`));
    const deliveries = psql(DB, `select status || ':' || count(*) from content_newsletter_deliveries where issue_id = ${Number(id)} group by status order by 1`);
    delays['newsletter sent'] = [ms];
    // At most 60 newsletter mails within any 60 s, over both instances.
    const times = psql(DB, `select sent_at from content_newsletter_deliveries where issue_id = ${Number(id)} order by sent_at`).split('\n').filter(Boolean).map(Number);
    const peak = Math.max(0, ...times.map((t) => times.filter((u) => u > t - 60 && u <= t).length));
    expect(peak <= 60, `${peak} newsletter mails within 60 s (limit 60)`);
    expect(mails === recipients && distinct === recipients, `${mails} mails to ${distinct} addresses for ${recipients} recipients`);
    expect(ours === SUBSCRIBERS, `${ours} mails to the ${SUBSCRIBERS} test addresses`);
    expect(deliveries === `sent:${recipients}`, `deliveries ${deliveries}`);
    return `${mails} mails to ${distinct} addresses (${ours} test subscribers, ${recipients} recipients), deliveries ${deliveries}, at most ${peak} in 60 s, sent ${secs(ms)} after the button; the send-job claims: ${jobClaims('content.newsletter.send')}`;
  });

  function jobClaims(kind) {
    const a = jobStarts(A.logFile).filter((j) => j.kind === kind).length;
    const b = jobStarts(B.logFile).filter((j) => j.kind === kind).length;
    return `A ${a}, B ${b}`;
  }

  await check(`job queue: ${MANUAL_JOBS} jobs started by staff on both instances each run exactly once`, async () => {
    const since = Number(psql(DB, 'select coalesce(max(id), 0) from jobs'));
    const kinds = ['content.announce', 'content.newsletter.retention'];
    for (let i = 0; i < MANUAL_JOBS; i++) {
      const f = await staff.form('/verwaltung/aufgaben', { action: '/verwaltung/aufgaben/starten' });
      const r = await staff.post('/verwaltung/aufgaben/starten', { ...f.fields, art: kinds[i % kinds.length] });
      expect(r.status === 303, `start job: HTTP ${r.status}`);
    }
    await waitFor('all started jobs finished', async () => Number(psql(DB, `select count(*) from jobs where id > ${since} and created_by is not null and status not in ('done', 'failed')`)) === 0, { timeoutMs: 60_000, everyMs: 250 });
    const rows = psql(DB, `select id || '|' || status || '|' || attempts from jobs where id > ${since} and created_by is not null order by id`).split('\n').filter(Boolean).map((l) => l.split('|'));
    expect(rows.length === MANUAL_JOBS, `${rows.length} jobs found, ${MANUAL_JOBS} started`);
    const bad = rows.filter(([, status, attempts]) => status !== 'done' || attempts !== '1');
    expect(!bad.length, `jobs not done after one attempt: ${bad.map((r) => r.join('/')).join(', ')}`);
    const ids = new Set(rows.map(([id]) => Number(id)));
    const starts = [...jobStarts(A.logFile).map((j) => ({ ...j, on: 'A' })), ...jobStarts(B.logFile).map((j) => ({ ...j, on: 'B' }))].filter((j) => ids.has(j.job));
    const per = new Map();
    for (const s of starts) per.set(s.job, [...(per.get(s.job) ?? []), s.on]);
    const twice = [...per].filter(([, on]) => on.length > 1);
    expect(!twice.length, `started more than once: ${twice.map(([id, on]) => `${id} (${on.join('+')})`).join(', ')}`);
    expect(per.size === ids.size, `${ids.size - per.size} jobs without a start in the logs`);
    const onA = starts.filter((s) => s.on === 'A').length;
    const onC = jobStarts(C.logFile).length;
    expect(onC === 0, `C (workers = false) started ${onC} jobs`);
    return `${per.size} jobs, each started once (A ran ${onA}, B ran ${starts.length - onA}), all done with 1 attempt; C without workers ran none`;
  });

  // Periodic jobs: both schedulers tick every 60 s; the slot row admits one per interval.
  const every = {
    'content.announce': 60,
    'content.newsletter.send': 60,
    'content.newsletter.retention': 86_400,
    'desk.retention': 86_400,
    'desk.notify': 3_600,
    'funding.reminders': 3_600,
  };
  const waitUntil = (startedAt + 125) * 1000;
  if (Date.now() < waitUntil) {
    console.log(`  (waiting ${secs(waitUntil - Date.now())} so that both schedulers pass two more minute slots)`);
    await sleep(waitUntil - Date.now());
  }
  await check('periodic jobs: one queued job per kind and interval across both instances', async () => {
    const rows = psql(DB, 'select kind || \'|\' || created_at from jobs where created_by is null order by id').split('\n').filter(Boolean).map((l) => l.split('|'));
    const slots = new Map();
    for (const [kind, at] of rows) {
      const key = `${kind}@${Math.floor(Number(at) / (every[kind] ?? 60))}`;
      slots.set(key, (slots.get(key) ?? 0) + 1);
    }
    const doubled = [...slots].filter(([, n]) => n > 1);
    expect(rows.length > 0, 'no scheduled job was queued');
    expect(!doubled.length, `more than one job in a slot: ${doubled.map(([k, n]) => `${k}×${n}`).join(', ')}`);
    const perKind = {};
    for (const [kind] of rows) perKind[kind] = (perKind[kind] ?? 0) + 1;
    const starts = [...jobStarts(A.logFile), ...jobStarts(B.logFile)];
    const scheduledIds = new Set(psql(DB, 'select id from jobs where created_by is null').split('\n').filter(Boolean).map(Number));
    const started = starts.filter((s) => scheduledIds.has(s.job));
    const dup = started.length - new Set(started.map((s) => s.job)).size;
    expect(dup === 0, `${dup} scheduled jobs started twice`);
    return `${rows.length} scheduled jobs in ${slots.size} slots (${Object.entries(perKind).map(([k, n]) => `${k} ${n}`).join(', ')}), each started once`;
  });

  console.log(`\nRequests through the round-robin fronts: ${[buerger, staff, akteur].map((r) => r.served.join('/')).join(', ')} (A/B)`);
  console.log('Visibility delays on the other instance (from the write\'s answer):');
  for (const [k, v] of Object.entries(delays)) {
    const s = stats(v);
    console.log(`  ${k.padEnd(22)} ${v.length > 1 ? `median ${secs(s.median)}, max ${secs(s.max)}` : secs(s.max)}`);
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    results.push({ name: 'run', ok: false, detail: e.message });
    process.exit(summary('multi-instance') || 1);
  },
);
