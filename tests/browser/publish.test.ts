import { describe, expect, it } from 'vitest';
import { claimReviewDocument } from '~/tests/helpers/claim-review-schema';
import { collectPageErrors, screenshot } from '~/tests/helpers/browser';
import { signInPage } from '~/tests/helpers/session';
import { appInBrowser } from '~/tests/helpers/app-browser';

const app = appInBrowser();

const DEPARTURE = 'Bashar al-Assad has left Syria.';

describe('publishing a verdict', () => {
  it('an editor reviews a claim, follows "Public page", and a signed-out reader sees the verdict with valid JSON-LD', async () => {
    const editorCtx = await app.browser.newContext({ viewport: { width: 1360, height: 1000 } });
    const page = await editorCtx.newPage();
    const errors = collectPageErrors(page);
    await signInPage(page, app.server.baseUrl, 'editor');
    await page.getByRole('link', { name: DEPARTURE }).click();
    await page.getByRole('heading', { level: 1, name: DEPARTURE }).waitFor();
    const verdict = page.getByRole('region', { name: 'Verdict' });
    expect(await verdict.getByRole('link', { name: 'Public page' }).count()).toBe(0);
    await verdict.getByRole('button', { name: 'Review', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Review this claim' });
    await dialog.getByRole('textbox', { name: /Rationale/ }).fill('Two **independent** origins: SOHR and the Russian state agencies.');
    await dialog.getByRole('button', { name: 'Publish verdict' }).click();
    await dialog.waitFor({ state: 'detached' });
    const link = verdict.getByRole('link', { name: 'Public page' });
    await link.waitFor();
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/published\/claims\/\d+$/);
    // The claims list offers the export.
    await page.goto(`${app.server.baseUrl}/claims?status=reviewed`);
    await page.getByRole('button', { name: 'Export' }).click();
    expect(await page.getByRole('menuitem', { name: /CSV/ }).getAttribute('href')).toBe('/api/export/claims.csv?status=reviewed');
    expect(errors).toEqual([]);
    await editorCtx.close();

    // Signed out: the public page, without the app's navigation.
    const readerCtx = await app.browser.newContext({ viewport: { width: 1100, height: 900 } });
    const reader = await readerCtx.newPage();
    const readerErrors = collectPageErrors(reader);
    const res = await reader.goto(`${app.server.baseUrl}${href}`);
    expect(res?.status()).toBe(200);
    await reader.getByRole('heading', { level: 1, name: DEPARTURE }).waitFor();
    expect(await reader.getByText('2 · Probably true').count()).toBe(1);
    expect(await reader.locator('strong', { hasText: 'independent' }).count()).toBe(1);
    expect(await reader.getByRole('link', { name: 'Review queue' }).count()).toBe(0);
    expect(await reader.getByRole('link', { name: 'Download JSON-LD' }).count()).toBe(1);
    const ld = JSON.parse((await reader.locator('script[type="application/ld+json"]').textContent()) ?? '');
    expect(claimReviewDocument.parse(ld).reviewRating).toMatchObject({ ratingValue: 4, alternateName: 'Probably true' });
    await screenshot(reader, 'public-claim');
    expect(readerErrors).toEqual([]);
    await readerCtx.close();
  });
});
