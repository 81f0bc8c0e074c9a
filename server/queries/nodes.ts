/**
 * GET /api/nodes/:id, /api/nodes/:id/relationships (cursor paging) and
 * /api/nodes/:id/neighbors, each bounded (see bounds.ts).
 *
 * Relationship order within a (type, direction) group, best first:
 *   1. has evidence text, 2. number of cited refs, 3. the neighbour's stored degree
 *   (ingest/ranks.ts), 4. the relationship's elementId (a unique tiebreak, so a cursor
 *   names one exact position and pages never overlap).
 */
import neo4j, { type ManagedTransaction, type Node, type Relationship } from 'neo4j-driver';
import type { GraphEdge, GraphNode, RelationshipType, Subgraph } from '../../ontology/index.js';
import { GraphCollector, nodeId, relationshipProps, toGraphNode, typeLabel } from '../db/convert.js';
import type { GraphDb } from '../db/graph-db.js';
import { BadParameterError, NotFoundError } from '../errors.js';
import { relTypePattern } from '../lib/ontology-guard.js';
import { DEFAULT_MAX_BYTES, fitPrefix, fitSubgraph, type Truncated, truncation } from './bounds.js';
import { type ClaimFilter, claimPredicate } from './subgraph.js';

export type Direction = 'out' | 'in';

export interface NodeRelationship {
  id: string;
  type: string;
  direction: Direction;
  other: { id: string; name: string; label: string; degree?: number };
  props: Record<string, unknown>;
}

export interface RelationshipCount {
  type: string;
  direction: Direction;
  count: number;
  /** How many of them `relationships` holds (the group's first page). */
  shown: number;
  /** Cursor of the group's next page for /api/nodes/:id/relationships, null when all are shown. */
  next: string | null;
}

export interface NodeDetail {
  node: GraphNode;
  /** The first page of each (type, direction) group, groups by type then direction. */
  relationships: NodeRelationship[];
  relationshipCounts: RelationshipCount[];
  total: { relationships: number };
  truncated: Truncated;
}

/** Sort key of a relationship within its group (see module comment). */
const SORT_KEYS = `CASE WHEN r.evidence IS NULL OR r.evidence = '' THEN 0 ELSE 1 END AS ev,
       CASE WHEN r.refs IS NULL THEN 0 ELSE size(r.refs) END AS nrefs,
       coalesce(m.degree, 0) AS deg,
       elementId(r) AS eid`;
const SORT_ORDER = 'ev DESC, nrefs DESC, deg DESC, eid';

type Key = [number, number, number, string];

export function encodeCursor(key: Key): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): Key {
  try {
    const k = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(k) &&
      k.length === 4 &&
      k.slice(0, 3).every((x) => Number.isInteger(x)) &&
      typeof k[3] === 'string'
    ) {
      return k as Key;
    }
  } catch {
    // fall through
  }
  throw new BadParameterError('cursor', 'is not a cursor this server returned (use `next` from a previous page)');
}

function toRelationship(r: Relationship, m: Node, direction: Direction): NodeRelationship {
  const other = toGraphNode(m);
  const degree = typeof other.degree === 'number' ? { degree: other.degree } : {};
  return {
    id: r.elementId,
    type: r.type,
    direction,
    other: { id: other.id, name: other.name, label: typeLabel(m.labels), ...degree },
    props: relationshipProps(r),
  };
}

interface KeyRow {
  ev: unknown;
  nrefs: unknown;
  deg: unknown;
  eid: unknown;
}

function keyOf(row: KeyRow): Key {
  return [Number(row.ev), Number(row.nrefs), Number(row.deg), String(row.eid)];
}

export interface DetailOptions {
  /** First page size of each (type, direction) group. */
  perGroup: number;
  maxBytes?: number;
}

