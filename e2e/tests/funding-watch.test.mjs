// Förderlotse Merkliste and reminder (issue 6, acceptance), with JavaScript on and off: the
// demo participant finds the demo offer whose deadline is a few days ahead on the deadline
// list, puts it on the Merkliste from its page (htmx swaps the button with JavaScript, a
// normal form post without), sees it on the Merkliste and compares it from there. The demo
// editor starts the reminder job on the admin jobs page; the reminder mail, in the dev outbox,
// names the offer and links it and the Merkliste. axe checks every page.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { login } from '../lib/account.mjs';
import { findLink, loginAsAdmin, readMail } from '../lib/admin.mjs';
import { checkA11y } from '../lib/axe.mjs';
import { JS_MODES, closeBrowser, newPage, visit, withContext } from '../lib/browser.mjs';
import { submitForm, textOf } from '../lib/forms.mjs';

after(closeBrowser);

const PASSWORD = 'Demo-Passwort-2026';
const PARTICIPANT = { email: 'buerger@demo.dias.example', password: PASSWORD };
const STAFF = { email: 'redaktion@demo.dias.example', password: PASSWORD };
// The example offer the demo gives a deadline six days ahead (dias_funding::watch).
const SLUG = 'ki-gutschein-sachsen';
const JOB_BUTTON = 'Förder-Erinnerungen jetzt senden';

/** Presses a button of the Merkliste form on the offer page, with or without htmx. */
async function pressWatchButton(page, name, javaScriptEnabled) {
  const button = page.locator('#funding-watch').getByRole('button', { name, exact: true });
  if (javaScriptEnabled) {
    const before = page.url();
    await button.click();
    // htmx swaps the box in place; the page stays.
    await page.locator('#funding-watch').getByRole('button').first().waitFor({ state: 'visible' });
    assert.equal(page.url(), before, 'with JavaScript the offer page stays');
    // The new button has the focus, so keyboard users stay on the box.
    await page.waitForFunction(() => !!document.activeElement?.closest('#funding-watch'), null, { timeout: 5_000 });
  } else {
    await submitForm(page, button);
  }
}

describe('Förderlotse Merkliste', () => {
  for (const mode of JS_MODES) {
    const js = { javaScriptEnabled: mode.javaScriptEnabled };

    test(`a participant watches an offer and gets the reminder (${mode.name})`, { timeout: 240_000 }, () =>
      withContext(`funding-watch-${mode.tag}`, js, async (ctx) => {
        const page = await newPage(ctx);

        // The deadline list shows the offer among the next deadlines.
        await visit(page, '/foerderung/fristen');
        await checkA11y(page, `deadline list (${mode.name})`);
        const listed = await page
          .locator('#funding-deadlines-list .card__title a')
          .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
        assert.ok(listed.includes(`/foerderung/angebote/${SLUG}`), `deadline list: ${listed.join(', ')}`);
        const feed = await page.request.get('/foerderung/fristen.ics');
        assert.equal(feed.status(), 200);
        assert.match(await feed.text(), new RegExp(`URL:[^\\r]*/foerderung/angebote/${SLUG}`));

        // Visitors are asked to sign in.
        await visit(page, `/foerderung/angebote/${SLUG}`);
        assert.match(await textOf(page.locator('#funding-watch')), /Anmelden/);
        await visit(page, '/konto/anmelden');
        await login(page, PARTICIPANT, { navigate: false });

        // Signed in, the result cards have a Merken button each.
        await visit(page, '/foerderung');
        assert.ok((await page.locator('#funding-results button[form^="merken-"]').count()) > 0, 'Merken buttons on the cards');
        await checkA11y(page, `search signed in (${mode.name})`);

        // Start from a list without the offer (an earlier run may have left it there).
        await visit(page, `/foerderung/angebote/${SLUG}`);
        if ((await page.locator('#funding-watch-state').count()) > 0) {
          await pressWatchButton(page, 'Von der Merkliste entfernen', mode.javaScriptEnabled);
          await page.locator('#funding-watch-add').waitFor({ state: 'visible' });
        }
        await checkA11y(page, `offer page, not watched (${mode.name})`);
        await pressWatchButton(page, 'Merken', mode.javaScriptEnabled);
        await page.locator('#funding-watch-state').waitFor({ state: 'visible' });
        assert.equal(await textOf(page.locator('#funding-watch-state')), 'Gemerkt');
        await checkA11y(page, `offer page, watched (${mode.name})`);

        // The Merkliste lists it with its deadline; the lead time can be changed.
        await visit(page, '/foerderung/merkliste');
        await checkA11y(page, `watch list (${mode.name})`);
        const row = page.locator(`#merkliste-${SLUG}`);
        assert.match(await textOf(row), /KI-Gutschein/);
        await row.locator('select[name="tage"]').selectOption('14');
        await submitForm(page, row.getByRole('button', { name: 'Speichern', exact: true }));
        assert.equal(await page.locator(`#merkliste-${SLUG} select[name="tage"]`).inputValue(), '14');
        await page.locator('.flash--success').first().waitFor({ state: 'visible' });

        // Compared from the list.
        const compare = await page.locator('#funding-watch-compare').getAttribute('href');
        assert.ok(compare?.startsWith('/foerderung/vergleich?'), `compare link: ${compare}`);
        await visit(page, compare);
        await checkA11y(page, `comparison (${mode.name})`);
        assert.match(await textOf(page.locator('#funding-compare thead')), /KI-Gutschein/);

        // The editor starts the reminder job by hand.
        await withContext(`funding-watch-staff-${mode.tag}`, js, async (staffCtx) => {
          const staff = await newPage(staffCtx);
          await login(staff, STAFF);
          await visit(staff, '/verwaltung/aufgaben');
          await checkA11y(staff, `jobs page (${mode.name})`);
          await submitForm(staff, JOB_BUTTON);
          assert.match(await textOf(staff.locator('main')), /funding\.reminders/);
        });

        // The reminder is in the outbox with the offer's link and the Merkliste's.
        await withContext(`funding-watch-admin-${mode.tag}`, {}, async (adminCtx) => {
          const admin = await loginAsAdmin(adminCtx);
          // The job runs in the background: wait for its mail (older mail may be there).
          const until = Date.now() + 30_000;
          let mail = await readMail(admin, PARTICIPANT.email);
          while (!/KI-Gutschein Sachsen/.test(mail) && Date.now() < until) {
            await new Promise((r) => setTimeout(r, 1_000));
            mail = await readMail(admin, PARTICIPANT.email);
          }
          assert.match(mail, /KI-Gutschein Sachsen/);
          assert.equal(findLink(mail, `/foerderung/angebote/${SLUG}`), `/foerderung/angebote/${SLUG}`);
          assert.equal(findLink(mail, '/foerderung/merkliste'), '/foerderung/merkliste');
        });
      }));
  }
});
