/**
 * The ontology contract (../shared/ONTOLOGY.md) as TypeScript: the one place that
 * names labels, relationship types and property shapes. Imported by ingest,
 * server and client alike, so a rename breaks the build instead of a query.
 */

/** Type labels; every node also carries `Entity`. */
export const NODE_LABELS = [
  'Drug',
  'DrugClass',
  'Target',
  'Mechanism',
  'Biomarker',
  'Trial',
  'Outcome',
  'Regimen',
  'Therapy',
  'Disease',
  'RiskFactor',
  'CellType',
  'AdverseEvent',
  'Guideline',
  'Reference',
] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

/** Extra label carried by mechanisms whose `kind` is `resistance`. */
export const RESISTANCE_LABEL = 'ResistanceMechanism';
export const ENTITY_LABEL = 'Entity';

/** The id prefix of each label: `drug:nivolumab` is a Drug. */
export const ID_PREFIX: Record<NodeLabel, string> = {
  Drug: 'drug',
  DrugClass: 'class',
  Target: 'target',
  Mechanism: 'mechanism',
  Biomarker: 'biomarker',
  Trial: 'trial',
  Outcome: 'outcome',
  Regimen: 'regimen',
  Therapy: 'therapy',
  Disease: 'disease',
  RiskFactor: 'risk',
  CellType: 'cell',
  AdverseEvent: 'ae',
  Guideline: 'guideline',
  Reference: 'ref',
};

const LABEL_BY_PREFIX = new Map<string, NodeLabel>(
  Object.entries(ID_PREFIX).map(([label, prefix]) => [prefix, label as NodeLabel]),
);

/** `drug:nivolumab` → `Drug`; undefined when the prefix is not in the ontology. */
export function labelOfId(id: string): NodeLabel | undefined {
  const colon = id.indexOf(':');
  return colon > 0 ? LABEL_BY_PREFIX.get(id.slice(0, colon)) : undefined;
}

/** Lower-case kebab after a known prefix; digits and dots allowed (`outcome:x-12.5`). */
export const ID_PATTERN = /^[a-z]+:[a-z0-9]+(?:[-.][a-z0-9]+)*$/;
export const NCT_PATTERN = /^NCT\d{8}$/;

