/**
 * Level of detail of one graph view (issue 8), gluing the pure rules of this folder to
 * the view's sigma renderer and graph: big-graph settings, label density and priority,
 * the edge budget, "+N more" captions and the layout's auto-stop. The view calls
 * `update()` after its structure or filters change, `focusChanged()` after the selection
 * or hover changes, and passes every node and edge through `decorateNode` / `decorateEdge`
 * at the end of its reducers.
 */
import type { AbstractGraph } from 'graphology-types';
import type Sigma from 'sigma';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import {
  CURVED_EDGE,
  changedSettings,
  drawsLines,
  edgeProgram,
  FOCUS_ARROWS,
  focusKeepsArrows,
  isBigGraph,
  LINES_FROM,
  sizeSettings,
  straightenCurves,
} from './bigGraphSettings.js';
import { applyEdgeBudget, type BudgetEdge, DEFAULT_EDGE_BUDGET, edgeBudgetCaption } from './edgeBudget.js';
import {
  DEFAULT_DENSITY,
  forcedLabels,
  type LabelDensity,
  LabelPriority,
  labelGridSettings,
  topByDegree,
} from './labelPriority.js';
import { ConvergenceWatch, layoutBudget, type Point, settleIterations } from './layoutStop.js';
import { aggregateOf, isMoreId, MORE_LABEL, moreCaption, shownInGroup } from './moreNode.js';

/** What the controller needs to know from the view. */
export interface LodHost {
  isNodeVisible(node: string): boolean;
  isEdgeVisible(edge: string): boolean;
  /** A weak claim kind. */
  isWeakEdge(edge: string): boolean;
  selected(): string | null;
  hovered(): string | null;
  hoveredEdge(): string | null;
}

export const MORE_COLOR = '#8a94a3';
const MORE_SIZE = 9;

// biome-ignore lint/suspicious/noExplicitAny: the view's node and edge attribute types
type AnySigma = Sigma<any, any>;

