// Staff set up a participation process in the browser, with JavaScript on and off: the demo
// Redaktion account creates a draft process (first with a missing title, which shows the error
// summary and keeps the input), adds a current phase, publishes the process, and a visitor
// then finds it with that phase on its timeline and its results page. axe checks every page.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { login } from '../lib/account.mjs';
import { checkA11y } from '../lib/axe.mjs';
import { JS_MODES, closeBrowser, newContext, newPage, visit, withContext } from '../lib/browser.mjs';
import { expectErrorSummary, submitForm, textOf } from '../lib/forms.mjs';

after(closeBrowser);

const STAFF = { email: 'redaktion@demo.dias.example', password: 'Demo-Passwort-2026' };

/** `YYYY-MM-DD`, `days` from today (the server reads dates as Berlin days). */
function day(days) {
  const d = new Date(Date.now() + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

describe('staff set up a participation process', () => {
  for (const mode of JS_MODES) {
    const js = { javaScriptEnabled: mode.javaScriptEnabled };
    test(`create, add a phase, publish (${mode.name})`, { timeout: 180_000 }, () =>
      withContext(`process-setup-${mode.tag}`, js, async (ctx) => {
        const page = await newPage(ctx);
        await login(page, STAFF);
        await visit(page, '/beteiligung');
        await Promise.all([
          page.waitForNavigation({ waitUntil: 'load' }),
          page.locator('main').getByRole('link', { name: 'Neues Beteiligungsverfahren' }).click(),
        ]);
        assert.equal(new URL(page.url()).pathname, '/beteiligung/neu');
        await checkA11y(page, `new process form (${mode.name})`);

        // Without a title: the form comes back with the error summary and the input kept.
        const teaser = 'Wie soll die Region digital werden? Ihre Ideen sind gefragt.';
        await page.locator('main #teaser').fill(teaser);
        await submitForm(page, 'Verfahren anlegen', { allowStatus: [422] });
        const summary = await expectErrorSummary(page, js);
        assert.equal(await summary.locator('li').count(), 1, 'only the title is missing');
        assert.match(await textOf(summary), /füllen Sie dieses Feld aus/);
        assert.equal(await page.locator('main #teaser').inputValue(), teaser);
        await checkA11y(page, `new process form with errors (${mode.name})`);

        const stamp = `${mode.tag} ${Date.now().toString(36)}`;
        const title = `Smarte Region Erzgebirge ${stamp}`;
        await page.locator('main #title').fill(title);
        await page.locator('main #scope_ags5').selectOption('14521');
        await page.locator('main #visibility').selectOption('draft');
        await submitForm(page, 'Verfahren anlegen');
        const phasesPath = new URL(page.url()).pathname;
        assert.match(phasesPath, /^\/beteiligung\/smarte-region-erzgebirge-[a-z0-9-]+\/phasen$/);
        const processPath = phasesPath.replace(/\/phasen$/, '');
        assert.match(await textOf(page.locator('.flash--success')), /angelegt/);
        await checkA11y(page, `phases of a new process (${mode.name})`);

        // A phase that runs now, open for proposals and comments.
        await Promise.all([
          page.waitForNavigation({ waitUntil: 'load' }),
          page.locator('main').getByRole('link', { name: 'Phase hinzufügen' }).click(),
        ]);
        await checkA11y(page, `new phase form (${mode.name})`);
        await page.locator('main #name').fill('Ideensammlung');
        await page.locator('main #description').fill('Vorschläge einreichen und kommentieren.');
        await page.locator('main #starts_on').fill(day(-1));
        await page.locator('main #ends_on').fill(day(20));
        await page.locator('main #switch-proposals').check();
        await page.locator('main #switch-commenting').check();
        await submitForm(page, 'Speichern');
        assert.equal(new URL(page.url()).pathname, phasesPath);
        const row = page.locator('main tbody tr').filter({ hasText: 'Ideensammlung' });
        assert.equal(await row.count(), 1);
        assert.match(await textOf(row), /aktuell/);
        await checkA11y(page, `phase list (${mode.name})`);

        // Publish.
        await visit(page, `${processPath}/bearbeiten`);
        await checkA11y(page, `edit process form (${mode.name})`);
        await page.locator('main #visibility').selectOption('published');
        await submitForm(page, 'Speichern');
        assert.equal(new URL(page.url()).pathname, processPath);

        // A visitor (a fresh context, no session) finds it with its current phase.
        const visitorContext = await newContext(js);
        try {
          const visitor = await newPage(visitorContext);
          await visit(visitor, processPath);
          assert.match(await textOf(visitor.locator('main h1')), new RegExp(stamp));
          assert.match(await textOf(visitor.locator('.timeline__phase--current')), /Ideensammlung/);
          await visit(visitor, `${processPath}/ergebnisse`);
          await checkA11y(visitor, `results of the new process (${mode.name})`);
        } finally {
          await visitorContext.close();
        }
      }),
    );
  }
});
