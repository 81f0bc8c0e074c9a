/**
 * POST /api/export with `{ids: [...]}`: the view's node ids instead of its whole graph,
 * so a large view exports without posting megabytes (the graph is read from Neo4j:
 * those nodes and every relationship among them).
 */
import { z } from 'zod';
import type { Subgraph } from '../../ontology/index.js';
import type { GraphDb } from '../db/graph-db.js';
import { inducedSubgraph } from '../queries/subgraph.js';
import { EXPORT_MAX_IDS, parseInput } from '../validation.js';

const FORMATS = ['gexf', 'graphml', 'json', 'csv'] as const;
const formatParam = z.enum(FORMATS, { error: `must be one of ${FORMATS.join(', ')}` });

const idsBody = z.object({
  format: formatParam.optional(),
  part: z.enum(['nodes', 'edges'], { error: 'must be "nodes" or "edges"' }).optional(),
  ids: z
    .array(z.string({ error: 'must be node ids (strings)' }).min(1).max(200), { error: 'must be a list of node ids' })
    .min(1, { error: 'give at least one node id' })
    .max(EXPORT_MAX_IDS, { error: `at most ${EXPORT_MAX_IDS} node ids` }),
});

export async function exportByIds(
  db: GraphDb,
  body: unknown,
  query: unknown,
): Promise<{ graph: Subgraph; format: (typeof FORMATS)[number]; part?: 'nodes' | 'edges' }> {
  const parsed = parseInput(idsBody, body);
  const format = parsed.format ?? parseInput(z.object({ format: formatParam }), query).format;
  return { graph: await inducedSubgraph(db, parsed.ids), format, part: parsed.part };
}
