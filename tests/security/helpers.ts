/** Shared by the attack suite: a graph checksum, an HTTP client that can set Host, a canary web server. */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Driver } from 'neo4j-driver';
import { testNeo4jConfig } from '../helpers/neo4j.js';

/**
 * Count and hash of everything in the database: sorted node ids with labels and
 * properties, sorted relationship keys with type and properties, and the label,
 * relationship-type and property-key tokens. Any write changes it.
 */
export async function graphChecksum(driver: Driver): Promise<{ nodes: number; relationships: number; hash: string }> {
  const opts = { database: testNeo4jConfig().database, routing: 'READ' as const };
  const nodes = await driver.executeQuery(
    'MATCH (n) RETURN coalesce(n.id, elementId(n)) AS id, labels(n) AS labels, properties(n) AS props',
    {},
    opts,
  );
  const rels = await driver.executeQuery(
    `MATCH (a)-[r]->(b) RETURN coalesce(r.key, a.id + '|' + type(r) + '|' + b.id, elementId(r)) AS key,
       type(r) AS type, properties(r) AS props`,
    {},
    opts,
  );
  const tokens = await driver.executeQuery(
    `CALL db.labels() YIELD label WITH collect(label) AS labels
     CALL db.relationshipTypes() YIELD relationshipType WITH labels, collect(relationshipType) AS types
     CALL db.propertyKeys() YIELD propertyKey RETURN labels, types, collect(propertyKey) AS keys`,
    {},
    opts,
  );
  const sorted = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();
  const hash = createHash('sha256')
    .update(
      JSON.stringify(sorted(nodes.records.map((r) => [r.get('id'), [...r.get('labels')].sort(), r.get('props')]))),
    )
    .update(JSON.stringify(sorted(rels.records.map((r) => [r.get('key'), r.get('type'), r.get('props')]))))
    .update(JSON.stringify(tokens.records[0]?.toObject() ?? {}, (_k, v) => (Array.isArray(v) ? [...v].sort() : v)))
    .digest('hex');
  return { nodes: nodes.records.length, relationships: rels.records.length, hash };
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  ms: number;
}

/** A request with full control of headers (fetch will not send a foreign Host). */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          ms: performance.now() - t0,
        }),
      );
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** POST /api/cypher; returns status, parsed body and how long it took. */
export async function postCypher(
  baseUrl: string,
  query: string,
  params?: unknown,
): Promise<{ status: number; body: any; ms: number; headers: Headers }> {
  const t0 = performance.now();
  const res = await fetch(`${baseUrl}/api/cypher`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    // A RawJson param is spliced in as written (JSON.stringify cannot write 5,000 levels).
    body:
      params instanceof RawJson
        ? `{"query":${JSON.stringify(query)},"params":${params.json}}`
        : JSON.stringify({ query, params }),
  });
  const text = await res.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: res.status, body, ms: performance.now() - t0, headers: res.headers };
}

/** A local web server that records every request: the target of LOAD CSV probes. */
export async function startCanary(): Promise<{ url: string; hits: string[]; close(): Promise<void> }> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'text/csv' }).end('secret,value\nleaked,1\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Parameters given as JSON text. */
export class RawJson {
  constructor(readonly json: string) {}
}
