/**
 * GET /api/health: is Neo4j reachable, which server, how big is the graph. It runs on
 * the database layer's own small probe pool with a deadline, so it answers within about
 * a second (503 with a reason) even while user queries hold the main pool.
 */
import { latestLoads, loadProblem, type LoadRecord } from '../../ingest/load-record.js';
import type { GraphDb } from '../db/graph-db.js';

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

/** The whole check, connection included, must finish within this. */
export const HEALTH_DEADLINE_MS = 900;

export async function health(db: GraphDb, deadlineMs = HEALTH_DEADLINE_MS): Promise<Health> {
  const neo4j = { uri: db.uri, database: db.database };
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Neo4j did not answer the health check within ${deadlineMs} ms`)),
      deadlineMs,
    );
  });
  const probe = db.probe(Math.max(100, deadlineMs - 200), latestLoads);
  probe.catch(() => {}); // settled late after a deadline: nothing to report any more
  try {
    const { info, nodes, relationships, extra: loads = [] } = await Promise.race([probe, deadline]);
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
    return {
      status: 'unavailable',
      neo4j: { ...neo4j, reachable: false },
      nodes: null,
      relationships: null,
      error: 'Neo4j unavailable',
      reason: err instanceof Error ? err.message : String(err),
    };
  } finally {
    clearTimeout(timer);
  }
}
