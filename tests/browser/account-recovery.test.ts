import { describe, expect, it } from 'vitest';
import { appInBrowser } from '~/tests/helpers/app-browser';
import { collectPageErrors, screenshot } from '~/tests/helpers/browser';
import { demoAccount, signInPage } from '~/tests/helpers/session';

const app = appInBrowser();

/** A password sign-in over HTTP, as the sign-in page sends it; returns the status. */
async function signInStatus(email: string, password: string): Promise<number> {
  const res = await fetch(`${app.server.baseUrl}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: app.server.baseUrl },
    body: JSON.stringify({ email, password }),
  });
  await res.arrayBuffer();
  return res.status;
}

describe('an admin helps a locked-out colleague', () => {
  it('sees the lock, unlocks, makes a reset link; the colleague sets a new password with it and is signed in', async () => {
    const editor = demoAccount('editor');
    for (let i = 1; i <= 5; i++) expect(await signInStatus(editor.email, `wrong guess ${i}`)).toBe(401);
    expect(await signInStatus(editor.email, editor.password)).toBe(429);

    const ctx = await app.browser.newContext({ viewport: { width: 1360, height: 900 } });
    const page = await ctx.newPage();
    const errors = collectPageErrors(page);
    await signInPage(page, app.server.baseUrl, 'admin');
    await page.getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('heading', { level: 1, name: 'Admin' }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(editor.name) });
    await row.getByText('Locked (15 min left)').waitFor();
    expect(await page.getByText(/Locked \(/).count()).toBe(1);
    await screenshot(page, 'admin-locked');

    // Unlock, by keyboard.
    await row.getByRole('button', { name: `Unlock ${editor.name}` }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(`${editor.name} can sign in again.`).waitFor();
    await row.getByText(/Locked \(/).waitFor({ state: 'detached' });
    expect(await row.getByRole('button', { name: /^Unlock/ }).count()).toBe(0);
    expect(await signInStatus(editor.email, editor.password)).toBe(200);

    // A reset link, shown once in a dialog.
    await row.getByRole('button', { name: `Reset password of ${editor.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Password reset link for ${editor.name}` });
    await dialog.waitFor();
    const link = (await dialog.getByTestId('reset-link').textContent())!.trim();
    expect(link).toMatch(/\/invite\/[\w-]{20,}$/);
    // the dialog fades in: wait until it is fully shown
    await page.waitForFunction(() => {
      const d = document.querySelector('[role="dialog"]');
      return d !== null && getComputedStyle(d).opacity === '1';
    });
    await screenshot(page, 'admin-reset-link', { fullPage: false });
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(`Password reset for ${editor.name}`).waitFor();

    // The colleague opens the link in their own browser.
    const guest = await app.browser.newContext({ viewport: { width: 1360, height: 900 } });
    const person = await guest.newPage();
    const guestErrors = collectPageErrors(person);
    await person.goto(link);
    await person.getByRole('heading', { level: 1, name: 'Set a new password' }).waitFor();
    expect(await person.title()).toMatch(/Set a new password/);
    await person.getByText(`For ${editor.name} (${editor.email})`).waitFor();
    const fresh = 'my brand new passphrase';
    await person.getByRole('textbox', { name: 'New password', exact: true }).fill(fresh);
    await person.getByRole('textbox', { name: 'New password again' }).fill('something else entirely');
    await person.getByRole('button', { name: 'Set new password' }).click();
    await person.getByText('The two passwords differ').waitFor();
    await person.getByRole('textbox', { name: 'New password again' }).fill(fresh);
    await screenshot(person, 'reset-password', { fullPage: false });
    await person.getByRole('button', { name: 'Set new password' }).click();
    await person.waitForURL(/\/claims$/);
    expect(await person.getByRole('button', { name: new RegExp(`Account: ${editor.name}, Editor`) }).count()).toBe(1);

    expect(await signInStatus(editor.email, editor.password)).toBe(401);
    expect(await signInStatus(editor.email, fresh)).toBe(200);

    // The link works once.
    const again = await guest.newPage();
    await again.goto(link);
    await again.getByRole('heading', { level: 1, name: 'This link does not work' }).waitFor();
    await again.getByText('This password reset link is not valid any more: it was used already').waitFor();
    await screenshot(again, 'reset-link-used', { fullPage: false });

    expect(guestErrors).toEqual([]);
    expect(errors).toEqual([]);
    await guest.close();
    await ctx.close();
  });
});
