/** The viewer's level-of-detail rules (client/src/graph/lod/): pure functions, no browser. */
import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import {
  changedSettings,
  drawsLines,
  edgeProgram,
  FOCUS_ARROW_EDGE,
  FOCUS_ARROWS,
  focusKeepsArrows,
  isBigGraph,
  LINE_EDGE,
  LINES_FROM,
  sizeSettings,
} from '../../client/src/graph/lod/bigGraphSettings.js';
import { type LodHost, LevelOfDetail } from '../../client/src/graph/lod/controller.js';
import { RenderHold } from '../../client/src/graph/renderHold.js';
import {
  applyEdgeBudget,
  type BudgetEdge,
  edgeBudgetCaption,
  hiddenByBudget,
} from '../../client/src/graph/lod/edgeBudget.js';
import {
  forcedLabels,
  LABEL_DENSITY_PRESETS,
  LabelPriority,
  labelGridSettings,
  topByDegree,
} from '../../client/src/graph/lod/labelPriority.js';
import {
  ConvergenceWatch,
  layoutBudget,
  MIN_SETTLE,
  type Point,
  relativeMovement,
  settleIterations,
} from '../../client/src/graph/lod/layoutStop.js';
import {
  aggregateOf,
  loadMore,
  moreCaption,
  pageToSubgraph,
  type RelationshipPageLike,
  shownInGroup,
} from '../../client/src/graph/lod/moreNode.js';

describe('label priority', () => {
  const degrees: Record<string, number> = { a: 1, b: 9, c: 5, d: 9, e: 0, f: 3 };
  const degreeOf = (id: string) => degrees[id] ?? 0;

  it('keeps the k most connected ids, ties by id, without sorting everything', () => {
    expect(topByDegree(Object.keys(degrees), degreeOf, 3)).toEqual(['b', 'd', 'c']);
    expect(topByDegree(Object.keys(degrees), degreeOf, 0)).toEqual([]);
    const many = Array.from({ length: 5000 }, (_, i) => `n${i}`);
    const top = topByDegree(many, (id) => Number(id.slice(1)) % 1000, 5);
    expect(top).toEqual(['n1999', 'n2999', 'n3999', 'n4999', 'n999']);
  });

  it('forces selection, hover and the selection’s neighbours above the most connected nodes', () => {
    const nodes = Array.from({ length: 100 }, (_, i) => `n${i}`);
    const forced = forcedLabels({
      nodes,
      degreeOf: (id) => Number(id.slice(1)),
      selected: 'n3',
      hovered: 'n4',
      selectedNeighbours: ['n5', 'n99'],
      density: LABEL_DENSITY_PRESETS.few,
    });
    expect(forced.get('n3')).toBe(LabelPriority.selected);
    expect(forced.get('n4')).toBe(LabelPriority.hovered);
    expect(forced.get('n5')).toBe(LabelPriority.neighbour);
    // n99 is both top-degree and a neighbour: the higher priority wins.
    expect(forced.get('n99')).toBe(LabelPriority.neighbour);
    expect(forced.get('n98')).toBe(LabelPriority.degree);
    expect(forced.has('n50')).toBe(false);
    // The lowest density forces 10 top-degree labels, a higher one more.
    const count = (density: number) =>
      [
        ...forcedLabels({
          nodes,
          degreeOf: (id) => Number(id.slice(1)),
          selected: null,
          hovered: null,
          selectedNeighbours: [],
          density,
        }).values(),
      ].length;
    expect(count(LABEL_DENSITY_PRESETS.few)).toBe(10);
    expect(count(LABEL_DENSITY_PRESETS.many)).toBeGreaterThan(count(LABEL_DENSITY_PRESETS.few));
  });

  it('lets fewer labels through the grid at a lower density and on bigger views', () => {
    const few = labelGridSettings(LABEL_DENSITY_PRESETS.few, 1000);
    const many = labelGridSettings(LABEL_DENSITY_PRESETS.many, 1000);
    expect(few.labelDensity).toBeLessThan(many.labelDensity);
    expect(few.labelGridCellSize).toBeGreaterThan(many.labelGridCellSize);
    expect(few.labelRenderedSizeThreshold).toBeGreaterThan(many.labelRenderedSizeThreshold);
    expect(labelGridSettings(LABEL_DENSITY_PRESETS.normal, 40).labelRenderedSizeThreshold).toBe(0);
    expect(labelGridSettings(LABEL_DENSITY_PRESETS.normal, 10_000).labelRenderedSizeThreshold).toBeGreaterThan(
      labelGridSettings(LABEL_DENSITY_PRESETS.normal, 500).labelRenderedSizeThreshold,
    );
  });
});

