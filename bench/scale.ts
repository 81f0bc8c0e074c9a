/**
 * `npm run bench -- --nodes 100000 --relationships 1000000 --hubs`: the exploring API on
 * a power-law graph (bench/powerlaw.ts) against a private Neo4j on a free port. Each
 * endpoint is timed next to the bare Cypher doing the same work over the same driver,
 * interleaved request by request, with the response size (uncompressed and gzip).
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import neo4j, { type Driver } from 'neo4j-driver';
import { createDriver, type Neo4jConfig, startedNeo4jConfig } from '../db/connection.js';
import { PROJECT_ROOT, start, stop } from '../db/launcher.js';
import { computeRanks } from '../ingest/ranks.js';
import { applySchema } from '../ingest/schema.js';
import { startServer } from '../server/app.js';
import { buildSearchQuery } from '../server/lib/lucene.js';
import { writePowerLawGraph } from './powerlaw.js';

export interface ScaleOptions {
  nodes: number;
  relationships: number;
  hubs: number;
  requests: number;
  /** Print PROFILE summaries (operators, db hits) of each bare query first. */
  profile?: boolean;
}

interface PlanNode {
  operatorType: string;
  dbHits: number;
  rows: number;
  children: PlanNode[];
}

/** `PROFILE` a query and print its operators (leaves first) with db hits and rows. */
async function profile(
  driver: Driver,
  database: string,
  name: string,
  q: { cypher: string; params: Record<string, unknown> },
): Promise<void> {
  const res = await driver.executeQuery(`PROFILE ${q.cypher}`, q.params, { database, routing: 'READ' });
  const plan = res.summary.profile as unknown as PlanNode | false;
  if (!plan) return;
  const ops: string[] = [];
  let hits = 0;
  const walk = (p: PlanNode) => {
    for (const c of p.children) walk(c);
    hits += Number(p.dbHits);
    ops.push(`${p.operatorType.replace(/@neo4j$/, '')}(${Number(p.rows)})`);
  };
  walk(plan);
  console.log(`PROFILE ${name}: ${hits} db hits; ${ops.join(' → ')}`);
}

