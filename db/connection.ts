/**
 * How the app reaches Neo4j. With NEO4J_URI set, that server is used as-is (Desktop,
 * Docker, Aura via neo4j+s://, a cluster via neo4j://) and nothing local is started;
 * otherwise the app talks to the embedded Neo4j that db/launcher.ts manages.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j, { type Config, type Driver } from 'neo4j-driver';
import { LOCAL_USER, readLocalPassword } from './local-auth.js';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Neo4jConfig {
  uri: string;
  user: string;
  password: string;
  database: string;
  /** True when the database is the local embedded one this project starts. */
  managed: boolean;
  boltPort: number;
}

export const DEFAULT_BOLT_PORT = 7687;

export function neo4jConfigFromEnv(env: NodeJS.ProcessEnv = process.env): Neo4jConfig {
  const boltPort = Number(env.NEO4J_BOLT_PORT ?? DEFAULT_BOLT_PORT);
  if (!Number.isInteger(boltPort) || boltPort <= 0 || boltPort > 65535) {
    throw new Error(`NEO4J_BOLT_PORT must be a port number, got "${env.NEO4J_BOLT_PORT}"`);
  }
  const external = env.NEO4J_URI?.trim();
  if (!external) {
    // The local Neo4j: its generated password is in the data directory (db/local-auth.ts).
    const home = path.resolve(PROJECT_ROOT, env.NEO4J_HOME_DIR ?? '.data/neo4j');
    return {
      uri: `bolt://127.0.0.1:${boltPort}`,
      user: LOCAL_USER,
      password: readLocalPassword(home) ?? '',
      database: env.NEO4J_DATABASE || 'neo4j',
      managed: true,
      boltPort,
    };
  }
  return {
    uri: external,
    user: env.NEO4J_USER ?? 'neo4j',
    password: env.NEO4J_PASSWORD ?? '',
    database: env.NEO4J_DATABASE || 'neo4j',
    managed: false,
    boltPort,
  };
}

/**
 * The config of a local Neo4j the caller started itself with db/launcher.ts `start()` on
 * `port` (benchmarks, tests): the generated password `start()` returned, not managed here.
 */
export function startedNeo4jConfig(port: number, password: string, database = 'neo4j'): Neo4jConfig {
  return { uri: `bolt://127.0.0.1:${port}`, user: LOCAL_USER, password, database, managed: false, boltPort: port };
}

/** `overrides` adjusts pool and timeouts for a special-purpose driver (e.g. the server's health checks). */
export function createDriver(config: Neo4jConfig, overrides: Config = {}): Driver {
  // The local database's password is read from its data directory by
  // neo4jConfigFromEnv (empty until its first start); a server given by URI gets the
  // configured credentials.
  return neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
    // Fail fast when the database is down so the API can answer 503 promptly.
    connectionTimeout: 5_000,
    connectionAcquisitionTimeout: 10_000,
    maxConnectionPoolSize: 20,
    disableLosslessIntegers: true,
    ...overrides,
  });
}