describe('edge budget', () => {
  const star = (n: number): BudgetEdge[] =>
    Array.from({ length: n }, (_, i) => ({ id: `e${i}`, source: 'hub', target: `leaf${i}` }));

  it('hides nothing under the budget', () => {
    const r = applyEdgeBudget(star(10), () => 1, 10);
    expect(r).toMatchObject({ total: 10, shown: 10, folded: 0 });
    expect(r.kept).toBeNull();
    expect(edgeBudgetCaption(r)).toBeNull();
  });

  it('folds parallel edges first, then hides weak and uncited edges, keeping each node one edge', () => {
    const edges: BudgetEdge[] = [
      { id: 'p1', source: 'a', target: 'b', cited: true },
      { id: 'p2', source: 'b', target: 'a', cited: true },
      { id: 'p3', source: 'a', target: 'b' },
      { id: 'weak', source: 'a', target: 'c', weak: true },
      { id: 'strong', source: 'c', target: 'd', cited: true },
      { id: 'plain', source: 'd', target: 'a' },
    ];
    const r = applyEdgeBudget(edges, () => 1, 4);
    expect(r.total).toBe(6);
    expect(r.shown).toBe(4);
    // The uncited parallel goes, and one of the two equal cited ones (which one is fixed by the keys).
    expect(hiddenByBudget(r, 'p3')).toBe(true);
    expect(['p1', 'p2'].filter((e) => hiddenByBudget(r, e))).toHaveLength(1);
    expect(r.kept?.size).toBe(4);
    expect(r.folded).toBe(2);
    expect(edgeBudgetCaption(r)).toBe('showing 4 of 6 edges');
    // One fewer: the weak edge goes (c keeps its strong edge).
    const r3 = applyEdgeBudget(edges, () => 1, 3);
    expect(hiddenByBudget(r3, 'weak')).toBe(true);
    expect(hiddenByBudget(r3, 'strong')).toBe(false);
  });

  it('never hides kept edges, and leaves no node without an edge when the budget allows', () => {
    const edges = [
      ...star(20),
      ...Array.from({ length: 20 }, (_, i) => ({ id: `x${i}`, source: `leaf${i}`, target: `leaf${(i + 1) % 20}` })),
      { id: 'more', source: 'hub', target: 'more:hub:T:out', weak: true, keep: true },
    ];
    const r = applyEdgeBudget(edges, (id) => (id === 'hub' ? 20 : 3), 22);
    expect(hiddenByBudget(r, 'more')).toBe(false);
    expect(r.shown).toBe(22);
    const drawn = edges.filter((e) => !hiddenByBudget(r, e.id));
    const touched = new Set(drawn.flatMap((e) => [e.source, e.target]));
    for (const e of edges) {
      expect(touched.has(e.source)).toBe(true);
      expect(touched.has(e.target)).toBe(true);
    }
  });

  it('is deterministic and bounded on 50,000 edges', () => {
    const edges = Array.from({ length: 50_000 }, (_, i) => ({
      id: `e${i}`,
      source: `n${i % 4000}`,
      target: `n${(i * 7919) % 4000}`,
      cited: i % 3 === 0,
      weak: i % 5 === 0,
    }));
    const median = (f: () => void) => {
      const t: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        f();
        t.push(performance.now() - t0);
      }
      return t.sort((x, y) => x - y)[1]!;
    };
    const a = applyEdgeBudget(edges, (id) => id.length, 5000);
    const b = applyEdgeBudget([...edges].reverse(), (id) => id.length, 5000);
    expect(a.shown).toBe(5000);
    expect([...a.kept!].sort()).toEqual([...b.kept!].sort());
    // n log n, not n²: five times the edges cost well under 25 times the time (a loaded
    // machine slows both alike).
    const small = edges.slice(0, 10_000);
    const smallMs = median(() => applyEdgeBudget(small, (id) => id.length, 1000));
    const bigMs = median(() => applyEdgeBudget(edges, (id) => id.length, 5000));
    expect(bigMs).toBeLessThan(15 * smallMs + 50);
  });
});

