import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { collectPageErrors, screenshot } from '~/tests/helpers/browser';
import { signInPage } from '~/tests/helpers/session';
import { appInBrowser } from '~/tests/helpers/app-browser';

const app = appInBrowser();

async function pickOption(page: Page, label: string, typed: string, option: string | RegExp) {
  const input = page.getByRole('textbox', { name: label, exact: true });
  await input.click();
  await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

async function logClaim(page: Page, text: string): Promise<string> {
  await page.goto(`${app.server.baseUrl}/claims/new`, { waitUntil: 'networkidle' });
  await page.getByRole('textbox', { name: 'Claim', exact: true }).fill(text);
  // Enter submits the form from the claim text.
  await page.getByRole('textbox', { name: 'Claim', exact: true }).press('Enter');
  await page.waitForURL(/\/claims\/\d+$/);
  await page.getByRole('heading', { level: 1, name: text }).waitFor();
  return page.url();
}

describe('the reference story, done through the UI', () => {
  it('logs a claim, attributes it to SOHR via agencies, links the government denial, and shows both sides', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1360, height: 900 } });
    const errors = collectPageErrors(page);
    await signInPage(page, app.server.baseUrl, 'checker');

    // 1. Log the claim.
    const departureUrl = await logClaim(page, 'President Assad flew out of Damascus on 8 December 2024.');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('President Assad flew out of Damascus on 8 December 2024.');

    // 2. Attribute it: SOHR's head (found by alias), a verbatim quote, the article, relayed via agencies.
    await page.getByRole('button', { name: 'Add attribution' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add attribution' });
    await pickOption(page, 'Source', 'Rami', /Rami Abdurrahman/);
    await dialog.getByRole('textbox', { name: 'Verbatim quote' }).fill('has reportedly left the country for an undisclosed destination');
    await pickOption(page, 'Relayed via', 'agencies', /News agencies/);
    const docInput = page.getByRole('textbox', { name: 'Document', exact: true });
    await docInput.click();
    await docInput.fill('https://news.example.org/2024/12/08/assad-flight');
    await page.getByRole('option', { name: /Log a new document/ }).click();
    await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill('Assad flies out as rebels enter the capital');
    await screenshot(page, 'attribution-form');
    await dialog.getByRole('button', { name: 'Add attribution' }).click();
    await dialog.waitFor({ state: 'detached' });

    const asserts = page.getByRole('region', { name: /Asserts \(1\)/ });
    await asserts.waitFor();
    const assertsText = await asserts.textContent();
    expect(assertsText).toContain('Rami Abdurrahman');
    expect(assertsText).toContain('Syrian Observatory for Human Rights');
    expect(assertsText).toContain('has reportedly left the country for an undisclosed destination');
    expect(assertsText).toContain('via News agencies (unnamed)');
    expect(assertsText).toContain('Assad flies out as rebels enter the capital');
    await screenshot(page, 'claim-page');

    // 3. The government's denial, as its own claim, linked as contradicting.
    const denialUrl = await logClaim(page, 'The Syrian government says Assad has not left Damascus.');
    await page.getByRole('button', { name: 'Link a claim' }).first().click();
    const linkDialog = page.getByRole('dialog', { name: 'Link a claim' });
    await pickOption(page, '…that claim', 'flew out of Damascus', /President Assad flew out of Damascus/);
    await linkDialog.getByRole('button', { name: 'Link claims' }).click();
    await linkDialog.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: /Linked claims \(1\)/ }).waitFor();
    expect(await page.getByRole('tabpanel').textContent()).toContain('President Assad flew out of Damascus on 8 December 2024.');
    await page.getByRole('button', { name: /Edit the note of the link/ }).click();
    const noteDialog = page.getByRole('dialog', { name: 'Edit link note' });
    await noteDialog.getByRole('textbox', { name: 'Note' }).fill('The official denial against the monitor’s report.');
    await noteDialog.getByRole('button', { name: 'Save note' }).click();
    await noteDialog.waitFor({ state: 'detached' });
    await page.getByText('The official denial against the monitor’s report.').waitFor();

    // 4. And the other way round, on the departure claim's page.
    await page.goto(departureUrl);
    await page.getByRole('tab', { name: /Linked claims \(1\)/ }).click();
    const panel = await page.getByRole('tabpanel').textContent();
    expect(panel).toContain('Contradicts');
    expect(panel).toContain('The Syrian government says Assad has not left Damascus.');
    expect(denialUrl).not.toBe(departureUrl);

    // 5. The history tab shows what was done.
    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByText('Attribution created').first().waitFor();
    await screenshot(page, 'claim-history');

    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses a javascript: document URL next to the field, keeping what was typed', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1360, height: 900 } });
    const errors = collectPageErrors(page);
    await signInPage(page, app.server.baseUrl, 'checker');
    await logClaim(page, 'A claim whose evidence link is bad.');
    await page.getByRole('button', { name: 'Add attribution' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add attribution' });
    await pickOption(page, 'Source', 'SOHR', /Syrian Observatory for Human Rights/);
    await dialog.getByRole('textbox', { name: 'Verbatim quote' }).fill('a quote worth keeping');
    const docInput = page.getByRole('textbox', { name: 'Document', exact: true });
    await docInput.click();
    await docInput.fill('Bad link');
    await page.getByRole('option', { name: /Log a new document/ }).click();
    await dialog.getByRole('textbox', { name: 'URL', exact: true }).fill('javascript:alert(1)');
    await dialog.getByRole('button', { name: 'Add attribution' }).click();
    await dialog.getByText('Enter a full web address starting with http:// or https://').waitFor();
    expect(await dialog.getByRole('textbox', { name: 'Verbatim quote' }).inputValue()).toBe('a quote worth keeping');
    expect(errors).toEqual([]);
    await page.close();
  });
});