/** Queries the server runs that the bare cases do not show. */
function serverQueries(hub: string): [string, { cypher: string; params: Record<string, unknown> }][] {
  return [
    [
      'neighbours hop (server)',
      {
        cypher: `MATCH (a:Entity)-[r]-(b:Entity) WHERE a.id IN $frontier AND true AND NOT b.id IN $seen
                 WITH type(r) AS type, CASE WHEN startNode(r) = a THEN 'out' ELSE 'in' END AS direction, b,
                      max(CASE WHEN r.refs IS NULL OR size(r.refs) = 0 THEN 0 ELSE 1 END) AS cited
                 ORDER BY cited DESC, coalesce(b.degree, 0) DESC, b.id
                 WITH type, direction, count(b) AS total, collect(b)[..$perType] AS top
                 RETURN type, direction, total, top`,
        params: { frontier: [hub], seen: [hub], perType: neo4j.int(50) },
      },
    ],
    [
      'relationships count (server)',
      {
        cypher:
          'MATCH (n:Entity {id: $id}) RETURN n, COUNT { MATCH (n)<-[r:TARGETS]-(m) WHERE m <> n RETURN r } AS total',
        params: { id: hub },
      },
    ],
    ['overview totals (server)', { cypher: 'MATCH ()-[r:TARGETS]->() RETURN count(r) AS c', params: {} }],
  ];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

interface Case {
  name: string;
  url: (i: number) => string;
  /** The same work in bare Cypher (null: no bare counterpart). */
  bare: ((i: number) => { cypher: string; params: Record<string, unknown> }) | null;
}

export interface Row {
  endpoint: string;
  appP50: number;
  appP95: number;
  bareP50: number | null;
  bareP95: number | null;
  bytes: number;
  gzipBytes: number;
}

async function measure(base: string, driver: Driver, database: string, c: Case, n: number): Promise<Row> {
  const app: number[] = [];
  const bare: number[] = [];
  let bytes = 0;
  let gz = 0;
  // One warm-up of each, then app and bare alternate.
  for (let i = -1; i < n; i++) {
    const k = Math.max(0, i);
    let t0 = performance.now();
    const res = await fetch(base + c.url(k));
    const text = await res.text();
    const t = performance.now() - t0;
    if (!res.ok) throw new Error(`${c.name}: ${res.status} ${text.slice(0, 300)}`);
    if (c.bare) {
      const q = c.bare(k);
      t0 = performance.now();
      await driver.executeQuery(q.cypher, q.params, { database, routing: 'READ' });
      if (i >= 0) bare.push(performance.now() - t0);
    }
    if (i >= 0) {
      app.push(t);
      bytes = Math.max(bytes, Buffer.byteLength(text));
      gz = Math.max(gz, gzipSync(text).length);
    }
  }
  app.sort((a, b) => a - b);
  bare.sort((a, b) => a - b);
  return {
    endpoint: c.name,
    appP50: pct(app, 50),
    appP95: pct(app, 95),
    bareP50: c.bare ? pct(bare, 50) : null,
    bareP95: c.bare ? pct(bare, 95) : null,
    bytes,
    gzipBytes: gz,
  };
}

const SORT = `CASE WHEN r.evidence IS NULL OR r.evidence = '' THEN 0 ELSE 1 END AS ev,
  CASE WHEN r.refs IS NULL THEN 0 ELSE size(r.refs) END AS nrefs, coalesce(m.degree, 0) AS deg, elementId(r) AS eid`;

export async function runScaleBench(options: ScaleOptions): Promise<Row[]> {
  const port = await freePort();
  const db = { home: path.join(PROJECT_ROOT, `.data/neo4j-bench-scale-${port}`), port };
  let t0 = performance.now();
  const started = await start(db, { heap: '2g' });
  console.log(`Neo4j (port ${port}) started in ${Math.round(performance.now() - t0)} ms`);
  const config: Neo4jConfig = startedNeo4jConfig(port, started.password);
  const driver = createDriver(config);
  const database = 'neo4j';
  try {
    await applySchema(driver, database);
    t0 = performance.now();
    const g = await writePowerLawGraph(driver, database, options, (m) => console.log(m));
    console.log(
      `power-law graph: ${g.nodes} nodes, ${g.relationships} relationships in ${Math.round(performance.now() - t0)} ms`,
    );
    await driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database });
    const ranks = await computeRanks(driver, database);
    console.log(`computeRanks: degree of ${ranks.nodes} nodes in ${ranks.millis} ms`);
    const hub = (
      await driver.executeQuery('MATCH (n:Entity) RETURN n.id AS id ORDER BY n.degree DESC LIMIT 1', {}, { database })
    ).records[0]!.get('id') as string;
    const hubDegree = (
      await driver.executeQuery('MATCH (n:Entity {id: $hub}) RETURN n.degree AS d', { hub }, { database })
    ).records[0]!.get('d');
    console.log(`largest hub: ${hub} (${hubDegree} relationships)`);
    const ids = g.sampleIds;
    const id = (i: number) => ids[i % ids.length]!;
    const terms = (i: number) => `synthetic drug ${100 + i * 37}`;
    const server = await startServer({ port: 0, config, log: () => {} });
    // The server's warm-up scans every relationship for the landing summary; timing starts after it.
    await server.warmed;
    const rows: Row[] = [];
    try {
      const cases: Case[] = [
        {
          name: 'search',
          url: (i) => `/api/search?q=${encodeURIComponent(terms(i))}`,
          bare: (i) => ({
            cypher: `CALL db.index.fulltext.queryNodes('entity_search', $q, {limit: 60}) YIELD node, score
                     RETURN node.id, node.name, node.synonyms, labels(node), score`,
            params: { q: buildSearchQuery(terms(i)) },
          }),
        },
        {
          name: 'details (ordinary node)',
          url: (i) => `/api/nodes/${encodeURIComponent(id(i))}`,
          bare: (i) => ({ cypher: detailsCypher, params: { id: id(i), perGroup: neo4j.int(50) } }),
        },
        {
          name: 'details (largest hub)',
          url: () => `/api/nodes/${encodeURIComponent(hub)}`,
          bare: () => ({ cypher: detailsCypher, params: { id: hub, perGroup: neo4j.int(50) } }),
        },
        {
          name: 'relationships page (hub, 100)',
          url: () => `/api/nodes/${encodeURIComponent(hub)}/relationships?type=TARGETS&direction=in&limit=100`,
          bare: () => ({
            cypher: `MATCH (n:Entity {id: $id})<-[r:TARGETS]-(m) WHERE m <> n WITH r, m, ${SORT}
                     RETURN r, m ORDER BY ev DESC, nrefs DESC, deg DESC, eid LIMIT 101`,
            params: { id: hub },
          }),
        },
        {
          name: 'neighbours depth 1 (ordinary)',
          url: (i) => `/api/nodes/${encodeURIComponent(id(i))}/neighbors`,
          bare: (i) => ({ cypher: neighboursCypher, params: { id: id(i), perType: neo4j.int(50) } }),
        },
        {
          name: 'neighbours depth 1 (largest hub)',
          url: () => `/api/nodes/${encodeURIComponent(hub)}/neighbors`,
          bare: () => ({ cypher: neighboursCypher, params: { id: hub, perType: neo4j.int(50) } }),
        },
        {
          name: 'neighbours depth 2 (hub, limit 2000)',
          url: () => `/api/nodes/${encodeURIComponent(hub)}/neighbors?depth=2&limit=2000`,
          bare: null,
        },
        {
          name: 'paths (≤4)',
          url: (i) => `/api/paths?from=${encodeURIComponent(id(i))}&to=${encodeURIComponent(id(i + 1))}&maxDepth=4`,
          bare: (i) => ({
            cypher: `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
                     MATCH p = allShortestPaths((a)-[*..4]-(b)) RETURN p LIMIT 26`,
            params: { from: id(i), to: id(i + 1) },
          }),
        },
        {
          name: 'overview (auto: summary above 5,000 nodes)',
          url: () => '/api/graph',
          bare: null,
        },
        {
          name: 'overview (mode=top, 500)',
          url: () => '/api/graph?mode=top&limit=500',
          bare: () => ({
            cypher: `MATCH (n:Entity) WHERE n.degree >= 0 WITH n ORDER BY n.degree DESC, n.id LIMIT 500
                     WITH collect(n.id) AS ids
                     MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id IN ids AND b.id IN ids RETURN r LIMIT 5001`,
            params: {},
          }),
        },
        {
          name: 'resistance',
          url: (i) => `/api/resistance?target=${encodeURIComponent(`drug:pl-${100 + i * 74}`)}`,
          bare: null,
        },
      ];
      if (options.profile) {
        for (const c of cases) if (c.bare) await profile(driver, database, c.name, c.bare(0));
        for (const [name, q] of serverQueries(hub)) await profile(driver, database, name, q);
      }
      for (const c of cases) {
        const row = await measure(server.url, driver, database, c, options.requests);
        rows.push(row);
        console.log(formatRow(row));
      }
    } finally {
      await server.close();
    }
    return rows;
  } finally {
    await driver.close();
    if (started.startedHere) {
      await stop(db);
      fs.rmSync(db.home, { recursive: true, force: true });
    }
  }
}

