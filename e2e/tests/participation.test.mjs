// Beteiligung (participation) on the demo process, with JavaScript on and off: a visitor reads
// the process and the strategy text; a participant comments on a paragraph, suggests a change,
// submits and supports a proposal and reports someone else's comment; a staff person (Redaktion)
// answers the proposal, adopts the suggestion and publishes a new text version; the admin as
// moderator hides the reported comment; the participant sees what became of the contributions.
//
// Every later check of fresh content is done signed in: the server's page cache (2 s by
// default) applies only to visitors without a session. Each JS mode runs the whole journey,
// so the second one publishes the next text version on top of the first one's.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { login, registeredParticipant } from '../lib/account.mjs';
import { loginAsAdmin } from '../lib/admin.mjs';
import { checkA11y } from '../lib/axe.mjs';
import { JS_MODES, assertNoProblems, closeBrowser, newContext, newPage, visit, withContext } from '../lib/browser.mjs';
import { expectErrorSummary, submitForm, textOf } from '../lib/forms.mjs';
import { checkPageStructure } from '../lib/pages.mjs';

after(closeBrowser);

const SLUG = 'digitalstrategie-sachsen';
const PROCESS = `/beteiligung/${SLUG}`;
const ADDED = ' Zusätzlich gilt das auch für Vereine.';

function pathOf(page) {
  return new URL(page.url()).pathname;
}

function hashOf(page) {
  return decodeURIComponent(new URL(page.url()).hash.replace(/^#/, ''));
}

/** Follows a link (a locator) and waits for the page it leads to. */
async function follow(page, link) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), link.click()]);
}

/** The text of the success flash (`.flash--success`), which must be there. */
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

/** The participant, in this JS mode, with the session saved after the login. */
function asParticipant(s, js) {
  assert.ok(s.participantState, 'the participant was not registered (an earlier step failed)');
  return { ...js, storageState: s.participantState };
}

/**
 * Changes a registered user's role on /verwaltung/benutzer/{id} as the admin (the way
 * tests/admin.test.mjs makes a moderator). The server ends the user's sessions then.
 */
