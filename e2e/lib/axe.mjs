// axe-core (WCAG 2.0/2.1 A + AA) on the current page; fails with a readable list.
import { AxeBuilder } from '@axe-core/playwright';
import assert from 'node:assert/strict';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Formats axe violations: one block per rule with impact, help, URL and the offending nodes. */
export function formatViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 10)
        .map((n) => {
          const target = n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(', ');
          const summary = (n.failureSummary || '').replace(/\s+/g, ' ').trim();
          return `      - ${target}${summary ? `\n        ${summary}` : ''}`;
        })
        .join('\n');
      const more = v.nodes.length > 10 ? `\n      … and ${v.nodes.length - 10} more` : '';
      return `  * ${v.id} [${v.impact ?? 'n/a'}] ${v.help}\n    ${v.helpUrl}\n${nodes}${more}`;
    })
    .join('\n');
}

/**
 * Runs axe with AXE_TAGS on `page`; throws an AssertionError listing every violation.
 *
 * With JavaScript disabled, Chromium closes the page as soon as an evaluated script awaits a
 * promise, and axe is asynchronous. So a page of a JS-off context is checked as a snapshot:
 * its DOM (the server's HTML as parsed without scripting, `<noscript>` content included) is
 * served at the same URL to a throwaway JS-on context with the same cookies, minus every
 * `<script>`, and axe runs there. Styles, images and fonts still come from the server.
 */
export async function checkA11y(page, label = page.url()) {
  const results = (await scriptingDisabled(page))
    ? await analyzeSnapshot(page)
    : await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const { violations } = results;
  if (violations.length) {
    assert.fail(
      `axe: ${violations.length} accessibility violation(s) on ${label} (${page.url()}):\n${formatViolations(violations)}`,
    );
  }
  return results;
}

/** True when scripts do not run in `page` (a synchronous evaluate is safe in either mode). */
async function scriptingDisabled(page) {
  // <noscript> content is parsed as elements only when scripting is disabled.
  return page.evaluate(() => {
    const probe = document.createElement('div');
    probe.innerHTML = '<noscript><span></span></noscript>';
    return probe.querySelector('noscript span') !== null;
  });
}

/** The DOM of a JS-off page as HTML that renders the same in a scripting browser. */
export function noScriptSnapshot(html) {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<\/?noscript\b[^>]*>/gi, '');
}

async function analyzeSnapshot(page) {
  const url = page.url();
  const html = noScriptSnapshot(await page.content());
  const browser = page.context().browser();
  const viewport = page.viewportSize();
  const checker = await browser.newContext({
    javaScriptEnabled: true,
    storageState: await page.context().storageState(),
    locale: 'de-DE',
    ...(viewport ? { viewport } : {}),
  });
  try {
    const target = new URL(url);
    target.hash = '';
    await checker.route(
      (u) => u.origin !== target.origin && !['data:', 'blob:', 'about:'].includes(u.protocol),
      (route) => route.abort('blockedbyclient'),
    );
    let served = false;
    await checker.route(
      (u) => !served && u.href.split('#')[0] === target.href,
      async (route) => {
        served = true;
        await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      },
    );
    const snap = await checker.newPage();
    await snap.goto(target.href, { waitUntil: 'load' });
    return await new AxeBuilder({ page: snap }).withTags(AXE_TAGS).analyze();
  } finally {
    await checker.close().catch(() => {});
  }
}
