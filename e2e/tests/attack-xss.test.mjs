// The XSS attack corpus (issue 10, quality.md → Security → Output), JavaScript on: every user
// text field of every module gets a payload of lib/xss.mjs — typed by the role that may write
// it — and every page that shows the text afterwards is checked: no dialog, no console error or
// CSP violation report, no page error, no element or attribute a payload made live, and the
// payload shown as text (plain-text fields exactly as typed; Markdown fields — marked `md` in
// the table — rendered by the sanitizer, with the marker as text and nothing live). URL fields
// get javascript:/data: URLs: refused (422) or stored without a live link. The form-error path
// is covered too: a refused form re-renders the typed payloads, which must be escaped.
//
// Runs once on the shared demo server before most other journeys: it only creates its own
// items (a fresh participant, a draft process, its own actor, offer, page, …), deletes nothing
// and keeps its Markdown payloads free of headings and broken images, so the later journeys'
// pages stay as they expect.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { confirmEmail, freshUser, login, register } from '../lib/account.mjs';
import { loginAsAdmin } from '../lib/admin.mjs';
import { BASE_URL, RESULTS_DIR, allowErrorDocument, closeBrowser, expectDialogs, getBrowser, newContext, newPage, visit } from '../lib/browser.mjs';
import {
  Findings, PREFIX, RUN, URL_VECTORS, VECTORS, allowFormErrors, checkPage, guardMark, guardProblems,
  liveVectors, nextMarker, nextPayload, normalize, textFields, usedVectors, watchCsp,
} from '../lib/xss.mjs';

after(closeBrowser);

const PASSWORD = 'Demo-Passwort-2026';
const DEMO = {
  staff: 'redaktion@demo.dias.example',
  mod: 'moderation@demo.dias.example',
  akteur: 'akteur@demo.dias.example',
  kommune: 'kommune@demo.dias.example',
  operator: 'netzbetreiber@demo.dias.example',
};
const P = '/beteiligung/digitalstrategie-sachsen';
const MIN_FILL_MS = 3_500; // dias_desk::spam::MIN_FILL_SECS
const findings = new Findings();
const s = {}; // what the steps hand on: item paths, ids, the filled payloads per form
const coverage = []; // one row per form: module, role, form, fields filled / refused / error path

function isoDay(days) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

function pathOf(page) {
  const u = new URL(page.url());
  return u.pathname + u.search;
}

// Values for fields that only take a format (slugs, numbers, codes): not text a person reads.
const FORMAT_VALUES = {
  slug: () => `xsl-${RUN}-${Math.floor(Math.random() * 1e6)}`,
  postcode: () => '01067',
  founding_year: () => '2020',
  year: () => '2025',
  lat: () => '',
  lon: () => '',
  cost: () => '1000',
  federal: () => '',
  state: () => '',
  municipal: () => '',
  eligible: () => '',
  addresses_planned: () => '',
  addresses_connected: () => '',
  gebiet_ags: () => '',
  phone: () => '0351 123456',
  code: () => '',
};

// What a refused URL field gets instead (some take a path of the portal only).
const URL_FALLBACK = { pfad: '/anfragen/faq', link_path: '/publikationen' };

// ------------------------------------------------------------------------------------------
// roles: one browser context per role, signed in once

const roles = {};

async function role(name) {
  if (roles[name]) return roles[name];
  const ctx = await newContext({ javaScriptEnabled: true });
  await watchCsp(ctx);
  const page = await newPage(ctx);
  if (name === 'admin') {
    const adminPage = await loginAsAdmin(ctx);
    await page.close();
    roles[name] = { ctx, page: adminPage };
    return roles[name];
  }
  if (DEMO[name]) await login(page, { email: DEMO[name], password: PASSWORD });
  roles[name] = { ctx, page };
  return roles[name];
}

// ------------------------------------------------------------------------------------------
// filling and sending one form

function kindOf(spec, field) {
  if (field.type === 'url' || (spec.url || []).includes(field.name)) return 'url';
  if (field.type === 'textarea') return (spec.md || []).includes(field.name) ? 'md' : 'text';
  return 'line';
}

/** A payload that fits `maxLength` (short one-line fields get a compact vector). */
function payloadFor(kind, maxLength) {
  const p = nextPayload(kind);
  if (maxLength > 0 && p.value.length > maxLength) {
    const compact = `${p.marker}"'><svg onload=alert(1)>`;
    return { ...p, vector: { ...p.vector, name: `${p.vector.name} (compact)` }, value: compact.slice(0, maxLength) };
  }
  return p;
}

async function formOf(page, spec) {
  const form = page.locator('main form').filter({ has: page.locator(spec.has || 'button') });
  const chosen = spec.form ? page.locator(spec.form) : form;
  await chosen.first().waitFor({ state: 'attached', timeout: 10_000 });
  return chosen.first();
}

/** Ticks the first box of every checkbox group and chooses the first option of empty selects. */
async function checkFirstOfEveryGroup(form) {
  await form.evaluate((f) => {
    const seen = new Set();
    for (const box of f.querySelectorAll('input[type="checkbox"]')) {
      if (seen.has(box.name)) continue;
      seen.add(box.name);
      if (!f.querySelector(`input[type="checkbox"][name="${box.name}"]:checked`)) box.checked = true;
    }
    for (const sel of f.querySelectorAll('select')) {
      if (!sel.value && sel.options.length > 1) sel.selectedIndex = 1;
    }
  });
}

/** Ids of the fields the error summary names → field names. */
async function refusedNames(page, form) {
  return page.evaluate((f) => {
    const names = new Set();
    for (const a of document.querySelectorAll('.error-summary a[href^="#"]')) {
      const el = document.getElementById(a.getAttribute('href').slice(1));
      if (!el) continue;
      if (el.name) names.add(el.name);
      else for (const inner of el.querySelectorAll('[name]')) names.add(inner.name);
    }
    return [...names];
  }, await form.elementHandle());
}

async function clickSubmit(page, form, spec) {
  const button = spec.submit ? form.locator(spec.submit).first() : form.locator('button[type="submit"], button:not([type])').first();
  await allowFormErrors(page, form);
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load', timeout: 30_000 }), button.click()]);
  return response;
}

/**
 * Fills every text field of the form with a payload (format fields with FORMAT_VALUES or the
 * spec's `values`), sends it; a 422 re-render is checked (payloads escaped, kept in their fields)
 * and the fields it refuses get a plain value, up to three times. Returns the filled fields.
 */
async function fillAndSend(spec) {
  const { page, ctx } = await role(spec.role);
  const path = typeof spec.path === 'function' ? spec.path(s) : spec.path;
  assert.ok(path, `${spec.id}: no page to open (an earlier step failed)`);
  await visit(page, path);
  let form = await formOf(page, spec);
  if (spec.setup) await spec.setup(page, form);
  const fields = (await textFields(form)).filter((f) => !(spec.skip || []).includes(f.name));
  const filled = [];
  // Fixed values of fields that are not text (e-mail, numbers).
  for (const [name, value] of Object.entries(spec.values || {})) {
    if (fields.some((f) => f.name === name)) continue;
    const locator = form.locator(`[name="${name}"]`).first();
    if (await locator.count()) await locator.fill(typeof value === 'function' ? value(s) : value);
  }
  if (spec.checkAll) await checkFirstOfEveryGroup(form);
  for (const f of fields) {
    const locator = form.locator(`[name="${f.name}"]`).first();
    const fixed = spec.values && f.name in spec.values ? spec.values[f.name] : FORMAT_VALUES[f.name] && !(spec.text || []).includes(f.name) ? FORMAT_VALUES[f.name]() : null;
    if (fixed !== null && fixed !== undefined) {
      await locator.fill(typeof fixed === 'function' ? fixed(s) : fixed);
      continue;
    }
    const kind = kindOf(spec, f);
    const p = payloadFor(kind, spec.maxLength?.[f.name] ?? f.maxLength);
    await locator.fill(spec.wrap?.[f.name] ? spec.wrap[f.name](p.value) : p.value);
    filled.push({ name: f.name, kind, md: kind === 'md', marker: p.marker, vector: p.vector.name, value: await locator.inputValue(), refused: false });
  }
  if (spec.before) await spec.before(page, form);
  const mark = guardMark(ctx);
  let res = await clickSubmit(page, form, spec);
  let errorPath = false;
  for (let round = 0; res && res.status() === 422 && round < 4; round += 1) {
    // The re-rendered form: the payloads typed are back in their fields, escaped.
    errorPath = true;
    await checkPage(page, findings, `${spec.id} 422 re-render`, filled.filter((f) => !f.refused && f.kind !== 'url').map((f) => ({ ...f, full: true })), mark);
    form = await formOf(page, spec);
    const refused = await refusedNames(page, form);
    const fixable = filled.filter((f) => refused.includes(f.name));
    if (!fixable.length) {
      const summary = await page.locator('.error-summary').first().innerText().catch(() => '(no error summary)');
      findings.add(spec.id, `422 without a refused text field: ${summary.replace(/\s+/g, ' ')}`);
      break;
    }
    if (spec.setup && spec.resetup) await spec.setup(page, form);
    for (const f of fixable) {
      const locator = form.locator(`[name="${f.name}"]`).first();
      // `plain`: what a field that takes no text gets instead (its value before the attack).
      const own = spec.plain?.(f.name);
      const plain = own !== undefined ? own : round === 0 && f.kind !== 'url' ? `${f.marker} Klartext` : f.kind === 'url' ? URL_FALLBACK[f.name] || 'https://example.org/' : FORMAT_VALUES[f.name] ? FORMAT_VALUES[f.name]() : '';
      const typed = plain && spec.wrap?.[f.name] ? spec.wrap[f.name](plain) : plain;
      await locator.fill(typed);
      f.refused = true;
      f.value = typed;
    }
    if (spec.before) await spec.before(page, form);
    res = await clickSubmit(page, form, spec);
  }
  const status = res ? res.status() : 0;
  if (status >= 400) findings.add(spec.id, `sending ${path} ended with HTTP ${status}`);
  // The page the form led to.
  await checkPage(page, findings, `${spec.id} result`, [], mark);
  const row = {
    id: spec.id,
    module: spec.module,
    role: spec.role,
    form: spec.label,
    fields: filled.map((f) => `${f.name}${f.md ? ' (md)' : ''}${f.kind === 'url' ? ' (url)' : ''}${f.refused ? (f.kind === 'url' ? ' refused' : ' refused→plain') : ''}`),
    errorPath,
  };
  coverage.push(row);
  s[spec.id] = { url: pathOf(page), hash: new URL(page.url()).hash, filled, status };
  // Forms whose answer shows what was typed (previews): checked right there.
  if (spec.resultExpect && status < 400) await checkPage(page, findings, `${spec.id} answer`, expected(spec.id, { fields: spec.resultExpect === 'all' ? null : spec.resultExpect }));
  if (spec.after && status < 400) await spec.after(page, s[spec.id]);
  return s[spec.id];
}

