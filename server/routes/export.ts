/**
 * GET /api/export?format=&ids= or POST /api/export {format, ids, relTypes?, positions?}
 * (nodes from the database: what the viewer's export buttons send, so a large view is a
 * short list of ids), or POST /api/export with a whole subgraph → a file download.
 */
import { Router, type Response } from 'express';
import { z } from 'zod';
import type { Subgraph } from '../../ontology/index.js';
import type { AppContext } from '../context.js';
import { BadParameterError } from '../errors.js';
import { writeCsv } from '../export/csv.js';
import { type Positions, writeGexf } from '../export/gexf.js';
import { writeGraphml } from '../export/graphml.js';
import { inducedSubgraph } from '../queries/subgraph.js';
import { idsParam, parseInput } from '../validation.js';

const FORMATS = ['gexf', 'graphml', 'json', 'csv'] as const;
type Format = (typeof FORMATS)[number];

const formatParam = z.enum(FORMATS, { error: `must be one of ${FORMATS.join(', ')}` });
const partParam = z.enum(['nodes', 'edges'], { error: 'must be "nodes" or "edges"' }).optional();

const getQuery = z.object({ format: formatParam, ids: idsParam, part: partParam });

const graphNode = z.looseObject({ id: z.string().min(1), label: z.string(), name: z.string() });
const graphEdge = z.looseObject({ id: z.string().min(1), type: z.string(), source: z.string(), target: z.string() });
const idsBody = z.object({
  format: formatParam.optional(),
  part: partParam,
  ids: z.array(z.string().min(1).max(200), { error: 'must be a list of node ids' }).min(1).max(50_000),
  /** Only relationships of these types (the viewer's visible ones). */
  relTypes: z.array(z.string().max(100)).max(500).optional(),
  /** Layout positions for GEXF's viz:position. */
  positions: z.record(z.string(), z.object({ x: z.number(), y: z.number() })).optional(),
});
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

/** Layout positions, when given, ride along on the nodes (JSON). */
function withPositions(graph: Subgraph, positions?: Positions): Subgraph {
  if (!positions) return graph;
  return { ...graph, nodes: graph.nodes.map((n) => (positions[n.id] ? { ...n, ...positions[n.id] } : n)) };
}

function send(res: Response, graph: Subgraph, format: Format, part?: 'nodes' | 'edges', positions?: Positions): void {
  const body =
    format === 'gexf'
      ? writeGexf(graph, positions)
      : format === 'graphml'
        ? writeGraphml(graph)
        : format === 'csv'
          ? writeCsv(graph, part)
          : JSON.stringify(withPositions(graph, positions), null, 2);
  const suffix = format === 'csv' && part ? `-${part}` : '';
  // attachment() sets a Content-Type from the file extension (octet-stream for .gexf and
  // .graphml), so the proper type is set after it.
  res.status(200).attachment(`checkpoint-atlas${suffix}.${format}`).type(CONTENT_TYPES[format]).send(body);
}

export function exportRoutes(ctx: AppContext): Router {
  const r = Router();

  r.get('/export', async (req, res) => {
    const { format, ids, part } = parseInput(getQuery, req.query);
    send(res, await inducedSubgraph(ctx.db, ids), format, part);
  });

  r.post('/export', async (req, res) => {
    if (req.body && typeof req.body === 'object' && 'ids' in req.body) {
      const b = parseInput(idsBody, req.body);
      const format = b.format ?? parseInput(z.object({ format: formatParam }), req.query).format;
      const graph = await inducedSubgraph(ctx.db, b.ids);
      const types = b.relTypes ? new Set(b.relTypes) : null;
      if (types) graph.edges = graph.edges.filter((e) => types.has(e.type));
      send(res, graph, format, b.part, b.positions);
      return;
    }
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
