/**
 * The graph view: one graphology graph and one Sigma renderer for the page's whole life.
 * A facade over small modules: renderer (settings + reducers), interaction, contents,
 * metrics, curves, layout runner, camera, reading. Display state (filters, hover,
 * selection, highlight) lives in `display`; the reducers derive the picture from it.
 */
import Graph from 'graphology';
import type * as GraphTypes from 'graphology';
import type { GraphEdge, Subgraph } from '../../../ontology/index.js';
import { Emitter } from '../state/events.js';
import { CameraControl } from './camera.js';
import {
  addEdge,
  collapsibleNeighbors,
  edgeKey,
  loadSubgraph,
  type MergePlan,
  mergeSubgraph,
  planMerge,
} from './contents.js';
import { curveParallelEdges } from './curves.js';
import { bindInteraction, type ViewEvents } from './interaction.js';
import { settle, settleSliced } from './layout.js';
import { LayoutRunner } from './layoutRunner.js';
import { computeCommunities, computeSizes } from './metrics.js';
import { degreeSize, UNIFORM_SIZE } from './nodeSizes.js';
import { pauseMainThread, TimeSlicer } from './slices.js';
import * as read from './reading.js';
import { isEdgeVisible, isNodeVisible } from './reducers.js';
import { assertionOf, isWeak } from './assertions.js';
import { LevelOfDetail } from './lod/controller.js';
import { type HoldableRenderer, RenderHold } from './renderHold.js';
import { type AtlasSigma, createRenderer } from './renderer.js';
import { type AtlasGraph, type ColorBy, type DisplayState, emptyDisplayState, type SizeBy } from './types.js';

export type { AtlasGraph, ColorBy, EdgeAttrs, NodeAttrs, SizeBy } from './types.js';
export type { ViewEvents } from './interaction.js';

/** What the display is derived from (a subset of the app's state). */
export interface DisplayInputs {
  hiddenLabels: string[];
  hiddenRelTypes: string[];
  hiddenAssertions: string[];
  hovered: string | null;
  hoveredEdge: string | null;
  selected: string | null;
  sizeBy: SizeBy;
  colorBy: ColorBy;
  labelDensity: number;
}
export { hasWebGL } from './webgl.js';

/** Main-thread time one slice of a sliced merge may take, ms (the target is no task over 200 ms). */
export const MERGE_SLICE_MS = 40;

export class GraphView {
  readonly graph: AtlasGraph;
  readonly sigma: AtlasSigma;
  readonly display: DisplayState = emptyDisplayState();
  readonly events = new Emitter<ViewEvents>();
  sizeBy: SizeBy = 'degree';
  /** Positions were changed by hand (drag, live ForceAtlas2, grouping): a link must carry them. */
  manualLayout = false;
  /** Level of detail: label priority and density, edge budget, big-graph settings, layout auto-stop. */
  readonly lod: LevelOfDetail;
  private layout: LayoutRunner;
  private camera: CameraControl;
  /** Holds sigma's renders while a merge runs in slices: one frame after it, none between slices. */
  private renders: RenderHold;
  /** Bumped by every change of the graph's structure: a sliced merge's settle abandons when it moves. */
  private structureGen = 0;
  /** Bumped when the whole view is replaced: a sliced merge still adding stops. */
  private viewGen = 0;

  constructor(container: HTMLElement) {
    this.graph = new Graph({ multi: true, type: 'directed', allowSelfLoops: true }) as AtlasGraph;
    // Sigma draws once while constructing, before the level of detail exists.
    this.sigma = createRenderer(this.graph, container, () => this.display, {
      node: (n, res) => this.lod?.decorateNode(n, res),
      edge: (e, res) => this.lod?.decorateEdge(e, res),
    });
    this.lod = new LevelOfDetail(this.sigma, this.graph, {
      isNodeVisible: (n) => this.isNodeVisible(n),
      isEdgeVisible: (e) => this.isEdgeVisible(e),
      isWeakEdge: (e) => isWeak(assertionOf(this.graph.getEdgeAttribute(e, 'data'))),
      selected: () => this.display.selected,
      hovered: () => this.display.hovered,
      hoveredEdge: () => this.display.hoveredEdge,
    });
    this.renders = new RenderHold(this.sigma as unknown as HoldableRenderer);
    this.layout = new LayoutRunner(this.graph, this.sigma, () => this.events.emit('layout'));
    this.camera = new CameraControl({
      graph: this.graph,
      sigma: this.sigma,
      isLayoutRunning: () => this.isLayoutRunning(),
      onLayout: (fn) => this.events.on('layout', fn),
    });
    bindInteraction({
      graph: this.graph,
      sigma: this.sigma,
      display: this.display,
      events: this.events,
      markManualLayout: () => {
        this.manualLayout = true;
      },
    });
  }

