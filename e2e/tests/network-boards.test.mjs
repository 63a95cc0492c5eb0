// KI-Netzwerk exchange boards, with JavaScript on and off: the demo participant opens a board,
// starts a thread (a first try without a title shows the error summary and keeps the text),
// replies to it and follows it again after unfollowing (authors follow their threads from the
// start). The moderator opens the moderation queue. axe runs on every page.
//
// The journey may run more than once against the same demo data: each run starts a thread with
// its own title.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { login } from '../lib/account.mjs';
import { checkA11y } from '../lib/axe.mjs';
import { JS_MODES, closeBrowser, newPage, visit, withContext } from '../lib/browser.mjs';
import { expectErrorSummary, submitForm, textOf } from '../lib/forms.mjs';

after(closeBrowser);

const BUERGER = { email: 'buerger@demo.dias.example', password: 'Demo-Passwort-2026' };
const MODERATION = { email: 'moderation@demo.dias.example', password: 'Demo-Passwort-2026' };
const BOARD = 'KI in der Produktion';

async function follow(page, link) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), link.click()]);
}

for (const js of JS_MODES) {
  describe(`network boards (${js.name})`, () => {
    test('the demo participant starts a thread, replies and follows it', async () => {
      await withContext(`network boards ${js.tag}`, js, async (context) => {
        const page = await newPage(context);
        await login(page, BUERGER);

        await visit(page, '/netzwerk/austausch');
        await checkA11y(page, `boards (${js.name})`);
        await follow(page, page.locator('main .board-list a', { hasText: BOARD }).first());
        assert.equal(new URL(page.url()).pathname, '/netzwerk/austausch/ki-in-der-produktion');
        assert.equal(await textOf(page.locator('main h1')), BOARD);
        assert.ok(await page.locator('main .thread-list tbody tr').count() >= 3, 'the demo board has threads');
        await checkA11y(page, `board (${js.name})`);

        await follow(page, page.locator('main a[href$="/neu"]').first());
        await checkA11y(page, `thread form (${js.name})`);
        const body = 'Wir prüfen Schweißnähte mit Kameras. Welche Beleuchtung hat sich bei Ihnen bewährt?';
        await page.locator('main #body').fill(body);
        await submitForm(page, page.locator('main form[action$="/neu"] button[type="submit"]'), { allowStatus: [422] });
        await expectErrorSummary(page, js);
        assert.equal(await page.locator('main #body').inputValue(), body, 'the text is kept');
        await checkA11y(page, `thread form with errors (${js.name})`);

        const title = `Beleuchtung für die Nahtprüfung ${Date.now()} ${js.tag}`;
        await page.locator('main #title').fill(title);
        await submitForm(page, page.locator('main form[action$="/neu"] button[type="submit"]'));
        assert.match(new URL(page.url()).pathname, /^\/netzwerk\/austausch\/themen\/\d+$/);
        assert.equal(await textOf(page.locator('main h1')), title);
        assert.match(await textOf(page.locator('.flash--success')), /Thema ist eröffnet/);
        await checkA11y(page, `thread (${js.name})`);

        const reply = `Diffuses Kuppellicht hat bei uns die Fehlalarme halbiert (${js.tag}).`;
        await page.locator('#antwort-formular textarea[name="body"]').fill(reply);
        await submitForm(page, page.locator('#antwort-formular button[type="submit"]'));
        assert.match(await textOf(page.locator('.flash--success')), /Antwort ist veröffentlicht/);
        assert.match(await textOf(page.locator('main .replies')), /Kuppellicht/);
        await checkA11y(page, `thread with reply (${js.name})`);

        // Authors follow their thread from the start; unfollow, then follow again.
        const toggle = () => page.locator('main form[action$="/folgen"] button');
        assert.match(await textOf(toggle()), /nicht mehr folgen/);
        await submitForm(page, toggle());
        assert.match(await textOf(page.locator('.flash--success')), /folgen nicht mehr/);
        assert.match(await textOf(toggle()), /^Thema folgen/);
        await submitForm(page, toggle());
        assert.match(await textOf(page.locator('.flash--success')), /Sie folgen jetzt/);
        assert.match(await textOf(toggle()), /nicht mehr folgen/);
        await checkA11y(page, `followed thread (${js.name})`);
      });
    });

    test('the moderator opens the moderation queue', async () => {
      await withContext(`network boards moderation ${js.tag}`, js, async (context) => {
        const page = await newPage(context);
        await login(page, MODERATION);
        await visit(page, '/netzwerk/austausch/moderation');
        assert.match(await textOf(page.locator('main h1')), /Moderation/);
        await checkA11y(page, `board moderation (${js.name})`);
      });
    });
  });
}
