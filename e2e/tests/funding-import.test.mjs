// Förderlotse import (issue 6, acceptance), with JavaScript on and off: the demo editor
// uploads a small CSV file, written by the test, with one good and one bad row. The report
// names the bad row by its line, field and reason; the good offer is stored and has its page.
// Before that, a dry run ("nur prüfen") stores nothing. axe checks the form, the reports and
// the open-data page.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { login } from '../lib/account.mjs';
import { checkA11y } from '../lib/axe.mjs';
import { JS_MODES, closeBrowser, newPage, visit, withContext } from '../lib/browser.mjs';
import { submitForm, textOf } from '../lib/forms.mjs';

const STAFF = { email: 'redaktion@demo.dias.example', password: 'Demo-Passwort-2026' };
const SUBMIT = 'Datei einlesen';

const dir = mkdtempSync(path.join(tmpdir(), 'dias-e2e-import-'));
after(() => rmSync(dir, { recursive: true, force: true }));
after(closeBrowser);

// Only the required columns; the importer takes them in any order.
const HEADER = [
  'slug', 'origin', 'offer_type', 'title', 'summary', 'body', 'funding_types', 'areas', 'regions',
  'eligible_groups', 'funder_level', 'funder', 'procedure', 'status', 'source_licence',
  'last_checked', 'reviewer',
];

function row(slug, title, fundingTypes) {
  return [
    slug, 'beispiel', 'beratungsangebot', title,
    'Kostenfreie Erstberatung zur Digitalisierung für kleine Betriebe.',
    '"Ein Testangebot aus dem Import, mit Komma, ""Anführungszeichen"" und zwei Zeilen.\nZweite Zeile."',
    fundingTypes, 'digitalisierung;digitalberatung', 'sachsen', 'unternehmen', 'land',
    'Freistaat Sachsen', 'laufend', 'offen', 'Fiktives Beispiel der Redaktion (CC BY 4.0)',
    '2026-11-01', 'E2E-Test',
  ].join(',');
}

/** A CSV file: line 2–3 a good offer (its body spans two lines), line 4 an unknown Förderart. */
function writeCsv(slug) {
  const file = path.join(dir, `${slug}.csv`);
  const lines = [
    HEADER.join(','),
    row(slug, `Importtest ${slug} (Beispiel)`, 'beratung'),
    row(`${slug}-falsch`, `Fehlerhafter Import ${slug} (Beispiel)`, 'beratung;geschenk'),
  ];
  writeFileSync(file, `${lines.join('\r\n')}\r\n`, 'utf8');
  return file;
}

async function summary(page, id) {
  return Number(await textOf(page.locator(`main #${id}`)));
}

describe('Förderlotse import', () => {
  for (const mode of JS_MODES) {
    const js = { javaScriptEnabled: mode.javaScriptEnabled };

    test(`the editors import a CSV file with a bad row (${mode.name})`, { timeout: 180_000 }, () =>
      withContext(`funding-import-${mode.tag}`, js, async (ctx) => {
        const page = await newPage(ctx);
        const slug = `e2e-import-${mode.tag}-${Date.now()}`;
        const file = writeCsv(slug);
        await login(page, STAFF);
        await visit(page, '/foerderung/redaktion/import');
        await checkA11y(page, `import form (${mode.name})`);

        // Dry run: the report, nothing stored.
        await page.locator('main #datei').setInputFiles(file);
        await page.locator('main #nur_pruefen').check();
        await submitForm(page, SUBMIT);
        assert.match(await textOf(page.locator('main #import-result-heading')), /Prüfung/);
        assert.equal(await summary(page, 'import-created'), 1);
        assert.equal(await summary(page, 'import-refused'), 1);
        await checkA11y(page, `dry-run report (${mode.name})`);
        await visit(page, `/foerderung/angebote/${slug}`, { status: 404 });

        // The import: the good row stored, the bad one reported by line, field and reason.
        await visit(page, '/foerderung/redaktion/import');
        await page.locator('main #datei').setInputFiles(file);
        await submitForm(page, SUBMIT);
        assert.match(await textOf(page.locator('main #import-result-heading')), /Ergebnis des Imports/);
        assert.equal(await summary(page, 'import-records'), 2);
        assert.equal(await summary(page, 'import-created'), 1);
        assert.equal(await summary(page, 'import-refused'), 1);
        const problems = await page
          .locator('main #import-problems tbody tr')
          .evaluateAll((rows) => rows.map((tr) => [...tr.cells].map((td) => td.innerText.trim())));
        assert.equal(problems.length, 1, JSON.stringify(problems));
        const [line, offer, field, reason, value] = problems[0];
        assert.equal(line, '4');
        assert.match(offer, new RegExp(`${slug}-falsch`));
        assert.match(field, /funding_types/);
        assert.match(reason, /Ungültiger Wert/);
        assert.match(value, /geschenk/);
        await checkA11y(page, `import report (${mode.name})`);

        // The good offer has its page (linked from the report); the bad one has none.
        const link = page.locator(`main #import-changed a[href="/foerderung/angebote/${slug}"]`);
        await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), link.click()]);
        assert.equal(await textOf(page.locator('main h1')), `Importtest ${slug} (Beispiel)`);
        await visit(page, `/foerderung/angebote/${slug}-falsch`, { status: 404 });

        // The open data and the API carry it too.
        await visit(page, '/foerderung/daten');
        await checkA11y(page, `open data (${mode.name})`);
        const api = await page.request.get(`/foerderung/api/angebote/${slug}`);
        assert.equal(api.status(), 200);
        assert.equal((await api.json()).slug, slug);
      }),
    );
  }
});
