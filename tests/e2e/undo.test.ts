/**
 * Undo and redo over store snapshots: an expansion (double-click), a filter (legend), a
 * collapse (details) and a query run are each undone with Ctrl+Z or the Undo button, in
 * reverse order, and redone with Ctrl+Shift+Z or Redo; the graph, filters and URL follow.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  appState,
  graphOrder,
  nodeScreenPos,
  openViewer,
  positions,
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

/** What the test compares after each step: graph size, drawn count, filters, expansions, view. */
async function snapshot(page: Page) {
  await waitIdle(page);
  const s = await appState(page);
  const drawn = await page.evaluate(() => (window as any).__atlas.view.visibleCounts().nodes as number);
  return { order: await graphOrder(page), drawn, hide: s.hiddenLabels, ops: s.ops, mode: s.spec.mode, url: page.url() };
}

/** Undo / redo steps of the store (the page handles a key press when it gets to it). */
const steps = (page: Page) =>
  page.evaluate(() => (window as any).__atlas.app.store.steps as { past: number; future: number });

/**
 * Presses a shortcut (or clicks a button: `#id`) and waits until the store took the step: under load the page may
 * handle the key after a snapshot would already have read the state.
 */
async function pressStep(page: Page, key: string, side: 'past' | 'future') {
  const before = (await steps(page))[side];
  if (key.startsWith('#')) await page.locator(key).click();
  else await page.keyboard.press(key);
  await page.waitForFunction(([s, n]) => (window as any).__atlas.app.store.steps[s as string] > (n as number), [
    side,
    before,
  ] as const);
}
const undoKey = (page: Page) => pressStep(page, 'Control+z', 'future');
const redoKey = (page: Page) => pressStep(page, 'Control+Shift+Z', 'past');

describe('undo / redo', () => {
  it('undoes and redoes expand, filter, collapse and a query run, by keys and buttons', async () => {
    const { page, errors } = await openViewer(h, '/?view=ego&focus=drug%3Anivolumab&depth=1');
    const s0 = await snapshot(page);
    expect(await page.locator('#btn-undo').isDisabled()).toBe(true);

    // 1. Expand a neighbour that brings new nodes (double-click also selects it: one more step).
    // The neighbour with the most relationships to nodes not yet shown (as the explorer test).
    const target = await page.evaluate(async () => {
      const a = (window as any).__atlas;
      let best = { id: '', hidden: 0 };
      for (const id of a.graph.neighbors('drug:nivolumab') as string[]) {
        const d = await (await fetch(`/api/nodes/${encodeURIComponent(id)}`)).json();
        const hidden = new Set(d.relationships.map((r: any) => r.other.id).filter((o: string) => !a.graph.hasNode(o)))
          .size;
        if (hidden > best.hidden) best = { id, hidden };
      }
      return best.id;
    });
    expect(target).not.toBe('');
    const kept = await positions(page);
    const at = await nodeScreenPos(page, target);
    await page.mouse.dblclick(at.x, at.y);
    await page.waitForFunction((n) => (window as any).__atlas.graph.order > n, s0.order);
    const s1 = await snapshot(page);
    expect(s1.ops).toEqual([target]);

    // 2. Hide a node type that is drawn (not the target's).
    const kind = await page.evaluate((t) => {
      const g = (window as any).__atlas.graph;
      const own = g.getNodeAttribute(t, 'kind');
      return g.mapNodes((_n: string, a: any) => a.kind).find((k: string) => k !== own && k !== 'Drug') as string;
    }, target);
    await page.locator(`#legend-types [data-label="${kind}"] input`).uncheck();
    await page.waitForURL(new RegExp(`hide=${kind}`));
    const s2 = await snapshot(page);
    expect(s2.drawn).toBeLessThan(s1.drawn);

    // 3. Collapse the target (details panel).
    await page.getByRole('button', { name: 'Collapse', exact: true }).click();
    await page.waitForFunction(() => (window as any).__atlas.app.state.ops.length === 2);
    const s3 = await snapshot(page);
    expect(s3.ops).toEqual([target, `-${target}`]);
    expect(s3.order).toBeLessThan(s2.order);

    // 4. Run a query (a new base view), as a saved question or a link does: the keyboard
    // stays on the canvas.
    await page.locator('#sigma').focus();
    await page.evaluate(() =>
      (window as any).__atlas.app.runCypher('MATCH (d:Drug)-[r]->(t:Target) RETURN d, r, t LIMIT 6'),
    );
    const s4 = await snapshot(page);
    expect(s4.mode).toBe('cypher');

    // The query tab's editor mounts lazily; once it has, the canvas must still have the
    // keyboard (an editor that took the focus on mounting swallowed the Ctrl+Z under load).
    await page.locator('#cypher-editor[data-ready="true"] .cm-editor').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sigma');

    // Undo, in reverse: query, collapse, filter, expansion (then the selection).
    await undoKey(page);
    expect(await snapshot(page)).toMatchObject({ mode: 'ego', ops: s3.ops, order: s3.order, hide: [kind] });
    await undoKey(page);
    expect(await snapshot(page)).toMatchObject({ ops: s1.ops, order: s2.order, hide: [kind] });
    await pressStep(page, '#btn-undo', 'future');
    expect(await snapshot(page)).toMatchObject({ ops: s1.ops, order: s1.order, drawn: s1.drawn, hide: [] });
    await undoKey(page);
    const back = await snapshot(page);
    expect(back).toMatchObject({ ops: [], order: s0.order, drawn: s0.drawn });
    // Undoing the expansion drops what it added: the others did not move.
    const undone = await positions(page);
    for (const [id, p] of Object.entries(kept)) expect(undone[id]!.x).toBeCloseTo(p.x, 5);
    await undoKey(page);
    expect((await appState(page)).selected).toBeNull();
    expect(await page.locator('#btn-undo').isDisabled()).toBe(true);

    // Redo all the way: selection, expansion, filter, collapse, query.
    await pressStep(page, '#btn-redo', 'past');
    await pressStep(page, '#btn-redo', 'past');
    expect(await snapshot(page)).toMatchObject({ ops: s1.ops, order: s1.order, hide: [] });
    await redoKey(page);
    expect(await snapshot(page)).toMatchObject({ hide: [kind], drawn: s2.drawn });
    await redoKey(page);
    expect(await snapshot(page)).toMatchObject({ ops: s3.ops, order: s3.order });
    await redoKey(page);
    expect(await snapshot(page)).toMatchObject({ mode: 'cypher', order: s4.order });
    expect(await page.locator('#btn-redo').isDisabled()).toBe(true);
    expect(page.url()).toContain('view=cypher');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
