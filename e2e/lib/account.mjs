// Steps of the participant's account journey, shared by the tests.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { checkA11y } from './axe.mjs';
import { findLink, readMail } from './admin.mjs';
import { visit } from './browser.mjs';
import { submitForm, textOf } from './forms.mjs';

let counter = 0;

/** A fresh user: `e2e+<timestamp>-<tag>@example.org`, a display name and a strong password. */
export function freshUser(tag) {
  const stamp = `${Date.now()}${counter++ ? `.${counter}` : ''}`;
  const email = `e2e+${stamp}-${tag}@example.org`;
  return {
    email,
    displayName: `E2E Testperson ${tag} ${stamp.slice(-6)}`,
    // 16+ characters, not a common password.
    password: `Elbsandstein-${randomBytes(6).toString('hex')}-Weg`,
  };
}

/** The account form's fields inside <main>. */
export function field(page, name) {
  return page.locator(`main [name="${name}"]`);
}

/** Registers `user` at /konto/registrieren; ends on the "check your mail" page. */
export async function register(page, user, { a11y = true } = {}) {
  await visit(page, '/konto/registrieren');
  if (a11y) await checkA11y(page, 'registration form');
  await field(page, 'email').fill(user.email);
  await field(page, 'display_name').fill(user.displayName);
  await field(page, 'password').fill(user.password);
  await field(page, 'password_confirm').fill(user.password);
  await field(page, 'accept_privacy').check();
  await submitForm(page, 'Registrieren');
  const text = await textOf(page.locator('main'));
  assert.match(text, /E-Mail|Postfach|Posteingang/i, `after registering, the page should tell to check the mail; got: ${text.slice(0, 300)}`);
  if (a11y) await checkA11y(page, 'registration done');
}

/**
 * Reads the confirmation mail in the admin's outbox and confirms the address in the visitor's
 * page: lands on the login page with a success flash.
 */
export async function confirmEmail(page, adminPage, user, { a11y = true } = {}) {
  const mail = await readMail(adminPage, user.email);
  const link = findLink(mail, '/konto/bestaetigen/');
  await visit(page, link);
  if (a11y) await checkA11y(page, 'confirm e-mail');
  await submitForm(page, 'E-Mail-Adresse bestätigen');
  assert.equal(new URL(page.url()).pathname, '/konto/anmelden', `after confirming: ${page.url()}`);
  await page.locator('.flash--success').first().waitFor({ state: 'visible' });
  if (a11y) await checkA11y(page, 'login after confirmation');
}

/** The login form in <main> (found by its password field, so it works in every language). */
export function loginForm(page) {
  return page.locator('main form').filter({ has: page.locator('input[name="password"]') });
}

/** Logs in at /konto/anmelden (unless already there). Returns the final response. */
export async function login(page, user, { allowStatus = [], navigate = true } = {}) {
  if (navigate || new URL(page.url()).pathname !== '/konto/anmelden') await visit(page, '/konto/anmelden');
  const form = loginForm(page);
  await form.locator('[name="email"]').fill(user.email);
  await form.locator('[name="password"]').fill(user.password);
  return submitForm(page, form.locator('button[type="submit"]'), { allowStatus });
}

/** Register, confirm and log in: a participant with a verified address, on /konto. */
export async function registeredParticipant(page, adminPage, tag, { a11y = false } = {}) {
  const user = freshUser(tag);
  await register(page, user, { a11y });
  await confirmEmail(page, adminPage, user, { a11y });
  await login(page, user, { navigate: false });
  assert.equal(new URL(page.url()).pathname, '/konto', `after login: ${page.url()}`);
  return user;
}
