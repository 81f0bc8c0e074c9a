/** GET /api/graph (what the viewer loads first) and GET /api/schema. */
import neo4j, { type Node } from 'neo4j-driver';
import { NODE_LABELS, RELATIONSHIP_TYPES, type NodeLabel, type Subgraph } from '../../ontology/index.js';
import { GraphCollector, nodeId } from '../db/convert.js';
import type { GraphDb } from '../db/graph-db.js';
import { type ClaimFilter, claimPredicate } from './subgraph.js';

export interface Overview extends Subgraph {
  total: { nodes: number; edges: number };
  truncated: boolean;
}

/**
 * The most connected nodes first, up to `limit`, with every edge among them. `total`
 * counts what matches the label filter, so the client can say "showing 300 of 1,240".
 */
export async function overview(
  db: GraphDb,
  labels: NodeLabel[] | undefined,
  limit: number,
  claims?: ClaimFilter,
): Promise<Overview> {
  const claim = claimPredicate(claims);
  return db.read(async (tx) => {
    const filter = labels?.length ? 'WHERE any(l IN labels(n) WHERE l IN $labels)' : '';
    const params = { labels: labels ?? [], limit: neo4j.int(limit) };
    const picked = await tx.run(
      `MATCH (n:Entity) ${filter}
       WITH n, COUNT { (n)--() } AS degree
       ORDER BY degree DESC, n.id
       LIMIT $limit
       RETURN n, degree`,
      params,
    );
    const totalNodes = await tx.run(`MATCH (n:Entity) ${filter} RETURN count(n) AS c`, params);
    const totalEdges = await tx.run(
      `MATCH (n:Entity)-[r]->(m:Entity) ${filter}${filter ? ' AND' : 'WHERE'} ${
        labels?.length ? 'any(l IN labels(m) WHERE l IN $labels)' : 'true'
      } RETURN count(r) AS c`,
      params,
    );
    const degree = new Map<string, number>();
    const collector = new GraphCollector();
    for (const r of picked.records) {
      const n = r.get('n') as Node;
      collector.add(n);
      degree.set(nodeId(n), Number(r.get('degree')));
    }
    const ids = [...degree.keys()];
    // The claim filter thins the edges drawn among the chosen nodes; degree stays the node's own.
    const edges = await tx.run(
      `MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id IN $ids AND b.id IN $ids AND ${claim.where} RETURN r`,
      { ids, ...claim.params },
    );
    for (const r of edges.records) collector.add(r.get('r'));
    const sub = collector.subgraph();
    const total = {
      nodes: Number(totalNodes.records[0]?.get('c') ?? 0),
      edges: Number(totalEdges.records[0]?.get('c') ?? 0),
    };
    return {
      nodes: sub.nodes.map((n) => ({ ...n, degree: degree.get(n.id) ?? 0 })),
      edges: sub.edges,
      total,
      truncated: sub.nodes.length < total.nodes || sub.edges.length < total.edges,
    };
  });
}

export interface SchemaCounts {
  labels: { label: string; count: number }[];
  relationshipTypes: { type: string; count: number }[];
}

/** Every ontology label and type (0 when absent) plus anything else found in the database. */
export async function schemaCounts(db: GraphDb): Promise<SchemaCounts> {
  return db.read(async (tx) => {
    const l = await tx.run('MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS count');
    const t = await tx.run('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count');
    const labelCounts = new Map<string, number>([...NODE_LABELS].map((x) => [x, 0]));
    for (const r of l.records) labelCounts.set(r.get('label') as string, Number(r.get('count')));
    const typeCounts = new Map<string, number>([...RELATIONSHIP_TYPES].map((x) => [x, 0]));
    for (const r of t.records) typeCounts.set(r.get('type') as string, Number(r.get('count')));
    return {
      labels: [...labelCounts]
        .map(([label, count]) => ({ label, count }))
        .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
      relationshipTypes: [...typeCounts]
        .map(([type, count]) => ({ type, count }))
        .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type)),
    };
  });
}
