/**
 * API JSON compressed in one synchronous call. Every exploring response is bounded (under
 * 1 MB by default, see queries/bounds.ts), and compressing a bounded body at once costs
 * about 0.4 ms per 40 kB, where the streaming `compression` middleware's round trips
 * through the thread pool added 1–2.5 ms to a 15–50 kB response. Bodies larger than
 * `maxSyncBytes` (a caller may raise maxBytes) and every non-JSON response, streams
 * included, still go through `compression`, which leaves an encoded body alone.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { RequestHandler } from 'express';

export interface JsonCompressionOptions {
  /** Smaller bodies go uncompressed (as with `compression`'s default threshold). */
  threshold?: number;
  /** Larger bodies are left to the streaming middleware, so one response never blocks long. */
  maxSyncBytes?: number;
}

/** Brotli at the quality `compression` uses: fast, and smaller than gzip for JSON. */
const BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } };

export function jsonCompression(options: JsonCompressionOptions = {}): RequestHandler {
  const threshold = options.threshold ?? 1024;
  const maxSync = options.maxSyncBytes ?? 2_000_000;
  return (req, res, next) => {
    res.json = (body: unknown) => {
      const text = JSON.stringify(body) ?? 'null';
      if (!res.get('Content-Type')) res.type('application/json');
      const size = Buffer.byteLength(text, 'utf8');
      if (size < threshold || size > maxSync || req.method === 'HEAD') return res.send(text);
      res.vary('Accept-Encoding');
      // Brotli whenever the client takes it (browsers list it after gzip, at equal weight).
      const encoding = req.acceptsEncodings('br') === 'br' ? 'br' : req.acceptsEncodings('gzip');
      if (encoding !== 'br' && encoding !== 'gzip') return res.send(text);
      const packed = encoding === 'br' ? brotliCompressSync(text, BROTLI) : gzipSync(text);
      res.setHeader('Content-Encoding', encoding);
      return res.send(packed);
    };
    next();
  };
}
