/**
 * Read-only Cypher for researchers (POST /api/cypher and saved questions): refuse
 * anything that is not a plain read, then run it in a READ transaction with a
 * server-side timeout and a row cap, and render rows plus the graph they contain.
 */
import type { ManagedTransaction, Node, Record as Neo4jRecord } from 'neo4j-driver';
import type { Subgraph } from '../../ontology/index.js';
import { ReadOnlyViolation } from '../errors.js';
import { GraphCollector, rowValue } from '../db/convert.js';
import { toCypherParams, type GraphDb } from '../db/graph-db.js';
import { queryTypeViolation, staticReadOnlyViolation } from '../lib/read-only.js';

export interface CypherOptions {
  timeoutMs: number;
  maxRows: number;
}

export const DEFAULT_CYPHER_OPTIONS: CypherOptions = { timeoutMs: 15_000, maxRows: 1_000 };

export interface CypherResult {
  columns: string[];
  rows: Record<string, unknown>[];
  graph: Subgraph;
  truncated: boolean;
  elapsedMs: number;
}

/** EXPLAIN goes after any `CYPHER …` pre-parser options, where Neo4j expects it. */
export function explainQuery(query: string): string {
  const m = /^(\s*CYPHER(?:\s+[\w.]+\s*=\s*[\w.]+|\s+\d+(?:\.\d+)?)*\s)/i.exec(query);
  return m ? `${m[1]}EXPLAIN ${query.slice(m[1]!.length)}` : `EXPLAIN ${query}`;
}

/** Neo4j's classification of a query without running it: 'r', 'w', 'rw' or 's'. */
export async function explainQueryType(
  tx: ManagedTransaction,
  query: string,
  params: Record<string, unknown>,
): Promise<string> {
  const summary = await tx.run(explainQuery(query), params).summary();
  return summary.queryType;
}

/** Throws ReadOnlyViolation unless the static checks and Neo4j's EXPLAIN both say "read". */
export async function assertReadOnly(
  tx: ManagedTransaction,
  query: string,
  params: Record<string, unknown>,
): Promise<void> {
  const staticReason = staticReadOnlyViolation(query);
  if (staticReason) throw new ReadOnlyViolation(staticReason);
  const typeReason = queryTypeViolation(await explainQueryType(tx, query, params));
  if (typeReason) throw new ReadOnlyViolation(typeReason);
}

export async function runReadOnlyCypher(
  db: GraphDb,
  query: string,
  rawParams: Record<string, unknown> = {},
  options: CypherOptions = DEFAULT_CYPHER_OPTIONS,
): Promise<CypherResult> {
  const params = toCypherParams(rawParams);
  // The static check runs before touching the database, so a refused query costs nothing.
  const staticReason = staticReadOnlyViolation(query);
  if (staticReason) throw new ReadOnlyViolation(staticReason);

  const started = performance.now();
  const { columns, records, truncated, extraNodes } = await readRows(db, query, params, options).catch(
    async (err: unknown) => {
      // A syntax error found by EXPLAIN quotes the query with our "EXPLAIN " in front and
      // offsets shifted by it. Parsing the query as sent reproduces Neo4j's message
      // exactly; it cannot execute anything because it does not parse (and it is a READ
      // transaction besides).
      if ((err as { code?: string }).code === 'Neo.ClientError.Statement.SyntaxError') {
        await db.query(query, params, { timeoutMs: options.timeoutMs });
      }
      throw err;
    },
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

async function readRows(db: GraphDb, query: string, params: Record<string, unknown>, options: CypherOptions) {
  return db.read(
    async (tx) => {
      await assertReadOnly(tx, query, params);
      const result = tx.run(query, params);
      const columns = await result.keys();
      const records: Neo4jRecord[] = [];
      let truncated = false;
      for await (const record of result) {
        if (records.length >= options.maxRows) {
          truncated = true; // breaking out cancels the rest of the stream
          break;
        }
        records.push(record);
      }
      // Relationships whose end nodes the query did not return still need those
      // nodes, or the viewer would get dangling edges.
      const collector = new GraphCollector();
      for (const r of records) for (const v of r.values()) collector.add(v);
      const missing = collector.missingEndpoints();
      const extraNodes = missing.length
        ? (await tx.run('MATCH (n) WHERE elementId(n) IN $ids RETURN n', { ids: missing })).records.map(
            (r) => r.get('n') as Node,
          )
        : [];
      return { columns: [...columns], records, truncated, extraNodes };
    },
    { timeoutMs: options.timeoutMs },
  );
}
