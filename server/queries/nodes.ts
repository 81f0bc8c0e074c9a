/** GET /api/nodes/:id and /api/nodes/:id/neighbors. */
import type { Node, Relationship } from 'neo4j-driver';
import type { GraphNode, RelationshipType, Subgraph } from '../../ontology/index.js';
import { GraphCollector, nodeId, relationshipProps, toGraphNode, typeLabel } from '../db/convert.js';
import type { GraphDb } from '../db/graph-db.js';
import { NotFoundError } from '../errors.js';
import { type ClaimFilter, claimPredicate } from './subgraph.js';
import { relTypePattern } from '../lib/ontology-guard.js';

export interface NodeRelationship {
  id: string;
  type: string;
  direction: 'out' | 'in';
  other: { id: string; name: string; label: string };
  props: Record<string, unknown>;
}

export interface NodeDetail {
  node: GraphNode;
  relationships: NodeRelationship[];
}

export async function getNode(db: GraphDb, id: string): Promise<NodeDetail> {
  const records = await db.query(
    `MATCH (n:Entity {id: $id})
     OPTIONAL MATCH (n)-[r]-(m)
     RETURN n, r, m`,
    { id },
  );
  const first = records[0];
  if (!first) throw new NotFoundError(`node "${id}"`, { id });
  const node = first.get('n') as Node;
  const relationships: NodeRelationship[] = [];
  for (const rec of records) {
    const r = rec.get('r') as Relationship | null;
    const m = rec.get('m') as Node | null;
    if (!r || !m) continue;
    const other = toGraphNode(m);
    relationships.push({
      id: r.elementId,
      type: r.type,
      // A self-loop is reported once, as outgoing.
      direction: r.startNodeElementId === node.elementId ? 'out' : 'in',
      other: { id: other.id, name: other.name, label: typeLabel(m.labels) },
      props: relationshipProps(r),
    });
  }
  const unique = [...new Map(relationships.map((r) => [r.id, r])).values()];
  unique.sort(
    (a, b) =>
      a.type.localeCompare(b.type) ||
      a.direction.localeCompare(b.direction) ||
      a.other.name.localeCompare(b.other.name),
  );
  return { node: toGraphNode(node), relationships: unique };
}

export interface NeighborOptions {
  depth: number;
  types?: RelationshipType[];
  limit: number;
  /** Keep only edges of these claim kinds / this disease context (see claimPredicate). */
  claims?: ClaimFilter;
}

/**
 * Breadth-first, one hop per query inside a single read transaction: closer nodes are
 * kept first when the limit cuts, and hubs (HCC, references) don't blow up the way a
 * variable-length pattern enumerating every path would.
 */
export async function neighbors(
  db: GraphDb,
  id: string,
  options: NeighborOptions,
): Promise<Subgraph & { truncated: boolean }> {
  const rel = relTypePattern(options.types);
  const claim = claimPredicate(options.claims);
  return db.read(async (tx) => {
    const start = (await tx.run('MATCH (n:Entity {id: $id}) RETURN n', { id })).records[0]?.get('n') as
      | Node
      | undefined;
    if (!start) throw new NotFoundError(`node "${id}"`, { id });
    const kept = new Map<string, Node>([[nodeId(start), start]]);
    let frontier = [nodeId(start)];
    let truncated = false;
    for (let hop = 0; hop < options.depth && frontier.length > 0 && !truncated; hop++) {
      const res = await tx.run(
        `MATCH (a:Entity)-[${rel}]-(b:Entity) WHERE a.id IN $frontier AND ${claim.where}
         WITH DISTINCT b ORDER BY COUNT { (b)--() } DESC, b.id
         RETURN b`,
        { frontier, ...claim.params },
      );
      const next: string[] = [];
      for (const r of res.records) {
        const b = r.get('b') as Node;
        const bid = nodeId(b);
        if (kept.has(bid)) continue;
        if (kept.size >= options.limit) {
          truncated = true;
          break;
        }
        kept.set(bid, b);
        next.push(bid);
      }
      frontier = next;
    }
    const ids = [...kept.keys()];
    const edges = await tx.run(
      `MATCH (a:Entity)-[${rel}]->(b:Entity) WHERE a.id IN $ids AND b.id IN $ids AND ${claim.where} RETURN r`,
      { ids, ...claim.params },
    );
    const collector = new GraphCollector();
    for (const n of kept.values()) collector.add(n);
    for (const r of edges.records) collector.add(r.get('r'));
    return { ...collector.subgraph(), truncated };
  });
}
