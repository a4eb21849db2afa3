import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { collectPageErrors, screenshot } from '~/tests/helpers/browser';
import { signInPage } from '~/tests/helpers/session';
import { appInBrowser } from '~/tests/helpers/app-browser';

const app = appInBrowser();

// In the reference article's words (the seed already holds the claim "Bashar al-Assad has left Syria.").
const ARTICLE = [
  'Syria’s President Bashar Assad has reportedly left the country for an undisclosed destination, according to Rami Abdurrahman, head of the Syrian Observatory for Human Rights.',
  'Early Sunday, opposition groups announced they had entered the Syrian capital for the first time since 2018.',
  'Meanwhile, the government denied that Assad had left the capital.',
].join('\n\n');

// A longer report, written for this test: more proposals than fit on one screen.
const LONG = [
  'The mayor said on Tuesday that the new bridge would open in the spring, two years later than planned.',
  '“We have learned from our mistakes,” she told reporters outside city hall.',
  'According to the transport department, the cost of the project has risen to 412 million dollars.',
  'Officials denied that the contractor had been paid for work it never did.',
  'Residents who live near the river complained that the construction noise had kept them awake for months.',
  '“Nobody listens to us,” said Maria Lopez, a retired teacher. “They promised a park, and we got a parking lot.”',
  'The council disputed her account, saying the park was still part of the plan.',
  'An independent audit found that the city had underestimated the cost of the steel by almost a third.',
  'The auditors warned that further delays were likely unless the schedule was revised.',
  'Engineers for the contractor insisted the cracks in one pillar were cosmetic and posed no danger.',
  'Opposition councillors accused the mayor of hiding the true cost of the bridge from voters.',
  'The governor said she had full confidence in the mayor, and added that the state would not pay more.',
].join('\n\n');

/** A checker's page on the intake screen with `text` analysed (the proposals are on screen). */
async function analyse(text: string) {
  const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors = collectPageErrors(page);
  await signInPage(page, app.server.baseUrl, 'checker');
  await page.goto(`${app.server.baseUrl}/intake`, { waitUntil: 'networkidle' });
  await page.getByRole('textbox', { name: 'Article text' }).fill(text);
  await page.getByRole('button', { name: 'Find attributions' }).click();
  await page.getByRole('heading', { name: /^Proposals \(\d+\)$/ }).waitFor({ timeout: 60_000 });
  return { page, errors };
}

