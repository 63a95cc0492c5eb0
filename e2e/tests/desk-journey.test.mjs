// Anfragen (issue 8), with JavaScript on and off: a visitor asks the Digitalagentur from a
// KI-Netzwerk profile with a PDF attached and gets the reference number and the status link,
// also by mail; staff (the demo Redaktion) take the inquiry, write an internal note and reply;
// the visitor sees the reply on the status link — never the note, neither there nor in the
// mail — and answers; staff see the answer, close the inquiry and publish it as an FAQ entry,
// which the visitor then finds on /anfragen/faq. axe checks every page on the way.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { login } from '../lib/account.mjs';
import { findLink, loginAsAdmin, readMail } from '../lib/admin.mjs';
import { checkA11y } from '../lib/axe.mjs';
import { JS_MODES, assertNoProblems, closeBrowser, newContext, newPage, visit, withContext } from '../lib/browser.mjs';
import { pdf } from '../lib/files.mjs';
import { submitForm, textOf } from '../lib/forms.mjs';

const REDAKTION = { email: 'redaktion@demo.dias.example', password: 'Demo-Passwort-2026' };
const ACTOR = '/netzwerk/akteure/technische-universitaet-dresden';
// The server refuses a form sent faster than a person fills it (dias_desk::spam::MIN_FILL_SECS).
const MIN_FILL_MS = 3_500;

after(closeBrowser);

function main(page, selector) {
  return page.locator(`main ${selector}`);
}

async function follow(page, link) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), link.click()]);
}

