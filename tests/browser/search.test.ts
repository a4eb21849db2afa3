import { describe, expect, it } from 'vitest';
import { collectPageErrors, screenshot } from '~/tests/helpers/browser';
import { signInPage } from '~/tests/helpers/session';
import { appInBrowser } from '~/tests/helpers/app-browser';

const app = appInBrowser();

const DEPARTURE = 'Bashar al-Assad has left Syria.';

describe('the one search box', () => {
  it('finds the departure claim by a reworded search and opens it with the keyboard', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1360, height: 900 } });
    const errors = collectPageErrors(page);
    await signInPage(page, app.server.baseUrl, 'checker');

    // "/" jumps to the search box from anywhere; the words are reordered, shortened and partial.
    await page.locator('main').click();
    await page.keyboard.press('/');
    const box = page.getByRole('textbox', { name: 'Search claims, sources, documents and quotes' });
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('left syria assa', { delay: 40 });

    const listbox = page.getByRole('listbox');
    const first = listbox.getByRole('option', { name: DEPARTURE });
    await first.waitFor();
    // Matches are marked, as text (never HTML).
    expect(await first.locator('mark').allTextContents()).toEqual(['Assad', 'left', 'Syria']);
    expect(await listbox.getByRole('group').count()).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'search');

    // Arrows move, Escape closes, Enter opens the selected result.
    await page.keyboard.press('Escape');
    await listbox.waitFor({ state: 'hidden' });
    await page.keyboard.type(' ');
    await first.waitFor();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => first.getAttribute('data-combobox-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/claims\/\d+$/);
    await page.getByRole('heading', { level: 1, name: DEPARTURE }).waitFor();

    // Results grouped by kind (claims, sources, documents, quotes).
    await page.keyboard.press('/');
    await page.keyboard.type('opposition');
    await listbox.waitFor();
    await expect.poll(() => listbox.getByRole('group').count()).toBeGreaterThanOrEqual(3);
    await screenshot(page, 'search-groups');

    // Enter with nothing selected opens the full search page, its state in the URL.
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=opposition$/);
    await page.getByRole('region', { name: 'Claims' }).getByRole('link', { name: /Opposition forces entered Damascus/ }).waitFor();
    await page.getByRole('combobox', { name: 'Kind' }).click();
    await page.getByRole('option', { name: 'Sources' }).click();
    await page.waitForURL(/kind=source/);
    await page.getByRole('region', { name: 'Sources' }).waitFor();
    expect(await page.getByRole('region', { name: 'Claims' }).count()).toBe(0);
    await screenshot(page, 'search-page');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('suggests the existing claim while a checker types a reworded one', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1360, height: 900 } });
    const errors = collectPageErrors(page);
    await signInPage(page, app.server.baseUrl, 'checker');
    await page.goto(`${app.server.baseUrl}/claims/new`, { waitUntil: 'networkidle' });
    await page.getByRole('textbox', { name: 'Claim', exact: true }).fill('Assad has fled Syria');
    const similar = page.getByRole('region', { name: 'Similar claims already logged' });
    await similar.getByText(DEPARTURE).waitFor();
    await screenshot(page, 'claim-similar');
    await similar.getByRole('link', { name: 'Add evidence to this claim instead' }).first().click();
    await page.waitForURL(/\/claims\/\d+$/);
    await page.getByRole('heading', { level: 1, name: DEPARTURE }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
