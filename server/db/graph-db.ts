/**
 * The server's only door to Neo4j: one driver, one database name, read transactions.
 * Every query goes through `read` (session.executeRead with `database` set), so the
 * same code routes correctly on a single instance, Aura and a cluster.
 */
import neo4j, { type Driver, type ManagedTransaction, type Record as Neo4jRecord } from 'neo4j-driver';
import { createDriver, type Neo4jConfig } from '../../db/connection.js';
import { isUnavailable, QueryAbortedError } from '../errors.js';

export interface ReadOptions {
  /** Server-side transaction timeout; Neo4j aborts the query when it runs longer. */
  timeoutMs?: number;
  /** Records the driver pulls per batch (bounds what a large result buffers in memory). */
  fetchSize?: number;
  /**
   * false: one attempt in an explicit transaction, never re-run by the driver. For user
   * Cypher: a query the database kills (memory guard, closed connection) must not be
   * silently tried again, and the caller must hear about it at once.
   */
  retry?: boolean;
}

export interface HealthProbe {
  info: ServerInfo;
  nodes: number;
  relationships: number;
}

export interface ServerInfo {
  agent: string;
  version?: string;
  protocolVersion?: string;
}

// executeRead retries "service unavailable" for up to 30 s (the driver's
// maxTransactionRetryTime), which would turn every request during an outage into a
// half-minute hang. While a transaction is pending we probe the server this often
// (one connection attempt, no retries); once a probe finds it unreachable we give up
// and report that instead. A slow query on a reachable server is left alone.
const DEFAULT_FAIL_FAST_MS = 1_500;

// Health checks and the watchdog's probes use a driver of their own: a small pool and
// short timeouts, so they answer promptly even while user queries hold every
// connection of the main pool.
const HEALTH_DRIVER_OPTIONS = {
  maxConnectionPoolSize: 3,
  connectionAcquisitionTimeout: 700,
  connectionTimeout: 700,
  maxTransactionRetryTime: 0,
} as const;

export class GraphDb {
  readonly driver: Driver;
  /** Separate small pool for /api/health and connectivity probes. */
  private readonly probeDriver: Driver;
  readonly database: string;
  readonly uri: string;
  private readonly failFastMs: number;

  constructor(config: Neo4jConfig, options: { failFastMs?: number } = {}) {
    this.driver = createDriver(config);
    this.probeDriver = createDriver(config, HEALTH_DRIVER_OPTIONS);
    this.database = config.database;
    this.uri = redactUri(config.uri);
    this.failFastMs = options.failFastMs ?? DEFAULT_FAIL_FAST_MS;
  }

  /** Runs `work` in a READ transaction on the configured database. */
  async read<T>(work: (tx: ManagedTransaction) => Promise<T>, options: ReadOptions = {}): Promise<T> {
    if (options.retry === false) return this.readOnce(work, options);
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: neo4j.session.READ,
      ...(options.fetchSize ? { fetchSize: options.fetchSize } : {}),
    });
    const execution = session.executeRead(work, options.timeoutMs ? { timeout: options.timeoutMs } : undefined);
    // Closing the session cancels the driver's pending retry, which leaves `execution`
    // unsettled for good; the race below answers instead, and this keeps it quiet.
    execution.catch(() => {});
    let giveUp!: (err: unknown) => void;
    const unreachable = new Promise<never>((_, reject) => (giveUp = reject));
    let probing = false;
    const watchdog = setInterval(() => {
      if (probing) return;
      probing = true;
      this.probeDriver
        .getServerInfo({ database: this.database })
        .catch((err: unknown) => {
          if (isUnavailable(err)) giveUp(err);
        })
        .finally(() => (probing = false));
    }, this.failFastMs);
    try {
      return await Promise.race([execution, unreachable]);
    } finally {
      clearInterval(watchdog);
      await session.close().catch(() => {});
    }
  }

  /**
   * One attempt in an explicit READ transaction. When the connection drops while it runs
   * but the server still answers, the database stopped this query (its memory guard
   * closes the connection of a query that takes too much heap): that is the query's fault,
   * reported as QueryAbortedError (422), not as Neo4j being unavailable.
   */
  private async readOnce<T>(work: (tx: ManagedTransaction) => Promise<T>, options: ReadOptions): Promise<T> {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: neo4j.session.READ,
      ...(options.fetchSize ? { fetchSize: options.fetchSize } : {}),
    });
    try {
      const tx = await session.beginTransaction(options.timeoutMs ? { timeout: options.timeoutMs } : undefined);
      try {
        // An explicit transaction offers the same run() as a managed one; only retries differ.
        const result = await work(tx as unknown as ManagedTransaction);
        await tx.commit();
        return result;
      } catch (err) {
        await tx.rollback().catch(() => {});
        throw err;
      }
    } catch (err) {
      if (isUnavailable(err) && (await this.reachable())) throw new QueryAbortedError(err);
      throw err;
    } finally {
      await session.close().catch(() => {});
    }
  }

  /** Whether the server answers a connection attempt on the probe pool right now. */
  private async reachable(): Promise<boolean> {
    return this.probeDriver
      .getServerInfo({ database: this.database })
      .then(() => true)
      .catch(() => false);
  }

  /** Convenience: one statement in its own read transaction, all records. */
  async query(cypher: string, params: Record<string, unknown> = {}, options: ReadOptions = {}): Promise<Neo4jRecord[]> {
    return this.read(async (tx) => (await tx.run(cypher, toCypherParams(params))).records, options);
  }

  /** One connection attempt, no retries, on the probe pool. */
  async serverInfo(): Promise<ServerInfo> {
    const info = await this.probeDriver.getServerInfo({ database: this.database });
    const agent = info.agent ?? 'unknown';
    const version = /\/(\d[\w.-]*)/.exec(agent)?.[1];
    return { agent, version, protocolVersion: info.protocolVersion?.toString() };
  }

  /**
   * Server info and graph size over the probe pool, never the main one, with a
   * server-side timeout: what /api/health needs to answer within a second.
   */
  /** Server info and graph size on the probe pool; `extra` reads more in the same transaction. */
  async probe<T = undefined>(
    timeoutMs: number,
    extra?: (tx: ManagedTransaction) => Promise<T>,
  ): Promise<HealthProbe & { extra: T | undefined }> {
    const info = await this.serverInfo();
    const session = this.probeDriver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      // Both counts come from Neo4j's count store: constant time at any size.
      const [nodes, relationships, more] = await session.executeRead(
        async (tx) => {
          const n = await tx.run('MATCH (n) RETURN count(n) AS c');
          const r = await tx.run('MATCH ()-[r]->() RETURN count(r) AS c');
          return [Number(n.records[0]?.get('c') ?? 0), Number(r.records[0]?.get('c') ?? 0), await extra?.(tx)] as const;
        },
        { timeout: timeoutMs },
      );
      return { info, nodes, relationships, extra: more };
    } finally {
      await session.close().catch(() => {});
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.driver.close(), this.probeDriver.close()]);
  }
}

/**
 * JSON has one number type and the driver sends every JS number as a float; Cypher
 * wants integers for LIMIT, SKIP, ranges and list indexes. Whole numbers therefore go
 * as Integers (Cypher compares 3 = 3.0 as equal, so property matches are unaffected).
 */
export function toCypherParams(value: Record<string, unknown>): Record<string, unknown> {
  return convert(value) as Record<string, unknown>;
}

function convert(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(convert);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v)]));
  }
  return value;
}

/** Never echo credentials embedded in a URI back to API callers. */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/[^/@]*@/, '//***@');
}
