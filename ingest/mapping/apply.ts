/**
 * Applies a mapping to the records a reader yields: source kinds and predicates become
 * ontology labels and relationship types, fields become properties, and every record
 * gets provenance — `source` is the dataset and its version, `evidence` is the source's
 * own when the mapping names a field for it, else a sentence generated from the mapping.
 * Imported records carry no reference numbers and say so with `imported: true`.
 *
 * Node ids stay source ids here (`sourceId`, plus the proposed atlas id in `id`); the
 * normaliser (ingest/normalise) decides whether a node is an existing entity and
 * rewrites relationship endpoints. State kept: source id → name, for evidence text.
 */
import { assertionFromKnowledgeLevel, KNOWLEDGE_LEVEL_FIELD } from './knowledge-level.js';
import {
  isKnownRelationshipType,
  labelOfIdWith,
  prefixOfLabel,
  type OntologyExtensions,
} from '../../ontology/index.js';
import type { SourceRecord } from '../source.js';
import { type LoadedMapping, SAME_NAME } from './read-mapping.js';
import type { PropertyType } from './schema.js';

type Scalar = string | number | boolean;
type Value = Scalar | string[] | number[] | boolean[];

/** `DB09035` → `db09035`, `HGNC:1234` → `hgnc-1234`, `UBERON:0002107` → `uberon-0002107`. */
export function slug(sourceId: string): string {
  return sourceId
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export interface MapStats {
  nodes: number;
  relationships: number;
  skippedNodes: number;
  skippedRelationships: number;
  /** Unmapped kinds / predicates that were skipped, with how often. */
  skippedKinds: Record<string, number>;
}

function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined || v === null || v === '' ? [] : [v];
}

function strings(v: unknown): string[] {
  return asList(v)
    .flatMap((x) => (typeof x === 'string' ? x.split('|') : typeof x === 'number' ? [String(x)] : []))
    .map((s) => s.trim())
    .filter(Boolean);
}

function isScalarList(v: unknown[]): v is string[] | number[] | boolean[] {
  return (
    v.every((x) => typeof x === 'string') ||
    v.every((x) => typeof x === 'number' && Number.isFinite(x)) ||
    v.every((x) => typeof x === 'boolean')
  );
}

/** A property value converted as the mapping says; throws a message on a bad value. */
export function convert(value: unknown, type: PropertyType | undefined): Value {
  switch (type) {
    case undefined:
      if (typeof value === 'string' || typeof value === 'boolean') return value;
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      if (Array.isArray(value) && isScalarList(value)) return value;
      return JSON.stringify(value);
    case 'string':
      return typeof value === 'string' ? value : JSON.stringify(value);
    case 'number':
    case 'integer': {
      const n = typeof value === 'number' ? value : Number(String(value).trim());
      if (!Number.isFinite(n) || String(value).trim() === '') throw new Error(`"${String(value)}" is not a number`);
      if (type === 'integer' && !Number.isInteger(n)) throw new Error(`"${String(value)}" is not an integer`);
      return n;
    }
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      const s = String(value).trim().toLowerCase();
      if (s === 'true' || s === '1' || s === 'yes') return true;
      if (s === 'false' || s === '0' || s === 'no') return false;
      throw new Error(`"${String(value)}" is not true or false`);
    }
    case 'string[]':
      return strings(value);
    case 'number[]': {
      const items = Array.isArray(value) ? value : strings(value);
      return items.map((x) => convert(x, 'number') as number);
    }
    case 'json': {
      let parsed: unknown = value;
      if (typeof value === 'string') {
        try {
          parsed = JSON.parse(value);
        } catch {
          throw new Error(`not valid JSON: ${value.slice(0, 60)}`);
        }
      }
      if (Array.isArray(parsed) && isScalarList(parsed)) return parsed;
      if (['string', 'number', 'boolean'].includes(typeof parsed)) return parsed as Scalar;
      throw new Error('JSON that is not a scalar or a list of scalars of one type');
    }
  }
}

class MappingProblem extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** `'["a","b"]'` → `['a', 'b']`; anything else as `convert` leaves it. */
function decodeJsonList(raw: unknown): Value {
  if (typeof raw === 'string' && raw.startsWith('[') && raw.endsWith(']')) {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (Array.isArray(parsed) && isScalarList(parsed)) return parsed;
    } catch {
      // not JSON: keep the text
    }
  }
  return convert(raw, undefined);
}

/** Stateful: call with nodes first, then relationships (the readers yield them so). */
export class SourceMapper {
  readonly stats: MapStats = { nodes: 0, relationships: 0, skippedNodes: 0, skippedRelationships: 0, skippedKinds: {} };
  private readonly names = new Map<string, string>();
  private readonly source: string;
  private readonly title: string;

