/** The validated, normalised records the loader writes. */
import type { NodeLabel, RelationshipType } from '../ontology/index.js';
import type { SourceLocation } from './source.js';

export type PropertyValue = string | number | boolean | string[] | number[] | boolean[];
export type Location = SourceLocation;

export interface NodeRecord {
  id: string;
  label: NodeLabel;
  resistance: boolean;
  props: Record<string, PropertyValue>;
  loc?: Location;
}

export interface RelationshipRecord {
  /** Unique per relationship within its dataset: from|TYPE|to[|key]. */
  key: string;
  type: RelationshipType;
  from: string;
  to: string;
  props: Record<string, PropertyValue>;
  loc?: Location;
}

export interface Dataset {
  nodes: NodeRecord[];
  relationships: RelationshipRecord[];
  files: string[];
}

export function countBy<T>(items: Iterable<T>, key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return sortedCounts(counts);
}

export function sortedCounts(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}
