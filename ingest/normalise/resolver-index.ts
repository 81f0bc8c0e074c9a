/**
 * A compact index for resolution: key → id(s) and id → label, nothing else. Keys are
 * identifier keys (`drugbank:db09035`), atlas id keys and name keys (see keys.ts). Fed
 * from the graph in batches (from-graph.ts) or from records; memory grows with the
 * number of distinct names and identifiers, not with record size.
 */
import { IDENTIFIER_PROPERTIES, atlasIdKey, identifierKey, nameKey } from './keys.js';

/** What the index needs of an entity. */
export interface IndexedEntity {
  id: string;
  label: string;
  name?: unknown;
  synonyms?: unknown;
  /** Free identifiers (CURIEs or bare). */
  identifiers?: unknown;
  /** Identifier properties by name (drugbankId, chemblId, nctId, symbol…). */
  [property: string]: unknown;
}

function stringsOf(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];
}

export class ResolverIndex {
  /** A single id, or a set when several entities share the key. */
  private readonly byKey = new Map<string, string | Set<string>>();
  private readonly labels = new Map<string, string>();

  get size(): number {
    return this.labels.size;
  }

  has(id: string): boolean {
    return this.labels.has(id);
  }

  labelOf(id: string): string | undefined {
    return this.labels.get(id);
  }

  private put(key: string, id: string): void {
    const current = this.byKey.get(key);
    if (current === undefined) this.byKey.set(key, id);
    else if (typeof current === 'string') {
      if (current !== id) this.byKey.set(key, new Set([current, id]));
    } else current.add(id);
  }

  /** Ids under a key (possibly several). */
  lookup(key: string): string[] {
    const v = this.byKey.get(key);
    return v === undefined ? [] : typeof v === 'string' ? [v] : [...v];
  }

  /** Identifier keys of an entity: its atlas id, identifier properties, free identifiers. */
  static identifierKeys(entity: IndexedEntity): string[] {
    const keys = [atlasIdKey(entity.id)];
    for (const [property, namespace] of Object.entries(IDENTIFIER_PROPERTIES)) {
      for (const value of stringsOf(entity[property])) {
        const key = identifierKey(value, namespace);
        if (key) keys.push(key);
      }
    }
    for (const value of stringsOf(entity.identifiers)) {
      const key = identifierKey(value);
      if (key) keys.push(key);
    }
    return keys;
  }

  static nameKeys(entity: IndexedEntity): string[] {
    return [...stringsOf(entity.name), ...stringsOf(entity.synonyms)]
      .map((n) => nameKey(n))
      .filter((k) => k.length > 0)
      .map((k) => `name:${k}`);
  }

  /** Only the entity's atlas id: for an ambiguous record, whose identifiers name others. */
  addIdOnly(entity: { id: string; label: string }): void {
    this.labels.set(entity.id, entity.label);
    this.put(atlasIdKey(entity.id), entity.id);
  }

  add(entity: IndexedEntity): void {
    this.labels.set(entity.id, entity.label);
    for (const key of ResolverIndex.identifierKeys(entity)) this.put(key, entity.id);
    for (const key of ResolverIndex.nameKeys(entity)) this.put(key, entity.id);
  }
}
