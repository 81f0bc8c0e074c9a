/**
 * Defaults and maxima for what an exploring endpoint may return, and the one shape in
 * which a response says what it left out (`truncated: false | Truncation`).
 */
import type { GraphEdge, GraphNode } from '../../ontology/index.js';

/** Why a response is smaller than what matched; `false` when nothing was left out. */
export type Truncated = false | Truncation;

export interface Truncation {
  /** What cut first: a node cap, an edge cap, the byte budget, a per-group cap or a LIMIT. */
  reason: 'nodes' | 'edges' | 'bytes' | 'perType' | 'perGroup' | 'limit';
  /** Every cap that cut (the first is `reason`). */
  reasons: string[];
  [detail: string]: unknown;
}

/** Default response budget: every default response stays under 1 MB of JSON. */
export const DEFAULT_MAX_BYTES = 900_000;
/** A caller may ask for more, up to this. */
export const MAX_BYTES = 20_000_000;

export function truncation(reasons: Truncation['reason'][], details: Record<string, unknown> = {}): Truncated {
  const unique = [...new Set(reasons)];
  return unique.length ? { reason: unique[0]!, reasons: unique, ...details } : false;
}

/** UTF-8 bytes of a value's JSON. */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
}

/**
 * The longest prefix of `items` (in priority order) whose JSON fits in `budget` bytes,
 * counting the commas between them.
 */
export function fitPrefix<T>(items: T[], budget: number): { kept: T[]; dropped: number } {
  let used = 2;
  let i = 0;
  for (; i < items.length; i++) {
    const size = jsonBytes(items[i]) + 1;
    if (used + size > budget) break;
    used += size;
  }
  return { kept: items.slice(0, i), dropped: items.length - i };
}

/**
 * Nodes (priority order) then edges (priority order) within a byte budget: nodes are
 * kept first since an edge without its ends cannot be drawn; edges whose ends were cut
 * go too. `reserve` is what the rest of the response needs.
 */
export function fitSubgraph<N extends GraphNode, E extends GraphEdge>(
  nodes: N[],
  edges: E[],
  budget: number,
  reserve = 2_000,
): { nodes: N[]; edges: E[]; cut: boolean } {
  if (jsonBytes(nodes) + jsonBytes(edges) + reserve <= budget) return { nodes, edges, cut: false };
  // Over budget: nodes get at most 60% of it, edges the rest.
  const n = fitPrefix(nodes, Math.max(0, budget - reserve) * 0.6);
  const ids = new Set(n.kept.map((x) => x.id));
  const usable = edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  const nodeBytes = jsonBytes(n.kept);
  const e = fitPrefix(usable, Math.max(0, budget - reserve - nodeBytes));
  return { nodes: n.kept, edges: e.kept, cut: n.dropped > 0 || e.kept.length < edges.length };
}
