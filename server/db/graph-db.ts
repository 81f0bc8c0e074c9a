/**
 * The server's only door to Neo4j: one driver, one database name, read transactions.
 * Every query goes through `read` (session.executeRead with `database` set), so the
 * same code routes correctly on a single instance, Aura and a cluster.
 */
import neo4j, { type Driver, type ManagedTransaction, type Record as Neo4jRecord } from 'neo4j-driver';
import { createDriver, type Neo4jConfig } from '../../db/connection.js';
import { isUnavailable } from '../errors.js';

export interface ReadOptions {
  /** Server-side transaction timeout; Neo4j aborts the query when it runs longer. */
  timeoutMs?: number;
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

export class GraphDb {
  readonly driver: Driver;
  readonly database: string;
  readonly uri: string;
  private readonly failFastMs: number;

  constructor(config: Neo4jConfig, options: { failFastMs?: number } = {}) {
    this.driver = createDriver(config);
    this.database = config.database;
    this.uri = redactUri(config.uri);
    this.failFastMs = options.failFastMs ?? DEFAULT_FAIL_FAST_MS;
  }

  /** Runs `work` in a READ transaction on the configured database. */
  async read<T>(work: (tx: ManagedTransaction) => Promise<T>, options: ReadOptions = {}): Promise<T> {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: neo4j.session.READ,
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
      this.driver
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

  /** Convenience: one statement in its own read transaction, all records. */
  async query(cypher: string, params: Record<string, unknown> = {}, options: ReadOptions = {}): Promise<Neo4jRecord[]> {
    return this.read(async (tx) => (await tx.run(cypher, toCypherParams(params))).records, options);
  }

  /** One connection attempt, no retries: what /api/health needs to answer promptly. */
  async serverInfo(): Promise<ServerInfo> {
    const info = await this.driver.getServerInfo({ database: this.database });
    const agent = info.agent ?? 'unknown';
    const version = /\/(\d[\w.-]*)/.exec(agent)?.[1];
    return { agent, version, protocolVersion: info.protocolVersion?.toString() };
  }

  async close(): Promise<void> {
    await this.driver.close();
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
