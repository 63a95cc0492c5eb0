// Förderlotse Redaktion (issue 6), with JavaScript on and off: the demo editor opens an offer
// from the overview, saves it with an error first (the form comes back with the error summary
// and the input), then saves it, sees the new version and its diff, previews nothing stored,
// changes the status, saves over a check made meanwhile (merged, saved again), and the public
// page shows the changes. axe checks every page on the way.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { login } from '../lib/account.mjs';
import { checkA11y } from '../lib/axe.mjs';
import { JS_MODES, closeBrowser, newPage, visit, withContext } from '../lib/browser.mjs';
import { expectErrorSummary, submitForm, textOf } from '../lib/forms.mjs';

const STAFF = { email: 'redaktion@demo.dias.example', password: 'Demo-Passwort-2026' };
// One example offer of the demo catalogue per mode, so the two runs do not meet and no other
// journey's offers change.
const OFFERS = { js: 'ozg-umsetzungslotse', nojs: 'smart-region-oberlausitz' };

after(closeBrowser);

function main(page, selector) {
  return page.locator(`main ${selector}`);
}

describe('Förderlotse Redaktion', () => {
  for (const mode of JS_MODES) {
    const js = { javaScriptEnabled: mode.javaScriptEnabled };

    test(`the editors edit an offer, see its versions and change its status (${mode.name})`, { timeout: 240_000 }, () =>
      withContext(`funding-editorial-${mode.tag}`, js, async (ctx) => {
        const page = await newPage(ctx);
        const slug = OFFERS[mode.tag];
        const stamp = Date.now();
        // Both are examples: their titles must say so.
        const title = `Geänderter Titel ${mode.tag} ${stamp} (Beispiel)`;
        await login(page, STAFF);

        // The way in: /foerderung links the Redaktion for staff.
        await visit(page, '/foerderung');
        const link = main(page, '#funding-editorial-link');
        await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), link.click()]);
        assert.equal(new URL(page.url()).pathname, '/foerderung/redaktion');
        assert.match(await textOf(main(page, '#funding-review-queue h2')), /Prüfung fällig/);
        await checkA11y(page, `overview (${mode.name})`);
        await visit(page, `/foerderung/redaktion?q=${slug}`);
        await checkA11y(page, `overview filtered (${mode.name})`);
        const edit = main(page, `#funding-editorial-offers a[href="/foerderung/redaktion/${slug}"]`);
        await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), edit.click()]);
        await checkA11y(page, `edit form (${mode.name})`);

        // An error first: the title is required. The other input stays.
        await main(page, '#title').fill('');
        await main(page, '#bonus_notes').fill(`Hinweis aus dem Test ${stamp}`);
        await main(page, '#note').fill(`E2E ${mode.tag}: Titel geändert`);
        await submitForm(page, 'Speichern', { allowStatus: [422] });
        await expectErrorSummary(page, js);
        assert.equal(await main(page, '.error-summary a[href="#title"]').count(), 1);
        assert.equal(await main(page, '#bonus_notes').inputValue(), `Hinweis aus dem Test ${stamp}`);
        await checkA11y(page, `edit form with errors (${mode.name})`);
        await visit(page, `/foerderung/angebote/${slug}`);
        assert.doesNotMatch(await textOf(main(page, 'h1')), /Geänderter Titel/, 'nothing stored on refusal');

        // The preview shows the page from the form and stores nothing.
        await visit(page, `/foerderung/redaktion/${slug}`);
        await main(page, '#title').fill(title);
        await main(page, '#bonus_notes').fill(`Hinweis aus dem Test ${stamp}`);
        await main(page, '#note').fill(`E2E ${mode.tag}: Titel geändert`);
        await submitForm(page, 'Vorschau');
        assert.equal(await textOf(main(page, 'h1')), title);
        assert.equal(await main(page, '#funding-preview').count(), 1);
        await checkA11y(page, `preview (${mode.name})`);

        // Saved from the preview: the new version with its note, and its diff.
        await submitForm(page, main(page, '#funding-preview-save'));
        assert.equal(new URL(page.url()).pathname, `/foerderung/redaktion/${slug}/versionen`);
        assert.match(await textOf(page.locator('.flash--success')), /gespeichert/);
        const newest = main(page, '#funding-editorial-versions tbody tr').first();
        assert.match(await textOf(newest), new RegExp(`E2E ${mode.tag}: Titel geändert`));
        await checkA11y(page, `history (${mode.name})`);
        await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), newest.locator('a').click()]);
        const change = await textOf(main(page, '#funding-change-title'));
        assert.ok(change.includes(title), change);
        assert.equal(await main(page, '#funding-change-bonus_notes').count(), 1);
        await checkA11y(page, `diff (${mode.name})`);

        // The status: Antragstopp with a note, logged on the history page.
        await visit(page, `/foerderung/redaktion/${slug}/versionen`);
        await main(page, '#status-antragstopp').check();
        await main(page, '#status_note').fill(`Antragstopp aus dem Test ${stamp}`);
        await submitForm(page, 'Status speichern');
        assert.match(await textOf(main(page, '#funding-editorial-log')), /Antragstopp/);
        assert.match(await textOf(main(page, '#funding-editorial-log')), new RegExp(`Antragstopp aus dem Test ${stamp}`));
        await checkA11y(page, `history after the status change (${mode.name})`);

        // Two editors at once: this one opens the form, another marks the offer as checked
        // meanwhile. Saving comes back (409) with the other change merged in and named; saving
        // again keeps both. The reviewer is the team, not a person.
        await visit(page, `/foerderung/redaktion/${slug}`);
        const other = await newPage(ctx);
        await visit(other, `/foerderung/redaktion/${slug}/versionen`);
        await submitForm(other, 'Als geprüft markieren');
        assert.match(await textOf(other.locator('.flash--success')), /geprüft/);
        await other.close();
        await main(page, '#bonus_notes').fill(`Zweiter Hinweis ${stamp}`);
        await submitForm(page, 'Speichern', { allowStatus: [409] });
        assert.equal(await main(page, '#funding-editorial-conflict').count(), 1);
        assert.match(await textOf(main(page, '#funding-editorial-conflict-taken')), /Geprüft von/);
        assert.equal(await main(page, '#reviewer').inputValue(), 'Redaktion Digitalagentur Sachsen');
        assert.equal(await main(page, '#bonus_notes').inputValue(), `Zweiter Hinweis ${stamp}`);
        await checkA11y(page, `edit form after a concurrent change (${mode.name})`);
        await submitForm(page, 'Speichern');
        assert.equal(new URL(page.url()).pathname, `/foerderung/redaktion/${slug}/versionen`);
        assert.match(await textOf(main(page, '#funding-editorial-last-checked')), /Redaktion Digitalagentur Sachsen/);

        // The public page shows both changes, and the edit link for staff.
        await visit(page, `/foerderung/angebote/${slug}`);
        assert.equal(await textOf(main(page, 'h1')), title);
        assert.match(await textOf(page.locator('main')), new RegExp(`Zweiter Hinweis ${stamp}`));
        assert.match(await textOf(main(page, '.badge')), /Antragstopp/);
        assert.match(await textOf(page.locator('main')), new RegExp(`Antragstopp aus dem Test ${stamp}`));
        assert.equal(await main(page, '#funding-edit-link').count(), 1);
        await checkA11y(page, `public page after editing (${mode.name})`);
      }),
    );
  }
});
