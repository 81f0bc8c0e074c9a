/**
 * The shape of one node or relationship record (zod), per label and per type. Fields
 * beyond the common ones must be scalars or lists of scalars: that is what Neo4j stores.
 */
import { z } from 'zod';
import {
  ASSERTION_REQUIRED,
  ASSERTIONS,
  ASSERTIONS_ALLOWED,
  BIOMARKER_KINDS,
  CONTEXT_DISEASE_REQUIRED,
  CONTEXT_DISEASE_UNSPECIFIED,
  CONTEXT_MODEL_REQUIRED,
  CONTEXT_MODELS,
  MECHANISM_KINDS,
  NCT_PATTERN,
  OUTCOME_UNITS,
  PREDICTS_DIRECTIONS,
  PREDICTS_ENDPOINTS,
  RELATIONSHIP_TYPES,
  type Assertion,
  type NodeLabel,
  type RelationshipType,
} from '../ontology/index.js';

const text = z
  .string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be text') })
  .trim()
  .min(1, 'must not be empty');
const refs = z.array(z.number().int().positive('reference numbers are positive integers'), {
  error: (issue) =>
    issue.input === undefined ? 'required (list of reference numbers)' : 'must be a list of reference numbers',
});
const scalar = z.union([z.string(), z.number(), z.boolean()]);
export const propertyValue = z.union([scalar, z.array(z.string()), z.array(z.number()), z.array(z.boolean())]);

export const nodeBase = z
  .object({
    id: text,
    name: text,
    synonyms: z.array(text).default([]),
    description: text,
    refs,
    source: text,
    curationNote: text.optional(),
  })
  .catchall(propertyValue);

const year = z.number().int().min(1900).max(2100);

/** Extra constraints per label, checked on top of nodeBase. */
export const nodeExtras: Partial<Record<NodeLabel, z.ZodType>> = {
  Trial: z
    .object({
      nctId: z.string().regex(NCT_PATTERN, 'must be NCT followed by 8 digits').optional(),
      n: z.number().int().positive().optional(),
      year: year.optional(),
      phase: z.union([z.string(), z.number()]).optional(),
    })
    .loose(),
  Outcome: z
    .object({
      metric: text,
      value: z.number({ error: 'must be a number (put the unit in `unit`)' }),
      unit: z.enum(OUTCOME_UNITS, { error: `must be one of ${OUTCOME_UNITS.join(', ')}` }),
      ciLow: z.number().optional(),
      ciHigh: z.number().optional(),
      group: text.optional(),
    })
    .loose()
    .refine((o) => o.ciLow === undefined || o.ciHigh === undefined || o.ciLow <= o.ciHigh, {
      message: 'ciLow must not exceed ciHigh',
      path: ['ciLow'],
    }),
  Mechanism: z
    .object({ kind: z.enum(MECHANISM_KINDS, { error: `must be one of ${MECHANISM_KINDS.join(', ')}` }) })
    .loose(),
  Biomarker: z
    .object({ kind: z.enum(BIOMARKER_KINDS, { error: `must be one of ${BIOMARKER_KINDS.join(', ')}` }) })
    .loose(),
  // Curated references (data/90-references.yaml): an identifier only with the address of
  // the stored record it was checked against, and the number must match the id.
  Reference: z
    .object({
      id: z.string(),
      number: z.number().int().positive(),
      citation: text.optional(),
      pmid: z
        .string()
        .regex(/^\d{1,9}$/, 'must be the PubMed id as digits, in quotes')
        .optional(),
      doi: z
        .string()
        .regex(/^10\.\d{4,9}\/\S+$/, 'must be a DOI such as 10.1056/NEJMoa1915745')
        .optional(),
      checkedAt: z.array(z.string().url('must be the address of the record that was checked')).min(1).optional(),
    })
    .loose()
    .refine((r) => r.id === `ref:${r.number}`, { message: 'must equal the number in the id', path: ['number'] })
    .refine((r) => (r.pmid === undefined && r.doi === undefined) || r.checkedAt !== undefined, {
      message: 'required with pmid or doi: where the identifier was checked (never record one unchecked)',
      path: ['checkedAt'],
    }),
};

export const relationshipBase = z
  .object({
    type: z.enum(RELATIONSHIP_TYPES, { error: 'not a relationship type of the ontology' }),
    from: text,
    to: text,
    refs,
    evidence: text,
    section: text,
    source: text,
    key: text.optional(),
    curationNote: text.optional(),
  })
  .catchall(propertyValue);

export const relationshipExtras: Partial<Record<RelationshipType, z.ZodType>> = {
  PREDICTS: z
    .object({
      endpoint: z.enum(PREDICTS_ENDPOINTS, { error: `must be one of ${PREDICTS_ENDPOINTS.join(', ')}` }),
      direction: z.enum(PREDICTS_DIRECTIONS, { error: `must be one of ${PREDICTS_DIRECTIONS.join(', ')}` }),
      context: text.optional(),
    })
    .loose(),
  APPROVED_FOR: z.object({ year: year.optional() }).loose(),
  CAUSES_ADVERSE_EVENT: z.object({ rate: z.number().min(0).max(100).optional() }).loose(),
};

/**
 * The claim-kind rules (issue 11), checked on every relationship on top of its type's
 * extras: `assertion` from the closed list (required on claim types, fixed on some),
 * `contextDisease` where the type needs it, `contextModel` for preclinical claims.
 * Whether `contextDisease` names a Disease node is checked in validate.ts.
 */
export function claimRules(type: RelationshipType): z.ZodType {
  // Built once per type: constructing (and JIT-compiling) a zod schema per record cost
  // more than half of validation at 100k relationships.
  let rules = claimRulesByType.get(type);
  if (!rules) {
    rules = buildClaimRules(type);
    claimRulesByType.set(type, rules);
  }
  return rules;
}

const claimRulesByType = new Map<RelationshipType, z.ZodType>();

function buildClaimRules(type: RelationshipType): z.ZodType {
  const allowed = ASSERTIONS_ALLOWED[type] ?? ASSERTIONS;
  const oneOf = `one of ${allowed.join(', ')}`;
  const assertion = z.enum(allowed as readonly [Assertion, ...Assertion[]], {
    error: (issue) =>
      issue.input === undefined
        ? `required on ${type}: say what kind of claim this is (${oneOf}; see ASSERTION_MEANINGS in ontology/index.ts)`
        : `"${String(issue.input)}" is not an assertion allowed on ${type} (${oneOf})`,
  });
  const disease = z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? `required on ${type}: the Disease id the claim was shown in (e.g. disease:hcc), or "${CONTEXT_DISEASE_UNSPECIFIED}" when the source does not say`
          : 'must be a Disease id',
    })
    .trim()
    .min(1, 'must not be empty');
  return z
    .object({
      assertion: ASSERTION_REQUIRED.includes(type) ? assertion : assertion.optional(),
      contextDisease: CONTEXT_DISEASE_REQUIRED.includes(type) ? disease : disease.optional(),
      contextModel: z.enum(CONTEXT_MODELS, { error: `must be one of ${CONTEXT_MODELS.join(', ')}` }).optional(),
    })
    .loose()
    .superRefine((rel, ctx) => {
      if (rel.assertion && CONTEXT_MODEL_REQUIRED.includes(rel.assertion) && rel.contextModel === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['contextModel'],
          message: `required when assertion is ${rel.assertion}: in-vitro or animal`,
        });
      }
    });
}

export type NodeInput = z.infer<typeof nodeBase>;
export type RelationshipInput = z.infer<typeof relationshipBase>;
