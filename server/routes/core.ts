/** Health, search, node detail, neighbourhoods, overview graph, schema counts. */
import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { health } from '../queries/health.js';
import { DEFAULT_MAX_BYTES, MAX_BYTES } from '../queries/bounds.js';
import { getNode, neighbors, relationshipPage } from '../queries/nodes.js';
import { overview, schemaCounts } from '../queries/overview.js';
import { search } from '../queries/search.js';
import {
  claimFilterQuery,
  flagParam,
  intParam,
  labelsParam,
  nodeIdParam,
  parseInput,
  relTypeParam,
  relTypesParam,
} from '../validation.js';

const searchQuery = z.object({
  q: z.string({ error: 'is required' }).trim().min(1, { error: 'is required' }).max(200, { error: 'is too long' }),
  limit: intParam(1, 100, 20),
});
const maxBytes = intParam(10_000, MAX_BYTES, DEFAULT_MAX_BYTES);
const detailQuery = z.object({ perGroup: intParam(1, 500, 50), maxBytes });
const relationshipsQuery = z.object({
  type: relTypeParam,
  direction: z.enum(['out', 'in'], { error: 'must be "out" or "in"' }),
  cursor: z.string().max(2_000).optional(),
  limit: intParam(1, 1000, 100),
});
const neighborsQuery = z.object({
  depth: intParam(1, 3, 1),
  types: relTypesParam,
  limit: intParam(1, 2000, 200),
  perType: intParam(1, 2000, 50),
  maxEdges: intParam(1, 50_000, 2_000),
  maxBytes,
  aggregate: flagParam,
  ...claimFilterQuery,
});
const graphQuery = z.object({
  labels: labelsParam,
  limit: intParam(1, 5000, 500),
  mode: z.enum(['auto', 'top', 'summary'], { error: 'must be "auto", "top" or "summary"' }).default('auto'),
  maxEdges: intParam(1, 50_000, 5_000),
  maxBytes,
  ...claimFilterQuery,
});

export function coreRoutes(ctx: AppContext): Router {
  const r = Router();

  r.get('/health', async (_req, res) => {
    const h = await health(ctx.db);
    res.status(h.status === 'ok' ? 200 : 503).json(h);
  });

  r.get('/search', async (req, res) => {
    const { q, limit } = parseInput(searchQuery, req.query);
    res.json(await search(ctx.db, q, limit));
  });

  r.get('/nodes/:id', async (req, res) => {
    const id = parseInput(nodeIdParam, req.params.id);
    res.json(await getNode(ctx.db, id, parseInput(detailQuery, req.query)));
  });

  r.get('/nodes/:id/relationships', async (req, res) => {
    const id = parseInput(nodeIdParam, req.params.id);
    res.json(await relationshipPage(ctx.db, id, parseInput(relationshipsQuery, req.query)));
  });

  r.get('/nodes/:id/neighbors', async (req, res) => {
    const id = parseInput(nodeIdParam, req.params.id);
    const { assertion, disease, ...opts } = parseInput(neighborsQuery, req.query);
    res.json(await neighbors(ctx.db, id, { ...opts, claims: { assertions: assertion, disease } }));
  });

  r.get('/graph', async (req, res) => {
    const { labels, assertion, disease, ...opts } = parseInput(graphQuery, req.query);
    res.json(await overview(ctx.db, { labels, ...opts, claims: { assertions: assertion, disease } }));
  });

  r.get('/schema', async (_req, res) => {
    res.json(await schemaCounts(ctx.db));
  });

  return r;
}
