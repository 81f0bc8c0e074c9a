/**
 * How the app reaches Neo4j. With NEO4J_URI set, that server is used as-is (Desktop,
 * Docker, Aura via neo4j+s://, a cluster via neo4j://) and nothing local is started;
 * otherwise the app talks to the embedded Neo4j that db/launcher.ts manages.
 */
import neo4j, { type Config, type Driver } from 'neo4j-driver';

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
  return {
    uri: external || `bolt://127.0.0.1:${boltPort}`,
    user: env.NEO4J_USER ?? 'neo4j',
    password: env.NEO4J_PASSWORD ?? '',
    database: env.NEO4J_DATABASE || 'neo4j',
    managed: !external,
    boltPort,
  };
}

/** `overrides` adjusts pool and timeouts for a special-purpose driver (e.g. the server's health checks). */
export function createDriver(config: Neo4jConfig, overrides: Config = {}): Driver {
  // The local database runs without auth on loopback and accepts any basic token;
  // a server given by URI gets the configured credentials.
  return neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
    // Fail fast when the database is down so the API can answer 503 promptly.
    connectionTimeout: 5_000,
    connectionAcquisitionTimeout: 10_000,
    maxConnectionPoolSize: 20,
    disableLosslessIntegers: true,
    ...overrides,
  });
}