describe('Anfragen: from the question to the FAQ entry', () => {
  for (const mode of JS_MODES) {
    const js = { javaScriptEnabled: mode.javaScriptEnabled };

    test(`a visitor asks with a PDF, staff reply with an internal note, the visitor answers, staff close and publish it (${mode.name})`, { timeout: 300_000 }, () =>
      withContext(`desk-journey-${mode.tag}`, js, async (visitorCtx) => {
        const stamp = `${Date.now()}`;
        const email = `e2e+desk-${stamp}-${mode.tag}@example.org`;
        const subject = `Partner für KI-Bildprüfung gesucht (E2E ${mode.tag} ${stamp})`;
        const note = `Interne Notiz E2E ${mode.tag} ${stamp}: Institut vorher anrufen.`;
        const reply = `Vielen Dank für Ihre Frage (E2E ${mode.tag} ${stamp}). Das Institut bietet Beratung zur Bildverarbeitung an; wir stellen gern den Kontakt her.`;
        const answer = `Danke, bitte stellen Sie den Kontakt her (E2E ${mode.tag} ${stamp}).`;
        const question = `Wie finde ich einen Partner für KI-gestützte Bildprüfung? (E2E ${mode.tag} ${stamp})`;
        const fileName = `Anforderungen-${mode.tag}-${stamp}.pdf`;

        // The visitor starts on a KI-Netzwerk profile and asks from there.
        const visitor = await newPage(visitorCtx);
        await visit(visitor, '/anfragen');
        await checkA11y(visitor, `Anfragen landing (${mode.name})`);
        // The accessibility statement's feedback link opens the form too.
        await visit(visitor, '/barrierefreiheit');
        assert.equal(await main(visitor, 'a[href="/anfragen/neu?thema=sonstiges&kontext=/barrierefreiheit"]').count(), 1);
        await visit(visitor, ACTOR);
        await checkA11y(visitor, `actor profile (${mode.name})`);
        const ask = main(visitor, '#network-profile-ask a');
        assert.equal(await textOf(ask), 'Frage an die Digitalagentur');
        await follow(visitor, ask);
        assert.equal(new URL(visitor.url()).pathname, '/anfragen/neu');
        const loadedAt = Date.now();
        assert.equal(await main(visitor, '#topic').inputValue(), 'ki', 'the topic comes from the link');
        assert.equal(await main(visitor, 'input[name="kontext"]').inputValue(), ACTOR);
        await checkA11y(visitor, `inquiry form (${mode.name})`);

        await main(visitor, '#sender_type-unternehmen').check();
        await main(visitor, '#gemeinde').selectOption('14612000');
        await main(visitor, '#subject').fill(subject);
        await main(visitor, '#message').fill(
          'Guten Tag,\n\nwir möchten Oberflächen unserer Bauteile mit Kameras und KI prüfen. Können Sie uns mit dem Institut in Kontakt bringen?\n\nMit freundlichen Grüßen',
        );
        await main(visitor, '#name').fill(`E2E Testperson ${mode.tag}`);
        await main(visitor, '#email').fill(email);
        await main(visitor, '#attachment').setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: pdf(`Anforderungen E2E ${mode.tag} ${stamp}`) });
        await main(visitor, '#consent').check();
        const wait = MIN_FILL_MS - (Date.now() - loadedAt);
        if (wait > 0) await visitor.waitForTimeout(wait);
        await submitForm(visitor, 'Anfrage senden');

        // The status page with the reference number and the private link.
        const statusPath = new URL(visitor.url()).pathname;
        assert.match(statusPath, /^\/anfragen\/status\/[A-Za-z0-9_-]{20,}$/, `after sending: ${visitor.url()}`);
        const received = await textOf(main(visitor, '#desk-received'));
        const reference = (received.match(/DIAS-\d{4}-\d{6}/) || [])[0];
        assert.ok(reference, `the reference number is shown: ${received}`);
        assert.ok((await textOf(main(visitor, '#desk-status-link'))).endsWith(statusPath));
        assert.equal(await textOf(main(visitor, 'h1')), `Anfrage ${reference}`);
        const attachment = main(visitor, 'a[download]').filter({ hasText: fileName });
        assert.equal(await attachment.count(), 1, 'the sender sees the attachment');
        await checkA11y(visitor, `status page after sending (${mode.name})`);

        // The confirmation mail carries the reference and the same status link.
        const adminCtx = await newContext(js);
        const staffCtx = await newContext(js);
        try {
          const admin = await loginAsAdmin(adminCtx);
          const confirmation = await readMail(admin, email);
          assert.ok(confirmation.includes(reference), `the mail names ${reference}`);
          assert.equal(findLink(confirmation, '/anfragen/status/'), statusPath);

          // Staff find the inquiry among the unassigned new ones about AI.
          const staff = await newPage(staffCtx);
          await login(staff, REDAKTION);
          await visit(staff, '/anfragen/verwaltung?ansicht=offen&status=neu&thema=ki');
          await checkA11y(staff, `staff queue (${mode.name})`);
          await follow(staff, main(staff, '#desk-staff-list a').filter({ hasText: subject }));
          const ticketPath = new URL(staff.url()).pathname;
          assert.match(ticketPath, /^\/anfragen\/verwaltung\/\d+$/);
          assert.equal(await textOf(main(staff, 'h1')), subject);
          assert.match(await textOf(main(staff, '#desk-staff-sender')), new RegExp(email.replace(/[.+]/g, '\\$&')));
          assert.ok((await textOf(main(staff, '#desk-staff-links'))).includes(ACTOR), 'the profile is linked');
          const staffFile = main(staff, '#desk-staff-attachments a').filter({ hasText: fileName });
          const download = await staffCtx.request.get(await staffFile.getAttribute('href'));
          assert.equal(download.status(), 200);
          assert.equal(download.headers()['content-type'], 'application/pdf');
          assert.ok((await download.body()).subarray(0, 5).equals(Buffer.from('%PDF-')));
          await checkA11y(staff, `ticket page (${mode.name})`);

          // Take it, note something internal, reply.
          await submitForm(staff, main(staff, '#desk-staff-assign-me'));
          assert.equal(new URL(staff.url()).pathname, ticketPath);
          assert.equal(await textOf(main(staff, '#desk-staff-assignee')), 'Rita Redaktion');
          await checkA11y(staff, `ticket page after assigning (${mode.name})`);
          await main(staff, '#notiz').fill(note);
          await submitForm(staff, 'Notiz speichern');
          assert.ok((await textOf(main(staff, '#desk-staff-history'))).includes(note));
          await checkA11y(staff, `ticket page with the note (${mode.name})`);
          await main(staff, '#antwort').fill(reply);
          await main(staff, '#art-antwort').check();
          await submitForm(staff, 'Antwort senden');
          assert.equal(await textOf(main(staff, '#desk-staff-status')), 'Beantwortet');
          await checkA11y(staff, `ticket page after the reply (${mode.name})`);

          // The reply went out by mail, with the status link and without the note.
          const replyMail = await readMail(admin, email);
          assert.ok(replyMail.includes(reply.slice(0, 40)), `the mail carries the reply:\n${replyMail}`);
          assert.ok(!replyMail.includes(note), 'the internal note is not in the mail');
          assert.equal(findLink(replyMail, '/anfragen/status/'), statusPath);

          // The visitor sees the reply on the status link, never the note, and answers.
          await visit(visitor, statusPath);
          const conversation = await textOf(main(visitor, '#verlauf'));
          assert.ok(conversation.includes(reply.slice(0, 40)), `the reply is shown: ${conversation}`);
          assert.ok(!(await textOf(visitor.locator('body'))).includes(note), 'the internal note is never shown');
          assert.ok(!(await visitor.content()).includes(note), 'the internal note is not in the page source');
          await checkA11y(visitor, `status page with the reply (${mode.name})`);
          await main(visitor, 'form[action^="/anfragen/status/"] textarea[name="message"]').fill(answer);
          await submitForm(visitor, 'Antwort senden');
          assert.equal(new URL(visitor.url()).pathname, statusPath);
          assert.ok((await textOf(main(visitor, '#verlauf'))).includes(answer), 'the own answer is shown');
          await checkA11y(visitor, `status page after answering (${mode.name})`);

          // Staff see the answer, close the inquiry and publish it as an FAQ entry.
          await visit(staff, ticketPath);
          assert.ok((await textOf(main(staff, '#desk-staff-history'))).includes(answer));
          await main(staff, '#status').selectOption('geschlossen');
          await submitForm(staff, 'Status ändern');
          assert.equal(await textOf(main(staff, '#desk-staff-status')), 'Geschlossen');
          await checkA11y(staff, `closed ticket (${mode.name})`);
          await follow(staff, main(staff, '#desk-staff-faq'));
          assert.equal(new URL(staff.url()).pathname, `${ticketPath}/faq`);
          const prefilled = await main(staff, '#question').inputValue();
          assert.ok(!prefilled.includes(email), 'the pre-filled question has no e-mail address');
          await checkA11y(staff, `FAQ form (${mode.name})`);
          await main(staff, '#topic').selectOption('ki');
          await main(staff, '#question').fill(question);
          await main(staff, '#answer').fill(
            'Beschreiben Sie Ihren Bedarf im KI-Netzwerk unter „Partner finden“. Sie erhalten passende Hochschulen und Unternehmen vorgeschlagen und erreichen sie über das Kontaktformular.',
          );
          await main(staff, '#published').check();
          await main(staff, '#confirmed').check();
          await submitForm(staff, 'Häufige Frage speichern');
          assert.equal(new URL(staff.url()).pathname, '/anfragen/verwaltung/faq');
          await checkA11y(staff, `staff FAQ list (${mode.name})`);
          assertNoProblems(staffCtx, `staff (${mode.name})`);
          assertNoProblems(adminCtx, `admin (${mode.name})`);
        } finally {
          await staffCtx.close();
          await adminCtx.close();
        }

        // The visitor finds the new entry on the public FAQ.
        await visit(visitor, '/anfragen/faq?thema=ki');
        const entry = main(visitor, 'a').filter({ hasText: question });
        assert.equal(await entry.count(), 1, 'the new FAQ entry is listed');
        await checkA11y(visitor, `public FAQ (${mode.name})`);
        await follow(visitor, entry);
        assert.match(new URL(visitor.url()).pathname, /^\/anfragen\/faq\/[a-z0-9-]+$/);
        assert.equal(await textOf(main(visitor, 'h1')), question);
        assert.ok(!(await textOf(visitor.locator('main'))).includes(email));
        await checkA11y(visitor, `FAQ entry (${mode.name})`);
      }));
  }
});
