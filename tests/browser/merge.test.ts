import { describe, expect, it } from 'vitest';
import { collectPageErrors, screenshot } from '~/tests/helpers/browser';
import { signInPage } from '~/tests/helpers/session';
import { appInBrowser } from '~/tests/helpers/app-browser';

const app = appInBrowser();

const DEPARTURE = 'Bashar al-Assad has left Syria.';
const REWORDED = 'Syrian president Assad has fled the country.';

describe('merging a duplicate claim', () => {
  it('merges a reworded duplicate into the original from the claim page, redirects its address, and undoes it from the history', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1360, height: 900 } });
    const errors = collectPageErrors(page);
    await signInPage(page, app.server.baseUrl, 'editor');

    // A checker's reworded duplicate.
    await page.goto(`${app.server.baseUrl}/claims/new`, { waitUntil: 'networkidle' });
    await page.getByRole('textbox', { name: 'Claim', exact: true }).fill(REWORDED);
    await page.getByRole('button', { name: 'Log claim' }).click();
    await page.waitForURL(/\/claims\/\d+$/);
    await page.getByRole('heading', { level: 1, name: REWORDED }).waitFor();
    const duplicateUrl = page.url();
    const duplicateId = Number(duplicateUrl.split('/').at(-1));

    // Merge into… the original, chosen with the claim picker; the dialog says what will move.
    await page.getByRole('button', { name: 'Merge into…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge this claim into another' });
    expect(await dialog.getByRole('list', { name: 'What will move' }).textContent()).toContain('0 attributions');
    const picker = dialog.getByRole('textbox', { name: 'Keep this claim (the canonical one)' });
    await picker.click();
    await picker.fill('Assad has left');
    await page.getByRole('option', { name: new RegExp(DEPARTURE.replace('.', '\\.')) }).first().click();
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
    await page.waitForURL(new RegExp(`/claims/\\d+\\?mergedFrom=${duplicateId}$`));
    await page.getByRole('heading', { level: 1, name: DEPARTURE }).waitFor();
    const canonicalPath = new URL(page.url()).pathname;
    expect(canonicalPath).not.toBe(new URL(duplicateUrl).pathname);

    // The duplicate's own address now opens the original, with the notice.
    await page.goto(duplicateUrl);
    await page.waitForURL(new RegExp(`${canonicalPath}\\?mergedFrom=${duplicateId}$`));
    await page.getByRole('heading', { level: 1, name: DEPARTURE }).waitFor();
    await page.getByRole('status').filter({ hasText: `Claim #${duplicateId} was merged into this one` }).waitFor();

    // The history shows the merge, with Undo.
    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByText(`Claim #${duplicateId} merged into claim #`).first().waitFor();
    const undo = page.getByRole('button', { name: 'Undo merge' });
    await undo.waitFor();
    await screenshot(page, 'merge');
    await undo.click();
    await page.getByText(`Merge undone: claim #${duplicateId} is back as it was.`).waitFor();
    await page.waitForURL(new RegExp(`${canonicalPath}$`));
    await undo.waitFor({ state: 'detached' });

    // The duplicate is itself again, at its own address.
    await page.goto(duplicateUrl);
    await page.getByRole('heading', { level: 1, name: REWORDED }).waitFor();
    expect(page.url()).toBe(duplicateUrl);
    await page.getByRole('button', { name: 'Merge into…' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
