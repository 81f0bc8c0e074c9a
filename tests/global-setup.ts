/**
 * Runs once before all tests: a Neo4j of the tests' own (a free port, data in
 * .data/neo4j-test-<port>, removed afterwards — never the user's database), the schema, data/ ingested from scratch, and a fresh
 * client build for the browser tests. ATLAS_TEST_NEO4J_URI points the tests at another
 * server instead (it will be wiped and reloaded).
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDriver, type Neo4jConfig } from '../db/connection.js';
import { PROJECT_ROOT, start, stop, type LocalDb } from '../db/launcher.js';
import { ingest } from '../ingest/ingest.js';
import { buildClientIfStale } from '../scripts/build-client.js';

export const TEST_HEAP = '768m';

/** A port nothing listens on now, so that concurrent test runs each get their own Neo4j. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Only browser tests need client/dist; a run limited to other files must not rebuild it
 * under a concurrent browser run. (The CLI filters are internal to vitest: when they
 * can't be read, build.)
 */
function runsBrowserTests(project: TestProject): boolean {
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  return !filters || filters.length === 0 || filters.some((f) => f.includes('e2e'));
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const explicit = process.env.ATLAS_TEST_NEO4J_URI;
  const port = Number(process.env.ATLAS_TEST_BOLT_PORT ?? (explicit ? 0 : await freePort()));
  const db: LocalDb = { home: path.join(PROJECT_ROOT, `.data/neo4j-test-${port}`), port };
  const [started] = await Promise.all([
    // The same settings as npm start, scaled to a 768 MiB heap (pools derive from it).
    explicit ? undefined : start(db, { heap: TEST_HEAP }),
    runsBrowserTests(project) ? buildClientIfStale() : undefined,
  ]);
  const config: Neo4jConfig = {
    uri: explicit ?? `bolt://127.0.0.1:${db.port}`,
    user: process.env.ATLAS_TEST_NEO4J_USER ?? 'neo4j',
    // The local test database has its own generated password (db/local-auth.ts).
    password: explicit ? (process.env.ATLAS_TEST_NEO4J_PASSWORD ?? '') : (started?.password ?? ''),
    database: process.env.ATLAS_TEST_NEO4J_DATABASE ?? 'neo4j',
    managed: !explicit,
    boltPort: db.port,
  };
  const driver = createDriver(config);
  try {
    const report = await ingest({
      driver,
      database: config.database,
      dataDir: path.join(PROJECT_ROOT, 'data'),
      wipe: true,
    });
    console.log(
      `test Neo4j ${config.uri}${started?.startedHere ? ` started in ${(started.millis / 1000).toFixed(1)}s` : ''}; ` +
        `ingested ${report.counts.nodes} nodes, ${report.counts.relationships} relationships in ${report.millis} ms`,
    );
  } finally {
    await driver.close();
  }

  project.provide('neo4jUri', config.uri);
  project.provide('neo4jUser', config.user);
  project.provide('neo4jPassword', config.password);
  project.provide('neo4jDatabase', config.database);
  project.provide('neo4jHome', explicit ? '' : db.home);

  return async () => {
    if (started?.startedHere) {
      await stop(db);
      fs.rmSync(db.home, { recursive: true, force: true });
    }
  };
}
