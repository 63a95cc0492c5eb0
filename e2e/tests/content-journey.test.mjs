// The agency's own website (issue 9), with JavaScript on and off: the Redaktion creates a page
// in the footer menu, schedules a news article and uploads a study as PDF; a visitor sees none
// of the unreleased article, then finds all three through the navigation and the search; the
// visitor subscribes to the newsletter, confirms through the mail, receives the next issue the
// Redaktion sends and unsubscribes with the link in that mail. axe checks every page on the way.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { login } from '../lib/account.mjs';
import { findLink, loginAsAdmin, readMail } from '../lib/admin.mjs';
import { checkA11y } from '../lib/axe.mjs';
import { JS_MODES, allowErrorDocument, assertNoProblems, closeBrowser, newContext, newPage, visit, withContext } from '../lib/browser.mjs';
import { pdf } from '../lib/files.mjs';
import { submitForm, textOf } from '../lib/forms.mjs';

const REDAKTION = { email: 'redaktion@demo.dias.example', password: 'Demo-Passwort-2026' };

after(closeBrowser);

function main(page, selector) {
  return page.locator(`main ${selector}`);
}

async function follow(page, link) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), link.click()]);
}

/** Tomorrow's date in Berlin as YYYY-MM-DD (the forms take Berlin dates). */
function berlinTomorrow() {
  const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(tomorrow);
}

/** The search result titles for `q`; the index follows writes within seconds, so this polls. */
async function searchUntil(page, q, title, { present = true, timeoutMs = 20_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await visit(page, `/suche?q=${encodeURIComponent(q)}`);
    const found = (await main(page, 'a').filter({ hasText: title }).count()) > 0;
    if (found === present) return;
    if (Date.now() > deadline) assert.fail(`search for "${q}": "${title}" ${present ? 'not found' : 'still found'} after ${timeoutMs} ms`);
    await page.waitForTimeout(500);
  }
}

/** The newest mail to `address` once it contains `text` (mail goes out from a background job). */
async function readMailWith(admin, address, text, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const body = await readMail(admin, address, { timeoutMs });
    if (body.includes(text)) return body;
    if (Date.now() > deadline) assert.fail(`no mail to ${address} with "${text}" after ${timeoutMs} ms; newest:\n${body}`);
    await admin.waitForTimeout(1_000);
  }
}

