/**
 * `npm run serve`: the API and viewer on PORT (default 3000; HOST default 127.0.0.1)
 * over the Neo4j that NEO4J_* configure (db/connection.ts). A non-loopback HOST needs
 * ATLAS_TOKEN or `--public-read-only` (server/lib/access.ts).
 */
import { neo4jConfigFromEnv } from '../db/connection.js';
import { startServer } from './app.js';
import { AccessConfigError, accessMode, describeAccess } from './lib/access.js';

const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got "${process.env.PORT}"`);
  process.exit(2);
}
const host = process.env.HOST || '127.0.0.1';
let access: ReturnType<typeof accessMode>;
try {
  access = accessMode(host, process.env.ATLAS_TOKEN, process.argv.includes('--public-read-only'));
} catch (err) {
  if (!(err instanceof AccessConfigError)) throw err;
  console.error(`error: ${err.message}`);
  process.exit(2);
}

const server = await startServer({ port, host, config: neo4jConfigFromEnv() });
console.log(describeAccess(access));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
