/**
 * The graph view: one graphology graph and one Sigma renderer for the page's whole
 * life (WebGL contexts leak, so contents are swapped, never the renderer). Highlight,
 * hover and filters go through Sigma's reducers; the graph itself only holds data and
 * positions.
 */
import GraphMod from 'graphology';
import type * as GraphTypes from 'graphology';
import Sigma from 'sigma';
import type { Settings } from 'sigma/settings';
import type { NodeDisplayData, EdgeDisplayData } from 'sigma/types';
import {
  EdgeArrowHeadProgram,
  EdgeClampedProgram,
  createEdgeCompoundProgram,
  type EdgeProgramType,
} from 'sigma/rendering';
import { animateNodes } from 'sigma/utils';
import { assertionOf, isWeak, WEAK_EDGE, WEAK_EDGE_SIZE } from './assertions.js';
import { fa2Settings, groupedTargets, seededPositions, settle } from './layout.js';
import { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import FA2Mod from 'graphology-layout-forceatlas2/worker.js';
import louvainMod from 'graphology-communities-louvain';
import betweennessMod from 'graphology-metrics/centrality/betweenness.js';
import type { GraphEdge, GraphNode, NodeLabel, Subgraph } from '../../../ontology/index.js';
import { cjs } from '../lib/cjs.js';
import {
  EDGE_ACTIVE,
  EDGE_COLOR,
  FADED_EDGE,
  FADED_NODE,
  HIGHLIGHT_EDGE,
  SELECTED_EDGE,
  communityColor,
  labelColor,
} from './colors.js';

const Graph = cjs(GraphMod);
const FA2Layout = cjs(FA2Mod);
const louvain = cjs(louvainMod);
const betweenness = cjs(betweennessMod);

/**
 * Edges are drawn 1–2 px wide, and sigma reads edge hover / click from a picking buffer
 * at half resolution: the pointer would have to land on the exact pixel. In the picking
 * pass only, edges are at least this wide (px), a few pixels of tolerance either side.
 */
const PICK_THICKNESS = 7;
// biome-ignore lint/suspicious/noExplicitAny: a mixin base must accept any constructor arguments
type AnyProgramClass = new (...args: any[]) => object;
function widePicking<T extends AnyProgramClass>(Base: T): T {
  const base = Base.prototype as { renderProgram(params: unknown, info: unknown): void };
  return class extends Base {
    renderProgram(params: { minEdgeThickness?: number }, info: unknown): void {
      const pick = info === (this as unknown as { pickProgram: unknown }).pickProgram;
      base.renderProgram.call(
        this,
        pick ? { ...params, minEdgeThickness: Math.max(params.minEdgeThickness ?? 0, PICK_THICKNESS) } : params,
        info,
      );
    }
  };
}
const ArrowProgram = createEdgeCompoundProgram([widePicking(EdgeClampedProgram), widePicking(EdgeArrowHeadProgram)]);
const CurvedArrowProgram = widePicking(EdgeCurvedArrowProgram);

export interface NodeAttrs {
  label: string;
  kind: NodeLabel | string;
  x: number;
  y: number;
  size: number;
  color: string;
  data: GraphNode;
  /** Nodes whose expansion brought this node into view. */
  parents: string[];
  fixed?: boolean;
  community?: number;
  centrality?: number;
  [k: string]: unknown;
}
export interface EdgeAttrs {
  relType: string;
  label: string;
  size: number;
  color: string;
  data: GraphEdge;
  type?: string;
  curvature?: number;
  [k: string]: unknown;
}
export type AtlasGraph = GraphTypes.default<NodeAttrs, EdgeAttrs>;
export type SizeBy = 'degree' | 'betweenness' | 'uniform';
export type ColorBy = 'label' | 'community';

type Listener = () => void;

export function hasWebGL(): boolean {
  try {
    const c = document.createElement('canvas');
    const gl = (c.getContext('webgl2') ?? c.getContext('webgl')) as WebGLRenderingContext | null;
    // Give the probe context back at once: browsers cap live WebGL contexts.
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
    return !!gl;
  } catch {
    return false;
  }
}

export class GraphView {
  readonly graph: AtlasGraph;
  readonly sigma: Sigma<NodeAttrs, EdgeAttrs>;
  hiddenLabels = new Set<string>();
  hiddenRelTypes = new Set<string>();
  /** Claim kinds (`assertion`, "unknown" when missing) whose relationships are hidden. */
  hiddenAssertions = new Set<string>();
  hovered: string | null = null;
  selected: string | null = null;
  /** The edge under the pointer (sigma edge events) and the edge shown in the details. */
  hoveredEdge: string | null = null;
  selectedEdge: string | null = null;
  highlight: { nodes: Set<string>; edges: Set<string> } | null = null;
  sizeBy: SizeBy = 'degree';
  /** Positions were changed by hand (drag, live ForceAtlas2, grouping): a link must carry them. */
  manualLayout = false;
  colorBy: ColorBy = 'label';
  private fa2: InstanceType<typeof FA2Layout> | null = null;
  private layoutTimer: ReturnType<typeof setTimeout> | undefined;
  private cancelAnimation: (() => void) | null = null;
  private listeners = new Map<string, Set<Listener>>();
  private hoverNeighbors: Set<string> | null = null;
  private dragging: string | null = null;
  /** Type names drawn over the clusters of the grouped layout. */
  private groupLabels: { text: string; color: string; x: number; y: number }[] = [];
  private groupLayer: HTMLElement;

  constructor(container: HTMLElement) {
    this.graph = new Graph({ multi: true, type: 'directed', allowSelfLoops: true }) as AtlasGraph;
    const settings: Partial<Settings<NodeAttrs, EdgeAttrs>> = {
      renderEdgeLabels: true,
      // Edges answer hover / click (sigma picks them from its edge picking buffer).
      enableEdgeEvents: true,
      defaultEdgeType: 'arrow',
      edgeProgramClasses: {
        arrow: ArrowProgram as unknown as EdgeProgramType<NodeAttrs, EdgeAttrs>,
        curvedArrow: CurvedArrowProgram as unknown as EdgeProgramType<NodeAttrs, EdgeAttrs>,
      },
      labelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      labelSize: 13,
      labelWeight: '500',
      labelColor: { color: '#1f2933' },
      edgeLabelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      edgeLabelSize: 10,
      edgeLabelColor: { color: '#4a5565' },
      labelRenderedSizeThreshold: 9,
      labelDensity: 0.6,
      labelGridCellSize: 90,
      zIndex: true,
      minCameraRatio: 0.03,
      maxCameraRatio: 8,
      stagePadding: 60,
      nodeReducer: (n, d) => this.nodeReducer(n, d),
      edgeReducer: (e, d) => this.edgeReducer(e, d),
    };
    this.sigma = new Sigma<NodeAttrs, EdgeAttrs>(this.graph, container, settings);
    this.groupLayer = document.createElement('div');
    this.groupLayer.className = 'group-labels';
    container.appendChild(this.groupLayer);
    this.sigma.on('afterRender', () => this.placeGroupLabels());
    // The stage changes size with the panels (wide tabs, narrow windows): re-measure and draw.
    let frame = 0;
    new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        this.sigma.resize();
        this.sigma.refresh({ skipIndexation: true });
      });
    }).observe(container);
    this.bindEvents();
  }

  // ---------- events ----------
  on(
    event: 'change' | 'layout' | 'clickNode' | 'doubleClickNode' | 'clickStage' | 'clickEdge' | 'hoverEdge',
    fn: Listener | ((id: string) => void) | ((id: string | null) => void),
  ): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(fn as Listener);
    return () => set.delete(fn as Listener);
  }
  private emit(event: string, arg?: string | null): void {
    for (const fn of this.listeners.get(event) ?? []) (fn as (a?: string | null) => void)(arg);
  }

  /**
   * Re-run the reducers of a few edges (and their ends, whose labels they force) and
   * draw, without re-indexing the whole graph.
   */
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
    if (edge === this.hoveredEdge) return;
    const prev = this.hoveredEdge;
    this.hoveredEdge = edge;
    this.repaintEdges([prev, edge]);
    this.emit('hoverEdge', edge);
  }

  private bindEvents(): void {
    const s = this.sigma;
    s.on('enterNode', ({ node }) => {
      // Sigma keeps its own hovered edge while a node is under the pointer: drop ours.
      this.setHoveredEdge(null);
      this.hovered = node;
      this.hoverNeighbors = new Set(this.graph.neighbors(node));
      this.hoverNeighbors.add(node);
      s.getContainer().style.cursor = 'pointer';
      s.refresh({ skipIndexation: true });
    });
    s.on('leaveNode', ({ event }) => {
      this.hovered = null;
      this.hoverNeighbors = null;
      s.getContainer().style.cursor = '';
      s.refresh({ skipIndexation: true });
      // Back onto the edge we came from, sigma emits no enterEdge: look for it here.
      const pick = (s as unknown as { getEdgeAtPoint?: (x: number, y: number) => string | null }).getEdgeAtPoint;
      if (!this.dragging && typeof pick === 'function') {
        const edge = pick.call(s, event.x, event.y);
        if (edge && !this.getEdgeHidden(edge)) {
          s.getContainer().style.cursor = 'pointer';
          this.setHoveredEdge(edge);
        }
      }
    });
    s.on('enterEdge', ({ edge }) => {
      if (this.dragging) return;
      s.getContainer().style.cursor = 'pointer';
      this.setHoveredEdge(edge);
    });
    s.on('leaveEdge', ({ edge }) => {
      if (this.hoveredEdge !== edge) return;
      if (!this.hovered) s.getContainer().style.cursor = '';
      this.setHoveredEdge(null);
    });
    s.on('clickEdge', ({ edge }) => this.emit('clickEdge', edge));
    s.on('clickNode', ({ node }) => this.emit('clickNode', node));
    s.on('doubleClickNode', (e) => {
      e.preventSigmaDefault();
      this.emit('doubleClickNode', e.node);
    });
    s.on('clickStage', () => this.emit('clickStage'));
    // Dragging a node moves it (and pins it while the layout runs).
    s.on('downNode', ({ node }) => {
      this.dragging = node;
      this.graph.setNodeAttribute(node, 'fixed', true);
    });
    s.getMouseCaptor().on('mousemovebody', (e) => {
      if (!this.dragging) return;
      // Freeze the frame while dragging, or the graph would rescale under the mouse.
      if (!s.getCustomBBox()) s.setCustomBBox(s.getBBox());
      const pos = s.viewportToGraph(e);
      this.manualLayout = true;
      this.graph.mergeNodeAttributes(this.dragging, { x: pos.x, y: pos.y });
      e.preventSigmaDefault();
      e.original.preventDefault();
      e.original.stopPropagation();
    });
    const endDrag = () => {
      if (!this.dragging) return;
      if (this.graph.hasNode(this.dragging)) this.graph.removeNodeAttribute(this.dragging, 'fixed');
      this.dragging = null;
      this.emit('layout');
    };
    s.getMouseCaptor().on('mouseup', endDrag);
  }

  // ---------- reducers ----------
  private focusNodes(): Set<string> | null {
    if (this.hoverNeighbors) return this.hoverNeighbors;
    return this.highlight?.nodes ?? null;
  }

  private nodeReducer(node: string, d: NodeAttrs): Partial<NodeDisplayData> {
    const res: Partial<NodeDisplayData> & Record<string, unknown> = { ...d };
    if (this.hiddenLabels.has(String(d.kind))) {
      res.hidden = true;
      return res;
    }
    if (this.colorBy === 'community') res.color = communityColor(d.community);
    const focus = this.focusNodes();
    if (focus && !focus.has(node)) {
      res.color = FADED_NODE;
      res.label = '';
      res.zIndex = 0;
    } else if (focus) {
      res.zIndex = 2;
      if (
        (this.hoverNeighbors && this.hoverNeighbors.size <= 30) ||
        (!this.hoverNeighbors && this.highlight && this.highlight.nodes.size <= 40)
      )
        res.forceLabel = true;
    }
    if (node === this.selected) {
      res.highlighted = true;
      res.forceLabel = true;
      res.zIndex = 3;
    }
    if (node === this.hovered) res.zIndex = 4;
    // Both ends of the hovered / selected relationship are named (sigma then labels the edge too).
    for (const e of [this.hoveredEdge, this.selectedEdge]) {
      if (e && this.graph.hasEdge(e) && (this.graph.source(e) === node || this.graph.target(e) === node)) {
        res.forceLabel = true;
        if (res.color === FADED_NODE) res.color = d.color;
        res.zIndex = Math.max(Number(res.zIndex ?? 0), 3);
      }
    }
    return res;
  }

  private getEdgeHidden(edge: string): boolean {
    return !!this.sigma.getEdgeDisplayData(edge)?.hidden;
  }

  private edgeReducer(edge: string, d: EdgeAttrs): Partial<EdgeDisplayData> {
    const res = this.baseEdgeReducer(edge, d);
    if (res.hidden) return res;
    // The edge under the pointer and the edge shown in the details stand out over any highlight.
    if (edge === this.selectedEdge) {
      res.color = SELECTED_EDGE;
      res.size = 3;
      res.label = d.relType;
      res.zIndex = 3;
    } else if (edge === this.hoveredEdge) {
      if (res.color === FADED_EDGE || res.color === EDGE_COLOR) res.color = EDGE_ACTIVE;
      res.size = Math.max(Number(res.size ?? 1), 2.5);
      res.label = d.relType;
      res.zIndex = 3;
    }
    return res;
  }

  private baseEdgeReducer(edge: string, d: EdgeAttrs): Partial<EdgeDisplayData> {
    const res: Partial<EdgeDisplayData> & Record<string, unknown> = { ...d, label: '' };
    const assertion = assertionOf(d.data);
    if (this.hiddenRelTypes.has(d.relType) || this.hiddenAssertions.has(assertion)) {
      res.hidden = true;
      return res;
    }
    if (isWeak(assertion)) {
      res.color = WEAK_EDGE;
      res.size = WEAK_EDGE_SIZE;
    }
    const [src, tgt] = this.graph.extremities(edge);
    if (
      this.hiddenLabels.has(String(this.graph.getNodeAttribute(src, 'kind'))) ||
      this.hiddenLabels.has(String(this.graph.getNodeAttribute(tgt, 'kind')))
    ) {
      res.hidden = true;
      return res;
    }
    if (this.hovered) {
      if (src === this.hovered || tgt === this.hovered) {
        res.color = EDGE_ACTIVE;
        res.size = 2;
        if (this.graph.degree(this.hovered) <= 24) res.label = d.relType;
        res.zIndex = 2;
      } else {
        res.color = FADED_EDGE;
        res.zIndex = 0;
      }
      return res;
    }
    if (this.highlight) {
      if (this.highlight.edges.has(edge)) {
        res.color = HIGHLIGHT_EDGE;
        res.size = 2.5;
        res.label = d.relType;
        res.zIndex = 2;
      } else {
        res.color = FADED_EDGE;
        res.zIndex = 0;
      }
      return res;
    }
    if (this.selected && (src === this.selected || tgt === this.selected)) {
      res.color = EDGE_ACTIVE;
      res.size = 1.6;
      if (this.graph.hasNode(this.selected) && this.graph.degree(this.selected) <= 24) res.label = d.relType;
    }
    return res;
  }

  refresh(): void {
    this.sigma.refresh({ skipIndexation: true });
    this.emit('change');
  }

  // ---------- contents ----------
  private nodeAttrs(n: GraphNode, x: number, y: number, parent?: string): NodeAttrs {
    return {
      label: String(n.name ?? n.id),
      kind: n.label,
      x,
      y,
      size: 6,
      color: labelColor(n.label),
      data: n,
      parents: parent ? [parent] : [],
    };
  }

  private edgeAttrs(e: GraphEdge): EdgeAttrs {
    return { relType: String(e.type), label: String(e.type), size: 1, color: EDGE_COLOR, data: e };
  }

  /** Replace the whole view with a subgraph, laid out from scratch: deterministic for a seed. */
  replace(sub: Subgraph, opts: { seed?: number } = {}): void {
    this.stopLayout();
    this.cancelAnimation?.();
    this.highlight = null;
    this.hovered = null;
    this.hoverNeighbors = null;
    this.manualLayout = false;
    this.sigma.setCustomBBox(null);
    this.graph.clear();
    // A fixed order (ids sorted) so the same data and seed give the same picture.
    const nodes = [...new Map(sub.nodes.map((n) => [n.id, n])).values()].sort((a, b) => a.id.localeCompare(b.id));
    const start = seededPositions(
      nodes.map((n) => n.id),
      opts.seed ?? 1,
    );
    for (const node of nodes) this.graph.addNode(node.id, this.nodeAttrs(node, start[node.id]!.x, start[node.id]!.y));
    this.addEdges(sub.edges);
    this.afterStructureChange();
    settle(this.graph as unknown as GraphTypes.default);
    this.sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    this.emit('change');
  }

  /**
   * Add a subgraph to the view. New nodes start near `anchor` (or near any neighbour
   * already shown); existing nodes keep their place while a short layout settles the
   * newcomers.
   */
  merge(sub: Subgraph, anchor?: string): string[] {
    const added: string[] = [];
    const existing = new Set(this.graph.nodes());
    const center = (id: string | undefined) => (id && this.graph.hasNode(id) ? this.graph.getNodeAttributes(id) : null);
    const nbrOf = new Map<string, string>();
    for (const e of sub.edges) {
      if (existing.has(e.source) && !existing.has(e.target)) nbrOf.set(e.target, e.source);
      if (existing.has(e.target) && !existing.has(e.source)) nbrOf.set(e.source, e.target);
    }
    const spread = this.typicalSpacing();
    // Newcomers start on a ring around the node they hang from, opening away from
    // the rest of the graph, so the short settling layout has little to untangle.
    let cx = 0,
      cy = 0;
    this.graph.forEachNode((_n, a) => {
      cx += a.x;
      cy += a.y;
    });
    if (this.graph.order) {
      cx /= this.graph.order;
      cy /= this.graph.order;
    }
    // A subgraph may list a node more than once (paths that share nodes): add each once.
    const seen = new Set<string>();
    const fresh = sub.nodes
      .filter((n) => {
        if (this.graph.hasNode(n.id) || seen.has(n.id)) return false;
        seen.add(n.id);
        return true;
      })
      .sort((a, b) => a.id.localeCompare(b.id));
    const byParent = new Map<string, GraphNode[]>();
    for (const n of fresh) {
      const p = anchor && this.graph.hasNode(anchor) ? anchor : (nbrOf.get(n.id) ?? '');
      (byParent.get(p) ?? byParent.set(p, []).get(p)!).push(n);
    }
    for (const node of sub.nodes) {
      if (!this.graph.hasNode(node.id)) continue;
      const a = this.graph.getNodeAttributes(node.id);
      this.graph.mergeNodeAttributes(node.id, { data: { ...a.data, ...node } });
      if (anchor && node.id !== anchor && !a.parents.includes(anchor) && !existing.has(node.id)) a.parents.push(anchor);
    }
    for (const [parent, list] of byParent) {
      const c = center(parent) ?? { x: cx, y: cy };
      const n = list.length;
      const away = parent && this.graph.order > 1 ? Math.atan2(c.y - cy, c.x - cx) : 0;
      const arc = !parent || n > 8 ? 2 * Math.PI : Math.PI * 1.2;
      const r0 = spread * (1.1 + 0.18 * Math.sqrt(n));
      list.forEach((node, i) => {
        const ang = away - arc / 2 + (arc * (i + 0.5)) / n;
        const r = r0 * (i % 2 ? 1 : 1.3);
        this.graph.addNode(
          node.id,
          this.nodeAttrs(node, c.x + r * Math.cos(ang), c.y + r * Math.sin(ang), parent || undefined),
        );
        added.push(node.id);
      });
    }
    this.addEdges(sub.edges);
    this.afterStructureChange();
    if (added.length) {
      // Settle only the newcomers (existing nodes are pinned), synchronously: deterministic.
      this.stopLayout();
      for (const id of existing) this.graph.setNodeAttribute(id, 'fixed', true);
      settle(this.graph as unknown as GraphTypes.default, 120);
      for (const id of existing) if (this.graph.hasNode(id)) this.graph.removeNodeAttribute(id, 'fixed');
    }
    this.emit('change');
    return added;
  }

  /** Remove the neighbours that only `id` connects to the view (what expanding it brought). */
  collapse(id: string): string[] {
    if (!this.graph.hasNode(id)) return [];
    const drop = this.graph.neighbors(id).filter((n) => {
      if (n === this.selected) return false;
      const others = this.graph.neighbors(n).filter((m) => m !== id);
      return others.length === 0;
    });
    for (const n of drop) this.graph.dropNode(n);
    this.afterStructureChange();
    this.emit('change');
    return drop;
  }

  removeNodes(ids: string[]): void {
    for (const id of ids) if (this.graph.hasNode(id)) this.graph.dropNode(id);
    this.afterStructureChange();
    this.emit('change');
  }

  private addEdges(edges: GraphEdge[]): void {
    const key = (e: GraphEdge) => `${e.source}\u0000${e.type}\u0000${e.target}\u0000${e.id}`;
    for (const e of [...edges].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))) {
      if (!e || !this.graph.hasNode(e.source) || !this.graph.hasNode(e.target)) continue;
      const key = String(e.id ?? `${e.source}-${e.type}-${e.target}`);
      if (this.graph.hasEdge(key)) continue;
      this.graph.addDirectedEdgeWithKey(key, e.source, e.target, this.edgeAttrs(e));
    }
  }

  private typicalSpacing(): number {
    if (this.graph.order < 2) return 10;
    let minX = Infinity,
      maxX = -Infinity,
      minY = Infinity,
      maxY = -Infinity;
    this.graph.forEachNode((_, a) => {
      minX = Math.min(minX, a.x);
      maxX = Math.max(maxX, a.x);
      minY = Math.min(minY, a.y);
      maxY = Math.max(maxY, a.y);
    });
    return Math.max(2, Math.sqrt(((maxX - minX) * (maxY - minY)) / this.graph.order) * 0.8);
  }

  /** Curves for parallel edges, node sizes, communities. */
  private afterStructureChange(): void {
    this.sigma.setCustomBBox(null);
    if (this.groupLabels.length) this.setGroupLabels([]);
    if (this.hoveredEdge && !this.graph.hasEdge(this.hoveredEdge)) {
      this.hoveredEdge = null;
      this.emit('hoverEdge', null);
    }
    if (this.hovered) {
      if (this.graph.hasNode(this.hovered))
        this.hoverNeighbors = new Set([this.hovered, ...this.graph.neighbors(this.hovered)]);
      else {
        this.hovered = null;
        this.hoverNeighbors = null;
      }
    }
    const groups = new Map<string, string[]>();
    this.graph.forEachEdge((e, _a, s, t) => {
      const k = s < t ? `${s}\u0000${t}` : `${t}\u0000${s}`;
      const g = groups.get(k);
      if (g) g.push(e);
      else groups.set(k, [e]);
    });
    for (const list of groups.values()) {
      if (list.length === 1) {
        this.graph.mergeEdgeAttributes(list[0]!, { type: 'arrow', curvature: 0 });
        continue;
      }
      list.forEach((e, i) => {
        const [s] = this.graph.extremities(e);
        const sign = s === this.graph.extremities(list[0]!)[0] ? 1 : -1;
        const c = (0.25 + 0.2 * Math.floor(i / 2)) * (i % 2 === 0 ? 1 : -1) * sign;
        this.graph.mergeEdgeAttributes(e, { type: 'curvedArrow', curvature: c });
      });
    }
    this.computeSizes();
    if (this.colorBy === 'community') this.computeCommunities();
    // Small views show every label; big ones reveal labels as you zoom in.
    const threshold = this.graph.order <= 60 ? 0 : this.graph.order <= 200 ? 7 : 10;
    if (this.sigma.getSetting('labelRenderedSizeThreshold') !== threshold)
      this.sigma.setSetting('labelRenderedSizeThreshold', threshold);
  }

  private simpleUndirected(): GraphTypes.default {
    const g = new Graph({ type: 'undirected', multi: false });
    this.graph.forEachNode((n) => g.addNode(n));
    this.graph.forEachEdge((_e, _a, s, t) => {
      if (s !== t && !g.hasEdge(s, t)) g.addEdge(s, t);
    });
    return g;
  }

  computeSizes(): void {
    const g = this.graph;
    if (this.sizeBy === 'betweenness' && g.order > 2) {
      let scores: Record<string, number> = {};
      try {
        scores = betweenness(this.simpleUndirected(), { normalized: true });
      } catch {
        scores = {};
      }
      const max = Math.max(1e-9, ...Object.values(scores));
      g.forEachNode((n) => {
        const v = (scores[n] ?? 0) / max;
        g.mergeNodeAttributes(n, { centrality: scores[n] ?? 0, size: 4 + 16 * Math.sqrt(v) });
      });
    } else if (this.sizeBy === 'uniform') {
      g.forEachNode((n) => g.setNodeAttribute(n, 'size', 7));
    } else {
      g.forEachNode((n) => {
        const d = g.degree(n);
        g.setNodeAttribute(n, 'size', Math.min(22, 4 + 2.4 * Math.sqrt(d)));
      });
    }
  }

  computeCommunities(): void {
    if (this.graph.order === 0) return;
    try {
      const comm = louvain(this.simpleUndirected(), { resolution: 1 });
      this.graph.forEachNode((n) => this.graph.setNodeAttribute(n, 'community', comm[n] ?? -1));
    } catch {
      this.graph.forEachNode((n) => this.graph.setNodeAttribute(n, 'community', -1));
    }
  }

  setSizeBy(s: SizeBy): void {
    this.sizeBy = s;
    this.computeSizes();
    this.refresh();
  }

  setColorBy(c: ColorBy): void {
    this.colorBy = c;
    if (c === 'community') this.computeCommunities();
    this.refresh();
  }

  setSelected(id: string | null): void {
    this.selected = id && this.graph.hasNode(id) ? id : id;
    this.refresh();
  }

  setSelectedEdge(id: string | null): void {
    if (id === this.selectedEdge) return;
    const prev = this.selectedEdge;
    this.selectedEdge = id;
    this.repaintEdges([prev, id]);
  }

  /**
   * The neighbours of `id` that are drawn (node type shown, linked by at least one shown
   * relationship type), clockwise on screen from 12 o'clock: the order `]` / `[` walk.
   */
  visibleNeighbors(id: string): string[] {
    if (!this.graph.hasNode(id)) return [];
    const seen = new Set<string>();
    this.graph.forEachEdge(id, (e, _a, s, t) => {
      const other = s === id ? t : s;
      if (other === id || seen.has(other) || !this.isEdgeVisible(e) || !this.isNodeVisible(other)) return;
      seen.add(other);
    });
    const at = (n: string) => {
      const d = this.sigma.getNodeDisplayData(n);
      return d ? this.sigma.framedGraphToViewport(d) : { x: 0, y: 0 };
    };
    const c = at(id);
    const angle = (n: string) => {
      const p = at(n);
      const a = Math.atan2(p.x - c.x, -(p.y - c.y));
      return a < 0 ? a + 2 * Math.PI : a;
    };
    const keyed = [...seen].map((n) => ({ n, a: angle(n), name: String(this.graph.getNodeAttribute(n, 'label')) }));
    keyed.sort((x, y) => x.a - y.a || x.name.localeCompare(y.name));
    return keyed.map((k) => k.n);
  }

  setHighlight(h: { nodes: Iterable<string>; edges: Iterable<string> } | null): void {
    this.highlight = h ? { nodes: new Set(h.nodes), edges: new Set(h.edges) } : null;
    this.refresh();
  }

  setHiddenLabels(labels: Iterable<string>): void {
    this.hiddenLabels = new Set(labels);
    this.refresh();
  }

  setHiddenAssertions(kinds: Iterable<string>): void {
    this.hiddenAssertions = new Set(kinds);
    this.refresh();
  }

  /** A relationship is drawn: its type and claim kind are shown, and both its ends. */
  isEdgeVisible(edge: string): boolean {
    const a = this.graph.getEdgeAttributes(edge);
    const [s, t] = this.graph.extremities(edge);
    return (
      !this.hiddenRelTypes.has(a.relType) &&
      !this.hiddenAssertions.has(assertionOf(a.data)) &&
      this.isNodeVisible(s) &&
      this.isNodeVisible(t)
    );
  }

  setHiddenRelTypes(types: Iterable<string>): void {
    this.hiddenRelTypes = new Set(types);
    this.refresh();
  }

  // ---------- layout ----------
  isLayoutRunning(): boolean {
    return !!this.fa2?.isRunning();
  }

  startLayout(ms = 4000, onDone?: () => void): void {
    this.stopLayout();
    this.cancelAnimation?.();
    if (this.groupLabels.length) this.setGroupLabels([]);
    if (this.graph.order < 2) return;
    const settings = fa2Settings(this.graph as unknown as GraphTypes.default);
    this.manualLayout = true;
    this.fa2 = new FA2Layout(this.graph, { settings, getEdgeWeight: null });
    this.fa2.start();
    this.pendingDone = onDone ?? null;
    this.emit('layout');
    if (ms > 0 && Number.isFinite(ms)) this.layoutTimer = setTimeout(() => this.stopLayout(), ms);
  }
  private pendingDone: (() => void) | null = null;

  stopLayout(): void {
    if (this.layoutTimer) clearTimeout(this.layoutTimer);
    this.layoutTimer = undefined;
    if (this.fa2) {
      this.fa2.kill();
      this.fa2 = null;
      const done = this.pendingDone;
      this.pendingDone = null;
      done?.();
      this.emit('layout');
    }
  }

  /** Lay nodes out in one cluster per shown type, clusters around a circle; animated. */
  layoutByType(): void {
    this.stopLayout();
    this.sigma.setCustomBBox(null);
    const { targets, labels } = groupedTargets(
      this.graph as unknown as GraphTypes.default,
      (n) => String(this.graph.getNodeAttribute(n, 'kind')),
      this.hiddenLabels,
    );
    this.setGroupLabels([]);
    this.manualLayout = true;
    this.cancelAnimation = animateNodes(this.graph, targets, { duration: 700 }, () => {
      this.setGroupLabels(labels);
      this.emit('layout');
    });
  }

  private setGroupLabels(labels: { text: string; color: string; x: number; y: number }[]): void {
    this.groupLabels = labels;
    while (this.groupLayer.firstChild) this.groupLayer.removeChild(this.groupLayer.firstChild);
    for (const l of labels) {
      const el = document.createElement('span');
      el.className = 'group-label';
      el.textContent = l.text;
      el.style.borderColor = l.color;
      this.groupLayer.appendChild(el);
    }
    this.placeGroupLabels();
  }

  private placeGroupLabels(): void {
    if (!this.groupLabels.length) return;
    const els = this.groupLayer.children;
    this.groupLabels.forEach((l, i) => {
      const p = this.sigma.graphToViewport({ x: l.x, y: l.y });
      const el = els[i] as HTMLElement | undefined;
      if (el) el.style.transform = `translate(${Math.round(p.x)}px, ${Math.round(p.y)}px) translate(-50%, -100%)`;
    });
  }

  // ---------- camera ----------
  focusNode(id: string, ratio = 0.35): void {
    if (!this.graph.hasNode(id)) return;
    const nbrs = this.graph.neighbors(id);
    if (nbrs.length && nbrs.length <= 80) {
      this.fitNodes([id, ...nbrs], { center: id, maxRatio: 0.8 });
      return;
    }
    const go = () => {
      const d = this.sigma.getNodeDisplayData(id);
      if (!d) return;
      void this.sigma
        .getCamera()
        .animate({ x: d.x, y: d.y, ratio: Math.min(ratio, this.sigma.getCamera().ratio) }, { duration: 600 });
    };
    // Positions may be moving (layout): aim once now and once when they settle.
    go();
    if (this.isLayoutRunning()) setTimeout(go, 900);
  }

  /** Frame a set of nodes (after the layout settles when it is running). */
  fitNodes(ids: Iterable<string>, opts: { center?: string; maxRatio?: number } = {}): void {
    const list = [...ids];
    const go = () => {
      let minX = Infinity,
        maxX = -Infinity,
        minY = Infinity,
        maxY = -Infinity;
      for (const id of list) {
        const d = this.sigma.getNodeDisplayData(id);
        if (!d) continue;
        minX = Math.min(minX, d.x);
        maxX = Math.max(maxX, d.x);
        minY = Math.min(minY, d.y);
        maxY = Math.max(maxY, d.y);
      }
      if (!Number.isFinite(minX)) return;
      const c = opts.center ? this.sigma.getNodeDisplayData(opts.center) : null;
      // Centred on one node, the frame must reach its farthest neighbour on each side.
      const w = c ? 2 * Math.max(c.x - minX, maxX - c.x) : maxX - minX;
      const hgt = c ? 2 * Math.max(c.y - minY, maxY - c.y) : maxY - minY;
      const ratio = Math.min(opts.maxRatio ?? 1.1, Math.max(0.12, Math.max(w, hgt) * 1.25));
      const x = c ? c.x : (minX + maxX) / 2;
      const y = c ? c.y : (minY + maxY) / 2;
      void this.sigma.getCamera().animate({ x, y, ratio }, { duration: 600 });
    };
    if (this.isLayoutRunning()) {
      const off = this.on('layout', () => {
        if (this.isLayoutRunning()) return;
        off();
        go();
      });
    } else go();
  }

  /**
   * Keep a node in sight, with `anchor` (the node whose neighbours are walked) when given:
   * nothing moves while the node is well inside the stage; otherwise the camera pans to
   * frame both, zooming out only as far as that needs.
   */
  followNode(id: string, anchor?: string, margin = 90): void {
    const d = this.sigma.getNodeDisplayData(id);
    if (!d) return;
    const cam = this.sigma.getCamera();
    const { width, height } = this.sigma.getDimensions();
    const m = Math.min(margin, width / 4, height / 4);
    const p = this.sigma.framedGraphToViewport(d);
    if (p.x >= m && p.x <= width - m && p.y >= m && p.y <= height - m) return;
    const a = anchor && anchor !== id ? this.sigma.getNodeDisplayData(anchor) : undefined;
    if (!a) {
      void cam.animate({ x: d.x, y: d.y }, { duration: 350 });
      return;
    }
    const q = this.sigma.framedGraphToViewport(a);
    // How much wider than the usable stage the pair is, at the current zoom.
    const need = Math.max(Math.abs(p.x - q.x) / (width - 2 * m), Math.abs(p.y - q.y) / (height - 2 * m), 1);
    void cam.animate(
      {
        x: (d.x + a.x) / 2,
        y: (d.y + a.y) / 2,
        ratio: Math.min(this.sigma.getSetting('maxCameraRatio') ?? 8, cam.ratio * need),
      },
      { duration: 350 },
    );
  }

  fit(): void {
    void this.sigma.getCamera().animatedReset({ duration: 500 });
  }

  // ---------- reading ----------
  isNodeVisible(id: string): boolean {
    if (!this.graph.hasNode(id)) return false;
    return !this.hiddenLabels.has(String(this.graph.getNodeAttribute(id, 'kind')));
  }

  /** The nodes and edges currently drawn (filters applied), with positions and colours. */
  visible(): { nodes: (GraphNode & { x: number; y: number; color: string; size: number })[]; edges: GraphEdge[] } {
    const nodes: (GraphNode & { x: number; y: number; color: string; size: number })[] = [];
    this.graph.forEachNode((n, a) => {
      if (!this.isNodeVisible(n)) return;
      const disp = this.sigma.getNodeDisplayData(n);
      nodes.push({ ...a.data, x: a.x, y: a.y, color: disp?.color ?? a.color, size: a.size });
    });
    const edges: GraphEdge[] = [];
    this.graph.forEachEdge((_e, a, s, t) => {
      if (this.hiddenRelTypes.has(a.relType) || !this.isNodeVisible(s) || !this.isNodeVisible(t)) return;
      edges.push(a.data);
    });
    return { nodes, edges };
  }

  /** Every node's position (rounded in the URL). */
  positions(): Record<string, { x: number; y: number }> {
    const out: Record<string, { x: number; y: number }> = {};
    this.graph.forEachNode((n, a) => {
      out[n] = { x: a.x, y: a.y };
    });
    return out;
  }

  /** How many nodes and relationships are drawn now (filters applied). */
  visibleCounts(): { nodes: number; edges: number } {
    let nodes = 0;
    let edges = 0;
    this.graph.forEachNode((n) => {
      if (this.isNodeVisible(n)) nodes++;
    });
    this.graph.forEachEdge((e) => {
      if (this.isEdgeVisible(e)) edges++;
    });
    return { nodes, edges };
  }

  labelCounts(): Map<string, number> {
    const m = new Map<string, number>();
    this.graph.forEachNode((_n, a) => m.set(String(a.kind), (m.get(String(a.kind)) ?? 0) + 1));
    return m;
  }

  assertionCounts(): Map<string, number> {
    const m = new Map<string, number>();
    this.graph.forEachEdge((_e, a) => m.set(assertionOf(a.data), (m.get(assertionOf(a.data)) ?? 0) + 1));
    return m;
  }

  relTypeCounts(): Map<string, number> {
    const m = new Map<string, number>();
    this.graph.forEachEdge((_e, a) => m.set(a.relType, (m.get(a.relType) ?? 0) + 1));
    return m;
  }
}
