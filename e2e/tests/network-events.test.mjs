// KI-Netzwerk events, with JavaScript on and off: the demo participant signs in, finds an
// upcoming demo event in the list, registers, sees the confirmation and downloads the event's
// iCal file. Posts and the archive are opened too. axe runs on every page.
//
// The journey may run more than once against the same demo data, so a registration left by
// an earlier run is withdrawn first.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { login } from '../lib/account.mjs';
import { checkA11y } from '../lib/axe.mjs';
import { BASE_URL, JS_MODES, closeBrowser, newPage, visit, withContext } from '../lib/browser.mjs';
import { expectErrorSummary, submitForm, textOf } from '../lib/forms.mjs';

after(closeBrowser);

const BUERGER = { email: 'buerger@demo.dias.example', password: 'Demo-Passwort-2026' };
const REDAKTION = { email: 'redaktion@demo.dias.example', password: 'Demo-Passwort-2026' };
const EVENT_TITLE = 'KI-Sprechstunde für den Mittelstand';

async function follow(page, link) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), link.click()]);
}

for (const js of JS_MODES) {
  describe(`network events (${js.name})`, () => {
    test('a visitor signs in, registers for an upcoming event and downloads its iCal file', async () => {
      await withContext(`network events ${js.tag}`, js, async (context) => {
        const page = await newPage(context);
        await login(page, BUERGER);

        await visit(page, '/netzwerk/veranstaltungen');
        await checkA11y(page, `events list (${js.name})`);
        const link = page.locator('main .event-list a', { hasText: EVENT_TITLE });
        assert.ok(await link.count(), `the demo has the upcoming event "${EVENT_TITLE}"`);
        await follow(page, link.first());
        assert.match(new URL(page.url()).pathname, /^\/netzwerk\/veranstaltungen\/\d+$/);
        assert.equal((await textOf(page.locator('main h1'))).trim(), EVENT_TITLE);
        await checkA11y(page, `event page (${js.name})`);

        const withdraw = page.locator('main form[action$="/abmelden"] button');
        if (await withdraw.count()) {
          await submitForm(page, withdraw);
          assert.match(await textOf(page.locator('.flash--success')), /zurückgezogen/);
        }
        await submitForm(page, page.locator('main form[action$="/anmelden"] button'));
        assert.match(await textOf(page.locator('.flash--success')), /Sie sind angemeldet/);
        assert.match(await textOf(page.locator('main .event__state')), /Sie sind angemeldet/);
        assert.equal(await page.locator('main form[action$="/abmelden"] button').count(), 1);
        await checkA11y(page, `registered (${js.name})`);

        const href = await page.locator('main a[href$=".ics"]').first().getAttribute('href');
        assert.ok(href, 'the event page links its iCal file');
        const response = await page.request.get(`${BASE_URL}${href}`);
        assert.equal(response.status(), 200);
        assert.match(response.headers()['content-type'] ?? '', /^text\/calendar/);
        const ics = await response.text();
        assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
        assert.ok(ics.replace(/\r\n /g, '').includes(`SUMMARY:${EVENT_TITLE}`), ics.slice(0, 600));

        await visit(page, '/netzwerk/veranstaltungen/archiv');
        await checkA11y(page, `events archive (${js.name})`);
        await visit(page, '/netzwerk/beitraege');
        await checkA11y(page, `posts (${js.name})`);
        await follow(page, page.locator('main .post-list a').first());
        await checkA11y(page, `post page (${js.name})`);
      });
    });

    test('staff see the organiser tools, the forms and the review queue', async () => {
      await withContext(`network events staff ${js.tag}`, js, async (context) => {
        const page = await newPage(context);
        await login(page, REDAKTION);
        // The fully booked demo workshop: participants and the waiting list.
        await visit(page, '/netzwerk/veranstaltungen/2');
        assert.match(await textOf(page.locator('main')), /Warteliste/);
        assert.ok(await page.locator('main table tbody tr').count() >= 3, 'the participant list is shown');
        await checkA11y(page, `event page for organisers (${js.name})`);

        await visit(page, '/netzwerk/veranstaltungen/neu');
        await checkA11y(page, `event form (${js.name})`);
        await page.locator('main #title').fill('');
        await submitForm(page, page.locator('main form[action="/netzwerk/veranstaltungen/neu"] button[type="submit"]'), { allowStatus: [422] });
        await expectErrorSummary(page, js);
        await checkA11y(page, `event form with errors (${js.name})`);

        await visit(page, '/netzwerk/beitraege/neu');
        await checkA11y(page, `post form (${js.name})`);
        await visit(page, '/netzwerk/beitraege/pruefen');
        assert.ok(await page.locator('main article').count() >= 1, 'demo posts wait for review');
        await checkA11y(page, `review queue (${js.name})`);
      });
    });
  });
}
