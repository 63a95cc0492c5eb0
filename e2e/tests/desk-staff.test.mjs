// Anfragen, the staff side (issue 8), with JavaScript on and off: the demo Redaktion opens the
// overdue view, inserts an answer template into a reply (a page reload without JavaScript, only
// the reply field swapped with htmx), is refused with an error summary for an empty note, gets
// the ticket page again with 409 (current history, typed note kept) when a second tab changed the
// inquiry first, and keeps a Textbaustein (create with an error state first, then delete after a
// confirmation with JavaScript). axe checks every page on the way.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { login } from '../lib/account.mjs';
import { checkA11y } from '../lib/axe.mjs';
import { JS_MODES, closeBrowser, expectDialogs, newPage, visit, withContext } from '../lib/browser.mjs';
import { expectErrorSummary, submitForm, textOf } from '../lib/forms.mjs';

const REDAKTION = { email: 'redaktion@demo.dias.example', password: 'Demo-Passwort-2026' };

after(closeBrowser);

function main(page, selector) {
  return page.locator(`main ${selector}`);
}

async function follow(page, link) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), link.click()]);
}

describe('Anfragen: staff work the queues', () => {
  for (const mode of JS_MODES) {
    const js = { javaScriptEnabled: mode.javaScriptEnabled };

    test(`overdue view, template insert, refused note, stale version, Textbausteine (${mode.name})`, { timeout: 240_000 }, () =>
      withContext(`desk-staff-${mode.tag}`, js, async (ctx) => {
        const staff = await newPage(ctx);
        await login(staff, REDAKTION);

        // The overdue view lists only inquiries marked overdue.
        await visit(staff, '/anfragen/verwaltung?ansicht=ueberfaellig');
        await checkA11y(staff, `overdue queue (${mode.name})`);
        const overdueRows = await main(staff, '#desk-staff-list tbody tr').count();
        if (overdueRows > 0) {
          assert.equal(await main(staff, '#desk-staff-list tbody .badge--warn').count(), overdueRows);
          assert.match(await textOf(main(staff, '#desk-staff-list tbody .badge--warn')), /überfällig seit \d\d\.\d\d\.\d{4}/);
        }

        // Open an inquiry of the whole list whose topic has templates.
        await visit(staff, '/anfragen/verwaltung?ansicht=alle');
        await follow(staff, main(staff, '#desk-staff-list tbody th a').first());
        const ticketPath = new URL(staff.url()).pathname;
        assert.match(ticketPath, /^\/anfragen\/verwaltung\/\d+$/);
        await checkA11y(staff, `ticket (${mode.name})`);
        const templates = main(staff, '#vorlage option');
        assert.ok((await templates.count()) > 0, 'the demo has general templates for every topic');
        const value = await templates.first().getAttribute('value');
        await main(staff, '#vorlage').selectOption(value);
        const insert = staff.locator('main').getByRole('button', { name: 'Einfügen', exact: true });
        if (mode.javaScriptEnabled) {
          // htmx swaps the reply field only: no navigation, the URL stays.
          await insert.click();
          await staff.waitForFunction(() => (document.querySelector('#antwort')?.value || '').length > 0);
          assert.equal(new URL(staff.url()).pathname, ticketPath);
        } else {
          await submitForm(staff, insert);
          assert.equal(new URL(staff.url()).searchParams.get('vorlage'), value);
        }
        assert.ok((await main(staff, '#antwort').inputValue()).length > 0, 'the template text is in the reply');

        // An empty note is refused with an error summary.
        await visit(staff, ticketPath);
        await main(staff, '#notiz').fill('   ');
        await submitForm(staff, 'Notiz speichern', { allowStatus: [422] });
        await expectErrorSummary(staff, js);
        await checkA11y(staff, `ticket with a refused note (${mode.name})`);

        // Two tabs: the first changes the inquiry, the second's change is refused with 409 and
        // the page shows the current state with the typed note still in its field.
        const first = staff;
        const second = await newPage(ctx);
        await visit(first, ticketPath);
        await visit(second, ticketPath);
        await main(first, '#notiz').fill(`Geprüft im ersten Tab (${mode.name})`);
        await submitForm(first, 'Notiz speichern');
        assert.ok((await textOf(main(first, '#desk-staff-history'))).includes('Geprüft im ersten Tab'));
        const late = `Zu spät aus dem zweiten Tab (${mode.name})`;
        await main(second, '#notiz').fill(late);
        await submitForm(second, 'Notiz speichern', { allowStatus: [409] });
        assert.match(await textOf(main(second, '#desk-staff-conflict')), /Inzwischen geändert/);
        assert.ok((await textOf(main(second, '#desk-staff-history'))).includes('Geprüft im ersten Tab'));
        assert.ok(!(await textOf(main(second, '#desk-staff-history'))).includes(late));
        assert.equal(await main(second, '#notiz').inputValue(), late);
        await checkA11y(second, `409 ticket page (${mode.name})`);
        // Sent again from the refreshed page, the note is saved.
        await submitForm(second, 'Notiz speichern');
        assert.ok((await textOf(main(second, '#desk-staff-history'))).includes(late));

        // Textbausteine: an empty form is refused, a complete one saved, then deleted.
        const title = `E2E-Baustein ${mode.tag} ${Date.now()}`;
        await visit(staff, '/anfragen/verwaltung/textbausteine/neu');
        await submitForm(staff, 'Speichern', { allowStatus: [422] });
        await expectErrorSummary(staff, js);
        await checkA11y(staff, `template form with errors (${mode.name})`);
        await main(staff, '#titel').fill(title);
        await main(staff, '#thema').selectOption('ki');
        await main(staff, '#text').fill('Vielen Dank für Ihre Frage zur KI-Sprechstunde.');
        await submitForm(staff, 'Speichern');
        assert.equal(new URL(staff.url()).pathname, '/anfragen/verwaltung/textbausteine');
        assert.ok((await textOf(main(staff, '#desk-staff-templates'))).includes(title));
        await checkA11y(staff, `template list (${mode.name})`);
        // With JavaScript the portal asks before deleting (data-confirm); the test accepts.
        if (mode.javaScriptEnabled) expectDialogs(ctx, 1);
        await submitForm(staff, staff.locator('main').getByRole('button', { name: `Textbaustein „${title}“ löschen` }));
        assert.ok(!(await textOf(staff.locator('main'))).includes(title), 'the template is gone');
      }));
  }
});
