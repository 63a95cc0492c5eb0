// The admin area, with JavaScript on and off: access control (anonymous → login, participant
// → 403), and an admin changing a user's role, which the audit log records.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { confirmEmail, freshUser, register, registeredParticipant } from '../lib/account.mjs';
import { loginAsAdmin } from '../lib/admin.mjs';
import { checkA11y } from '../lib/axe.mjs';
import { BASE_URL, JS_MODES, assertNoProblems, closeBrowser, newContext, newPage, visit, withContext } from '../lib/browser.mjs';
import { submitForm, textOf } from '../lib/forms.mjs';
import { checkPageStructure } from '../lib/pages.mjs';

after(closeBrowser);

describe('admin area', () => {
  let adminCtx;
  let adminPage;
  let adminState;
  before(async () => {
    adminCtx = await newContext({ javaScriptEnabled: true });
    adminPage = await loginAsAdmin(adminCtx);
    adminState = await adminCtx.storageState();
  });
  after(async () => {
    if (adminCtx) {
      assertNoProblems(adminCtx, 'admin (mail reader)');
      await adminCtx.close();
    }
  });

  for (const mode of JS_MODES) {
    const js = { javaScriptEnabled: mode.javaScriptEnabled };
    // The participant of the 403 test is also the user whose role the admin changes (the
    // server allows only a few registrations per address and hour).
    let participant = null;

    test(`anonymous visitors are sent to the login (${mode.name})`, { timeout: 60_000 }, () =>
      withContext(`admin-anon-${mode.tag}`, js, async (ctx) => {
        // The raw answer: a redirect to the login with the way back.
        const raw = await ctx.request.get(`${BASE_URL}/verwaltung`, { maxRedirects: 0 });
        assert.ok([302, 303, 307].includes(raw.status()), `GET /verwaltung answered ${raw.status()}, expected a redirect`);
        const location = new URL(raw.headers()['location'] || '', BASE_URL);
        assert.equal(location.pathname + location.search, '/konto/anmelden?weiter=%2Fverwaltung');

        // And in the browser.
        const page = await newPage(ctx);
        await page.goto('/verwaltung');
        const url = new URL(page.url());
        assert.equal(url.pathname, '/konto/anmelden');
        assert.equal(url.searchParams.get('weiter'), '/verwaltung');
        await checkA11y(page, `login with ?weiter (${mode.name})`);
      }));

    test(`participants get 403 (${mode.name})`, { timeout: 180_000 }, () =>
      withContext(`admin-participant-${mode.tag}`, js, async (ctx) => {
        const page = await newPage(ctx);
        participant = await registeredParticipant(page, adminPage, `p-${mode.tag}`);
        await visit(page, '/verwaltung', { status: 403 });
        await checkPageStructure(page, '403 page');
        await checkA11y(page, `403 page (${mode.name})`);
      }));

    test(`an admin makes a user moderator; the audit log shows it (${mode.name})`, { timeout: 180_000 }, async () => {
      // A registered user with a confirmed address: the participant from above, or a new one.
      let user = participant;
      if (!user) {
        user = freshUser(`role-${mode.tag}`);
        await withContext(`admin-role-user-${mode.tag}`, js, async (ctx) => {
          const page = await newPage(ctx);
          await register(page, user, { a11y: false });
          await confirmEmail(page, adminPage, user, { a11y: false });
        });
      }

      // The admin, in this JavaScript mode, with the session of the admin login.
      await withContext(`admin-role-${mode.tag}`, { ...js, storageState: adminState }, async (ctx) => {
        const page = await newPage(ctx);
        const search = `/verwaltung/benutzer?q=${encodeURIComponent(user.email)}`;
        // The user list may be fed by the search index, which the outbox updates shortly after.
        const link = page.locator('main').getByRole('link', { name: user.displayName, exact: true });
        const deadline = Date.now() + 20_000;
        for (;;) {
          await visit(page, search);
          if ((await link.count()) > 0) break;
          if (Date.now() > deadline) assert.fail(`${search} does not list ${user.displayName}`);
          await new Promise((r) => setTimeout(r, 500));
        }
        await checkA11y(page, `user search (${mode.name})`);

        await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), link.first().click()]);
        const userId = new URL(page.url()).pathname.match(/^\/verwaltung\/benutzer\/([^/]+)$/)?.[1];
        assert.ok(userId, `the user link led to ${page.url()}`);
        await checkPageStructure(page, 'user detail');
        await checkA11y(page, `user detail (${mode.name})`);

        await page.locator('main select[name="role"]').selectOption('moderator');
        await submitForm(page, 'Rolle speichern');
        await page.locator('.flash--success').first().waitFor({ state: 'visible' });
        assert.match(await textOf(page.locator('main')), /Moderation/, 'the detail page shows the new role');
        await checkA11y(page, `user detail after the role change (${mode.name})`);

        // The audit log has an entry (a table row) that names the user — by address, name, id
        // or a link to them — and the new role.
        await visit(page, '/verwaltung/protokoll');
        const names = [user.email, user.displayName, `user ${userId}`, `#${userId}`];
        const rows = await page.locator('main tr').evaluateAll((trs, id) =>
          trs.map((tr) => ({
            text: tr.innerText.replace(/\s+/g, ' '),
            linksToUser: [...tr.querySelectorAll('a[href]')].some((a) => new URL(a.href).pathname === `/verwaltung/benutzer/${id}`),
          })), userId);
        const entry = rows.find((r) => /moderat/i.test(r.text) && (r.linksToUser || names.some((n) => r.text.includes(n))));
        assert.ok(
          entry,
          `no audit log row names the user (${names.join(' / ')}) and the role moderator; rows:\n${rows.map((r) => r.text).join('\n')}`,
        );
        await checkA11y(page, `audit log (${mode.name})`);
      });
    });
  }
});
