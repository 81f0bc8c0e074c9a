/**
 * The load record: one `(:AtlasLoad)` node per run of the builder (not an Entity, so it is
 * never part of the knowledge graph): dataset, runId, started, finished, status
 * (`running`, `finished`, `failed`), counts, the checksum of each source file, and the
 * error of a failed run. A `running` record whose process is gone is an interrupted load:
 * the next run of that dataset resumes (MERGE) and finishes it.
 */
import { randomUUID } from 'node:crypto';
import type { Driver, ManagedTransaction, Transaction } from 'neo4j-driver';

export const LOAD_LABEL = 'AtlasLoad';

export type LoadStatus = 'running' | 'finished' | 'failed';

export interface LoadRecord {
  dataset: string;
  runId: string;
  status: LoadStatus;
  started: string;
  finished?: string;
  /** JSON: nodes/relationships written and removed, per label and type. */
  counts?: Record<string, unknown>;
  /** file (relative to the folder) → sha-256 of its bytes, plus `(config)` for manifest and options. */
  files?: Record<string, string>;
  error?: string;
}

type Tx = Pick<ManagedTransaction | Transaction, 'run'>;

function fromProps(p: Record<string, unknown>): LoadRecord {
  const parse = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as Record<string, unknown>) : undefined);
  return {
    dataset: String(p.dataset),
    runId: String(p.runId),
    status: p.status as LoadStatus,
    started: String(p.started),
    finished: typeof p.finished === 'string' ? p.finished : undefined,
    counts: parse(p.counts),
    files: parse(p.files) as Record<string, string> | undefined,
    error: typeof p.error === 'string' ? p.error : undefined,
  };
}

/** The newest load of every dataset: what `/api/health` reports. */
export async function latestLoads(tx: Tx): Promise<LoadRecord[]> {
  const result = await tx.run(
    `MATCH (l:${LOAD_LABEL})
     WITH l ORDER BY l.started DESC
     WITH l.dataset AS dataset, collect(l)[0] AS latest
     RETURN properties(latest) AS p ORDER BY dataset`,
  );
  return result.records.map((r) => fromProps(r.get('p') as Record<string, unknown>));
}

/** Loads of a dataset, newest first. */
export async function loadsOf(driver: Driver, database: string, dataset: string, limit = 20): Promise<LoadRecord[]> {
  const result = await driver.executeQuery(
    `MATCH (l:${LOAD_LABEL} {dataset: $dataset}) RETURN properties(l) AS p ORDER BY l.started DESC LIMIT toInteger($limit)`,
    { dataset, limit },
    { database },
  );
  return result.records.map((r) => fromProps(r.get('p') as Record<string, unknown>));
}

export async function startLoad(
  driver: Driver,
  database: string,
  dataset: string,
  files: Record<string, string>,
): Promise<LoadRecord> {
  const record: LoadRecord = {
    dataset,
    runId: randomUUID(),
    status: 'running',
    started: new Date().toISOString(),
    files,
  };
  await driver.executeQuery(
    `CREATE (:${LOAD_LABEL} {dataset: $dataset, runId: $runId, status: 'running', started: $started, files: $files})`,
    { dataset, runId: record.runId, started: record.started, files: JSON.stringify(files) },
    { database },
  );
  return record;
}

export async function endLoad(
  driver: Driver,
  database: string,
  record: LoadRecord,
  outcome: { status: 'finished'; counts: Record<string, unknown> } | { status: 'failed'; error: string },
): Promise<void> {
  await driver.executeQuery(
    `MATCH (l:${LOAD_LABEL} {runId: $runId})
     SET l.status = $status, l.finished = $finished, l.counts = $counts, l.error = $error`,
    {
      runId: record.runId,
      status: outcome.status,
      finished: new Date().toISOString(),
      counts: outcome.status === 'finished' ? JSON.stringify(outcome.counts) : null,
      error: outcome.status === 'failed' ? outcome.error : null,
    },
    { database },
  );
}

/** A one-line summary of unfinished or failed loads for health; null when all finished. */
export function loadProblem(loads: LoadRecord[]): string | null {
  const bad = loads.filter((l) => l.status !== 'finished');
  if (bad.length === 0) return null;
  return bad
    .map((l) =>
      l.status === 'running'
        ? `load of dataset "${l.dataset}" started ${l.started} has not finished (still running, or interrupted: run the same ingest again to complete it)`
        : `load of dataset "${l.dataset}" failed at ${l.finished ?? '?'}: ${l.error ?? 'unknown error'}`,
    )
    .join('; ');
}
