/**
 * Resolves mapped source records onto canonical entities and rewrites relationship
 * endpoints through the same resolution.
 *
 * A node record resolves, among entities of the same label, by identifier first (its
 * proposed atlas id, its source id, its identifiers and identifier properties), then by
 * name, then by synonyms (keys ignore case and punctuation, see keys.ts):
 * - one entity → **matched**: the record is not written (the canonical node stays as
 *   curated); its source id now means that entity;
 * - several → **ambiguous**: written as a new entity under its own id, and listed;
 * - none → **created**: written, and indexed, so that a later record of the same source
 *   naming the same entity is **merged** into it instead of becoming a second node.
 * Relationships: endpoints rewritten, duplicates after rewriting dropped.
 *
 * The pipeline reads a source twice (validate, then load). A second read of a record
 * (`reread`) repeats the first read's decision without counting it again: decisions are
 * kept per source id and per relationship key, with the place of the record written.
 */
import type { SourceLocation, SourceRecord } from '../source.js';
import { atlasIdKey, identifierKey, nameKey } from './keys.js';
import { type IndexedEntity, ResolverIndex } from './resolver-index.js';

export interface AmbiguousRecord {
  file: string;
  line: number;
  path: string;
  sourceId: string;
  name: string;
  /** Entities it could be. */
  candidates: string[];
  /** Kept under this id. */
  id: string;
  reason: string;
}

export interface ResolutionReport {
  /** Node records that landed on an entity already in the graph (or the index's dataset). */
  matched: number;
  matchedByIdentifier: number;
  matchedByName: number;
  /** New entities written. */
  created: number;
  /** Records of this source that named an entity another of its records already created. */
  merged: number;
  /** Written as new entities because several entities fit; listed in `ambiguousRecords`. */
  ambiguous: number;
  /** The first `limit` ambiguous records. */
  ambiguousRecords: AmbiguousRecord[];
  relationships: number;
  /** Relationship endpoints that named an existing entity rather than a node of the source. */
  endpointsRewritten: number;
  /** Relationships that were the same fact twice after resolution (dropped). */
  duplicateRelationships: number;
  /** Endpoints that resolved to nothing (validation reports them as dangling). */
  unresolvedEndpoints: number;
}

export interface NormaliserOptions {
  /** How many ambiguous records to list (all are counted). Default 50. */
  listLimit?: number;
}

type Outcome =
  | { kind: 'matched'; id: string; by: 'identifier' | 'name' }
  | { kind: 'ambiguous'; candidates: string[]; reason: string }
  | { kind: 'none' };

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];
}

export class Normaliser {
  readonly report: ResolutionReport = {
    matched: 0,
    matchedByIdentifier: 0,
    matchedByName: 0,
    created: 0,
    merged: 0,
    ambiguous: 0,
    ambiguousRecords: [],
    relationships: 0,
    endpointsRewritten: 0,
    duplicateRelationships: 0,
    unresolvedEndpoints: 0,
  };
  /** Source id → atlas id, for every node record seen. */
  private readonly idMap = new Map<string, string>();
  /** Source id → place of the record written for it (absent: nothing written). */
  private readonly writtenAt = new Map<string, number>();
  /** Ids this source creates (a match onto one of them is a merge, not a match). */
  private readonly createdIds = new Set<string>();
  /** Relationship key → place of the record written for it. */
  private readonly relationshipKeys = new Map<string, number>();
  private readonly places = new Places();
  private readonly listLimit: number;

  constructor(
    /** Existing entities; new ones of this source are added as they are created. */
    readonly index: ResolverIndex,
    options: NormaliserOptions = {},
  ) {
    this.listLimit = options.listLimit ?? 50;
  }

  /** Whether an id is an entity known before or created by this source. */
  labelOf(id: string): string | undefined {
    return this.index.labelOf(id);
  }

  private resolveNode(entity: IndexedEntity, sourceId: string): Outcome {
    const sameLabel = (ids: string[]) => [...new Set(ids)].filter((id) => this.index.labelOf(id) === entity.label);
    const idKeys = [
      atlasIdKey(entity.id),
      ...ResolverIndex.identifierKeys(entity).slice(1),
      ...[identifierKey(sourceId)].filter((k): k is string => k !== undefined),
    ];
    const byIdentifier = sameLabel(idKeys.flatMap((k) => this.index.lookup(k)));
    if (byIdentifier.length === 1) return { kind: 'matched', id: byIdentifier[0]!, by: 'identifier' };
    if (byIdentifier.length > 1) {
      return { kind: 'ambiguous', candidates: byIdentifier, reason: 'its identifiers name different entities' };
    }
    const names = strings(entity.name);
    const byName = sameLabel(names.flatMap((n) => this.index.lookup(`name:${nameKey(n)}`)));
    if (byName.length === 1) return { kind: 'matched', id: byName[0]!, by: 'name' };
    if (byName.length > 1) return { kind: 'ambiguous', candidates: byName, reason: 'its name fits several entities' };
    const bySynonym = sameLabel(strings(entity.synonyms).flatMap((n) => this.index.lookup(`name:${nameKey(n)}`)));
    if (bySynonym.length === 1) return { kind: 'matched', id: bySynonym[0]!, by: 'name' };
    if (bySynonym.length > 1) {
      return { kind: 'ambiguous', candidates: bySynonym, reason: 'its synonyms fit several entities' };
    }
    return { kind: 'none' };
  }

