// Förder-Check with JavaScript on and off (issue 6, acceptance), on the demo catalogue:
// (a) a small company from the Erzgebirgskreis answers the questions and sees Digi-Z marked
//     "passt" with its conditions, the ended programmes (go-digital, Digital Jetzt) marked
//     "passt nicht" because they have ended, changes an answer in the form above the results and
//     the result follows; the result URL opened in a fresh context gives the same result.
// (b) a municipality in the Landkreis Görlitz (with its Gemeinde) sees Digital-Lotsen Sachsen as
//     "passt" and no offer for companies only as "passt".
// axe checks every page; with JavaScript the Gemeinde list narrows as soon as the Kreis changes
// (htmx), without it after sending the form.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { checkA11y } from '../lib/axe.mjs';
import { JS_MODES, closeBrowser, newPage, visit, withContext } from '../lib/browser.mjs';
import { submitForm, textOf } from '../lib/forms.mjs';

after(closeBrowser);

const SUBMIT = 'Angebote prüfen';
const ERZGEBIRGSKREIS = '14521';
const GOERLITZ_KREIS = '14626';
const GOERLITZ_STADT = '14626110';
// Offers of the shipped catalogue that only companies may apply for.
const COMPANY_ONLY = [
  'digi-z',
  'digi-d',
  'innopraemie',
  'mittelstand-digital-zentrum-chemnitz',
  'mittelstand-digital-zentrum-leipzig-halle',
  'go-digital',
  'digital-jetzt',
  'e-business',
];

/** [slug, verdict] of the offers on the current result page, in rank order. */
async function rows(page) {
  return page
    .locator('#funding-check-results > li')
    .evaluateAll((items) => items.map((li) => [li.dataset.slug, li.dataset.verdict]));
}

/** Every ranked offer over all result pages, following the "next" links. */
async function allRows(page) {
  const out = await rows(page);
  const start = page.url();
  for (;;) {
    const next = page.locator('main nav.pagination a[rel=next]');
    if ((await next.count()) === 0) break;
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), next.click()]);
    out.push(...(await rows(page)));
  }
  if (page.url() !== start) await visit(page, start);
  return new Map(out);
}

/** Chooses a Kreis; with JavaScript waits until the Gemeinde list holds only its Gemeinden. */
async function chooseKreis(page, ags5, javaScriptEnabled) {
  await page.locator('main #kreis').selectOption(ags5);
  if (javaScriptEnabled) {
    await page.waitForFunction(
      (prefix) => {
        const options = [...document.querySelectorAll('#gemeinde option')].filter((o) => o.value);
        return options.length > 0 && options.every((o) => o.value.startsWith(prefix));
      },
      ags5,
    );
  }
}

async function gemeindeGroups(page) {
  return page.locator('main #gemeinde optgroup').evaluateAll((groups) => groups.map((g) => g.label));
}