export const RELATIONSHIP_TYPES = [
  'IN_CLASS',
  'SUBCLASS_OF',
  'TARGETS',
  'BINDS',
  'MEMBER_OF',
  'EXPRESSED_ON',
  'PARTICIPATES_IN',
  'PROMOTES',
  'SUPPRESSES',
  'EVALUATES',
  'STUDIES',
  'REPORTS',
  'OUTCOME_OF',
  'INCLUDES',
  'PREDICTS',
  'CONFERS_RESISTANCE_TO',
  'OVERCOMES',
  'RISK_FACTOR_FOR',
  'APPROVED_FOR',
  'RECOMMENDS',
  'CAUSES_ADVERSE_EVENT',
  'INDICATED_FOR',
  'REPORTED_IN',
  // Extension (issue 11): a drug studied in a disease without an approved indication there.
  'TESTED_IN',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

const RELATIONSHIP_TYPE_SET = new Set<string>(RELATIONSHIP_TYPES);
const NODE_LABEL_SET = new Set<string>(NODE_LABELS);

/** Labels and types cannot be Cypher parameters: check before interpolating one. */
export function isRelationshipType(type: string): type is RelationshipType {
  return RELATIONSHIP_TYPE_SET.has(type);
}
export function isTypeLabel(label: string): label is NodeLabel {
  return NODE_LABEL_SET.has(label);
}

/** Which labels may stand at each end of a relationship type (ONTOLOGY.md table). */
export const RELATIONSHIP_ENDPOINTS: Record<
  RelationshipType,
  { from: readonly NodeLabel[]; to: readonly NodeLabel[] }
> = {
  IN_CLASS: { from: ['Drug'], to: ['DrugClass'] },
  SUBCLASS_OF: { from: ['DrugClass'], to: ['DrugClass'] },
  TARGETS: { from: ['Drug', 'DrugClass'], to: ['Target'] },
  BINDS: { from: ['Target'], to: ['Target'] },
  MEMBER_OF: { from: ['Target'], to: ['Target'] },
  EXPRESSED_ON: { from: ['Target'], to: ['CellType'] },
  PARTICIPATES_IN: { from: ['Target', 'CellType', 'Biomarker'], to: ['Mechanism'] },
  // Extension (issue 11): DrugClass and Regimen, for class-level and combination effects
  // (ICIs after sorafenib, preclinical anti-angiogenic + ICI and PD-(L)1 + CTLA-4 synergy).
  PROMOTES: {
    from: ['Target', 'Mechanism', 'CellType', 'Drug', 'Therapy', 'RiskFactor', 'DrugClass', 'Regimen'],
    to: ['Mechanism', 'CellType', 'Target', 'Disease'],
  },
  SUPPRESSES: {
    from: ['Target', 'Mechanism', 'CellType', 'Drug', 'Therapy', 'RiskFactor', 'DrugClass', 'Regimen'],
    to: ['Mechanism', 'CellType', 'Target', 'Disease'],
  },
  // Extension: DrugClass, for cohorts that report a class without naming drugs (Table I).
  EVALUATES: { from: ['Trial'], to: ['Drug', 'DrugClass', 'Regimen', 'Therapy'] },
  STUDIES: { from: ['Trial'], to: ['Disease'] },
  REPORTS: { from: ['Trial'], to: ['Outcome'] },
  OUTCOME_OF: { from: ['Outcome'], to: ['Drug', 'DrugClass', 'Regimen', 'Therapy'] },
  // Extension (issue 11): DrugClass, for pooled groups that name only classes (Table I, ref 85).
  INCLUDES: { from: ['Regimen'], to: ['Drug', 'Therapy', 'DrugClass'] },
  PREDICTS: { from: ['Biomarker'], to: ['Drug', 'DrugClass', 'Therapy', 'Mechanism'] },
  CONFERS_RESISTANCE_TO: { from: ['Mechanism', 'Target'], to: ['Drug', 'DrugClass'] },
  OVERCOMES: { from: ['Drug', 'Regimen'], to: ['Mechanism'] },
  // Extension (issue 11): a Disease can drive another (NASH-driven HCC).
  RISK_FACTOR_FOR: { from: ['RiskFactor', 'Disease'], to: ['Disease'] },
  APPROVED_FOR: { from: ['Drug', 'Regimen'], to: ['Disease'] },
  RECOMMENDS: { from: ['Guideline'], to: ['Drug', 'Regimen'] },
  // Extension (issue 11): pooled class-level statements and procedures (radiotherapy → RILD).
  CAUSES_ADVERSE_EVENT: { from: ['Drug', 'Regimen', 'DrugClass', 'Therapy'], to: ['AdverseEvent'] },
  INDICATED_FOR: { from: ['Drug'], to: ['Disease'] },
  REPORTED_IN: { from: ['Trial'], to: ['Reference'] },
  TESTED_IN: { from: ['Drug'], to: ['Disease'] },
};

/** Where a node or relationship came from. */
export type Source = 'review' | 'curation' | (string & {});

/** Properties every node carries. */
export interface EntityProps {
  id: string;
  name: string;
  synonyms: string[];
  description: string;
  refs: number[];
  source: Source;
  curationNote?: string;
  [extra: string]: unknown;
}

/** Properties every relationship carries. */
export interface ProvenanceProps {
  refs: number[];
  evidence: string;
  section: string;
  source: Source;
  curationNote?: string;
  [extra: string]: unknown;
}

export const MECHANISM_KINDS = ['immune', 'signalling', 'tumour', 'resistance'] as const;
export const BIOMARKER_KINDS = [
  'molecular',
  'genomic',
  'cellular',
  'serum',
  'clinical',
  'imaging',
  'microbiome',
] as const;
export const OUTCOME_UNITS = ['%', 'months'] as const;
export const PREDICTS_ENDPOINTS = ['response', 'hyperprogression', 'survival', 'toxicity'] as const;
export const PREDICTS_DIRECTIONS = ['favorable', 'unfavorable', 'association'] as const;

/** A node as the API returns it: label is the type label, never `Entity`. */
export interface GraphNode {
  id: string;
  label: NodeLabel;
  name: string;
  resistance?: boolean;
  [prop: string]: unknown;
}

/** A relationship as the API returns it. */
export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: RelationshipType | string;
  [prop: string]: unknown;
}

