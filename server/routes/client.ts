/**
 * The built viewer (client/dist) at `/`, with SPA fallback to index.html. Whether the
 * client is built is checked per request, so building it while the server runs works.
 */
import express, { Router } from 'express';
import fs from 'node:fs';
import path from 'node:path';

const NOT_BUILT = (dir: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Checkpoint Atlas: viewer not built</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>Checkpoint Atlas</h1>
<p>The API is running, but the viewer has not been built: <code>${escapeHtml(dir)}/index.html</code> does not exist.</p>
<p>Build it with <code>npm run build</code> and reload this page.</p>
<p>Meanwhile the API answers at <a href="/api/health">/api/health</a>, <a href="/api/schema">/api/schema</a>,
<a href="/api/search?q=nivolumab">/api/search?q=nivolumab</a>.</p>
</body></html>`;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function clientRoutes(clientDist: string): Router {
  const r = Router();
  r.use(express.static(clientDist, { index: 'index.html' }));
  r.get('/{*path}', (req, res) => {
    // A missing asset is a 404, not the app shell (which would fail as a script).
    if (/\.[a-z0-9]+$/i.test(req.path)) {
      res.status(404).type('text').send(`Not found: ${req.path}`);
      return;
    }
    const index = path.join(clientDist, 'index.html');
    if (fs.existsSync(index)) {
      res.sendFile(index);
    } else {
      res.status(503).type('html').send(NOT_BUILT(clientDist));
    }
  });
  return r;
}
