/** Paths and resistance overlays: fetched, merged into the view, highlighted. Pure functions of the result. */
import type { GraphEdge, GraphNode, Subgraph } from '../../../ontology/index.js';
import { api, asSubgraph, type PathsResult, type ResistanceResult } from '../lib/api.js';
import type { Overlay } from '../lib/url.js';

export type OverlayResult =
  | { kind: 'paths'; data: PathsResult; overlay: Overlay }
  | { kind: 'resistance'; data: ResistanceResult; overlay: Overlay };

export function sameOverlay(a: Overlay | null, b: Overlay | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export async function fetchOverlay(overlay: Overlay): Promise<OverlayResult> {
  if (overlay.kind === 'paths') {
    const data = await api.paths(overlay.from, overlay.to, overlay.maxDepth, overlay.types);
    return { kind: 'paths', data, overlay };
  }
  return { kind: 'resistance', data: await api.resistance(overlay.target), overlay };
}

/** What the overlay adds to the view: for paths, the graph and every path's nodes and edges. */
export function overlaySubgraph(r: OverlayResult): Subgraph {
  const sub = asSubgraph(r.data.graph);
  if (r.kind !== 'paths') return sub;
  const nodes = new Map<string, GraphNode>(sub.nodes.map((n) => [n.id, n]));
  const edges = new Map<string, GraphEdge>(sub.edges.map((e) => [String(e.id), e]));
  for (const p of r.data.paths ?? []) {
    for (const n of p.nodes ?? []) if (!nodes.has(n.id)) nodes.set(n.id, n);
    for (const e of p.edges ?? []) if (!edges.has(String(e.id))) edges.set(String(e.id), e);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** Everything the overlay brought, to highlight (paths: every path; resistance: the whole set). */
export function overlayHighlight(r: OverlayResult): { nodes: Set<string>; edges: Set<string> } {
  const sub = asSubgraph(r.data.graph);
  if (r.kind !== 'paths')
    return { nodes: new Set(sub.nodes.map((n) => n.id)), edges: new Set(sub.edges.map((e) => String(e.id))) };
  const nodes = new Set<string>();
  const edges = new Set<string>();
  for (const p of r.data.paths ?? []) {
    for (const n of p.nodes ?? []) nodes.add(n.id);
    for (const e of p.edges ?? []) edges.add(String(e.id));
  }
  if (!nodes.size) for (const n of sub.nodes) nodes.add(n.id);
  if (!edges.size) for (const e of sub.edges) edges.add(String(e.id));
  return { nodes, edges };
}
