/**
 * A load killed mid-batch (kill -9, a lost connection) leaves its open transaction on the
 * server until Neo4j has rolled it back, and that transaction keeps its locks. A rerun that
 * starts writing at once waits on those locks, and its first batch can run into the
 * transaction time limit. Every write transaction of a load is tagged with metadata naming
 * the dataset (`INGEST_METADATA`); before writing, a load waits until no tagged transaction
 * of its dataset is left, and says so while it waits.
 */
import type { Driver } from 'neo4j-driver';

export const INGEST_TAG = 'atlas-ingest';

/** Transaction metadata for a load's writes (visible in SHOW TRANSACTIONS). */
export function ingestMetadata(dataset: string, runId: string): Record<string, string> {
  return { app: INGEST_TAG, dataset, runId };
}

export class InterruptedLoadError extends Error {
  override name = 'InterruptedLoadError';
}

/** Open write transactions of an earlier load of `dataset` (none of `runId`'s own). */
export async function openIngestTransactions(
  driver: Driver,
  database: string,
  dataset: string,
  runId?: string,
): Promise<number> {
  const { records } = await driver.executeQuery(
    `SHOW TRANSACTIONS YIELD metaData
     WHERE metaData.app = $tag AND metaData.dataset = $dataset AND ($runId IS NULL OR metaData.runId <> $runId)
     RETURN count(*) AS open`,
    { tag: INGEST_TAG, dataset, runId: runId ?? null },
    { database },
  );
  return Number(records[0]?.get('open') ?? 0);
}

/**
 * Waits (polling every `pollMs`) until no earlier load of `dataset` has a transaction open;
 * throws after `timeoutMs` with what to do. Returns how long it waited.
 */
export async function waitForInterruptedLoads(
  driver: Driver,
  database: string,
  dataset: string,
  options: { runId?: string; timeoutMs?: number; pollMs?: number; log?: (message: string) => void } = {},
): Promise<number> {
  const t0 = Date.now();
  const timeout = options.timeoutMs ?? 120_000;
  let told = false;
  for (;;) {
    let open: number;
    try {
      open = await openIngestTransactions(driver, database, dataset, options.runId);
    } catch (err) {
      // A server or user that may not list transactions: load as before (a lock wait is
      // then retried by the writer, and a time limit named).
      options.log?.(`could not check for an interrupted load's transactions: ${(err as Error).message}`);
      return Date.now() - t0;
    }
    if (open === 0) return Date.now() - t0;
    if (!told) {
      options.log?.(
        `waiting for ${open} transaction(s) of an interrupted load of "${dataset}" to finish rolling back on the server…`,
      );
      told = true;
    }
    if (Date.now() - t0 > timeout) {
      throw new InterruptedLoadError(
        `${open} transaction(s) of an earlier load of "${dataset}" are still open on the server after ${Math.round(timeout / 1000)} s ` +
          '(another ingest of this dataset may be running). Wait for it to finish, or end them with ' +
          "SHOW TRANSACTIONS YIELD transactionId, metaData WHERE metaData.app = 'atlas-ingest' and TERMINATE TRANSACTION, then rerun.",
      );
    }
    await new Promise((r) => setTimeout(r, options.pollMs ?? 500));
  }
}