describe('Förder-Check', () => {
  for (const mode of JS_MODES) {
    const js = { javaScriptEnabled: mode.javaScriptEnabled };

    test(`a small company from the Erzgebirgskreis (${mode.name})`, { timeout: 180_000 }, () =>
      withContext(`funding-check-company-${mode.tag}`, js, async (ctx) => {
        const page = await newPage(ctx);
        await visit(page, '/foerderung/check');
        await checkA11y(page, `Förder-Check (${mode.name})`);
        assert.ok((await gemeindeGroups(page)).length > 5, 'without a Kreis every Kreis has its Gemeinden');

        await page.locator('main #wer-unternehmen').check();
        await chooseKreis(page, ERZGEBIRGSKREIS, mode.javaScriptEnabled);
        await page.locator('main #groesse-klein').check();
        await submitForm(page, SUBMIT);

        // The form's answers end up as the one canonical URL of the result.
        const url = new URL(page.url());
        assert.equal(`${url.pathname}${url.search}`, '/foerderung/check?wer=unternehmen&kreis=14521&groesse=klein');
        await checkA11y(page, `Förder-Check result (${mode.name})`);

        // Digi-Z fits, with the conditions named and the rate for a small company.
        const digiZ = page.locator('#funding-check-results > li[data-slug="digi-z"]');
        assert.equal(await digiZ.getAttribute('data-verdict'), 'passt');
        const card = await textOf(digiZ);
        assert.match(card, /Digi-Z/);
        assert.match(card, /passt/);
        assert.match(card, /Sie gehören zu den Förderberechtigten\./);
        assert.match(card, /Ihre Unternehmensgröße ist förderfähig\./);
        assert.match(card, /50 %/);
        assert.match(card, /60\.000 Euro/);
        const firstPage = await rows(page);
        assert.equal(firstPage[0][1], 'passt', 'fitting offers come first');

        // Ended programmes are ranked, but as "passt nicht", because they ended.
        const all = await allRows(page);
        for (const ended of ['go-digital', 'digital-jetzt']) {
          assert.equal(all.get(ended), 'passt-nicht', `${ended}: ${all.get(ended)}`);
        }
        const fitting = [...all].filter(([, v]) => v === 'passt').map(([s]) => s);
        assert.ok(!fitting.includes('go-digital') && !fitting.includes('digital-jetzt'));
        const lastPage = `${url.pathname}${url.search}&seite=${Math.ceil(all.size / 20)}`;
        await visit(page, lastPage);
        const goDigital = page.locator('#funding-check-results > li[data-slug="go-digital"]');
        assert.match(await textOf(goDigital), /Das Angebot ist ausgelaufen\./);
        await checkA11y(page, `Förder-Check last page (${mode.name})`);
        await visit(page, `${url.pathname}${url.search}`);

        // The answers are in the form above the results; one is changed in place.
        assert.equal(await page.locator('main #wer-unternehmen').isChecked(), true);
        assert.equal(await page.locator('main #groesse-klein').isChecked(), true);
        assert.equal(await page.locator('main #kreis').inputValue(), ERZGEBIRGSKREIS);
        assert.deepEqual(await gemeindeGroups(page), ['Erzgebirgskreis']);
        await page.locator('main #groesse-gross').check();
        await submitForm(page, SUBMIT);
        const changed = new URL(page.url());
        assert.equal(changed.searchParams.get('groesse'), 'gross');
        assert.equal(changed.searchParams.get('kreis'), ERZGEBIRGSKREIS);
        const digiZAfter = page.locator('#funding-check-results li[data-slug="digi-z"]');
        const changedRows = await allRows(page);
        assert.equal(changedRows.get('digi-z'), 'passt-nicht', 'a large company is not eligible for Digi-Z');
        if ((await digiZAfter.count()) > 0) {
          assert.match(await textOf(digiZAfter), /Unternehmensgröße/);
        }
        await checkA11y(page, `Förder-Check changed (${mode.name})`);

        // The URL is the result: a new context (no cookies, no history) sees the same.
        const shared = page.url();
        const sharedRows = await rows(page);
        await withContext(`funding-check-shared-${mode.tag}`, js, async (other) => {
          const again = await newPage(other);
          await visit(again, shared);
          assert.deepEqual(await rows(again), sharedRows);
          assert.equal(await again.locator('main #groesse-gross').isChecked(), true);
        });
      }));

    test(`a municipality in the Landkreis Görlitz (${mode.name})`, { timeout: 180_000 }, () =>
      withContext(`funding-check-kommune-${mode.tag}`, js, async (ctx) => {
        const page = await newPage(ctx);
        await visit(page, '/foerderung/check');
        await page.locator('main #wer-kommune').check();
        await chooseKreis(page, GOERLITZ_KREIS, mode.javaScriptEnabled);
        if (!mode.javaScriptEnabled) {
          // Without JavaScript the list narrows once the Kreis is sent.
          await submitForm(page, SUBMIT);
          assert.deepEqual(await gemeindeGroups(page), ['Görlitz']);
        }
        await page.locator('main #gemeinde').selectOption(GOERLITZ_STADT);
        await submitForm(page, SUBMIT);
        const url = new URL(page.url());
        assert.equal(`${url.pathname}${url.search}`, `/foerderung/check?wer=kommune&kreis=${GOERLITZ_KREIS}&gemeinde=${GOERLITZ_STADT}`);
        assert.equal(await page.locator('main #gemeinde').inputValue(), GOERLITZ_STADT);
        await checkA11y(page, `Förder-Check for a municipality (${mode.name})`);

        const lotsen = page.locator('#funding-check-results > li[data-slug="digital-lotsen-sachsen"]');
        assert.equal(await lotsen.getAttribute('data-verdict'), 'passt');
        assert.match(await textOf(lotsen), /Sie gehören zu den Förderberechtigten\./);
        const all = await allRows(page);
        for (const slug of COMPANY_ONLY) {
          assert.equal(all.get(slug), 'passt-nicht', `${slug} is for companies only`);
        }
        assert.ok([...all.values()].includes('passt'));
        // The Digitalagentur's own advice for municipalities is pointed out.
        assert.match(await textOf(page.locator('main #funding-check-dias')), /Breitband/);
      }));
  }
});