export async function getNode(db: GraphDb, id: string, options: DetailOptions = { perGroup: 50 }): Promise<NodeDetail> {
  // Outgoing and incoming separately; a self-loop is reported once, as outgoing.
  const records = await db.query(
    `MATCH (n:Entity {id: $id})
     OPTIONAL CALL (n) {
       MATCH (n)-[r]->(m) RETURN r, m, 'out' AS direction
       UNION ALL
       MATCH (n)<-[r]-(m) WHERE m <> n RETURN r, m, 'in' AS direction
     }
     WITH n, r, m, direction, ${SORT_KEYS}
     ORDER BY type(r), direction, ${SORT_ORDER}
     WITH n, type(r) AS type, direction, count(r) AS total,
          collect(CASE WHEN r IS NULL THEN null ELSE {r: r, m: m, ev: ev, nrefs: nrefs, deg: deg, eid: eid} END)[..$perGroup] AS page
     RETURN n, type, direction, total, page
     ORDER BY type, direction`,
    { id, perGroup: neo4j.int(options.perGroup) },
  );
  const first = records[0];
  if (!first) throw new NotFoundError(`node "${id}"`, { id });
  const node = first.get('n') as Node;
  const counts: RelationshipCount[] = [];
  const groups: { rel: NodeRelationship; key: Key }[][] = [];
  for (const rec of records) {
    const type = rec.get('type') as string | null;
    if (type === null) continue;
    const direction = rec.get('direction') as Direction;
    const page = rec.get('page') as ({ r: Relationship; m: Node } & KeyRow)[];
    groups.push(page.map((p) => ({ rel: toRelationship(p.r, p.m, direction), key: keyOf(p) })));
    counts.push({ type, direction, count: Number(rec.get('total')), shown: page.length, next: null });
  }
  // Over the byte budget: every group keeps the same share of its first page.
  const budget = (options.maxBytes ?? DEFAULT_MAX_BYTES) - 4_000;
  const bytesCut = fitPrefix(groups.flat(), budget).dropped > 0;
  if (bytesCut) {
    let share = Math.max(...groups.map((g) => g.length));
    while (
      share > 1 &&
      fitPrefix(
        groups.flatMap((g) => g.slice(0, share)),
        budget,
      ).dropped > 0
    )
      share = Math.floor(share * 0.8);
    for (const g of groups) g.splice(share);
  }
  counts.forEach((c, i) => {
    const g = groups[i]!;
    c.shown = g.length;
    const last = g[g.length - 1];
    if (last && c.shown < c.count) c.next = encodeCursor(last.key);
  });
  const relationships = groups.flat().map((x) => x.rel);
  const cutGroups = counts.filter((c) => c.shown < c.count);
  return {
    node: toGraphNode(node),
    relationships,
    relationshipCounts: counts,
    total: { relationships: counts.reduce((s, c) => s + c.count, 0) },
    truncated: truncation(
      [...(cutGroups.length ? (['perGroup'] as const) : []), ...(bytesCut ? (['bytes'] as const) : [])],
      {
        perGroup: options.perGroup,
        groups: cutGroups.length,
        shown: relationships.length,
      },
    ),
  };
}

export interface RelationshipPage {
  node: { id: string; name: string; label: string };
  type: string;
  direction: Direction;
  total: number;
  relationships: NodeRelationship[];
  /** Pass as `cursor` for the next page; null on the last page. */
  next: string | null;
}

/** One page of a node's relationships of one type and direction, in the module's order. */
export async function relationshipPage(
  db: GraphDb,
  id: string,
  options: { type: RelationshipType; direction: Direction; cursor?: string; limit: number },
): Promise<RelationshipPage> {
  const after = options.cursor ? decodeCursor(options.cursor) : undefined;
  const rel = relTypePattern([options.type]);
  // A self-loop belongs to the outgoing group only (as in the node's details).
  const pattern = options.direction === 'out' ? `(n)-[${rel}]->(m)` : `(n)<-[${rel}]-(m) WHERE m <> n`;
  const seek = after
    ? `WHERE ev < $k0 OR (ev = $k0 AND (nrefs < $k1 OR (nrefs = $k1 AND (deg < $k2 OR (deg = $k2 AND eid > $k3)))))`
    : '';
  return db.read(async (tx) => {
    // The node with its count and the page travel together (the driver pipelines both in
    // one round trip); the page is only read once the node is known to exist.
    const headRun = tx.run(`MATCH (n:Entity {id: $id}) RETURN n, COUNT { MATCH ${pattern} RETURN r } AS total`, {
      id,
    });
    const pageRun = tx.run(
      `MATCH (n:Entity {id: $id}) MATCH ${pattern}
       WITH r, m, ${SORT_KEYS}
       ${seek}
       RETURN r, m, ev, nrefs, deg, eid
       ORDER BY ${SORT_ORDER}
       LIMIT $limit`,
      {
        id,
        limit: neo4j.int(options.limit + 1),
        ...(after ? { k0: neo4j.int(after[0]), k1: neo4j.int(after[1]), k2: neo4j.int(after[2]), k3: after[3] } : {}),
      },
    );
    pageRun.catch(() => {});
    const head = await headRun;
    const n = head.records[0]?.get('n') as Node | undefined;
    if (!n) throw new NotFoundError(`node "${id}"`, { id });
    const total = Number(head.records[0]!.get('total'));
    const res = await pageRun;
    const rows = res.records.slice(0, options.limit);
    const last = rows[rows.length - 1];
    const node = toGraphNode(n);
    return {
      node: { id: node.id, name: node.name, label: node.label },
      type: options.type,
      direction: options.direction,
      total,
      relationships: rows.map((r) => toRelationship(r.get('r'), r.get('m'), options.direction)),
      next: res.records.length > options.limit && last ? encodeCursor(keyOf(last.toObject() as KeyRow)) : null,
    };
  });
}

