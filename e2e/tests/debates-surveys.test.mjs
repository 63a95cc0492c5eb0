// Debates and surveys on the demo process, with JavaScript on and off: a visitor reads a
// closed debate's conclusion; the demo participant (buerger@demo.dias.example) argues for an
// open debate's question and answers the demo survey (first empty, to see the error summary,
// then completely) and sees the confirmation. axe checks every page on the way.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { login } from '../lib/account.mjs';
import { checkA11y } from '../lib/axe.mjs';
import { JS_MODES, closeBrowser, newPage, visit, withContext } from '../lib/browser.mjs';
import { expectErrorSummary, submitForm, textOf } from '../lib/forms.mjs';
import { checkPageStructure } from '../lib/pages.mjs';

after(closeBrowser);

const PROCESS = '/beteiligung/digitalstrategie-sachsen';
const PARTICIPANT = { email: 'buerger@demo.dias.example', password: 'Demo-Passwort-2026' };

function pathOf(page) {
  return new URL(page.url()).pathname;
}

/** Follows a link (a locator) and waits for the page it leads to. */
async function follow(page, link) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), link.click()]);
}

async function successFlash(page, label) {
  const flash = page.locator('.flash--success');
  await flash
    .first()
    .waitFor({ state: 'visible', timeout: 5_000 })
    .catch(async () => {
      const error = page.locator('.error-summary, .flash--error');
      const why = (await error.count()) ? await textOf(error) : '(no error shown)';
      assert.fail(`${label}: no success message on ${page.url()}; ${why}`);
    });
  return textOf(flash);
}

/** Checks a page the way every page is checked: structure and axe. */
async function checked(page, label) {
  await checkPageStructure(page, label);
  await checkA11y(page, label);
}