  on<K extends keyof ViewEvents>(event: K, fn: (...args: ViewEvents[K]) => void): () => void {
    return this.events.on(event, fn);
  }

  // ---------- display state (read by the reducers) ----------
  get hiddenLabels(): Set<string> {
    return this.display.hiddenLabels;
  }
  get hiddenRelTypes(): Set<string> {
    return this.display.hiddenRelTypes;
  }
  get hiddenAssertions(): Set<string> {
    return this.display.hiddenAssertions;
  }
  get hovered(): string | null {
    return this.display.hovered;
  }
  get selected(): string | null {
    return this.display.selected;
  }
  get hoveredEdge(): string | null {
    return this.display.hoveredEdge;
  }
  get selectedEdge(): string | null {
    return this.display.selectedEdge;
  }
  get highlight(): DisplayState['highlight'] {
    return this.display.highlight;
  }
  get colorBy(): ColorBy {
    return this.display.colorBy;
  }

  refresh(): void {
    this.sigma.refresh({ skipIndexation: true });
    this.events.emit('change');
  }

  /** Re-run the reducers of a few edges (and their ends) and draw, without re-indexing the graph. */
  private repaintEdges(edges: (string | null)[]): void {
    const list = edges.filter((e): e is string => !!e && this.graph.hasEdge(e));
    if (!list.length) return;
    const nodes = [...new Set(list.flatMap((e) => this.graph.extremities(e)))];
    try {
      this.sigma.refresh({ partialGraph: { nodes, edges: list }, skipIndexation: true, schedule: true });
    } catch {
      // An edge not indexed yet (added this frame): the full refresh will draw it anyway.
      this.sigma.refresh({ skipIndexation: true, schedule: true });
    }
  }

  private setHoveredEdge(edge: string | null): void {
    if (edge === this.display.hoveredEdge) return;
    const prev = this.display.hoveredEdge;
    this.display.hoveredEdge = edge;
    this.repaintEdges([prev, edge]);
    this.events.emit('hoverEdge', edge);
  }

  /**
   * Bring the display in line with the app state (filters, hover, selection, appearance):
   * the one way the state reaches the reducers. Redraws only what changed.
   */
  syncDisplay(s: DisplayInputs): void {
    const d = this.display;
    let full = false;
    let filtered = false;
    const setOf = (key: 'hiddenLabels' | 'hiddenRelTypes' | 'hiddenAssertions', list: string[]) => {
      if (d[key].size === list.length && list.every((x) => d[key].has(x))) return;
      d[key] = new Set(list);
      full = true;
      filtered = true;
    };
    setOf('hiddenLabels', s.hiddenLabels);
    setOf('hiddenRelTypes', s.hiddenRelTypes);
    setOf('hiddenAssertions', s.hiddenAssertions);
    const hovered = s.hovered && this.graph.hasNode(s.hovered) ? s.hovered : null;
    if (hovered !== d.hovered) {
      d.hovered = hovered;
      d.hoverNeighbors = hovered ? new Set([hovered, ...this.graph.neighbors(hovered)]) : null;
      full = true;
    }
    if (s.selected !== d.selected) {
      d.selected = s.selected;
      full = true;
    }
    if (s.sizeBy !== this.sizeBy) {
      this.sizeBy = s.sizeBy;
      computeSizes(this.graph, s.sizeBy);
      full = true;
    }
    if (s.colorBy !== d.colorBy) {
      d.colorBy = s.colorBy;
      if (s.colorBy === 'community') computeCommunities(this.graph);
      full = true;
    }
    // What is drawn changed: edge budget and label priority again; only the focus: labels.
    if (filtered) this.lod.update();
    else if (full) this.lod.focusChanged();
    if (s.labelDensity !== this.lod.density) this.lod.setLabelDensity(s.labelDensity);
    if (full) this.refresh();
    this.setHoveredEdge(s.hoveredEdge && this.graph.hasEdge(s.hoveredEdge) ? s.hoveredEdge : null);
  }

  setSelectedEdge(id: string | null): void {
    if (id === this.display.selectedEdge) return;
    const prev = this.display.selectedEdge;
    this.display.selectedEdge = id;
    this.repaintEdges([prev, id]);
  }
  setHighlight(h: { nodes: Iterable<string>; edges: Iterable<string> } | null): void {
    this.display.highlight = h ? { nodes: new Set(h.nodes), edges: new Set(h.edges) } : null;
    this.lod.update();
    this.refresh();
  }

