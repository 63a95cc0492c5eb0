// Breitband market surveys (MEV, issue 7), with JavaScript on and off: the demo municipality
// opens a procedure for Amtsberg with synthetic addresses (a too-short deadline is refused first:
// error summary, input kept), invites both demo operators; operator 1 uploads a valid file,
// operator 2 a file with bad rows and reads its report with line numbers; the municipality sees
// who answered, starts the evaluation early (the real deadline is eight weeks away) with the
// explicit confirmation, waits for the job and downloads the eligible-address list and the
// protocol. The operators' files are written from the procedure's address list download.
// axe checks every page on the way.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { login } from '../lib/account.mjs';
import { checkA11y } from '../lib/axe.mjs';
import { JS_MODES, closeBrowser, newPage, visit, withContext } from '../lib/browser.mjs';
import { expectErrorSummary, submitForm, textOf } from '../lib/forms.mjs';

const PASSWORD = 'Demo-Passwort-2026';
const KOMMUNE = { email: 'kommune@demo.dias.example', password: PASSWORD };
const NETZ1 = { email: 'netzbetreiber@demo.dias.example', password: PASSWORD };
const NETZ2 = { email: 'netzbetreiber2@demo.dias.example', password: PASSWORD };
const OP1 = 'Erzgebirge Glasfaser GmbH (Demo)';
const OP2 = 'Sachsen Kabel & Funk AG (Demo)';
const HEADER = 'address_id,operator,technology,down_mbps,up_mbps,kind,planned_date,milestone_plan';

after(closeBrowser);

function main(page, selector) {
  return page.locator(`main ${selector}`);
}

async function follow(page, link) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), link.click()]);
}