async function pickOption(page: Page, label: string, typed: string, option: string | RegExp) {
  const input = page.getByRole('textbox', { name: label, exact: true });
  await input.click();
  await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

describe('article intake', () => {
  it('finds the attributions in a pasted article and logs SOHR’s claim and the government’s denial', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const errors = collectPageErrors(page);
    await signInPage(page, app.server.baseUrl, 'checker');

    // The nav leads there.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Intake' }).click();
    await page.waitForURL(/\/intake$/);
    await page.getByRole('heading', { level: 1, name: 'Article intake' }).waitFor();

    await page.getByRole('textbox', { name: 'URL', exact: true }).fill('https://news.example.org/2024/12/08/assad-leaves');
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Assad reportedly leaves Syria as rebels enter Damascus');
    await pickOption(page, 'Publisher', 'Demo News', /Demo News Desk/);
    await page.getByLabel('Published').fill('2024-12-08');
    await page.getByRole('textbox', { name: 'Article text' }).fill(ARTICLE);
    await page.getByRole('button', { name: 'Find attributions' }).click();

    const heading = page.getByRole('heading', { name: /^Proposals \(\d+\)$/ });
    await heading.waitFor();
    // Focus moves to the proposals, for keyboard and screen-reader users.
    await expect.poll(() => heading.evaluate((el) => el === document.activeElement), { timeout: 10_000 }).toBe(true);

    // Spans are highlighted with their role named, not by colour alone.
    const text = page.getByTestId('intake-text');
    expect(await text.locator('mark[data-role="cue"]').allTextContents()).toEqual(expect.arrayContaining(['according to', 'denied']));
    expect(await text.locator('mark[data-role="source"]').allTextContents()).toContain('the government');
    expect(await page.getByRole('group', { name: 'Legend' }).textContent()).toMatch(/Source.*Cue.*Content/);

    const cards = page.getByRole('region', { name: /^Proposal \d+$/ });
    const sohr = cards.filter({ hasText: 'Rami Abdurrahman' });
    const denial = cards.filter({ hasText: 'the government' });
    expect(await sohr.count()).toBe(1);
    expect(await denial.count()).toBe(1);

    // Only these two: reject everything, then accept them one by one.
    await page.getByRole('button', { name: 'Reject all' }).click();
    await sohr.getByRole('switch').check({ force: true });
    await denial.getByRole('switch').check({ force: true });
    await expect.poll(() => page.getByRole('button', { name: /^Accept selected/ }).textContent()).toBe('Accept selected (2)');

    // Matched to the sources the desk has: Rami Abdurrahman by name, "the government" as a possible match.
    expect(await sohr.getByRole('textbox', { name: 'Source' }).inputValue()).toBe('Rami Abdurrahman');
    expect(await sohr.textContent()).toContain('Matched by name “Rami Abdurrahman”');
    expect(await denial.getByRole('textbox', { name: 'Source' }).inputValue()).toBe('Syrian government');
    expect(await denial.getByLabel('Stance', { exact: true }).inputValue()).toBe('Denies');

    // Both are evidence about the claim the desk already logged: attach them to it.
    await sohr.getByRole('radio', { name: /Bashar al-Assad has left Syria\./ }).check();
    await denial.getByRole('radio', { name: /Bashar al-Assad has left Syria\./ }).check();
    await screenshot(page, 'intake');

    await page.getByRole('button', { name: 'Accept selected (2)' }).click();
    const summary = page.getByRole('region', { name: 'Logged' });
    await summary.waitFor();
    const said = await summary.textContent();
    expect(said).toContain('Assad reportedly leaves Syria as rebels enter Damascus');
    expect(said).toContain('new document');
    expect(said).toContain('created 0 claims, 0 sources and 2 attributions');
    expect(said).toContain('Rami Abdurrahman');
    expect(said).toContain('Syrian government');
    await screenshot(page, 'intake-summary');

    // The claim page shows both, from the new document.
    await summary.getByRole('link', { name: 'Bashar al-Assad has left Syria.' }).first().click();
    await page.waitForURL(/\/claims\/\d+$/);
    const denies = page.getByRole('region', { name: /Denies \(\d+\)/ });
    await denies.waitFor();
    expect(await denies.textContent()).toContain('Assad reportedly leaves Syria as rebels enter Damascus');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the text and the spans of the proposal being edited in view while the checker works down the list', async () => {
    const { page, errors } = await analyse(LONG);
    const cards = page.getByRole('region', { name: /^Proposal \d+$/ });
    const n = await cards.count();
    expect(n).toBeGreaterThanOrEqual(8);

    // Tabbing into the last proposal scrolls the page down to it…
    await cards.nth(n - 1).getByRole('switch').focus();
    const text = page.getByTestId('intake-text');
    // …and the text is still on screen beside it,
    await expect.poll(async () => {
      const box = await text.boundingBox();
      return !!box && box.y >= 0 && box.y + box.height <= 900;
    }).toBe(true);
    // with that proposal's spans outlined and scrolled into view inside it.
    const mark = text.locator('mark[data-active]').first();
    await expect.poll(async () => {
      const [m, box] = [await mark.boundingBox(), await text.boundingBox()];
      return !!m && !!box && m.y >= box.y && m.y + m.height <= box.y + box.height;
    }).toBe(true);
    await screenshot(page, 'intake-long');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the first 200 proposals of a paste far longer than an article, and says so', async () => {
    const paragraphs = Array.from({ length: 120 }, (_, i) => `Official number ${i + 1} said that the bridge would open in ${1900 + i}. The council denied that the bridge had cost ${i + 2} million.`);
    const { page, errors } = await analyse(paragraphs.join('\n\n'));
    await page.getByRole('heading', { name: 'Proposals (200)' }).waitFor();
    const alert = page.getByRole('alert').filter({ hasText: 'Only the first part of the text' });
    expect(await alert.textContent()).toMatch(/Showing the first 200 of \d{3} proposals/);
    expect(await page.getByRole('region', { name: /^Proposal \d+$/ }).count()).toBe(200);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'intake-too-long', { fullPage: false }); // the top: the whole page is 200 cards long
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reads the article out of an uploaded web page, without its menus', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await signInPage(page, app.server.baseUrl, 'checker');
    // Wait for hydration: a file chosen before React attaches its handler would be lost.
    await page.goto(`${app.server.baseUrl}/intake`, { waitUntil: 'networkidle' });
    const paragraph = (s: string) => `<p>${s} ${'The capital was quiet as residents waited for news from the palace. '.repeat(3)}</p>`;
    const html = `<!doctype html><html><head><title>Assad flees | Demo News</title>
      <link rel="canonical" href="https://news.example.org/2024/12/08/assad-flees">
      <meta property="article:published_time" content="2024-12-08T09:00:00Z"></head>
      <body><nav><a href="/">Home</a> <a href="/world">World news menu</a></nav>
      <article><h1>Assad flees</h1>${paragraph('Assad has left Syria, according to Rami Abdurrahman.')}${paragraph('The government denied it.')}</article>
      <footer>Subscribe to our newsletter</footer><script>window.hacked = true</script></body></html>`;
    await page.locator('input[type="file"]').setInputFiles({ name: 'assad.html', mimeType: 'text/html', buffer: Buffer.from(html) });
    const text = page.getByRole('textbox', { name: 'Article text' });
    await expect.poll(() => text.inputValue(), { timeout: 15_000 }).toContain('Assad has left Syria, according to Rami Abdurrahman.');
    const value = await text.inputValue();
    expect(value).toContain('\n\nThe government denied it.');
    expect(value).not.toContain('World news menu');
    expect(value).not.toContain('Subscribe');
    expect(await page.getByRole('textbox', { name: 'URL', exact: true }).inputValue()).toBe('https://news.example.org/2024/12/08/assad-flees');
    expect(await page.getByLabel('Published').inputValue()).toBe('2024-12-08');
    expect(await page.evaluate(() => (window as unknown as { hacked?: boolean }).hacked)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });
});
