/** POST /api/cypher: researchers' own read-only Cypher. */
import { Router } from 'express';
import type { AppContext } from '../context.js';
import { runReadOnlyCypher } from '../queries/cypher.js';
import { cypherBody, parseInput } from '../validation.js';

export function cypherRoutes(ctx: AppContext): Router {
  const r = Router();
  r.post('/cypher', async (req, res) => {
    const { query, params } = parseInput(cypherBody, req.body ?? {});
    res.json(await runReadOnlyCypher(ctx.db, query, params, ctx.cypher));
  });
  return r;
}