/**
 * The payloads of `ids` that a page must show: `fields` names which (default: all but URL
 * fields and the ones in `hidden`), `full` makes plain-text fields count as typed.
 */
function expected(id, { fields = null, full = false } = {}) {
  const st = s[id];
  if (!st) return [];
  return st.filled
    .filter((f) => f.kind !== 'url' && f.value.includes(f.marker) && (fields ? fields.includes(f.name) : true))
    .map((f) => ({ ...f, full: full && !f.md && !f.refused }));
}

/** Opens `path` as `roleName` and checks it against the payloads `expect`. */
async function show(roleName, path, expect, label, { status = 200 } = {}) {
  if (!path) {
    findings.add(label, 'no page to check (an earlier step failed)');
    return;
  }
  const { page, ctx } = await role(roleName);
  const mark = guardMark(ctx);
  if (status >= 400) allowErrorDocument(ctx, path);
  const res = await page.goto(new URL(path, BASE_URL).href, { waitUntil: 'load' });
  if (res && res.status() !== status) findings.add(label, `GET ${path} answered ${res.status()}`);
  await checkPage(page, findings, label, expect, mark);
}

/**
 * Opens `path` as `roleName`, checks it, and compares the `alt` of the first `selector` image
 * with what was typed into `entry`'s field (an attribute is not in the page's text).
 */
async function altIs(roleName, path, selector, entry, label) {
  if (!path || !entry) {
    findings.add(label, 'nothing to check (an earlier step failed)');
    return;
  }
  await show(roleName, path, [], label);
  const { page } = await role(roleName);
  const img = page.locator(selector).first();
  if (!(await img.count())) {
    findings.add(label, `no ${selector} on the page`);
    return;
  }
  const alt = normalize((await img.getAttribute('alt')) ?? '');
  findings.checks += 1;
  if (alt !== normalize(entry.value)) findings.add(label, `alt is ${JSON.stringify(alt.slice(0, 160))}, typed ${JSON.stringify(normalize(entry.value).slice(0, 160))}`);
}

/** A fresh participant in a context of its own (registered, confirmed, signed in). */
async function participant(name, tag) {
  const admin = await role('admin');
  const ctx = await newContext({ javaScriptEnabled: true });
  await watchCsp(ctx);
  const page = await newPage(ctx);
  const user = freshUser(tag);
  await register(page, user, { a11y: false });
  await confirmEmail(page, admin.page, user, { a11y: false });
  await login(page, user, { navigate: false });
  roles[name] = { ctx, page };
  return user;
}

/** A link on the current page of `roleName` whose text has `marker`; its path. */
async function linkWith(roleName, path, marker) {
  const { page } = await role(roleName);
  await visit(page, path);
  const link = page.locator('main a').filter({ hasText: marker }).first();
  if (!(await link.count())) return null;
  return new URL(await link.getAttribute('href'), BASE_URL).pathname;
}

// ------------------------------------------------------------------------------------------
// the forms (one row each; `md` = Markdown fields, `url` = URL fields)