/** yyyy-mm-dd of today plus `days` (the server's calendar is Europe/Berlin; a day's slack is fine). */
function isoDay(days) {
  const d = new Date(Date.now() + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** Rows of a CSV text without its header (no quoted commas in these files). */
function rows(text) {
  return text.trim().split(/\r?\n/).slice(1).map((line) => line.split(','));
}

/** Uploads `csv` as the signed-in operator on the procedure and returns to its report page. */
async function uploadAs(ctx, user, title, csv, label) {
  const page = await newPage(ctx);
  await login(page, user);
  await visit(page, '/breitband/verfahren');
  await checkA11y(page, `my procedures (${label})`);
  await follow(page, main(page, '#verfahren-liste a').filter({ hasText: title }));
  await checkA11y(page, `procedure as operator (${label})`);
  assert.equal(await main(page, '#eingeladene').count(), 0, 'an operator does not see the progress of others');
  await follow(page, main(page, '#antwort-hochladen'));
  await checkA11y(page, `upload form (${label})`);
  await main(page, '#datei').setInputFiles({ name: 'rueckmeldung.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await submitForm(page, 'Hochladen und prüfen');
  assert.match(new URL(page.url()).pathname, /^\/breitband\/verfahren\/\d+\/antworten\/\d+$/);
  await checkA11y(page, `upload report (${label})`);
  return page;
}

describe('Breitband Markterkundungsverfahren', () => {
  for (const mode of JS_MODES) {
    const js = { javaScriptEnabled: mode.javaScriptEnabled };

    test(`a municipality runs a market survey with two operators (${mode.name})`, { timeout: 300_000 }, () =>
      withContext(`broadband-mev-${mode.tag}`, js, async (ctx) => {
        const page = await newPage(ctx);
        const title = `E2E Markterkundung Amtsberg ${mode.tag} ${Date.now()}`;
        await login(page, KOMMUNE);

        // Open the procedure: first with a deadline seven weeks out (refused, input kept).
        await visit(page, '/breitband/verfahren');
        await checkA11y(page, `procedure list (${mode.name})`);
        await follow(page, main(page, 'a[href="/breitband/verfahren/neu"]'));
        await checkA11y(page, `new procedure form (${mode.name})`);
        assert.equal(await main(page, '#gemeinde-14521010').isChecked(), true, 'the only Gemeinde is preselected');
        await main(page, '#titel').fill(title);
        await main(page, '#beginn').fill(isoDay(0));
        await main(page, '#frist').fill(isoDay(49));
        await main(page, '#quelle-synthetisch').check();
        for (const name of [OP1, OP2]) await main(page, 'label').filter({ hasText: name }).click();
        await submitForm(page, 'Verfahren eröffnen', { allowStatus: [422] });
        await expectErrorSummary(page, js);
        assert.equal(await main(page, '.error-summary a[href="#frist"]').count(), 1);
        assert.equal(await main(page, '#titel').inputValue(), title);
        assert.equal(await main(page, '#quelle-synthetisch').isChecked(), true);
        await checkA11y(page, `new procedure with errors (${mode.name})`);
        await main(page, '#frist').fill(isoDay(60));
        await submitForm(page, 'Verfahren eröffnen');
        const surveyPath = new URL(page.url()).pathname;
        assert.match(surveyPath, /^\/breitband\/verfahren\/\d+$/);
        assert.equal(await textOf(main(page, 'h1')), title);
        assert.match(await textOf(main(page, '#synthetisch-hinweis')), /SYNTHETISCH/);
        assert.match(await textOf(main(page, '#eingeladene')), /noch keine Rückmeldung/);
        await checkA11y(page, `procedure as manager (${mode.name})`);

        // The address list the operators answer for.
        const list = await ctx.request.get(await main(page, '#adressliste').getAttribute('href'));
        assert.equal(list.status(), 200);
        const addresses = rows(await list.text());
        assert.ok(addresses.length > 100, `synthetic addresses: ${addresses.length}`);
        assert.ok(addresses.every((r) => r[0].startsWith('SYN') && r[1] === '14521010'));
        const [a, b, c, d] = addresses.map((r) => r[0]);

        // Operator 1: fibre at two addresses, a plan with milestone plan at a third.
        const good = [
          HEADER,
          `${a},${OP1},FTTH,1000,500,current,,no`,
          `${b},${OP1},FTTH,1000,1000,current,,no`,
          `${c},${OP1},FTTH,1000,1000,planned,${isoDay(400)},yes`,
        ].join('\n');
        await withContext(`broadband-mev-op1-${mode.tag}`, js, async (opCtx) => {
          const report = await uploadAs(opCtx, NETZ1, title, good, `operator 1, ${mode.name}`);
          assert.equal(await textOf(main(report, '#zeilen-angenommen')), '3');
          assert.equal(await main(report, '#keine-fehler').count(), 1);
        });

        // Operator 2: two good rows and three bad ones (lines 3, 4, 6).
        const bad = [
          HEADER,
          `${d},${OP2},VDSL,100,40,current,,no`,
          `SYN-GIBT-ES-NICHT,${OP2},VDSL,50,10,current,,no`,
          `${a},${OP2},VDSL,50,100,current,,no`,
          `${b},${OP2},HFC,500,50,current,,no`,
          `${c},${OP2},GLAS,100,100,current,,no`,
        ].join('\n');
        await withContext(`broadband-mev-op2-${mode.tag}`, js, async (opCtx) => {
          const report = await uploadAs(opCtx, NETZ2, title, bad, `operator 2, ${mode.name}`);
          assert.equal(await textOf(main(report, '#zeilen-angenommen')), '2');
          assert.equal(await textOf(main(report, '#zeilen-abgelehnt')), '3');
          const lines = await main(report, '#abgelehnte-zeilen tbody td.num').allInnerTexts();
          assert.deepEqual(lines.map((l) => l.trim()), ['3', '4', '6']);
          const reasons = await textOf(main(report, '#abgelehnte-zeilen tbody'));
          assert.match(reasons, /unbekannte address_id/);
          assert.match(reasons, /Technologie/);
        });

        // The municipality sees who answered and starts the evaluation early, explicitly.
        await visit(page, surveyPath);
        const progress = await textOf(main(page, '#eingeladene'));
        assert.ok(!progress.includes('noch keine Rückmeldung'), `both answered: ${progress}`);
        assert.equal(await main(page, '#uploads tbody tr').count(), 2);
        await checkA11y(page, `procedure with answers (${mode.name})`);
        await submitForm(page, 'Auswertung starten', { allowStatus: [422] });
        await expectErrorSummary(page, js);
        await checkA11y(page, `early evaluation refused (${mode.name})`);
        await main(page, '#vorzeitig').check();
        await submitForm(page, 'Auswertung starten');
        assert.match(new URL(page.url()).pathname, /\/auswertung$/);
        await checkA11y(page, `evaluation job (${mode.name})`);
        const resultLink = main(page, '#ergebnis-link');
        for (let i = 0; i < 60 && !(await resultLink.count()); i += 1) {
          if (mode.javaScriptEnabled) await page.waitForTimeout(1000);
          else await visit(page, new URL(page.url()).pathname);
        }
        assert.equal(await resultLink.count(), 1, 'the evaluation finished');
        await checkA11y(page, `evaluation done (${mode.name})`);
        await follow(page, resultLink);
        assert.match(new URL(page.url()).pathname, /\/ergebnisse\/1$/);
        assert.match(await textOf(main(page, '#synthetisch-hinweis')), /SYNTHETISCH/);
        assert.equal(await main(page, '#ergebnis-gemeinden tbody tr').count(), 1);
        await checkA11y(page, `result (${mode.name})`);

        // Eligible-address list: a and b have fibre, c a plan with milestone plan — not eligible;
        // d has only VDSL 100/40 and every other address no answer — eligible.
        const eligible = await ctx.request.get(await main(page, '#dl-foerderfaehig-csv').getAttribute('href'));
        assert.equal(eligible.status(), 200);
        assert.match(eligible.headers()['content-disposition'], /SYNTHETISCH/);
        const eligibleText = await eligible.text();
        assert.match(eligibleText, /^address_id,ags8,street,house_number/);
        const eligibleIds = rows(eligibleText).map((r) => r[0]);
        for (const id of [a, b, c]) assert.ok(!eligibleIds.includes(id), `${id} is not eligible`);
        assert.ok(eligibleIds.includes(d), `${d} is eligible`);
        assert.equal(eligibleIds.length, addresses.length - 3);

        const protocolCsv = await ctx.request.get(await main(page, '#dl-protokoll-csv').getAttribute('href'));
        const protocolText = await protocolCsv.text();
        assert.match(protocolText, /^address_id,role,operator,technology/);
        assert.ok(protocolText.includes(`${a},massgeblich,${OP1},FTTH`), 'the fibre offer decided address a');

        await follow(page, main(page, '#dl-protokoll'));
        await checkA11y(page, `printable protocol (${mode.name})`);
        const protocol = await textOf(main(page, '#protokoll-tabelle'));
        assert.ok(protocol.includes(a) && protocol.includes('maßgeblich'));
        const rejected = await textOf(main(page, '#protokoll-abgelehnt-tabelle'));
        assert.match(rejected, /unbekannte address_id/);
      }));
  }
});
