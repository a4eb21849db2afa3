import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchBrowser, screenshot } from '~/tests/helpers/browser';
import { startServer, type TestServer } from '~/tests/helpers/server';
import { signInPage } from '~/tests/helpers/session';

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a story’s timeline', () => {
  it('shows who said what about the reference story, day by day, denial included', async () => {
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    const errors = collectPageErrors(page);
    await signInPage(page, server.baseUrl, 'editor');
    await page.goto(`${server.baseUrl}/stories`);
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