  // ---------- contents ----------
  /** Curves for parallel edges, node sizes, communities, label threshold; drops stale hover. */
  private afterStructureChange(): void {
    const d = this.display;
    this.sigma.setCustomBBox(null);
    this.layout.clearGroupLabels();
    if (d.hoveredEdge && !this.graph.hasEdge(d.hoveredEdge)) {
      d.hoveredEdge = null;
      this.events.emit('hoverEdge', null);
    }
    if (d.hovered) {
      if (this.graph.hasNode(d.hovered)) d.hoverNeighbors = new Set([d.hovered, ...this.graph.neighbors(d.hovered)]);
      else {
        d.hovered = null;
        d.hoverNeighbors = null;
      }
    }
    curveParallelEdges(this.graph);
    computeSizes(this.graph, this.sizeBy);
    if (d.colorBy === 'community') computeCommunities(this.graph);
    this.lod.update();
  }

  /** Replace the whole view with a subgraph, laid out from scratch: deterministic for a seed. */
  replace(sub: Subgraph, opts: { seed?: number } = {}): void {
    this.structureGen++;
    this.viewGen++;
    this.layout.halt();
    this.display.highlight = null;
    this.display.hovered = null;
    this.display.hoverNeighbors = null;
    this.manualLayout = false;
    this.sigma.setCustomBBox(null);
    loadSubgraph(this.graph, sub, opts.seed ?? 1);
    this.afterStructureChange();
    // Fewer iterations on big views, none on the biggest: one bounded main-thread task (lod/layoutStop.ts).
    const iterations = this.lod.settleIterations(
      Math.round(Math.max(60, Math.min(300, 60000 / Math.max(1, this.graph.order)))),
    );
    if (iterations > 0) settle(this.graph as unknown as GraphTypes.default, iterations);
    this.sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    this.events.emit('change');
  }

  /** Add a subgraph; existing nodes keep their place while the newcomers settle (deterministic). */
  merge(sub: Subgraph, anchor?: string): string[] {
    this.structureGen++;
    const existing = new Set(this.graph.nodes());
    const added = mergeSubgraph(this.graph, sub, anchor);
    this.afterStructureChange();
    const iterations = this.lod.settleIterations(120);
    if (added.length && iterations > 0) {
      this.layout.stop();
      for (const id of existing) this.graph.setNodeAttribute(id, 'fixed', true);
      settle(this.graph as unknown as GraphTypes.default, iterations);
      for (const id of existing) if (this.graph.hasNode(id)) this.graph.removeNodeAttribute(id, 'fixed');
    }
    this.events.emit('change');
    return added;
  }

  /**
   * `merge`, in slices of at most `budgetMs` of main-thread time (issue 8: "load more" on an
   * 800-node view was one 400–550 ms task). The new nodes get their places on rings around
   * the node they hang from and their sizes first (computed, not written node by node),
   * then nodes and edges are added a slice at a time, the browser drawing between slices;
   * the bounded ForceAtlas2 settle runs in slices too (`settleSliced`, the same iterations
   * as `merge`'s, so the same picture). Resolves with the ids added; if the view is
   * replaced meanwhile it stops adding, and if its structure changes it skips the settle.
   * Sigma's scheduled renders are held meanwhile: the browser draws the view once, after
   * the merge and its settle, not between slices (each would be a full redraw).
   */
  async mergeInSlices(
    sub: Subgraph,
    anchor?: string,
    opts: { budgetMs?: number; pause?: () => Promise<void> } = {},
  ): Promise<string[]> {
    this.renders.hold();
    try {
      return await this.mergeSlices(sub, anchor, opts);
    } finally {
      this.renders.release();
    }
  }

  private async mergeSlices(
    sub: Subgraph,
    anchor: string | undefined,
    opts: { budgetMs?: number; pause?: () => Promise<void> },
  ): Promise<string[]> {
    const g = this.graph;
    const view = this.viewGen;
    this.structureGen++;
    const pause = opts.pause ?? pauseMainThread;
    const slicer = new TimeSlicer(opts.budgetMs ?? MERGE_SLICE_MS, pause);
    const plan = planMerge(g, sub, anchor);
    this.presize(plan);
    const added: string[] = [];
    let stopped = false;
    for (const n of plan.nodes) {
      if ((await slicer.tick()) && this.viewGen !== view) {
        stopped = true;
        break;
      }
      if (g.hasNode(n.id)) continue;
      g.addNode(n.id, n.attrs);
      added.push(n.id);
    }
    for (const e of stopped ? [] : plan.edges) {
      if ((await slicer.tick()) && this.viewGen !== view) {
        stopped = true;
        break;
      }
      addEdge(g, e);
    }
    if (stopped) return added;
    // The last slice of edges, the view's bookkeeping (curves, sizes, level of detail: sigma's
    // reducers over the whole view), the settle's writing back and what listens to 'change'
    // are each a task of their own: together they were one 100–290 ms task.
    await pause();
    if (this.viewGen !== view) return added;
    this.structureGen++;
    this.afterStructureChange();
    await pause();
    if (this.viewGen !== view) return added;
    const iterations = this.lod.settleIterations(120);
    if (added.length && iterations > 0) {
      this.layout.stop();
      const gen = this.structureGen;
      const fresh = new Set(added);
      await settleSliced(g as unknown as GraphTypes.default, iterations, {
        fixed: (n) => !fresh.has(n),
        budgetMs: opts.budgetMs ?? MERGE_SLICE_MS,
        pause,
        cancelled: () => this.structureGen !== gen || this.layout.isRunning(),
      });
      await pause();
    }
    this.events.emit('change');
    return added;
  }

