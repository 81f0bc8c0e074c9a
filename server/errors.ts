/**
 * Typed API errors and the one place that maps any thrown value to an HTTP answer.
 * Routes and the query layer throw; the Express error handler calls `toHttpError`.
 */
import { Neo4jError } from 'neo4j-driver';

/** Body every error response carries: `error` is for people, the rest for programs. */
export interface ErrorBody {
  error: string;
  reason?: string;
  code?: string;
  parameter?: string;
  [extra: string]: unknown;
}

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.reason ? `${body.error}: ${body.reason}` : body.error);
  }
}

/** A query-string or body parameter that failed validation. */
export class BadParameterError extends ApiError {
  override name = 'BadParameterError';
  constructor(parameter: string, reason: string) {
    super(400, { error: `Invalid parameter "${parameter}": ${reason}`, parameter, reason });
  }
}

export class NotFoundError extends ApiError {
  override name = 'NotFoundError';
  constructor(what: string, extra: Record<string, unknown> = {}) {
    super(404, { error: `Not found: ${what}`, ...extra });
  }
}

/** A /api/cypher query the read-only guard refused. */
export class ReadOnlyViolation extends ApiError {
  override name = 'ReadOnlyViolation';
  constructor(reason: string) {
    super(400, { error: 'Only read queries are allowed', reason });
  }
}

/** A query or its parameters past a server limit (length, nesting), refused before Neo4j sees it. */
export class QueryLimitError extends ApiError {
  override name = 'QueryLimitError';
  constructor(reason: string, parameter: 'query' | 'params') {
    super(400, { error: 'The query exceeds a server limit', reason, parameter });
  }
}

/** Too many user queries running at once. */
export class TooManyQueriesError extends ApiError {
  override name = 'TooManyQueriesError';
  constructor(
    readonly retryAfterSeconds: number,
    limit: number,
  ) {
    super(429, {
      error: 'Too many Cypher queries at once',
      reason: `At most ${limit} user queries run at a time; retry in ${retryAfterSeconds} s.`,
      limit,
    });
  }
}

/** The database stopped a user query while it ran and closed its connection, but is still up. */
export class QueryAbortedError extends ApiError {
  override name = 'QueryAbortedError';
  constructor(cause: unknown) {
    super(422, {
      error: 'The database stopped this query',
      reason:
        'Neo4j closed the connection while the query ran and is still up: the query most likely needed more memory ' +
        'than one query may use. Return fewer or smaller values (LIMIT, aggregate, avoid building huge lists).',
      detail: cause instanceof Error ? cause.message : String(cause),
    });
  }
}

/** Neo4j cannot be reached (down, wrong address, auth refused, database missing). */
export class Neo4jUnavailableError extends ApiError {
  override name = 'Neo4jUnavailableError';
  constructor(reason: string, code?: string) {
    super(503, { error: 'Neo4j unavailable', reason, ...(code ? { code } : {}) });
  }
}

// Driver-side codes for a lost or unreachable server; the driver reconnects on the
// next acquire, so these are only ever reported, never remembered.
const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

/** True for errors that mean "the database is not reachable right now". */
export function isUnavailable(err: unknown): boolean {
  if (err instanceof Neo4jError) {
    const code = err.code ?? '';
    return (
      UNAVAILABLE_CODES.has(code) ||
      code.startsWith('Neo.TransientError.General.DatabaseUnavailable') ||
      // Misconfiguration the API caller cannot fix: wrong credentials or database name.
      code.startsWith('Neo.ClientError.Security.') ||
      code === 'Neo.ClientError.Database.DatabaseNotFound'
    );
  }
  const sysCode = (err as { code?: unknown } | null)?.code;
  return sysCode === 'ECONNREFUSED' || sysCode === 'ECONNRESET' || sysCode === 'EHOSTUNREACH';
}

/** Neo4j's own verdict on a statement (syntax, semantics, timeout, bad argument…). */
export function isNeo4jClientError(err: unknown): err is Neo4jError {
  return err instanceof Neo4jError && (err.code ?? '').startsWith('Neo.ClientError.');
}

export function toHttpError(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof ApiError) return { status: err.status, body: err.body };
  if (isUnavailable(err)) {
    const e = err as Error & { code?: string };
    const unavailable = new Neo4jUnavailableError(e.message, e.code);
    return { status: unavailable.status, body: unavailable.body };
  }
  if (isNeo4jClientError(err)) {
    // Passed through as Neo4j states it, so a Cypher author sees the real diagnosis.
    return { status: 400, body: { error: err.message, code: err.code } };
  }
  // Body-parser failures (malformed JSON, too large) carry their own 4xx status.
  const httpish = err as { status?: unknown; type?: unknown; message?: unknown } | null;
  if (typeof httpish?.status === 'number' && httpish.status >= 400 && httpish.status < 500) {
    const reason = typeof httpish.message === 'string' ? httpish.message : String(err);
    const error = httpish.type === 'entity.parse.failed' ? 'Invalid JSON body' : 'Bad request';
    return { status: httpish.status, body: { error, reason } };
  }
  if (err instanceof Neo4jError) {
    return { status: 500, body: { error: 'Neo4j error', reason: err.message, code: err.code } };
  }
  return {
    status: 500,
    body: { error: 'Internal server error', reason: err instanceof Error ? err.message : String(err) },
  };
}
