/**
 * What kind of claim a relationship makes (`assertion`, issue 11): causal and approved
 * claims are drawn as usual; association, preclinical and hypothesis claims lighter and
 * thinner (sigma 3 has no dashed edge program), so a reader does not take them for causes.
 * A relationship without `assertion` is "unknown" until the data says.
 */
import {
  ASSERTIONS as ONTOLOGY_ASSERTIONS,
  WEAK_ASSERTIONS as ONTOLOGY_WEAK_ASSERTIONS,
} from '../../../ontology/index.js';

/** The ontology's claim kinds, plus "unknown" for a relationship that has none. */
export const ASSERTIONS = [...ONTOLOGY_ASSERTIONS, 'unknown'] as const;
export type Assertion = (typeof ASSERTIONS)[number];

/** Claims drawn lighter: not shown to be causes in people (the ontology's list). */
export const WEAK_ASSERTIONS: ReadonlySet<string> = new Set(ONTOLOGY_WEAK_ASSERTIONS);
export const WEAK_EDGE = '#dde1e7';
export const WEAK_EDGE_SIZE = 0.6;

export function assertionOf(data: object | undefined): string {
  const a = (data as { assertion?: unknown } | undefined)?.assertion;
  return typeof a === 'string' && a ? a : 'unknown';
}

export function isWeak(assertion: string): boolean {
  return WEAK_ASSERTIONS.has(assertion);
}