describe('Agency content: page, news, study and newsletter', () => {
  for (const mode of JS_MODES) {
    const js = { javaScriptEnabled: mode.javaScriptEnabled };

    test(`staff publish a footer page, a scheduled article and a study; a visitor finds them and gets the newsletter (${mode.name})`, { timeout: 300_000 }, () =>
      withContext(`content-journey-${mode.tag}`, js, async (visitorCtx) => {
        const stamp = `${Date.now()}`;
        // One made-up word per run, so the search finds exactly this run's items.
        const word = `Sachsenlotse${mode.tag}${stamp}`;
        const pageTitle = `Digitale Sprechstunde ${mode.tag} ${stamp}`;
        const pageSlug = `sprechstunde-${mode.tag}-${stamp}`;
        const newsTitle = `Gigabit-Beratung startet in Ostsachsen ${mode.tag} ${stamp}`;
        const studyTitle = `KI in sächsischen Kommunen – Studie ${mode.tag} ${stamp}`;
        const issueSubject = `Newsletter E2E ${mode.tag} ${stamp}`;
        const email = `e2e+newsletter-${stamp}-${mode.tag}@example.org`;

        const staffCtx = await newContext(js);
        const adminCtx = await newContext(js);
        const visitor = await newPage(visitorCtx);
        try {
          const staff = await newPage(staffCtx);
          await login(staff, REDAKTION);
          await visit(staff, '/redaktion');
          await checkA11y(staff, `Redaktion start (${mode.name})`);

          // 1. A page in the footer menu, published at once.
          await visit(staff, '/redaktion/seiten/neu');
          await checkA11y(staff, `new page form (${mode.name})`);
          await main(staff, '#title_de').fill(pageTitle);
          await main(staff, '#slug').fill(pageSlug);
          await main(staff, '#body_de').fill(`Jeden Dienstag beraten wir Kommunen zur Digitalisierung. Stichwort: ${word}.`);
          await main(staff, '#menu').selectOption('footer');
          await main(staff, '#status').selectOption('published');
          await submitForm(staff, 'Speichern');
          assert.match(new URL(staff.url()).pathname, /^\/redaktion\/seiten/, `after saving the page: ${staff.url()}`);
          await checkA11y(staff, `page saved (${mode.name})`);

          // 2. A news article scheduled for tomorrow: invisible until then.
          await visit(staff, '/redaktion/aktuelles/neu');
          await checkA11y(staff, `new article form (${mode.name})`);
          await main(staff, '#title').fill(newsTitle);
          await main(staff, '#teaser').fill(`Die Digitalagentur berät Gemeinden zum Gigabitausbau (${word}).`);
          await main(staff, '#body').fill(`Ab sofort bieten wir Sprechstunden zur Markterkundung an. ${word}`);
          await main(staff, '#topic-breitband').check();
          await main(staff, '#status').selectOption('published');
          await main(staff, '#publish_date').fill(berlinTomorrow());
          await main(staff, '#publish_time').fill('08:00');
          await submitForm(staff, main(staff, '#content-news-form button[type="submit"]'));
          const articlePath = new URL(staff.url()).pathname;
          assert.match(articlePath, /^\/redaktion\/aktuelles\/\d+$/, `after saving the article: ${staff.url()}`);
          const newsSlug = await main(staff, 'input[name="slug"]').inputValue();
          assert.ok(newsSlug, 'the article has a slug');
          await checkA11y(staff, `article scheduled (${mode.name})`);

          allowErrorDocument(visitorCtx, `/aktuelles/${newsSlug}`);
          await visit(visitor, `/aktuelles/${newsSlug}`, { status: 404 });
          await visit(visitor, '/aktuelles');
          assert.equal(await main(visitor, 'a').filter({ hasText: newsTitle }).count(), 0, 'the scheduled article is not listed');
          await searchUntil(visitor, word, pageTitle);
          assert.equal(await main(visitor, 'a').filter({ hasText: newsTitle }).count(), 0, 'search does not find the scheduled article');

          // 3. A study: metadata first, then the PDF, then published.
          await visit(staff, '/redaktion/publikationen/neu');
          await checkA11y(staff, `new publication form (${mode.name})`);
          await main(staff, '#title').fill(studyTitle);
          await main(staff, '#authors').fill('Digitalagentur Sachsen');
          await main(staff, '#year').fill('2026');
          await main(staff, '#kind').selectOption('studie');
          await main(staff, '#topics-ki').check();
          await main(staff, '#abstract_text').fill(`Wie sächsische Kommunen künstliche Intelligenz einsetzen (${word}).`);
          await main(staff, '#summary').fill('Viele Kommunen wollen KI nutzen. Oft fehlen Zeit und Fachleute. Die Studie zeigt gute Beispiele.');
          await main(staff, '#licence').selectOption('cc-by-4.0');
          await submitForm(staff, 'Anlegen');
          const publicationPath = new URL(staff.url()).pathname;
          assert.match(publicationPath, /^\/redaktion\/publikationen\/\d+$/, `after creating the publication: ${staff.url()}`);
          await main(staff, '#file').setInputFiles({ name: `studie-${stamp}.pdf`, mimeType: 'application/pdf', buffer: pdf(`Studie ${mode.tag} ${stamp}`) });
          await submitForm(staff, 'Datei hochladen');
          assert.equal(await main(staff, '#content-pub-current-file').count(), 1, 'the PDF is stored');
          await main(staff, '#status').selectOption('published');
          await submitForm(staff, 'Speichern');
          const studySlug = await main(staff, 'input[name="slug"]').inputValue();
          await checkA11y(staff, `publication published (${mode.name})`);

          // Release the article now (instead of waiting until tomorrow).
          await visit(staff, articlePath);
          await main(staff, '#publish_date').fill('');
          await main(staff, '#publish_time').fill('');
          await submitForm(staff, main(staff, '#content-news-form button[type="submit"]'));

          // 4. The visitor finds all three through the navigation …
          await visit(visitor, '/');
          const footerLink = visitor.locator('.site-footer a').filter({ hasText: pageTitle });
          assert.equal(await footerLink.count(), 1, 'the page is in the footer');
          await follow(visitor, footerLink);
          assert.equal(new URL(visitor.url()).pathname, `/${pageSlug}`);
          assert.equal(await textOf(main(visitor, 'h1')), pageTitle);
          await checkA11y(visitor, `the new page (${mode.name})`);

          await follow(visitor, visitor.locator('.main-nav a').filter({ hasText: 'Aktuelles' }));
          await checkA11y(visitor, `Aktuelles (${mode.name})`);
          await follow(visitor, visitor.locator('main').getByRole('link', { name: newsTitle, exact: true }));
          assert.equal(new URL(visitor.url()).pathname, `/aktuelles/${newsSlug}`);
          assert.equal(await textOf(main(visitor, 'h1')), newsTitle);
          await checkA11y(visitor, `the article (${mode.name})`);

          await follow(visitor, visitor.locator('.main-nav a').filter({ hasText: 'Publikationen' }));
          await checkA11y(visitor, `Publikationen (${mode.name})`);
          await follow(visitor, visitor.locator('main').getByRole('link', { name: studyTitle, exact: true }));
          assert.equal(new URL(visitor.url()).pathname, `/publikationen/${studySlug}`);
          await checkA11y(visitor, `the study (${mode.name})`);
          const pdfHref = await main(visitor, `a[href="/publikationen/${studySlug}/pdf"]`).first().getAttribute('href');
          const download = await visitorCtx.request.get(pdfHref);
          assert.equal(download.status(), 200);
          assert.equal(download.headers()['content-type'], 'application/pdf');
          assert.ok((await download.body()).subarray(0, 5).equals(Buffer.from('%PDF-')));

          // … and through the search.
          await searchUntil(visitor, word, newsTitle);
          await searchUntil(visitor, word, studyTitle);
          await searchUntil(visitor, word, pageTitle);
          await checkA11y(visitor, `search results (${mode.name})`);

          // 5. Newsletter: subscribe, confirm through the mail.
          await visit(visitor, '/newsletter');
          await checkA11y(visitor, `newsletter form (${mode.name})`);
          await main(visitor, '#email').fill(email);
          await main(visitor, '#consent').check();
          await submitForm(visitor, 'Newsletter bestellen');
          assert.equal(await main(visitor, '#content-nl-done').count(), 1, 'the visitor is told to check the mail');
          await checkA11y(visitor, `newsletter requested (${mode.name})`);

          const admin = await loginAsAdmin(adminCtx);
          const confirmation = await readMail(admin, email);
          const confirmPath = findLink(confirmation, '/newsletter/bestaetigen/');
          await visit(visitor, confirmPath);
          await checkA11y(visitor, `confirm page (${mode.name})`);
          await submitForm(visitor, 'Anmeldung bestätigen');
          assert.equal(await main(visitor, '#content-nl-confirmed').count(), 1, 'the subscription is confirmed');

          // The Redaktion writes and sends the next issue.
          await visit(staff, '/redaktion/newsletter/neu');
          await checkA11y(staff, `new issue form (${mode.name})`);
          await main(staff, '#subject').fill(issueSubject);
          await main(staff, '#body').fill(`Liebe Leserinnen und Leser,\n\nneu bei uns: ${newsTitle}.`);
          await submitForm(staff, 'Entwurf speichern');
          const issuePath = new URL(staff.url()).pathname;
          assert.match(issuePath, /^\/redaktion\/newsletter\/\d+$/, `after saving the issue: ${staff.url()}`);
          await follow(staff, main(staff, '#content-nl-send-link'));
          await checkA11y(staff, `send confirmation (${mode.name})`);
          await submitForm(staff, main(staff, 'form button[type="submit"]').first());
          await checkA11y(staff, `issue sending (${mode.name})`);

          // The issue reaches the subscriber, with a link to unsubscribe.
          const issueMail = await readMailWith(admin, email, 'neu bei uns');
          const unsubscribePath = findLink(issueMail, '/newsletter/abmelden/');
          await visit(visitor, unsubscribePath);
          await checkA11y(visitor, `unsubscribe page (${mode.name})`);
          await submitForm(visitor, 'Newsletter abbestellen');
          assert.equal(await main(visitor, '#content-nl-unsubscribed').count(), 1, 'the subscription is gone');
          await checkA11y(visitor, `unsubscribed (${mode.name})`);
          allowErrorDocument(visitorCtx, unsubscribePath);
          await visit(visitor, unsubscribePath, { status: 410 });
          assert.match(await main(visitor, '#content-nl-gone').innerText(), /nicht \(mehr\) für den Newsletter angemeldet/, 'a spent unsubscribe link says the address is no longer subscribed');

          // The archive shows the sent issue.
          await visit(visitor, '/newsletter/archiv');
          assert.equal(await main(visitor, 'a').filter({ hasText: issueSubject }).count(), 1, 'the issue is in the archive');
          await checkA11y(visitor, `newsletter archive (${mode.name})`);

          assertNoProblems(staffCtx, `staff (${mode.name})`);
          assertNoProblems(adminCtx, `admin (${mode.name})`);
        } finally {
          await staffCtx.close();
          await adminCtx.close();
        }
      }));
  }
});
