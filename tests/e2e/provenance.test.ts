/**
 * Provenance on the canvas and the keyboard: hovering a relationship shows where it came
 * from (the evidence line the API reports for it, its reference numbers, "uncited in the
 * review"); clicking it opens it in the details panel; with a node selected, ] / [ and
 * → / ← walk its neighbours, Enter expands the selected node, Escape clears it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appState,
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

interface EdgeTarget {
  id: string;
  type: string;
  source: string;
  target: string;
  sourceName: string;
  targetName: string;
  /** The midpoint of the drawn edge, in page coordinates. */
  x: number;
  y: number;
}

/**
 * A straight, drawn edge whose midpoint (graphToViewport of the midpoint of its two ends)
 * is well inside the stage, away from every node disc and from every other edge, so that
 * the pointer there can only be over this edge.
 */
async function clearEdge(page: Page, only: { uncited?: boolean } = {}): Promise<EdgeTarget> {
  const found = await page.evaluate((only) => {
    const a = (window as any).__atlas;
    const s = a.sigma;
    const g = a.graph;
    const rect = s.getContainer().getBoundingClientRect();
    const { width, height } = s.getDimensions();
    const vp = (n: string) => s.graphToViewport({ x: g.getNodeAttribute(n, 'x'), y: g.getNodeAttribute(n, 'y') });
    const drawn = g.filterEdges((e: string) => !s.getEdgeDisplayData(e)?.hidden);
    const segs = drawn.map((e: string) => {
      const [u, v] = g.extremities(e);
      return { e, p: vp(u), q: vp(v) };
    });
    const nodes = g
      .filterNodes((n: string) => !s.getNodeDisplayData(n)?.hidden)
      .map((n: string) => ({ n, p: vp(n), r: s.scaleSize(s.getNodeDisplayData(n).size) }));
    const distSeg = (m: { x: number; y: number }, p: { x: number; y: number }, q: { x: number; y: number }) => {
      const dx = q.x - p.x,
        dy = q.y - p.y;
      const t = Math.max(0, Math.min(1, ((m.x - p.x) * dx + (m.y - p.y) * dy) / (dx * dx + dy * dy || 1)));
      return Math.hypot(m.x - (p.x + t * dx), m.y - (p.y + t * dy));
    };
    let best: { score: number; out: any } | null = null;
    for (const { e, p, q } of segs) {
      const attrs = g.getEdgeAttributes(e);
      if (attrs.type !== 'arrow') continue; // parallel edges are curved: their midpoint is elsewhere
      if (only.uncited && attrs.data.uncited !== true) continue;
      const [u, v] = g.extremities(e);
      if (u === v) continue;
      const m = s.graphToViewport({
        x: (g.getNodeAttribute(u, 'x') + g.getNodeAttribute(v, 'x')) / 2,
        y: (g.getNodeAttribute(u, 'y') + g.getNodeAttribute(v, 'y')) / 2,
      });
      const len = Math.hypot(q.x - p.x, q.y - p.y);
      if (len < 70 || m.x < 60 || m.y < 60 || m.x > width - 60 || m.y > height - 60) continue;
      const nodeGap = Math.min(...nodes.map((o: any) => Math.hypot(o.p.x - m.x, o.p.y - m.y) - o.r));
      const edgeGap = Math.min(Infinity, ...segs.filter((o: any) => o.e !== e).map((o: any) => distSeg(m, o.p, o.q)));
      if (nodeGap < 14 || edgeGap < 9) continue;
      const score = Math.min(nodeGap, edgeGap * 2);
      if (!best || score > best.score) {
        best = {
          score,
          out: {
            id: e,
            type: attrs.relType,
            source: u,
            target: v,
            sourceName: g.getNodeAttribute(u, 'label'),
            targetName: g.getNodeAttribute(v, 'label'),
            x: rect.left + m.x,
            y: rect.top + m.y,
          },
        };
      }
    }
    return best?.out ?? null;
  }, only);
  if (!found) throw new Error('no edge with a clear midpoint in view');
  return found as EdgeTarget;
}

/** What the API says about a relationship: /api/nodes/:source, the entry with this id. */
async function apiRelationship(source: string, id: string): Promise<{ type: string; props: Record<string, any> }> {
  const res = await fetch(`${h.url}/api/nodes/${encodeURIComponent(source)}`);
  const d = (await res.json()) as { relationships: { id: string; type: string; props: Record<string, any> }[] };
  const rel = d.relationships.find((r) => r.id === id);
  if (!rel) throw new Error(`relationship ${id} not found on ${source}`);
  return rel;
}