export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface SearchHit {
  id: string;
  name: string;
  label: NodeLabel;
  score: number;
  /** The synonym that matched when the hit came through a synonym. */
  matched?: string;
}

/**
 * Colour per label: Okabe–Ito and Tol palettes, chosen so readers with the common
 * colour-vision deficiencies can still tell the frequent types apart.
 */
export const LABEL_COLORS: Record<NodeLabel, string> = {
  Drug: '#0072B2',
  DrugClass: '#56B4E9',
  Target: '#D55E00',
  Mechanism: '#009E73',
  Biomarker: '#CC79A7',
  Trial: '#E69F00',
  Outcome: '#F0E442',
  Regimen: '#332288',
  Therapy: '#882255',
  Disease: '#AA4499',
  RiskFactor: '#999933',
  CellType: '#44AA99',
  AdverseEvent: '#661100',
  Guideline: '#117733',
  Reference: '#BBBBBB',
};

/*
 * Claim kinds (extension, issue 11). Every relationship says what kind of claim it is
 * (`assertion`) and, where it matters, where the claim was shown (`contextDisease`,
 * `contextModel`). Readers can then tell a mechanism shown in patients from one seen in
 * a cell line, and an approved indication from a drug merely tested in a disease.
 */

/** The closed list of `assertion` values, from strongest to weakest support. */
export const ASSERTIONS = [
  'established',
  'approved',
  'recommended',
  'measured',
  'causal',
  'tested-in',
  'observed-in-treated',
  'association',
  'preclinical',
  'hypothesis',
] as const;
export type Assertion = (typeof ASSERTIONS)[number];

/** What each assertion claims; the README and the client legend show these. */
export const ASSERTION_MEANINGS: Record<Assertion, string> = {
  established: 'textbook biology or classification stated as settled (class membership, target, binding, expression)',
  approved: 'a regulatory approval or approved indication',
  recommended: 'a guideline recommendation',
  measured: 'a number measured in a named trial or cohort',
  causal: 'a cause-and-effect relation the review reports as shown (mechanism or intervention)',
  'tested-in': 'studied in a trial or disease; says nothing about approval or benefit',
  'observed-in-treated': 'seen in patients treated with the drug (e.g. at progression), not shown to cause the effect',
  association: 'a correlation in patients or samples, direction of cause not shown',
  preclinical: 'shown only in cell lines or animal models (contextModel says which)',
  hypothesis: 'proposed or speculated by the review or its sources, not shown',
};

/** Assertions drawn weaker in the viewer (dashed or lighter edges). */
export const WEAK_ASSERTIONS: readonly Assertion[] = [
  'association',
  'preclinical',
  'hypothesis',
  'observed-in-treated',
];

/** Where a claim was shown: `contextModel`, a closed list (trial phase lives on the Trial node). */
export const CONTEXT_MODELS = ['in-vitro', 'animal', 'human-tissue', 'human-cohort', 'clinical-trial'] as const;
export type ContextModel = (typeof CONTEXT_MODELS)[number];

/** `contextDisease` is a Disease node id, or this word when the source does not say. */
export const CONTEXT_DISEASE_UNSPECIFIED = 'unspecified';

/** Relationship types that must carry `assertion` (our data fills it on every type). */
export const ASSERTION_REQUIRED: readonly RelationshipType[] = [
  'PROMOTES',
  'SUPPRESSES',
  'PARTICIPATES_IN',
  'CONFERS_RESISTANCE_TO',
  'OVERCOMES',
  'PREDICTS',
  'RISK_FACTOR_FOR',
  'INDICATED_FOR',
  'TESTED_IN',
  'APPROVED_FOR',
  'CAUSES_ADVERSE_EVENT',
  'OUTCOME_OF',
];

/** Relationship types that must say the disease the claim was shown in (`contextDisease`). */
export const CONTEXT_DISEASE_REQUIRED: readonly RelationshipType[] = ['PREDICTS', 'CONFERS_RESISTANCE_TO', 'OVERCOMES'];