const FORMS = [
  // Beteiligung (participant = a fresh account whose display name is a payload)
  { id: 'B1', module: 'Beteiligung', role: 'user', label: 'Vorschlag einreichen', path: `${P}/vorschlaege/neu`, has: 'select[name="topic"]', md: ['body'],
    setup: async (page) => page.locator('main select[name="topic"]').selectOption({ index: 1 }) },
  { id: 'B2', module: 'Beteiligung', role: 'user', label: 'Kommentar zum Vorschlag', path: () => s.B1?.url, has: 'input[name="stance"]',
    setup: async (page) => page.locator('main input[name="stance"][value="pro"]').check() },
  { id: 'B3', module: 'Beteiligung', role: 'user', label: 'Kommentar zum Absatz', path: `${P}/text/5`, has: 'input[name="category"]',
    setup: async (page) => page.locator('main input[name="category"][value="frage"]').check() },
  { id: 'B4', module: 'Beteiligung', role: 'user', label: 'Änderungsvorschlag', path: `${P}/text/5`, form: 'main form[action$="/text/5/aenderungen"]' },
  { id: 'B5', module: 'Beteiligung', role: 'user', label: 'Debattenbeitrag', path: `${P}/debatten/3`, has: 'input[name="stance"]',
    setup: async (page) => page.locator('main input[name="stance"][value="contra"]').check() },
  { id: 'B6', module: 'Beteiligung', role: 'user', label: 'Umfrage beantworten (Freitext)', path: `${P}/umfragen/1`, form: 'main form.survey-form',
    setup: async (page, form) => {
      const names = await form.locator('input[type="radio"]').evaluateAll((inputs) => [...new Set(inputs.map((i) => i.name))]);
      for (const name of names) await form.locator(`input[type="radio"][name="${name}"]`).first().check();
      await form.locator('input[type="checkbox"]').first().check();
    } },
  { id: 'B7', module: 'Beteiligung', role: 'user', label: 'Aussage fürs Meinungsbild', path: `${P}/meinungsbild`, form: 'main form[action$="/meinungsbild/aussagen"]' },
  { id: 'B8', module: 'Beteiligung', role: 'staff', label: 'Meldung (Notiz) zu einem Kommentar', path: () => s.B1?.url,
    form: 'main li.comment details.report form',
    setup: async (page) => {
      await page.locator('main li.comment details.report summary').first().click();
      await page.locator('main li.comment details.report form input[name="reason"][value="other"]').first().check();
    } },
  { id: 'B9', module: 'Beteiligung', role: 'staff', label: 'Stellungnahme zum Vorschlag', path: () => s.B1?.url, form: 'main form[action$="/antwort"]', md: ['answer'],
    setup: async (page, form) => form.locator('select[name="status"]').selectOption({ index: 0 }) },
  { id: 'B10', module: 'Beteiligung', role: 'staff', label: 'Entscheidung über Änderungsvorschlag', path: () => s.B4?.url?.replace(/[?#].*$/, ''),
    form: () => `main #aenderung-${s.B4?.suggestion} form[action$="/entscheidung"]`,
    setup: async (page, form) => form.locator('select[name="decision"]').selectOption('rejected') },
  { id: 'B11', module: 'Beteiligung', role: 'staff', label: 'Verfahren anlegen (Entwurf)', path: '/beteiligung/neu', form: 'main form[action="/beteiligung/neu"]', md: ['description_md'],
    values: { support_limit: '3', support_threshold: '10', report_threshold: '3' },
    setup: async (page, form) => form.locator('select[name="visibility"]').selectOption('draft') },
  { id: 'B12', module: 'Beteiligung', role: 'staff', label: 'Debatte anlegen', path: () => s.process && `${s.process}/debatten/neu`, form: 'main form[action$="/debatten/neu"]', md: ['description', 'conclusion'] },
  { id: 'B13', module: 'Beteiligung', role: 'staff', label: 'Debatte abschließen (Fazit)', path: () => s.B12?.url, form: 'main form[action$="/abschliessen"]', md: ['conclusion'] },
  { id: 'B14', module: 'Beteiligung', role: 'staff', label: 'Umfrage anlegen', path: () => s.process && `${s.process}/umfragen/neu`, form: 'main form[action$="/umfragen/neu"]', md: ['description'],
    values: { questions: () => `einfach*: Frage ${nextMarker()} <img src=x onerror=alert(1)>\n- ja "><script>alert(1)</script>\n- nein\n\ntext: Freitext ${nextMarker()} <svg onload=alert(1)>` } },
  { id: 'B15', module: 'Beteiligung', role: 'staff', label: 'Fassung veröffentlichen', path: () => s.process && `${s.process}/fassungen/neu`, form: 'main form[action$="/fassungen/neu"]', md: ['markdown'],
    // A strategy text is made of "# " chapters with "## " sections.
    wrap: { markdown: (v) => `# Kapitel\n\n## Abschnitt\n\n${v}` } },
  { id: 'B16', module: 'Beteiligung', role: 'staff', label: 'Phase anlegen', path: () => s.process && `${s.process}/phasen/neu`, has: 'input[name="starts_on"]',
    before: async (page, form) => {
      await form.locator('input[name="starts_on"]').fill(isoDay(1));
      await form.locator('input[name="ends_on"]').fill(isoDay(30));
    } },

  { id: 'B17', module: 'Beteiligung', role: 'mod', label: 'Antwort auf einen Kommentar', path: () => s.B1?.url,
    form: 'main li.comment form:has(textarea[id^="reply-"])',
    setup: async (page) => page.locator('main li.comment details:has(textarea[id^="reply-"]) > summary').first().click() },
  { id: 'B18', module: 'Beteiligung', role: 'user', label: 'Eigenen Kommentar bearbeiten', path: () => s.B1?.url,
    form: 'main li.comment form:has(textarea[id^="edit-"])',
    setup: async (page) => page.locator('main li.comment details:has(textarea[id^="edit-"]) > summary').first().click() },
  // A second participant comments, the staff report it, a moderator blocks its author from the queue.
  { id: 'B19', module: 'Beteiligung', role: 'user2', label: 'Kommentar (Autor, der gesperrt wird)', path: () => s.B1?.url, has: 'input[name="stance"]',
    setup: async (page) => page.locator('main input[name="stance"][value="neutral"]').check() },
  { id: 'B20', module: 'Beteiligung', role: 'staff', label: 'Meldung (Notiz) zum Kommentar', path: () => s.B1?.url,
    form: () => `main li.comment:has-text("${s.B19?.filled[0]?.marker}") details.report form`,
    setup: async (page, form) => {
      await page.locator(`main li.comment:has-text("${s.B19.filled[0].marker}") details.report summary`).first().click();
      await form.locator('input[name="reason"][value="other"]').check();
    } },
  { id: 'B21', module: 'Beteiligung', role: 'mod', label: 'Autor sperren (Grund, Moderationsliste)', path: `${P}/moderation`,
    form: () => `main tr:has-text("${s.B19?.filled[0]?.marker}") form[action$="/sperren"]`,
    setup: async (page) => page.locator(`main tr:has-text("${s.B19.filled[0].marker}") details:has(form[action$="/sperren"]) > summary`).first().click() },

  // KI-Netzwerk
  { id: 'N1', module: 'KI-Netzwerk', role: 'user', label: 'Akteur registrieren (Profil)', path: '/netzwerk/registrieren', form: 'main form[action="/netzwerk/registrieren"]', md: ['description'], url: ['website'],
    values: { contact_email: 'kontakt@xss.example' }, checkAll: true },
  { id: 'N2', module: 'KI-Netzwerk', role: 'staff', label: 'Aufnahme entscheiden (Begründung)', path: () => s.N1admission, form: 'main form[action^="/netzwerk/aufnahme/"]',
    setup: async (page) => page.locator('main #decision-accept').check() },
  { id: 'N3', module: 'KI-Netzwerk', role: 'akteur', label: 'Kooperationsgesuch', path: '/netzwerk/kooperationsgesuche/neu', form: 'main form[action="/netzwerk/kooperationsgesuche/neu"]', md: ['body'],
    setup: async (page, form) => {
      await form.locator('input[name="competences"]').first().check();
      await form.locator('input[name="deadline"]').fill(isoDay(40));
    } },
  { id: 'N4', module: 'KI-Netzwerk', role: 'akteur', label: 'Beitrag einreichen', path: '/netzwerk/beitraege/neu', form: 'main form[action="/netzwerk/beitraege/neu"]', md: ['body'],
    setup: async (page, form) => form.locator('input[name="topics"]').first().check() },
  { id: 'N5', module: 'KI-Netzwerk', role: 'staff', label: 'Beitrag ablehnen (Begründung)', path: '/netzwerk/beitraege/pruefen', form: () => `main form[action="/netzwerk/beitraege/${s.N4post2}/ablehnen"]` },
  { id: 'N6', module: 'KI-Netzwerk', role: 'staff', label: 'Veranstaltung anlegen', path: '/netzwerk/veranstaltungen/neu', form: 'main form[action="/netzwerk/veranstaltungen/neu"]', md: ['description'], url: ['online_url'],
    values: { capacity: '20' }, checkAll: true,
    setup: async (page, form) => {
      await form.locator('input[name="starts"]').fill(`${isoDay(20)}T10:00`);
      await form.locator('input[name="ends"]').fill(`${isoDay(20)}T12:00`);
      await form.locator('input[name="format"][value="vor-ort"]').check();
      await form.locator('input[name="topics"]').first().check();
    } },
  { id: 'N7', module: 'KI-Netzwerk', role: 'staff', label: 'Forum anlegen', path: '/netzwerk/austausch/neu', form: 'main form[action="/netzwerk/austausch/neu"]', md: ['description'], values: { position: '99' } },
  { id: 'N8', module: 'KI-Netzwerk', role: 'user', label: 'Thema eröffnen', path: () => s.board && `${s.board}/neu`, form: 'main form[action$="/neu"]', md: ['body'] },
  { id: 'N9', module: 'KI-Netzwerk', role: 'user', label: 'Antwort im Thema', path: () => s.N8?.url, form: 'main form[action$="/antworten"]', md: ['body'] },
  { id: 'N10', module: 'KI-Netzwerk', role: 'user', label: 'Nachricht an einen Akteur', path: '/netzwerk/akteure/torgauer-agrardaten-eg/kontakt', form: 'main form[action$="/kontakt"]' },
  { id: 'N12', module: 'KI-Netzwerk', role: 'user', label: 'Akteursprofil bearbeiten', path: () => s.actor && `${s.actor}/bearbeiten`, has: 'input[name="short_description"]',
    md: ['description'], url: ['website'], values: { contact_email: 'kontakt@xss.example' } },
  { id: 'N13', module: 'KI-Netzwerk', role: 'staff', label: 'Veranstaltung absagen (Grund)', path: () => s.N6?.url?.replace(/[?#].*$/, ''), form: 'main form[action$="/absagen"]' },
  { id: 'N14', module: 'KI-Netzwerk', role: 'user', label: 'Eigene Forenantwort bearbeiten', path: () => s.N8?.url,
    form: 'main .replies form[action$="/bearbeiten"]', md: ['body'],
    setup: async (page) => page.locator('main .replies details:has(form[action$="/bearbeiten"]) > summary').first().click().catch(() => {}) },
  { id: 'N11', module: 'KI-Netzwerk', role: 'mod', label: 'Meldung zu einer Forenantwort (Notiz)', path: () => s.N8?.url,
    form: 'main .replies details.report form',
    setup: async (page) => {
      await page.locator('main .replies details.report summary').first().click();
      await page.locator('main .replies details.report form input[name="reason"][value="other"]').first().check();
    } },
  { id: 'N15', module: 'KI-Netzwerk', role: 'user', label: 'Logo hochladen (Alternativtext)', path: () => s.actor && `${s.actor}/bearbeiten`, form: 'main form[action$="/logo"]',
    setup: async (page, form) => form.locator('input[name="logo"]').setInputFiles({ name: `logo-${RUN}.png`, mimeType: 'image/png', buffer: PNG }) },
  { id: 'N16', module: 'KI-Netzwerk', role: 'staff', label: 'Beitrag bearbeiten (Redaktion, bleibt veröffentlicht)', path: () => s.N4post1 && `/netzwerk/beitraege/${s.N4post1}/bearbeiten`,
    form: 'main form[action$="/bearbeiten"]', md: ['body'] },
  { id: 'N17', module: 'KI-Netzwerk', role: 'akteur', label: 'Abgelehnten Beitrag überarbeiten (Autor, zurück in die Prüfung)', path: () => s.N4post2 && `/netzwerk/beitraege/${s.N4post2}/bearbeiten`,
    form: 'main form[action$="/bearbeiten"]', md: ['body'] },

  // Förderlotse
  { id: 'F1', module: 'Förderlotse', role: 'staff', label: 'Förderangebot anlegen (Redaktion)', path: '/foerderung/redaktion/neu', form: '#funding-editorial-form', submit: '#funding-editorial-save',
    md: ['body', 'summary', 'conditions', 'procedure', 'bonus_notes'], url: ['url', 'source_url', 'application_url', 'link'], resetup: true, checkAll: true,
    setup: async (page, form) => {
      await form.locator('select[name="origin"]').selectOption('redaktion');
      await form.locator('select[name="offer_type"]').selectOption('foerderprogramm');
      for (const group of ['funding_types', 'eligible', 'areas', 'topics', 'sizes', 'regions']) {
        const box = form.locator(`input[type="checkbox"][name="${group}"]`).first();
        if (await box.count()) await box.check();
      }
      for (const sel of await form.locator('select').all()) {
        if (!(await sel.inputValue())) {
          const n = await sel.locator('option').count();
          if (n > 1) await sel.selectOption({ index: 1 });
        }
      }
    } },
  { id: 'F2', module: 'Förderlotse', role: 'staff', label: 'Status mit Notiz', path: () => s.offer && `/foerderung/redaktion/${s.offer}/versionen`, form: '#funding-editorial-status-form',
    setup: async (page) => page.locator('main #status-antragstopp').check() },

  { id: 'F3', module: 'Förderlotse', role: 'staff', label: 'Vorschau eines Angebots (nichts gespeichert)', path: '/foerderung/redaktion/neu', form: '#funding-editorial-form', submit: '#funding-editorial-preview',
    md: ['body', 'summary', 'conditions', 'procedure', 'bonus_notes'], url: ['url', 'source_url', 'application_url', 'link'], resetup: true, checkAll: true, resultExpect: ['title', 'summary', 'body'],
    setup: async (page, form) => {
      await form.locator('select[name="origin"]').selectOption('redaktion');
      await form.locator('select[name="offer_type"]').selectOption('foerderprogramm');
    } },

  // The import's note becomes the version note of every offer it stores (≤ 200 characters).
  { id: 'F4', module: 'Förderlotse', role: 'staff', label: 'Import (Notiz, Dateiname)', path: '/foerderung/redaktion/import', form: 'main form[action="/foerderung/redaktion/import"]',
    maxLength: { notiz: 200 },
    setup: async (page, form) => {
      s.F4slug = `xss-import-${RUN}`;
      s.F4file = nextMarker();
      await form.locator('input[name="datei"]').setInputFiles({ name: `${s.F4file}"><img src=x onerror=alert(1)>.csv`, mimeType: 'text/csv', buffer: Buffer.from(importCsv(s.F4slug)) });
    },
    after: async (page) => checkPage(page, findings, 'F4 import report', [{ marker: s.F4file, vector: 'file name' }]) },

  // Breitband
  { id: 'R1', module: 'Breitband', role: 'kommune', label: 'Markterkundungsverfahren eröffnen', path: '/breitband/verfahren/neu', form: 'main form[action="/breitband/verfahren/neu"]',
    values: { horizont: '3' },
    setup: async (page, form) => {
      await form.locator('input[name="beginn"]').fill(isoDay(0));
      await form.locator('input[name="frist"]').fill(isoDay(60));
      await form.locator('#quelle-synthetisch').check();
      for (const box of await form.locator('input[type="checkbox"][name^="betreiber-"]').all()) await box.check();
    } },
  { id: 'R2', module: 'Breitband', role: 'kommune', label: 'Förderprojekt anlegen', path: '/breitband/projekte/neu', form: 'main form[action="/breitband/projekte/neu"]',
    setup: async (page, form) => form.locator('select[name="area"]').selectOption({ index: 1 }) },
  { id: 'R3', module: 'Breitband', role: 'kommune', label: 'Verfahrensschritt (Notiz)', path: () => s.R2 && `${s.R2.url.replace(/[?#].*$/, '')}/phase`, form: 'main form[action$="/phase"]',
    before: async (page, form) => form.locator('input[name="date"]').fill(isoDay(0)) },
  { id: 'R4', module: 'Breitband', role: 'staff', label: 'Netzbetreiber anlegen', path: '/breitband/verwaltung', form: 'main form[action="/breitband/verwaltung/netzbetreiber"]' },

  // Anfragen
  { id: 'D1', module: 'Anfragen', role: 'visitor', label: 'Anfrage stellen (öffentlich)', path: () => `/anfragen/neu?thema=breitband&kontext=${encodeURIComponent(`/breitband/beratung?x=${PREFIX}ctx"><script>alert(1)</script>`)}`,
    form: 'main form[action="/anfragen/neu"]', values: { email: `e2e+xss-${RUN}@example.org` },
    setup: async (page, form) => {
      s.D1loaded = Date.now();
      await form.locator('input[name="sender_type"]').first().check();
      const topic = form.locator('select[name="topic"]');
      if (!(await topic.inputValue())) await topic.selectOption('breitband');
      await form.locator('input[name="consent"]').check();
    },
    before: async (page) => {
      const wait = MIN_FILL_MS - (Date.now() - (s.D1loaded || 0));
      if (wait > 0) await page.waitForTimeout(wait);
    } },
  { id: 'D2', module: 'Anfragen', role: 'staff', label: 'Interne Notiz', path: () => s.ticket, form: 'main form[action$="/notiz"]' },
  { id: 'D3', module: 'Anfragen', role: 'staff', label: 'Verknüpfung (Pfad + Bezeichnung)', path: () => s.ticket, form: 'main form[action$="/verknuepfungen"]', url: ['pfad'] },
  { id: 'D4', module: 'Anfragen', role: 'staff', label: 'Antwort an den Absender', path: () => s.ticket, form: 'main form[action$="/antwort"]', md: ['antwort'],
    setup: async (page) => page.locator('main #art-antwort').check().catch(() => {}) },
  { id: 'D5', module: 'Anfragen', role: 'visitor', label: 'Rückantwort über den Statuslink', path: () => s.D1?.url, form: 'main form[action^="/anfragen/status/"]' },
  { id: 'D6', module: 'Anfragen', role: 'staff', label: 'FAQ aus der Anfrage', path: () => s.ticket && `${s.ticket}/faq`, form: 'main form', md: ['answer'], values: { position: '99' },
    setup: async (page, form) => {
      await form.locator('select[name="topic"]').selectOption('breitband');
      await form.locator('input[name="published"]').check();
      await form.locator('input[name="confirmed"]').check().catch(() => {});
    } },
  { id: 'D7', module: 'Anfragen', role: 'staff', label: 'Textbaustein', path: '/anfragen/verwaltung/textbausteine/neu', form: 'main form[action="/anfragen/verwaltung/textbausteine"]',
    setup: async (page, form) => form.locator('select[name="thema"]').selectOption('breitband') },
  { id: 'D8', module: 'Anfragen', role: 'admin', label: 'Team anlegen', path: '/anfragen/verwaltung/teams', form: 'main form[action="/anfragen/verwaltung/teams"]' },
  { id: 'D9', module: 'Anfragen', role: 'admin', label: 'Team umbenennen', path: '/anfragen/verwaltung/teams', form: () => `main form[action="/anfragen/verwaltung/teams/${s.D8team}/umbenennen"]` },
  // The target answer days are number fields: typed as text (as a crafted request would send
  // them) they come back in the 422 re-render; then the values they had are sent again.
  { id: 'D10', module: 'Anfragen', role: 'admin', label: 'Themen: Antwortfristen (422 mit Text)', path: '/anfragen/verwaltung/teams', form: 'main form[action="/anfragen/verwaltung/themen"]',
    setup: async (page, form) => {
      s.D10days = await form.evaluate((f) => {
        const days = {};
        for (const el of f.querySelectorAll('input[type="number"]')) {
          days[el.name] = el.value;
          el.type = 'text';
        }
        return days;
      });
    },
    plain: (name) => s.D10days?.[name] },

  // Content (Redaktion)
  { id: 'C1', module: 'Content', role: 'staff', label: 'Seite anlegen', path: '/redaktion/seiten/neu', form: 'main form[action="/redaktion/seiten/neu"]', md: ['body_de', 'body_en'], values: { position: '99' },
    submit: 'button[type="submit"]:not([value="vorschau"])',
    setup: async (page, form) => {
      await form.locator('select[name="menu"]').selectOption('none');
      await form.locator('select[name="status"]').selectOption('published');
    },
    // Saving leads to the page list: the new page's edit link is there.
    after: async (page, st) => {
      const m = st.filled.find((f) => f.name === 'title_de')?.marker;
      const link = page.locator('main a[href^="/redaktion/seiten/"]').filter({ hasText: m }).first();
      if (await link.count()) st.edit = new URL(await link.getAttribute('href'), BASE_URL).pathname;
    } },
  { id: 'C8', module: 'Content', role: 'staff', label: 'Vorschau einer neuen Seite (nichts gespeichert)', path: '/redaktion/seiten/neu', form: 'main form[action="/redaktion/seiten/neu"]', md: ['body_de', 'body_en'], values: { position: '98' },
    submit: 'button[value="vorschau"]', resultExpect: ['title_de', 'body_de'] },
  { id: 'C9', module: 'Content', role: 'staff', label: 'Seite ändern (neue Version, Vergleich)', path: () => s.C1?.edit, has: 'input[name="title_de"]', md: ['body_de', 'body_en'], values: { position: '99' },
    skip: ['slug'], submit: 'button[type="submit"]:not([value="vorschau"])' },
  { id: 'C2', module: 'Content', role: 'staff', label: 'Meldung anlegen', path: '/redaktion/aktuelles/neu', form: '#content-news-form', md: ['body'],
    setup: async (page, form) => {
      await form.locator('input[name="topics"]').first().check();
      await form.locator('select[name="status"]').selectOption('published');
    } },
  { id: 'C3', module: 'Content', role: 'staff', label: 'Verweis zur Meldung', path: () => s.C2?.url, form: 'main form[action$="/verweise"]', url: ['link_path'] },
  { id: 'C4', module: 'Content', role: 'staff', label: 'Publikation anlegen (Metadaten)', path: '/redaktion/publikationen/neu', form: 'main form[action="/redaktion/publikationen/neu"]', md: ['summary'],
    setup: async (page, form) => {
      await form.locator('select[name="kind"]').selectOption('studie');
      await form.locator('input[name="topics"]').first().check();
    } },
  { id: 'C5', module: 'Content', role: 'staff', label: 'Ansprechpartner anlegen', path: '/redaktion/ansprechpartner/neu', form: 'main form[action="/redaktion/ansprechpartner/neu"]', values: { position: '99', email: `xss-${RUN}@example.org` },
    setup: async (page, form) => {
      await form.locator('select[name="topic"]').selectOption('ki');
      await form.locator('input[name="published"]').check();
    } },
  { id: 'C6', module: 'Content', role: 'staff', label: 'Newsletter-Ausgabe (Entwurf)', path: '/redaktion/newsletter/neu', form: 'main form[action="/redaktion/newsletter/neu"]', md: ['body'] },
  { id: 'C7', module: 'Content', role: 'staff', label: 'Bild hochladen (Alternativtext, Beschreibung)', path: '/redaktion/medien', form: '#content-media-upload',
    setup: async (page, form) => form.locator('input[name="file"]').setInputFiles({ name: `xss-${RUN}.png`, mimeType: 'image/png', buffer: PNG }) },

  // Account, admin
  { id: 'A2', module: 'Konto', role: 'user', label: 'Profil: Anzeigename ändern', path: '/konto', form: 'main form[action="/konto/profil"]' },
  { id: 'M1', module: 'Verwaltung', role: 'admin', label: 'Benutzer sperren (Grund)', path: () => s.userAdminPath, form: 'main form[action$="/sperre"]',
    setup: async (page, form) => {
      const box = form.locator('input[type="checkbox"]');
      if (await box.count()) await box.first().check();
    } },
];

// Form-error path: payloads in every text field, one required field left empty → 422; the
// re-rendered form must show every payload as typed, escaped.
const ERROR_PATHS = [
  { id: 'E1', module: 'Konto', role: 'visitor', label: 'Registrierung ohne Passwort', path: '/konto/registrieren', form: 'main form[action="/konto/registrieren"]', values: { email: 'e2e+xss-error@example.org' } },
  { id: 'E2', module: 'Beteiligung', role: 'user', label: 'Vorschlag ohne Handlungsfeld', path: `${P}/vorschlaege/neu`, has: 'select[name="topic"]', md: ['body'] },
  { id: 'E3', module: 'KI-Netzwerk', role: 'user', label: 'Akteur ohne Kategorie', path: '/netzwerk/registrieren', form: 'main form[action="/netzwerk/registrieren"]', md: ['description'], url: ['website'] },
  { id: 'E4', module: 'Anfragen', role: 'visitor', label: 'Anfrage ohne Einwilligung', path: '/anfragen/neu', form: 'main form[action="/anfragen/neu"]', values: { email: 'e2e+xss-error@example.org' } },
  { id: 'E5', module: 'KI-Netzwerk', role: 'staff', label: 'Veranstaltung ohne Zeiten', path: '/netzwerk/veranstaltungen/neu', form: 'main form[action="/netzwerk/veranstaltungen/neu"]', md: ['description'], url: ['online_url'] },
  { id: 'E6', module: 'Content', role: 'staff', label: 'Meldung ohne Text', path: '/redaktion/aktuelles/neu', form: '#content-news-form', md: ['body'], clear: ['body'] },
  { id: 'E7', module: 'Breitband', role: 'kommune', label: 'Verfahren ohne Fristen', path: '/breitband/verfahren/neu', form: 'main form[action="/breitband/verfahren/neu"]' },
  { id: 'E8', module: 'Förderlotse', role: 'staff', label: 'Angebot ohne Angaben', path: '/foerderung/redaktion/neu', form: '#funding-editorial-form', submit: '#funding-editorial-save', md: ['body', 'summary'] },
  { id: 'E10', module: 'Breitband', role: 'staff', label: 'Gebiet zuordnen (unbekanntes Konto, Gebiet)', path: '/breitband/verwaltung', form: 'main form[action="/breitband/verwaltung/gebiete"]', include: ['konto'] },
  { id: 'E11', module: 'Konto', role: 'visitor', label: 'Anmeldung mit einer Payload als E-Mail-Adresse', path: '/konto/anmelden', form: 'main form[action="/konto/anmelden"]', include: ['email'] },
  { id: 'E12', module: 'KI-Netzwerk', role: 'user', label: 'Logo ohne Datei (Alternativtext)', path: () => s.actor && `${s.actor}/bearbeiten`, form: 'main form[action$="/logo"]' },
  { id: 'E13', module: 'Förderlotse', role: 'staff', label: 'Import ohne Datei (Notiz)', path: '/foerderung/redaktion/import', form: 'main form[action="/foerderung/redaktion/import"]',
    maxLength: { notiz: 200 }, setup: async (page, form) => form.locator('input[name="datei"]').evaluate((el) => el.removeAttribute('required')) },
  { id: 'E9', module: 'Anfragen', role: 'visitor', label: 'Link vergessen (Aktenzeichen)', path: '/anfragen/link-vergessen', form: 'main form[action="/anfragen/link-vergessen"]', values: { email: '' } },
];

// Search boxes and filters (GET forms): the typed text comes back in the result page.
const SEARCHES = [
  { id: 'S1', module: 'Suche', role: 'visitor', label: 'Suche (Kopfzeile)', path: '/', field: '#header-q' },
  { id: 'S2', module: 'Suche', role: 'visitor', label: 'Suche (Seite)', path: '/suche', field: 'main #q' },
  { id: 'S3', module: 'Förderlotse', role: 'visitor', label: 'Förderangebote suchen', path: '/foerderung', field: 'main #q' },
  { id: 'S4', module: 'KI-Netzwerk', role: 'visitor', label: 'Akteure suchen', path: '/netzwerk/akteure', field: 'main #q' },
  { id: 'S5', module: 'KI-Netzwerk', role: 'visitor', label: 'Partner finden (Bedarf)', path: '/netzwerk/partner-finden', field: '#bedarf' },
  { id: 'S6', module: 'Breitband', role: 'visitor', label: 'Gemeinden filtern', path: '/breitband/gemeinden', field: 'main #q' },
  { id: 'S7', module: 'Beteiligung', role: 'visitor', label: 'Vorschläge nach Ort', path: `${P}/vorschlaege`, field: 'main #ort' },
  { id: 'S8', module: 'Förderlotse', role: 'staff', label: 'Redaktion: Angebote filtern', path: '/foerderung/redaktion', field: 'main #q' },
  { id: 'S9', module: 'Verwaltung', role: 'admin', label: 'Benutzer suchen', path: '/verwaltung/benutzer', field: 'main #q' },
  { id: 'S10', module: 'Verwaltung', role: 'admin', label: 'Postausgang filtern', path: '/verwaltung/postausgang', field: 'main #an' },
];

// Parameters reflected into pages without a text field (selects, hidden fields, paging).
const REFLECTED = [
  '/foerderung/check?wer=PAYLOAD',
  '/foerderung?foerderart=PAYLOAD&sortierung=PAYLOAD',
  `${P}/vorschlaege?thema=PAYLOAD&sortierung=PAYLOAD`,
  '/netzwerk/veranstaltungen?thema=PAYLOAD&format=PAYLOAD',
  '/breitband/beratung?gemeinde=PAYLOAD',
  '/anfragen/neu?thema=PAYLOAD&gemeinde=PAYLOAD&kontext=PAYLOAD',
  '/konto/anmelden?weiter=PAYLOAD',
  '/suche?q=PAYLOAD&seite=PAYLOAD',
  '/publikationen?art=PAYLOAD&thema=PAYLOAD',
];

/** An import file with one good offer (the columns the importer requires, lib funding-import journey). */
function importCsv(slug) {
  const header = ['slug', 'origin', 'offer_type', 'title', 'summary', 'body', 'funding_types', 'areas', 'regions', 'eligible_groups', 'funder_level', 'funder', 'procedure', 'status', 'source_licence', 'last_checked', 'reviewer'];
  const row = [slug, 'beispiel', 'beratungsangebot', `Importtest ${RUN} (Beispiel)`, 'Kostenfreie Erstberatung zur Digitalisierung.', 'Ein Testangebot aus dem XSS-Korpus.',
    'beratung', 'digitalisierung', 'sachsen', 'unternehmen', 'land', 'Freistaat Sachsen', 'laufend', 'offen', 'Fiktives Beispiel (CC BY 4.0)', '2026-11-01', 'E2E-Test'];
  return `${header.join(',')}\r\n${row.join(',')}\r\n`;
}

// A 1×1 PNG (for the media upload and the logo).
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

function spec(id) {
  const found = FORMS.find((f) => f.id === id);
  assert.ok(found, id);
  return { ...found, form: typeof found.form === 'function' ? found.form() : found.form };
}

async function run(id) {
  try {
    return await fillAndSend(spec(id));
  } catch (err) {
    findings.add(id, `could not fill and send: ${String(err.message || err).split('\n')[0]}`);
    return null;
  }
}

// ------------------------------------------------------------------------------------------

describe('XSS attack corpus (JavaScript on)', { timeout: 600_000 }, () => {
  before(async () => {
    assert.ok(VECTORS.length + URL_VECTORS.length >= 15, 'the corpus has at least 15 vectors');
  });

  after(async () => {
    for (const r of Object.values(roles)) await r.ctx.close().catch(() => {});
    // The field table, for review (node --test prints it).
    const byModule = new Map();
    for (const row of coverage) {
      const m = byModule.get(row.module) || { forms: 0, fields: 0 };
      m.forms += 1;
      m.fields += row.fields.length;
      byModule.set(row.module, m);
    }
    const lines = coverage.map((r) => `  ${r.id.padEnd(4)} ${r.module.padEnd(12)} ${r.role.padEnd(8)} ${r.form} — ${r.fields.join(', ') || '(no text field)'}${r.errorPath ? ' [422 checked]' : ''}`);
    const sums = [...byModule].map(([m, v]) => `  ${m}: ${v.forms} forms, ${v.fields} fields`);
    try {
      mkdirSync(RESULTS_DIR, { recursive: true });
      writeFileSync(path.join(RESULTS_DIR, `attack-xss-${RUN}.json`), JSON.stringify({ s, coverage }, null, 1));
    } catch {
      // diagnostics only
    }
    console.log(`XSS corpus ${RUN}: ${usedVectors().size} vectors used, ${findings.pages} page checks, ${findings.checks} payload checks\n${sums.join('\n')}\n${lines.join('\n')}`);
  });

  test('the detector sees every live vector when it is not escaped', async () => {
    // A context without the portal (about:blank, no CSP): each vector written into the page
    // unescaped — as text, into both kinds of attribute, into a textarea — must be found.
    const browser = await getBrowser();
    const ctx = await browser.newContext({ javaScriptEnabled: true });
    try {
      const page = await ctx.newPage();
      let dialogs = 0;
      page.on('dialog', (d) => {
        dialogs += 1;
        d.dismiss().catch(() => {});
      });
      const missed = [];
      for (const v of VECTORS.filter((x) => !x.inert)) {
        const value = v.make(nextMarker());
        await page.setContent(`<main><p>${value}</p><input value="${value}"><input value='${value}'><textarea>${value}</textarea></main>`);
        if (!(await liveVectors(page)).length) missed.push(v.name);
      }
      assert.deepEqual(missed, [], 'the detector misses these vectors');
      assert.ok(dialogs > 0, 'unescaped, the vectors do run (dialogs seen)');
    } finally {
      await ctx.close();
    }
  });

  test('a fresh participant registers with a payload as display name', async () => {
    const admin = await role('admin');
    const ctx = await newContext({ javaScriptEnabled: true });
    await watchCsp(ctx);
    const page = await newPage(ctx);
    const user = freshUser('xss');
    const name = nextPayload('line');
    user.displayName = name.value.slice(0, 80);
    await register(page, user, { a11y: false });
    await confirmEmail(page, admin.page, user, { a11y: false });
    await login(page, user, { navigate: false });
    assert.equal(new URL(page.url()).pathname, '/konto', `after login: ${page.url()}`);
    roles.user = { ctx, page };
    s.user = user;
    s.A1 = { filled: [{ name: 'display_name', kind: 'line', md: false, marker: name.marker, vector: name.vector.name, value: user.displayName }] };
    coverage.push({ id: 'A1', module: 'Konto', role: 'visitor', form: 'Registrierung', fields: ['display_name'], errorPath: false });
    await show('user', '/konto', expected('A1', { full: true }), 'A1 /konto');
    // The confirmation mail in the outbox names the display name.
    await show('admin', `/verwaltung/postausgang?an=${encodeURIComponent(user.email)}`, [], 'A1 outbox list');
    const mailLink = admin.page.locator('table tbody tr a').first();
    if (await mailLink.count()) await show('admin', await mailLink.getAttribute('href'), [], 'A1 confirmation mail');
    findings.assertNone('registration');
  });

  test('Beteiligung: participant, staff and moderation texts', async () => {
    await run('B1');
    await run('B2');
    await run('B3');
    const b4 = await run('B4');
    if (b4) s.B4.suggestion = (b4.hash.match(/^#aenderung-(\d+)/) || [])[1];
    if (b4 && !s.B4.suggestion) findings.add('B4', `the answer does not point at the new suggestion: ${b4.url}${b4.hash}`);
    await run('B5');
    await run('B6');
    await run('B7');
    await run('B8');
    await run('B9');
    if (s.B4?.suggestion) await run('B10');
    const b11 = await run('B11');
    if (b11) s.process = b11.url.replace(/[?#].*$/, '').replace(/\/(bearbeiten|phasen)$/, '');
    await run('B12');
    await run('B13');
    await run('B14');
    await run('B15');
    await run('B16');
    await run('B17');
    await run('B18');
    // The staff close the survey (with the portal's confirm dialog): its results are charts.
    if (s.B14) {
      const { page, ctx } = await role('staff');
      const survey = s.B14.url.replace(/[?#].*$/, '');
      await visit(page, survey);
      const close = page.locator('main form[action$="/abschliessen"] button');
      if (await close.count()) {
        expectDialogs(ctx, 1);
        await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), close.click()]);
        await show('staff', `${survey}/ergebnisse`, [], 'B14 survey results (charts)');
      } else {
        findings.add('B14', 'no close button on the new survey');
      }
    }

    // Where the texts are shown.
    const proposal = s.B1?.url?.replace(/[?#].*$/, '');
    await show('user', proposal, [...expected('B1', { full: true }), ...expected('B17', { full: true }), ...expected('B18', { full: true }), ...expected('A1')], 'B1 proposal page (participant)');
    await show('visitor', proposal, [...expected('B1', { full: true }), ...expected('B18'), ...expected('B9')], 'B1 proposal page (visitor)');
    await show('user', `${P}/vorschlaege?sortierung=neu`, expected('B1', { fields: ['title'] }), 'B1 proposal list');
    await show('user', `${P}/meine-beitraege`, [...expected('B1', { fields: ['title'] }), ...expected('B9')], 'B1 my contributions');
    // The suggestion is shown as a word diff against the paragraph: its marker, not the whole text in one piece.
    await show('user', `${P}/text/5`, [...expected('B3', { full: true }), ...expected('B4', { fields: ['reason'], full: true }), ...expected('B4', { fields: ['new_text'] }), ...expected('B10', { full: true })], 'B3/B4 paragraph page');
    await show('user', `${P}/debatten/3`, expected('B5', { full: true }), 'B5 debate');
    await show('user', `${P}/umfragen/1`, expected('B6', { full: true }), 'B6 survey (answers shown again)');
    await show('mod', `${P}/meinungsbild/moderation`, expected('B7', { full: true }), 'B7 statement queue');
    await show('mod', `${P}/moderation`, expected('B8', { full: true }), 'B8 moderation queue');
    await show('mod', '/moderation', [], 'B8 global moderation queue');
    if (s.process) {
      await show('staff', s.process, expected('B11', { fields: ['title', 'teaser', 'organiser', 'description_md'] }), 'B11 process page');
      await show('staff', `${s.process}/bearbeiten`, expected('B11', { full: true }), 'B11 process form');
      await show('staff', '/beteiligung', [], 'B11 process list');
      await show('staff', s.B12?.url?.replace(/[?#].*$/, ''), [...expected('B12'), ...expected('B13')], 'B12 debate page');
      await show('staff', `${s.process}/debatten`, expected('B12', { fields: ['question'] }), 'B12 debate list');
      await show('staff', s.B14?.url?.replace(/[?#].*$/, ''), expected('B14'), 'B14 survey page');
      await show('staff', `${s.process}/umfragen`, expected('B14', { fields: ['title'] }), 'B14 survey list');
      await show('staff', `${s.process}/fassungen`, expected('B15', { fields: ['title'] }), 'B15 versions');
      await show('staff', `${s.process}/text`, expected('B15', { fields: ['markdown'] }), 'B15 text');
      await show('staff', `${s.process}/phasen`, expected('B16', { fields: ['name'] }), 'B16 phases');
      const phase = await linkWith('staff', `${s.process}/phasen`, 'Bearbeiten');
      if (phase) await show('staff', phase, expected('B16', { full: true }), 'B16 phase form');
      await show('staff', `${s.process}/ergebnisse`, [], 'B results');
    }
    await show('staff', `${P}/ergebnisse`, [], 'results of the demo process');

    // A second participant comments; the staff report it; a moderator blocks its author from
    // the process's moderation queue with a payload as the reason.
    try {
      s.user2 = await participant('user2', 'xss2');
    } catch (err) {
      findings.add('B19', `second participant: ${err.message.split('\n')[0]}`);
    }
    if (s.user2) await run('B19');
    if (s.B19) await run('B20');
    if (s.B20) await run('B21');
    if (s.B21) {
      await show('mod', `${P}/moderation/protokoll`, expected('B21', { full: true }), 'B21 moderation log');
      await show('mod', `${P}/moderation`, [], 'B21 moderation queue (author blocked)');
      await show('mod', '/moderation', [], 'B21 global moderation queue');
      const { page: admin } = await role('admin');
      await visit(admin, `/verwaltung/benutzer?q=${encodeURIComponent(s.user2.email)}`);
      const link = admin.locator('main a[href^="/verwaltung/benutzer/"]').first();
      if (await link.count()) await show('admin', new URL(await link.getAttribute('href'), BASE_URL).pathname, expected('B21', { full: true }), 'B21 admin user page (block reason)');
      else findings.add('B21', 'the blocked participant is not in the user list');
      await show('admin', '/verwaltung/protokoll', [], 'B21 audit log');
    }
    findings.assertNone('Beteiligung');
  });

  test('KI-Netzwerk: actor profile, admission, requests, posts, events, boards, contact', async () => {
    const n1 = await run('N1');
    if (n1) {
      s.actor = n1.url.replace(/[?#].*$/, '');
      // The admission queue lists it; the decision form is the staff's.
      const { page } = await role('staff');
      await visit(page, '/netzwerk/aufnahme');
      const row = page.locator('main tbody tr').filter({ hasText: expected('N1', { fields: ['name'] })[0]?.marker || PREFIX });
      const decide = row.getByRole('link', { name: /prüfen/ }).first();
      if (await decide.count()) s.N1admission = new URL(await decide.getAttribute('href'), BASE_URL).pathname;
      if (s.N1admission) await run('N2');
      else findings.add('N2', 'the admission queue does not list the new actor');
    }
    await run('N3');
    // Two posts: the first is approved, the second refused with a payload as the reason.
    const n4 = await run('N4');
    if (n4) {
      s.N4a = s.N4;
      await run('N4');
      s.N4b = s.N4;
      s.N4 = { filled: [...s.N4a.filled, ...s.N4b.filled] };
      const ids = [];
      for (const st of [s.N4a, s.N4b]) {
        const m = st.url.match(/\/netzwerk\/beitraege\/(\d+)/);
        ids.push(m ? m[1] : null);
      }
      [s.N4post1, s.N4post2] = ids;
      await show('staff', '/netzwerk/beitraege/pruefen', expected('N4'), 'N4 review queue');
      if (s.N4post1) {
        const { page } = await role('staff');
        const approve = page.locator(`main form[action="/netzwerk/beitraege/${s.N4post1}/freigeben"] button`);
        if (await approve.count()) await Promise.all([page.waitForNavigation(), approve.click()]);
        else findings.add('N4', 'no approve button for the post');
      }
      if (s.N4post2) await run('N5');
    }
    await run('N6');
    const n7 = await run('N7');
    if (n7) s.board = n7.url.replace(/[?#].*$/, '');
    await run('N8');
    await run('N9');
    await run('N10');
    await run('N11');
    await run('N12');
    await run('N14');

    if (s.actor) {
      // The profile as edited (N12); the slug stays.
      const profile = ['name', 'short_description', 'description', 'street', 'city'];
      const id = s.N12 ? 'N12' : 'N1';
      await show('user', s.actor, expected(id, { fields: profile }), `${id} own profile`);
      await show('visitor', s.actor, expected(id, { fields: profile }), `${id} public profile`);
      await show('user', `${s.actor}/bearbeiten`, expected(id, { full: true }), `${id} profile form`);
      await show('visitor', '/netzwerk/akteure?sortierung=neu', expected(id, { fields: ['name'] }), `${id} directory`);
      await show('visitor', `/netzwerk/karte`, [], 'N1 map');
      await show('staff', '/netzwerk/aufnahme', [], 'N2 admission queue');
      await show('visitor', '/netzwerk/zahlen', [], 'N1 figures');
    }
    await show('visitor', s.N3?.url, expected('N3', { full: true }), 'N3 partner request');
    await show('visitor', '/netzwerk/kooperationsgesuche', expected('N3', { fields: ['title'] }), 'N3 request list');
    if (s.N4post1) {
      await show('visitor', `/netzwerk/beitraege/${s.N4post1}`, expected('N4').filter((f) => s.N4a.filled.includes(f)), 'N4 post page');
      await show('visitor', '/netzwerk/beitraege', expected('N4', { fields: ['title'] }).filter((f) => s.N4a.filled.includes(f)), 'N4 post list');
    }
    if (s.N4post2) await show('akteur', `/netzwerk/beitraege/${s.N4post2}`, expected('N5'), 'N5 refused post (author)');
    await show('visitor', s.N6?.url, expected('N6', { full: true }), 'N6 event page');
    await show('visitor', '/netzwerk/veranstaltungen', expected('N6', { fields: ['title'] }), 'N6 event list');
    if (s.N6) {
      await run('N13');
      await show('visitor', s.N6.url.replace(/[?#].*$/, ''), [...expected('N6', { fields: ['title'] }), ...expected('N13', { full: true })], 'N13 cancelled event');
    }
    await show('visitor', '/netzwerk/austausch', expected('N7', { fields: ['title'] }), 'N7 boards');
    await show('visitor', s.board, [...expected('N7'), ...expected('N8', { fields: ['title'] })], 'N7 board page');
    await show('visitor', s.N8?.url?.replace(/[?#].*$/, ''), [...expected('N8', { full: true }), ...expected(s.N14 ? 'N14' : 'N9')], 'N8 thread');
    await show('mod', '/netzwerk/austausch/moderation', expected('N11', { full: true }), 'N11 board moderation');

    // The logo's alternative text: an attribute of the profile's picture, and the form's field.
    if (s.actor) await run('N15');
    if (s.N15 && s.N15.status < 400) {
      await show('user', `${s.actor}/bearbeiten`, expected('N15', { full: true }), 'N15 logo form');
      await altIs('user', `${s.actor}/bearbeiten`, 'main img[src$="/logo"]', s.N15.filled[0], 'N15 logo in the form');
      await altIs('visitor', s.actor, 'main img.network-logo', s.N15.filled[0], 'N15 public profile');
    }
    // Posts edited: by the staff (stays published), by its author after the refusal (back to review).
    if (s.N4post1) await run('N16');
    if (s.N16 && s.N16.status < 400) {
      await show('visitor', `/netzwerk/beitraege/${s.N4post1}`, expected('N16', { full: true }), 'N16 edited post page');
      await show('visitor', '/netzwerk/beitraege', expected('N16', { fields: ['title'] }), 'N16 post list');
      await show('staff', `/netzwerk/beitraege/${s.N4post1}/bearbeiten`, expected('N16', { full: true }), 'N16 post form');
    }
    if (s.N4post2) await run('N17');
    if (s.N17 && s.N17.status < 400) {
      await show('staff', '/netzwerk/beitraege/pruefen', expected('N17'), 'N17 review queue');
      await show('akteur', `/netzwerk/beitraege/${s.N4post2}`, expected('N17', { full: true }), 'N17 post page (author)');
    }
    findings.assertNone('KI-Netzwerk');
  });

  test('Förderlotse: editorial offer texts and the public pages', async () => {
    const f1 = await run('F1');
    if (f1) {
      s.offer = (f1.url.match(/\/foerderung\/redaktion\/([^/?#]+)/) || [])[1];
      await run('F2');
    }
    await run('F3');
    await run('F4');
    if (s.F4 && s.F4.status < 400) {
      await show('staff', `/foerderung/redaktion/${s.F4slug}/versionen`, expected('F4', { full: true }), 'F4 version history (import note)');
      const { page } = await role('staff');
      const version = page.locator(`main a[href^="/foerderung/redaktion/${s.F4slug}/versionen/"]`).first();
      if (await version.count()) await show('staff', new URL(await version.getAttribute('href'), BASE_URL).pathname, expected('F4', { full: true }), 'F4 version page (import note)');
      else findings.add('F4', 'no version link in the history of the imported offer');
      await show('visitor', `/foerderung/angebote/${s.F4slug}`, [], 'F4 imported offer');
    }
    if (s.offer) {
      await show('staff', `/foerderung/angebote/${s.offer}`, expected('F1', { fields: ['title', 'summary', 'body'] }), 'F1 offer page');
      // The version note and the status note are not part of the offer's form.
      await show('staff', `/foerderung/redaktion/${s.offer}`, expected('F1', { full: true }).filter((f) => !['note', 'status_note'].includes(f.name)), 'F1 edit form');
      await show('staff', `/foerderung/redaktion/${s.offer}/versionen`, expected('F2', { full: true }), 'F2 history');
      await show('staff', `/foerderung/redaktion?q=${encodeURIComponent(s.offer)}`, [], 'F1 editorial list');
      await show('staff', `/foerderung/vergleich?angebot=${s.offer}&angebot=digi-z`, [], 'F1 comparison');
    }
    findings.assertNone('Förderlotse');
  });

  test('Breitband: procedure, operator answer, project, stage, document, operator', async () => {
    const r1 = await run('R1');
    if (r1) {
      s.survey = r1.url.replace(/[?#].*$/, '');
      // The operator answers with payloads in the CSV: the report names the refused rows.
      const { page, ctx } = await role('operator');
      const id = (s.survey.match(/(\d+)$/) || [])[1];
      const m1 = nextMarker();
      const m2 = nextMarker();
      const csv = [
        'address_id,operator,technology,down_mbps,up_mbps,kind,planned_date,milestone_plan',
        `${m1}<script>alert('${m1}')</script>,"<img src=x onerror=alert('${m1}')>",FTTH,1000,500,current,,no`,
        `SYN-1,Betreiber ${m2}"><svg onload=alert(1)>,<b>${m2}</b>,100,40,current,,no`,
      ].join('\n');
      try {
        await visit(page, `/breitband/verfahren/${id}/antworten`);
        const mark = guardMark(ctx);
        await page.locator('main #datei').setInputFiles({ name: `${m1}"><img src=x onerror=alert(1)>.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) });
        await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.locator('main form button[type="submit"]').first().click()]);
        s.R1upload = pathOf(page);
        await checkPage(page, findings, 'R1 upload report', [{ marker: m1, vector: 'CSV cell' }], mark);
        coverage.push({ id: 'R1b', module: 'Breitband', role: 'operator', form: 'Rückmeldung hochladen (CSV-Zellen, Dateiname)', fields: ['datei (file name, cells)'], errorPath: false });
      } catch (err) {
        findings.add('R1b', `operator upload: ${err.message.split('\n')[0]}`);
      }
      await show('kommune', s.survey, expected('R1', { fields: ['titel'], full: true }), 'R1 procedure page');
      await show('kommune', '/breitband/verfahren', expected('R1', { fields: ['titel'] }), 'R1 procedure list');
      await show('operator', '/breitband/verfahren', expected('R1', { fields: ['titel'] }), 'R1 procedure list (operator)');
    }
    const r2 = await run('R2');
    if (r2) {
      await run('R3');
      const project = s.R2.url.replace(/[?#].*$/, '');
      // A document whose file name is a payload.
      const { page, ctx } = await role('kommune');
      const m = nextMarker();
      const fileName = `${m}"><img src=x onerror=alert(1)>.pdf`;
      try {
        await visit(page, project);
        const mark = guardMark(ctx);
        await page.locator('main #document').setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4\n% ${m}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`) });
        await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.locator('main form[enctype="multipart/form-data"] button[type="submit"]').first().click()]);
        // (the browser sends a quote in a file name as %22: the marker is what must be found)
        await checkPage(page, findings, 'R2 document uploaded', [{ marker: m, vector: 'file name', value: fileName }], mark);
        coverage.push({ id: 'R2b', module: 'Breitband', role: 'kommune', form: 'Dokument hochladen (Dateiname als Titel)', fields: ['document (file name)'], errorPath: false });
      } catch (err) {
        findings.add('R2b', `document upload: ${err.message.split('\n')[0]}`);
      }
      await show('kommune', project, [...expected('R2', { full: true }), ...expected('R3', { full: true })], 'R2 project page (member)');
      await show('visitor', project, expected('R2', { fields: ['name'] }), 'R2 project page (public)');
      await show('kommune', `${project}/bearbeiten`, expected('R2', { full: true }), 'R2 project form');
      await show('visitor', '/breitband/projekte', [], 'R2 project list');
      await show('visitor', '/breitband/lagebild/projekte', [], 'R2 Lagebild projects');
    }
    await run('R4');
    await show('staff', '/breitband/verwaltung', expected('R4', { full: true }), 'R4 administration');
    findings.assertNone('Breitband');
  });

  test('Anfragen: public inquiry, staff work, FAQ, templates, teams', async () => {
    const d1 = await run('D1');
    if (d1) {
      const subject = expected('D1', { fields: ['subject'] })[0]?.marker;
      // Staff find it in the queue by its subject.
      for (let i = 0; i < 10 && !s.ticket; i += 1) {
        s.ticket = await linkWith('staff', '/anfragen/verwaltung?ansicht=alle&status=alle', subject);
        if (!s.ticket) await (await role('staff')).page.waitForTimeout(500);
      }
      if (!s.ticket) findings.add('D1', 'the staff queue does not list the inquiry');
      await show('visitor', s.D1.url, expected('D1', { fields: ['subject', 'message'], full: true }), 'D1 status page');
    }
    if (s.ticket) {
      await run('D2');
      await run('D3');
      await run('D4');
      await run('D5');
      await run('D6');
      await show('staff', s.ticket, [...expected('D1', { full: true }), ...expected('D2', { full: true }), ...expected('D3', { fields: ['bezeichnung'] }), ...expected('D4'), ...expected('D5', { full: true })], 'D ticket page');
      await show('staff', '/anfragen/verwaltung?ansicht=alle&status=alle', expected('D1', { fields: ['subject'] }), 'D staff queue');
      await show('visitor', s.D1?.url, [...expected('D4'), ...expected('D5', { full: true })], 'D5 status page with the conversation');
      await show('visitor', '/anfragen/faq?thema=breitband', expected('D6', { fields: ['question'] }), 'D6 public FAQ');
      const faq = await linkWith('visitor', '/anfragen/faq?thema=breitband', expected('D6', { fields: ['question'] })[0]?.marker || PREFIX);
      await show('visitor', faq, expected('D6'), 'D6 FAQ entry');
      await show('staff', '/anfragen/verwaltung/faq', expected('D6', { fields: ['question'] }), 'D6 staff FAQ list');
      await show('staff', '/anfragen/statistik', [], 'D statistics');
    }
    await run('D7');
    await show('staff', '/anfragen/verwaltung/textbausteine', expected('D7', { fields: ['titel'] }), 'D7 templates');
    await run('D8');
    await show('admin', '/anfragen/verwaltung/teams', expected('D8', { full: true }), 'D8 teams');
    if (s.D8) {
      const { page } = await role('admin');
      const card = page.locator('main article.card').filter({ hasText: expected('D8')[0]?.marker || PREFIX }).first();
      s.D8team = (await card.count()) ? ((await card.getAttribute('id')) || '').replace(/^team-/, '') : null;
      if (s.D8team) await run('D9');
      else findings.add('D9', 'the new team has no card on the teams page');
    }
    if (s.D9 && s.D9.status < 400) {
      await show('admin', '/anfragen/verwaltung/teams', expected('D9', { full: true }), 'D9 renamed team');
      await show('staff', '/anfragen/verwaltung/teams', expected('D9', { full: true }), 'D9 renamed team (staff, read-only)');
      await show('admin', '/verwaltung/protokoll', [], 'D9 audit log');
    }
    await run('D10');
    await show('staff', '/anfragen/verwaltung/teams', [], 'D10 topics (staff, read-only)');
    findings.assertNone('Anfragen');
  });

  test('Content: page, news, publication, contact, newsletter, media', async () => {
    await run('C1');
    await run('C8');
    await run('C9');
    if (s.C9) {
      // The version history and the comparison of the two versions.
      const base = s.C1.edit;
      const id = (base.match(/\/redaktion\/seiten\/(\d+)/) || [])[1];
      if (id) {
        await show('staff', `/redaktion/seiten/${id}/versionen`, expected('C9', { fields: ['note'] }), 'C9 page history');
        // The first version compared with the current one: a word diff (|safe in the template).
        await show('staff', `/redaktion/seiten/${id}/versionen/1`, [...expected('C1', { fields: ['body_de'] }), ...expected('C9', { fields: ['body_de'] })], 'C9 version comparison');
        await show('staff', `/redaktion/seiten/${id}/vorschau`, expected('C9', { fields: ['title_de', 'body_de'] }), 'C9 page preview');
      } else {
        findings.add('C9', `no page id in ${base}`);
      }
    }
    await run('C2');
    if (s.C2) await run('C3');
    await run('C4');
    await run('C5');
    const c6 = await run('C6');
    await run('C7');
    const slugOf = (id) => s[id]?.slug;
    for (const id of ['C1', 'C2', 'C4']) {
      const { page } = await role('staff');
      if (!s[id]) continue;
      await visit(page, (s[id].edit || s[id].url).replace(/[?#].*$/, ''));
      const slug = page.locator('main input[name="slug"]');
      if (await slug.count()) s[id].slug = await slug.inputValue();
    }
    if (slugOf('C1')) await show('visitor', `/${slugOf('C1')}`, expected(s.C9 ? 'C9' : 'C1', { fields: ['title_de', 'body_de'] }), 'C1 page');
    await show('staff', '/redaktion/seiten', expected(s.C9 ? 'C9' : 'C1', { fields: ['title_de'] }), 'C1 page list');
    if (!slugOf('C1')) findings.add('C1', 'the new page has no slug (or no edit link in the list)');
    if (slugOf('C2')) {
      await show('visitor', `/aktuelles/${slugOf('C2')}`, [...expected('C2', { fields: ['title', 'body', 'byline'] }), ...expected('C3', { fields: ['link_label'] })], 'C2 article');
      await show('visitor', '/aktuelles', expected('C2', { fields: ['title', 'teaser'] }), 'C2 news list');
      await show('visitor', '/', [], 'C2 home page');
    }
    await show('staff', '/redaktion/aktuelles', expected('C2', { fields: ['title'] }), 'C2 staff news list');
    // Authors are a list: the form shows them joined with "; " again, so only the marker counts there.
    if (s.C4) await show('staff', s.C4.url.replace(/[?#].*$/, ''), [...expected('C4', { full: true }).filter((f) => f.name !== 'authors'), ...expected('C4', { fields: ['authors'] })], 'C4 publication form');
    await show('staff', '/redaktion/publikationen', expected('C4', { fields: ['title'] }), 'C4 publication list');
    await show('visitor', '/ansprechpartner', expected('C5', { fields: ['name', 'person', 'office_hours'] }), 'C5 contacts');
    await show('staff', '/redaktion/ansprechpartner', expected('C5', { fields: ['name'] }), 'C5 staff contacts');
    if (c6) {
      const issue = c6.url.replace(/[?#].*$/, '');
      await show('staff', issue, expected('C6', { full: true }), 'C6 issue');
      // A test mail of the issue goes to the staff's own address.
      const { page } = await role('staff');
      const testmail = page.locator('main form[action$="/testmail"] button');
      if (await testmail.count()) {
        await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), testmail.click()]);
        await checkPage(page, findings, 'C6 test mail sent', []);
      }
      await show('staff', '/redaktion/newsletter', expected('C6', { fields: ['subject'] }), 'C6 issue list');
    }
    if (s.C7) await show('staff', '/redaktion/medien', [], 'C7 media list');
    if (s.C7) await show('staff', s.C7.url.replace(/[?#].*$/, ''), expected('C7', { fields: ['alt_text'], full: true }), 'C7 media page');
    findings.assertNone('Content');
  });

  test('form-error path: the 422 re-render shows the typed payloads escaped', async () => {
    for (const e of ERROR_PATHS) {
      try {
        const { page, ctx } = await role(e.role);
        const path = typeof e.path === 'function' ? e.path(s) : e.path;
        assert.ok(path, `${e.id}: no page to open (an earlier step failed)`);
        await visit(page, path);
        const form = await formOf(page, e);
        if (e.setup) await e.setup(page, form);
        // `include`: fields of another type (e-mail) that get a payload too.
        const fields = [...(await textFields(form)), ...(e.include || []).map((name) => ({ name, type: 'text', maxLength: 0 }))].filter((f) => !(e.clear || []).includes(f.name));
        const filled = [];
        for (const f of fields) {
          const locator = form.locator(`[name="${f.name}"]`).first();
          if (e.values && f.name in e.values) {
            await locator.fill(e.values[f.name]);
            continue;
          }
          const kind = kindOf(e, f);
          const p = payloadFor(kind, e.maxLength?.[f.name] ?? f.maxLength);
          await locator.fill(p.value);
          filled.push({ name: f.name, kind, md: kind === 'md', marker: p.marker, vector: p.vector.name, value: await locator.inputValue() });
        }
        for (const name of e.clear || []) await form.locator(`[name="${name}"]`).fill('');
        const mark = guardMark(ctx);
        const res = await clickSubmit(page, form, e);
        if (!res || res.status() < 400) findings.add(e.id, `expected a refusal (4xx), got ${res?.status()} at ${page.url()}`);
        await checkPage(page, findings, `${e.id} ${e.label}`, filled.filter((f) => f.kind !== 'url').map((f) => ({ ...f, full: true })), mark);
        coverage.push({ id: e.id, module: e.module, role: e.role, form: `${e.label} (422)`, fields: filled.map((f) => f.name), errorPath: true });
      } catch (err) {
        findings.add(e.id, `error path: ${err.message.split('\n')[0]}`);
      }
    }
    findings.assertNone('form-error path');
  });

  test('search boxes, filters and reflected parameters', async () => {
    for (const q of SEARCHES) {
      try {
        const { page, ctx } = await role(q.role);
        await visit(page, q.path);
        const p = payloadFor('line', 200);
        const field = page.locator(q.field).first();
        await field.fill(p.value);
        const typed = await field.inputValue();
        const mark = guardMark(ctx);
        allowErrorDocument(ctx, page.url());
        // Sent with the form's own button (Enter in a textarea is a new line).
        const button = page.locator('form').filter({ has: page.locator(q.field) }).locator('button[type="submit"], button:not([type])').first();
        await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), (await button.count()) ? button.click() : field.press('Enter')]);
        // A field shorter than the marker (a Gemeinde key) keeps only a part: nothing to find then.
        const expect = typed.includes(p.marker) ? [{ marker: p.marker, vector: p.vector.name, value: typed }] : [];
        await checkPage(page, findings, `${q.id} ${q.label}`, expect, mark);
        coverage.push({ id: q.id, module: q.module, role: q.role, form: q.label, fields: [q.field], errorPath: false });
      } catch (err) {
        findings.add(q.id, `search: ${err.message.split('\n')[0]}`);
      }
    }
    for (const template of REFLECTED) {
      const { page, ctx } = await role('visitor');
      const m = nextMarker();
      const value = `${m}"><script>alert('${m}')</script><img src=x onerror=alert(1)>`;
      const url = template.replaceAll('PAYLOAD', encodeURIComponent(value));
      const mark = guardMark(ctx);
      allowErrorDocument(ctx, url);
      await page.goto(new URL(url, BASE_URL).href, { waitUntil: 'load' });
      await checkPage(page, findings, `reflected ${template}`, [], mark);
    }
    // The site search finds this run's items: titles and snippets are highlighted, escaped.
    const deadline = Date.now() + 20_000;
    let hits = 0;
    const { page } = await role('visitor');
    for (;;) {
      await visit(page, `/suche?q=${RUN}`);
      hits = await page.locator('main .search-results li, main .search-result').count();
      if (hits >= 5 || Date.now() > deadline) break;
      await page.waitForTimeout(1_000);
    }
    await show('visitor', `/suche?q=${RUN}`, [], 'search for the run');
    await show('staff', `/suche?q=${RUN}`, [], 'search for the run (staff)');
    assert.ok(hits > 0, `the search finds this run's items (${RUN})`);
    findings.assertNone('searches');
  });

  test('feeds, mails in the outbox, notifications, admin pages', async () => {
    // Feeds opened in the browser, and their raw text: no tag made of a payload.
    for (const feed of ['/aktuelles/feed.atom', '/netzwerk/beitraege.atom', '/netzwerk/veranstaltungen.ics', '/foerderung/fristen.ics']) {
      const { page, ctx } = await role('visitor');
      const res = await ctx.request.get(new URL(feed, BASE_URL).href);
      const raw = await res.text();
      // A tag of the corpus (not the feed's own elements, whose attributes may hold a slug).
      const rawTag = new RegExp(`<(script|img|svg|iframe|b|div|p|a|details|object|embed|style|math|noscript|form|base|meta)\\b[^>]*${PREFIX}`, 'i');
      if (feed.endsWith('.ics')) {
        // Calendar files are plain text: never served as something a browser renders as HTML.
        if (!/^text\/calendar/.test(res.headers()['content-type'] || '')) findings.add(feed, `served as ${res.headers()['content-type']}`);
        continue;
      }
      if (rawTag.test(raw)) findings.add(feed, `a payload is a raw tag in the feed: ${raw.match(rawTag)[0].slice(0, 120)}`);
      // Text constructs of type html/xhtml are HTML for feed readers: decoded once, no tag of a payload.
      for (const m of raw.matchAll(/<(title|summary|content|subtitle|rights)\b[^>]*type="x?html"[^>]*>([\s\S]*?)<\/\1>/g)) {
        const decoded = m[2].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
        if (rawTag.test(decoded) || /\son[a-z]+\s*=/i.test(decoded)) findings.add(feed, `a payload is live HTML in a <${m[1]} type="html">: ${decoded.slice(0, 120)}`);
      }
      if (feed.endsWith('.atom')) {
        const mark = guardMark(ctx);
        await page.goto(new URL(feed, BASE_URL).href, { waitUntil: 'load' }).catch(() => {});
        for (const p of guardProblems(ctx, mark)) findings.add(feed, p);
      }
    }
    // Mails: the outbox list and the newest mails (this run's), and the ones that carry a
    // payload in their subject: the text is shown as text there too.
    const { page: admin } = await role('admin');
    await show('admin', '/verwaltung/postausgang', [...expected('N10', { fields: ['subject'] }), ...expected('D1', { fields: ['subject'] })], 'outbox');
    const mails = await admin.locator('main table tbody tr a').evaluateAll((as) => as.slice(0, 25).map((a) => a.getAttribute('href')));
    for (const href of mails) await show('admin', href, [], `mail ${href}`);
    const mailWith = async (marker) => {
      await visit(admin, '/verwaltung/postausgang');
      const link = admin.locator('main table tbody tr', { hasText: marker }).locator('a').first();
      return (await link.count()) ? link.getAttribute('href') : null;
    };
    const contact = expected('N10', { fields: ['subject'] })[0];
    if (contact) await show('admin', await mailWith(contact.marker), expected('N10', { full: true }), 'N10 contact mail');
    const inquiry = expected('D1', { fields: ['subject'] })[0];
    if (inquiry) await show('admin', await mailWith(inquiry.marker), expected('D1', { fields: ['subject'] }), 'D1 confirmation mail');
    // Overview pages that gather items of several modules (maps and charts are inline SVG).
    for (const overview of ['/', '/kreise', '/kreise/14521', '/kreise/14612', '/netzwerk', '/netzwerk/karte', '/beteiligung', '/foerderung', '/foerderung/fristen',
      '/foerderung/check?wer=unternehmen&kreis=14521&groesse=klein', '/breitband/projekte?kreis=14521', '/publikationen', '/anfragen', '/anfragen/statistik']) {
      await show('visitor', overview, [], `overview ${overview}`);
    }
    await show('staff', '/redaktion', [], 'Redaktion dashboard');
    await show('staff', '/netzwerk/zahlen', [], 'network figures (staff)');
    await show('admin', '/verwaltung', [], 'admin dashboard');
    // Notifications of the participant (answers to the proposal, the suggestion).
    await show('user', '/konto/benachrichtigungen', [], 'notifications');
    // The admin's view of the participant, the audit log.
    await visit(admin, `/verwaltung/benutzer?q=${encodeURIComponent(s.user?.email || '')}`);
    const userLink = admin.locator('main a[href^="/verwaltung/benutzer/"]').first();
    if (await userLink.count()) s.userAdminPath = new URL(await userLink.getAttribute('href'), BASE_URL).pathname;
    await show('admin', s.userAdminPath, [...expected('A2', { full: true })], 'admin user page');
    await show('admin', '/verwaltung/protokoll', [], 'audit log');
    await show('admin', '/verwaltung/benutzer', [], 'user list');
    findings.assertNone('feeds, mails, admin');
  });

  test('the participant renames themselves and is blocked with a payload reason', async () => {
    await run('A2');
    await show('user', '/konto', expected('A2', { full: true }), 'A2 /konto');
    await show('visitor', s.B1?.url?.replace(/[?#].*$/, ''), expected('A2'), 'A2 name at the proposal');
    await show('visitor', `${P}/text/5`, expected('A2'), 'A2 name at the paragraph comment');
    if (s.userAdminPath) {
      await run('M1');
      await show('admin', s.userAdminPath, [...expected('A2', { full: true }), ...expected('M1', { full: true })], 'M1 admin user page');
      await show('admin', '/verwaltung/protokoll', [], 'M1 audit log');
    }
    findings.assertNone('account');
  });
});

