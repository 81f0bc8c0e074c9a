/**
 * Read-only Cypher for researchers (POST /api/cypher and saved questions). In order:
 *  1. bounds on the text and parameters (length, bracket nesting, parameter depth/size);
 *  2. the lexer's fast filter (control characters, write clauses, LOAD CSV, USE…) and
 *     the pre-parser allow-list (only `CYPHER 5`);
 *  3. EXPLAIN in a READ transaction, and Neo4j's plan must pass lib/plan-guard.ts:
 *     query type 'r', read operators only, procedures from a read-only list;
 *  4. only then the query itself runs, in the same READ transaction, with a timeout,
 *     a row cap and a byte cap measured while rows stream in.
 * Nothing runs that has not passed 3: a syntax error from EXPLAIN is restated for the
 * query as sent, never obtained by running the query.
 */
import { Neo4jError, type ManagedTransaction, type Node, type Record as Neo4jRecord } from 'neo4j-driver';
import type { Subgraph } from '../../ontology/index.js';
import { QueryLimitError, ReadOnlyViolation } from '../errors.js';
import { GraphCollector, rowValue } from '../db/convert.js';
import { toCypherParams, type GraphDb } from '../db/graph-db.js';
import { CypherLexError, tokenize, type Token } from '../lib/cypher-lexer.js';
import { planViolation, type PlanSummary } from '../lib/plan-guard.js';
import { explainPlan, restateExplainError, type ExplainPlan } from '../lib/preparser.js';
import {
  DEFAULT_QUERY_LIMITS,
  nestingViolation,
  paramsViolation,
  queryTextViolation,
  type QueryLimits,
} from '../lib/query-limits.js';
import { staticReadOnlyViolation } from '../lib/read-only.js';
import { ResponseBudget } from '../lib/response-budget.js';

export interface CypherOptions extends QueryLimits {
  timeoutMs: number;
  maxRows: number;
  /** Serialised rows plus the graph they contain, in bytes. */
  maxBytes: number;
  /** User queries running at once; more get 429 (see lib/concurrency-limit.ts). */
  maxConcurrent: number;
  /** Records pulled from Neo4j per batch, so a huge result is never buffered whole. */
  fetchSize: number;
}

export const DEFAULT_CYPHER_OPTIONS: CypherOptions = {
  timeoutMs: 15_000,
  maxRows: 1_000,
  maxBytes: 5 * 1024 * 1024,
  maxConcurrent: 4,
  fetchSize: 50,
  ...DEFAULT_QUERY_LIMITS,
};

/** Why a result is shorter than the query's: the row cap or the byte cap. */
export type Truncation =
  | false
  | { reason: 'rows'; limit: number; rows: number }
  | { reason: 'bytes'; limit: number; rows: number; bytes: number };

export interface CypherResult {
  columns: string[];
  rows: Record<string, unknown>[];
  graph: Subgraph;
  /** false, or why and where the rows were cut (truthy, so `if (truncated)` still works). */
  truncated: Truncation;
  elapsedMs: number;
}

/** Checks that need no database; throws the matching 400. Returns the EXPLAIN form. */
export function checkQueryText(query: string, params: Record<string, unknown>, limits: QueryLimits): ExplainPlan {
  const tooLong = queryTextViolation(query, limits);
  if (tooLong) throw new QueryLimitError(tooLong, 'query');
  const badParams = paramsViolation(params, limits);
  if (badParams) throw new QueryLimitError(badParams, 'params');
  let tokens: Token[];
  try {
    tokens = tokenize(query);
  } catch (err) {
    if (err instanceof CypherLexError) throw new ReadOnlyViolation(err.message);
    throw err;
  }
  const tooDeep = nestingViolation(tokens, limits);
  if (tooDeep) throw new QueryLimitError(tooDeep, 'query');
  const staticReason = staticReadOnlyViolation(query);
  if (staticReason) throw new ReadOnlyViolation(staticReason);
  const plan = explainPlan(query, tokens);
  if ('violation' in plan) throw new ReadOnlyViolation(plan.violation);
  return plan;
}