  /** A mapped node record → the record to write, or undefined when it is an existing entity. */
  node(record: SourceRecord, reread = false): SourceRecord | undefined {
    if (record.problems?.length) return record;
    const value = record.value;
    const id = String(value.id);
    const label = String(value.label);
    const sourceId = typeof value.sourceId === 'string' ? value.sourceId : id;
    const place = this.places.of(record.loc);
    if (reread) return this.writtenAt.get(sourceId) === place ? record : undefined;
    if (this.idMap.has(sourceId)) {
      // The same source id twice: one entity.
      this.report.merged += 1;
      return undefined;
    }
    const entity: IndexedEntity = { ...value, id, label };
    const outcome = this.resolveNode(entity, sourceId);
    if (outcome.kind === 'matched') {
      this.idMap.set(sourceId, outcome.id);
      if (this.createdIds.has(outcome.id)) this.report.merged += 1;
      else {
        this.report.matched += 1;
        if (outcome.by === 'identifier') this.report.matchedByIdentifier += 1;
        else this.report.matchedByName += 1;
      }
      return undefined;
    }
    if (outcome.kind === 'ambiguous') {
      this.report.ambiguous += 1;
      if (this.report.ambiguousRecords.length < this.listLimit) {
        this.report.ambiguousRecords.push(ambiguousEntry(record.loc, sourceId, value, id, outcome));
      }
    } else {
      this.report.created += 1;
    }
    this.idMap.set(sourceId, id);
    this.writtenAt.set(sourceId, place);
    this.createdIds.add(id);
    // An ambiguous record's identifiers and names point at other entities: indexing them
    // would make every later record naming those entities ambiguous too.
    if (outcome.kind === 'ambiguous') this.index.addIdOnly(entity);
    else this.index.add(entity);
    return record;
  }

  /** The atlas id an endpoint names: a node of the source, an atlas id, or an identifier. */
  private endpoint(raw: string): { id: string; rewritten: boolean } | undefined {
    const mapped = this.idMap.get(raw);
    if (mapped) return { id: mapped, rewritten: !this.createdIds.has(mapped) };
    const keys = [atlasIdKey(raw), identifierKey(raw)].filter((k): k is string => k !== undefined);
    const ids = [...new Set(keys.flatMap((k) => this.index.lookup(k)))];
    if (ids.length === 1) return { id: ids[0]!, rewritten: !this.createdIds.has(ids[0]!) };
    return undefined;
  }

  /** A mapped relationship → the record to write (endpoints rewritten), or undefined for a duplicate. */
  relationship(record: SourceRecord, reread = false): SourceRecord | undefined {
    if (record.problems?.length) return record;
    const value = { ...record.value };
    for (const end of ['from', 'to'] as const) {
      const raw = String(value[end]);
      const resolved = this.endpoint(raw);
      if (!resolved) {
        if (!reread) this.report.unresolvedEndpoints += 1;
        continue;
      }
      value[end] = resolved.id;
      if (resolved.rewritten && !reread) this.report.endpointsRewritten += 1;
    }
    const key = [value.from, value.type, value.to, value.key].filter((p) => p !== undefined).join('|');
    const place = this.places.of(record.loc);
    if (reread) return this.relationshipKeys.get(key) === place ? { ...record, value } : undefined;
    if (this.relationshipKeys.has(key)) {
      this.report.duplicateRelationships += 1;
      return undefined;
    }
    this.relationshipKeys.set(key, place);
    this.report.relationships += 1;
    return { ...record, value };
  }

  /** Either kind; `reread` for a record read before (see the module comment). */
  resolve(record: SourceRecord, reread = false): SourceRecord | undefined {
    return record.kind === 'node' ? this.node(record, reread) : this.relationship(record, reread);
  }
}

/** A record's place as one number: file ordinal and record ordinal. */
class Places {
  private readonly files = new Map<string, number>();
  of(loc: SourceLocation): number {
    let f = this.files.get(loc.file);
    if (f === undefined) {
      f = this.files.size;
      this.files.set(loc.file, f);
    }
    return f * 2 ** 32 + loc.record;
  }
}

/** Tells a second read of a record from the first: records of a file come in order. */
export class ReadTracker {
  private readonly last = new Map<string, number>();
  /** True when this record (file, ordinal) was seen before. */
  reread(loc: SourceLocation): boolean {
    const last = this.last.get(loc.file) ?? 0;
    if (loc.record <= last) return true;
    this.last.set(loc.file, loc.record);
    return false;
  }
}

function ambiguousEntry(
  loc: SourceLocation,
  sourceId: string,
  value: Record<string, unknown>,
  id: string,
  outcome: { candidates: string[]; reason: string },
): AmbiguousRecord {
  return {
    file: loc.file,
    line: loc.line,
    path: loc.path,
    sourceId,
    name: String(value.name ?? sourceId),
    candidates: outcome.candidates,
    id,
    reason: outcome.reason,
  };
}

/** The report as lines for the terminal. */
export function formatResolution(report: ResolutionReport): string[] {
  const lines = [
    `Resolution: ${report.matched} matched existing entities (${report.matchedByIdentifier} by identifier, ${report.matchedByName} by name or synonym), ` +
      `${report.created} new, ${report.merged} merged within the source, ${report.ambiguous} ambiguous.`,
    `Relationships: ${report.relationships} kept, ${report.endpointsRewritten} endpoints rewritten onto existing entities, ` +
      `${report.duplicateRelationships} duplicates dropped, ${report.unresolvedEndpoints} endpoints unresolved.`,
  ];
  for (const a of report.ambiguousRecords) {
    lines.push(
      `  ambiguous ${a.file}:${a.line} ${a.path} "${a.name}" (${a.sourceId}): ${a.reason} (${a.candidates.join(', ')}); kept as ${a.id}`,
    );
  }
  if (report.ambiguous > report.ambiguousRecords.length) {
    lines.push(`  … and ${report.ambiguous - report.ambiguousRecords.length} more ambiguous records`);
  }
  return lines;
}
