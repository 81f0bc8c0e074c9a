/**
 * Saved questions and Cypher queries often answer with ids or names rather than nodes.
 * These helpers find the entities a result names (ids anywhere in its rows or
 * parameters, and short strings that are an entity's exact name), so it can be drawn.
 */
import { ID_PATTERN, labelOfId, type Subgraph } from '../../../ontology/index.js';
import { api } from './api.js';

export interface EntityKeys {
  ids: string[];
  names: string[];
}

/** Ids and candidate names anywhere in the values (strings, lists, nested objects), first seen first. */
export function entityKeys(values: unknown[], max = 400): EntityKeys {
  const ids = new Set<string>();
  const names = new Set<string>();
  const visit = (v: unknown, depth: number): void => {
    if (ids.size + names.size >= max || depth > 4 || v === null || v === undefined) return;
    if (typeof v === 'string') {
      if (ID_PATTERN.test(v) && labelOfId(v)) ids.add(v);
      else if (v.length > 1 && v.length <= 80) names.add(v);
    } else if (Array.isArray(v)) for (const x of v) visit(x, depth + 1);
    else if (typeof v === 'object') for (const x of Object.values(v)) visit(x, depth + 1);
  };
  for (const r of values) visit(r, 0);
  return { ids: [...ids], names: [...names] };
}

const NAMED = `MATCH (n:Entity) WHERE n.id IN $ids OR n.name IN $names
WITH collect(n) AS ns
UNWIND ns AS n
OPTIONAL MATCH (n)-[r]->(m:Entity) WHERE m IN ns
RETURN n, r`;

/**
 * The graph a result should draw: its own, or else the entities its rows (and the
 * parameters it was asked with) name, with the relationships among them.
 */
export async function graphOfResult(
  result: { graph: Subgraph; rows: unknown[] },
  params: Record<string, unknown> = {},
): Promise<Subgraph> {
  if (result.graph.nodes.length) return result.graph;
  const fromRows = entityKeys(result.rows);
  if (!fromRows.ids.length && !fromRows.names.length) return result.graph;
  const fromParams = entityKeys(Object.values(params));
  const ids = [...new Set([...fromParams.ids, ...fromRows.ids])];
  return (await api.cypher(NAMED, { ids, names: fromRows.names })).graph;
}