async function setRole(adminPage, user, role) {
  const search = `/verwaltung/benutzer?q=${encodeURIComponent(user.email)}`;
  // The user list may be fed by the search index, which the outbox updates shortly after.
  const link = adminPage.locator('main').getByRole('link', { name: user.displayName, exact: true });
  const deadline = Date.now() + 20_000;
  for (;;) {
    await visit(adminPage, search);
    if ((await link.count()) > 0) break;
    if (Date.now() > deadline) assert.fail(`${search} does not list ${user.displayName}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  await follow(adminPage, link.first());
  assert.match(pathOf(adminPage), /^\/verwaltung\/benutzer\/[^/]+$/, `the user link led to ${adminPage.url()}`);
  await adminPage.locator('main select[name="role"]').selectOption(role);
  await submitForm(adminPage, 'Rolle speichern');
  await successFlash(adminPage, `role ${role} for ${user.email}`);
}

describe('participation journey', () => {
  let adminCtx;
  let adminPage;
  let adminState;
  let staff;

  before(async () => {
    adminCtx = await newContext({ javaScriptEnabled: true });
    adminPage = await loginAsAdmin(adminCtx);
    adminState = await adminCtx.storageState();
    // The staff person (Redaktion): registered like everyone, then given the role by the admin.
    await withContext('participation-staff-account', { javaScriptEnabled: true }, async (ctx) => {
      const page = await newPage(ctx);
      staff = await registeredParticipant(page, adminPage, 'redaktion');
    });
    await setRole(adminPage, staff, 'staff');
  });
  after(async () => {
    if (adminCtx) {
      assertNoProblems(adminCtx, 'admin (mail reader, roles)');
      await adminCtx.close();
    }
  });

  for (const mode of JS_MODES) {
    const js = { javaScriptEnabled: mode.javaScriptEnabled };
    const run = `${mode.tag}-${Date.now().toString(36)}`;
    // What the steps of this mode hand on to the next ones.
    const s = {
      participant: null,
      participantState: null,
      paragraphPath: null, // the paragraph the participant chose (first one of the text)
      originalText: null, // its text before
      suggestedText: null,
      suggestionId: null,
      versionNumber: null, // the version the staff published
      proposalPath: null,
      proposalTitle: null,
      reportedCommentId: null,
      reportedOn: null, // path of the proposal page with the reported comment
      reportNote: `E2E-Meldung ${run}`,
      statement: `Die Digitalagentur prüft den Vorschlag ${run} gemeinsam mit den Landkreisen.`,
      decisionReason: `Vereine sind wichtige Träger digitaler Angebote (${run}).`,
    };

    test(`a visitor reads the process and the strategy text (${mode.name})`, { timeout: 120_000 }, () =>
      withContext(`participation-visitor-${mode.tag}`, js, async (ctx) => {
        const page = await newPage(ctx);

        await visit(page, '/beteiligung');
        await checkPageStructure(page, '/beteiligung');
        await checkA11y(page, `participation overview (${mode.name})`);
        const processLink = page.locator(`main a[href="${PROCESS}"]`);
        assert.ok((await processLink.count()) > 0, '/beteiligung links to the demo process');
        await follow(page, processLink.first());
        assert.equal(pathOf(page), PROCESS);

        await checkPageStructure(page, PROCESS);
        await checkA11y(page, `process page (${mode.name})`);
        const phases = page.locator('main .timeline > li');
        assert.ok((await phases.count()) > 1, 'the timeline lists the phases');
        const current = page.locator('main .timeline [aria-current="step"]');
        assert.equal(await current.count(), 1, 'exactly one phase of the timeline is aria-current="step"');
        assert.match(await textOf(current), /aktuell/, 'the current phase is labelled "aktuell"');

        await follow(page, page.locator(`main a[href="${PROCESS}/text"]`).first());
        assert.equal(pathOf(page), `${PROCESS}/text`);
        await checkPageStructure(page, `${PROCESS}/text`);
        await checkA11y(page, `strategy text (${mode.name})`);
        const paragraphs = page.locator('main .paragraph');
        assert.ok((await paragraphs.count()) > 3, 'the text has paragraphs (.paragraph)');
        const links = page.locator('main .paragraph .paragraph__meta a');
        assert.equal(await links.count(), await paragraphs.count(), 'every paragraph has a link to its page');
        assert.match(
          (await links.first().getAttribute('href')) || '',
          new RegExp(`^${PROCESS}/text/\\d+$`),
          'paragraph links lead to /text/{id}',
        );
      }));

    test(`a participant comments on a paragraph and suggests a change (${mode.name})`, { timeout: 180_000 }, () =>
      withContext(`participation-paragraph-${mode.tag}`, js, async (ctx) => {
        const page = await newPage(ctx);
        s.participant = await registeredParticipant(page, adminPage, `beteiligung-${mode.tag}`);
        s.participantState = await ctx.storageState();

        // The first paragraph's link on the text page.
        await visit(page, `${PROCESS}/text`);
        const link = page.locator('main .paragraph .paragraph__meta a').first();
        s.paragraphPath = await link.getAttribute('href');
        await follow(page, link);
        assert.equal(pathOf(page), s.paragraphPath);
        await checkPageStructure(page, 'paragraph page');
        await checkA11y(page, `paragraph page, signed in (${mode.name})`);

        // A comment of the category "Frage".
        const commentText = `Gilt das auch für kleine Gemeinden? (${run})`;
        await page.locator('main input[name="category"][value="frage"]').check();
        await page.locator('#body').fill(commentText);
        await submitForm(page, 'Kommentar veröffentlichen');
        assert.equal(pathOf(page), s.paragraphPath, `after commenting: ${page.url()}`);
        assert.match(await successFlash(page, 'comment'), /Kommentar ist veröffentlicht/);
        const comment = page.locator('main li.comment').filter({ hasText: commentText });
        assert.equal(await comment.count(), 1, 'the new comment is shown once');
        assert.match(await textOf(comment.locator('.comment__meta')), new RegExp(`${s.participant.displayName}.*Frage`));
        assert.match(hashOf(page), /^kommentar-\d+$/, `the redirect points at the comment: ${page.url()}`);
        assert.equal(await comment.getAttribute('id'), hashOf(page));
        await checkA11y(page, `paragraph page after commenting (${mode.name})`);

        // A change suggestion: the paragraph's text (prefilled) with a sentence added.
        const newText = page.locator('main textarea[name="new_text"]');
        s.originalText = (await newText.inputValue()).trim();
        assert.ok(s.originalText.length > 20, 'the suggestion field is prefilled with the paragraph');
        assert.match(
          (await textOf(page.locator('main blockquote.prose'))).replace(/\s+/g, ' '),
          new RegExp(s.originalText.slice(0, 40).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
          'the prefilled text is the paragraph shown',
        );
        s.suggestedText = `${s.originalText}${ADDED}`;
        await newText.fill(s.suggestedText);
        await page.locator('main textarea[name="reason"]').fill(`Vereine sind vor Ort oft die ersten Ansprechpartner (${run}).`);
        await submitForm(page, 'Änderungsvorschlag einreichen');
        assert.equal(pathOf(page), s.paragraphPath, `after suggesting: ${page.url()}`);
        assert.match(await successFlash(page, 'suggestion'), /Änderungsvorschlag ist eingereicht/);
        const anchor = hashOf(page);
        assert.match(anchor, /^aenderung-\d+$/, `the redirect points at the suggestion: ${page.url()}`);
        s.suggestionId = anchor.slice('aenderung-'.length);
        const suggestion = page.locator(`main #aenderung-${s.suggestionId}`);
        assert.match(await textOf(suggestion), new RegExp(s.participant.displayName), 'the suggestion names its author');
        const inserted = suggestion.locator('ins').filter({ hasText: 'Vereine' });
        assert.ok((await inserted.count()) > 0, `the suggestion marks the added words with <ins>: ${await textOf(suggestion)}`);
        assert.equal(await suggestion.locator('del').count(), 0, 'nothing of the paragraph was removed');
        await checkA11y(page, `paragraph page after suggesting (${mode.name})`);
      }));

    test(`a participant submits and supports a proposal (${mode.name})`, { timeout: 120_000 }, (t) => {
      if (!s.participantState) return t.skip('no participant (an earlier step failed)');
      return withContext(`participation-proposal-${mode.tag}`, asParticipant(s, js), async (ctx) => {
        const page = await newPage(ctx);
        await visit(page, `${PROCESS}/vorschlaege`);
        await checkA11y(page, `proposal list, signed in (${mode.name})`);
        await follow(page, page.locator(`main a[href="${PROCESS}/vorschlaege/neu"]`).first());
        assert.equal(pathOf(page), `${PROCESS}/vorschlaege/neu`);
        await checkPageStructure(page, 'proposal form');
        await checkA11y(page, `proposal form (${mode.name})`);

        // Empty: 422, an error summary that names title, description and field of action.
        let res = await submitForm(page, 'Vorschlag einreichen', { allowStatus: [422] });
        assert.equal(res?.status(), 422, 'an empty proposal answers 422');
        let summary = await expectErrorSummary(page, mode);
        const targets = await summary.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        for (const id of ['#title', '#body', '#topic']) {
          assert.ok(targets.includes(id), `the error summary links to ${id}; it has ${targets.join(', ')}`);
        }
        await checkPageStructure(page, 'proposal form with errors');
        await checkA11y(page, `proposal form, empty submitted (${mode.name})`);

        // A title that is too short: the error is named, everything typed is kept.
        const body = `Schulen brauchen verlässliche Ansprechpartner für ihre Geräte und Lernplattformen (${run}).`;
        await page.locator('main input[name="title"]').fill('Zu kurz');
        await page.locator('#body').fill(body);
        await page.locator('main select[name="topic"]').selectOption('bildung');
        res = await submitForm(page, 'Vorschlag einreichen', { allowStatus: [422] });
        assert.equal(res?.status(), 422, 'a too short title answers 422');
        summary = await expectErrorSummary(page, mode);
        assert.match(await textOf(summary), /mindestens 10 Zeichen/);
        assert.equal(await page.locator('main input[name="title"]').inputValue(), 'Zu kurz', 'the title is kept');
        assert.equal(await page.locator('#body').inputValue(), body, 'the description is kept');
        assert.equal(await page.locator('main select[name="topic"]').inputValue(), 'bildung', 'the field of action is kept');
        assert.equal(await page.locator('main input[name="title"]').getAttribute('aria-invalid'), 'true');
        await checkA11y(page, `proposal form, short title (${mode.name})`);

        // Now complete: the proposal page.
        s.proposalTitle = `IT-Betreuung für jede Schule ${run}`;
        await page.locator('main input[name="title"]').fill(s.proposalTitle);
        const place = page.locator('main select[name="ags8"] option[value="14612000"]');
        const withPlace = (await place.count()) > 0;
        if (withPlace) await page.locator('main select[name="ags8"]').selectOption('14612000');
        await submitForm(page, 'Vorschlag einreichen');
        assert.match(pathOf(page), new RegExp(`^${PROCESS}/vorschlaege/\\d+$`), `after submitting: ${page.url()}`);
        s.proposalPath = pathOf(page);
        assert.match(await successFlash(page, 'proposal'), /Vorschlag ist eingereicht/);
        assert.equal(await textOf(page.locator('h1')), s.proposalTitle);
        const meta = await textOf(page.locator('main .meta-list'));
        assert.match(meta, /Bildung und digitale Kompetenzen/);
        assert.match(meta, /eingereicht/);
        if (withPlace) assert.match(meta, /Dresden/);
        await checkPageStructure(page, 'proposal page');
        await checkA11y(page, `new proposal (${mode.name})`);

        // Support it.
        await submitForm(page, 'Unterstützen');
        assert.equal(pathOf(page), s.proposalPath);
        assert.equal(await successFlash(page, 'support'), 'Sie unterstützen diesen Beitrag.');
        assert.equal(
          await page.locator('main').getByRole('button', { name: 'Unterstützung zurückziehen', exact: true }).count(),
          1,
          'the button now offers to withdraw the support',
        );
        assert.equal(await page.locator('main').getByRole('button', { name: 'Unterstützen', exact: true }).count(), 0);
        assert.match(await textOf(page.locator('main .meta-list')), /Unterstützungen\s*1\s*\//);
        await checkA11y(page, `proposal supported (${mode.name})`);
      });
    });

    test(`a participant reports someone else's comment (${mode.name})`, { timeout: 180_000 }, (t) => {
      if (!s.participantState) return t.skip('no participant (an earlier step failed)');
      return withContext(`participation-report-${mode.tag}`, asParticipant(s, js), async (ctx) => {
        const page = await newPage(ctx);
        // The demo proposals with the most comments first; the first comment that has a
        // "Melden" form (not one's own, not removed — the other JS mode may have hidden one).
        await visit(page, `${PROCESS}/vorschlaege?sortierung=kommentiert`);
        const hrefs = await page
          .locator('main .proposal-list .card__title a')
          .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        let comment = null;
        for (const href of hrefs.slice(0, 5)) {
          await visit(page, href);
          const reportable = page.locator('main li.comment').filter({ has: page.locator('details.report') });
          if ((await reportable.count()) > 0) {
            comment = reportable.first();
            s.reportedOn = href;
            break;
          }
        }
        assert.ok(comment, `no comment to report on the first proposals: ${hrefs.slice(0, 5).join(', ')}`);
        const commentId = (await comment.getAttribute('id')) || '';
        assert.match(commentId, /^kommentar-\d+$/);
        s.reportedCommentId = commentId.slice('kommentar-'.length);
        await checkA11y(page, `proposal page with comments (${mode.name})`);

        // Open "Melden", choose a reason, add a note, send.
        const details = comment.locator('details.report');
        await details.locator('summary').click();
        assert.equal(await details.evaluate((d) => d.open), true, '"Melden" opens');
        const form = details.locator('form');
        await form.locator('input[name="reason"][value="spam"]').check();
        await form.locator('textarea[name="note"]').fill(s.reportNote);
        await checkA11y(page, `report form open (${mode.name})`);
        await submitForm(page, form.getByRole('button', { name: 'Meldung senden', exact: true }));
        assert.equal(pathOf(page), s.reportedOn, `after reporting: ${page.url()}`);
        assert.match(await successFlash(page, 'report'), /Meldung ist bei der Moderation eingegangen/);
        assert.equal(hashOf(page), commentId, 'back at the reported comment');
        await checkA11y(page, `proposal page after reporting (${mode.name})`);
      });
    });

    test(`staff answer the proposal, adopt the suggestion and publish a new version (${mode.name})`, { timeout: 180_000 }, (t) => {
      if (!s.proposalPath || !s.suggestionId) return t.skip('no proposal or suggestion (an earlier step failed)');
      return withContext(`participation-staff-${mode.tag}`, js, async (ctx) => {
        const page = await newPage(ctx);
        await login(page, staff);
        assert.notEqual(pathOf(page), '/konto/anmelden', `the staff login failed: ${page.url()}`);

        // The statement on the participant's proposal.
        await visit(page, s.proposalPath);
        const answerForm = page.locator('main section[aria-labelledby="answer-heading"] form');
        assert.equal(await answerForm.count(), 1, 'staff see the form "Stellungnahme veröffentlichen"');
        await checkA11y(page, `proposal page for staff (${mode.name})`);
        await answerForm.locator('select[name="status"]').selectOption('accepted');
        await answerForm.locator('textarea[name="answer"]').fill(s.statement);
        await submitForm(page, answerForm.getByRole('button', { name: 'Stellungnahme veröffentlichen', exact: true }));
        assert.equal(pathOf(page), s.proposalPath, `after the statement: ${page.url()}`);
        assert.match(await successFlash(page, 'statement'), /Stellungnahme ist veröffentlicht/);
        const answers = page.locator('main section[aria-labelledby="answers-heading"]');
        assert.match(await textOf(answers), new RegExp(`angenommen.*${run}`), 'the statement is shown with its status');
        assert.match(await textOf(page.locator('main .meta-list')), /angenommen/, 'the proposal has the new status');
        await checkA11y(page, `proposal page with statement (${mode.name})`);

        // The decision on the participant's suggestion.
        await visit(page, s.paragraphPath);
        const suggestion = page.locator(`main #aenderung-${s.suggestionId}`);
        const decisionForm = suggestion.locator(`form[action$="/aenderungen/${s.suggestionId}/entscheidung"]`);
        assert.equal(await decisionForm.count(), 1, 'staff see the decision form at the suggestion');
        await checkA11y(page, `paragraph page for staff (${mode.name})`);
        await decisionForm.locator('select[name="decision"]').selectOption('adopted');
        await decisionForm.locator('textarea[name="decision_reason"]').fill(s.decisionReason);
        await submitForm(page, decisionForm.getByRole('button', { name: 'Entscheidung veröffentlichen', exact: true }));
        assert.equal(pathOf(page), s.paragraphPath, `after the decision: ${page.url()}`);
        assert.match(await successFlash(page, 'decision'), /Entscheidung ist veröffentlicht/);
        const decided = await textOf(page.locator(`main #aenderung-${s.suggestionId}`));
        assert.match(decided, /übernommen/, 'the suggestion is marked adopted');
        assert.ok(decided.includes(s.decisionReason), 'the reason of the decision is shown');
        assert.equal(await page.locator(`main #aenderung-${s.suggestionId} form[action$="/entscheidung"]`).count(), 0);
        await checkA11y(page, `paragraph page after the decision (${mode.name})`);

        // A new version with the suggested wording, taking in the suggestion.
        await visit(page, `${PROCESS}/fassungen/neu`);
        await checkPageStructure(page, 'new version form');
        await checkA11y(page, `new version form (${mode.name})`);
        const versionTitle = `Überarbeitete Fassung ${run}`;
        await page.locator('main input[name="title"]').fill(versionTitle);
        const markdown = page.locator('main textarea[name="markdown"]');
        const text = await markdown.inputValue();
        assert.ok(text.includes(s.originalText), 'the prefilled Markdown contains the paragraph as it was');
        await markdown.fill(text.replace(s.originalText, s.suggestedText));
        const adopt = page.locator(`main input[type="checkbox"][name="adopt"][value="${s.suggestionId}"]`);
        assert.equal(await adopt.count(), 1, 'the adopted suggestion can be ticked');
        await adopt.check();
        await submitForm(page, 'Fassung veröffentlichen');
        assert.equal(pathOf(page), `${PROCESS}/fassungen`, `after publishing: ${page.url()}`);
        assert.match(await successFlash(page, 'version'), /neue Fassung ist veröffentlicht/);
        const versionRow = page.locator('main table tbody tr').filter({ hasText: versionTitle });
        assert.equal(await versionRow.count(), 1, 'the version list has the new version');
        s.versionNumber = Number(await textOf(versionRow.locator('td').first()));
        assert.ok(s.versionNumber >= 2, `the new version has a number after the first: ${s.versionNumber}`);
        const inserted = page.locator('main .diff ins').filter({ hasText: 'Vereine' });
        assert.ok((await inserted.count()) > 0, 'the comparison marks the adopted words with <ins>');
        assert.equal(
          await page.locator(`main a[href$="#aenderung-${s.suggestionId}"]`).count(),
          1,
          'the comparison lists the adopted suggestion',
        );
        await checkPageStructure(page, 'versions');
        await checkA11y(page, `version comparison (${mode.name})`);

        // The text now reads the new wording (signed in: no page cache).
        await visit(page, `${PROCESS}/text`);
        assert.match(await textOf(page.locator('main')), new RegExp(versionTitle));
        assert.ok(
          (await page.locator('main .paragraph').filter({ hasText: s.suggestedText.slice(-60) }).count()) > 0,
          'the text shows the adopted wording',
        );
      });
    });

    test(`a moderator hides the reported comment (${mode.name})`, { timeout: 120_000 }, (t) => {
      if (!s.reportedCommentId) return t.skip('nothing reported (an earlier step failed)');
      return withContext(`participation-moderation-${mode.tag}`, { ...js, storageState: adminState }, async (ctx) => {
        const page = await newPage(ctx);
        await visit(page, PROCESS);
        await follow(page, page.locator(`main a[href="${PROCESS}/moderation"]`).first());
        assert.equal(pathOf(page), `${PROCESS}/moderation`);
        await checkPageStructure(page, 'moderation queue');
        await checkA11y(page, `moderation queue (${mode.name})`);

        const row = page.locator(`main tr#meldung-comment-${s.reportedCommentId}`);
        assert.equal(await row.count(), 1, `the queue lists the reported comment ${s.reportedCommentId}`);
        const rowText = await textOf(row);
        assert.match(rowText, /Spam oder Werbung: 1/, 'the report reason is shown');
        assert.ok(rowText.includes(s.reportNote), 'the reporter\'s note is shown');
        assert.match(rowText, /sichtbar/);

        await submitForm(page, row.getByRole('button', { name: `Ausblenden – Kommentar ${s.reportedCommentId}`, exact: true }));
        assert.equal(pathOf(page), `${PROCESS}/moderation`, `after hiding: ${page.url()}`);
        assert.match(await successFlash(page, 'hide'), /Beitrag ist ausgeblendet/);
        const after = page.locator(`main tr#meldung-comment-${s.reportedCommentId}`);
        if ((await after.count()) > 0) assert.match(await textOf(after), /ausgeblendet/);
        await checkA11y(page, `moderation queue after hiding (${mode.name})`);

        // The log records it; the discussion shows the comment as removed.
        await follow(page, page.locator(`main a[href="${PROCESS}/moderation/protokoll"]`).first());
        const logRow = page.locator('main tbody tr').filter({ hasText: `Kommentar ${s.reportedCommentId}` });
        assert.ok((await logRow.count()) > 0, 'the moderation log names the comment');
        assert.match(await textOf(logRow), /ausgeblendet/);
        await checkA11y(page, `moderation log (${mode.name})`);

        await visit(page, s.reportedOn);
        const removed = page.locator(`main #kommentar-${s.reportedCommentId}`);
        assert.equal(await textOf(removed), 'Dieser Beitrag wurde entfernt.');
      });
    });

    test(`the participant sees what became of the contributions (${mode.name})`, { timeout: 120_000 }, (t) => {
      if (!s.participantState || !s.proposalPath || !s.suggestionId) return t.skip('no contributions (an earlier step failed)');
      return withContext(`participation-mine-${mode.tag}`, asParticipant(s, js), async (ctx) => {
        const page = await newPage(ctx);
        await visit(page, PROCESS);
        await follow(page, page.locator(`main a[href="${PROCESS}/meine-beitraege"]`).first());
        assert.equal(pathOf(page), `${PROCESS}/meine-beitraege`);
        await checkPageStructure(page, 'my contributions');
        await checkA11y(page, `my contributions (${mode.name})`);

        const proposal = page.locator('main li.card').filter({ has: page.locator(`a[href="${s.proposalPath}"]`) });
        assert.equal(await proposal.count(), 1, 'the proposal is listed');
        const proposalText = await textOf(proposal);
        assert.ok(proposalText.includes(s.proposalTitle), 'with its title');
        assert.ok(proposalText.includes(s.statement), `with the statement; got: ${proposalText}`);
        assert.match(proposalText, /angenommen/);

        const suggestion = page.locator('main li.card').filter({ has: page.locator(`a[href$="#aenderung-${s.suggestionId}"]`) });
        assert.equal(await suggestion.count(), 1, 'the suggestion is listed');
        const suggestionText = await textOf(suggestion);
        assert.match(suggestionText, /übernommen/);
        const adoptedIn = s.versionNumber ? String(s.versionNumber) : '\\d+';
        assert.match(
          suggestionText,
          new RegExp(`Übernommen in Fassung ${adoptedIn}\\b`),
          `the suggestion says in which version it was adopted; got: ${suggestionText}`,
        );

        assert.match(await textOf(page.locator('main')), /1 Kommentar\b/, 'the one paragraph comment is counted');
      });
    });
  }
});
