// KI-Netzwerk with JavaScript on and off: an organisation registers (the demo account
// kommune@…, which no other journey uses), first with a missing name (error summary, input
// kept), then completely; staff (Redaktion) admit it from the queue; a visitor filters the
// directory by competence and Kreis and finds it, finds it in the list below the map and in
// the site search; the representative of another actor (akteur@…, representing the demo's
// "Sächsischer Verbund Kommunale KI") gets it as a suggested partner with the reasons.
// axe checks every page.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { login } from '../lib/account.mjs';
import { checkA11y } from '../lib/axe.mjs';
import { JS_MODES, closeBrowser, newContext, newPage, visit, withContext } from '../lib/browser.mjs';
import { expectErrorSummary, submitForm, textOf } from '../lib/forms.mjs';

after(closeBrowser);

const ORGANISATION = { email: 'kommune@demo.dias.example', password: 'Demo-Passwort-2026' };
const STAFF = { email: 'redaktion@demo.dias.example', password: 'Demo-Passwort-2026' };
const OTHER_REPRESENTATIVE = { email: 'akteur@demo.dias.example', password: 'Demo-Passwort-2026' };
const OTHER_ACTOR = 'Sächsischer Verbund Kommunale KI';

async function follow(page, link) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), link.click()]);
}

