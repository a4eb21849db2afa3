import type { Page } from 'playwright-core';
import type { Role } from '~/db/schema';
import { DEMO_ACCOUNTS } from '~/server/users/demo';

export const demoAccount = (role: Role) => DEMO_ACCOUNTS.find((a) => a.role === role)!;

/** Signs in through the real sign-in form. */
export async function signInPage(page: Page, baseUrl: string, role: Role) {
  const a = demoAccount(role);
  await page.goto(`${baseUrl}/sign-in`, { waitUntil: 'networkidle' });
  await page.getByRole('textbox', { name: 'Email' }).fill(a.email);
  await page.getByRole('textbox', { name: 'Password' }).fill(a.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(/\/claims/);
}

/** A session cookie for HTTP tests, from better-auth's sign-in endpoint. */
export async function sessionCookie(baseUrl: string, role: Role): Promise<string> {
  const a = demoAccount(role);
  const res = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email: a.email, password: a.password }),
  });
  if (!res.ok) throw new Error(`sign-in as ${role} failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}