  constructor(private readonly loaded: LoadedMapping) {
    const { mapping } = loaded;
    this.source = `${mapping.dataset} ${mapping.version}`;
    this.title = `${mapping.title ?? mapping.dataset} (${mapping.version})`;
  }

  get extensions(): OntologyExtensions {
    return this.loaded.extensions;
  }

  private counting = true;

  /**
   * The mapped record, or undefined when the mapping says to skip its kind. A record the
   * mapping cannot handle comes back with `problems` (validation reports them, with the
   * record's file, line and field). `count: false` for a second read of the same record.
   */
  map(record: SourceRecord, options: { count?: boolean } = {}): SourceRecord | undefined {
    if (record.problems?.length) return record;
    this.counting = options.count ?? true;
    try {
      return record.kind === 'node' ? this.mapNode(record) : this.mapRelationship(record);
    } catch (err) {
      if (!(err instanceof MappingProblem)) throw err;
      return { ...record, problems: [{ field: err.field, message: err.message }] };
    }
  }

  private fail(_record: SourceRecord, field: string, message: string): never {
    throw new MappingProblem(field, message);
  }

  private skip(kind: string, what: 'node' | 'relationship'): undefined {
    if (!this.counting) return undefined;
    if (what === 'node') this.stats.skippedNodes += 1;
    else this.stats.skippedRelationships += 1;
    this.stats.skippedKinds[kind] = (this.stats.skippedKinds[kind] ?? 0) + 1;
    return undefined;
  }

  private properties(
    record: SourceRecord,
    spec: Record<string, { as: string; type?: PropertyType | undefined }>,
    keepOthers: boolean,
    consumed: Set<string>,
  ): Record<string, Value> {
    const out: Record<string, Value> = {};
    for (const [field, target] of Object.entries(spec)) {
      const raw = record.value[field];
      consumed.add(field);
      if (raw === undefined || raw === null || raw === '') continue;
      try {
        out[target.as] = convert(raw, target.type);
      } catch (err) {
        this.fail(record, field, (err as Error).message);
      }
    }
    if (keepOthers) {
      for (const [field, raw] of Object.entries(record.value)) {
        if (consumed.has(field) || raw === undefined || raw === null || raw === '') continue;
        out[field] = this.loaded.mapping.decodeJsonLists ? decodeJsonList(raw) : convert(raw, undefined);
      }
    }
    return out;
  }

  private mapNode(record: SourceRecord): SourceRecord | undefined {
    const { mapping, extensions } = this.loaded;
    const spec = mapping.nodes;
    const sourceId = record.value.id;
    if (typeof sourceId !== 'string' || sourceId.trim() === '') this.fail(record, 'id', 'required: the node id');
    const kinds = strings(record.value[spec.kind]);
    if (kinds.length === 0)
      this.fail(record, spec.kind, `required: the node's kind (mapping nodes.kind is "${spec.kind}")`);
    let label: string | undefined;
    for (const kind of kinds) {
      label = spec.kinds[kind] ?? (spec.kinds[SAME_NAME] && prefixOfLabel(kind, extensions) ? kind : undefined);
      if (label) break;
    }
    if (!label) {
      if (spec.unmapped === 'skip') return this.skip(kinds[0]!, 'node');
      this.fail(
        record,
        spec.kind,
        `no mapping for ${kinds.map((k) => `"${k}"`).join(', ')}: add it under nodes.kinds, or set nodes.unmapped: skip`,
      );
    }
    const consumed = new Set(['id', spec.kind, spec.name, spec.description, ...spec.synonyms, ...spec.ignore]);
    const props = this.properties(record, spec.properties, spec.keepOtherProperties, consumed);
    const rawName = record.value[spec.name];
    const name = typeof rawName === 'string' && rawName.trim() ? rawName.trim() : sourceId.trim();
    const synonyms = spec.synonyms.flatMap((f) => strings(record.value[f])).filter((s) => s !== name);
    const identifiers = [...new Set(spec.identifiers.flatMap((f) => strings(record.value[f])))];
    const rawDescription = record.value[spec.description];
    const description =
      typeof rawDescription === 'string' && rawDescription.trim()
        ? rawDescription.trim()
        : `${label} from ${this.title}, source id ${sourceId}.`;
    let id: string;
    if (mapping.ids.policy === 'keep') {
      id = sourceId;
      const byPrefix = labelOfIdWith(id, extensions);
      if (byPrefix !== label) {
        this.fail(record, 'id', `"${id}" does not carry the prefix of ${label} (ids.policy: keep expects atlas ids)`);
      }
    } else {
      id = `${prefixOfLabel(label, extensions)}:${slug(sourceId)}`;
    }
    this.names.set(sourceId, name);
    if (this.counting) this.stats.nodes += 1;
    const refs = props.refs ?? [];
    const value: Record<string, unknown> = {
      source: this.source,
      ...props,
      id,
      label,
      name,
      synonyms: [...new Set([...(Array.isArray(props.synonyms) ? (props.synonyms as string[]) : []), ...synonyms])],
      description,
      refs,
      // An atlas export read back (ids.policy: keep) brings its own.
      sourceId: typeof props.sourceId === 'string' ? props.sourceId : sourceId,
      identifiers: Array.isArray(props.identifiers) ? props.identifiers : identifiers,
    };
    if (Array.isArray(refs) && refs.length === 0) value.imported = true;
    return { kind: 'node', value, loc: record.loc };
  }

