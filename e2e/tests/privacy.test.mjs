// DSGVO: an anonymous visitor gets no cookie and causes no request to another origin on any
// public page (pages.txt), with JavaScript on and off.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { BASE_ORIGIN, JS_MODES, closeBrowser, guardOf, newPage, visit, withContext } from '../lib/browser.mjs';
import { readPageList } from '../lib/pages.mjs';

after(closeBrowser);

const PUBLIC = readPageList('pages.txt');

describe('privacy of anonymous visitors', () => {
  for (const mode of JS_MODES) {
    test(`no cookies, no third-party requests on any public page (${mode.name})`, { timeout: 180_000 }, () =>
      withContext(`privacy-${mode.tag}`, { javaScriptEnabled: mode.javaScriptEnabled }, async (ctx) => {
        const page = await newPage(ctx);
        for (const p of PUBLIC) {
          await visit(page, p.path, { status: p.status });
          // Give late scripts (JS on) a moment to set cookies or fetch something.
          await page.waitForLoadState('networkidle').catch(() => {});
          const cookies = await ctx.cookies();
          assert.deepEqual(
            cookies.map((c) => `${c.name} (${c.domain}${c.path})`),
            [],
            `visiting ${p.path} anonymously set cookie(s)`,
          );
          const foreign = guardOf(ctx).foreign;
          assert.deepEqual(foreign, [], `visiting ${p.path} caused request(s) to origins other than ${BASE_ORIGIN}`);
        }
        // Every request seen went to the portal itself.
        const requests = guardOf(ctx).requests;
        assert.ok(requests.length >= PUBLIC.length, 'requests were recorded');
        const others = requests.filter((r) => {
          const url = r.slice(r.indexOf(' ') + 1);
          return !url.startsWith(`${BASE_ORIGIN}/`) && !/^(data|blob|about):/.test(url);
        });
        assert.deepEqual(others, [], 'requests to other origins');
      }));
  }
});
