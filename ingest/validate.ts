/**
 * Validation, one record at a time. `normaliseNode` / `normaliseRelationship` check a
 * record's own shape (the zod schemas of records.ts), identifiers, units and provenance and
 * return the record as it will be written. `Validator` adds the checks across records —
 * duplicate ids, keys and names, dangling references, endpoint labels — on compact indexes
 * (id → label and location, key → location, name → id), never on whole records, so that
 * its memory grows with the number of ids and keys, not with the data.
 */
import { z } from 'zod';
import {
  CONTEXT_DISEASE_UNSPECIFIED,
  endpointsOf,
  ID_PATTERN,
  isRelationshipType,
  labelOfIdWith,
  NO_EXTENSIONS,
  NODE_LABELS,
  type NodeLabel,
  type OntologyExtensions,
  RELATIONSHIP_TYPES,
  type RelationshipType,
} from '../ontology/index.js';
import type { NodeRecord, PropertyValue, RelationshipRecord } from './dataset.js';
import { deriveReferences } from './derive.js';
import type { Problem } from './errors.js';
import { claimRules, nodeBase, nodeExtras, relationshipBase, relationshipExtras } from './records.js';
import type { SourceLocation, SourceRecord } from './source.js';

/** How names compare for duplicate detection: case, width and spacing don't matter. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

const NO_REFS =
  'no reference numbers: every fact needs provenance (empty refs only with source: curation for standard identifiers and class memberships, uncited: true for what the review states without a citation, or imported: true for facts of an imported dataset)';

/**
 * Empty refs are honest only for curated standard knowledge, flagged uncited statements,
 * and facts of an imported dataset (`imported: true`, set by the import mapping): those
 * carry their provenance as `source` (dataset and version) and `evidence`, not as the
 * review's reference numbers.
 */
function mayBeUncited(record: { source: string; uncited?: unknown; imported?: unknown }): boolean {
  return record.source === 'curation' || record.uncited === true || record.imported === true;
}

export function problemAt(loc: SourceLocation, field: string | undefined, message: string, line?: number): Problem {
  const at = line ?? ((field && loc.fieldLines?.[field]) || loc.line);
  return { file: loc.file, line: at, field: field ? `${loc.path}.${field}` : loc.path, message };
}

function zodProblems(loc: SourceLocation, error: z.ZodError): Problem[] {
  return error.issues.map((issue) => {
    const [head, ...rest] = issue.path.map(String);
    const field = head === undefined ? undefined : [head, ...rest].join('.').replace(/\.(\d+)/g, '[$1]');
    const p = problemAt(loc, head, issue.message);
    if (field) p.field = `${loc.path}.${field}`;
    return p;
  });
}

function readerProblems(raw: SourceRecord): Problem[] {
  return (raw.problems ?? []).map((p) => problemAt(raw.loc, p.field || undefined, p.message, p.line));
}

export interface Defaults {
  source?: string;
  section?: string;
}

export type Normalised<T> = { ok: true; record: T } | { ok: false; problems: Problem[]; id?: string };

