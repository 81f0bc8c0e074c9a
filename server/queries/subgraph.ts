/** The subgraph induced by a set of node ids: those nodes and every edge among them. */
import type { Node } from 'neo4j-driver';
import type { Subgraph } from '../../ontology/index.js';
import { GraphCollector, nodeId } from '../db/convert.js';
import type { GraphDb } from '../db/graph-db.js';
import { NotFoundError } from '../errors.js';

export async function inducedSubgraph(db: GraphDb, ids: string[]): Promise<Subgraph> {
  const wanted = [...new Set(ids)];
  return db.read(async (tx) => {
    const nodes = await tx.run('MATCH (n:Entity) WHERE n.id IN $ids RETURN n', { ids: wanted });
    const found = new Set(nodes.records.map((r) => nodeId(r.get('n') as Node)));
    const missing = wanted.filter((id) => !found.has(id));
    if (missing.length) throw new NotFoundError(`${missing.length} node id(s)`, { missing });
    const edges = await tx.run('MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id IN $ids AND b.id IN $ids RETURN r', {
      ids: wanted,
    });
    const c = new GraphCollector();
    for (const r of nodes.records) c.add(r.get('n'));
    for (const r of edges.records) c.add(r.get('r'));
    return c.subgraph();
  });
}
