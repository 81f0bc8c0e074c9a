/**
 * The test database: vitest's globalSetup (tests/global-setup.ts) starts a local Neo4j
 * on its own port and data directory, applies the schema and ingests data/ before any
 * test runs, then provides its URI here. It never touches the user's database.
 */
import { inject } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { createDriver, type Neo4jConfig } from '../../db/connection.js';

export function testNeo4jConfig(): Neo4jConfig {
  const uri = inject('neo4jUri');
  return {
    uri,
    user: inject('neo4jUser'),
    password: inject('neo4jPassword'),
    database: inject('neo4jDatabase'),
    managed: false,
    boltPort: Number(new URL(uri.replace(/^[a-z+]+:/, 'http:')).port || 7687),
  };
}

export function testDriver(): Driver {
  return createDriver(testNeo4jConfig());
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jUser: string;
    neo4jPassword: string;
    neo4jDatabase: string;
    /** Data directory of the tests' local Neo4j; empty with ATLAS_TEST_NEO4J_URI. */
    neo4jHome: string;
  }
}
