/** An API server on a random port over the test database, serving the built client. */
import path from 'node:path';
import { startServer } from '../../server/app.js';
import { testNeo4jConfig } from './neo4j.js';

export async function startTestServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = await startServer({
    port: 0,
    config: testNeo4jConfig(),
    clientDist: path.resolve(import.meta.dirname, '../../client/dist'),
    log: () => {},
  });
  return { url: server.url, close: () => server.close() };
}
