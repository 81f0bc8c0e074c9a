/**
 * `npm start`: everything a researcher needs, in order — the local Neo4j (unless
 * NEO4J_URI names one), the schema, the review's data when the database is empty, the
 * client build when stale, and the server. Ctrl-C stops what this started.
 */
import path from 'node:path';
import { createDriver, neo4jConfigFromEnv } from '../db/connection.js';
import { localDb, PROJECT_ROOT, start, stop, LauncherError, type Started } from '../db/launcher.js';
import { DataValidationError } from '../ingest/errors.js';
import { ingest, isEmpty } from '../ingest/ingest.js';
import { applySchema } from '../ingest/schema.js';
import { startServer } from '../server/app.js';
import { buildClientIfStale, CLIENT_DIST } from './build-client.js';

const log = (msg: string) => console.log(`[atlas] ${msg}`);

async function main(): Promise<void> {
  const config = neo4jConfigFromEnv();
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
    if (config.managed) {
      log(`starting the local Neo4j on bolt://127.0.0.1:${config.boltPort} …`);
      const local = localDb();
      db = await start(local, { log });
      if (db.startedHere) {
        log(`Neo4j ready in ${(db.millis / 1000).toFixed(1)}s (data in ${path.relative(PROJECT_ROOT, local.home)})`);
        cleanup.push(async () => {
          await stop(local);
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
    const server = await startServer({ port: Number(process.env.PORT ?? 3000), config, clientDist: CLIENT_DIST, log });
    cleanup.push(() => server.close());
    log(`Checkpoint Atlas is running at ${server.url}  (Ctrl-C to stop)`);
  } catch (err) {
    if (err instanceof LauncherError || err instanceof DataValidationError) console.error(`[atlas] ${err.message}`);
    else console.error('[atlas] failed to start:', (err as Error).message ?? err);
    await shutdown(1);
  }
}

void main();
