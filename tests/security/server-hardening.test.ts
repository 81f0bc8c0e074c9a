/**
 * Attack suite, server side (issue 10): health under a flood of slow queries, the
 * concurrency cap, the byte and row caps, security headers, the Host check, CSV
 * formula cells and export content types. Real server, real Neo4j.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { createApp, startServer, type RunningServer } from '../../server/app.js';
import { GraphDb } from '../../server/db/graph-db.js';
import { CONTENT_SECURITY_POLICY } from '../../server/lib/security-headers.js';
import { testNeo4jConfig } from '../helpers/neo4j.js';
import { postCypher, rawRequest } from './helpers.js';

/** Runs until the server-side timeout stops it: keeps a connection and a slot busy. */
const SLOW = 'UNWIND range(1, 100000000000) AS x WITH x WHERE x = -1 RETURN count(*) AS c';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, config: testNeo4jConfig(), allowedHosts: 'atlas.lab.example', log: () => {} });
});
afterAll(() => server?.close());

/**
 * Health has a 900 ms deadline of its own. On this shared 2-core machine (load average
 * often above 15) the test process itself can be descheduled for seconds, so: four of
 * five answers under 1 s, and none slower than 5 s.
 */
function expectPrompt(timings: number[]): void {
  const sorted = [...timings].sort((a, b) => a - b);
  const shown = `health timings ${timings.map(Math.round).join(', ')} ms`;
  expect(sorted[3], shown).toBeLessThan(1_000);
  expect(sorted[4], shown).toBeLessThan(5_000);
}

describe('/api/health has its own connection budget', () => {
  it('answers 200 within 1 s while every connection of the main pool is held', async () => {
    const db = new GraphDb(testNeo4jConfig());
    const app = createApp({ db, log: () => {} });
    const http = app.listen(0, '127.0.0.1');
    await new Promise((r) => http.once('listening', r));
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    // Open transactions hold all 20 connections of the main pool without using CPU.
    const sessions = Array.from({ length: 20 }, () => db.driver.session({ database: db.database }));
    const txs = await Promise.all(sessions.map((s) => s.beginTransaction()));
    try {
      await Promise.all(txs.map((tx) => tx.run('RETURN 1')));
      const timings: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await rawRequest(`${url}/api/health`);
        expect(res.status, res.body).toBe(200);
        expect(JSON.parse(res.body)).toMatchObject({ status: 'ok', nodes: expect.any(Number) });
        timings.push(res.ms);
      }
      expectPrompt(timings);
    } finally {
      await Promise.all(txs.map((tx) => tx.rollback().catch(() => {})));
      await Promise.all(sessions.map((s) => s.close()));
      http.closeAllConnections();
      await new Promise((r) => http.close(r));
      await db.close();
    }
  });

  it('answers within 1 s during a flood of slow queries (the cap admits 4, the rest get 429)', async () => {
    const flooded = await startServer({
      port: 0,
      config: testNeo4jConfig(),
      cypher: { timeoutMs: 5_000 },
      log: () => {},
    });
    try {
      const flood = Array.from({ length: 24 }, () =>
        postCypher(flooded.url, SLOW).catch((err: unknown) => ({ status: 0, body: String(err) })),
      );
      await new Promise((r) => setTimeout(r, 1_000));
      const timings: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await rawRequest(`${flooded.url}/api/health`);
        timings.push(res.ms);
        const body = JSON.parse(res.body);
        if (res.status === 200) expect(body).toMatchObject({ status: 'ok', nodes: expect.any(Number) });
        else expect(res.status === 503 && typeof body.reason === 'string').toBe(true);
      }
      expectPrompt(timings);
      const statuses = (await Promise.all(flood)).map((r) => r.status);
      expect(statuses.filter((s) => s === 429)).toHaveLength(20);
      // The admitted four end at the server-side timeout with Neo4j's timeout error.
      expect(statuses.filter((s) => s === 400)).toHaveLength(4);
    } finally {
      await flooded.close();
    }
  });
});

describe('concurrency cap on user Cypher', () => {
  it('answers 429 with Retry-After beyond the cap, and serves again when a slot frees', async () => {
    const capped = await startServer({
      port: 0,
      config: testNeo4jConfig(),
      cypher: { timeoutMs: 3_000, maxConcurrent: 2 },
      log: () => {},
    });
    try {
      const slow = [postCypher(capped.url, SLOW), postCypher(capped.url, SLOW)].map((p) =>
        p.catch((err: unknown) => ({ status: 0, body: String(err) })),
      );
      await new Promise((r) => setTimeout(r, 300));
      const third = await postCypher(capped.url, 'RETURN 1 AS x');
      expect(third.status).toBe(429);
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(third.body).toMatchObject({ error: 'Too many Cypher queries at once', limit: 2 });
      const question = await fetch(`${capped.url}/api/questions/nope/run`, { method: 'POST' });
      expect(question.status).toBe(429);
      // Other endpoints are not limited.
      expect((await fetch(`${capped.url}/api/schema`)).status).toBe(200);
      await Promise.all(slow);
      expect((await postCypher(capped.url, 'RETURN 1 AS x')).status).toBe(200);
    } finally {
      await capped.close();
    }
  });
});

