/**
 * The shape of one node or relationship record (zod), per label and per type. Fields
 * beyond the common ones must be scalars or lists of scalars: that is what Neo4j stores.
 */
import { z } from 'zod';
import {
  BIOMARKER_KINDS,
  MECHANISM_KINDS,
  NCT_PATTERN,
  OUTCOME_UNITS,
  PREDICTS_DIRECTIONS,
  PREDICTS_ENDPOINTS,
  RELATIONSHIP_TYPES,
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
  Reference: z.object({ number: z.number().int().positive() }).loose(),
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

export type NodeInput = z.infer<typeof nodeBase>;
export type RelationshipInput = z.infer<typeof relationshipBase>;
