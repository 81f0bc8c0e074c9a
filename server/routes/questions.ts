/** GET /api/questions and POST /api/questions/:name/run (through the read-only path). */
import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { loadQuestions } from '../lib/questions.js';
import { runReadOnlyCypher } from '../queries/cypher.js';
import { parseInput } from '../validation.js';

const runBody = z.object({
  params: z.record(z.string(), z.unknown(), { error: 'must be an object' }).optional().default({}),
});

export function questionRoutes(ctx: AppContext): Router {
  const r = Router();

  r.get('/questions', async (_req, res) => {
    res.json(await loadQuestions(ctx.questionsDir));
  });

  r.post('/questions/:name/run', async (req, res) => {
    const { questions } = await loadQuestions(ctx.questionsDir);
    const question = questions.find((q) => q.name === req.params.name);
    if (!question) throw new NotFoundError(`saved question "${req.params.name}"`);
    const { params } = parseInput(runBody, req.body ?? {});
    // Saved queries get no privileges: the same guard as typed-in Cypher.
    const result = await runReadOnlyCypher(ctx.db, question.query, { ...question.params, ...params }, ctx.cypher);
    res.json({ ...result, question: { name: question.name, title: question.title } });
  });

  return r;
}
