// Breitband register and Lagebild: a keyboard-only journey from the Lagebild to a Kreis and on
// to a Gemeinde, and the register's name filter, with JavaScript on and off, axe-clean.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { checkA11y } from '../lib/axe.mjs';
import { JS_MODES, closeBrowser, newPage, visit, withContext } from '../lib/browser.mjs';
import { textOf } from '../lib/forms.mjs';

after(closeBrowser);

/** Presses Tab until the focused element is a link to `href`; fails after `limit` presses. */
async function tabTo(page, href, limit = 250) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('href') ?? null);
    if (focused === href) return;
  }
  assert.fail(`no link to ${href} reached with ${limit} Tab presses on ${page.url()}`);
}

/** Follows the focused link with Enter and waits for the new page (path and query). */
async function enter(page, expected) {
  const want = new URL(expected, page.url());
  await Promise.all([
    page.waitForURL((url) => url.pathname === want.pathname && url.search === want.search),
    page.keyboard.press('Enter'),
  ]);
  await page.waitForLoadState('domcontentloaded');
}

describe('Breitband register and Lagebild', () => {
  for (const mode of JS_MODES) {
    const js = { javaScriptEnabled: mode.javaScriptEnabled };

    test(`keyboard journey Lagebild → Kreis → Gemeinde (${mode.name})`, { timeout: 180_000 }, () =>
      withContext(`broadband-register-journey-${mode.tag}`, js, async (ctx) => {
        const page = await newPage(ctx);
        await visit(page, '/breitband/lagebild');
        await checkA11y(page, `Lagebild (${mode.name})`);
        const currency = await textOf(page.locator('#datenstand'));
        assert.match(currency, /2021/, 'the page says how old the figures are');
        assert.equal(await page.locator('.map__point').count(), 419);
        assert.ok(await page.locator('a[href="/breitband/lagebild/bandbreiten.csv"]').count());

        // Mittelsachsen from the Kreise table.
        await tabTo(page, '/breitband/kreise/14522');
        await enter(page, '/breitband/kreise/14522');
        assert.match(await textOf(page.locator('h1')), /Mittelsachsen/);
        await checkA11y(page, `Kreis (${mode.name})`);

        // Sort by gigabit share with the keyboard, then open Freiberg.
        await tabTo(page, '/breitband/kreise/14522?sortierung=gigabit&richtung=ab#gemeinden');
        await enter(page, '/breitband/kreise/14522?sortierung=gigabit&richtung=ab');
        assert.equal(
          await page.locator('#gemeinden-tabelle thead th[aria-sort="descending"]').count(),
          1,
          'the gigabit column is sorted descending',
        );
        await tabTo(page, '/breitband/gemeinden/14522180');
        await enter(page, '/breitband/gemeinden/14522180');
        assert.match(await textOf(page.locator('h1')), /Freiberg/);
        assert.match(await textOf(page.locator('#gemeinde-gigabit')), /% der Haushalte/);
        assert.match(await textOf(page.locator('#haushalte')), /Schätzung/);
        assert.ok(await page.locator('#tabelle-klassen tbody tr').count() >= 10);
        await checkA11y(page, `Gemeinde (${mode.name})`);
      }));

    test(`register name filter works from the keyboard (${mode.name})`, { timeout: 120_000 }, () =>
      withContext(`broadband-register-filter-${mode.tag}`, js, async (ctx) => {
        const page = await newPage(ctx);
        await visit(page, '/breitband/gemeinden');
        await page.locator('#q').focus();
        await page.keyboard.type('Annaberg');
        await Promise.all([
          page.waitForURL((url) => url.searchParams.get('q') === 'Annaberg'),
          page.keyboard.press('Enter'),
        ]);
        await page.waitForLoadState('domcontentloaded');
        const names = await page.locator('.gemeinden-tabelle tbody th').allTextContents();
        assert.deepEqual(names.map((n) => n.trim()), ['Annaberg-Buchholz, Stadt']);
        await checkA11y(page, `register filtered (${mode.name})`);
      }));
  }
});
