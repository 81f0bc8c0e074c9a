/**
 * Progressive loading of a hub (issue 8). Expanding a node asks the neighbours endpoint
 * for the top-k neighbours per relationship type with `aggregate=1`; every group it cut
 * comes back as one "+N more TYPE" node (`label: "More"`, `aggregate: {node, type,
 * direction, total, shown}`). The view names it "TYPE: showing 1,200 of 8,801 — load
 * more"; opening it pages the group with /api/nodes/:id/relationships (cursor paging)
 * until a step of new neighbours is in, and the caption follows. Pure, apart from the
 * injected page fetcher.
 */
import type { GraphEdge, GraphNode, Subgraph } from '../../../../ontology/index.js';

export const MORE_LABEL = 'More';
export const MORE_PREFIX = 'more:';
/** New neighbours one "load more" brings in. */
export const MORE_STEP = 500;
/** Relationships per page request (the endpoint allows up to 1,000). */
export const MORE_PAGE = 500;
/** Page requests one "load more" makes at most (parallel edges can fill pages with known nodes). */
export const MORE_MAX_PAGES = 6;

export type Direction = 'out' | 'in';

export interface Aggregate {
  /** The node whose group this is. */
  node: string;
  type: string;
  direction: Direction;
  /** Distinct neighbours in the group. */
  total: number;
  /** How many the server's answer showed. */
  shown: number;
}

export function isMoreId(id: string): boolean {
  return id.startsWith(MORE_PREFIX);
}

/** The aggregate of a "+N more" node or edge (null for anything else or a malformed one). */
export function aggregateOf(data: unknown): Aggregate | null {
  const a = (data as { aggregate?: unknown } | null)?.aggregate as Partial<Aggregate> | undefined;
  if (!a || typeof a !== 'object') return null;
  if (typeof a.node !== 'string' || typeof a.type !== 'string') return null;
  if (a.direction !== 'out' && a.direction !== 'in') return null;
  if (!Number.isFinite(a.total) || !Number.isFinite(a.shown)) return null;
  return { node: a.node, type: a.type, direction: a.direction, total: Number(a.total), shown: Number(a.shown) };
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** What the "+N more" node says: "TARGETS: showing 1,200 of 8,801 — load more". */
export function moreCaption(agg: Pick<Aggregate, 'type' | 'total'>, shown: number): string {
  const s = Math.min(shown, agg.total);
  return s >= agg.total
    ? `${agg.type}: all ${fmt(agg.total)} shown`
    : `${agg.type}: showing ${fmt(s)} of ${fmt(agg.total)} — load more`;
}

export interface EdgeEnds {
  source: string;
  target: string;
  type: string;
}

/** Distinct neighbours of the group's node, reached by the group's type and direction, among `edges`. */
export function shownInGroup(edges: Iterable<EdgeEnds>, agg: Pick<Aggregate, 'node' | 'type' | 'direction'>): number {
  const seen = new Set<string>();
  for (const e of edges) {
    if (e.type !== agg.type) continue;
    const other =
      agg.direction === 'out' ? (e.source === agg.node ? e.target : null) : e.target === agg.node ? e.source : null;
    if (other === null || other === agg.node || isMoreId(other)) continue;
    seen.add(other);
  }
  return seen.size;
}

/** One page of /api/nodes/:id/relationships, as far as this module reads it. */
export interface RelationshipPageLike {
  node: { id: string; name: string; label: string };
  type: string;
  direction: Direction;
  total: number;
  relationships: {
    id: string;
    type: string;
    direction: Direction;
    other: { id: string; name: string; label: string; degree?: number };
    props: Record<string, unknown>;
  }[];
  next: string | null;
}

/**
 * A page as a subgraph: the group's node, the neighbours and the relationships, in the
 * shapes the other endpoints use (the relationship's provenance `source` becomes `dataSource`).
 */
export function pageToSubgraph(page: RelationshipPageLike): Subgraph {
  const nodes = new Map<string, GraphNode>();
  nodes.set(page.node.id, { id: page.node.id, name: page.node.name, label: page.node.label } as GraphNode);
  const edges: GraphEdge[] = [];
  for (const r of page.relationships) {
    const o = r.other;
    if (!nodes.has(o.id))
      nodes.set(o.id, {
        id: o.id,
        name: o.name,
        label: o.label,
        ...(o.degree !== undefined ? { degree: o.degree } : {}),
      } as GraphNode);
    const { source: dataSource, ...props } = r.props;
    edges.push({
      ...props,
      ...(dataSource !== undefined ? { dataSource } : {}),
      id: r.id,
      type: r.type,
      source: r.direction === 'out' ? page.node.id : o.id,
      target: r.direction === 'out' ? o.id : page.node.id,
    } as GraphEdge);
  }
  return { nodes: [...nodes.values()], edges };
}

export type PageFetcher = (
  node: string,
  type: string,
  direction: Direction,
  cursor: string | null,
  limit: number,
) => Promise<RelationshipPageLike>;

export interface MoreResult {
  /** Everything the pages held (known nodes included, so their edges come along). */
  sub: Subgraph;
  /** Neighbours not known before. */
  fresh: number;
  /** Cursor to continue from (null with `done`). */
  cursor: string | null;
  /** The group's last page was read. */
  done: boolean;
}

/**
 * Load the next step of a group: pages from `cursor` (null: from the first page) until `step` neighbours that `known`
 * does not hold are in, the group ends, or `maxPages` requests were made.
 */
export async function loadMore(
  fetchPage: PageFetcher,
  agg: Pick<Aggregate, 'node' | 'type' | 'direction'>,
  cursor: string | null,
  known: (id: string) => boolean,
  opts: { step?: number; pageSize?: number; maxPages?: number } = {},
): Promise<MoreResult> {
  const step = opts.step ?? MORE_STEP;
  const maxPages = opts.maxPages ?? MORE_MAX_PAGES;
  const nodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  const fresh = new Set<string>();
  let next = cursor;
  for (let i = 0; i < maxPages; i++) {
    const page = await fetchPage(agg.node, agg.type, agg.direction, next, opts.pageSize ?? MORE_PAGE);
    const sub = pageToSubgraph(page);
    for (const n of sub.nodes) {
      if (!nodes.has(n.id)) nodes.set(n.id, n);
      if (n.id !== agg.node && !known(n.id)) fresh.add(n.id);
    }
    edges.push(...sub.edges);
    next = page.next;
    if (next === null || fresh.size >= step) break;
  }
  return { sub: { nodes: [...nodes.values()], edges }, fresh: fresh.size, cursor: next, done: next === null };
}