/** Types whose meaning fixes the assertion: an INDICATED_FOR edge is an approval, nothing less. */
export const ASSERTIONS_ALLOWED: Partial<Record<RelationshipType, readonly Assertion[]>> = {
  INDICATED_FOR: ['approved'],
  APPROVED_FOR: ['approved'],
  TESTED_IN: ['tested-in'],
  RECOMMENDS: ['recommended'],
};

/** Assertions that must say in which model they were shown (`contextModel`). */
export const CONTEXT_MODEL_REQUIRED: readonly Assertion[] = ['preclinical'];

// ---------------------------------------------------------------- declared extensions
// A dataset may declare labels and relationship types beyond the contract (an anatomy,
// a pathway, a side effect…) in its mapping file. Nothing here is global: callers pass
// the extensions they accept; without them these checks are the contract's own.

/** A label declared by a dataset: its id prefix, its colour, and what it is. */
export interface DeclaredLabel {
  label: string;
  prefix: string;
  color: string;
  description?: string;
}

/** A relationship type declared by a dataset, with the labels allowed at each end. */
export interface DeclaredRelationshipType {
  type: string;
  from: readonly string[];
  to: readonly string[];
  description?: string;
}

export interface OntologyExtensions {
  labels: readonly DeclaredLabel[];
  relationshipTypes: readonly DeclaredRelationshipType[];
}

export const NO_EXTENSIONS: OntologyExtensions = { labels: [], relationshipTypes: [] };

/** Names a declaration may take: PascalCase labels, UPPER_SNAKE types, lower-case prefixes. */
export const DECLARED_LABEL_PATTERN = /^[A-Z][A-Za-z0-9]*$/;
export const DECLARED_TYPE_PATTERN = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;
export const DECLARED_PREFIX_PATTERN = /^[a-z]+$/;

/**
 * A label, relationship type or property name as one backtick-quoted Cypher name, whatever
 * it holds (a backtick is doubled): names cannot be query parameters, so every one put into
 * Cypher text goes through here.
 */
export function quoteCypherName(name: string): string {
  if (name.length === 0) throw new Error('An empty name cannot be quoted for Cypher');
  return `\`${name.replaceAll('`', '``')}\``;
}

/** A type label of the contract or of the given extensions (never `Entity`). */
export function isKnownLabel(label: string, extensions: OntologyExtensions = NO_EXTENSIONS): boolean {
  return isTypeLabel(label) || extensions.labels.some((d) => d.label === label);
}

/** A relationship type of the contract or of the given extensions. */
export function isKnownRelationshipType(type: string, extensions: OntologyExtensions = NO_EXTENSIONS): boolean {
  return isRelationshipType(type) || extensions.relationshipTypes.some((d) => d.type === type);
}

/** The labels allowed at each end of a type, contract or declared; undefined if unknown. */
export function endpointsOf(
  type: string,
  extensions: OntologyExtensions = NO_EXTENSIONS,
): { from: readonly string[]; to: readonly string[] } | undefined {
  if (isRelationshipType(type)) return RELATIONSHIP_ENDPOINTS[type];
  const declared = extensions.relationshipTypes.find((d) => d.type === type);
  return declared ? { from: declared.from, to: declared.to } : undefined;
}

/** The id prefix of a contract or declared label. */
export function prefixOfLabel(label: string, extensions: OntologyExtensions = NO_EXTENSIONS): string | undefined {
  return isTypeLabel(label) ? ID_PREFIX[label] : extensions.labels.find((d) => d.label === label)?.prefix;
}

/** `anatomy:liver` → `Anatomy` when Anatomy is declared with prefix `anatomy`. */
export function labelOfIdWith(id: string, extensions: OntologyExtensions = NO_EXTENSIONS): string | undefined {
  const builtIn = labelOfId(id);
  if (builtIn) return builtIn;
  const colon = id.indexOf(':');
  return colon > 0 ? extensions.labels.find((d) => d.prefix === id.slice(0, colon))?.label : undefined;
}

/** The colour of a contract or declared label. */
export function colorOfLabel(label: string, extensions: OntologyExtensions = NO_EXTENSIONS): string | undefined {
  return isTypeLabel(label) ? LABEL_COLORS[label] : extensions.labels.find((d) => d.label === label)?.color;
}
