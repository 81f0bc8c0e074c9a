/**
 * Runs the load's write queries: either all in one transaction (small datasets: all or
 * nothing), or each batch in its own explicit transaction with up to `inFlight` batches at
 * once. A batch is retried only for errors that are transient by nature (deadlock, leader
 * switch, lost connection); Neo4j's memory and time limits become a LoadLimitError that
 * names the setting and the flag that help — never a silent re-run of the whole load.
 */
import type { Driver, Session, Transaction } from 'neo4j-driver';

export class LoadLimitError extends Error {
  override name = 'LoadLimitError';
}

const RETRIABLE = [
  'Neo.TransientError.Transaction.DeadlockDetected',
  'Neo.TransientError.Transaction.LockClientStopped',
  'Neo.TransientError.Transaction.Outdated',
  'Neo.TransientError.Cluster.NotALeader',
  'Neo.ClientError.Cluster.NotALeader',
  'Neo.TransientError.General.DatabaseUnavailable',
  'ServiceUnavailable',
  'SessionExpired',
];

function codeOf(err: unknown): string {
  return String((err as { code?: unknown })?.code ?? '');
}

/**
 * Neo4j gave up waiting for a lock (db.lock.acquisition.timeout). After a client was killed
 * mid-batch, its transaction keeps its locks until the server has rolled it back, so a
 * rerun started at once can wait on them: such a batch is retried, and says so.
 */
export function isLockWait(err: unknown): boolean {
  const text = `${codeOf(err)} ${String((err as { message?: unknown })?.message ?? '')}`;
  return /LockAcquisitionTimeout|acquire lock within/i.test(text);
}

export const LOCK_WAIT_MESSAGE =
  'Neo4j could not get a lock within db.lock.acquisition.timeout, several times over: another transaction ' +
  'holds it. A load that was just interrupted may still be rolling back on the server, or another ingest is ' +
  'writing to the same nodes. Wait a minute and rerun (the load resumes where it stopped).';

/** A server limit, as a message that says what to change; undefined for other errors. */
export function limitMessage(err: unknown, batchSize: number): string | undefined {
  const code = codeOf(err);
  const text = String((err as { message?: unknown })?.message ?? '');
  if (isLockWait(err)) return LOCK_WAIT_MESSAGE;
  const smaller = Math.max(100, Math.floor(batchSize / 4));
  if (/MemoryPoolOutOfMemory|OutOfMemory|memory pool|memory\.transaction/i.test(`${code} ${text}`)) {
    return (
      `Neo4j refused a batch of ${batchSize} rows: it exceeds the transaction memory limit ` +
      `(db.memory.transaction.max / dbms.memory.transaction.total.max). Rerun with --batch-size ${smaller} ` +
      '(the load resumes where it stopped), or raise those settings.'
    );
  }
  if (/TransactionTimedOut|timed out/i.test(`${code} ${text}`)) {
    return (
      `Neo4j stopped a batch of ${batchSize} rows at its transaction time limit (--batch-timeout, or the ` +
      `server's db.transaction.timeout when that is 0). Rerun with --batch-size ${smaller} (the load resumes ` +
      'where it stopped), or give batches more time with --batch-timeout.'
    );
  }
  return undefined;
}

export function isRetriable(err: unknown): boolean {
  const code = codeOf(err);
  if (isLockWait(err)) return true;
  if (limitMessage(err, 1) !== undefined) return false;
  return RETRIABLE.includes(code);
}

export interface WriterOptions {
  /** One transaction for everything (all or nothing). */
  single: boolean;
  /** Batches in flight at once (batched mode). */
  inFlight?: number;
  batchSize: number;
  retries?: number;
  /** Transaction metadata (the load's tag, see interrupted.ts). */
  metadata?: Record<string, string>;
  /** Told when a batch is retried, with why (e.g. waiting for a lock). */
  onRetry?: (message: string) => void;
  /**
   * Time limit of each batch's transaction in ms (batched mode; default 300,000). It replaces
   * the server's db.transaction.timeout, which is meant for interactive queries (Neo4j 5.3+
   * lets a client set a longer one). 0: the server's setting.
   */
  batchTimeoutMs?: number;
  /** After this many ms a running batch is looked up in SHOW TRANSACTIONS and reported (default 20,000). */
  slowBatchMs?: number;
  /** Told what a slow batch is doing (status, lock waits, CPU time). */
  onSlowBatch?: (message: string) => void;
}

export const DEFAULT_BATCH_TIMEOUT_MS = 300_000;

export interface Statement {
  query: string;
  params: Record<string, unknown>;
  /** Used instead of `query` when a batch is retried (e.g. MERGE instead of CREATE). */
  retryQuery?: string;
  /** Called with the records' first column summed (rows written), after commit. */
  onDone?: (written: number) => void;
}

