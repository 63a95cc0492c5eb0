// KI-Netzwerk: Passende Partner, Kooperationsgesuche and the contact form, with JavaScript on
// and off. A visitor describes a need and sees ranked actors with their reasons; the demo
// participant writes to a demo actor through its contact form, sees the confirmation and no
// representative's address, and the message is in the development outbox. axe on every page.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { login } from '../lib/account.mjs';
import { loginAsAdmin } from '../lib/admin.mjs';
import { checkA11y } from '../lib/axe.mjs';
import { JS_MODES, closeBrowser, newPage, visit, withContext } from '../lib/browser.mjs';
import { submitForm, textOf } from '../lib/forms.mjs';

after(closeBrowser);

const BUERGER = { email: 'buerger@demo.dias.example', password: 'Demo-Passwort-2026' };
// A fictional demo actor with generated representatives (teilnehmende…@demo.dias.example).
const ACTOR = 'torgauer-agrardaten-eg';
const NEED = 'Wir suchen Partner für Bildverarbeitung in der Landwirtschaft';

async function follow(page, link) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), link.click()]);
}

/** The outbox mail whose subject contains `subject`, polling as the admin. */
async function mailWithSubject(page, subject, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await visit(page, '/verwaltung/postausgang');
    const link = page.locator('table tbody tr a', { hasText: subject });
    if (await link.count()) {
      const recipients = await page.locator('table tbody tr', { hasText: subject }).count();
      await follow(page, link.first());
      return { body: await textOf(page.locator('.mail-preview')), recipients };
    }
    if (Date.now() > deadline) assert.fail(`no mail with subject ${JSON.stringify(subject)} in the outbox`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

for (const js of JS_MODES) {
  describe(`network partners (${js.name})`, () => {
    test('a visitor describes a need and sees matching actors with the reasons', async () => {
      await withContext(`partner finder ${js.tag}`, js, async (context) => {
        const page = await newPage(context);
        await visit(page, '/netzwerk/partner-finden');
        await checkA11y(page, `partner finder (${js.name})`);
        await page.locator('#bedarf').fill(NEED);
        await submitForm(page, 'Passende Partner suchen');
        const url = new URL(page.url());
        assert.equal(url.pathname, '/netzwerk/partner-finden');
        assert.equal(url.searchParams.get('bedarf'), NEED);
        assert.equal(await page.locator('#bedarf').inputValue(), NEED);
        const cards = page.locator('.network-matches > li');
        assert.ok((await cards.count()) > 0, 'the demo has actors for this need');
        const reasons = await textOf(cards.first().locator('.match-reasons'));
        assert.match(reasons, /Gemeinsame Kompetenzen: .*Bildverarbeitung/);
        assert.match(reasons, /Branche: .*Landwirtschaft/);
        assert.match(await textOf(page.locator('main')), /Aus Ihrem Bedarf erkannt/);
        await checkA11y(page, `partner finder results (${js.name})`);

        // A suggested actor's profile suggests partners in turn.
        await follow(page, cards.first().locator('.card__title a'));
        assert.match(await textOf(page.locator('#partners-heading')), /Passende Partner/);
        assert.ok((await page.locator('.network-matches > li').count()) > 0);
        await checkA11y(page, `profile with partners (${js.name})`);

        await visit(page, '/netzwerk/kooperationsgesuche');
        await checkA11y(page, `partner requests (${js.name})`);
        const request = page.locator('main ol.cards .card__title a').first();
        assert.ok(await request.count(), 'the demo has open partner requests');
        await follow(page, request);
        assert.match(await textOf(page.locator('main')), /Offen bis/);
        await checkA11y(page, `partner request (${js.name})`);
      });
    });

    test('the demo participant writes through a contact form without seeing any address', async () => {
      const subject = `Kooperationsidee ${js.tag} ${Date.now()}`;
      const message = `Guten Tag, wir würden gern über Drohnenbilder sprechen (${js.tag}).`;
      await withContext(`contact form ${js.tag}`, js, async (context) => {
        const page = await newPage(context);
        await login(page, BUERGER);
        await visit(page, `/netzwerk/akteure/${ACTOR}`);
        await follow(page, page.locator('main a', { hasText: 'Nachricht schreiben' }));
        assert.equal(new URL(page.url()).pathname, `/netzwerk/akteure/${ACTOR}/kontakt`);
        await checkA11y(page, `contact form (${js.name})`);
        assert.match(await textOf(page.locator('#contact-privacy')), /bewahren sie nicht auf/);
        assert.equal(await page.locator('#reply_to').inputValue(), BUERGER.email);
        await page.locator('#subject').fill(subject);
        await page.locator('#message').fill(message);
        await submitForm(page, 'Nachricht senden');
        assert.equal(new URL(page.url()).pathname, `/netzwerk/akteure/${ACTOR}`);
        assert.match(
          await textOf(page.locator('.flash--success')),
          /Ihre Nachricht wurde an die Ansprechpersonen gesendet/,
        );
        const html = await page.content();
        // Demo representatives are teilnehmende…@, demo contact addresses netzwerk-…@.
        assert.doesNotMatch(html, /(teilnehmende|netzwerk-)\d+@/, 'an address is on the page');
        await checkA11y(page, `contact confirmation (${js.name})`);
      });
      await withContext(`contact outbox ${js.tag}`, { javaScriptEnabled: true }, async (context) => {
        const admin = await loginAsAdmin(context);
        const { body, recipients } = await mailWithSubject(admin, subject);
        assert.ok(recipients >= 1);
        assert.ok(body.includes(message), `mail body:\n${body}`);
        assert.ok(body.includes(BUERGER.email), 'the mail names the reply address');
      });
    });
  });
}
