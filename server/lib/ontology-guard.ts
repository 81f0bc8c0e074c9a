/**
 * Labels and relationship types cannot be Cypher parameters; where a query must
 * interpolate them they are first checked against the ontology lists here.
 */
import {
  ENTITY_LABEL,
  NODE_LABELS,
  RELATIONSHIP_TYPES,
  RESISTANCE_LABEL,
  type NodeLabel,
  type RelationshipType,
} from '../../ontology/index.js';

const REL_TYPES = new Set<string>(RELATIONSHIP_TYPES);
const LABELS = new Set<string>([...NODE_LABELS, RESISTANCE_LABEL, ENTITY_LABEL]);

export function isRelationshipType(t: string): t is RelationshipType {
  return REL_TYPES.has(t);
}

export function isNodeLabel(l: string): l is NodeLabel {
  return LABELS.has(l);
}

/** `r:A|B` for a relationship pattern; `r` alone when no filter. Throws on unknown types. */
export function relTypePattern(types: readonly string[] | undefined, variable = 'r'): string {
  if (!types || types.length === 0) return variable;
  for (const t of types) {
    if (!isRelationshipType(t)) throw new Error(`Not an ontology relationship type: ${t}`);
  }
  return `${variable}:${types.join('|')}`;
}
