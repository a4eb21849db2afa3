import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { collectPageErrors, screenshot } from '~/tests/helpers/browser';
import { signInPage } from '~/tests/helpers/session';
import { appInBrowser } from '~/tests/helpers/app-browser';

const app = appInBrowser();

const DEPARTURE = 'Bashar al-Assad has left Syria.';

async function newPage(): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const ctx = await app.browser.newContext({ viewport: { width: 1360, height: 1000 } });
  const page = await ctx.newPage();
  return { page, errors: collectPageErrors(page), close: () => ctx.close() };
}

describe('an editor reviews the departure claim', () => {
  it('finds it in the queue, reads the live assessment, accepts the suggestion with a rationale, and sees the verdict', async () => {
    const { page, errors, close } = await newPage();
    await signInPage(page, app.server.baseUrl, 'editor');

    // The queue: every claim of the reference story waits for its first review.
    await page.getByRole('link', { name: 'Review queue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Review queue' }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: DEPARTURE }) });
    expect(await row.getByText('Never reviewed').count()).toBe(1);
    await screenshot(page, 'review-queue');
    await row.getByRole('link', { name: DEPARTURE }).click();
    await page.getByRole('heading', { level: 1, name: DEPARTURE }).waitFor();

    // The live assessment, as in the worked example: probably true, 2 lines for, 1 against.
    const assessment = page.getByRole('region', { name: 'Assessment (live)' });
    await assessment.waitFor();
    expect(await assessment.getByText('2 · Probably true').count()).toBe(1);
    expect(await assessment.getByTestId('support-score').textContent()).toBe('support 0.77');
    expect(await assessment.getByText('2 independent lines for, 1 against:').count()).toBe(1);
    const lines = assessment.getByRole('list', { name: 'Lines of evidence' }).getByRole('listitem');
    expect(await lines.count()).toBe(3);
    expect(await lines.nth(0).textContent()).toContain('Syrian Observatory for Human Rights via News agencies (unnamed)');
    expect(await lines.nth(0).textContent()).toContain('+1.20');
    expect(await lines.nth(2).textContent()).toContain('−0.11');
    await assessment.getByRole('button', { name: /Read the explanation/ }).click();
    await assessment.getByRole('list', { name: 'Explanation' }).getByText(/Confirmation needs a second independent origin/).waitFor();
    const verdict = page.getByRole('region', { name: 'Verdict' });
    expect(await verdict.getByText('Not reviewed').count()).toBe(1);

    // Review: the suggestion is preselected; the rationale is Markdown, and its HTML stays inert.
    await verdict.getByRole('button', { name: 'Review', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Review this claim' });
    expect(await dialog.getByRole('radio', { name: /Accept the suggestion: 2 · Probably true/ }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Publish verdict' }).click();
    await dialog.getByText('Rationale is required').waitFor();
    await dialog
      .getByRole('textbox', { name: 'Rationale' })
      .fill('**One named monitor** via agencies, consistent with the fall of the capital.\n\n<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">');
    await screenshot(page, 'review-dialog');
    await dialog.getByRole('button', { name: 'Publish verdict' }).click();
    await dialog.waitFor({ state: 'detached' });

    await verdict.getByText('Eli Editor', { exact: false }).waitFor();
    expect(await verdict.getByText('2 · Probably true').count()).toBe(1);
    expect(await verdict.locator('strong', { hasText: 'One named monitor' }).count()).toBe(1);
    expect(await verdict.locator('script, img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await verdict.getByText('Evidence changed since this review').count()).toBe(0);
    expect(await verdict.getByText('Verdict and assessment disagree').count()).toBe(0);
    await screenshot(page, 'review');

    // Reviewed and agreeing: it leaves the queue.
    await page.getByRole('link', { name: 'Review queue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Review queue' }).waitFor();
    expect(await page.getByRole('link', { name: DEPARTURE }).count()).toBe(0);

    // The dashboard counts it; the monitor's track record shows it borne out.
    await page.getByRole('link', { name: 'Editors’ dashboard' }).click();
    await page.getByRole('heading', { level: 1, name: 'Editors’ dashboard' }).waitFor();
    expect(await page.getByText('Claims reviewed this week: 1', { exact: false }).count()).toBe(1);
    await screenshot(page, 'dashboard');
    await page.goto(`${app.server.baseUrl}/sources?q=Rami`);
    await page.getByRole('link', { name: 'Rami Abdurrahman' }).first().click();
    const record = page.getByRole('region', { name: 'Track record' });
    await record.waitFor();
    expect(await record.textContent()).toContain('Asserted 1 claim: 1 borne out, 0 refuted, 0 undecided');

    // Regrading the monitor changes the evidence: the verdict is flagged and the claim is back in the queue.
    await page.getByRole('link', { name: 'Syrian Observatory for Human Rights' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Syrian Observatory for Human Rights' }).waitFor();
    await page.getByRole('button', { name: 'Grade Syrian Observatory for Human Rights' }).click();
    const grading = page.getByRole('dialog', { name: /Grade “Syrian Observatory/ });
    await grading.getByLabel('Reliability grade').click();
    await page.getByRole('option', { name: 'A · Completely reliable' }).click();
    await grading.getByRole('textbox', { name: 'Grade rationale' }).fill('Corroborated by every wire on the night.');
    await grading.getByRole('button', { name: 'Save grade' }).click();
    await grading.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Review queue' }).click();
    const stale = page.getByRole('row').filter({ has: page.getByRole('link', { name: DEPARTURE }) });
    await stale.getByText('Evidence changed').waitFor();
    await stale.getByRole('link', { name: DEPARTURE }).click();
    await page.getByRole('region', { name: 'Verdict' }).getByText('Evidence changed since this review').waitFor();
    await screenshot(page, 'review-evidence-changed');
    expect(errors).toEqual([]);
    await close();
  });

  it('a checker sees the assessment, but neither the Review button nor the queue', async () => {
    const { page, errors, close } = await newPage();
    await signInPage(page, app.server.baseUrl, 'checker');
    await page.goto(`${app.server.baseUrl}/claims?q=${encodeURIComponent('has left Syria')}`);
    await page.getByRole('link', { name: DEPARTURE }).click();
    await page.getByRole('region', { name: 'Assessment (live)' }).waitFor();
    expect(await page.getByRole('button', { name: 'Review', exact: true }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Review queue' }).count()).toBe(0);
    await page.goto(`${app.server.baseUrl}/review`);
    await page.getByRole('heading', { level: 1, name: 'Editors only' }).waitFor();
    expect(errors).toEqual([]);
    await close();
  });
});
