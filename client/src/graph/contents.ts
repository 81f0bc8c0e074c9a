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

const edgeOrder = (e: GraphEdge) => `${e.source}\u0000${e.type}\u0000${e.target}\u0000${e.id}`;

/** Edges in the fixed order they are added in (deterministic views). */
export function sortEdges(edges: GraphEdge[]): GraphEdge[] {
  return [...edges].sort((a, b) => {
    const x = edgeOrder(a);
    const y = edgeOrder(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/** The graph's key of an edge. */
export function edgeKey(e: GraphEdge): string {
  return String(e.id ?? `${e.source}-${e.type}-${e.target}`);
}

/** Add one edge when both its ends are in the graph and it is not there yet (false otherwise). */
export function addEdge(graph: AtlasGraph, e: GraphEdge): boolean {
  if (!e || !graph.hasNode(e.source) || !graph.hasNode(e.target)) return false;
  const key = edgeKey(e);
  if (graph.hasEdge(key)) return false;
  graph.addDirectedEdgeWithKey(key, e.source, e.target, edgeAttrs(e));
  return true;
}

/** Add the edges whose ends are both in the graph, in a fixed order, each once. */
export function addEdges(graph: AtlasGraph, edges: GraphEdge[]): void {
  for (const e of sortEdges(edges)) addEdge(graph, e);
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

/** What merging a subgraph adds: the new nodes with their starting attributes, and the edges in order. */
export interface MergePlan {
  nodes: { id: string; attrs: NodeAttrs }[];
  /** The subgraph's edges, sorted (those whose ends are missing, or already drawn, are skipped when added). */
  edges: GraphEdge[];
}

/**
 * Plan the merge of a subgraph: new nodes start on a ring around the node they hang from
 * (`anchor`, or any neighbour already shown), opening away from the rest of the graph, so
 * the short settling layout has little to untangle. Nodes already in the graph get the
 * subgraph's data now (and `anchor` as a parent); nothing new is added yet.
 */
export function planMerge(graph: AtlasGraph, sub: Subgraph, anchor?: string): MergePlan {
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
  const nodes: MergePlan['nodes'] = [];
  for (const [parent, list] of byParent) {
    const c = center(parent) ?? { x: cx, y: cy };
    const n = list.length;
    const away = parent && graph.order > 1 ? Math.atan2(c.y - cy, c.x - cx) : 0;
    const arc = !parent || n > 8 ? 2 * Math.PI : Math.PI * 1.2;
    const r0 = spread * (1.1 + 0.18 * Math.sqrt(n));
    list.forEach((node, i) => {
      const ang = away - arc / 2 + (arc * (i + 0.5)) / n;
      const r = r0 * (i % 2 ? 1 : 1.3);
      nodes.push({
        id: node.id,
        attrs: nodeAttrs(node, c.x + r * Math.cos(ang), c.y + r * Math.sin(ang), parent || undefined),
      });
    });
  }
  return { nodes, edges: sortEdges(sub.edges) };
}

/**
 * Add a subgraph at once (planMerge, then every node and edge). Returns the ids added.
 * The view's `mergeInSlices` adds the same in short slices of main-thread time.
 */
export function mergeSubgraph(graph: AtlasGraph, sub: Subgraph, anchor?: string): string[] {
  const plan = planMerge(graph, sub, anchor);
  for (const n of plan.nodes) graph.addNode(n.id, n.attrs);
  for (const e of plan.edges) addEdge(graph, e);
  return plan.nodes.map((n) => n.id);
}

/** The neighbours that only `id` connects to the graph (what expanding it brought), except `keep`. */
export function collapsibleNeighbors(graph: AtlasGraph, id: string, keep: string | null): string[] {
  if (!graph.hasNode(id)) return [];
  return graph.neighbors(id).filter((n) => {
    if (n === keep) return false;
    return graph.neighbors(n).filter((m) => m !== id).length === 0;
  });
}