describe('layout stop', () => {
  const cloud = (n: number, jitter: number, seed: number): Map<string, Point> => {
    let s = seed;
    const rnd = () => {
      s = (s * 1664525 + 1013904223) >>> 0;
      return s / 2 ** 32;
    };
    return new Map(
      Array.from({ length: n }, (_, i) => [`n${i}`, { x: i % 50, y: Math.floor(i / 50) + jitter * rnd() }]),
    );
  };

  it('honours "until stopped" on small graphs and caps big ones by size', () => {
    expect(layoutBudget(100, 200).maxMs).toBe(Infinity);
    const mid = layoutBudget(5_000, 20_000);
    const big = layoutBudget(50_000, 500_000);
    expect(mid.maxMs).toBeGreaterThan(4_000);
    expect(big.maxMs).toBeGreaterThan(mid.maxMs);
    expect(big.maxMs).toBeLessThanOrEqual(20_000);
    expect(layoutBudget(50_000, 500_000, 3_000).maxMs).toBe(3_000);
  });

  it('measures movement relative to the drawing', () => {
    const a = new Map([
      ['x', { x: 0, y: 0 }],
      ['y', { x: 3, y: 4 }],
    ]);
    const b = new Map([
      ['x', { x: 0, y: 0.5 }],
      ['y', { x: 3, y: 4.5 }],
    ]);
    expect(relativeMovement(a, b)).toBeCloseTo(0.5 / 5, 5);
    expect(relativeMovement(new Map(), b)).toBe(0);
  });

  it('stops a big layout once it is still for a few samples, or at its time budget', () => {
    const budget = layoutBudget(3_000, 6_000);
    const w = new ConvergenceWatch(budget, 0);
    expect(w.verdict(cloud(3000, 5, 1), 0)).toBe('continue');
    expect(w.verdict(cloud(3000, 5, 2), 250)).toBe('continue'); // still moving a lot
    const still = cloud(3000, 0, 3);
    const verdicts = [500, 750, 1000, 1250].map((t) => w.verdict(still, t));
    expect(verdicts).toEqual(['continue', 'continue', 'continue', 'converged']);
    const t = new ConvergenceWatch(budget, 0);
    expect(t.verdict(cloud(3000, 5, 1), budget.maxMs)).toBe('timeout');
    // A small graph never converges by itself (the user stops it).
    const small = new ConvergenceWatch(layoutBudget(10, 10), 0);
    for (let i = 0; i < 10; i++) expect(small.verdict(still, i * 250)).toBe('continue');
  });

  it('bounds the settle after a merge by the size of the view', () => {
    expect(settleIterations(50, 80)).toBe(120);
    const mid = settleIterations(600, 1_200);
    expect(mid).toBeGreaterThanOrEqual(MIN_SETTLE);
    expect(mid).toBeLessThan(40);
    // Past a few thousand nodes no settle at all (it would be one long main-thread task).
    expect(settleIterations(1_000, 1_100)).toBe(0);
    expect(settleIterations(200_000, 1_000_000)).toBe(0);
  });
});

describe('big-graph settings', () => {
  it('switches to move-hiding, no edge labels or hover, one line program', () => {
    expect(isBigGraph(100, 200)).toBe(false);
    expect(isBigGraph(100, 5_000)).toBe(true);
    expect(isBigGraph(2_500, 10)).toBe(true);
    expect(sizeSettings(true)).toEqual({
      hideEdgesOnMove: true,
      hideLabelsOnMove: true,
      renderEdgeLabels: false,
      enableEdgeEvents: false,
    });
    expect(sizeSettings(false).enableEdgeEvents).toBe(true);
    expect(edgeProgram(true, 'curvedArrow')).toBe(LINE_EDGE);
    expect(edgeProgram(false, 'curvedArrow')).toBe('curvedArrow');
    expect(changedSettings(sizeSettings(false), sizeSettings(true))).toEqual(sizeSettings(true));
    expect(changedSettings(sizeSettings(true), sizeSettings(true))).toEqual({});
  });
});

