/**
 * `npm start`: everything a researcher needs, in order — the local Neo4j (unless
 * NEO4J_URI names one), the schema, the review's data when the database is empty, the
 * client build when stale, and the server. Ctrl-C stops what this started.
 *
 * Everything that can make the start fail for a reason outside the database (access
 * mode, a busy HTTP port, a data directory held by another Neo4j) is checked first,
 * so a failed second `npm start` changes nothing.
 */
import net from 'node:net';
import { createDriver, neo4jConfigFromEnv } from '../db/connection.js';
import { LauncherError, localDb, PROJECT_ROOT, type Started, start, stop } from '../db/launcher.js';
import { DataValidationError } from '../ingest/errors.js';
import { ingest, isEmpty } from '../ingest/ingest.js';
import { applySchema } from '../ingest/schema.js';
import { startServer } from '../server/app.js';
import { AccessConfigError, accessMode, describeAccess } from '../server/lib/access.js';
import { buildClientIfStale, CLIENT_DIST } from './build-client.js';
import path from 'node:path';

const log = (msg: string) => console.log(`[atlas] ${msg}`);

/** Resolves when nothing listens on host:port, rejects with a clear message otherwise. */
export function assertPortFree(port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        new LauncherError(
          err.code === 'EADDRINUSE'
            ? `port ${port} on ${host} is already in use (another npm start?): stop it or set PORT`
            : `cannot listen on ${host}:${port}: ${err.message}`,
        ),
      ),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

async function main(): Promise<void> {
  let config = neo4jConfigFromEnv();
  let db: Started | undefined;
  const cleanup: Array<() => Promise<unknown>> = [];
  const shutdown = async (code: number) => {
    if (cleanup.length > 0) log('stopping …');
    for (const step of cleanup.reverse()) await step().catch(() => {});
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));

  try {
    const host = process.env.HOST || '127.0.0.1';
    const port = Number(process.env.PORT ?? 3000);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new LauncherError(`PORT must be a port number, got "${process.env.PORT}"`);
    }
    const access = accessMode(host, process.env.ATLAS_TOKEN, process.argv.includes('--public-read-only'));
    await assertPortFree(port, host);

    if (config.managed) {
      const local = localDb();
      log(`starting the local Neo4j on bolt://127.0.0.1:${config.boltPort} (data in ${local.home}) …`);
      db = await start(local, { log });
      config = { ...config, password: db.password };
      if (db.startedHere) {
        log(`Neo4j ready in ${(db.millis / 1000).toFixed(1)}s`);
        cleanup.push(async () => {
          await stop(local, { log });
          log('local Neo4j stopped');
        });
      }
    } else {
      log(`using Neo4j at ${config.uri} (NEO4J_URI); nothing local is started`);
    }

    const driver = createDriver(config);
    cleanup.push(() => driver.close());
    await driver.verifyConnectivity({ database: config.database });
    await applySchema(driver, config.database);
    if (await isEmpty(driver, config.database)) {
      log('database is empty: ingesting data/ …');
      const report = await ingest({ driver, database: config.database, dataDir: path.join(PROJECT_ROOT, 'data') });
      log(
        `ingested ${report.counts.nodes} nodes and ${report.counts.relationships} relationships in ${report.millis} ms`,
      );
    }

    if (await buildClientIfStale()) log('client built');
    const server = await startServer({ port, host, config, clientDist: CLIENT_DIST, log });
    cleanup.push(() => server.close());
    log(describeAccess(access));
    log(`Checkpoint Atlas is running at ${server.url}  (Ctrl-C to stop)`);
  } catch (err) {
    if (err instanceof LauncherError || err instanceof DataValidationError || err instanceof AccessConfigError) {
      console.error(`[atlas] ${err.message}`);
    } else console.error('[atlas] failed to start:', (err as Error).message ?? err);
    await shutdown(1);
  }
}

void main();