/** One node record on its own: shape, id, label, provenance; synonyms deduplicated. */
export function normaliseNode(
  raw: SourceRecord,
  defaults: Defaults = {},
  extensions: OntologyExtensions = NO_EXTENSIONS,
): Normalised<NodeRecord> {
  const { loc } = raw;
  const rawId = typeof raw.value.id === 'string' ? raw.value.id : undefined;
  if (raw.problems?.length) return { ok: false, problems: readerProblems(raw), id: rawId };
  const { label: declared, ...value } = raw.value;
  const input = { source: raw.defaults?.source ?? defaults.source, ...value };
  const parsed = nodeBase.safeParse(input);
  if (!parsed.success) return { ok: false, problems: zodProblems(loc, parsed.error), id: rawId };
  const node = parsed.data;
  if (!ID_PATTERN.test(node.id)) {
    return {
      ok: false,
      problems: [
        problemAt(loc, 'id', `"${node.id}" is not a lower-case kebab id with a type prefix (e.g. drug:nivolumab)`),
      ],
    };
  }
  // A declared extension label is carried as a NodeLabel from here on (validated here).
  const label = labelOfIdWith(node.id, extensions) as NodeLabel | undefined;
  if (!label) {
    return {
      ok: false,
      problems: [problemAt(loc, 'id', `unknown id prefix in "${node.id}" (see ID_PREFIX in ontology/index.ts)`)],
    };
  }
  if (declared !== undefined && declared !== label) {
    return {
      ok: false,
      id: node.id,
      problems: [
        problemAt(
          loc,
          'label',
          `${JSON.stringify(declared)} does not match the id's prefix, which makes "${node.id}" a ${label}`,
        ),
      ],
    };
  }
  const extras = nodeExtras[label];
  if (extras) {
    const checked = extras.safeParse(node);
    if (!checked.success) return { ok: false, problems: zodProblems(loc, checked.error), id: node.id };
  }
  if (node.refs.length === 0 && !mayBeUncited(node)) {
    return { ok: false, problems: [problemAt(loc, 'refs', NO_REFS)], id: node.id };
  }
  // Synonyms are every *other* name: drop repeats and the canonical name itself.
  const seen = new Set([nameKey(node.name)]);
  const synonyms = node.synonyms.filter((s) => {
    const k = nameKey(s);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return {
    ok: true,
    record: {
      id: node.id,
      label,
      resistance: label === 'Mechanism' && node.kind === 'resistance',
      props: { ...(node as Record<string, PropertyValue>), synonyms },
      loc,
    },
  };
}

export function relationshipKey(from: string, type: string, to: string, key?: string): string {
  return key ? `${from}|${type}|${to}|${key}` : `${from}|${type}|${to}`;
}

/** One relationship record on its own: shape, type-specific fields, provenance. */
export function normaliseRelationship(
  raw: SourceRecord,
  defaults: Defaults = {},
  extensions: OntologyExtensions = NO_EXTENSIONS,
): Normalised<RelationshipRecord> {
  const { loc } = raw;
  if (raw.problems?.length) return { ok: false, problems: readerProblems(raw) };
  const input = {
    source: raw.defaults?.source ?? defaults.source,
    section: raw.defaults?.section ?? defaults.section,
    ...raw.value,
  };
  const rawType = raw.value.type;
  const declared =
    typeof rawType === 'string' &&
    !isRelationshipType(rawType) &&
    extensions.relationshipTypes.some((d) => d.type === rawType);
  const parsed = (declared ? declaredRelationship : relationshipBase).safeParse(input);
  if (!parsed.success) return { ok: false, problems: zodProblems(loc, parsed.error) };
  const rel = parsed.data;
  const type = rel.type as RelationshipType;
  const extras = relationshipExtras[type];
  if (extras) {
    const checked = extras.safeParse(rel);
    if (!checked.success) return { ok: false, problems: zodProblems(loc, checked.error) };
  }
  const claim = claimRules(type).safeParse(rel);
  if (!claim.success) return { ok: false, problems: zodProblems(loc, claim.error) };
  if (rel.from === rel.to)
    return { ok: false, problems: [problemAt(loc, 'to', 'a relationship from a node to itself')] };
  if (rel.refs.length === 0 && !mayBeUncited(rel)) return { ok: false, problems: [problemAt(loc, 'refs', NO_REFS)] };
  const key = relationshipKey(rel.from, type, rel.to, rel.key);
  const { type: _t, from: _f, to: _to, ...props } = rel;
  return {
    ok: true,
    record: { key, type, from: rel.from, to: rel.to, props: props as Record<string, PropertyValue>, loc },
  };
}

/** A relationship of a type declared by the dataset's mapping: any UPPER_SNAKE type name. */
const declaredRelationship = relationshipBase.extend({ type: z.string().min(1) });

/** What the checks across records need of a normalised relationship. */
export interface AcceptedRelationship {
  key: string;
  type: RelationshipType;
  from: string;
  to: string;
  props: { contextDisease?: PropertyValue };
}

/** The record path of a problem whose row is still to be named (Validator.rowless). */
export const ROWLESS = '(row)';

/** Where a record was, packed into one number: file ordinal and line. */
type Place = number;
const LINE_SPACE = 2 ** 32;
/** Said of a dangling reference when nothing was looked up in a database (`--validate-only`, a dry run without one). */
export const WITHOUT_GRAPH_NOTE = '; validated without a database, so nodes of other datasets were not looked up';

/** Looks up ids the dataset does not define (nodes of other datasets it may link to). */
export type ForeignLookup = (ids: string[]) => Promise<Map<string, NodeLabel>>;

export interface ValidatorOptions {
  defaults?: Defaults;
  /** Labels and relationship types declared by the dataset's mapping (or other datasets). */
  extensions?: OntologyExtensions;
  /** Stop keeping problems beyond this many (they are still counted). */
  maxProblems?: number;
}

export class Validator {
  readonly problems: Problem[] = [];
  problemCount = 0;
  /**
   * Duplicates found out of file order (parallel validation), reported at the later record's
   * line with `ROWLESS` for its row: the caller, which can read the file again, names it.
   */
  readonly rowless: Problem[] = [];
  /** id → label index; the dataset's node ids (derived ones included after finish()). */
  readonly ids = new Map<string, number>();
  /** key → place; the dataset's relationship keys (derived ones included after finish()). */
  readonly keys = new Map<string, Place>();
  readonly nodeCounts: Record<string, number> = {};
  readonly relationshipCounts: Record<string, number> = {};
  private readonly idPlaces = new Map<string, Place>();
  private readonly invalidIds = new Set<string>();
  private readonly names = new Map<string, { id: string; as: 'name' | 'synonym'; place: Place }>();
  private readonly cited = new Set<number>();
  private readonly trials: NodeRecord[] = [];
  private readonly files: string[] = [];
  private readonly fileIndex = new Map<string, number>();
  /** Relationships whose endpoints were not yet known when read, as parallel columns. */
  private readonly deferred = {
    from: [] as string[],
    to: [] as string[],
    type: [] as number[],
    place: [] as Place[],
    path: [] as string[],
  };
  /** `contextDisease` values to check against the id index in complete(). */
  private readonly contextDiseases: Array<{ id: string; place: Place; path: string }> = [];
  private derivedRecords: { nodes: NodeRecord[]; relationships: RelationshipRecord[] } = {
    nodes: [],
    relationships: [],
  };
  readonly defaults: Defaults;
  readonly extensions: OntologyExtensions;
  private readonly maxProblems: number;
  /** Contract labels and types first, then declared ones: the indexes stored in `ids` and `deferred`. */
  private readonly labelNames: string[];
  private readonly labelIndex: Map<string, number>;
  private readonly typeNames: string[];
  private readonly typeIndex: Map<string, number>;

  constructor(options: ValidatorOptions = {}) {
    this.defaults = options.defaults ?? {};
    this.extensions = options.extensions ?? NO_EXTENSIONS;
    this.maxProblems = options.maxProblems ?? 1000;
    this.labelNames = [...NODE_LABELS, ...this.extensions.labels.map((d) => d.label)];
    this.labelIndex = new Map(this.labelNames.map((l, i) => [l, i]));
    this.typeNames = [...RELATIONSHIP_TYPES, ...this.extensions.relationshipTypes.map((d) => d.type)];
    this.typeIndex = new Map(this.typeNames.map((t, i) => [t, i]));
  }

  report(...problems: Problem[]): void {
    for (const p of problems) {
      this.problemCount++;
      if (this.problems.length < this.maxProblems) this.problems.push(p);
    }
  }

  private place(loc: SourceLocation, line = loc.line): Place {
    let f = this.fileIndex.get(loc.file);
    if (f === undefined) {
      f = this.files.length;
      this.files.push(loc.file);
      this.fileIndex.set(loc.file, f);
    }
    return f * LINE_SPACE + line;
  }

  private describe(place: Place | undefined): string {
    if (place === undefined) return 'derived';
    return `${this.files[Math.floor(place / LINE_SPACE)]}:${place % LINE_SPACE}`;
  }

  private cite(value: Record<string, unknown>): void {
    const refs = value.refs;
    if (Array.isArray(refs)) for (const n of refs) if (Number.isInteger(n) && n > 0) this.cited.add(n);
  }

  /** Validates and indexes a node; returns it normalised, or null when it has problems. */
  node(raw: SourceRecord): NodeRecord | null {
    this.cite(raw.value);
    const result = normaliseNode(raw, this.defaults, this.extensions);
    if (!result.ok) {
      if (result.id) this.invalidIds.add(result.id);
      this.report(...result.problems);
      return null;
    }
    const node = result.record;
    const previous = this.idPlaces.get(node.id);
    if (previous !== undefined) {
      this.report(problemAt(raw.loc, 'id', `duplicate id "${node.id}" (first defined at ${this.describe(previous)})`));
      return null;
    }
    const place = this.place(raw.loc);
    this.ids.set(node.id, this.labelIndex.get(node.label)!);
    this.idPlaces.set(node.id, place);
    this.nodeCounts[node.label] = (this.nodeCounts[node.label] ?? 0) + 1;
    this.checkNames(node, raw.loc, place);
    if (node.label === 'Trial' && Array.isArray(node.props.refs) && node.props.refs.length > 0) {
      this.trials.push({
        id: node.id,
        label: node.label,
        resistance: false,
        props: { name: node.props.name!, refs: node.props.refs },
      });
    }
    return node;
  }

  /** Two nodes may not share a name or synonym: they would be one entity twice. */
  private checkNames(node: NodeRecord, loc: SourceLocation, place: Place): void {
    const names = [
      { value: String(node.props.name), field: 'name' as const },
      ...(node.props.synonyms as string[]).map((value) => ({ value, field: 'synonyms' as const })),
    ];
    for (const { value, field } of names) {
      const k = nameKey(value);
      const first = this.names.get(k);
      if (first && first.id !== node.id) {
        this.report(
          problemAt(
            loc,
            field,
            `"${value}" is also the ${first.as} of ${first.id} (${this.describe(first.place)}): duplicate entity, or a synonym on the wrong node`,
          ),
        );
      } else if (!first) {
        this.names.set(k, { id: node.id, as: field === 'name' ? 'name' : 'synonym', place });
      }
    }
  }

  /** Validates and indexes a relationship; endpoints not yet seen are checked in finish(). */
  relationship(raw: SourceRecord): RelationshipRecord | null {
    this.cite(raw.value);
    const result = normaliseRelationship(raw, this.defaults, this.extensions);
    if (!result.ok) {
      this.report(...result.problems);
      return null;
    }
    return this.accept(result.record, raw.loc) ? result.record : null;
  }

  /** Reference numbers cited by records validated elsewhere (worker threads). */
  citeAll(refs: Iterable<number>): void {
    for (const n of refs) this.cited.add(n);
  }

  /**
   * The checks across records for a relationship already normalised (here or by a worker
   * thread): duplicate key, counts, endpoints. Records validated in parallel may arrive
   * out of file order; of two with one key, the later in the file is the duplicate.
   */
  accept(rel: AcceptedRelationship, loc: SourceLocation): boolean {
    const place = this.place(loc);
    const previous = this.keys.get(rel.key);
    if (previous !== undefined) {
      const swapped = Number.isFinite(previous) && previous > place;
      const [first, second, at] = swapped
        ? [place, previous, { file: loc.file, line: previous % LINE_SPACE, record: 0, path: ROWLESS }]
        : [previous, place, loc];
      const problem = problemAt(
        at,
        'type',
        `duplicate relationship ${rel.from} -${rel.type}-> ${rel.to} (first at ${this.describe(first)}); give each a distinct \`key\` if both are meant`,
        second % LINE_SPACE,
      );
      if (swapped) {
        this.keys.set(rel.key, first);
        // Its record number is not kept: the caller names the row (see rowless).
        this.rowless.push(problem);
      }
      this.report(problem);
      return false;
    }
    this.keys.set(rel.key, place);
    this.relationshipCounts[rel.type] = (this.relationshipCounts[rel.type] ?? 0) + 1;
    this.checkContextDisease(rel, loc);
    const fromLabel = this.ids.get(rel.from);
    const toLabel = this.ids.get(rel.to);
    if (fromLabel !== undefined && toLabel !== undefined) {
      // Most relationships join labels their type allows: one lookup in a table, no message.
      const allowed = this.allowedEnds(rel.type);
      if (!allowed?.from[fromLabel] || !allowed.to[toLabel]) {
        this.checkEndpoints(rel.type, rel.from, rel.to, (end, message) => this.report(problemAt(loc, end, message)));
      }
    } else {
      const d = this.deferred;
      d.from.push(rel.from);
      d.to.push(rel.to);
      d.type.push(this.typeIndex.get(rel.type)!);
      d.place.push(this.place(loc, loc.fieldLines?.to ?? loc.line));
      d.path.push(loc.path);
    }
    return true;
  }

  /** `contextDisease` names a Disease of the data (or says "unspecified"); checked once all ids are known. */
  private checkContextDisease(rel: AcceptedRelationship, loc: SourceLocation): void {
    const disease = rel.props.contextDisease;
    if (typeof disease !== 'string' || disease === CONTEXT_DISEASE_UNSPECIFIED) return;
    this.contextDiseases.push({
      id: disease,
      place: this.place(loc, loc.fieldLines?.contextDisease ?? loc.line),
      path: loc.path,
    });
  }

  /** Per relationship type: which label indexes each end allows (a table, built once per type). */
  private readonly ends = new Map<string, { from: boolean[]; to: boolean[] } | null>();

  private allowedEnds(type: RelationshipType): { from: boolean[]; to: boolean[] } | null {
    let table = this.ends.get(type);
    if (table === undefined) {
      const allowed = endpointsOf(type, this.extensions);
      table = allowed
        ? {
            from: this.labelNames.map((l) => allowed.from.includes(l)),
            to: this.labelNames.map((l) => allowed.to.includes(l)),
          }
        : null;
      this.ends.set(type, table);
    }
    return table;
  }

  private checkEndpoints(
    type: RelationshipType,
    from: string,
    to: string,
    fail: (end: 'from' | 'to', message: string) => void,
    foreign?: Map<string, NodeLabel>,
  ): void {
    for (const end of ['from', 'to'] as const) {
      const id = end === 'from' ? from : to;
      const index = this.ids.get(id);
      const label = index === undefined ? foreign?.get(id) : this.labelNames[index];
      if (label === undefined) {
        if (!this.invalidIds.has(id)) {
          fail(
            end,
            `"${id}" is not a node in the data (dangling reference)${this.graphLookedUp ? '' : WITHOUT_GRAPH_NOTE}`,
          );
        }
        continue;
      }
      const allowed = endpointsOf(type, this.extensions)?.[end] ?? [];
      if (!allowed.includes(label)) {
        fail(
          end,
          `${type} cannot ${end === 'from' ? 'start at' : 'end at'} a ${label} ("${id}"); allowed: ${allowed.join(', ')}`,
        );
      }
    }
  }

  /**
   * Checks what had to wait for every record: endpoints defined later in the data, or by
   * other datasets in the graph (`lookup`), and derives Reference nodes and REPORTED_IN.
   */
  async finish(lookup?: ForeignLookup): Promise<void> {
    const d = this.deferred;
    const unknown = new Set<string>();
    for (let i = 0; i < d.from.length; i++) {
      if (!this.ids.has(d.from[i]!)) unknown.add(d.from[i]!);
      if (!this.ids.has(d.to[i]!)) unknown.add(d.to[i]!);
    }
    for (const c of this.contextDiseases) if (!this.ids.has(c.id)) unknown.add(c.id);
    this.graphLookedUp = lookup !== undefined;
    this.complete(unknown.size > 0 && lookup ? await lookup([...unknown]) : new Map<string, NodeLabel>());
  }

  /** Whether ids missing from the data were looked up in the graph (finish with a lookup). */
  private graphLookedUp = false;

  /** finish() without a database: endpoints must be in the data itself. */
  complete(foreign: Map<string, NodeLabel> = new Map()): void {
    const d = this.deferred;
    for (let i = 0; i < d.from.length; i++) {
      const place = d.place[i]!;
      const file = this.files[Math.floor(place / LINE_SPACE)]!;
      const line = place % LINE_SPACE;
      const path = d.path[i]!;
      this.checkEndpoints(
        this.typeNames[d.type[i]!]! as RelationshipType,
        d.from[i]!,
        d.to[i]!,
        (end, message) => this.report({ file, line, field: `${path}.${end}`, message }),
        foreign,
      );
    }
    d.from.length = d.to.length = d.type.length = d.place.length = d.path.length = 0;
    for (const c of this.contextDiseases) {
      const index = this.ids.get(c.id);
      const label = index === undefined ? foreign.get(c.id) : this.labelNames[index];
      if (label !== 'Disease') {
        this.report({
          file: this.files[Math.floor(c.place / LINE_SPACE)]!,
          line: c.place % LINE_SPACE,
          field: `${c.path}.contextDisease`,
          message: `"${c.id}" is not a Disease in the data (or write "${CONTEXT_DISEASE_UNSPECIFIED}")`,
        });
      }
    }
    this.contextDiseases.length = 0;

    const derived = deriveReferences(this.trials, this.cited);
    const byId = new Map<string, NodeRecord>();
    const nodes: NodeRecord[] = [];
    for (const ref of derived.nodes) {
      byId.set(ref.id, ref);
      if (this.ids.has(ref.id)) continue;
      this.ids.set(ref.id, this.labelIndex.get(ref.label)!);
      this.nodeCounts[ref.label] = (this.nodeCounts[ref.label] ?? 0) + 1;
      nodes.push(ref);
    }
    const relationships: RelationshipRecord[] = [];
    for (const rel of derived.relationships(byId)) {
      if (this.keys.has(rel.key)) continue;
      this.keys.set(rel.key, Number.NaN);
      this.relationshipCounts[rel.type] = (this.relationshipCounts[rel.type] ?? 0) + 1;
      relationships.push(rel);
    }
    this.derivedRecords = { nodes, relationships };
  }

  /** Reference nodes and REPORTED_IN edges derived from the refs in use (after finish()). */
  derived(): { nodes: NodeRecord[]; relationships: RelationshipRecord[] } {
    return this.derivedRecords;
  }
}
