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
import { TooManyQueriesError, toHttpError } from './errors.js';
import { tokenGate } from './lib/access.js';
import { concurrencyLimit } from './lib/concurrency-limit.js';
import { allowedHosts, hostCheck } from './lib/host-check.js';
import { jsonCompression } from './lib/json-compression.js';
import { securityHeaders } from './lib/security-headers.js';
import { DEFAULT_CYPHER_OPTIONS, type CypherOptions } from './queries/cypher.js';
import { warmOverview } from './queries/overview.js';
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
  /** Host names requests may carry (DNS-rebinding defence); default: loopback names only. */
  allowedHosts?: ReadonlySet<string>;
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
  app.use(hostCheck(options.allowedHosts ?? allowedHosts(undefined, undefined)));
  app.use(securityHeaders());
  // gzip/deflate (br where supported) for the viewer's files and streamed responses; API
  // JSON is compressed in one step by jsonCompression.
  app.use(compression());

  const api = express.Router();
  api.use(tokenGate());
  api.use(jsonCompression());
  api.use(express.json({ limit: JSON_BODY_LIMIT }));
  // User Cypher (typed or saved) shares one small concurrency budget.
  const cypherSlots = concurrencyLimit(ctx.cypher.maxConcurrent);
  api.post(['/cypher', '/questions/:name/run'], cypherSlots.middleware);
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
    if (err instanceof TooManyQueriesError) res.setHeader('Retry-After', String(err.retryAfterSeconds));
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
  /** Extra Host names to accept; default ATLAS_ALLOWED_HOSTS (comma-separated). */
  allowedHosts?: string;
  log?: (message: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  app: Express;
  /** Settles when the background warm-up (the landing summary of a large graph) is done. */
  warmed: Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts listening even when Neo4j is down: /api/health then answers 503 and every
 * request tries the database afresh, so the server recovers by itself.
 */
export async function startServer(opts: StartOptions): Promise<RunningServer> {
  const log = opts.log ?? ((m: string) => console.log(m));
  const host = opts.host ?? '127.0.0.1';
  const cypher = { ...cypherOptionsFromEnv(), ...opts.cypher };
  const hosts = allowedHosts(host, opts.allowedHosts ?? process.env.ATLAS_ALLOWED_HOSTS);
  const db = new GraphDb(opts.config);
  const app = createApp({
    db,
    clientDist: opts.clientDist,
    questionsDir: opts.questionsDir,
    cypher,
    allowedHosts: hosts,
    log,
  });
  // Open the health pool's first connection and plan its count queries now, so the first
  // /api/health does not pay for them against its 900 ms deadline (bounded wait; a
  // database that is down only makes this return sooner).
  await Promise.race([db.probe(3_000).catch(() => {}), new Promise((r) => setTimeout(r, 3_000).unref())]);
  const server = await new Promise<import('node:http').Server>((resolve, reject) => {
    const s = app.listen(opts.port ?? 3000, host, (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${port}`;
  log(`Checkpoint Atlas API on ${url} (Neo4j ${db.uri}, database ${db.database})`);
  // The landing view of a large graph needs a scan of every relationship: start it now.
  const warmed = warmOverview(db).catch(() => {});
  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    app,
    warmed,
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

/** ATLAS_CYPHER_CONCURRENCY: user Cypher queries allowed at once (default 4). */
export function cypherOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<CypherOptions> {
  const raw = env.ATLAS_CYPHER_CONCURRENCY?.trim();
  if (!raw) return {};
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1000) {
    throw new Error(`ATLAS_CYPHER_CONCURRENCY must be a whole number from 1 to 1000, got "${raw}"`);
  }
  return { maxConcurrent: n };
}