describe('an organisation joins the KI-Netzwerk', () => {
  for (const mode of JS_MODES) {
    const js = { javaScriptEnabled: mode.javaScriptEnabled };
    test(`register, admit, find (${mode.name})`, { timeout: 180_000 }, () =>
      withContext(`network-${mode.tag}`, js, async (ctx) => {
        const stamp = `${mode.tag} ${Date.now().toString(36)}`;
        const name = `Neiße Wissensgraph ${stamp}`;

        // The organisation registers.
        const page = await newPage(ctx);
        await login(page, ORGANISATION);
        await visit(page, '/netzwerk/registrieren');
        await checkA11y(page, `registration form (${mode.name})`);
        const short = 'Wissensgraphen für die Verwaltung im Landkreis Görlitz.';
        await page.locator('main #short_description').fill(short);
        await submitForm(page, 'Registrierung absenden', { allowStatus: [422] });
        await expectErrorSummary(page, js);
        assert.equal(await page.locator('main #short_description').inputValue(), short);
        await checkA11y(page, `registration form with errors (${mode.name})`);

        await page.locator('main #name').fill(name);
        await page.locator('main #category').selectOption('startup');
        await page.locator('main #description').fill('Wir verknüpfen Daten von Kommunen zu **Wissensgraphen**.');
        // Close to the profile of the other actor, so that it is suggested there.
        await page.locator('main #competences-wissensrepraesentation').check();
        await page.locator('main #competences-nlp').check();
        await page.locator('main #offers-kooperation').check();
        await page.locator('main #industries-verwaltung').check();
        await page.locator('main #size_class').selectOption('kleinst');
        await page.locator('main #postcode').fill('02826');
        await page.locator('main #city').fill('Görlitz');
        await page.locator('main #ags8').selectOption('14626110');
        await page.locator('main #contact_email').fill('kontakt@neisse-wissensgraph.example');
        await submitForm(page, 'Registrierung absenden');
        const profilePath = new URL(page.url()).pathname;
        assert.match(profilePath, /^\/netzwerk\/akteure\/neisse-wissensgraph-[a-z0-9-]+$/);
        assert.match(await textOf(page.locator('.flash--success')), /Registrierung/);
        await checkA11y(page, `pending profile (${mode.name})`);

        // Staff admit it.
        const staffContext = await newContext(js);
        try {
          const staff = await newPage(staffContext);
          await login(staff, STAFF);
          await visit(staff, '/netzwerk/aufnahme');
          await checkA11y(staff, `admission queue (${mode.name})`);
          const row = staff.locator('main tbody tr').filter({ hasText: name });
          assert.equal(await row.count(), 1);
          await Promise.all([
            staff.waitForNavigation({ waitUntil: 'load' }),
            row.getByRole('link', { name: /Registrierung prüfen/ }).click(),
          ]);
          await checkA11y(staff, `decision form (${mode.name})`);
          await staff.locator('main #decision-accept').check();
          await submitForm(staff, 'Entscheidung speichern');
          assert.equal(new URL(staff.url()).pathname, '/netzwerk/aufnahme');
          assert.match(await textOf(staff.locator('.flash--success')), /Entscheidung/);
          await checkA11y(staff, `queue after the decision (${mode.name})`);
        } finally {
          await staffContext.close();
        }

        // A visitor filters by competence and Kreis and finds it, also below the map.
        const visitorContext = await newContext(js);
        try {
          const visitor = await newPage(visitorContext);
          await visit(visitor, '/netzwerk/akteure');
          await checkA11y(visitor, `directory (${mode.name})`);
          await visitor.locator('main #f-kompetenz-wissensrepraesentation').check();
          await visitor.locator('main #f-kreis-14626').check();
          await submitForm(visitor, 'Filter anwenden');
          const url = new URL(visitor.url());
          assert.deepEqual(url.searchParams.getAll('kompetenz'), ['wissensrepraesentation']);
          assert.deepEqual(url.searchParams.getAll('kreis'), ['14626']);
          assert.match(await textOf(visitor.locator('main .network-results')), new RegExp(stamp));
          await checkA11y(visitor, `filtered directory (${mode.name})`);

          await Promise.all([
            visitor.waitForNavigation({ waitUntil: 'load' }),
            visitor.locator('main').getByRole('link', { name: 'Ergebnis auf der Karte zeigen' }).click(),
          ]);
          assert.equal(new URL(visitor.url()).pathname, '/netzwerk/karte');
          assert.match(await textOf(visitor.locator('#network-list')), new RegExp(stamp));
          await checkA11y(visitor, `filtered map (${mode.name})`);

          await Promise.all([
            visitor.waitForNavigation({ waitUntil: 'load' }),
            visitor.locator('#network-list').getByRole('link', { name }).click(),
          ]);
          assert.equal(new URL(visitor.url()).pathname, profilePath);
          const main = await textOf(visitor.locator('main'));
          assert.ok(!main.includes('kontakt@neisse-wissensgraph.example'), 'the contact address stays private');
          await checkA11y(visitor, `public profile (${mode.name})`);

          // The site search finds it once the outbox has reached the index.
          const search = `/suche?q=${encodeURIComponent(`Neiße Wissensgraph ${stamp}`)}`;
          const deadline = Date.now() + 30_000;
          for (;;) {
            await visit(visitor, search);
            const hit = visitor.locator('main .search-results a', { hasText: stamp });
            if (await hit.count()) {
              await checkA11y(visitor, `search result (${mode.name})`);
              await follow(visitor, hit.first());
              assert.equal(new URL(visitor.url()).pathname, profilePath);
              break;
            }
            if (Date.now() > deadline) assert.fail(`${search} does not find ${name}`);
            await new Promise((r) => setTimeout(r, 1_000));
          }
        } finally {
          await visitorContext.close();
        }

        // The representative of another actor finds it among that actor's suggested partners.
        const otherContext = await newContext(js);
        try {
          const other = await newPage(otherContext);
          await login(other, OTHER_REPRESENTATIVE);
          await visit(other, '/netzwerk');
          await follow(other, other.locator('#own-heading + ul').getByRole('link', { name: OTHER_ACTOR }));
          assert.match(await textOf(other.locator('#partners-heading')), /Passende Partner/);
          const card = other.locator('.network-matches > li', { hasText: stamp });
          assert.equal(await card.count(), 1, 'the new actor is suggested');
          const reasons = await textOf(card.locator('.match-reasons'));
          assert.match(reasons, /Gemeinsame Kompetenzen: .*Wissensrepräsentation/);
          assert.match(reasons, /Branche: .*Verwaltung/);
          await checkA11y(other, `suggested partner (${mode.name})`);
          await follow(other, card.locator('.card__title a'));
          assert.equal(new URL(other.url()).pathname, profilePath);
        } finally {
          await otherContext.close();
        }
      }),
    );
  }
});
