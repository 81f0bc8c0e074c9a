/**
 * Labels and relationship types cannot be Cypher parameters; where a query must
 * interpolate them they are first checked against the ontology lists here.
 */
import {
  ENTITY_LABEL,
  RESISTANCE_LABEL,
  isRelationshipType,
  isTypeLabel,
  type NodeLabel,
} from '../../ontology/index.js';

export { isRelationshipType };

/** A type label, or one of the two labels every query may also name. */
export function isNodeLabel(l: string): l is NodeLabel {
  return isTypeLabel(l) || l === RESISTANCE_LABEL || l === ENTITY_LABEL;
}

/** `r:A|B` for a relationship pattern; `r` alone when no filter. Throws on unknown types. */
export function relTypePattern(types: readonly string[] | undefined, variable = 'r'): string {
  if (!types || types.length === 0) return variable;
  for (const t of types) {
    if (!isRelationshipType(t)) throw new Error(`Not an ontology relationship type: ${t}`);
  }
  return `${variable}:${types.join('|')}`;
}
