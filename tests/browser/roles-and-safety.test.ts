import { describe, expect, it } from 'vitest';
import { collectPageErrors, screenshot } from '~/tests/helpers/browser';
import { signInPage } from '~/tests/helpers/session';
import { appInBrowser } from '~/tests/helpers/app-browser';

const app = appInBrowser();

const departure = async (page: import('playwright-core').Page) => {
  await page.goto(`${app.server.baseUrl}/claims?q=${encodeURIComponent('has left Syria')}`);
  await page.getByRole('link', { name: 'Bashar al-Assad has left Syria.' }).click();
  await page.getByRole('heading', { level: 1, name: 'Bashar al-Assad has left Syria.' }).waitFor();
};

describe('what each role sees', () => {
  it('a checker logs and edits but sees no delete and no admin', async () => {
    const ctx = await app.browser.newContext({ viewport: { width: 1360, height: 900 } });
    const page = await ctx.newPage();
    const errors = collectPageErrors(page);
    await signInPage(page, app.server.baseUrl, 'checker');
    expect(await page.getByRole('button', { name: /Account: Ada Checker, Checker/ }).count()).toBe(1);
    await departure(page);
    expect(await page.getByRole('button', { name: 'Edit', exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Add attribution' }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: /Delete/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Admin' }).count()).toBe(0);
    await page.goto(`${app.server.baseUrl}/admin`);
    await page.getByRole('heading', { name: 'Admins only' }).waitFor();
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('an editor also deletes, and still has no admin screen', async () => {
    const ctx = await app.browser.newContext({ viewport: { width: 1360, height: 900 } });
    const page = await ctx.newPage();
    const errors = collectPageErrors(page);
    await signInPage(page, app.server.baseUrl, 'editor');
    await departure(page);
    expect(await page.getByRole('button', { name: 'Delete claim' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Admin' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('an admin invites a colleague, who joins with the one-time link and can sign in', async () => {
    const ctx = await app.browser.newContext({ viewport: { width: 1360, height: 900 } });
    const page = await ctx.newPage();
    const errors = collectPageErrors(page);
    await signInPage(page, app.server.baseUrl, 'admin');
    await page.getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('heading', { level: 1, name: 'Admin' }).waitFor();
    await page.getByText('Intact.').waitFor();
    await page.getByRole('textbox', { name: 'Email' }).fill('new.checker@desk.test');
    await page.getByRole('button', { name: 'Create invitation link' }).click();
    const link = (await page.getByTestId('invitation-link').textContent())!;
    expect(link).toMatch(/\/invite\/[\w-]{20,}$/);
    await screenshot(page, 'admin');

    const guest = await app.browser.newContext({ viewport: { width: 1360, height: 900 } });
    const newcomer = await guest.newPage();
    const guestErrors = collectPageErrors(newcomer);
    await newcomer.goto(link);
    await newcomer.getByRole('textbox', { name: 'Your name' }).fill('Nia Newcomer');
    await newcomer.getByRole('textbox', { name: 'Password' }).fill('a long enough password');
    await newcomer.getByRole('button', { name: 'Create my account' }).click();
    await newcomer.waitForURL(/\/claims$/);
    expect(await newcomer.getByRole('button', { name: /Account: Nia Newcomer, Checker/ }).count()).toBe(1);
    // The link works once.
    const again = await guest.newPage();
    await again.goto(link);
    await again.getByText('This invitation link is not valid any more').first().waitFor();
    expect(guestErrors).toEqual([]);
    expect(errors).toEqual([]);
    await guest.close();
    await ctx.close();
  });
});

describe('stored text and links are inert', () => {
  it('renders a claim holding HTML and script as plain text, and runs nothing', async () => {
    const ctx = await app.browser.newContext({ viewport: { width: 1360, height: 900 } });
    const page = await ctx.newPage();
    const errors = collectPageErrors(page);
    let dialogs = 0;
    page.on('dialog', async (d) => {
      dialogs++;
      await d.dismiss();
    });
    await signInPage(page, app.server.baseUrl, 'checker');
    const evil = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2; alert(1)"> claim`;
    await page.goto(`${app.server.baseUrl}/claims/new`, { waitUntil: 'networkidle' });
    await page.getByRole('textbox', { name: 'Claim', exact: true }).fill(evil);
    await page.getByRole('button', { name: 'Log claim' }).click();
    await page.waitForURL(/\/claims\/\d+$/);
    await page.getByRole('heading', { level: 1, name: evil }).waitFor();
    await page.goto(`${app.server.baseUrl}/claims`);
    await page.getByText(evil).first().waitFor();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toBe(0);
    expect(await page.locator('main img[src="x"]').count()).toBe(0);
    // Every link on a claim page goes to our own pages or to an http(s) address.
    await departure(page);
    const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(5);
    for (const h of hrefs) expect(h).toMatch(/^(\/|#|https?:\/\/)/);
    const external = await page.locator('a[href^="http"]').evaluateAll((as) => as.map((a) => a.getAttribute('rel')));
    for (const rel of external) expect(rel).toBe('noopener noreferrer');
    expect(errors).toEqual([]);
    await ctx.close();
  });
});

describe('password guessing', () => {
  it('after five wrong passwords the sign-in page says the account is locked, and for how long', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1360, height: 900 } });
    await page.goto(`${app.server.baseUrl}/sign-in`, { waitUntil: 'networkidle' });
    await page.getByRole('textbox', { name: 'Email' }).fill('guesser-target@desk.test');
    const password = page.getByRole('textbox', { name: 'Password' });
    const alert = page.getByRole('alert');
    for (let i = 1; i <= 5; i++) {
      await password.fill(`guess number ${i}`);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await alert.filter({ hasText: 'Email or password is not right' }).waitFor();
      await page.getByRole('button', { name: 'Sign in', exact: true, disabled: false }).waitFor();
    }
    await password.fill('guess number 6');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await alert.filter({ hasText: 'Too many wrong passwords for this account. Try again in 15 minutes' }).waitFor();
    await screenshot(page, 'sign-in-locked', { fullPage: false });
    await page.close();
  });
});
