import { describe, expect, it } from 'vitest';
import { collectPageErrors, screenshot } from '~/tests/helpers/browser';
import { signInPage } from '~/tests/helpers/session';
import { appInBrowser } from '~/tests/helpers/app-browser';

const app = appInBrowser();

describe('the claim graph', () => {
  it('opens from the departure claim, refocuses on a source by click and by keyboard, and filters an edge kind', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const errors = collectPageErrors(page);
    await signInPage(page, app.server.baseUrl, 'checker');
    await page.goto(`${app.server.baseUrl}/claims`);
    await page.getByRole('link', { name: 'Bashar al-Assad has left Syria.' }).first().click();
    await page.waitForURL(/\/claims\/\d+$/);
    const claimUrl = page.url();
    await page.getByRole('link', { name: 'Graph', exact: true }).click();
    await page.waitForURL(/\/claims\/\d+\/graph$/);

    const node = (text: string) => page.locator('.react-flow__node', { hasText: text }).first();
    await node('Rami Abdurrahman').waitFor();
    await node('Syrian government').waitFor();
    await node('Bashar al-Assad has left Syria.').waitFor();
    await node('Bashar al-Assad is still in Syria.').waitFor();
    await node('Syrian Observatory for Human Rights').waitFor();
    expect(await page.locator('.react-flow__edge').count()).toBeGreaterThan(10);
    // Every edge kind is drawn and named in the legend, and nothing is truncated here.
    await page.getByRole('checkbox', { name: /contradicts/ }).waitFor();
    expect(await page.getByText('Graph truncated').count()).toBe(0);
    // The accessible list beside the graph names every neighbour.
    const list = page.getByRole('navigation', { name: 'Nodes in the graph' });
    await list.getByRole('link', { name: 'Rami Abdurrahman', exact: true }).waitFor();
    await screenshot(page, 'graph');

    // Click a source: the graph centres on it and the URL says so.
    await node('Rami Abdurrahman').click();
    await page.waitForURL(/\?focus=source%3A\d+|\?focus=source:\d+/);
    await page.getByRole('heading', { level: 1, name: /Graph: Rami Abdurrahman/ }).waitFor();
    await node('News agencies (unnamed)').waitFor();
    await screenshot(page, 'graph-source');

    // Back to the claim, then by keyboard: focus the government's node and press Enter.
    await page.getByRole('button', { name: 'Back to the claim' }).click();
    await page.getByRole('heading', { level: 1, name: /Graph: Bashar al-Assad has left Syria\./ }).waitFor();
    await node('Syrian government').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Graph: Syrian government/ }).waitFor();
    expect(page.url()).toMatch(/focus=source(%3A|:)\d+/);
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: /Graph: Bashar al-Assad has left Syria\./ }).waitFor();

    // Filter out "published in": the article drops out of the graph, and the filter is in the URL.
    const article = 'Assad reportedly leaves Syria as opposition forces enter Damascus';
    await node(article).waitFor();
    await page.getByRole('checkbox', { name: /published in/ }).uncheck();
    await page.waitForURL(/kinds=/);
    expect(page.url()).not.toMatch(/published_in/);
    await node(article).waitFor({ state: 'detached' });
    await node('Rami Abdurrahman').waitFor();
    expect(await page.getByRole('checkbox', { name: /published in/ }).isChecked()).toBe(false);
    // The filtered view survives a reload (it lives in the URL).
    await page.reload();
    await node('Rami Abdurrahman').waitFor();
    expect(await node(article).count()).toBe(0);
    await screenshot(page, 'graph-filtered');

    // The claim page is one click away.
    await page.getByRole('link', { name: 'Open claim page' }).click();
    await page.waitForURL(claimUrl);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a story’s graph from the story page, starting from all its claims', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const errors = collectPageErrors(page);
    await signInPage(page, app.server.baseUrl, 'checker');
    await page.goto(`${app.server.baseUrl}/stories`);
    await page.getByRole('link', { name: /Fall of Damascus/ }).first().click();
    await page.waitForURL(/\/stories\/\d+$/);
    await page.getByRole('link', { name: 'Graph', exact: true }).click();
    await page.waitForURL(/\/stories\/\d+\/graph$/);
    await page.locator('.react-flow__node', { hasText: 'UN envoy Geir Pedersen' }).first().waitFor();
    await page.locator('.react-flow__node', { hasText: 'Bashar al-Assad has left Syria.' }).first().waitFor();
    await screenshot(page, 'graph-story');
    expect(errors).toEqual([]);
    await page.close();
  });
});