export interface NeighborOptions {
  depth: number;
  types?: RelationshipType[];
  /** Most nodes returned, the start included. */
  limit: number;
  /** Most new neighbours per (relationship type, direction) and hop. */
  perType: number;
  maxEdges: number;
  maxBytes: number;
  /** Add one "+N more TYPE" pseudo-node per cut group of the start node. */
  aggregate?: boolean;
  /** Keep only edges of these claim kinds / this disease context (see claimPredicate). */
  claims?: ClaimFilter;
}

export interface MoreNeighbors {
  hop: number;
  /** The start node for hop 1 (the group's relationships page from it); absent deeper. */
  node?: string;
  type: string;
  direction: Direction;
  /** Distinct neighbours reached this hop by this type and direction. */
  total: number;
  shown: number;
}

export interface Neighborhood extends Subgraph {
  truncated: Truncated;
  more: MoreNeighbors[];
  total: { nodes: number; edges: number };
}

/**
 * Breadth-first, one hop per query inside a single read transaction. Each hop keeps,
 * per (type, direction), the top `perType` new neighbours by score: cited (the edge
 * reaching it has refs) before uncited, then the neighbour's stored degree, then id.
 * Groups are taken round-robin so one big type cannot crowd out the others when
 * `limit` cuts; what was left is listed in `more`.
 */
export async function neighbors(db: GraphDb, id: string, options: NeighborOptions): Promise<Neighborhood> {
  const rel = relTypePattern(options.types);
  const claim = claimPredicate(options.claims);
  const hopQuery = `MATCH (a:Entity)-[${rel}]-(b:Entity) WHERE a.id IN $frontier AND ${claim.where} AND NOT b.id IN $seen
     WITH type(r) AS type, CASE WHEN startNode(r) = a THEN 'out' ELSE 'in' END AS direction, b,
          max(CASE WHEN r.refs IS NULL OR size(r.refs) = 0 THEN 0 ELSE 1 END) AS cited
     ORDER BY cited DESC, coalesce(b.degree, 0) DESC, b.id
     WITH type, direction, count(b) AS total, collect(b)[..$perType] AS top
     RETURN type, direction, total, top ORDER BY type, direction`;
  const hop = (tx: ManagedTransaction, frontier: string[], seen: string[]) =>
    tx.run(hopQuery, { frontier, seen, perType: neo4j.int(options.perType), ...claim.params });
  return db.read(async (tx) => {
    // The start node and its first hop travel together (the driver pipelines both in one
    // round trip): the hop only needs the id, which is the start node's API id.
    const first = hop(tx, [id], [id]);
    first.catch(() => {});
    const start = (await tx.run('MATCH (n:Entity {id: $id}) RETURN n', { id })).records[0]?.get('n') as
      | Node
      | undefined;
    if (!start) throw new NotFoundError(`node "${id}"`, { id });
    const kept = new Map<string, Node>([[id, start]]);
    const more: MoreNeighbors[] = [];
    const reasons: ('nodes' | 'perType' | 'edges' | 'bytes')[] = [];
    let frontier = [id];
    for (let hopNo = 1; hopNo <= options.depth && frontier.length > 0 && kept.size < options.limit; hopNo++) {
      const res = hopNo === 1 ? await first : await hop(tx, frontier, [...kept.keys()]);
      const groups = res.records.map((r) => ({
        type: r.get('type') as string,
        direction: r.get('direction') as Direction,
        total: Number(r.get('total')),
        top: r.get('top') as Node[],
        shown: 0,
      }));
      const next: string[] = [];
      const longest = Math.max(0, ...groups.map((g) => g.top.length));
      let full = false;
      for (let i = 0; i < longest && !full; i++) {
        for (const g of groups) {
          const b = g.top[i];
          if (!b) continue;
          const bid = nodeId(b);
          if (kept.has(bid)) {
            g.shown++;
            continue;
          }
          if (kept.size >= options.limit) {
            full = true;
            reasons.push('nodes');
            break;
          }
          kept.set(bid, b);
          next.push(bid);
          g.shown++;
        }
      }
      for (const g of groups) {
        if (g.total > g.shown) {
          if (g.top.length < g.total) reasons.push('perType');
          more.push({
            hop: hopNo,
            ...(hopNo === 1 ? { node: id } : {}),
            type: g.type,
            direction: g.direction,
            total: g.total,
            shown: g.shown,
          });
        }
      }
      frontier = next;
    }
    const ids = [...kept.keys()];
    const edgeRes = await tx.run(edgesAmongQuery(rel, claim.where), {
      ids,
      cap: neo4j.int(options.maxEdges + 1),
      light: neo4j.int(LIGHT_DEGREE),
      ...claim.params,
    });
    if (edgeRes.records.length > options.maxEdges) reasons.push('edges');
    const collector = new GraphCollector();
    for (const n of kept.values()) collector.add(n);
    for (const r of edgeRes.records.slice(0, options.maxEdges)) collector.add(r.get('r'));
    const sub = collector.subgraph();
    const fitted = fitSubgraph(sub.nodes, sub.edges, options.maxBytes);
    if (fitted.cut) reasons.push('bytes');
    const graph = options.aggregate ? withAggregates(fitted, more, id) : fitted;
    return {
      nodes: graph.nodes,
      edges: graph.edges,
      more,
      total: { nodes: sub.nodes.length, edges: sub.edges.length },
      truncated: truncation(reasons, {
        limit: options.limit,
        perType: options.perType,
        maxEdges: options.maxEdges,
        shown: { nodes: fitted.nodes.length, edges: fitted.edges.length },
      }),
    };
  });
}

