// The participant's account journey, with JavaScript on and off: register, confirm the e-mail
// address from the mail, log in, switch to English, export the data, delete the account.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { confirmEmail, freshUser, login, loginForm, register } from '../lib/account.mjs';
import { loginAsAdmin } from '../lib/admin.mjs';
import { checkA11y } from '../lib/axe.mjs';
import {
  JS_MODES,
  assertNoProblems,
  closeBrowser,
  expectDialogs,
  guardOf,
  newContext,
  newPage,
  visit,
  withContext,
} from '../lib/browser.mjs';
import { expectErrorSummary, submitForm, textOf } from '../lib/forms.mjs';
import { checkPageStructure } from '../lib/pages.mjs';

after(closeBrowser);

describe('account journey', () => {
  let adminCtx;
  let adminPage;
  before(async () => {
    adminCtx = await newContext({ javaScriptEnabled: true });
    adminPage = await loginAsAdmin(adminCtx);
  });
  after(async () => {
    if (adminCtx) {
      assertNoProblems(adminCtx, 'admin (mail reader)');
      await adminCtx.close();
    }
  });

  for (const mode of JS_MODES) {
    test(`register, confirm, log in, English, export, delete (${mode.name})`, { timeout: 240_000 }, () =>
      withContext(`account-${mode.tag}`, { javaScriptEnabled: mode.javaScriptEnabled }, async (ctx) => {
        const page = await newPage(ctx);
        const user = freshUser(mode.tag);

        // Register and confirm the address from the mail; lands on the login page.
        await register(page, user);
        await confirmEmail(page, adminPage, user);

        // Log in: the profile page.
        await login(page, user, { navigate: false });
        assert.equal(new URL(page.url()).pathname, '/konto', `after login: ${page.url()}`);
        assert.match(await textOf(page.locator('h1')), /Mein Konto/);
        await checkPageStructure(page, 'profile (de)');
        await checkA11y(page, `profile, German (${mode.name})`);

        // Switch to English in the header.
        await submitForm(page, page.locator('.lang-switch').getByRole('button', { name: 'English' }));
        assert.equal(await page.locator('html').getAttribute('lang'), 'en', '<html lang> after switching to English');
        assert.equal(await textOf(page.locator('h1')), 'My account');
        await checkA11y(page, `profile, English (${mode.name})`);

        // Export: JSON with the account's address in it.
        const exportLink = page.getByRole('link', { name: 'Export my data' });
        assert.equal(await exportLink.count(), 1, 'one "Export my data" link on the profile page');
        const href = await exportLink.getAttribute('href');
        assert.equal(new URL(href, page.url()).pathname, '/konto/export');
        const res = await ctx.request.get(new URL(href, page.url()).href);
        assert.equal(res.status(), 200, 'GET /konto/export');
        assert.match(res.headers()['content-type'] || '', /json/, 'export content type');
        const exported = JSON.parse(await res.text());
        assert.ok(JSON.stringify(exported).includes(user.email), 'the export contains the account e-mail');

        // Delete the account with the password.
        await visit(page, '/konto/loeschen');
        await checkA11y(page, `delete account (${mode.name})`);
        const form = page.locator('form.delete-account');
        await form.locator('[name="password"]').fill(user.password);
        // With JavaScript, a form[data-confirm] asks window.confirm() first (accepted here).
        const confirmText = mode.javaScriptEnabled ? await form.getAttribute('data-confirm') : null;
        if (confirmText) expectDialogs(ctx, 1);
        await submitForm(page, form.locator('button[type="submit"]'));
        if (confirmText) {
          assert.deepEqual(
            guardOf(ctx).dialogs.map((d) => [d.type, d.message]),
            [['confirm', confirmText]],
            'deleting asks for confirmation once',
          );
        }
        assert.equal(new URL(page.url()).pathname, '/', `after deleting the account: ${page.url()}`);
        await checkA11y(page, `home after deletion (${mode.name})`);

        // Logged out: the profile asks for a login again.
        await page.goto('/konto');
        assert.equal(new URL(page.url()).pathname, '/konto/anmelden', `/konto after deletion went to ${page.url()}`);

        // The account is gone: logging in fails with an error summary.
        const failed = await login(page, user, { allowStatus: [401, 403, 422] });
        assert.ok(failed && failed.status() >= 400, `login with a deleted account answered ${failed?.status()}`);
        assert.equal(new URL(page.url()).pathname, '/konto/anmelden');
        await expectErrorSummary(page, mode);
        assert.equal(await loginForm(page).count(), 1, 'the login form is shown again');
        await checkA11y(page, `login of a deleted account (${mode.name})`);
      }));
  }
});
