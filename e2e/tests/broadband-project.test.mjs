// Breitband funding projects (issue 7), with JavaScript on and off: the demo municipality account
// finds the Amtsberg demo project, is refused a wrong edit (error summary, input kept), sets the
// selection model, moves the project on by three stages (a date and a note each), uploads a
// document (a forged one is refused first) and sees the history; a visitor then sees the new
// stage on the public page, without documents or history. axe checks every page on the way.
// The JS-on run starts at the demo's Markterkundung, the JS-off run goes on from where it ended.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { login } from '../lib/account.mjs';
import { checkA11y } from '../lib/axe.mjs';
import { JS_MODES, assertNoProblems, closeBrowser, newContext, newPage, visit, withContext } from '../lib/browser.mjs';
import { expectErrorSummary, submitForm, textOf } from '../lib/forms.mjs';

const KOMMUNE = { email: 'kommune@demo.dias.example', password: 'Demo-Passwort-2026' };
const PROJECT = 'Gigabitprojekt Amtsberg (Demo)';

after(closeBrowser);

function main(page, selector) {
  return page.locator(`main ${selector}`);
}

async function follow(page, link) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), link.click()]);
}

describe('Breitband Förderprojekte', () => {
  for (const mode of JS_MODES) {
    const js = { javaScriptEnabled: mode.javaScriptEnabled };

    test(`the municipality moves its project on by three stages and adds a document (${mode.name})`, { timeout: 240_000 }, () =>
      withContext(`broadband-project-${mode.tag}`, js, async (ctx) => {
        const page = await newPage(ctx);
        const stamp = Date.now();
        await login(page, KOMMUNE);

        // The list, filtered to the Erzgebirgskreis, leads to the project.
        await visit(page, '/breitband/projekte');
        await checkA11y(page, `project list (${mode.name})`);
        await main(page, '#kreis').selectOption('14521');
        await submitForm(page, 'Filter anwenden');
        assert.match(page.url(), /kreis=14521/);
        await checkA11y(page, `project list filtered (${mode.name})`);
        await follow(page, main(page, '#broadband-projects-table a').filter({ hasText: PROJECT }));
        const projectPath = new URL(page.url()).pathname;
        assert.match(projectPath, /^\/breitband\/projekte\/\d+$/);
        assert.equal(await textOf(main(page, 'h1')), PROJECT);
        assert.equal(await main(page, '#dokumente').count(), 1, 'the member sees the documents');
        await checkA11y(page, `project page as member (${mode.name})`);

        // A wrong edit: the shares above the eligible costs. The form comes back with the
        // summary and the input; nothing is stored.
        await follow(page, main(page, '#broadband-project-actions a[href$="/bearbeiten"]'));
        await checkA11y(page, `edit form (${mode.name})`);
        const responsible = `Breitbandkoordination (Demo) ${mode.tag} ${stamp}`;
        await main(page, '#responsible').fill(responsible);
        await main(page, '#federal').fill('1.000,00');
        await main(page, '#eligible').fill('1,00');
        await submitForm(page, 'Änderungen speichern', { allowStatus: [422] });
        await expectErrorSummary(page, js);
        assert.equal(await main(page, '.error-summary a[href="#eligible"]').count(), 1);
        assert.equal(await main(page, '#responsible').inputValue(), responsible);
        await checkA11y(page, `edit form with errors (${mode.name})`);
        // Fixed: the amounts of the provisional notice (Bund 50 %, Land 40 %, Kommune 10 % —
        // an illustrative split), and the selection model.
        await main(page, '#federal').fill('500.000,00');
        await main(page, '#state').fill('400.000,00');
        await main(page, '#municipal').fill('100.000,00');
        await main(page, '#eligible').fill('1.000.000,00');
        await main(page, '#model').selectOption('wirtschaftlichkeitsluecke');
        await submitForm(page, 'Änderungen speichern');
        assert.equal(new URL(page.url()).pathname, projectPath);
        assert.match(await textOf(page.locator('.flash--success')), /gespeichert/);

        // Three stages, each with today's date and a note.
        const notes = [];
        for (let step = 1; step <= 3; step += 1) {
          const before = await textOf(main(page, '#broadband-project-stage'));
          await follow(page, main(page, '#broadband-project-actions a[href$="/phase"]'));
          if (step === 1) await checkA11y(page, `stage form (${mode.name})`);
          const next = await main(page, '#to option:checked').innerText();
          assert.match(next, /^Weiter zu: /);
          const note = `E2E ${mode.tag} Schritt ${step} ${stamp}`;
          notes.push(note);
          await main(page, '#note').fill(note);
          await submitForm(page, 'Verfahrensschritt speichern');
          assert.equal(new URL(page.url()).pathname, projectPath);
          const after = await textOf(main(page, '#broadband-project-stage'));
          assert.notEqual(after, before, `step ${step} moved the project`);
          assert.equal(after, next.replace(/^Weiter zu: /, ''));
        }
        await checkA11y(page, `project page after three stages (${mode.name})`);

        // A PDF named .docx is refused with the form; the PDF itself is kept.
        const pdf = Buffer.from(`%PDF-1.4\n% E2E ${mode.tag} ${stamp}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);
        await main(page, '#document').setInputFiles({ name: 'Bescheid.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: pdf });
        await submitForm(page, 'Hochladen', { allowStatus: [422] });
        await expectErrorSummary(page, js);
        assert.equal(await main(page, '.error-summary a[href="#document"]').count(), 1);
        await checkA11y(page, `upload refused (${mode.name})`);
        const fileName = `Zuwendungsbescheid ${mode.tag} ${stamp}.pdf`;
        await main(page, '#document').setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: pdf });
        await submitForm(page, 'Hochladen');
        assert.equal(new URL(page.url()).pathname, projectPath);
        const docLink = main(page, '#broadband-project-documents a').filter({ hasText: fileName });
        assert.equal(await docLink.count(), 1);
        const download = await ctx.request.get(await docLink.getAttribute('href'));
        assert.equal(download.status(), 200);
        assert.equal(download.headers()['content-type'], 'application/pdf');
        assert.match(download.headers()['content-disposition'], /^attachment;/);

        // The history names every step with its note, the edit and the document.
        const history = await textOf(main(page, '#broadband-project-history'));
        for (const note of notes) assert.ok(history.includes(note), `history shows "${note}"`);
        assert.match(history, /Angaben geändert/);
        assert.ok(history.includes(`Dokument hinzugefügt: ${fileName}`));
        await checkA11y(page, `project page with document (${mode.name})`);
        const reached = await textOf(main(page, '#broadband-project-stage'));

        // The Lagebild of projects and the overview of overdue stages.
        await visit(page, '/breitband/lagebild/projekte');
        await checkA11y(page, `Lagebild projects (${mode.name})`);
        await visit(page, '/breitband/projekte/ueberfaellig');
        await checkA11y(page, `overdue overview (${mode.name})`);

        // A visitor sees the new stage, but neither documents nor history.
        const visitorCtx = await newContext(js);
        try {
          const visitor = await newPage(visitorCtx);
          await visit(visitor, projectPath);
          const stage = await textOf(visitor.locator('main #broadband-project-stage'));
          assert.equal(stage, reached);
          assert.equal(await visitor.locator('main #dokumente').count(), 0);
          assert.equal(await visitor.locator('main #verlauf').count(), 0);
          assert.match(await textOf(visitor.locator('main #broadband-project-amounts')), /500\.000,00/);
          await checkA11y(visitor, `public project page (${mode.name})`);
          assertNoProblems(visitorCtx, `visitor (${mode.name})`);
        } finally {
          await visitorCtx.close();
        }
      }));
  }
});
