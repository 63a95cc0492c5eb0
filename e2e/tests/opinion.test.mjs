// Meinungsbild (opinion map) on the demo process, with JavaScript on and off: the demo
// participant rates statements one card at a time (with JavaScript the card is swapped in place),
// adds a statement of their own, and — once the background recompute has run — sees their
// opinion group and what it stands for on the results page. The moderator's statement queue is
// checked too. axe runs on every page.
//
// Checks of fresh content are done signed in: the page cache applies only to visitors without
// a session.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { login } from '../lib/account.mjs';
import { checkA11y } from '../lib/axe.mjs';
import { JS_MODES, closeBrowser, newPage, visit, withContext } from '../lib/browser.mjs';
import { expectErrorSummary, submitForm, textOf } from '../lib/forms.mjs';

after(closeBrowser);

const PATH = '/beteiligung/digitalstrategie-sachsen/meinungsbild';
const PASSWORD = 'Demo-Passwort-2026';
const BUERGER = { email: 'buerger@demo.dias.example', password: PASSWORD };
const MODERATOR = { email: 'moderation@demo.dias.example', password: PASSWORD };

function statementOnCard(page) {
  return page.locator('main #karte input[name="statement"]').getAttribute('value');
}

/** Rates the statement on the card with the button `name`; returns the rated statement id. */
async function rate(page, name, javaScriptEnabled) {
  const before = await statementOnCard(page);
  assert.ok(before, 'a statement card with buttons is shown');
  const button = page.locator('main #karte').getByRole('button', { name, exact: true });
  if (javaScriptEnabled) {
    // htmx posts the form and swaps only the card: no navigation.
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/meinungsbild/stimmen') && r.request().method() === 'POST'),
      button.click(),
    ]);
    await page.waitForFunction(
      (b) => {
        const input = document.querySelector('main #karte input[name="statement"]');
        return !input || input.value !== b;
      },
      before,
      { timeout: 5_000 },
    );
  } else {
    await submitForm(page, button);
  }
  return before;
}

function progressOf(text) {
  const m = text.match(/Sie haben (\d+) von (\d+) Aussagen bewertet/);
  assert.ok(m, `progress text expected, got: ${text.slice(0, 300)}`);
  return [Number(m[1]), Number(m[2])];
}

describe('opinion map', () => {
  for (const js of JS_MODES) {
    test(`the demo participant rates, adds a statement and sees their group (${js.name})`, async () => {
      await withContext(`opinion-${js.tag}`, { javaScriptEnabled: js.javaScriptEnabled }, async (context) => {
        const page = await newPage(context);
        await login(page, BUERGER);
        await visit(page, PATH);
        await checkA11y(page, `opinion map (${js.name})`);
        const [votedBefore, total] = progressOf(await textOf(page.locator('main #karte')));
        assert.ok(total >= 30, `the demo has about 40 statements, got ${total}`);

        const rated = [];
        const names = ['Zustimmen', 'Ablehnen', 'Zustimmen', 'Überspringen', 'Zustimmen', 'Ablehnen', 'Zustimmen', 'Zustimmen'];
        for (const name of names) {
          const id = await rate(page, name, js.javaScriptEnabled);
          assert.ok(!rated.includes(id), `statement ${id} was offered twice`);
          rated.push(id);
        }
        const [votedAfter] = progressOf(await textOf(page.locator('main #karte')));
        assert.equal(votedAfter, votedBefore + names.length);
        await checkA11y(page, `opinion map after rating (${js.name})`);

        // An empty statement is refused with an error summary; a real one is published.
        await submitForm(page, 'Aussage einreichen', { allowStatus: [422] });
        await expectErrorSummary(page, js);
        await checkA11y(page, `statement form with errors (${js.name})`);
        const own = `Digitale Angebote des Landes sollen auch in Leichter Sprache erscheinen (${js.tag} ${Date.now()}).`;
        await page.locator('main textarea[name="body"]').fill(own);
        await submitForm(page, 'Aussage einreichen');
        const flash = await textOf(page.locator('.flash--success'));
        assert.match(flash, /Aussage ist veröffentlicht/);

        // The recompute runs in the background a few seconds after the votes.
        const deadline = Date.now() + 45_000;
        let summary = '';
        for (;;) {
          await visit(page, `${PATH}/ergebnis`);
          summary = await textOf(page.locator('main'));
          if (/Ihre Gruppe: [A-E] — (stimmt zu bei|lehnt ab)/.test(summary)) break;
          if (Date.now() > deadline) assert.fail(`no group for the participant on the results page: ${summary.slice(0, 600)}`);
          await new Promise((r) => setTimeout(r, 1_000));
        }
        assert.match(summary, /Zuletzt berechnet: \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/);
        assert.match(summary, /Wofür die Gruppen stehen/);
        const svg = page.locator('main svg[role="img"]');
        assert.equal(await svg.count(), 1);
        assert.equal(await svg.locator('title').count(), 1);
        assert.equal(await svg.locator('desc').count(), 1);
        assert.equal(await svg.locator('text', { hasText: 'Sie' }).count(), 1, 'the own point is labelled');
        assert.ok((await page.locator('main table.table').count()) >= 2, 'group tables are shown');
        await checkA11y(page, `opinion results (${js.name})`);
      });
    });
  }

  test('the moderator sees the statement queue', async () => {
    await withContext('opinion-queue', { javaScriptEnabled: true }, async (context) => {
      const page = await newPage(context);
      await login(page, MODERATOR);
      await visit(page, `${PATH}/moderation`);
      const text = await textOf(page.locator('main'));
      assert.match(text, /Warten auf Freigabe/);
      await checkA11y(page, 'opinion statement queue');
    });
  });
});
