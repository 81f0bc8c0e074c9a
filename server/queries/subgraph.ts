/**
 * The subgraph induced by a set of node ids, and the claim filter (issue 11) that the
 * exploring endpoints apply to the edges they return.
 */
import type { Node } from 'neo4j-driver';
import type { Assertion, Subgraph } from '../../ontology/index.js';
import { GraphCollector, nodeId } from '../db/convert.js';
import type { GraphDb } from '../db/graph-db.js';
import { NotFoundError } from '../errors.js';

/**
 * Which edges to keep by claim kind. `assertions`: keep edges whose `assertion` is one of
 * these. `disease`: keep edges shown in that disease (`contextDisease`) and edges that
 * carry no disease context (structural facts such as class membership); drop edges shown
 * in another disease or whose source does not say where.
 */
export interface ClaimFilter {
  assertions?: Assertion[];
  disease?: string;
}

/**
 * A Cypher predicate on the relationship variable `r` (always `true` without a filter)
 * and the parameters it uses. Values are parameters, never interpolated.
 */
export function claimPredicate(
  filter: ClaimFilter | undefined,
  r = 'r',
): { where: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter?.assertions?.length) {
    parts.push(`${r}.assertion IN $claimAssertions`);
    params.claimAssertions = filter.assertions;
  }
  if (filter?.disease) {
    parts.push(`(${r}.contextDisease IS NULL OR ${r}.contextDisease = $claimDisease)`);
    params.claimDisease = filter.disease;
  }
  return { where: parts.length ? parts.join(' AND ') : 'true', params };
}

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
