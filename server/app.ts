/**
 * The Express app: JSON API under /api over the query layer, the built viewer at `/`.
 * `createApp` wires it; `startServer` also listens and owns the Neo4j driver's life.
 */
import compression from 'compression';
import express, { type ErrorRequestHandler, type Express } from 'express';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Neo4jConfig } from '../db/connection.js';
import type { AppContext } from './context.js';
import { GraphDb } from './db/graph-db.js';
import { toHttpError } from './errors.js';
import { DEFAULT_CYPHER_OPTIONS, type CypherOptions } from './queries/cypher.js';
import { clientRoutes } from './routes/client.js';
import { coreRoutes } from './routes/core.js';
import { cypherRoutes } from './routes/cypher.js';
import { exploreRoutes } from './routes/explore.js';
import { exportRoutes } from './routes/export.js';
import { questionRoutes } from './routes/questions.js';
import { JSON_BODY_LIMIT } from './validation.js';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface AppOptions {
  db: GraphDb;
  clientDist?: string;
  questionsDir?: string;
  cypher?: Partial<CypherOptions>;
  log?: (message: string) => void;
}

export function createApp(options: AppOptions): Express {
  const ctx: AppContext = {
    db: options.db,
    cypher: { ...DEFAULT_CYPHER_OPTIONS, ...options.cypher },
    questionsDir: options.questionsDir ?? path.join(PROJECT_ROOT, 'cypher/questions'),
    log: options.log ?? ((m) => console.log(m)),
  };
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(compression()); // gzip/deflate (br where supported) for API JSON and the viewer's files

  const api = express.Router();
  api.use(express.json({ limit: JSON_BODY_LIMIT }));
  api.use(coreRoutes(ctx));
  api.use(cypherRoutes(ctx));
  api.use(questionRoutes(ctx));
  api.use(exploreRoutes(ctx));
  api.use(exportRoutes(ctx));
  api.use((req, res) => {
    res.status(404).json({ error: `Unknown API endpoint: ${req.method} ${req.baseUrl}${req.path}` });
  });
  app.use('/api', api);
  app.use(clientRoutes(options.clientDist ?? path.join(PROJECT_ROOT, 'client/dist')));

  const onError: ErrorRequestHandler = (err, req, res, _next) => {
    const { status, body } = toHttpError(err);
    if (status >= 500)
      ctx.log(`${req.method} ${req.originalUrl} → ${status}: ${body.error}${body.reason ? ` (${body.reason})` : ''}`);
    if (res.headersSent) return;
    res.status(status).json(body);
  };
  app.use(onError);
  return app;
}

export interface StartOptions {
  /** 0 picks a free port. */
  port?: number;
  /** Interface to listen on; loopback unless told otherwise (e.g. 0.0.0.0 in a container). */
  host?: string;
  config: Neo4jConfig;
  clientDist?: string;
  questionsDir?: string;
  cypher?: Partial<CypherOptions>;
  log?: (message: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  app: Express;
  close(): Promise<void>;
}

/**
 * Starts listening even when Neo4j is down: /api/health then answers 503 and every
 * request tries the database afresh, so the server recovers by itself.
 */
export async function startServer(opts: StartOptions): Promise<RunningServer> {
  const log = opts.log ?? ((m: string) => console.log(m));
  const host = opts.host ?? '127.0.0.1';
  const db = new GraphDb(opts.config);
  const app = createApp({ db, clientDist: opts.clientDist, questionsDir: opts.questionsDir, cypher: opts.cypher, log });
  const server = await new Promise<import('node:http').Server>((resolve, reject) => {
    const s = app.listen(opts.port ?? 3000, host, (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${port}`;
  log(`Checkpoint Atlas API on ${url} (Neo4j ${db.uri}, database ${db.database})`);
  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    app,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await db.close();
      })();
      return closing;
    },
  };
}
