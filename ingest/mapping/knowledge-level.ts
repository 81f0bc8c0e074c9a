/**
 * A default claim kind (`assertion`) for an imported relationship from its KGX/Biolink
 * `knowledge_level`, used only when the source (or the mapping) gives no `assertion`:
 * a knowledge assertion or logical entailment is stated as settled, an observation was
 * measured, a statistical association is an association, a prediction a hypothesis.
 * `not_provided` and unknown levels give none (validation then asks for one where the
 * type requires it), as does a level whose claim kind the relationship type does not allow.
 */
import { ASSERTIONS, ASSERTIONS_ALLOWED, type Assertion, type RelationshipType } from '../../ontology/index.js';

export const KNOWLEDGE_LEVEL_FIELD = 'knowledge_level';

const BY_LEVEL: Record<string, Assertion> = {
  knowledge_assertion: 'established',
  logical_entailment: 'established',
  observation: 'measured',
  statistical_association: 'association',
  prediction: 'hypothesis',
};

export function assertionFromKnowledgeLevel(level: unknown, type: string): Assertion | undefined {
  if (typeof level !== 'string') return undefined;
  const assertion = BY_LEVEL[level.trim().toLowerCase()];
  if (!assertion) return undefined;
  const allowed = ASSERTIONS_ALLOWED[type as RelationshipType] ?? ASSERTIONS;
  return allowed.includes(assertion) ? assertion : undefined;
}