/** Neo4j's plan for the query (EXPLAIN: parsed and planned, not executed). */
export async function explainSummary(
  tx: ManagedTransaction,
  query: string,
  explain: ExplainPlan,
  params: Record<string, unknown>,
): Promise<PlanSummary> {
  try {
    const summary = await tx.run(explain.text, params).summary();
    return { queryType: summary.queryType, plan: summary.plan as PlanSummary['plan'] };
  } catch (err) {
    if (err instanceof Neo4jError) err.message = restateExplainError(err.message, query, explain);
    throw err;
  }
}

/** Neo4j's classification of a query without running it: 'r', 'w', 'rw' or 's'. */
export async function explainQueryType(
  tx: ManagedTransaction,
  query: string,
  params: Record<string, unknown>,
): Promise<string> {
  const explain = explainPlan(query, tokenize(query));
  if ('violation' in explain) throw new ReadOnlyViolation(explain.violation);
  return (await explainSummary(tx, query, explain, params)).queryType ?? 'unknown';
}

/** Throws ReadOnlyViolation unless Neo4j's plan for the query is a plain read. */
export async function assertReadOnlyPlan(
  tx: ManagedTransaction,
  db: GraphDb,
  query: string,
  explain: ExplainPlan,
  params: Record<string, unknown>,
): Promise<void> {
  const reason = planViolation(await explainSummary(tx, query, explain, params), db.database);
  if (reason) throw new ReadOnlyViolation(reason);
}

export async function runReadOnlyCypher(
  db: GraphDb,
  query: string,
  rawParams: Record<string, unknown> = {},
  options: CypherOptions = DEFAULT_CYPHER_OPTIONS,
): Promise<CypherResult> {
  // Everything that needs no database runs first, so a refused query costs nothing.
  const explain = checkQueryText(query, rawParams, options);
  const params = toCypherParams(rawParams);

  const started = performance.now();
  const { columns, records, truncated, extraNodes } = await db.read(
    async (tx) => {
      await assertReadOnlyPlan(tx, db, query, explain, params);
      return streamRows(tx, query, params, options);
    },
    { timeoutMs: options.timeoutMs, fetchSize: options.fetchSize, retry: false },
  );

  const collector = new GraphCollector();
  for (const r of records) for (const v of r.values()) collector.add(v);
  for (const n of extraNodes) collector.add(n);
  const ids = collector.idMap();
  const rows = records.map((r) => Object.fromEntries(columns.map((c) => [c, rowValue(r.get(c), ids)])));
  return {
    columns,
    rows,
    graph: collector.subgraph(),
    truncated,
    elapsedMs: Math.round(performance.now() - started),
  };
}

async function streamRows(
  tx: ManagedTransaction,
  query: string,
  params: Record<string, unknown>,
  options: CypherOptions,
): Promise<{ columns: string[]; records: Neo4jRecord[]; truncated: Truncation; extraNodes: Node[] }> {
  const result = tx.run(query, params);
  const columns = await result.keys();
  const records: Neo4jRecord[] = [];
  const budget = new ResponseBudget(options.maxBytes);
  let truncated: Truncation = false;
  // Breaking out of the loop cancels the rest of the stream.
  for await (const record of result) {
    if (records.length >= options.maxRows) {
      truncated = { reason: 'rows', limit: options.maxRows, rows: records.length };
      break;
    }
    if (!budget.admit([...record.values()])) {
      truncated = { reason: 'bytes', limit: options.maxBytes, rows: records.length, bytes: budget.bytes };
      break;
    }
    records.push(record);
  }
  // Relationships whose end nodes the query did not return still need those nodes,
  // or the viewer would get dangling edges.
  const collector = new GraphCollector();
  for (const r of records) for (const v of r.values()) collector.add(v);
  const missing = collector.missingEndpoints();
  const extraNodes = missing.length
    ? (await tx.run('MATCH (n) WHERE elementId(n) IN $ids RETURN n', { ids: missing })).records.map(
        (r) => r.get('n') as Node,
      )
    : [];
  return { columns: [...columns], records, truncated, extraNodes };
}
