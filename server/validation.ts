/** zod schemas for query strings and bodies, and the one way routes apply them. */
import { z } from 'zod';
import { BadParameterError } from './errors.js';
import { isNodeLabel, isRelationshipType } from './lib/ontology-guard.js';
import {
  ASSERTIONS,
  ID_PATTERN,
  RELATIONSHIP_TYPES,
  type Assertion,
  type NodeLabel,
  type RelationshipType,
} from '../ontology/index.js';

/** Parses or throws a 400 that names the first bad parameter and says why. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const parameter = issue.path.length ? String(issue.path[0]) : '(input)';
  throw new BadParameterError(parameter, issue.message);
}

/** An integer query parameter with a default and bounds, e.g. `limit`. */
export const intParam = (min: number, max: number, dflt: number) =>
  z.preprocess(
    (v) => (v === undefined || v === '' ? undefined : Number(v)),
    z
      .number({ error: 'must be a number' })
      .int({ error: 'must be a whole number' })
      .min(min, { error: `must be at least ${min}` })
      .max(max, { error: `must be at most ${max}` })
      .default(dflt),
  );

/** `a,b` or repeated `x=a&x=b` → ['a','b']. */
const commaList = (v: unknown) => {
  if (v === undefined || v === '') return undefined;
  const parts = (Array.isArray(v) ? v : [v]).flatMap((x) => String(x).split(','));
  const out = parts.map((s) => s.trim()).filter(Boolean);
  return out.length ? out : undefined;
};

export const relTypesParam = z.preprocess(
  commaList,
  z
    .array(
      z.string().refine(isRelationshipType, {
        error: (i) => `unknown relationship type "${String(i.input)}" (one of ${RELATIONSHIP_TYPES.join(', ')})`,
      }),
    )
    .optional(),
) as unknown as z.ZodType<RelationshipType[] | undefined>;

/** Exactly one relationship type, e.g. `type=TARGETS`. */
export const relTypeParam = z.string({ error: 'is required (a relationship type)' }).refine(isRelationshipType, {
  error: (i) => `unknown relationship type "${String(i.input)}" (one of ${RELATIONSHIP_TYPES.join(', ')})`,
}) as unknown as z.ZodType<RelationshipType>;

/** `1`/`true` → true, `0`/`false`/absent → false. */
export const flagParam = z.preprocess(
  (v) => (v === undefined || v === '' ? undefined : String(v)),
  z
    .enum(['1', 'true', '0', 'false'], { error: 'must be 1 or 0' })
    .optional()
    .transform((v) => v === '1' || v === 'true'),
);

export const labelsParam = z.preprocess(
  commaList,
  z.array(z.string().refine(isNodeLabel, { error: (i) => `unknown label "${String(i.input)}"` })).optional(),
) as unknown as z.ZodType<NodeLabel[] | undefined>;

export const idsParam = z.preprocess(
  commaList,
  z.array(z.string().max(200)).min(1, { error: 'give at least one node id' }).max(5000),
) as unknown as z.ZodType<string[]>;

export const nodeIdParam = z
  .string({ error: 'is required' })
  .trim()
  .min(1, { error: 'is required' })
  .max(200, { error: 'is too long' });

/** Ontology-shaped id; used where a malformed id deserves a 400 rather than a 404. */
export const ontologyIdParam = nodeIdParam.regex(ID_PATTERN, { error: 'is not a node id like "drug:nivolumab"' });

export const cypherBody = z.object({
  query: z.string({ error: 'is required (a Cypher string)' }).trim().min(1, { error: 'is empty' }).max(100_000),
  params: z.record(z.string(), z.unknown(), { error: 'must be an object' }).optional().default({}),
});

/** `assertion=causal,association`: claim kinds to keep (ontology ASSERTIONS). */
export const assertionsParam = z.preprocess(
  commaList,
  z
    .array(
      z.string().refine((a) => (ASSERTIONS as readonly string[]).includes(a), {
        error: (i) => `unknown assertion "${String(i.input)}" (one of ${ASSERTIONS.join(', ')})`,
      }),
    )
    .optional(),
) as unknown as z.ZodType<Assertion[] | undefined>;

/** `disease=disease:hcc`: keep claims shown in that disease (plus edges without disease context). */
export const diseaseParam = z
  .string()
  .trim()
  .regex(/^disease:[a-z0-9]+(?:[-.][a-z0-9]+)*$/, { error: 'is not a Disease id like "disease:hcc"' })
  .optional();

/** The claim filter's query parameters, shared by the exploring endpoints. */
export const claimFilterQuery = { assertion: assertionsParam, disease: diseaseParam };

/** Most node ids a POST /api/export `{ids}` body may carry (the posted-graph cap too). */
export const EXPORT_MAX_IDS = 50_000;

/**
 * JSON body limit of the API: a posted export at its caps (50,000 nodes, 200,000 edges)
 * with typical properties; `{ids}` bodies of EXPORT_MAX_IDS ids take about 2 MB.
 */
export const JSON_BODY_LIMIT = '64mb';
