/**
 * A Neo4j of a test file's own, on a free port, for tests that write to the graph
 * (synthetic hubs, other datasets, killed loads): the shared test database keeps holding
 * only the review, so tests that compare its checksum never see another file's writes.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { createDriver, type Neo4jConfig, startedNeo4jConfig } from '../../db/connection.js';
import { PROJECT_ROOT, start, stop, type LocalDb } from '../../db/launcher.js';
import { ingest } from '../../ingest/ingest.js';
import { freePort } from '../global-setup.js';

export interface PrivateNeo4j {
  config: Neo4jConfig;
  driver: Driver;
  close(): Promise<void>;
}

/** Starts it, loads the review (schema included), and stops and removes it on close(). */
export async function startPrivateNeo4j(name: string): Promise<PrivateNeo4j> {
  const port = await freePort();
  const db: LocalDb = { home: path.join(PROJECT_ROOT, `.data/neo4j-test-${name}-${port}`), port };
  const starting = start(db, { heap: '768m' });
  const close = async (driver?: Driver) => {
    await driver?.close();
    const started = await starting.catch(() => undefined);
    if (started?.startedHere) await stop(db);
    fs.rmSync(db.home, { recursive: true, force: true });
  };
  try {
    const started = await starting;
    const config: Neo4jConfig = startedNeo4jConfig(port, started.password);
    const driver = createDriver(config);
    await ingest({ driver, database: config.database, dataDir: path.join(PROJECT_ROOT, 'data'), wipe: true });
    return { config, driver, close: () => close(driver) };
  } catch (err) {
    await close();
    throw err;
  }
}
