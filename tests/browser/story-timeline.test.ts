import { describe, expect, it } from 'vitest';
import { collectPageErrors, screenshot } from '~/tests/helpers/browser';
import { signInPage } from '~/tests/helpers/session';
import { appInBrowser } from '~/tests/helpers/app-browser';

const app = appInBrowser();

describe('a story’s timeline', () => {
  it('shows who said what about the reference story, day by day, denial included', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1360, height: 900 } });
    const errors = collectPageErrors(page);
    await signInPage(page, app.server.baseUrl, 'editor');
    await page.goto(`${app.server.baseUrl}/stories`);
    await page.getByRole('link', { name: /Fall of Damascus/ }).first().click();
    await page.waitForURL(/\/stories\/\d+/);
    await page.getByRole('tab', { name: 'Timeline' }).click();
    const firstDay = page.getByRole('region').filter({ has: page.getByRole('heading', { level: 2 }) }).first();
    await firstDay.waitFor();
    await page.getByText('Syrian government', { exact: false }).first().waitFor();
    expect(await page.getByText('Denies', { exact: true }).count()).toBeGreaterThan(0);
    await screenshot(page, 'story-timeline');
    expect(errors).toEqual([]);
    await page.close();
  });
});
