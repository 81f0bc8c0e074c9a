/** Explorer endpoints: shortest paths and resistance pathways. */
import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { shortestPaths } from '../queries/paths.js';
import { resistance } from '../queries/resistance.js';
import { claimFilterQuery, intParam, nodeIdParam, parseInput, relTypesParam } from '../validation.js';

const pathsQuery = z.object({
  from: nodeIdParam,
  to: nodeIdParam,
  maxDepth: intParam(1, 6, 4),
  types: relTypesParam,
  limit: intParam(1, 100, 25),
  ...claimFilterQuery,
});
const resistanceQuery = z.object({ target: nodeIdParam });

export function exploreRoutes(ctx: AppContext): Router {
  const r = Router();
  r.get('/paths', async (req, res) => {
    const { from, to, assertion, disease, ...opts } = parseInput(pathsQuery, req.query);
    res.json(await shortestPaths(ctx.db, from, to, { ...opts, claims: { assertions: assertion, disease } }));
  });
  r.get('/resistance', async (req, res) => {
    const { target } = parseInput(resistanceQuery, req.query);
    res.json(await resistance(ctx.db, target));
  });
  return r;
}