export class LevelOfDetail {
  density: LabelDensity = DEFAULT_DENSITY;
  edgeBudget = DEFAULT_EDGE_BUDGET;
  big = false;
  /** Too many curves to draw (CURVE_BUDGET): parallel edges are drawn straight. */
  straight = false;
  /** Edges are drawn as plain lines, arrows only for the focus (bigGraphSettings.ts: drawsLines). */
  lines = false;
  /** The selected / hovered nodes whose edges keep their arrows in a view of lines. */
  private arrowFocus = new Set<string>();
  private budgetKept: Set<string> | null = null;
  private budgetCounts = { shown: 0, total: 0 };
  private topDegree: string[] = [];
  private forced = new Map<string, number>();
  /** Nodes whose groups have a "+N more" node in the view: their labels come before the captions. */
  private moreAnchors = new Set<string>();
  private layoutTimer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly sigma: AnySigma,
    private readonly graph: AbstractGraph,
    private readonly host: LodHost,
  ) {}

  /** After the structure or the filters changed: settings, captions, budget, labels. */
  update(): void {
    const g = this.graph;
    this.big = isBigGraph(g.order, g.size);
    this.applySettings();
    this.updateMoreCaptions();
    const drawable: BudgetEdge[] = [];
    g.forEachEdge((e, a, s, t) => {
      if (!this.host.isEdgeVisible(e)) return;
      const refs = (a.data as { refs?: unknown } | undefined)?.refs;
      drawable.push({
        id: e,
        source: s,
        target: t,
        weak: this.host.isWeakEdge(e),
        cited: Array.isArray(refs) && refs.length > 0,
        keep: isMoreId(s) || isMoreId(t),
      });
    });
    const r = applyEdgeBudget(drawable, (n) => g.degree(n), this.edgeBudget);
    this.budgetKept = r.kept;
    let curved = 0;
    for (const d of drawable)
      if ((!r.kept || r.kept.has(d.id)) && g.getEdgeAttribute(d.id, 'type') === CURVED_EDGE) curved++;
    const straight = straightenCurves(curved);
    const lines = drawsLines(this.big, r.shown);
    if (straight !== this.straight || lines !== this.lines) {
      this.straight = straight;
      this.lines = lines;
      // The edges' programs come from the reducers: run them again (sigma ran them as edges were added).
      this.sigma.refresh({ schedule: true });
    }
    this.budgetCounts = { shown: r.shown, total: r.total };
    const visibleNodes: string[] = [];
    g.forEachNode((n) => {
      if (!isMoreId(n) && this.host.isNodeVisible(n)) visibleNodes.push(n);
    });
    this.topDegree = topByDegree(visibleNodes, (n) => g.degree(n), 80);
    this.focusChanged();
  }

  /** After the selection or hover changed: which labels are forced. */
  focusChanged(): void {
    const sel = this.host.selected();
    const selected = sel && this.graph.hasNode(sel) ? sel : null;
    const hov = this.host.hovered();
    this.arrowFocus = new Set();
    for (const n of [selected, hov])
      if (n && this.graph.hasNode(n) && focusKeepsArrows(this.graph.degree(n))) this.arrowFocus.add(n);
    this.forced = forcedLabels({
      nodes: this.topDegree,
      degreeOf: (n) => this.graph.degree(n),
      selected,
      hovered: hov && this.graph.hasNode(hov) ? hov : null,
      selectedNeighbours: selected ? this.graph.neighbors(selected).filter((n) => this.host.isNodeVisible(n)) : [],
      density: this.density,
    });
  }

  setLabelDensity(density: LabelDensity): void {
    this.density = density;
    this.applySettings();
    this.focusChanged();
    this.sigma.refresh({ skipIndexation: true });
  }

  /** "showing X of Y edges" while the budget hides some, else null. */
  edgeStatus(): string | null {
    return edgeBudgetCaption(this.budgetCounts);
  }

  /** In a view of lines: how its links read (no arrow heads but the focus's), for the legend; else null. */
  edgeStyleNote(): string | null {
    return this.lines
      ? `${LINES_FROM.toLocaleString('en-US')}+ links: drawn as lines without arrow heads. Select or hover a node (up to ${FOCUS_ARROWS} links) to see their direction.`
      : null;
  }

  get edgeCounts(): { shown: number; total: number } {
    return { ...this.budgetCounts };
  }

  decorateNode(node: string, res: Partial<NodeDisplayData> & Record<string, unknown>): void {
    if (res.hidden) return;
    if (this.graph.getNodeAttribute(node, 'kind') === MORE_LABEL) {
      if (res.color !== undefined && res.label !== '') res.color = MORE_COLOR;
      res.size = MORE_SIZE;
      if (res.label !== '') {
        res.forceLabel = true;
        // Read by the label drawer (labels.ts): a framed two-line caption, placed by priority.
        res.moreLabel = true;
        res.labelPriority = Math.max(LabelPriority.more, this.forced.get(node) ?? 0);
      }
      return;
    }
    // A faded node (another node's neighbourhood is in focus) keeps its label off.
    if (res.label === '') return;
    // Forced by the reducers (hover neighbourhood, highlight, a selected edge's ends): as a neighbour.
    // The node a "+N more" caption belongs to keeps its label: the caption finds a spot beside it.
    const priority = Math.max(
      this.forced.get(node) ?? 0,
      res.forceLabel || this.moreAnchors.has(node) ? LabelPriority.neighbour : 0,
    );
    if (priority > 0) {
      res.forceLabel = true;
      res.labelPriority = priority;
    }
  }

  decorateEdge(edge: string, res: Partial<EdgeDisplayData> & Record<string, unknown>): void {
    if (res.hidden) return;
    if (this.budgetKept && !this.budgetKept.has(edge) && edge !== this.host.hoveredEdge()) {
      const [s, t] = this.graph.extremities(edge);
      const focus = [this.host.selected(), this.host.hovered()];
      if (!focus.includes(s) && !focus.includes(t)) {
        res.hidden = true;
        return;
      }
    }
    let focused = false;
    if (this.lines && this.arrowFocus.size) {
      const [s, t] = this.graph.extremities(edge);
      focused = this.arrowFocus.has(s) || this.arrowFocus.has(t);
    }
    res.type = edgeProgram(this.lines, res.type as string | undefined, this.straight, focused);
  }

  /** Iterations of the synchronous settle for this view (bounded main-thread work). */
  settleIterations(wanted: number): number {
    return settleIterations(this.graph.order, this.graph.size, wanted);
  }

  /**
   * Watch a live layout: `stop` is called once it converged or ran out of its budget
   * (scaled by the view's size; `requestedMs` Infinity = until stopped, honoured on small views).
   */
  watchLayout(requestedMs: number, stop: (why: 'converged' | 'timeout') => void): void {
    this.unwatchLayout();
    const budget = layoutBudget(this.graph.order, this.graph.size, requestedMs);
    if (!Number.isFinite(budget.maxMs) && !Number.isFinite(budget.patience)) return;
    const watch = new ConvergenceWatch(budget, performance.now());
    this.layoutTimer = setInterval(() => {
      const sample = new Map<string, Point>();
      this.graph.forEachNode((n, a) => {
        sample.set(n, { x: a.x as number, y: a.y as number });
      });
      const v = watch.verdict(sample, performance.now());
      if (v === 'continue') return;
      this.unwatchLayout();
      stop(v);
    }, budget.sampleMs);
  }

  unwatchLayout(): void {
    if (this.layoutTimer) clearInterval(this.layoutTimer);
    this.layoutTimer = undefined;
  }

  private applySettings(): void {
    const current: Record<string, unknown> = {};
    const next = { ...sizeSettings(this.big), ...labelGridSettings(this.density, this.graph.order) };
    for (const k of Object.keys(next)) current[k] = this.sigma.getSetting(k as never);
    const changed = changedSettings(current as Partial<typeof next>, next);
    if (Object.keys(changed).length) this.sigma.setSettings(changed);
  }

  /** Name every "+N more" node after what its group shows now. */
  private updateMoreCaptions(): void {
    const g = this.graph;
    const before = this.moreAnchors;
    this.moreAnchors = new Set();
    g.forEachNode((n, a) => {
      if (a.kind !== MORE_LABEL) return;
      const agg = aggregateOf(a.data);
      if (!agg || !g.hasNode(agg.node)) return;
      this.moreAnchors.add(agg.node);
      const ends: { source: string; target: string; type: string }[] = [];
      g.forEachEdge(agg.node, (_e, ea, s, t) => {
        ends.push({ source: s, target: t, type: String(ea.relType ?? '') });
      });
      const shown = shownInGroup(ends, agg);
      const label = moreCaption(agg, shown);
      if (a.label !== label || a.shown !== shown) g.mergeNodeAttributes(n, { label, shown });
    });
    // Anchors that came or went: their reducers run again (label priority).
    const changed = [...this.moreAnchors, ...before].filter(
      (n) => this.moreAnchors.has(n) !== before.has(n) && g.hasNode(n),
    );
    if (changed.length) this.sigma.refresh({ partialGraph: { nodes: changed }, schedule: true });
  }
}
