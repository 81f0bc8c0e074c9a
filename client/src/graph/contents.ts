/**
 * What the graph holds: subgraphs from the API turned into nodes and edges, loaded from
 * scratch (seeded, sorted: deterministic), merged in around an anchor, or collapsed.
 * Only graph data and starting positions; layout and drawing are elsewhere.
 */
import type { GraphEdge, GraphNode, Subgraph } from '../../../ontology/index.js';
import { EDGE_COLOR, labelColor } from './colors.js';
import { seededPositions } from './layout.js';
import type { AtlasGraph, EdgeAttrs, NodeAttrs } from './types.js';

function nodeAttrs(n: GraphNode, x: number, y: number, parent?: string): NodeAttrs {
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

function edgeAttrs(e: GraphEdge): EdgeAttrs {
  return { relType: String(e.type), label: String(e.type), size: 1, color: EDGE_COLOR, data: e };
}

/** Add the edges whose ends are both in the graph, in a fixed order, each once. */
export function addEdges(graph: AtlasGraph, edges: GraphEdge[]): void {
  const order = (e: GraphEdge) => `${e.source}\u0000${e.type}\u0000${e.target}\u0000${e.id}`;
  for (const e of [...edges].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0))) {
    if (!e || !graph.hasNode(e.source) || !graph.hasNode(e.target)) continue;
    const key = String(e.id ?? `${e.source}-${e.type}-${e.target}`);
    if (graph.hasEdge(key)) continue;
    graph.addDirectedEdgeWithKey(key, e.source, e.target, edgeAttrs(e));
  }
}

/** Empty the graph and load a subgraph at seeded starting positions (ids sorted: same seed, same picture). */
export function loadSubgraph(graph: AtlasGraph, sub: Subgraph, seed: number): void {
  graph.clear();
  const nodes = [...new Map(sub.nodes.map((n) => [n.id, n])).values()].sort((a, b) => a.id.localeCompare(b.id));
  const start = seededPositions(
    nodes.map((n) => n.id),
    seed,
  );
  for (const node of nodes) graph.addNode(node.id, nodeAttrs(node, start[node.id]!.x, start[node.id]!.y));
  addEdges(graph, sub.edges);
}

function typicalSpacing(graph: AtlasGraph): number {
  if (graph.order < 2) return 10;
  let minX = Infinity,
    maxX = -Infinity,
    minY = Infinity,
    maxY = -Infinity;
  graph.forEachNode((_, a) => {
    minX = Math.min(minX, a.x);
    maxX = Math.max(maxX, a.x);
    minY = Math.min(minY, a.y);
    maxY = Math.max(maxY, a.y);
  });
  return Math.max(2, Math.sqrt(((maxX - minX) * (maxY - minY)) / graph.order) * 0.8);
}

/**
 * Add a subgraph. New nodes start on a ring around the node they hang from (`anchor`, or
 * any neighbour already shown), opening away from the rest of the graph, so the short
 * settling layout has little to untangle. Returns the ids added.
 */
export function mergeSubgraph(graph: AtlasGraph, sub: Subgraph, anchor?: string): string[] {
  const added: string[] = [];
  const existing = new Set(graph.nodes());
  const center = (id: string | undefined) => (id && graph.hasNode(id) ? graph.getNodeAttributes(id) : null);
  const nbrOf = new Map<string, string>();
  for (const e of sub.edges) {
    if (existing.has(e.source) && !existing.has(e.target)) nbrOf.set(e.target, e.source);
    if (existing.has(e.target) && !existing.has(e.source)) nbrOf.set(e.source, e.target);
  }
  const spread = typicalSpacing(graph);
  let cx = 0,
    cy = 0;
  graph.forEachNode((_n, a) => {
    cx += a.x;
    cy += a.y;
  });
  if (graph.order) {
    cx /= graph.order;
    cy /= graph.order;
  }
  // A subgraph may list a node more than once (paths that share nodes): add each once.
  const seen = new Set<string>();
  const fresh = sub.nodes
    .filter((n) => {
      if (graph.hasNode(n.id) || seen.has(n.id)) return false;
      seen.add(n.id);
      return true;
    })
    .sort((a, b) => a.id.localeCompare(b.id));
  const byParent = new Map<string, GraphNode[]>();
  for (const n of fresh) {
    const p = anchor && graph.hasNode(anchor) ? anchor : (nbrOf.get(n.id) ?? '');
    (byParent.get(p) ?? byParent.set(p, []).get(p)!).push(n);
  }
  for (const node of sub.nodes) {
    if (!graph.hasNode(node.id)) continue;
    const a = graph.getNodeAttributes(node.id);
    graph.mergeNodeAttributes(node.id, { data: { ...a.data, ...node } });
    if (anchor && node.id !== anchor && !a.parents.includes(anchor) && !existing.has(node.id)) a.parents.push(anchor);
  }
  for (const [parent, list] of byParent) {
    const c = center(parent) ?? { x: cx, y: cy };
    const n = list.length;
    const away = parent && graph.order > 1 ? Math.atan2(c.y - cy, c.x - cx) : 0;
    const arc = !parent || n > 8 ? 2 * Math.PI : Math.PI * 1.2;
    const r0 = spread * (1.1 + 0.18 * Math.sqrt(n));
    list.forEach((node, i) => {
      const ang = away - arc / 2 + (arc * (i + 0.5)) / n;
      const r = r0 * (i % 2 ? 1 : 1.3);
      graph.addNode(node.id, nodeAttrs(node, c.x + r * Math.cos(ang), c.y + r * Math.sin(ang), parent || undefined));
      added.push(node.id);
    });
  }
  addEdges(graph, sub.edges);
  return added;
}

/** The neighbours that only `id` connects to the graph (what expanding it brought), except `keep`. */
export function collapsibleNeighbors(graph: AtlasGraph, id: string, keep: string | null): string[] {
  if (!graph.hasNode(id)) return [];
  return graph.neighbors(id).filter((n) => {
    if (n === keep) return false;
    return graph.neighbors(n).filter((m) => m !== id).length === 0;
  });
}
