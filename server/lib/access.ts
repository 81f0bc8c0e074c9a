/**
 * Who may call the API. On loopback, anyone on this machine (as before). Bound to any
 * other interface, the server needs either ATLAS_TOKEN — then every /api request must
 * carry `Authorization: Bearer <token>` — or the explicit `--public-read-only` flag.
 */
import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';

export type AccessMode = { kind: 'loopback' } | { kind: 'token'; token: string } | { kind: 'public-read-only' };

export class AccessConfigError extends Error {
  override name = 'AccessConfigError';
}

const MIN_TOKEN_LENGTH = 16;

export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || h === '::ffff:127.0.0.1';
}

/** Decides the access mode for a bind address, or says exactly what is missing. */
export function accessMode(host: string, token: string | undefined, publicReadOnly: boolean): AccessMode {
  if (token !== undefined && token !== '') {
    if (token.length < MIN_TOKEN_LENGTH) {
      throw new AccessConfigError(`ATLAS_TOKEN must be at least ${MIN_TOKEN_LENGTH} characters long`);
    }
    return { kind: 'token', token };
  }
  if (isLoopbackHost(host)) return { kind: 'loopback' };
  if (publicReadOnly) return { kind: 'public-read-only' };
  throw new AccessConfigError(
    `HOST=${host} is not a loopback address: set ATLAS_TOKEN (clients then send "Authorization: Bearer <token>") or pass --public-read-only to serve the read-only API to anyone who can reach it`,
  );
}

export function describeAccess(mode: AccessMode): string {
  switch (mode.kind) {
    case 'loopback':
      return 'access: loopback only (no token)';
    case 'token':
      return 'access: token required (Authorization: Bearer $ATLAS_TOKEN on every /api request)';
    case 'public-read-only':
      return 'access: PUBLIC read-only (--public-read-only; anyone who can reach this address can query)';
  }
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Refuses /api requests without the bearer token; passes everything when no token is set. */
export function tokenGate(token: string | undefined = process.env.ATLAS_TOKEN): RequestHandler {
  if (!token) return (_req, _res, next) => next();
  return (req, res, next) => {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
    if (m && sameSecret(m[1]!, token)) return next();
    res
      .status(401)
      .set('WWW-Authenticate', 'Bearer realm="checkpoint-atlas"')
      .json({ error: 'Unauthorized', reason: 'this server requires "Authorization: Bearer <ATLAS_TOKEN>"' });
  };
}
