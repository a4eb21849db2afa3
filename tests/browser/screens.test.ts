import { describe, expect, it } from 'vitest';
import { collectPageErrors, screenshot } from '~/tests/helpers/browser';
import { signInPage } from '~/tests/helpers/session';
import { appInBrowser } from '~/tests/helpers/app-browser';

const app = appInBrowser();

describe('every main screen, as an editor', () => {
  it('renders each screen with one h1, its main content, and no console errors (screenshots saved)', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1360, height: 900 } });
    const errors = collectPageErrors(page);
    await page.goto(`${app.server.baseUrl}/sign-in`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await screenshot(page, 'sign-in');
    await signInPage(page, app.server.baseUrl, 'editor');

    const visit = async (path: string, name: string, expectText: string) => {
      await page.goto(`${app.server.baseUrl}${path}`);
      await page.getByText(expectText).first().waitFor();
      expect(await page.locator('h1').count(), `${path} has one h1`).toBe(1);
      expect(await page.getByRole('main').count(), `${path} has a main landmark`).toBe(1);
      await screenshot(page, name);
    };

    await visit('/claims', 'claims', 'Bashar al-Assad has left Syria.');
    await visit('/claims?sort=most_attributed&stance=denies', 'claims-filtered', 'Bashar al-Assad has left Syria.');
    await visit('/sources', 'sources', 'Syrian Observatory for Human Rights');
    await page.getByRole('link', { name: 'Rami Abdurrahman' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Rami Abdurrahman' }).waitFor();
    await page.getByText('Syrian Observatory for Human Rights').first().waitFor();
    await screenshot(page, 'source');
    await visit('/documents', 'documents', 'Assad reportedly leaves Syria');
    await page.getByRole('link', { name: /Assad reportedly leaves Syria/ }).first().click();
    await page.getByRole('heading', { level: 1, name: /Assad reportedly leaves Syria/ }).waitFor();
    await screenshot(page, 'document');
    await visit('/stories', 'stories', 'Fall of Damascus, Dec 2024');
    await page.getByRole('link', { name: 'Fall of Damascus, Dec 2024' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Fall of Damascus, Dec 2024' }).waitFor();
    await screenshot(page, 'story');
    await visit('/activity', 'activity', 'Eli Editor');
    await visit('/claims/new', 'claim-new', 'Log a claim');
    await visit('/account', 'account', 'Change password');
    expect(errors).toEqual([]);
  });
});
