/**
 * At most `max` requests through this middleware at once; the next one gets 429 with
 * Retry-After instead of queueing (a queue would only hold sockets open while Neo4j is
 * busy). A slot is freed when the response finishes or the client goes away.
 */
import type { RequestHandler } from 'express';
import { TooManyQueriesError } from '../errors.js';

export interface ConcurrencyLimit {
  middleware: RequestHandler;
  /** Requests holding a slot right now. */
  readonly active: number;
}

export function concurrencyLimit(max: number, retryAfterSeconds = 2): ConcurrencyLimit {
  let active = 0;
  const middleware: RequestHandler = (_req, res, next) => {
    if (active >= max) {
      res.setHeader('Retry-After', String(retryAfterSeconds));
      next(new TooManyQueriesError(retryAfterSeconds, max));
      return;
    }
    active++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      active--;
    };
    res.once('finish', release);
    res.once('close', release);
    next();
  };
  return {
    middleware,
    get active() {
      return active;
    },
  };
}