  private mapRelationship(record: SourceRecord): SourceRecord | undefined {
    const { mapping, extensions } = this.loaded;
    const spec = mapping.relationships;
    const predicate = record.value[spec.type];
    if (typeof predicate !== 'string' || !predicate.trim()) {
      this.fail(record, spec.type, `required: the relationship's type (mapping relationships.type is "${spec.type}")`);
    }
    const target =
      spec.types[predicate] ??
      (spec.types[SAME_NAME] && isKnownRelationshipType(predicate, extensions)
        ? { type: predicate, says: undefined }
        : undefined);
    if (!target) {
      if (spec.unmapped === 'skip') return this.skip(predicate, 'relationship');
      this.fail(
        record,
        spec.type,
        `no mapping for "${predicate}": add it under relationships.types, or set relationships.unmapped: skip`,
      );
    }
    const from = record.value[spec.from];
    const to = record.value[spec.to];
    if (typeof from !== 'string' || !from) this.fail(record, spec.from, 'required: the start node id');
    if (typeof to !== 'string' || !to) this.fail(record, spec.to, 'required: the end node id');
    const consumed = new Set([
      'id',
      spec.type,
      spec.from,
      spec.to,
      ...(spec.evidence ? [spec.evidence] : []),
      ...(spec.key ? [spec.key] : []),
      ...spec.ignore,
    ]);
    const props = this.properties(record, spec.properties, spec.keepOtherProperties, consumed);
    const own = spec.evidence ? record.value[spec.evidence] : undefined;
    const fromName = this.names.get(from) ?? from;
    const toName = this.names.get(to) ?? to;
    const evidence =
      typeof own === 'string' && own.trim()
        ? own.trim()
        : target.says
          ? `${this.title} lists ${fromName} as ${target.says} ${toName} (${spec.type} ${predicate}).`
          : `${this.title} links ${fromName} to ${toName} by ${predicate}.`;
    // Imported facts never merge into another dataset's relationship of the same pair:
    // the key carries the dataset (and the source's own key or edge id when it has one).
    let key: string | undefined = mapping.dataset;
    const ownKey = spec.key ? record.value[spec.key] : undefined;
    if (mapping.ids.policy === 'keep') {
      // Round trip of an atlas export: `key` is the full from|TYPE|to[|key].
      const composite = `${from}|${target.type}|${to}`;
      const k = typeof ownKey === 'string' ? ownKey : undefined;
      key =
        k === undefined || k === composite
          ? undefined
          : k.startsWith(`${composite}|`)
            ? k.slice(composite.length + 1)
            : k;
    } else if (ownKey !== undefined && ownKey !== '') {
      key = `${mapping.dataset}:${String(ownKey)}`;
    }
    if (this.counting) this.stats.relationships += 1;
    const refs = props.refs ?? [];
    const value: Record<string, unknown> = {
      source: this.source,
      section: mapping.title ?? mapping.dataset,
      ...props,
      type: target.type,
      from,
      to,
      evidence,
      refs,
      ...(key ? { key } : {}),
      ...(mapping.ids.policy === 'keep' ? {} : { sourcePredicate: predicate }),
    };
    if (value.assertion === undefined) {
      // KGX says how a statement is known; that gives the claim kind when nothing else does.
      const assertion = assertionFromKnowledgeLevel(record.value[KNOWLEDGE_LEVEL_FIELD], target.type);
      if (assertion) value.assertion = assertion;
    }
    if (Array.isArray(refs) && refs.length === 0) value.imported = true;
    return { kind: 'relationship', value, loc: record.loc };
  }
}