/** Pointer onto a point along a short approach, so sigma sees the move (and the enterEdge). */
async function hoverAt(page: Page, x: number, y: number): Promise<void> {
  await page.mouse.move(x - 30, y - 40);
  await page.mouse.move(x, y, { steps: 6 });
}

async function settle(page: Page): Promise<void> {
  await waitIdle(page);
  // The camera animation that frames the view.
  await page.waitForTimeout(800);
}

describe('relationship provenance on the canvas', () => {
  it('hovering an edge shows its evidence and refs; clicking it opens it in the details', async () => {
    const { page, errors } = await openViewer(h, '/?view=ego&focus=drug%3Anivolumab&depth=1');
    await settle(page);
    const edge = await clearEdge(page);
    const rel = await apiRelationship(edge.source, edge.id);
    expect(rel.type).toBe(edge.type);
    const evidence = String(rel.props.evidence);
    expect(evidence.length).toBeGreaterThan(10);

    await hoverAt(page, edge.x, edge.y);
    const tip = page.locator('#edge-tooltip');
    await tip.waitFor({ state: 'visible', timeout: 5000 });
    expect(await tip.getAttribute('data-edge')).toBe(edge.id);
    const text = (await tip.textContent()) ?? '';
    expect(text).toContain(evidence);
    expect(text).toContain(`${edge.sourceName}–${edge.type}→${edge.targetName}`);
    for (const r of rel.props.refs as number[]) expect(text).toContain(`[${r}]`);
    // Near the pointer, inside the stage.
    const box = (await tip.boundingBox())!;
    const stage = (await page.locator('.stage').boundingBox())!;
    expect(Math.hypot(box.x - edge.x, box.y - edge.y)).toBeLessThan(Math.max(box.width, box.height) + 60);
    expect(box.x).toBeGreaterThanOrEqual(stage.x);
    expect(box.x + box.width).toBeLessThanOrEqual(stage.x + stage.width + 1);
    // The hovered edge is drawn emphasised (thicker, labelled).
    const shown = await page.evaluate((id) => (window as any).__atlas.sigma.getEdgeDisplayData(id), edge.id);
    expect(shown.size).toBeGreaterThan(2);
    await shot(page, 'provenance-edge-tooltip');

    // Off the edge: the tooltip goes away.
    await page.mouse.move(edge.x + 200, 5);
    await tip.waitFor({ state: 'hidden', timeout: 5000 });

    // Click: the relationship in the details panel.
    await hoverAt(page, edge.x, edge.y);
    await tip.waitFor({ state: 'visible', timeout: 5000 });
    await page.mouse.click(edge.x, edge.y);
    const details = page.locator('#pane-details .edge-details');
    await details.waitFor();
    expect(await details.getAttribute('data-edge')).toBe(edge.id);
    expect((await details.locator('#edge-type').textContent())?.trim()).toBe(edge.type);
    expect((await details.locator('.edge-evidence').textContent())?.trim()).toBe(evidence);
    const refsText = (await details.locator('.edge-refs').textContent()) ?? '';
    for (const r of rel.props.refs as number[]) expect(refsText).toContain(`[${r}]`);
    if (rel.props.section) expect(await details.locator('.kv').textContent()).toContain(String(rel.props.section));
    expect(await details.locator('[data-end="source"]').textContent()).toBe(edge.sourceName);
    expect(await details.locator('[data-end="target"]').textContent()).toBe(edge.targetName);
    expect(await page.evaluate(() => (window as any).__atlas.view.selectedEdge)).toBe(edge.id);
    await page.mouse.move(5, 300);
    await shot(page, 'provenance-edge-details');

    // An end is a link to the node.
    await details.locator('[data-end="target"]').click();
    await page.locator('#details-name').filter({ hasText: edge.targetName }).waitFor();
    expect((await appState(page)).selected).toBe(edge.target);
    expect(await page.evaluate(() => (window as any).__atlas.view.selectedEdge)).toBeNull();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('says when a relationship is uncited in the review, with its curation note', async () => {
    const { page, errors } = await openViewer(h, '/?view=ego&focus=guideline%3Acsco&depth=1');
    await settle(page);
    const edge = await clearEdge(page, { uncited: true });
    const rel = await apiRelationship(edge.source, edge.id);
    expect(rel.props.uncited).toBe(true);
    await hoverAt(page, edge.x, edge.y);
    const tip = page.locator('#edge-tooltip');
    await tip.waitFor({ state: 'visible', timeout: 5000 });
    expect(await tip.textContent()).toContain('uncited in the review');
    expect(await tip.textContent()).toContain(String(rel.props.evidence));
    await shot(page, 'provenance-edge-uncited');
    await page.mouse.click(edge.x, edge.y);
    const details = page.locator('#pane-details .edge-details');
    await details.waitFor();
    expect(await details.textContent()).toContain('uncited in the review');
    if (rel.props.curationNote)
      expect(await details.locator('.note.curation').textContent()).toBe(String(rel.props.curationNote));
    await page.mouse.move(5, 300);
    await shot(page, 'provenance-edge-uncited-details');
    // Escape closes the relationship.
    await page.locator('#sigma').focus();
    await page.keyboard.press('Escape');
    await details.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => (window as any).__atlas.view.selectedEdge)).toBeNull();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('keyboard on the graph', () => {
  it('walks the neighbours of the selected node with ] [ → ←, expands with Enter, clears with Escape', async () => {
    const { page, errors } = await openViewer(h);
    await waitIdle(page);
    const canvas = page.locator('#sigma');
    expect(await canvas.getAttribute('tabindex')).toBe('0');
    expect(await canvas.getAttribute('aria-label')).toMatch(/neighbour/);

    await searchAndPick(page, 'input[aria-label="Search"]', 'nivolumab', 'Nivolumab');
    await page
      .locator('#details-name')
      .filter({ hasText: /^Nivolumab$/ })
      .waitFor();
    await settle(page);
    // In the search box, ] is just a character.
    await page.locator('input[aria-label="Search"]').press(']');
    expect((await appState(page)).selected).toBe('drug:nivolumab');
    await page.locator('input[aria-label="Search"]').press('Escape');
    await page.locator('input[aria-label="Search"]').fill('');

    const neighbours: string[] = await page.evaluate(() => (window as any).__atlas.graph.neighbors('drug:nivolumab'));
    expect(neighbours.length).toBeGreaterThan(2);
    expect(await page.locator('#stage-info').textContent()).toMatch(/neighbours/);

    await canvas.focus();
    const selectedAfter = async (key: string, from: string) => {
      await page.keyboard.press(key);
      await page.waitForFunction((f) => (window as any).__atlas.app.state.selected !== f, from);
      return (await appState(page)).selected as string;
    };
    const first = await selectedAfter(']', 'drug:nivolumab');
    expect(neighbours).toContain(first);
    const name1 = await page.evaluate((id) => (window as any).__atlas.graph.getNodeAttribute(id, 'label'), first);
    await page.locator('#details-name').filter({ hasText: name1 }).waitFor();
    const second = await selectedAfter(']', first);
    expect(neighbours).toContain(second);
    expect(second).not.toBe(first);
    expect(await selectedAfter('[', second)).toBe(first);
    expect(await selectedAfter('ArrowRight', first)).toBe(second);
    expect(await selectedAfter('ArrowLeft', second)).toBe(first);
    await page.waitForTimeout(500);
    await shot(page, 'provenance-keyboard-cycle');

    // Walk on to a neighbour that has neighbours not shown yet, then Enter expands it.
    let current = first;
    const hiddenNeighbours = async (id: string) =>
      page.evaluate(async (id) => {
        const a = (window as any).__atlas;
        const d = await (await fetch(`/api/nodes/${encodeURIComponent(id)}`)).json();
        return d.relationships.filter((r: any) => !a.graph.hasNode(r.other.id)).length;
      }, id);
    for (let i = 0; i < neighbours.length && (await hiddenNeighbours(current)) === 0; i++) {
      current = await selectedAfter(']', current);
      expect(neighbours).toContain(current);
    }
    expect(await hiddenNeighbours(current)).toBeGreaterThan(0);
    const before = await graphOrder(page);
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => (window as any).__atlas.graph.order > n, before);
    expect((await appState(page)).ops).toContain(current);
    expect((await appState(page)).selected).toBe(current);
    await waitIdle(page);

    // After an expansion the walk goes round the expanded node.
    const around: string[] = await page.evaluate((id) => (window as any).__atlas.graph.neighbors(id), current);
    const next = await selectedAfter(']', current);
    expect(around).toContain(next);

    await page.keyboard.press('Escape');
    await page.waitForFunction(() => (window as any).__atlas.app.state.selected === null);
    await page.locator('#pane-details .empty-hint').waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