describe('edges as lines in views of many edges', () => {
  it('draws lines from LINES_FROM drawn edges, arrows for a focus of at most FOCUS_ARROWS edges', () => {
    expect(drawsLines(false, LINES_FROM - 1)).toBe(false);
    expect(drawsLines(false, LINES_FROM)).toBe(true);
    expect(drawsLines(true, 10)).toBe(true);
    // Much lower than the big-graph line, so that a hub's "load more" view is drawn as lines.
    expect(LINES_FROM).toBeLessThanOrEqual(1_000);
    expect(focusKeepsArrows(FOCUS_ARROWS)).toBe(true);
    expect(focusKeepsArrows(FOCUS_ARROWS + 1)).toBe(false);
    expect(edgeProgram(true, 'arrow')).toBe(LINE_EDGE);
    expect(edgeProgram(true, 'arrow', false, true)).toBe(FOCUS_ARROW_EDGE);
    expect(edgeProgram(true, 'curvedArrow', false, true)).toBe('curvedArrow');
    expect(edgeProgram(true, 'curvedArrow', true, true)).toBe(FOCUS_ARROW_EDGE);
    expect(edgeProgram(false, 'arrow', false, true)).toBe('arrow');
  });

  /** A hub with `leaves` leaves, a small node with 3 edges, and a chain among the leaves. */
  function view(leaves: number) {
    const g = new MultiDirectedGraph({ allowSelfLoops: true });
    g.addNode('hub');
    g.addNode('small');
    for (let i = 0; i < leaves; i++) {
      g.addNode(`n${i}`);
      g.addDirectedEdgeWithKey(`h${i}`, 'hub', `n${i}`, { type: 'arrow' });
      if (i > 0) g.addDirectedEdgeWithKey(`c${i}`, `n${i - 1}`, `n${i}`, { type: 'arrow' });
    }
    for (let i = 0; i < 3; i++) g.addDirectedEdgeWithKey(`s${i}`, 'small', `n${i}`, { type: 'arrow' });
    const focus = { selected: null as string | null, hovered: null as string | null };
    const host: LodHost = {
      isNodeVisible: () => true,
      isEdgeVisible: () => true,
      isWeakEdge: () => false,
      selected: () => focus.selected,
      hovered: () => focus.hovered,
      hoveredEdge: () => null,
    };
    const sigma = { refresh() {}, getSetting: () => undefined, setSettings() {} };
    const lod = new LevelOfDetail(sigma as never, g as never, host);
    const program = (e: string) => {
      const res: Record<string, unknown> = { type: g.getEdgeAttribute(e, 'type') };
      lod.decorateEdge(e, res);
      return res.type;
    };
    return { g, lod, focus, program };
  }

  it('keeps every arrow in a small view and draws lines but the focus’s in a larger one', () => {
    const small = view(100);
    small.lod.update();
    expect(small.lod.lines).toBe(false);
    expect(small.program('h0')).toBe('arrow');
    expect(small.lod.edgeStyleNote()).toBeNull();

    const large = view(LINES_FROM);
    large.lod.update();
    expect(large.lod.lines).toBe(true);
    expect(large.lod.edgeStyleNote()).toMatch(/without arrow heads/);
    expect(large.program('s0')).toBe(LINE_EDGE);
    expect(large.program('h0')).toBe(LINE_EDGE);
    // The selected node's edges are arrows again, drawn over the lines; the others stay lines.
    large.focus.selected = 'small';
    large.lod.focusChanged();
    expect(large.program('s0')).toBe(FOCUS_ARROW_EDGE);
    expect(large.program('c1')).toBe(LINE_EDGE);
    // A hub of more than FOCUS_ARROWS edges keeps lines even when hovered.
    large.focus.selected = null;
    large.focus.hovered = 'hub';
    large.lod.focusChanged();
    expect(large.program('h0')).toBe(LINE_EDGE);
    expect(large.program('s0')).toBe(LINE_EDGE);
  });
});

