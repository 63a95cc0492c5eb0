// Breitband landing page, explanation and advice (issue 7), with JavaScript on and off: a
// visitor goes from /breitband to the explanation of the procedure (table of contents, the rule
// table) and to the advice page, where they choose a Gemeinde. The demo editor assigns an area
// to the demo municipality account in the Breitband administration (a wrong area is refused with
// an error summary first) and removes it again, so the demo stays as it was. axe checks every
// page.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { login } from '../lib/account.mjs';
import { checkA11y } from '../lib/axe.mjs';
import { JS_MODES, closeBrowser, newPage, visit, withContext } from '../lib/browser.mjs';
import { expectErrorSummary, submitForm, textOf } from '../lib/forms.mjs';

after(closeBrowser);

const PASSWORD = 'Demo-Passwort-2026';
const STAFF = { email: 'redaktion@demo.dias.example', password: PASSWORD };
const MUNICIPALITY = 'kommune@demo.dias.example';
// Annaberg-Buchholz: in the demo account's Kreis, but not one of its areas.
const AREA = '14521020';

/** Follows the link of `selector` and waits for the page it leads to. */
async function follow(page, selector) {
  const link = page.locator(selector).first();
  const href = await link.getAttribute('href');
  await Promise.all([page.waitForURL((url) => url.pathname + url.search === href), link.click()]);
}

describe('Breitband: landing page, explanation and advice', () => {
  for (const mode of JS_MODES) {
    const js = { javaScriptEnabled: mode.javaScriptEnabled };

    test(`a visitor reads how it works and asks for advice for a Gemeinde (${mode.name})`, { timeout: 120_000 }, () =>
      withContext(`broadband-advice-${mode.tag}`, js, async (ctx) => {
        const page = await newPage(ctx);
        await visit(page, '/breitband');
        await checkA11y(page, `broadband landing (${mode.name})`);
        assert.equal(await textOf(page.locator('h1')), 'Breitband in Sachsen');

        // The explanation: contents first, every entry an h2 of the page.
        await follow(page, '#broadband-home-cards a[href="/breitband/so-funktioniert-es"]');
        await checkA11y(page, `explanation (${mode.name})`);
        const toc = await page.locator('#broadband-explain-toc a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        assert.equal(toc.length, 9, `contents: ${toc.join(', ')}`);
        for (const href of toc) assert.equal(await page.locator(`h2${href}`).count(), 1, href);
        const rules = await page.locator('#broadband-explain-rules tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.ruleSet));
        assert.deepEqual(rules, ['nga-30', 'gigabit-1.0', 'gigabit-2.0', 'eu-2023']);
        assert.match(await textOf(page.locator('tr[data-rule-set="gigabit-2.0"]')), /500 Mbit\/s/);

        // Back to the landing page and on to the advice page.
        await visit(page, '/breitband');
        await follow(page, '#broadband-home-cards a[href^="/breitband/beratung"]');
        await checkA11y(page, `advice, no Gemeinde yet (${mode.name})`);
        await page.locator('#gemeinde').selectOption(AREA);
        await submitForm(page, 'Gemeinde übernehmen');
        const url = new URL(page.url());
        assert.equal(url.pathname, '/breitband/beratung');
        assert.equal(url.searchParams.get('gemeinde'), AREA);
        assert.equal(await page.locator('#gemeinde').inputValue(), AREA);
        assert.match(await textOf(page.locator('#broadband-advice-ask h2')), /Annaberg-Buchholz/);
        // Without the Anfragen module: the agency's contact, no dead link.
        if ((await page.locator('#broadband-advice-inquiry').count()) === 0) {
          assert.match(await textOf(page.locator('#broadband-advice-contact')), /Breitbandberatung der Digitalagentur Sachsen/);
          assert.equal(await page.locator('main a[href^="/anfragen"]').count(), 0);
        } else {
          const href = await page.locator('#broadband-advice-inquiry').getAttribute('href');
          const query = new URL(href, url).searchParams;
          assert.equal(query.get('thema'), 'breitband');
          assert.equal(query.get('gemeinde'), AREA);
        }
        await checkA11y(page, `advice for a Gemeinde (${mode.name})`);
      }),
    );

    test(`staff assign an area to the demo municipality account (${mode.name})`, { timeout: 120_000 }, () =>
      withContext(`broadband-admin-${mode.tag}`, js, async (ctx) => {
        const page = await newPage(ctx);
        await login(page, STAFF);
        await visit(page, '/breitband/verwaltung');
        await checkA11y(page, `broadband administration (${mode.name})`);
        const row = page.locator('#broadband-admin-members tbody tr').filter({ hasText: MUNICIPALITY });
        assert.equal(await row.count(), 1, 'the demo municipality account is listed');
        // An earlier, interrupted run may have left the area there.
        if ((await row.locator(`li[data-area="${AREA}"]`).count()) > 0) {
          await submitForm(page, row.locator(`li[data-area="${AREA}"] button`));
        }

        // A Kreis that does not exist is refused, the input kept.
        await page.locator('#konto').fill(MUNICIPALITY);
        await page.locator('#gebiet').fill('14999');
        await submitForm(page, 'Gebiet zuordnen', { allowStatus: [422] });
        await expectErrorSummary(page, js);
        assert.equal(await page.locator('#konto').inputValue(), MUNICIPALITY);
        await checkA11y(page, `administration with an error (${mode.name})`);

        await page.locator('#gebiet').fill(AREA);
        await submitForm(page, 'Gebiet zuordnen');
        await page.locator('.flash--success').first().waitFor({ state: 'visible' });
        const added = row.locator(`li[data-area="${AREA}"]`);
        assert.equal(await added.count(), 1, 'the new area is listed');
        assert.match(await textOf(added), /Annaberg-Buchholz/);
        await checkA11y(page, `administration after adding (${mode.name})`);

        // And removed again, so the demo stays as it was.
        await submitForm(page, added.locator('button'));
        await page.locator('.flash--success').first().waitFor({ state: 'visible' });
        assert.equal(await row.locator(`li[data-area="${AREA}"]`).count(), 0);
      }),
    );
  }
});
