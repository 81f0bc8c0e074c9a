/** Loading, error and no-WebGL states are visible and say what is wrong. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot, startHarness, type Harness } from '../../client/test/e2e-utils.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('states', () => {
  it('shows a banner with the reason when Neo4j is down', async () => {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    // The API answers as it does when the database is unreachable.
    await page.route('**/api/**', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ error: 'Neo4j is unavailable', reason: 'Could not connect to bolt://127.0.0.1:7687' }),
      }),
    );
    await page.goto(`${h.url}/`);
    const banner = page.locator('#banner');
    await banner.waitFor({ state: 'visible' });
    expect(await banner.textContent()).toContain('Could not connect to bolt://127.0.0.1:7687');
    const card = page.locator('#stage-overlay .card');
    await card.waitFor();
    expect(await card.textContent()).toMatch(/not reachable|Could not load/);
    await shot(page, 'state-neo4j-down');
    // Retry once the API is back.
    await page.unroute('**/api/**');
    await card.getByRole('button', { name: 'Retry' }).click();
    await page.waitForFunction(() => (window as any).__atlas.ready, undefined, { timeout: 30_000 });
    // The successful load asks /api/health, which clears the banner.
    await banner.waitFor({ state: 'hidden', timeout: 10_000 });
    await context.close();
  });

  it('an ordinary request error raises no banner; the banner follows /api/health and clears on recovery', async () => {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${h.url}/`);
    await page.waitForFunction(() => (window as any).__atlas.ready, undefined, { timeout: 30_000 });
    const banner = page.locator('#banner');
    // A server error on one request (the database is fine): no banner, no "Offline".
    await page.route('**/api/nodes/**', (route) =>
      route.fulfill({ status: 502, contentType: 'application/json', body: JSON.stringify({ error: 'Bad gateway' }) }),
    );
    await page.evaluate(() => (window as any).__atlas.app.select('drug:nivolumab'));
    await page.waitForTimeout(1500);
    expect(await banner.isVisible()).toBe(false);
    expect(await page.locator('#status').textContent()).not.toMatch(/Offline/);
    await page.unroute('**/api/nodes/**');
    // Health says the database is down: the banner comes up with its reason…
    await page.route('**/api/health', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ status: 'unavailable', error: 'Neo4j unavailable', reason: 'bolt refused' }),
      }),
    );
    await page.evaluate(() => (window as any).__atlas.app.connectivity.check());
    await banner.waitFor({ state: 'visible' });
    expect(await banner.textContent()).toContain('bolt refused');
    expect(await page.locator('#status').textContent()).toMatch(/Offline/);
    // …and goes as soon as health recovers (the monitor polls by itself).
    await page.unroute('**/api/health');
    await banner.waitFor({ state: 'hidden', timeout: 15_000 });
    expect(await page.locator('#status').textContent()).not.toMatch(/Offline/);
    await context.close();
  });

  it('explains when WebGL is missing, and search still works', async () => {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(() => {
      const orig = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        if (/webgl/i.test(type)) return null;
        return (orig as any).call(this, type, ...rest);
      } as typeof orig;
    });
    const page = await context.newPage();
    await page.goto(`${h.url}/`);
    await page.getByText('WebGL is not available').waitFor();
    await page.locator('input[aria-label="Search"]').fill('nivolumab');
    await page
      .locator('[role=option]')
      .filter({ has: page.locator('.s-name', { hasText: /^Nivolumab$/ }) })
      .first()
      .click();
    await page
      .locator('#details-name')
      .filter({ hasText: /^Nivolumab$/ })
      .waitFor();
    await shot(page, 'state-no-webgl');
    await context.close();
  });
});