describe('holding renders during a sliced merge', () => {
  it('draws nothing while held, then one render on the last release', () => {
    let scheduled = 0;
    const sigma = {
      renderFrame: null as number | null,
      scheduleRender() {
        scheduled++;
        return this;
      },
    };
    const hold = new RenderHold(sigma);
    hold.hold();
    hold.hold();
    for (let i = 0; i < 50; i++) sigma.scheduleRender();
    expect(scheduled).toBe(0);
    hold.release();
    expect(hold.held).toBe(true);
    expect(scheduled).toBe(0);
    hold.release();
    expect(hold.held).toBe(false);
    expect(scheduled).toBe(1);
    // Released: renders are scheduled as usual; a hold with nothing asked for draws nothing.
    sigma.scheduleRender();
    expect(scheduled).toBe(2);
    hold.hold();
    hold.release();
    expect(scheduled).toBe(2);
  });
});

describe('"+N more" nodes', () => {
  const agg = { node: 'target:hub', type: 'TARGETS', direction: 'in' as const, total: 8801, shown: 50 };

  it('reads the aggregate and words the caption', () => {
    expect(aggregateOf({ id: 'more:x', aggregate: agg })).toEqual(agg);
    expect(aggregateOf({ aggregate: { ...agg, direction: 'sideways' } })).toBeNull();
    expect(aggregateOf({ id: 'drug:x' })).toBeNull();
    expect(moreCaption(agg, 1200)).toBe('TARGETS: showing 1,200 of 8,801 — load more');
    expect(moreCaption(agg, 8801)).toBe('TARGETS: all 8,801 shown');
  });

  it('counts the distinct neighbours shown in a group', () => {
    const edges = [
      { source: 'drug:1', target: 'target:hub', type: 'TARGETS' },
      { source: 'drug:1', target: 'target:hub', type: 'TARGETS' },
      { source: 'drug:2', target: 'target:hub', type: 'TARGETS' },
      { source: 'target:hub', target: 'drug:3', type: 'TARGETS' },
      { source: 'more:target:hub:TARGETS:in', target: 'target:hub', type: 'TARGETS' },
      { source: 'mech:1', target: 'target:hub', type: 'PARTICIPATES_IN' },
    ];
    expect(shownInGroup(edges, agg)).toBe(2);
    expect(shownInGroup(edges, { ...agg, direction: 'out' })).toBe(1);
  });

  const page = (from: number, n: number, next: string | null): RelationshipPageLike => ({
    node: { id: 'target:hub', name: 'Hub', label: 'Target' },
    type: 'TARGETS',
    direction: 'in',
    total: 30,
    relationships: Array.from({ length: n }, (_, i) => ({
      id: `r${from + i}`,
      type: 'TARGETS',
      direction: 'in' as const,
      // Two relationships per drug: pages hold parallel edges.
      other: { id: `drug:${Math.floor((from + i) / 2)}`, name: `Drug ${Math.floor((from + i) / 2)}`, label: 'Drug' },
      props: { refs: [1], source: 'powerlaw', evidence: 'e' },
    })),
    next,
  });

  it('turns a relationships page into a subgraph with the edge provenance as dataSource', () => {
    const sub = pageToSubgraph(page(0, 4, null));
    expect(sub.nodes.map((n) => n.id)).toEqual(['target:hub', 'drug:0', 'drug:1']);
    expect(sub.edges[0]).toMatchObject({
      id: 'r0',
      type: 'TARGETS',
      source: 'drug:0',
      target: 'target:hub',
      dataSource: 'powerlaw',
      refs: [1],
    });
  });

  it('pages until a step of new neighbours is in, skipping known ones, and keeps the cursor', async () => {
    const calls: (string | null)[] = [];
    const pages = new Map<string | null, RelationshipPageLike>([
      [null, page(0, 10, 'c1')],
      ['c1', page(10, 10, 'c2')],
      ['c2', page(20, 10, null)],
    ]);
    const fetchPage = async (_n: string, _t: string, _d: string, cursor: string | null) => {
      calls.push(cursor);
      return pages.get(cursor)!;
    };
    // drug:0..4 are known already (the first page brings no fresh ones), so it reads on.
    const known = (id: string) => /^drug:[0-4]$/.test(id);
    const r = await loadMore(fetchPage, agg, null, known, { step: 4, pageSize: 10 });
    expect(calls).toEqual([null, 'c1']);
    expect(r.fresh).toBe(5);
    expect(r.cursor).toBe('c2');
    expect(r.done).toBe(false);
    const last = await loadMore(fetchPage, agg, r.cursor, () => false, { step: 100 });
    expect(last.done).toBe(true);
    expect(last.cursor).toBeNull();
  });
});