/** Above this stored degree a node is not expanded to find the edges among a set (see below). */
const LIGHT_DEGREE = 1_000;

/**
 * The relationships among the nodes `$ids`, each found from its lighter end. Expanding
 * every node and filtering the far end walks all of a hub's relationships whenever a hub
 * is in the set, which almost every neighbourhood of a power-law graph has (an ordinary
 * node with a 12,000-edge neighbour: 25,763 db hits for 11 edges). Instead, a node of
 * stored degree ≤ $light is expanded (an edge between two such nodes is taken from its
 * start node only), and two heavier nodes are checked pair by pair (Expand(Into)): 1,226
 * db hits for the same 11 edges, and 54k instead of 130k db hits among the 300 most
 * connected nodes. A node without a stored degree counts as light (correct, only slower).
 */
function edgesAmongQuery(rel: string, claimWhere: string): string {
  return `MATCH (a:Entity) WHERE a.id IN $ids
     WITH a, coalesce(a.degree, 0) <= $light AS light
     CALL (a, light) {
       WITH a WHERE light
       MATCH (a)-[${rel}]-(b:Entity) WHERE b.id IN $ids AND (startNode(r) = a OR coalesce(b.degree, 0) > $light)
       RETURN r
       UNION
       WITH a WHERE NOT light
       MATCH (b:Entity) WHERE b.id IN $ids AND coalesce(b.degree, 0) > $light
       MATCH (a)-[${rel}]->(b)
       RETURN r
     }
     WITH DISTINCT r WHERE ${claimWhere}
     RETURN r LIMIT $cap`;
}

/** Pseudo-node id of a start node's cut group. */
export function aggregateId(node: string, type: string, direction: Direction): string {
  return `more:${node}:${type}:${direction}`;
}

/**
 * One "+N more TYPE" node per cut group of the start node, tied to it by an edge of
 * that type. Both carry `aggregate`, so a viewer can page the group with
 * /api/nodes/:id/relationships?type=&direction= instead of opening a node.
 */
function withAggregates(graph: Subgraph, more: MoreNeighbors[], start: string): Subgraph {
  const nodes: GraphNode[] = [...graph.nodes];
  const edges: GraphEdge[] = [...graph.edges];
  for (const m of more) {
    if (m.hop !== 1) continue;
    const id = aggregateId(start, m.type, m.direction);
    const aggregate = { node: start, type: m.type, direction: m.direction, total: m.total, shown: m.shown };
    nodes.push({ id, label: 'More' as GraphNode['label'], name: `+${m.total - m.shown} more ${m.type}`, aggregate });
    edges.push({
      id: `${id}:edge`,
      type: m.type,
      source: m.direction === 'out' ? start : id,
      target: m.direction === 'out' ? id : start,
      aggregate,
    });
  }
  return { nodes, edges };
}
