/**
 * "Load more" in short main-thread tasks (issue 8): the settle cut into slices computes
 * exactly what the one-task settle computes, a cancelled one writes nothing, the merge's
 * plan is what the one-task merge adds, the slicer pauses only once a slice's budget is
 * spent, and the label drawer's placement (priority order, no collisions, the framed
 * "+N more" caption at a free spot). No browser.
 */
import { MultiDirectedGraph } from 'graphology';
import type * as GraphTypes from 'graphology';
import { describe, expect, it } from 'vitest';
import type { Subgraph } from '../../ontology/index.js';
import { mergeSubgraph, planMerge } from '../../client/src/graph/contents.js';
import { type LabelRequest, moreLines, overlaps, placeLabels } from '../../client/src/graph/labels.js';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { fa2Settings, seededRandom, settle, settleSliced } from '../../client/src/graph/layout.js';
import { LabelPriority } from '../../client/src/graph/lod/labelPriority.js';
import { TimeSlicer } from '../../client/src/graph/slices.js';
import type { AtlasGraph } from '../../client/src/graph/types.js';

/** A hub with `n` leaves and a few links between leaves, at seeded positions. */
function hubGraph(n: number): GraphTypes.default {
  const g = new MultiDirectedGraph({ allowSelfLoops: true });
  const rnd = seededRandom(7);
  g.addNode('hub', { x: 0, y: 0, size: 10 });
  for (let i = 0; i < n; i++) {
    g.addNode(`n${i}`, { x: rnd() * 200 - 100, y: rnd() * 200 - 100, size: 4 });
    g.addDirectedEdge('hub', `n${i}`);
    if (i % 5 === 4) g.addDirectedEdge(`n${i}`, `n${i - 3}`);
  }
  return g as unknown as GraphTypes.default;
}

const positions = (g: GraphTypes.default) => g.mapNodes((n, a) => [n, a.x, a.y]);
const noPause = () => Promise.resolve();

describe('the sliced settle', () => {
  it('computes what the one-task settle computes, however it is sliced, and keeps fixed nodes put', async () => {
    const one = hubGraph(60);
    const fixed = (n: string) => n === 'hub' || n === 'n0' || n === 'n1';
    one.forEachNode((n) => {
      if (fixed(n)) one.setNodeAttribute(n, 'fixed', true);
    });
    settle(one, 25);
    // The library's own synchronous run gives the same positions (settle runs its iterations).
    const lib = hubGraph(60);
    lib.forEachNode((n) => {
      if (fixed(n)) lib.setNodeAttribute(n, 'fixed', true);
    });
    (forceAtlas2 as unknown as { assign(g: GraphTypes.default, p: Record<string, unknown>): void }).assign(lib, {
      iterations: 25,
      settings: fa2Settings(lib),
      getEdgeWeight: null,
    });
    let pauses = 0;
    const sliced = hubGraph(60);
    const before = positions(sliced);
    const done = await settleSliced(sliced, 25, {
      fixed,
      budgetMs: 0,
      pause: async () => {
        pauses++;
      },
    });
    expect(done).toBe(true);
    // A budget of 0: a pause between every two iterations.
    expect(pauses).toBe(24);
    const a = positions(one);
    const b = positions(sliced);
    // Moving nodes: the very same positions. (The one-task settle also writes the fixed nodes
    // back through its float32 matrix; the sliced one leaves them untouched.)
    const moving = (p: typeof a) => p.filter(([n]) => !fixed(String(n)));
    expect(moving(b)).toEqual(moving(a));
    expect(moving(positions(lib))).toEqual(moving(a));
    // Fixed nodes kept their places (and no `fixed` attribute was written on the graph).
    for (const [i, [n]] of before.entries()) if (fixed(String(n))) expect(b[i]).toEqual(before[i]);
    expect(sliced.someNode((_n, attrs) => 'fixed' in attrs)).toBe(false);
    // Moving nodes moved.
    expect(b.filter((p, i) => p[1] !== before[i]![1]).length).toBe(58);

    const big = hubGraph(60);
    await settleSliced(big, 25, { fixed, budgetMs: 1e9, pause: noPause });
    expect(moving(positions(big))).toEqual(moving(a));
  });

  it('writes nothing when cancelled between slices', async () => {
    const g = hubGraph(40);
    const before = positions(g);
    let writes = 0;
    g.on('eachNodeAttributesUpdated', () => writes++);
    g.on('nodeAttributesUpdated', () => writes++);
    const done = await settleSliced(g, 20, { budgetMs: 0, pause: noPause, cancelled: () => true });
    expect(done).toBe(false);
    expect(writes).toBe(0);
    expect(positions(g)).toEqual(before);
  });

  it('writes every moved position in one update', async () => {
    const g = hubGraph(40);
    let bulk = 0;
    let single = 0;
    g.on('eachNodeAttributesUpdated', () => bulk++);
    g.on('nodeAttributesUpdated', () => single++);
    await settleSliced(g, 10, { fixed: (n) => n === 'hub', budgetMs: 1e9, pause: noPause });
    expect([bulk, single]).toEqual([1, 0]);
  });
});

