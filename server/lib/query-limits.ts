/**
 * Bounds checked before a user query reaches Neo4j: its length, how deeply its
 * brackets nest (Neo4j's parser needs minutes for a few hundred nested brackets, and
 * the transaction timeout does not cover parsing), and the shape of its parameters.
 */
import { maxNesting, type Token } from './cypher-lexer.js';

export interface QueryLimits {
  /** Characters in the query text. */
  maxQueryLength: number;
  /** Nesting of (), [] and {} in the query text. */
  maxNesting: number;
  /** Nesting of lists and maps in the parameters. */
  maxParamDepth: number;
  /** Serialised size of the parameters, in bytes of JSON. */
  maxParamBytes: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxQueryLength: 8_000,
  maxNesting: 32,
  maxParamDepth: 16,
  maxParamBytes: 1_000_000,
};

export function queryTextViolation(query: string, limits: QueryLimits): string | undefined {
  if (query.length > limits.maxQueryLength) {
    return `The query is ${query.length} characters long; the limit is ${limits.maxQueryLength}.`;
  }
  return undefined;
}

export function nestingViolation(tokens: readonly Token[], limits: QueryLimits): string | undefined {
  const depth = maxNesting(tokens);
  if (depth > limits.maxNesting) {
    return `Brackets in the query nest ${depth} deep; the limit is ${limits.maxNesting}.`;
  }
  return undefined;
}

/**
 * Why the parameters are refused, naming the first offending path (`params.a[3].b`),
 * or undefined. Walks iteratively and stops at the first value past the depth limit,
 * so a hostile document costs no recursion.
 */
export function paramsViolation(params: unknown, limits: QueryLimits): string | undefined {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value: params, depth: 0, path: 'params' }];
  while (stack.length) {
    const { value, depth, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= limits.maxParamDepth) {
      return `${path} nests lists and maps more than ${limits.maxParamDepth} deep.`;
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) stack.push({ value: value[i], depth: depth + 1, path: `${path}[${i}]` });
    } else for (const [k, v] of Object.entries(value)) stack.push({ value: v, depth: depth + 1, path: `${path}.${k}` });
  }
  const bytes = Buffer.byteLength(JSON.stringify(params) ?? '');
  if (bytes > limits.maxParamBytes) return `params is ${bytes} bytes of JSON; the limit is ${limits.maxParamBytes}.`;
  return undefined;
}