export class Writer {
  private readonly sessions: Session[] = [];
  private readonly free: Session[] = [];
  private readonly pending = new Set<Promise<void>>();
  private singleTx: Transaction | null = null;
  private failure: unknown = null;
  private sequence = 0;
  retried = 0;

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    readonly options: WriterOptions,
  ) {}

  private session(): Session {
    const s = this.free.pop() ?? this.driver.session({ database: this.database });
    if (!this.sessions.includes(s)) this.sessions.push(s);
    return s;
  }

  /** Queues a statement; waits while `inFlight` batches are already running. */
  async write(statement: Statement): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.options.single) {
      this.singleTx ??= this.session().beginTransaction({ metadata: this.options.metadata });
      try {
        const result = await this.singleTx.run(statement.query, statement.params);
        statement.onDone?.(sumFirst(result.records));
      } catch (err) {
        throw this.translate(err);
      }
      return;
    }
    while (this.pending.size >= (this.options.inFlight ?? 1)) await Promise.race(this.pending);
    if (this.failure) throw this.failure;
    const session = this.session();
    const run = this.runBatch(session, statement)
      .catch((err: unknown) => {
        this.failure ??= err;
      })
      .finally(() => {
        this.pending.delete(run);
        this.free.push(session);
      });
    this.pending.add(run);
  }

  private async runBatch(session: Session, statement: Statement): Promise<void> {
    const retries = this.options.retries ?? 5;
    const timeout = this.options.batchTimeoutMs ?? DEFAULT_BATCH_TIMEOUT_MS;
    for (let attempt = 0; ; attempt++) {
      const batch = String(++this.sequence);
      const tx = session.beginTransaction({
        metadata: { ...this.options.metadata, batch },
        ...(timeout > 0 ? { timeout } : {}),
      });
      const watch = this.watch(batch);
      try {
        const query = attempt > 0 && statement.retryQuery ? statement.retryQuery : statement.query;
        const result = await tx.run(query, statement.params);
        await tx.commit();
        statement.onDone?.(sumFirst(result.records));
        return;
      } catch (err) {
        await tx.rollback().catch(() => {});
        if (attempt < retries && isRetriable(err)) {
          this.retried++;
          this.options.onRetry?.(
            isLockWait(err)
              ? `a batch waited for a lock another transaction holds (an interrupted load still rolling back?); retrying (${attempt + 1} of ${retries})`
              : `a batch hit ${codeOf(err) || 'a transient error'}; retrying (${attempt + 1} of ${retries})`,
          );
          await new Promise((r) => setTimeout(r, 50 * 2 ** attempt + Math.random() * 50));
          continue;
        }
        throw this.translate(err);
      } finally {
        watch.stop();
      }
    }
  }

  /**
   * Reports a batch still running after `slowBatchMs`, and every `slowBatchMs` after that,
   * with what SHOW TRANSACTIONS says it is doing: a batch blocked by another transaction's
   * locks reads differently from one that is busy or waiting for its rows.
   */
  private watch(batch: string): { stop: () => void } {
    const report = this.options.onSlowBatch;
    const every = this.options.slowBatchMs ?? 20_000;
    if (!report || this.options.single) return { stop: () => {} };
    const t0 = Date.now();
    const timer = setInterval(() => {
      describeBatch(this.driver, this.database, this.options.metadata?.runId, batch).then(
        (state) => report(`a batch has been running for ${Math.round((Date.now() - t0) / 1000)} s: ${state}`),
        () => {},
      );
    }, every);
    timer.unref();
    return { stop: () => clearInterval(timer) };
  }

  private translate(err: unknown): unknown {
    const message = limitMessage(err, this.options.batchSize);
    return message ? new LoadLimitError(message, { cause: err }) : err;
  }

  /** Waits for every batch in flight; rethrows the first failure. */
  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.race(this.pending);
    if (this.failure) throw this.failure;
  }

  /** Drains and commits (single mode), then closes the sessions. */
  async commit(): Promise<void> {
    try {
      await this.drain();
      if (this.singleTx) {
        try {
          await this.singleTx.commit();
        } catch (err) {
          throw this.translate(err);
        }
      }
    } finally {
      await this.close();
    }
  }

  /** Rolls back what is uncommitted (single mode: everything) and closes. */
  async abort(): Promise<void> {
    await Promise.allSettled([...this.pending]);
    if (this.singleTx?.isOpen()) await this.singleTx.rollback().catch(() => {});
    await this.close();
  }

  private async close(): Promise<void> {
    await Promise.all(this.sessions.map((s) => s.close().catch(() => {})));
    this.sessions.length = 0;
    this.free.length = 0;
  }
}

function sumFirst(records: Array<{ get(i: number): unknown }>): number {
  let n = 0;
  for (const r of records) n += Number(r.get(0));
  return n;
}

/** What SHOW TRANSACTIONS says about batch `batch` of run `runId`, in a few words. */
async function describeBatch(
  driver: Driver,
  database: string,
  runId: string | undefined,
  batch: string,
): Promise<string> {
  const { records } = await driver.executeQuery(
    `SHOW TRANSACTIONS YIELD metaData, status, cpuTime, waitTime, idleTime, activeLockCount
     WHERE metaData.runId = $runId AND metaData.batch = $batch
     RETURN status, cpuTime.milliseconds AS cpu, waitTime.milliseconds AS wait,
            idleTime.milliseconds AS idle, activeLockCount AS locks`,
    { runId: runId ?? null, batch },
    { database },
  );
  const r = records[0];
  if (!r) return 'not listed by SHOW TRANSACTIONS (committing or rolling back)';
  // CPU and idle time are null unless the server tracks them.
  const part = (label: string, key: string) => {
    const v = r.get(key);
    return v === null || v === undefined ? [] : [`${label} ${(Number(v) / 1000).toFixed(1)} s`];
  };
  return [
    `status ${String(r.get('status'))}`,
    ...part('waiting for locks', 'wait'),
    ...part('CPU', 'cpu'),
    ...part('idle', 'idle'),
    `${String(r.get('locks'))} locks held`,
  ].join(', ');
}
