// The page lists (pages.txt, pages-admin.txt) and the structural checks every page must pass.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const E2E_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** [{ path, status }] from a list file: one path per line, `#` comments, optional status. */
export function readPageList(file) {
  const text = readFileSync(path.join(E2E_DIR, file), 'utf8');
  const pages = [];
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const [p, status, ...rest] = line.split(/\s+/);
    if (!p.startsWith('/') || rest.length || (status && !/^\d{3}$/.test(status))) {
      throw new Error(`${file}:${i + 1}: expected "<path> [status]", got ${JSON.stringify(raw)}`);
    }
    pages.push({ path: p, status: status ? Number(status) : 200 });
  }
  if (!pages.length) throw new Error(`${file} lists no page`);
  return pages;
}

/** The structural checks every page must pass. */
export async function checkPageStructure(page, label, { lang = 'de' } = {}) {
  assert.equal(await page.locator('html').getAttribute('lang'), lang, `${label}: <html lang>`);
  assert.equal(await page.locator('h1').count(), 1, `${label}: exactly one <h1>`);

  // The first element in sequential focus order (a synchronous evaluate, safe with JS off).
  const first = await page.evaluate(() => {
    const candidates = document.querySelectorAll(
      'a[href], area[href], button, input:not([type="hidden"]), select, textarea, iframe, summary, [tabindex], [contenteditable=""], [contenteditable="true"]',
    );
    const focusable = [...candidates].filter((el) => {
      if (el.disabled || el.tabIndex < 0 || el.closest('[inert]')) return false;
      return typeof el.checkVisibility === 'function' ? el.checkVisibility({ visibilityProperty: true }) : true;
    });
    // Positive tabindex first (in order), then document order.
    const positive = focusable.filter((el) => el.tabIndex > 0).sort((a, b) => a.tabIndex - b.tabIndex);
    const el = positive[0] || focusable.find((e) => e.tabIndex === 0);
    return el
      ? { tag: el.tagName.toLowerCase(), href: el.getAttribute('href'), html: el.outerHTML.slice(0, 160) }
      : null;
  });
  assert.ok(first, `${label}: no focusable element at all`);
  assert.ok(
    first.tag === 'a' && first.href === '#inhalt',
    `${label}: the first focusable element must be the skip link to #inhalt, is ${first.html}`,
  );
  assert.equal(await page.locator('#inhalt').count(), 1, `${label}: the skip link's target #inhalt is missing`);

  // And with the keyboard: the first Tab from a fresh page reaches it (unless a field has autofocus).
  const nothingFocused = await page.evaluate(() => document.activeElement === document.body || !document.activeElement);
  if (nothingFocused) {
    await page.keyboard.press('Tab');
    const href = await page.evaluate(() => document.activeElement?.getAttribute('href') ?? null);
    assert.equal(href, '#inhalt', `${label}: the first Tab should focus the skip link`);
  }
}
