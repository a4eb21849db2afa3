import { describe, expect, it } from 'vitest';
import { collectPageErrors } from '~/tests/helpers/browser';
import { signInPage } from '~/tests/helpers/session';
import { appInBrowser } from '~/tests/helpers/app-browser';

const app = appInBrowser();

// The source, document and story forms share one save cycle (app/_components/useSave.ts).
describe('record forms', () => {
  it('keeps what was typed and shows each error beside its field, then saves', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1360, height: 900 } });
    const errors = collectPageErrors(page);
    await signInPage(page, app.server.baseUrl, 'checker');

    // A source: a bad homepage is caught before sending; a taken name is refused by the server.
    await page.goto(`${app.server.baseUrl}/sources/new`, { waitUntil: 'networkidle' });
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Syrian Observatory for Human Rights');
    await page.getByRole('combobox', { name: 'Kind', exact: true }).click();
    await page.getByRole('option', { name: 'NGO' }).click();
    await page.getByRole('textbox', { name: 'Homepage', exact: true }).fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Add source' }).click();
    await page.getByText('Enter a full web address starting with http:// or https://').waitFor();
    await page.getByRole('textbox', { name: 'Homepage', exact: true }).fill('https://www.syriahr.com/en/');
    await page.getByRole('button', { name: 'Add source' }).click();
    await page.getByRole('alert').filter({ hasText: 'Not saved' }).waitFor();
    await page.getByText(/exists already/).first().waitFor();
    expect(await page.getByRole('textbox', { name: 'Homepage', exact: true }).inputValue()).toBe('https://www.syriahr.com/en/');
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Syrian Observatory (Damascus desk)');
    await page.getByRole('button', { name: 'Add source' }).click();
    await page.getByRole('heading', { level: 1, name: 'Syrian Observatory (Damascus desk)' }).waitFor();

    // A story, from its dialog.
    await page.goto(`${app.server.baseUrl}/stories`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'New story' }).click();
    const dialog = page.getByRole('dialog', { name: 'New story' });
    await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill('Fall of Damascus, Dec 2024');
    await dialog.getByRole('button', { name: 'Create story' }).click();
    await dialog.getByText(/exists already/).first().waitFor();
    await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill('Aleppo offensive, Nov 2024');
    await dialog.getByRole('button', { name: 'Create story' }).click();
    await page.getByText('Aleppo offensive, Nov 2024').first().waitFor();

    // 409s from the refused saves are expected; nothing else may be logged.
    expect(errors.filter((e) => !/status of 409/.test(e))).toEqual([]);
  });
});