describe('the merge plan', () => {
  const sub = (from: number, to: number): Subgraph => ({
    nodes: [
      { id: 'hub', name: 'Hub', label: 'Target' },
      ...Array.from({ length: to - from }, (_, i) => ({ id: `d${from + i}`, name: `Drug ${from + i}`, label: 'Drug' })),
    ] as Subgraph['nodes'],
    edges: Array.from({ length: to - from }, (_, i) => ({
      id: `e${from + i}`,
      type: 'TARGETS',
      source: `d${from + i}`,
      target: 'hub',
    })) as Subgraph['edges'],
  });
  const start = (): AtlasGraph => {
    const g = new MultiDirectedGraph({ allowSelfLoops: true }) as unknown as AtlasGraph;
    mergeSubgraph(g, sub(0, 10));
    return g;
  };

  it('holds the nodes and edges the one-task merge adds, at the same places, and adds nothing itself', () => {
    const once = start();
    const added = mergeSubgraph(once, sub(5, 40), 'hub');
    const planned = start();
    const order = planned.order;
    const plan = planMerge(planned, sub(5, 40), 'hub');
    expect(planned.order).toBe(order);
    expect(plan.nodes.map((n) => n.id)).toEqual(added);
    for (const n of plan.nodes) {
      expect(n.attrs.x).toBe(once.getNodeAttribute(n.id, 'x'));
      expect(n.attrs.y).toBe(once.getNodeAttribute(n.id, 'y'));
      expect(n.attrs.parents).toEqual(['hub']);
    }
    // Sorted edges, the known ones included (adding skips those already drawn).
    expect(plan.edges.map((e) => e.id)).toEqual(
      Array.from({ length: 35 }, (_, i) => `e${5 + i}`).sort((a, b) => (`d${a.slice(1)}` < `d${b.slice(1)}` ? -1 : 1)),
    );
  });
});

describe('the time slicer', () => {
  it('pauses only once a slice has spent its budget', async () => {
    let pauses = 0;
    const pause = async () => {
      pauses++;
    };
    const roomy = new TimeSlicer(1e9, pause);
    for (let i = 0; i < 1000; i++) expect(await roomy.tick()).toBe(false);
    expect(pauses).toBe(0);
    const tight = new TimeSlicer(0, pause);
    for (let i = 0; i < 10; i++) expect(await tight.tick()).toBe(true);
    expect(pauses).toBe(10);
  });
});

describe('label placement', () => {
  const measure = (t: string) => t.length * 7;
  const req = (text: string, x: number, y: number, priority = 0, more = false): LabelRequest => ({
    text,
    x,
    y,
    size: 5,
    priority,
    more,
  });

  it('draws by priority and skips what would overlap a label drawn before it', () => {
    const placed = placeLabels(
      [
        req('grid label', 100, 100),
        req('top degree', 102, 101, LabelPriority.degree),
        req('neighbour', 104, 100, LabelPriority.neighbour),
        req('far away', 400, 400),
      ],
      measure,
      13,
      1000,
      800,
    );
    expect(placed.map((p) => p.request.text)).toEqual(['neighbour', 'far away']);
  });

  it('always draws the selected and hovered labels', () => {
    const placed = placeLabels(
      [
        req('a', 100, 100, LabelPriority.neighbour),
        req('selected', 100, 100, LabelPriority.selected),
        req('hovered', 101, 100, LabelPriority.hovered),
      ],
      measure,
      13,
      1000,
      800,
    );
    expect(placed.map((p) => p.request.text)).toEqual(['selected', 'hovered']);
  });

  it('frames a "+N more" caption on two lines at a free spot, and other labels keep off it', () => {
    const caption = 'TARGETS: showing 550 of 10,000 — load more';
    expect(moreLines(caption)).toEqual(['TARGETS: showing 550 of 10,000', 'load more']);
    const placed = placeLabels(
      [
        // The neighbour's label takes the spot right of the "+N more" node.
        req('a neighbour with a long name', 300, 300, LabelPriority.neighbour),
        req(caption, 290, 300, LabelPriority.more, true),
        req('top degree', 300, 280, LabelPriority.degree),
        req('grid', 200, 300),
      ],
      measure,
      13,
      1000,
      800,
    );
    const more = placed.find((p) => p.request.more)!;
    expect(more.lines.map((l) => l.text)).toEqual(['TARGETS: showing 550 of 10,000', 'load more']);
    const neighbour = placed.find((p) => p.request.text.startsWith('a neighbour'))!;
    expect(overlaps(more.box, neighbour.box)).toBe(false);
    // Left of its node, as right was taken.
    expect(more.box.x + more.box.w).toBeLessThanOrEqual(290);
    for (const p of placed) if (p !== more) expect(overlaps(p.box, more.box)).toBe(false);
    // Inside the stage.
    expect(more.box.x).toBeGreaterThanOrEqual(0);
  });

  it('keeps captions inside the stage near its edges', () => {
    const [p] = placeLabels(
      [req('X: showing 1 of 9 — load more', 995, 795, LabelPriority.more, true)],
      measure,
      13,
      1000,
      800,
    );
    expect(p!.box.x + p!.box.w).toBeLessThanOrEqual(1000);
    expect(p!.box.y + p!.box.h).toBeLessThanOrEqual(800);
  });
});