const detailsCypher = `MATCH (n:Entity {id: $id})
  OPTIONAL CALL (n) {
    MATCH (n)-[r]->(m) RETURN r, m, 'out' AS direction
    UNION ALL
    MATCH (n)<-[r]-(m) WHERE m <> n RETURN r, m, 'in' AS direction
  }
  WITH n, r, m, direction, ${SORT}
  ORDER BY type(r), direction, ev DESC, nrefs DESC, deg DESC, eid
  WITH n, type(r) AS type, direction, count(r) AS total, collect({r: r, m: m})[..$perGroup] AS page
  RETURN n, type, direction, total, page`;

const neighboursCypher = `MATCH (a:Entity {id: $id})-[r]-(b:Entity) WHERE b <> a
  WITH type(r) AS type, CASE WHEN startNode(r) = a THEN 'out' ELSE 'in' END AS direction, b,
       max(CASE WHEN r.refs IS NULL OR size(r.refs) = 0 THEN 0 ELSE 1 END) AS cited
  ORDER BY cited DESC, coalesce(b.degree, 0) DESC, b.id
  WITH type, direction, count(b) AS total, collect(b)[..$perType] AS top
  WITH collect(top) AS tops UNWIND tops AS top UNWIND top AS b
  WITH collect(DISTINCT b.id) + [$id] AS ids
  MATCH (x:Entity)-[r]->(y:Entity) WHERE x.id IN ids AND y.id IN ids RETURN r LIMIT 2001`;

const f = (x: number | null) => (x === null || Number.isNaN(x) ? '—' : x.toFixed(0));
const kb = (b: number) => (b >= 1_000_000 ? `${(b / 1_000_000).toFixed(2)} MB` : `${(b / 1000).toFixed(1)} kB`);

export function formatRow(r: Row): string {
  const ratio = r.bareP95 ? ` (${(r.appP95 / r.bareP95).toFixed(2)}×)` : '';
  return `| ${r.endpoint} | ${f(r.appP50)} | ${f(r.appP95)} | ${f(r.bareP50)} | ${f(r.bareP95)}${ratio} | ${kb(r.bytes)} | ${kb(r.gzipBytes)} |`;
}

export const TABLE_HEADER =
  '| endpoint (default parameters) | app p50 ms | app p95 ms | bare p50 ms | bare p95 ms (app/bare) | response | gzip |\n|---|---|---|---|---|---|---|';

/** Issue 8's targets for the exploring API: the endpoints whose p95 must stay within 1.5× the bare query. */
const RATIO_TARGET = 1.5;
const RATIO_ENDPOINTS = /^(search|details|neighbours depth 1|paths)/;
const MAX_RESPONSE_BYTES = 1_000_000;

/** One line per target, with the numbers behind it and whether this run met it. */
export function targetLines(rows: Row[]): string[] {
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const largest = rows.reduce((a, b) => (b.bytes > a.bytes ? b : a), rows[0]!);
  const ratios = rows
    .filter((r) => RATIO_ENDPOINTS.test(r.endpoint) && r.bareP95)
    .map((r) => ({ name: r.endpoint, ratio: r.appP95 / r.bareP95! }));
  return [
    `every response under 1 MB: ${verdict(largest.bytes < MAX_RESPONSE_BYTES)} (largest ${kb(largest.bytes)}, ${largest.endpoint})`,
    `p95 within ${RATIO_TARGET}× the bare query for search, details, neighbours and paths: ${verdict(
      ratios.every((r) => r.ratio <= RATIO_TARGET),
    )} (${ratios.map((r) => `${r.name} ${r.ratio.toFixed(2)}×`).join('; ')})`,
  ];
}
