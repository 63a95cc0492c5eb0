// Benachrichtigungen on the demo process, with JavaScript on and off: the demo participant
// wants mail "Sofort" and follows a proposal; staff (Redaktion) answers it; the participant
// sees the count in the header, opens /konto/benachrichtigungen, follows the notification to
// the proposal, and the development mailbox holds the mail. axe runs on every page.
//
// Fresh content is checked signed in: the page cache applies only to visitors.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { login } from '../lib/account.mjs';
import { loginAsAdmin, readMail } from '../lib/admin.mjs';
import { checkA11y } from '../lib/axe.mjs';
import { JS_MODES, closeBrowser, newPage, visit, withContext } from '../lib/browser.mjs';
import { submitForm, textOf } from '../lib/forms.mjs';

after(closeBrowser);

const SLUG = 'digitalstrategie-sachsen';
const PASSWORD = 'Demo-Passwort-2026';
const BUERGER = { email: 'buerger@demo.dias.example', password: PASSWORD };
const REDAKTION = { email: 'redaktion@demo.dias.example', password: PASSWORD };

function pathOf(page) {
  return new URL(page.url()).pathname;
}

async function follow(page, link) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), link.click()]);
}

/** The mail to `to` whose text contains `needle`, polling the admin's outbox. */
async function mailContaining(adminPage, to, needle, timeoutMs = 40_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const body = await readMail(adminPage, to, { timeoutMs: Math.max(1_000, deadline - Date.now()) });
    if (body.includes(needle)) return body;
    if (Date.now() > deadline) assert.fail(`no mail to ${to} containing ${JSON.stringify(needle)}; newest:\n${body}`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

for (const js of JS_MODES) {
  describe(`notifications (${js.name})`, () => {
    test('a participant follows a proposal, staff answers, the participant is told', async () => {
      const answerText = `Die Redaktion prüft diesen Vorschlag (${js.tag} ${Date.now()}).`;
      let proposalPath = '';
      let proposalTitle = '';

      await withContext(`notifications participant follows ${js.tag}`, js, async (context) => {
        const page = await newPage(context);
        await login(page, BUERGER);
        // Mail "Sofort", and a clean slate so the count below is about this answer.
        await visit(page, '/konto/benachrichtigungen');
        await checkA11y(page, `inbox before (${js.name})`);
        await page.locator('#frequency-immediately').check();
        await submitForm(page, page.locator('#einstellungen button[type="submit"]'));
        assert.equal(await page.locator('#frequency-immediately').isChecked(), true);
        const markAll = page.locator('form[action="/konto/benachrichtigungen/alle-gelesen"] button');
        if (await markAll.count()) await submitForm(page, markAll);
        assert.equal(await page.locator('.site-header .notification-count').count(), 0);

        // A proposal staff can still answer (status "eingereicht").
        await visit(page, `/beteiligung/${SLUG}/vorschlaege?status=submitted&sortierung=neu`);
        const first = page.locator('.proposal-list > li a').first();
        assert.ok(await first.count(), 'the demo has submitted proposals');
        await follow(page, first);
        proposalPath = pathOf(page);
        proposalTitle = (await textOf(page.locator('main h1'))).trim();
        const button = page.locator('main .follow-form button');
        if ((await textOf(button)).startsWith('Folgen')) {
          await submitForm(page, button);
          assert.match(await textOf(page.locator('.flash--success')), /folgen jetzt/);
        }
        assert.match(await textOf(page.locator('main .follow-form button')), /Nicht mehr folgen/);
        assert.match(await textOf(page.locator('main .follow-form')), /Sie folgen diesem Inhalt/);
        await checkA11y(page, `proposal followed (${js.name})`);
      });

      await withContext(`notifications staff answers ${js.tag}`, js, async (context) => {
        const page = await newPage(context);
        await login(page, REDAKTION);
        await visit(page, proposalPath);
        const form = page.locator(`form[action="${proposalPath}/antwort"]`);
        await form.locator('#status').selectOption({ index: 0 });
        await form.locator('#answer').fill(answerText);
        await submitForm(page, form.locator('button[type="submit"]'));
        assert.ok((await page.content()).includes(answerText), 'the answer is shown');
      });

      await withContext(`notifications participant reads ${js.tag}`, js, async (context) => {
        const page = await newPage(context);
        await login(page, BUERGER);
        await visit(page, '/');
        const badge = page.locator('.site-header .notification-count');
        assert.equal(await badge.count(), 1, 'the header shows unread notifications');
        assert.match(await textOf(badge), /^\d+ ungelesen$/);
        await checkA11y(page, `home with notification count (${js.name})`);

        await follow(page, page.locator('.site-header a.notification-link'));
        assert.equal(pathOf(page), '/konto/benachrichtigungen');
        const item = page.locator('.notification--unread').filter({ hasText: answerText.slice(0, 40) }).first();
        assert.equal(await item.count(), 1, 'the answer is in the inbox, unread');
        assert.match(await textOf(item), /Neue Stellungnahme zum Vorschlag/);
        await checkA11y(page, `inbox with a notification (${js.name})`);

        await follow(page, item.locator('.notification__title a'));
        assert.equal(pathOf(page), proposalPath);
        assert.equal((await textOf(page.locator('main h1'))).trim(), proposalTitle);
        // Opening it marked it read.
        await visit(page, '/konto/benachrichtigungen');
        assert.equal(
          await page.locator('.notification--unread').filter({ hasText: answerText.slice(0, 40) }).count(),
          0,
        );
      });

      await withContext(`notifications mail ${js.tag}`, js, async (context) => {
        const adminPage = await loginAsAdmin(context);
        const body = await mailContaining(adminPage, BUERGER.email, answerText.slice(0, 40));
        assert.match(body, /Neue Stellungnahme zum Vorschlag/);
        assert.ok(body.includes(proposalPath), `the mail links the proposal:\n${body}`);
        assert.ok(body.includes('/konto/benachrichtigungen#einstellungen'), 'the mail links the settings');
      });
    });
  });
}
