/**
 * The mapping file's shape (zod): how one source's kinds, predicates and fields become
 * ontology labels, relationship types and properties, plus the labels and types the
 * source needs beyond the contract. See data/README.md, "Loading your own sources".
 */
import { z } from 'zod';
import { DECLARED_LABEL_PATTERN, DECLARED_PREFIX_PATTERN, DECLARED_TYPE_PATTERN } from '../../ontology/index.js';

const text = z
  .string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be text') })
  .trim()
  .min(1, 'must not be empty');
const field = text;
const fieldList = z.union([field.transform((f) => [f]), z.array(field)]);

export const PROPERTY_TYPES = ['string', 'number', 'integer', 'boolean', 'string[]', 'number[]', 'json'] as const;
export type PropertyType = (typeof PROPERTY_TYPES)[number];

/** `score: score` or `score: {as: confidence, type: number}`. */
const propertyTarget = z.union([
  text.transform((as) => ({ as, type: undefined as PropertyType | undefined })),
  z
    .object({
      as: text,
      type: z.enum(PROPERTY_TYPES, { error: `must be one of ${PROPERTY_TYPES.join(', ')}` }).optional(),
    })
    .strict(),
]);

const properties = z.record(z.string(), propertyTarget).default({});

/** `biolink:interacts_with: TARGETS` or `{type: TARGETS, says: targets}`. */
const typeTarget = z.union([
  text.transform((type) => ({ type, says: undefined as string | undefined })),
  z.object({ type: text, says: text.optional() }).strict(),
]);

const unmapped = z.enum(['error', 'skip'], { error: 'must be error or skip' }).default('error');

export const declaredLabel = z
  .object({
    label: text.regex(DECLARED_LABEL_PATTERN, 'a label is PascalCase (e.g. Anatomy, SideEffect)'),
    prefix: text.regex(DECLARED_PREFIX_PATTERN, 'an id prefix is lower-case letters (e.g. anatomy)'),
    color: text.regex(/^#[0-9A-Fa-f]{6}$/, 'a colour is #RRGGBB'),
    description: text.optional(),
  })
  .strict();

export const declaredType = z
  .object({
    type: text.regex(DECLARED_TYPE_PATTERN, 'a relationship type is UPPER_SNAKE_CASE (e.g. LOCATED_IN)'),
    from: z.array(text).min(1, 'name at least one label'),
    to: z.array(text).min(1, 'name at least one label'),
    description: text.optional(),
  })
  .strict();

export const mappingSchema = z
  .object({
    /** Optional in a folder whose atlas-dataset.yaml names the dataset (then they must agree). */
    dataset: text
      .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'a dataset name is lower-case letters, digits, `.`, `_` or `-`')
      .optional(),
    version: z.union([text, z.number().transform(String)]).optional(),
    title: text.optional(),
    format: z.enum(['kgx-tsv', 'kgx-jsonl', 'graphml', 'gexf', 'neo4j-csv', 'yaml']).optional(),
    files: z.array(text).min(1).optional(),
    /** Text that is a JSON list of scalars becomes a list (GraphML has no list type; the atlas's export writes lists as JSON). */
    decodeJsonLists: z.boolean().default(false),
    ids: z
      .object({ policy: z.enum(['prefix', 'keep'], { error: 'must be prefix or keep' }).default('prefix') })
      .strict()
      .default({ policy: 'prefix' }),
    nodes: z
      .object({
        kind: field.default('category'),
        kinds: z.record(z.string(), text).default({}),
        unmapped,
        name: field.default('name'),
        synonyms: fieldList.default(['synonym']),
        description: field.default('description'),
        identifiers: fieldList.default(['id', 'xref']),
        properties,
        keepOtherProperties: z.boolean().default(false),
        /** Source fields to leave out (e.g. a GraphML `label` that repeats the name or type). */
        ignore: fieldList.default([]),
      })
      .strict()
      .default({
        kind: 'category',
        kinds: {},
        unmapped: 'error',
        name: 'name',
        synonyms: ['synonym'],
        description: 'description',
        identifiers: ['id', 'xref'],
        properties: {},
        keepOtherProperties: false,
        ignore: [],
      }),
    relationships: z
      .object({
        type: field.default('predicate'),
        types: z.record(z.string(), typeTarget).default({}),
        unmapped,
        from: field.default('subject'),
        to: field.default('object'),
        evidence: field.optional(),
        key: field.optional(),
        properties,
        keepOtherProperties: z.boolean().default(false),
        /** Source fields to leave out (e.g. a GraphML `label` that repeats the name or type). */
        ignore: fieldList.default([]),
      })
      .strict()
      .default({
        type: 'predicate',
        types: {},
        unmapped: 'error',
        from: 'subject',
        to: 'object',
        properties: {},
        keepOtherProperties: false,
        ignore: [],
      }),
    extensions: z
      .object({
        labels: z.array(declaredLabel).default([]),
        relationshipTypes: z.array(declaredType).default([]),
      })
      .strict()
      .default({ labels: [], relationshipTypes: [] }),
  })
  .strict();

export type MappingFile = z.infer<typeof mappingSchema>;
/** A mapping with its dataset and version settled (from the file or the folder's manifest). */
export type Mapping = MappingFile & { dataset: string; version: string };
