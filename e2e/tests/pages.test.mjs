// Every page in pages.txt (anonymous) and pages-admin.txt (signed-in admin), with JavaScript
// on and off: axe-clean, one <h1>, <html lang="de">, a skip link to #inhalt as the first
// focusable element. And the forms' error states.
//
// DSGVO, checked on the same visits: an anonymous visitor gets no cookie on any public page,
// and no page requests anything from another origin (the context's guard records and blocks
// such requests; `withContext` fails on any).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { field, freshUser, loginForm } from '../lib/account.mjs';
import { loginAsAdmin } from '../lib/admin.mjs';
import { a11yLedger, checkA11y } from '../lib/axe.mjs';
import { JS_MODES, assertNoProblems, closeBrowser, newContext, newPage, visit, withContext } from '../lib/browser.mjs';
import { expectErrorSummary, submitForm } from '../lib/forms.mjs';
import { checkPageStructure, readPageList } from '../lib/pages.mjs';

after(closeBrowser);

// The DOMs that passed axe with JS on (see lib/axe.mjs a11yLedger): a JS-off visit whose
// snapshot is exactly such a DOM (same URL, viewport and cookies) is not run through axe again.
// The JS-on tests of a describe run before its JS-off tests, so the ledger is filled by then; a
// page whose JS-on DOM differs (copy buttons revealed, <noscript>, a focused error summary, htmx
// polling, …) or that was not checked with JS on in this run is checked with JS off in full.
const ledger = a11yLedger();

/**
 * Structure and axe for one visited page, in both states a visitor sees on arrival: nothing
 * focused, and after the first Tab (the skip link shown at the top, over the header).
 *
 * JS on: axe on the whole page before the first Tab, then, with the skip link focused, axe on
 * the skip link. The stylesheet changes nothing else on that focus (no :focus-within, no
 * :has()), so on the rest of the page the focused state differs from the unfocused one only in
 * what the shown skip link covers, which axe can then no longer see, not in what it can fail.
 * JS off: the structure checks (first Tab included) on the page itself, axe on its snapshot
 * with nothing focused, unless the ledger shows that very DOM was already found clean.
 */
async function checkPage(page, label, mode) {
  if (mode.javaScriptEnabled) {
    await checkA11y(page, `${label} (${mode.name})`, { ledger });
    await checkPageStructure(page, label);
    const focused = await page.evaluate(() => document.activeElement?.matches('a.skip-link[href="#inhalt"]') ?? false);
    if (focused) await checkA11y(page, `${label} (${mode.name}, skip link focused)`, { include: ['a.skip-link'] });
  } else {
    await checkPageStructure(page, label);
    const r = await checkA11y(page, `${label} (${mode.name})`, { ledger });
    if (r.reusedFrom) reused += 1;
  }
}
let reused = 0;
after(() => console.log(`pages: axe with JS off reused the JS-on result for ${reused} page(s)`));

const PUBLIC = readPageList('pages.txt');
const ADMIN_PAGES = readPageList('pages-admin.txt');
// Two pages at a time: each check waits on the server and on axe in turn, so two overlap well
// on CI's two cores (every check has its own browser context).
const PARALLEL = { concurrency: 2 };

for (const mode of JS_MODES) {
  describe(`public pages, ${mode.name}`, PARALLEL, () => {
    for (const p of PUBLIC) {
      test(`${p.path} (HTTP ${p.status})`, { timeout: 90_000 }, () =>
        withContext(`pages-${mode.tag}-${p.path}`, { javaScriptEnabled: mode.javaScriptEnabled }, async (ctx) => {
          const page = await newPage(ctx);
          await visit(page, p.path, { status: p.status });
          await checkPage(page, p.path, mode);
          // Checked after axe, so that late scripts (JS on) have had their chance.
          const cookies = await ctx.cookies();
          assert.deepEqual(
            cookies.map((c) => `${c.name} (${c.domain}${c.path})`),
            [],
            `visiting ${p.path} anonymously set cookie(s)`,
          );
        }));
    }
  });
}

describe('admin pages', PARALLEL, () => {
  let adminCtx;
  let storageState;
  before(async () => {
    adminCtx = await newContext({ javaScriptEnabled: true });
    await loginAsAdmin(adminCtx);
    storageState = await adminCtx.storageState();
  });
  after(async () => {
    if (adminCtx) {
      assertNoProblems(adminCtx, 'admin login');
      await adminCtx.close();
    }
  });

  for (const mode of JS_MODES) {
    for (const p of ADMIN_PAGES) {
      test(`${p.path} (${mode.name})`, { timeout: 90_000 }, () =>
        withContext(`admin-pages-${mode.tag}-${p.path}`, { javaScriptEnabled: mode.javaScriptEnabled, storageState }, async (ctx) => {
          const page = await newPage(ctx);
          await visit(page, p.path, { status: p.status });
          assert.equal(new URL(page.url()).pathname, new URL(p.path, page.url()).pathname, `${p.path}: redirected to ${page.url()}`);
          await checkPage(page, p.path, mode);
        }));
    }
  }
});

describe('form error states', () => {
  for (const mode of JS_MODES) {
    test(`empty login form (${mode.name})`, { timeout: 90_000 }, () =>
      withContext(`error-login-${mode.tag}`, { javaScriptEnabled: mode.javaScriptEnabled }, async (ctx) => {
        const page = await newPage(ctx);
        await visit(page, '/konto/anmelden');
        const res = await submitForm(page, loginForm(page).locator('button[type="submit"]'), { allowStatus: [422] });
        assert.equal(res?.status(), 422, 'an empty login form is answered with 422');
        await expectErrorSummary(page, mode);
        await checkPageStructure(page, 'login error state');
        await checkA11y(page, `login error state (${mode.name})`);
      }));

    test(`registration with a short, mismatching password (${mode.name})`, { timeout: 90_000 }, () =>
      withContext(`error-register-${mode.tag}`, { javaScriptEnabled: mode.javaScriptEnabled }, async (ctx) => {
        const page = await newPage(ctx);
        const user = freshUser(`err-${mode.tag}`);
        await visit(page, '/konto/registrieren');
        await field(page, 'email').fill(user.email);
        await field(page, 'display_name').fill(user.displayName);
        await field(page, 'password').fill('kurz');
        await field(page, 'password_confirm').fill('anders');
        await field(page, 'accept_privacy').check();
        const res = await submitForm(page, 'Registrieren', { allowStatus: [422] });
        assert.equal(res?.status(), 422, 'an invalid registration is answered with 422');
        await expectErrorSummary(page, mode);
        assert.equal(await field(page, 'email').inputValue(), user.email, 'the entered e-mail is kept');
        await checkPageStructure(page, 'registration error state');
        await checkA11y(page, `registration error state (${mode.name})`);
      }));
  }
});
