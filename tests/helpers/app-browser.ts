import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser';
import { startServer, type TestServer } from './server';

/**
 * The built app on a free port and a Chromium, started before a test file's tests and stopped
 * after them: `const app = appInBrowser();` then `app.browser.newPage()`, `app.server.baseUrl`.
 */
export function appInBrowser(): { server: TestServer; browser: Browser } {
  const app = {} as { server: TestServer; browser: Browser };
  beforeAll(async () => {
    [app.server, app.browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.stop();
  });
  return app;
}
