/** Read-only questions about what is drawn: visible nodes and edges, counts, positions, neighbour order. */
import type { GraphEdge, GraphNode } from '../../../ontology/index.js';
import { assertionOf } from './assertions.js';
import { isMoreId, MORE_LABEL } from './lod/moreNode.js';
import { isSummaryData } from './lod/summaryNode.js';
import { isEdgeVisible, isNodeVisible } from './reducers.js';
import type { AtlasSigma } from './renderer.js';
import type { AtlasGraph, DisplayState } from './types.js';

export type VisibleNode = GraphNode & { x: number; y: number; color: string; size: number };

/** The nodes and edges currently drawn (filters applied), with positions and colours. */
export function visibleContents(
  graph: AtlasGraph,
  sigma: AtlasSigma,
  s: DisplayState,
): { nodes: VisibleNode[]; edges: GraphEdge[] } {
  const nodes: VisibleNode[] = [];
  graph.forEachNode((n, a) => {
    if (!isNodeVisible(graph, s, n)) return;
    const disp = sigma.getNodeDisplayData(n);
    nodes.push({ ...a.data, x: a.x, y: a.y, color: disp?.color ?? a.color, size: a.size });
  });
  const edges: GraphEdge[] = [];
  graph.forEachEdge((_e, a, src, tgt) => {
    if (s.hiddenRelTypes.has(a.relType) || !isNodeVisible(graph, s, src) || !isNodeVisible(graph, s, tgt)) return;
    edges.push(a.data);
  });
  return { nodes, edges };
}

/** Every node's position. */
export function positionsOf(graph: AtlasGraph): Record<string, { x: number; y: number }> {
  const out: Record<string, { x: number; y: number }> = {};
  graph.forEachNode((n, a) => {
    out[n] = { x: a.x, y: a.y };
  });
  return out;
}

/**
 * How many nodes and relationships are drawn now (filters applied). A "+N more" node and
 * its edge stand for what is not loaded, so they are not counted; a summary overview's
 * type nodes are what it draws, and are.
 */
export function visibleCounts(graph: AtlasGraph, s: DisplayState): { nodes: number; edges: number } {
  let nodes = 0;
  let edges = 0;
  const isMore = (n: string) => isMoreNode(n, graph.getNodeAttributes(n));
  graph.forEachNode((n) => {
    if (!isMore(n) && isNodeVisible(graph, s, n)) nodes++;
  });
  graph.forEachEdge((e, _a, source, target) => {
    if (!isMoreId(e) && !isMore(source) && !isMore(target) && isEdgeVisible(graph, s, e)) edges++;
  });
  return { nodes, edges };
}

function countBy(each: (add: (k: string) => void) => void): Map<string, number> {
  const m = new Map<string, number>();
  each((k) => m.set(k, (m.get(k) ?? 0) + 1));
  return m;
}
/**
 * The viewer's placeholders are not entities: a "+N more" node (and its edge) stands for
 * neighbours or members not loaded; a summary node (and meta-edge) for a whole label.
 */
export function isPlaceholderNode(id: string, a: { kind?: unknown; data?: unknown }): boolean {
  return isMoreNode(id, a) || isSummaryData(a.data);
}
/** A "+N more" node: neighbours or members not loaded. */
function isMoreNode(id: string, a: { kind?: unknown }): boolean {
  return isMoreId(id) || a.kind === MORE_LABEL;
}
function isPlaceholderEdge(g: AtlasGraph, id: string, a: { data?: unknown }, source: string, target: string): boolean {
  return (
    isMoreId(id) ||
    isSummaryData(a.data) ||
    isPlaceholderNode(source, g.getNodeAttributes(source)) ||
    isPlaceholderNode(target, g.getNodeAttributes(target))
  );
}

/** Entities per label (placeholders left out). */
export const labelCounts = (g: AtlasGraph) =>
  countBy((add) =>
    g.forEachNode((n, a) => {
      if (!isPlaceholderNode(n, a)) add(String(a.kind));
    }),
  );
/** Relationships per claim kind (placeholders' edges left out). */
export const assertionCounts = (g: AtlasGraph) =>
  countBy((add) =>
    g.forEachEdge((e, a, s, t) => {
      if (!isPlaceholderEdge(g, e, a, s, t)) add(assertionOf(a.data));
    }),
  );
/** Relationships per type (placeholders' edges left out). */
export const relTypeCounts = (g: AtlasGraph) =>
  countBy((add) =>
    g.forEachEdge((e, a, s, t) => {
      if (!isPlaceholderEdge(g, e, a, s, t)) add(a.relType);
    }),
  );
/** The placeholders drawn: "+N more" nodes and summary (one per label) nodes. */
export function placeholderCounts(g: AtlasGraph): { more: number; summary: number } {
  let more = 0;
  let summary = 0;
  g.forEachNode((n, a) => {
    if (isSummaryData(a.data)) summary++;
    else if (isPlaceholderNode(n, a)) more++;
  });
  return { more, summary };
}

/**
 * The neighbours of `id` that are drawn (node type shown, linked by at least one shown
 * relationship type), clockwise on screen from 12 o'clock: the order `]` / `[` walk.
 */
export function visibleNeighbors(graph: AtlasGraph, sigma: AtlasSigma, s: DisplayState, id: string): string[] {
  if (!graph.hasNode(id)) return [];
  const seen = new Set<string>();
  graph.forEachEdge(id, (e, _a, src, tgt) => {
    const other = src === id ? tgt : src;
    if (other === id || seen.has(other) || !isEdgeVisible(graph, s, e) || !isNodeVisible(graph, s, other)) return;
    seen.add(other);
  });
  const at = (n: string) => {
    const d = sigma.getNodeDisplayData(n);
    return d ? sigma.framedGraphToViewport(d) : { x: 0, y: 0 };
  };
  const c = at(id);
  const angle = (n: string) => {
    const p = at(n);
    const a = Math.atan2(p.x - c.x, -(p.y - c.y));
    return a < 0 ? a + 2 * Math.PI : a;
  };
  const keyed = [...seen].map((n) => ({ n, a: angle(n), name: String(graph.getNodeAttribute(n, 'label')) }));
  keyed.sort((x, y) => x.a - y.a || x.name.localeCompare(y.name));
  return keyed.map((k) => k.n);
}
