/**
 * DNS-rebinding defence: a request is served only when its Host header names this
 * server — loopback names, the host it is bound to, or one listed in
 * ATLAS_ALLOWED_HOSTS (comma-separated). A page on another origin whose name was
 * re-pointed at 127.0.0.1 sends its own name as Host and is refused with 421.
 */
import type { RequestHandler } from 'express';

export const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '::1'] as const;

/** Lower-case host names without port or IPv6 brackets. */
export function hostName(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') > 0 ? h.indexOf(']') : undefined);
  const colon = h.lastIndexOf(':');
  return colon >= 0 && h.indexOf(':') === colon ? h.slice(0, colon) : h;
}

/** The names a server bound to `boundHost` answers to, plus `extra` (ATLAS_ALLOWED_HOSTS). */
export function allowedHosts(boundHost: string | undefined, extra: string | undefined): Set<string> {
  const names = new Set<string>(LOOPBACK_HOSTS);
  const bound = boundHost ? hostName(boundHost) : '';
  // 0.0.0.0 / :: are not names a browser sends; they mean "any interface", which still
  // only answers to loopback names unless others are configured.
  if (bound && bound !== '0.0.0.0' && bound !== '::') names.add(bound);
  for (const part of (extra ?? '').split(',')) {
    const name = hostName(part);
    if (name) names.add(name);
  }
  return names;
}

export function hostCheck(allowed: ReadonlySet<string>): RequestHandler {
  return (req, res, next) => {
    const header = req.headers.host;
    const name = header ? hostName(header) : '';
    if (allowed.has(name)) {
      next();
      return;
    }
    res
      .status(421)
      .type('application/json')
      .send(
        JSON.stringify({
          error: 'Unknown Host',
          reason: `This server answers to ${[...allowed].join(', ')}; the request named "${header ?? ''}". Add the name to ATLAS_ALLOWED_HOSTS to allow it.`,
        }),
      );
  };
}
