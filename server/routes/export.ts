/**
 * GET /api/export?format=&ids= (nodes from the database) or POST /api/export with a
 * subgraph the client already holds → a file download.
 */
import { Router, type Response } from 'express';
import { z } from 'zod';
import type { Subgraph } from '../../ontology/index.js';
import type { AppContext } from '../context.js';
import { BadParameterError } from '../errors.js';
import { writeCsv } from '../export/csv.js';
import { writeGexf } from '../export/gexf.js';
import { writeGraphml } from '../export/graphml.js';
import { inducedSubgraph } from '../queries/subgraph.js';
import { exportByIds } from './export-ids.js';
import { idsParam, parseInput } from '../validation.js';

const FORMATS = ['gexf', 'graphml', 'json', 'csv'] as const;
type Format = (typeof FORMATS)[number];

const formatParam = z.enum(FORMATS, { error: `must be one of ${FORMATS.join(', ')}` });
const partParam = z.enum(['nodes', 'edges'], { error: 'must be "nodes" or "edges"' }).optional();

const getQuery = z.object({ format: formatParam, ids: idsParam, part: partParam });

const graphNode = z.looseObject({ id: z.string().min(1), label: z.string(), name: z.string() });
const graphEdge = z.looseObject({ id: z.string().min(1), type: z.string(), source: z.string(), target: z.string() });
const postBody = z.object({
  format: formatParam.optional(),
  part: partParam,
  nodes: z.array(graphNode, { error: 'must be a list of nodes' }).max(50_000),
  edges: z.array(graphEdge, { error: 'must be a list of edges' }).max(200_000).default([]),
});

const CONTENT_TYPES: Record<Format, string> = {
  gexf: 'application/gexf+xml; charset=utf-8',
  graphml: 'application/graphml+xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

function send(res: Response, graph: Subgraph, format: Format, part?: 'nodes' | 'edges'): void {
  const body =
    format === 'gexf'
      ? writeGexf(graph)
      : format === 'graphml'
        ? writeGraphml(graph)
        : format === 'csv'
          ? writeCsv(graph, part)
          : JSON.stringify(graph, null, 2);
  const suffix = format === 'csv' && part ? `-${part}` : '';
  res.status(200).type(CONTENT_TYPES[format]).attachment(`checkpoint-atlas${suffix}.${format}`).send(body);
}

export function exportRoutes(ctx: AppContext): Router {
  const r = Router();

  r.get('/export', async (req, res) => {
    const { format, ids, part } = parseInput(getQuery, req.query);
    send(res, await inducedSubgraph(ctx.db, ids), format, part);
  });

  r.post('/export', (req, res) => {
    if (Array.isArray(req.body?.ids))
      return exportByIds(ctx.db, req.body, req.query).then((x) => send(res, x.graph, x.format, x.part));
    const body = parseInput(postBody, req.body ?? {});
    // The query string may carry the format too (a plain form POST).
    const format = body.format ?? parseInput(z.object({ format: formatParam }), req.query).format;
    const ids = new Set(body.nodes.map((n) => n.id));
    body.edges.forEach((e, i) => {
      for (const end of ['source', 'target'] as const) {
        if (!ids.has(e[end]))
          throw new BadParameterError('edges', `edges[${i}].${end} is "${e[end]}", which is not in nodes`);
      }
    });
    send(res, body as unknown as Subgraph, format, body.part);
  });

  return r;
}