describe('response caps', () => {
  it('stops at the byte cap and reports it (600 rows of a 1 MB string)', async () => {
    const res = await postCypher(
      server.url,
      "UNWIND range(1, 600) AS i RETURN i, reduce(s = 'x', k IN range(1, 20) | s + s) AS big",
    );
    expect(res.status).toBe(200);
    expect(res.body.truncated).toMatchObject({ reason: 'bytes', limit: 5 * 1024 * 1024 });
    expect(res.body.rows.length).toBeGreaterThan(0);
    expect(res.body.rows.length).toBeLessThan(600);
    expect(res.body.truncated.rows).toBe(res.body.rows.length);
    expect(JSON.stringify(res.body).length).toBeLessThan(5 * 1024 * 1024 + 10_000);
  });

  it('stops at the row cap and reports it', async () => {
    const res = await postCypher(server.url, 'UNWIND range(1, 5000) AS x RETURN x');
    expect(res.body.truncated).toEqual({ reason: 'rows', limit: 1000, rows: 1000 });
    expect(res.body.rows).toHaveLength(1000);
  });

  it('reports no truncation for a small result', async () => {
    expect((await postCypher(server.url, 'RETURN 1 AS x')).body.truncated).toBe(false);
  });
});

describe('security headers', () => {
  it.each(['/', '/api/health', '/api/nope', '/api/search?q=nivolumab'])('are on %s', async (path) => {
    const res = await rawRequest(server.url + path);
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('the CSP allows no inline or foreign script and no framing (inline styles are the one exception)', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self';");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("style-src 'self' 'unsafe-inline';");
    expect(CONTENT_SECURITY_POLICY.match(/unsafe-inline/g)).toHaveLength(1);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });
});

describe('Host check (DNS rebinding)', () => {
  it.each(['evil.example', 'evil.example:80', 'localhost.evil.example', '127.0.0.1.nip.io', 'localhost@evil.example'])(
    'refuses Host "%s" with 421 and a clear message',
    async (host) => {
      const res = await rawRequest(`${server.url}/api/health`, { headers: { host } });
      expect(res.status).toBe(421);
      expect(JSON.parse(res.body)).toMatchObject({
        error: 'Unknown Host',
        reason: expect.stringContaining('ATLAS_ALLOWED_HOSTS'),
      });
    },
  );

  it.each(['127.0.0.1', 'localhost', 'LOCALHOST:3000', '[::1]:3000', 'atlas.lab.example:8080'])(
    'serves Host "%s"',
    async (host) => {
      const res = await rawRequest(`${server.url}/api/schema`, { headers: { host } });
      expect(res.status).toBe(200);
    },
  );

  it('refuses a foreign Host before running any Cypher', async () => {
    const res = await rawRequest(`${server.url}/api/cypher`, {
      method: 'POST',
      headers: { host: 'evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'RETURN 1 AS x' }),
    });
    expect(res.status).toBe(421);
  });
});

describe('exports', () => {
  const graph = {
    nodes: [
      { id: 'drug:evil', label: 'Drug', name: "=cmd|' /C calc'!A0", synonyms: ['+SUM(1,2)', 'plain'], note: '@x' },
      { id: 'drug:ok', label: 'Drug', name: '-2+3', description: '\tleading tab', score: -0.5 },
      { id: 'drug:cr', label: 'Drug', name: '\r=1+1' },
    ],
    edges: [{ id: 'e1', type: 'TARGETS', source: 'drug:evil', target: 'drug:ok', evidence: '=HYPERLINK("http://x")' }],
  };

  it('CSV: cells starting with = + - @ tab or CR are neutralised with an apostrophe', async () => {
    const res = await fetch(`${server.url}/api/export`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ format: 'csv', ...graph }),
    });
    expect(res.status).toBe(200);
    const csv = await res.text();
    expect(csv).toContain(`,'=cmd|' /C calc'!A0,`);
    expect(csv).toContain(`"'+SUM(1,2); plain"`);
    expect(csv).toContain(`'@x`);
    expect(csv).toContain(`'-2+3`);
    expect(csv).toContain(`'\tleading tab`);
    expect(csv).toContain(`"'\r=1+1"`);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain(',-0.5');
    // No cell starts with a formula character.
    const cells = csv.split(/\r\n/).flatMap((line) => line.split(','));
    expect(cells.filter((c) => /^"?[=+@]/.test(c))).toEqual([]);
  });

  it.each([
    ['gexf', 'application/gexf+xml; charset=utf-8', 'checkpoint-atlas.gexf'],
    ['graphml', 'application/graphml+xml; charset=utf-8', 'checkpoint-atlas.graphml'],
    ['csv', 'text/csv; charset=utf-8', 'checkpoint-atlas.csv'],
    ['json', 'application/json; charset=utf-8', 'checkpoint-atlas.json'],
  ])('%s is served as %s', async (format, type, file) => {
    const res = await fetch(`${server.url}/api/export?format=${format}&ids=drug:nivolumab,target:pd-1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('content-disposition')).toContain(file);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
