// The admin account that .ci/run creates (`dias user create --admin …`), its TOTP login,
// and reading the development mail outbox in the admin area.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BASE_URL, RESULTS_DIR, newPage } from './browser.mjs';
import { submitForm } from './forms.mjs';
import { normalizeSecret, timeStep, totp } from './totp.mjs';

export const ADMIN = {
  email: process.env.DIAS_E2E_ADMIN_EMAIL || 'admin@example.org',
  password: process.env.DIAS_E2E_ADMIN_PASSWORD || 'Festung-Koenigstein-2026-e2e',
  name: 'E2E Admin',
};

const ENROL_PATH = '/konto/zweiter-faktor/einrichten';
const CHALLENGE_PATH = '/konto/anmelden/zweiter-faktor';

// node --test runs every test file in its own process: the secret lives in this module for
// the process, and in a state file for the processes after the one that enrolled the admin.
// .ci/run points DIAS_E2E_STATE_DIR at a directory that is fresh for each server.
const STATE_DIR = process.env.DIAS_E2E_STATE_DIR || RESULTS_DIR;
const STATE_FILE = path.join(
  STATE_DIR,
  `admin-totp-${new URL(BASE_URL).host.replace(/[^a-zA-Z0-9]+/g, '_')}.json`,
);

let totpSecret = null;
let lastStep = -1;

function loadState() {
  if (totpSecret) return;
  try {
    const s = JSON.parse(readFileSync(STATE_FILE, 'utf8'));
    totpSecret = s.secret || null;
    lastStep = Number.isInteger(s.lastStep) ? s.lastStep : -1;
  } catch {
    // no state yet
  }
}

function saveState() {
  mkdirSync(STATE_DIR, { recursive: true });
  writeFileSync(STATE_FILE, JSON.stringify({ secret: totpSecret, lastStep }), { mode: 0o600 });
}

/** The admin's TOTP secret once enrolled (null before). */
export function adminTotpSecret() {
  loadState();
  return totpSecret;
}

/**
 * A fresh code for the admin. A server may refuse a code of a time step that was already
 * used (replay protection), so this waits for the next step when needed.
 */
async function nextCode() {
  loadState();
  assert.ok(totpSecret, `no TOTP secret known for the admin (state file ${STATE_FILE})`);
  let step = timeStep();
  if (step <= lastStep) {
    const waitMs = (lastStep + 1) * 30_000 - Date.now() + 500;
    await new Promise((r) => setTimeout(r, Math.max(0, waitMs)));
    step = timeStep();
  }
  lastStep = step;
  saveState();
  return totp(totpSecret, { timeMs: step * 30_000 + 1_000 });
}

function pathOf(page) {
  return new URL(page.url()).pathname;
}

/**
 * Logs the admin in within `context` (password, then TOTP: enrolment the first time,
 * the challenge afterwards). Returns the page, which stays open and signed in.
 */
export async function loginAsAdmin(context) {
  const page = await newPage(context);
  await page.goto('/konto/anmelden');
  const form = page.locator('main form').filter({ has: page.locator('input[name="password"]') });
  await form.locator('input[name="email"]').fill(ADMIN.email);
  await form.locator('input[name="password"]').fill(ADMIN.password);
  await submitForm(page, 'Anmelden', { allowStatus: [422] });

  let where = pathOf(page);
  if (where === ENROL_PATH) {
    const shown = await page.locator('#totp-secret').textContent();
    totpSecret = normalizeSecret(shown || '');
    assert.match(totpSecret, /^[A-Z2-7]{16,}$/, `unexpected TOTP secret text ${JSON.stringify(shown)}`);
    lastStep = -1;
    saveState();
    await page.locator('main input[name="code"]').fill(await nextCode());
    await submitForm(page, 'Aktivieren', { allowStatus: [422] });
  } else if (where === CHALLENGE_PATH) {
    loadState();
    assert.ok(
      totpSecret,
      `the admin has a second factor already, but this run does not know its secret; remove ${STATE_FILE} only together with the server's data dir`,
    );
    await page.locator('main input[name="code"]').fill(await nextCode());
    await submitForm(page, 'Anmelden', { allowStatus: [422] });
  } else {
    assert.fail(`after the admin's password the server went to ${page.url()}, expected ${ENROL_PATH} or ${CHALLENGE_PATH}`);
  }

  where = pathOf(page);
  assert.ok(
    ![ENROL_PATH, CHALLENGE_PATH, '/konto/anmelden'].includes(where),
    `admin login did not complete, still on ${page.url()}: ${await errorText(page)}`,
  );
  return page;
}

async function errorText(page) {
  const summary = page.locator('.error-summary, .flash--error');
  return (await summary.count()) ? (await summary.first().innerText()).replace(/\s+/g, ' ') : '(no error summary)';
}

/**
 * Opens the newest mail to `toAddress` in the admin's mail outbox and returns its plain-text
 * body (`.mail-preview`). Mail may be sent by a background job: polls up to `timeoutMs`.
 */
export async function readMail(page, toAddress, { timeoutMs = 20_000 } = {}) {
  const listUrl = `/verwaltung/postausgang?an=${encodeURIComponent(toAddress)}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await page.goto(listUrl);
    assert.equal(res?.status(), 200, `GET ${listUrl} answered ${res?.status()}`);
    const link = page.locator('table tbody tr').first().locator('a').first();
    if ((await link.count()) > 0) {
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), link.click()]);
      const body = await page.locator('.mail-preview').first().textContent();
      assert.ok(body && body.trim(), `mail to ${toAddress} has an empty .mail-preview (${page.url()})`);
      return body;
    }
    if (Date.now() > deadline) assert.fail(`no mail to ${toAddress} in ${listUrl} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Every http(s) URL in a text. */
export function extractLinks(text) {
  return [...String(text).matchAll(/https?:\/\/[^\s<>"'()\[\]]+/g)].map((m) => m[0].replace(/[.,;:!?]+$/, ''));
}

/**
 * The first link in `text` whose path starts with `pathPrefix`, as path + query on the portal
 * under test (the mail's host may be the configured public URL, not the test's address).
 */
export function findLink(text, pathPrefix) {
  for (const link of extractLinks(text)) {
    const u = new URL(link);
    if (u.pathname.startsWith(pathPrefix)) return u.pathname + u.search;
  }
  assert.fail(`no link to ${pathPrefix}… in mail:\n${text}`);
}
