/** Paths panel: two nodes picked by search → paths listed as chains and highlighted. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appState,
  openViewer,
  searchAndPick,
  shot,
  startHarness,
  waitIdle,
  type Harness,
} from '../../client/test/e2e-utils.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('paths panel', () => {
  it('finds and highlights the paths from Nivolumab to HCC', async () => {
    const { page, errors } = await openViewer(h);
    await page.getByRole('tab', { name: 'Paths' }).click();
    await searchAndPick(page, '#paths-panel input[placeholder="Start node…"]', 'nivolumab', 'Nivolumab');
    await searchAndPick(page, '#paths-panel input[placeholder="End node…"]', 'HCC', /^(HCC|Hepatocellular carcinoma)/);
    await page.waitForURL(/from=drug%3Anivolumab/);
    await waitIdle(page);
    const cards = page.locator('#paths-panel .result-card');
    await cards.first().waitFor();
    const chains = await page.locator('#paths-panel .result-card .chain').allTextContents();
    expect(chains.length).toBeGreaterThan(0);
    const end = await page.evaluate(() => (window as any).__atlas.app.nameOf('disease:hcc'));
    for (const c of chains) {
      expect(c.startsWith('Nivolumab')).toBe(true);
      expect(c.endsWith(end)).toBe(true);
    }
    const st = await appState(page);
    expect(st.overlay).toMatchObject({ kind: 'paths', from: 'drug:nivolumab', to: 'disease:hcc' });
    const hl = await page.evaluate(() => {
      const v = (window as any).__atlas.view;
      return { nodes: [...v.highlight.nodes], edges: v.highlight.edges.size };
    });
    expect(hl.nodes).toContain('drug:nivolumab');
    expect(hl.nodes).toContain('disease:hcc');
    expect(hl.edges).toBeGreaterThan(0);
    // One path alone.
    await cards.first().click();
    const one = await page.evaluate(() => (window as any).__atlas.view.highlight.nodes.size);
    expect(one).toBeLessThanOrEqual(hl.nodes.length);
    await page.waitForTimeout(300);
    await shot(page, 'paths-nivolumab-hcc');
    // The deep link reopens it.
    const url = page.url();
    const again = await openViewer(h, url.slice(url.indexOf('/', 8)));
    await waitIdle(again.page);
    await again.page.locator('#paths-panel .result-card').first().waitFor();
    expect(await again.page.locator('#paths-panel .result-card').count()).toBe(chains.length);
    await again.page.context().close();
    expect(errors).toEqual([]);
    await page.context().close();
    // Two viewers in one test: give a loaded machine room.
  }, 150_000);

  it('draws paths between two entities that are not drawn yet, and "Find paths" again keeps the list', async () => {
    // A small view that holds neither end.
    const { page, errors } = await openViewer(h, '/?view=ego&focus=drug%3Asorafenib&depth=1');
    await waitIdle(page);
    const before = await page.evaluate(() => {
      const g = (window as any).__atlas.graph;
      return { ctla4: g.hasNode('target:ctla-4'), hbv: g.hasNode('risk:hbv') };
    });
    expect(before).toEqual({ ctla4: false, hbv: false });
    await page.getByRole('tab', { name: 'Paths' }).click();
    await searchAndPick(page, '#paths-panel input[placeholder="Start node…"]', 'CTLA-4', 'CTLA-4');
    await searchAndPick(
      page,
      '#paths-panel input[placeholder="End node…"]',
      'hepatitis B',
      'Hepatitis B virus infection',
    );
    await page.waitForURL(/to=risk%3Ahbv/);
    await waitIdle(page);
    const cards = page.locator('#paths-panel .result-card');
    await cards.first().waitFor();
    const n = await cards.count();
    expect(n).toBeGreaterThan(0);
    expect(await page.locator('#paths-panel .error-box').count()).toBe(0);
    const after = await page.evaluate(() => {
      const a = (window as any).__atlas;
      return {
        ctla4: a.graph.hasNode('target:ctla-4'),
        hbv: a.graph.hasNode('risk:hbv'),
        highlighted: [...a.view.highlight.nodes],
      };
    });
    expect(after.ctla4 && after.hbv).toBe(true);
    expect(after.highlighted).toEqual(expect.arrayContaining(['target:ctla-4', 'risk:hbv']));
    // No false connectivity alarm.
    expect(await page.locator('#banner').isVisible()).toBe(false);
    expect(await page.locator('#status').textContent()).not.toMatch(/Offline/);
    // Asking again keeps the answer on screen.
    await page.locator('#paths-run').click();
    await page.waitForTimeout(300);
    expect(await cards.count()).toBe(n);
    await shot(page, 'paths-undrawn-ends');
    // The deep link replays it without an error.
    const url = page.url();
    const again = await openViewer(h, url.slice(url.indexOf('/', 8)));
    await waitIdle(again.page);
    await again.page.locator('#paths-panel .result-card').first().waitFor();
    expect(await again.page.locator('#paths-panel .result-card').count()).toBe(n);
    expect(again.errors).toEqual([]);
    await again.page.context().close();
    expect(errors).toEqual([]);
    await page.context().close();
  }, 150_000);

  it('says so when there is no path, and starts from the details panel', async () => {
    const { page } = await openViewer(h, '/?sel=drug%3Anivolumab');
    await page
      .locator('#details-name')
      .filter({ hasText: /^Nivolumab$/ })
      .waitFor();
    await page.getByRole('button', { name: 'Path from…' }).click();
    expect(await page.locator('#paths-panel input[placeholder="Start node…"]').inputValue()).toBe('Nivolumab');
    await page.context().close();
  });
});
