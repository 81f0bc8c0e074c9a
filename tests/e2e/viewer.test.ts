/**
 * The viewer in a real browser: the overview graph is drawn (pixels, node count), the
 * legend lists types with counts, search (also a garbled drug name) selects a node and
 * the details panel shows its relationships with their evidence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  canvasStats,
  graphOrder,
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

describe('viewer', () => {
  it('draws the overview graph with a legend', async () => {
    const { page, errors } = await openViewer(h);
    await waitIdle(page);
    expect(await graphOrder(page)).toBeGreaterThan(10);
    const stats = await canvasStats(page);
    expect(stats.colors).toBeGreaterThan(8);
    expect(stats.inked).toBeGreaterThan(0.01);
    // The legend shows Drug with a count.
    const drugRow = page.locator('#legend-types [data-label="Drug"]');
    await expect.poll(async () => drugRow.textContent()).toMatch(/Drug\s*\d+/);
    // Title and the accessible search box are there.
    await expect.poll(() => page.getByRole('combobox', { name: 'Search' }).count()).toBe(1);
    await shot(page, 'viewer-overview');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('finds a drug by name and shows its details, relationships and evidence', async () => {
    const { page, errors } = await openViewer(h);
    await searchAndPick(page, 'input[aria-label="Search"]', 'nivolumab', 'Nivolumab');
    await page
      .locator('#details-name')
      .filter({ hasText: /^Nivolumab$/ })
      .waitFor();
    const groups = page.locator('#pane-details .rel-group');
    expect(await groups.count()).toBeGreaterThan(0);
    const evidence = await page.locator('#pane-details .evidence').allTextContents();
    expect(evidence.length).toBeGreaterThan(0);
    expect(evidence.some((t) => /\[\d+\]/.test(t))).toBe(true);
    // Selected, in the graph, and in the URL.
    expect(await page.evaluate(() => (window as any).__atlas.app.state.selected)).toBe('drug:nivolumab');
    expect(page.url()).toContain('sel=drug%3Anivolumab');
    await waitIdle(page);
    await page.waitForTimeout(700); // camera animation
    await shot(page, 'viewer-nivolumab');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('finds a drug from a garbled name (navulizumab → Nivolumab) and moves to a neighbour', async () => {
    const { page } = await openViewer(h);
    const input = page.locator('input[aria-label="Search"]');
    await input.click();
    await input.pressSequentially('navulizumab', { delay: 20 });
    // The garbled form is a synonym: Nivolumab comes first and says what matched.
    const option = page.locator('[role=option]').first();
    await page.waitForFunction(() => document.querySelector('[role=option] .s-name')?.textContent === 'Nivolumab');
    expect(await option.textContent()).toMatch(/navulizumab/i);
    await input.press('Enter');
    await page
      .locator('#details-name')
      .filter({ hasText: /^Nivolumab$/ })
      .waitFor();
    // Escape in the box closes the list; clicking a neighbour moves the details to it.
    const first = page.locator('#pane-details .rel-item .link-btn').first();
    const name = ((await first.textContent()) ?? '').trim();
    await first.click();
    await page.locator('#details-name').filter({ hasText: name }).waitFor();
    // Back returns to Nivolumab.
    await page.locator('#btn-back').click();
    await page
      .locator('#details-name')
      .filter({ hasText: /^Nivolumab$/ })
      .waitFor();
    await page.context().close();
  });

  it('hides a node type from the legend', async () => {
    const { page } = await openViewer(h);
    await waitIdle(page);
    const row = page.locator('#legend-types [data-label="Drug"] input');
    await row.uncheck();
    expect(page.url()).toContain('hide=Drug');
    const hiddenDrawn = await page.evaluate(() => {
      const a = (window as any).__atlas;
      return a.graph
        .filterNodes((_n: string, x: any) => x.kind === 'Drug')
        .filter((n: string) => !a.sigma.getNodeDisplayData(n)?.hidden).length;
    });
    expect(hiddenDrawn).toBe(0);
    await row.check();
    expect(page.url()).not.toContain('hide=Drug');
    await page.context().close();
  });
});
