// Submitting forms the way a person does, with or without JavaScript.
import assert from 'node:assert/strict';
import { allowErrorDocument } from './browser.mjs';

/** The submit button named `name` (exact accessible name) inside <main>. */
export function mainButton(page, name) {
  return page.locator('main').getByRole('button', { name, exact: true });
}

/**
 * Clicks `button` (a locator, or the accessible name of a button in <main>) and waits for the
 * page it leads to. Returns the final document response (after redirects). A 4xx answer
 * (e.g. a 422 re-render) is allowed when listed in `allowStatus`.
 */
export async function submitForm(page, button, { allowStatus = [] } = {}) {
  const locator = typeof button === 'string' ? mainButton(page, button) : button;
  if (allowStatus.length) {
    // The form's own URL is where the re-rendered page comes from.
    const action = await locator.evaluate((b) => (b.form ? b.form.action : location.href));
    allowErrorDocument(page.context(), action);
  }
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), locator.click()]);
  const status = response ? response.status() : 200;
  if (status >= 400 && !allowStatus.includes(status)) {
    assert.fail(`submitting "${typeof button === 'string' ? button : 'form'}" on ${page.url()} answered HTTP ${status}`);
  }
  return response;
}

/**
 * The failed-submit state: an `.error-summary` is shown, and with JavaScript on it holds the
 * focus (so screen readers announce it).
 */
export async function expectErrorSummary(page, { javaScriptEnabled }) {
  const summary = page.locator('.error-summary');
  await summary.first().waitFor({ state: 'visible' });
  assert.equal(await summary.count(), 1, 'exactly one .error-summary expected');
  if (javaScriptEnabled) {
    await page
      .waitForFunction(() => !!document.activeElement?.closest('.error-summary'), null, { timeout: 5_000 })
      .catch(async () => {
        const active = await page.evaluate(() => {
          const el = document.activeElement;
          if (!el) return null;
          const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
          return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls}>`;
        });
        assert.fail(`.error-summary does not have the focus; focused: ${active}`);
      });
  }
  return summary;
}

/** Text of the element(s), whitespace collapsed. */
export async function textOf(locator) {
  return ((await locator.first().innerText()) || '').replace(/\s+/g, ' ').trim();
}
