/**
 * Deterministic layouts and links that reopen the same picture: node positions on
 * screen within a pixel, the same camera, after expansions and a hand-made layout.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openViewer, shot, startHarness, waitIdle, type Harness } from '../../client/test/e2e-utils.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Every node's place on screen (CSS px in the canvas) and the camera. */
async function picture(page: Page): Promise<{ screen: Record<string, [number, number]>; camera: any }> {
  return page.evaluate(() => {
    const a = (window as any).__atlas;
    const screen: Record<string, [number, number]> = {};
    a.graph.forEachNode((n: string) => {
      const d = a.sigma.getNodeDisplayData(n);
      const p = a.sigma.framedGraphToViewport(d);
      screen[n] = [p.x, p.y];
    });
    return { screen, camera: a.sigma.getCamera().getState() };
  });
}

function maxDistance(a: Record<string, [number, number]>, b: Record<string, [number, number]>): number {
  expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
  return Math.max(...Object.keys(a).map((k) => Math.hypot(a[k]![0] - b[k]![0], a[k]![1] - b[k]![1])));
}

const pathOf = (url: string) => url.slice(url.indexOf('/', 8));

describe('deep links', () => {
  it('lays the same data out the same way on every load', async () => {
    const one = await openViewer(h, '/?view=ego&focus=drug%3Anivolumab&depth=1');
    await waitIdle(one.page);
    const two = await openViewer(h, '/?view=ego&focus=drug%3Anivolumab&depth=1');
    await waitIdle(two.page);
    expect(maxDistance((await picture(one.page)).screen, (await picture(two.page)).screen)).toBeLessThan(1);
    // Another seed, another picture; the seed is in the URL.
    await one.page.locator('#btn-reseed').click();
    await one.page.waitForURL(/seed=2/);
    await waitIdle(one.page);
    expect(maxDistance((await picture(one.page)).screen, (await picture(two.page)).screen)).toBeGreaterThan(5);
    await one.page.context().close();
    await two.page.context().close();
  });

  it('reopens expansions, a hand-made layout and the camera within a pixel; Copy link copies it', async () => {
    const { page, errors } = await openViewer(h, '/?view=ego&focus=drug%3Asorafenib&depth=1');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await waitIdle(page);
    await page.evaluate(() => (window as any).__atlas.app.expand('drug:lenvatinib'));
    await waitIdle(page);
    // A hand-made layout, then a camera of our own.
    await page.locator('#btn-group-layout').click();
    await page.locator('.group-label').first().waitFor();
    await page.evaluate(() => (window as any).__atlas.sigma.getCamera().setState({ x: 0.42, y: 0.55, ratio: 0.8 }));
    await page.waitForURL(/cam=0\.42%2C0\.55%2C0\.8/);
    await page.waitForURL(/pos=/);
    const before = await picture(page);
    expect(page.url()).toMatch(/exp=drug%3Alenvatinib/);
    await shot(page, 'deeplink-source');

    await page.locator('#btn-copy-link').click();
    await page.locator('.toast', { hasText: 'Link copied' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(page.url());

    const again = await openViewer(h, pathOf(copied));
    await waitIdle(again.page);
    await again.page.waitForTimeout(300);
    const after = await picture(again.page);
    expect(maxDistance(before.screen, after.screen)).toBeLessThan(1);
    expect(after.camera.x).toBeCloseTo(0.42, 4);
    expect(after.camera.y).toBeCloseTo(0.55, 4);
    expect(after.camera.ratio).toBeCloseTo(0.8, 4);
    await shot(again.page, 'deeplink-reopened');
    expect(again.errors).toEqual([]);
    await again.page.context().close();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
