/**
 * Exploring: expand a node by double-click (existing nodes keep their place), collapse,
 * focus an ego network, back/forward, a deep link that reopens the same view, filters by
 * relationship type, size by betweenness, Louvain colours, and the layouts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appState,
  canvasStats,
  graphOrder,
  nodeScreenPos,
  openViewer,
  positions,
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

describe('explorer', () => {
  it('expands a node by double-click, keeps existing nodes in place, collapses it again', async () => {
    const { page, errors } = await openViewer(h, '/?view=ego&focus=drug%3Anivolumab&depth=1');
    await waitIdle(page);
    const before = await graphOrder(page);
    // The neighbour with the most relationships to nodes not yet shown.
    const target = await page.evaluate(async () => {
      const a = (window as any).__atlas;
      let best = { id: '', hidden: 0 };
      for (const id of a.graph.neighbors('drug:nivolumab') as string[]) {
        const d = await (await fetch(`/api/nodes/${encodeURIComponent(id)}`)).json();
        const hidden = new Set(d.relationships.map((r: any) => r.other.id).filter((o: string) => !a.graph.hasNode(o)))
          .size;
        if (hidden > best.hidden) best = { id, hidden };
      }
      return best;
    });
    expect(target.hidden).toBeGreaterThan(0);
    const kept = await positions(page);
    const at = await nodeScreenPos(page, target.id);
    await page.mouse.dblclick(at.x, at.y);
    await page.waitForFunction((n) => (window as any).__atlas.graph.order > n, before);
    await waitIdle(page);
    const after = await positions(page);
    expect(Object.keys(after).length).toBeGreaterThanOrEqual(before + target.hidden);
    for (const [id, p] of Object.entries(kept)) {
      expect(after[id]!.x).toBeCloseTo(p.x, 5);
      expect(after[id]!.y).toBeCloseTo(p.y, 5);
    }
    expect((await appState(page)).ops).toContain(target.id);
    await page.waitForTimeout(300);
    await shot(page, 'explorer-expanded');

    // Back undoes the expansion in place (no new layout), Forward redoes it.
    await page.locator('#btn-back').click();
    await page.waitForFunction((n) => (window as any).__atlas.graph.order === n, before);
    const undone = await positions(page);
    for (const [id, p] of Object.entries(kept)) expect(undone[id]!.x).toBeCloseTo(p.x, 5);
    await page.locator('#btn-forward').click();
    await page.waitForFunction((n) => (window as any).__atlas.graph.order > n, before);
    await waitIdle(page);

    // Collapse from the details panel (the double-click also selected the node).
    await page.locator('#details-name').waitFor();
    expect((await appState(page)).selected).toBe(target.id);
    const expanded = await graphOrder(page);
    await page.getByRole('button', { name: 'Collapse', exact: true }).click();
    await page.waitForFunction((n) => (window as any).__atlas.graph.order < n, expanded);
    expect((await appState(page)).ops.at(-1)).toBe(`-${target.id}`);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('focuses an ego network of 2 hops, then goes back and forward', async () => {
    const { page } = await openViewer(h, '/?sel=drug%3Anivolumab');
    await page
      .locator('#details-name')
      .filter({ hasText: /^Nivolumab$/ })
      .waitFor();
    const overviewOrder = await graphOrder(page);
    await page.getByLabel('Ego network depth').selectOption('1');
    await page.getByRole('button', { name: 'Focus', exact: true }).click();
    await page.waitForURL(/view=ego/);
    await waitIdle(page);
    const one = await graphOrder(page);
    await page.getByLabel('Ego network depth').selectOption('2');
    await page.getByRole('button', { name: 'Focus', exact: true }).click();
    await page.waitForURL(/depth=2/);
    await waitIdle(page);
    const two = await graphOrder(page);
    expect(two).toBeGreaterThan(one);
    const neighbours = await page.evaluate(() => (window as any).__atlas.graph.neighbors('drug:nivolumab').length);
    expect(one).toBe(neighbours + 1);
    await page.waitForTimeout(400);
    await shot(page, 'explorer-ego-2');
    await page.locator('#btn-back').click();
    await page.waitForURL(/depth=1/);
    await waitIdle(page);
    expect(await graphOrder(page)).toBe(one);
    await page.locator('#btn-back').click();
    await page.waitForURL((u) => !u.search.includes('view=ego'));
    await waitIdle(page);
    expect(await graphOrder(page)).toBe(overviewOrder);
    await page.locator('#btn-forward').click();
    await page.waitForURL(/depth=1/);
    await waitIdle(page);
    expect(await graphOrder(page)).toBe(one);
    await page.context().close();
  });

  it('reopens the same view from a deep link', async () => {
    const url =
      '/?view=ego&focus=drug%3Anivolumab&depth=1&sel=drug%3Anivolumab&hide=Reference&hideRel=REPORTED_IN&size=betweenness&color=community&tab=details';
    const { page, errors } = await openViewer(h, url);
    await waitIdle(page);
    await page
      .locator('#details-name')
      .filter({ hasText: /^Nivolumab$/ })
      .waitFor();
    const st = await appState(page);
    expect(st.spec).toMatchObject({ mode: 'ego', id: 'drug:nivolumab', depth: 1 });
    expect(st.hiddenLabels).toEqual(['Reference']);
    expect(st.hiddenRelTypes).toEqual(['REPORTED_IN']);
    expect(await page.locator('#size-by').inputValue()).toBe('betweenness');
    expect(await page.locator('#color-by').inputValue()).toBe('community');
    expect(await page.locator('#legend-types [data-label="Reference"] input').isChecked()).toBe(false);
    const drawn = await page.evaluate(() => {
      const a = (window as any).__atlas;
      const refs = a.graph
        .filterNodes((_n: string, x: any) => x.kind === 'Reference')
        .filter((n: string) => !a.sigma.getNodeDisplayData(n)?.hidden).length;
      const sizes = new Set(a.graph.mapNodes((_n: string, x: any) => Math.round(x.size * 10)));
      const comms = new Set(a.graph.mapNodes((_n: string, x: any) => x.community));
      return { refs, sizes: sizes.size, comms: comms.size, selected: a.view.selected };
    });
    expect(drawn.refs).toBe(0);
    expect(drawn.sizes).toBeGreaterThan(1);
    expect(drawn.comms).toBeGreaterThan(0);
    expect(drawn.selected).toBe('drug:nivolumab');
    await page.waitForTimeout(400);
    await shot(page, 'explorer-deep-link');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('filters relationship types, sizes by betweenness, runs and stops the layouts', async () => {
    const { page } = await openViewer(h);
    await waitIdle(page);
    // Relationship filter: hide the most frequent type in view.
    const type = await page.evaluate(() => {
      const counts = (window as any).__atlas.view.relTypeCounts() as Map<string, number>;
      return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    });
    await page.locator('#legend-types').scrollIntoViewIfNeeded();
    await page.locator('#legend-rels-summary').click();
    await page.locator(`#legend-rels [data-type="${type}"] input`).uncheck();
    expect(page.url()).toContain(`hideRel=${type}`);
    const shown = await page.evaluate((t) => {
      const a = (window as any).__atlas;
      return a.graph
        .filterEdges((_e: string, x: any) => x.relType === t)
        .filter((e: string) => !a.sigma.getEdgeDisplayData(e)?.hidden).length;
    }, type);
    expect(shown).toBe(0);
    // Size by betweenness changes node sizes.
    await page.locator('#size-by').selectOption('betweenness');
    const sized = await page.evaluate(
      () =>
        (window as any).__atlas.graph
          .mapNodes((_n: string, x: any) => x.centrality ?? null)
          .filter((c: any) => c !== null).length,
    );
    expect(sized).toBeGreaterThan(0);
    // Louvain colours.
    await page.locator('#color-by').selectOption('community');
    expect(page.url()).toContain('color=community');
    // FA2 start / stop.
    await page.locator('#btn-fa2').click();
    expect(await page.evaluate(() => (window as any).__atlas.view.isLayoutRunning())).toBe(true);
    await expect.poll(() => page.locator('#btn-fa2').textContent()).toContain('Stop');
    await page.waitForTimeout(500);
    await page.locator('#btn-fa2').click();
    expect(await page.evaluate(() => (window as any).__atlas.view.isLayoutRunning())).toBe(false);
    // Grouped by type: nodes of one type end up closer to each other than to others.
    await page.locator('#btn-group-layout').click();
    await page.waitForTimeout(1000);
    const spread = await page.evaluate(() => {
      const a = (window as any).__atlas;
      const by = new Map<string, { x: number; y: number }[]>();
      a.graph.forEachNode((_n: string, x: any) =>
        (by.get(x.kind) ?? by.set(x.kind, []).get(x.kind)!).push({ x: x.x, y: x.y }),
      );
      const c = (ps: { x: number; y: number }[]) => ({
        x: ps.reduce((s, p) => s + p.x, 0) / ps.length,
        y: ps.reduce((s, p) => s + p.y, 0) / ps.length,
      });
      let within = 0,
        n = 0;
      const centres = [...by.values()].map(c);
      for (const ps of by.values()) {
        const m = c(ps);
        for (const p of ps) {
          within += Math.hypot(p.x - m.x, p.y - m.y);
          n++;
        }
      }
      const all = c(centres);
      const between = centres.reduce((s, m) => s + Math.hypot(m.x - all.x, m.y - all.y), 0) / centres.length;
      return { within: within / n, between };
    });
    expect(spread.between).toBeGreaterThan(spread.within);
    const stats = await canvasStats(page);
    expect(stats.colors).toBeGreaterThan(8);
    await shot(page, 'explorer-grouped-community');
    await page.context().close();
  });
});