describe('debates and surveys', () => {
  for (const mode of JS_MODES) {
    const js = { javaScriptEnabled: mode.javaScriptEnabled };
    const run = `${mode.tag}-${Date.now().toString(36)}`;

    test(`a visitor reads a closed debate's conclusion (${mode.name})`, { timeout: 120_000 }, () =>
      withContext(`debates-visitor-${mode.tag}`, js, async (ctx) => {
        const page = await newPage(ctx);
        await visit(page, PROCESS);
        await follow(page, page.locator(`main a[href="${PROCESS}/debatten"]`).first());
        assert.equal(pathOf(page), `${PROCESS}/debatten`);
        await checked(page, `debate list (${mode.name})`);
        const closedCard = page.locator('main .debate-list li').filter({ hasText: 'abgeschlossen' });
        assert.ok((await closedCard.count()) > 0, 'the demo has a closed debate');
        await follow(page, closedCard.first().locator('a').first());
        assert.match(pathOf(page), new RegExp(`^${PROCESS}/debatten/\\d+$`));
        await checked(page, `closed debate (${mode.name})`);
        const conclusion = page.locator('main .debate__conclusion');
        assert.equal(await conclusion.count(), 1, 'the conclusion is shown');
        assert.match(await textOf(conclusion), /Fazit/);
        assert.match(await textOf(conclusion), /persönlich und telefonisch zugänglich/);
        assert.equal(await page.locator('main textarea#body').count(), 0, 'no comment form on a closed debate');

        // Survey pages as a visitor: the survey asks to sign in, results wait for the close.
        await visit(page, `${PROCESS}/umfragen`);
        await checked(page, `survey list (${mode.name})`);
        await follow(page, page.locator('main .survey-list li a').first());
        assert.match(pathOf(page), new RegExp(`^${PROCESS}/umfragen/\\d+$`));
        await checked(page, `survey, visitor (${mode.name})`);
        assert.ok((await page.locator('main a[href^="/konto/anmelden"]').count()) > 0, 'a sign-in link');
        await visit(page, `${pathOf(page)}/ergebnisse`);
        await checked(page, `survey results before closing (${mode.name})`);
        assert.equal(await page.locator('main .survey-result').count(), 0, 'no results before closing');
      }));

    test(`the participant argues for an open debate and answers the survey (${mode.name})`, { timeout: 180_000 }, () =>
      withContext(`debates-participant-${mode.tag}`, js, async (ctx) => {
        const page = await newPage(ctx);
        await login(page, PARTICIPANT);
        assert.equal(pathOf(page), '/konto', `after login: ${page.url()}`);

        // An open debate: comment "Dafür".
        await visit(page, `${PROCESS}/debatten`);
        const openCard = page.locator('main .debate-list li').filter({ hasNotText: 'abgeschlossen' });
        assert.ok((await openCard.count()) > 0, 'the demo has an open debate');
        await follow(page, openCard.first().locator('a').first());
        const debatePath = pathOf(page);
        await checked(page, `open debate, signed in (${mode.name})`);
        const before = Number(await textOf(page.locator('main .debate__counts dd').first()));
        const text = `Ein Argument dafür aus dem Browsertest (${run}).`;
        await page.locator('main input[name="stance"][value="pro"]').check();
        await page.locator('#body').fill(text);
        await submitForm(page, 'Kommentar veröffentlichen');
        assert.equal(pathOf(page), debatePath, `after commenting: ${page.url()}`);
        assert.match(await successFlash(page, 'debate comment'), /Kommentar ist veröffentlicht/);
        const comment = page.locator('main li.comment').filter({ hasText: text });
        assert.equal(await comment.count(), 1, 'the new comment is shown once');
        assert.match(await textOf(comment.locator('.comment__meta').first()), /Dafür/);
        assert.equal(
          Number(await textOf(page.locator('main .debate__counts dd').first())),
          before + 1,
          'the pro count went up',
        );
        // The page is scrolled to the new comment (#kommentar-…): axe only.
        await checkA11y(page, `debate after commenting (${mode.name})`);

        // The demo survey.
        await visit(page, `${PROCESS}/umfragen`);
        await follow(page, page.locator('main .survey-list li a').first());
        const surveyPath = pathOf(page);
        await checked(page, `survey form (${mode.name})`);
        const form = page.locator('main form.survey-form');
        assert.equal(await form.count(), 1, 'the demo survey is open');
        const submitName = (await form.locator('button[type="submit"]').innerText()).trim();

        // Take back every choice: the required questions are named in the error summary.
        await form.locator('input[type="radio"], input[type="checkbox"]').evaluateAll((inputs) => {
          for (const el of inputs) el.checked = false;
        });
        let res = await submitForm(page, submitName, { allowStatus: [422] });
        assert.equal(res?.status(), 422, 'an incomplete answer set answers 422');
        const summary = await expectErrorSummary(page, mode);
        const targets = await summary.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        assert.ok(targets.length >= 2, `the required questions are named: ${targets.join(', ')}`);
        for (const href of targets) {
          assert.equal(await page.locator(href).count(), 1, `the summary's link ${href} has a target`);
        }
        await checked(page, `survey form with errors (${mode.name})`);

        // Answer: the first choice of every radio group, one checkbox, a free text.
        const names = await form
          .locator('input[type="radio"]')
          .evaluateAll((inputs) => [...new Set(inputs.map((i) => i.name))]);
        for (const name of names) {
          await form.locator(`input[type="radio"][name="${name}"]`).first().check();
        }
        await form.locator('input[type="checkbox"]').first().check();
        await form.locator('textarea').first().fill(`Die Ummeldung nach einem Umzug (${run}).`);
        await submitForm(page, page.locator('main form.survey-form button[type="submit"]'));
        assert.equal(pathOf(page), surveyPath, `after answering: ${page.url()}`);
        assert.match(await successFlash(page, 'survey'), /Ihre Antworten sind gespeichert/);
        assert.equal(await page.locator('main #survey-answered').count(), 1, 'the page says the participant took part');
        assert.equal(
          await page.locator('main form.survey-form textarea').first().inputValue(),
          `Die Ummeldung nach einem Umzug (${run}).`,
          'the stored answers are shown again',
        );
        await checked(page, `survey after answering (${mode.name})`);
      }));
  }
});