  /**
   * Give a merge's new nodes the size `computeSizes` would write once their edges are in
   * (degree or uniform), so that it writes none of them (each write re-runs sigma's reducers).
   */
  private presize(plan: MergePlan): void {
    if (this.sizeBy === 'uniform') {
      for (const n of plan.nodes) n.attrs.size = UNIFORM_SIZE;
      return;
    }
    if (this.sizeBy !== 'degree') return;
    const degree = new Map<string, number>();
    for (const n of plan.nodes) degree.set(n.id, 0);
    const present = (id: string) => degree.has(id) || this.graph.hasNode(id);
    const seen = new Set<string>();
    for (const e of plan.edges) {
      const key = edgeKey(e);
      if (seen.has(key) || !present(e.source) || !present(e.target)) continue;
      seen.add(key);
      if (degree.has(e.source)) degree.set(e.source, degree.get(e.source)! + 1);
      if (degree.has(e.target)) degree.set(e.target, degree.get(e.target)! + 1);
    }
    for (const n of plan.nodes) n.attrs.size = degreeSize(degree.get(n.id) ?? 0);
  }

  /** Remove the neighbours that only `id` connects to the view (what expanding it brought). */
  collapse(id: string): string[] {
    this.structureGen++;
    const drop = collapsibleNeighbors(this.graph, id, this.display.selected);
    for (const n of drop) this.graph.dropNode(n);
    this.afterStructureChange();
    this.events.emit('change');
    return drop;
  }

  removeNodes(ids: string[]): void {
    this.structureGen++;
    for (const id of ids) if (this.graph.hasNode(id)) this.graph.dropNode(id);
    this.afterStructureChange();
    this.events.emit('change');
  }

  // ---------- layout ----------
  isLayoutRunning(): boolean {
    return this.layout.isRunning();
  }
  startLayout(ms = 4000, onDone?: () => void): void {
    if (!this.layout.start(ms, onDone)) return;
    this.manualLayout = true;
    // Large views stop by themselves once still, or at a budget scaled by their size.
    this.lod.watchLayout(ms, () => this.stopLayout());
  }
  stopLayout(): void {
    this.lod.unwatchLayout();
    this.layout.stop();
  }
  /** Lay nodes out in one cluster per shown type, clusters around a circle; animated. */
  layoutByType(): void {
    this.manualLayout = true;
    this.layout.byType(this.display.hiddenLabels);
  }

  // ---------- camera ----------
  focusNode(id: string, ratio = 0.35): void {
    this.camera.focusNode(id, ratio);
  }
  fitNodes(ids: Iterable<string>, opts: { center?: string; maxRatio?: number } = {}): void {
    this.camera.fitNodes(ids, opts);
  }
  followNode(id: string, anchor?: string, margin = 90): void {
    this.camera.followNode(id, anchor, margin);
  }
  fit(): void {
    this.camera.fit();
  }

  // ---------- reading ----------
  isNodeVisible(id: string): boolean {
    return isNodeVisible(this.graph, this.display, id);
  }
  isEdgeVisible(edge: string): boolean {
    return isEdgeVisible(this.graph, this.display, edge);
  }
  visible(): { nodes: read.VisibleNode[]; edges: GraphEdge[] } {
    return read.visibleContents(this.graph, this.sigma, this.display);
  }
  positions(): Record<string, { x: number; y: number }> {
    return read.positionsOf(this.graph);
  }
  visibleCounts(): { nodes: number; edges: number } {
    return read.visibleCounts(this.graph, this.display);
  }
  visibleNeighbors(id: string): string[] {
    return read.visibleNeighbors(this.graph, this.sigma, this.display, id);
  }
  labelCounts(): Map<string, number> {
    return read.labelCounts(this.graph);
  }
  placeholderCounts(): { more: number; summary: number } {
    return read.placeholderCounts(this.graph);
  }
  assertionCounts(): Map<string, number> {
    return read.assertionCounts(this.graph);
  }
  relTypeCounts(): Map<string, number> {
    return read.relTypeCounts(this.graph);
  }
}
