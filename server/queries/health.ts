/** GET /api/health: is Neo4j reachable, which server, how big is the graph. */
import { latestLoads, loadProblem, type LoadRecord } from '../../ingest/load-record.js';
import type { GraphDb } from '../db/graph-db.js';
import { isUnavailable } from '../errors.js';

export interface Health {
  status: 'ok' | 'unavailable';
  neo4j: { uri: string; database: string; reachable: boolean; version?: string; agent?: string };
  nodes: number | null;
  relationships: number | null;
  /** The newest load of each dataset (ingest's load records). */
  loads?: Array<Pick<LoadRecord, 'dataset' | 'runId' | 'status' | 'started' | 'finished' | 'error'>>;
  /** Set while a load is unfinished (running or interrupted) or has failed. */
  loadWarning?: string;
  error?: string;
  reason?: string;
}

export async function health(db: GraphDb): Promise<Health> {
  const neo4j = { uri: db.uri, database: db.database };
  try {
    // getServerInfo makes one connection attempt without retries, so a dead database
    // is reported within the driver's connection timeout.
    const info = await db.serverInfo();
    // Both counts come from Neo4j's count store: constant time at any size.
    const [nodes, relationships, loads] = await db.read(async (tx) => {
      const n = await tx.run('MATCH (n) RETURN count(n) AS c');
      const r = await tx.run('MATCH ()-[r]->() RETURN count(r) AS c');
      return [Number(n.records[0]?.get('c') ?? 0), Number(r.records[0]?.get('c') ?? 0), await latestLoads(tx)] as const;
    });
    const loadWarning = loadProblem(loads);
    return {
      status: 'ok',
      neo4j: { ...neo4j, reachable: true, version: info.version, agent: info.agent },
      nodes,
      relationships,
      loads: loads.map(({ dataset, runId, status, started, finished, error }) => ({
        dataset,
        runId,
        status,
        started,
        finished,
        error,
      })),
      ...(loadWarning ? { loadWarning } : {}),
    };
  } catch (err) {
    if (!isUnavailable(err)) throw err;
    return {
      status: 'unavailable',
      neo4j: { ...neo4j, reachable: false },
      nodes: null,
      relationships: null,
      error: 'Neo4j unavailable',
      reason: err instanceof Error ? err.message : String(err),
    };
  }
}
