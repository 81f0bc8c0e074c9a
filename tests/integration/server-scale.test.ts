/**
 * Bounded responses at scale (issue 8): a synthetic hub with 3,001 relationships is
 * created under a unique id prefix, on a Neo4j of this file's own (next to the review), so
 * that no other test file sees it.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeRanks } from '../../ingest/ranks.js';
import { NODE_LABELS } from '../../ontology/index.js';
import { startServer, type RunningServer } from '../../server/app.js';
import { type PrivateNeo4j, startPrivateNeo4j } from '../helpers/private-neo4j.js';

const RUN = `zz-scale-${process.pid}-${Date.now().toString(36)}`;
const HUB = `target:${RUN}-hub`;
const SIDE = `target:${RUN}-side`;
const DRUGS = 2000;
const MECHS = 1000;
const ONE_MB = 1_000_000;

const drugId = (i: number) => `drug:${RUN}-d${String(i).padStart(4, '0')}`;
/** Drug i: refs on every third (1–4 of them, none when i % 5 == 0), evidence on even ones, a second target on every seventh. */
const refsOf = (i: number) => (i % 3 === 0 ? Array.from({ length: i % 5 }, (_, k) => k + 1) : []);
const evidenceOf = (i: number) => (i % 2 === 0 ? `Synthetic scale evidence ${i}.` : null);
const sideLinked = (i: number) => i % 7 === 0;

let server: RunningServer;
let driver: Driver;
let neo4j: PrivateNeo4j;
const database = () => neo4j.config.database;

async function get<T = any>(path: string): Promise<{ status: number; body: T; bytes: number }> {
  const res = await fetch(server.url + path);
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as T, bytes: Buffer.byteLength(text) };
}

beforeAll(async () => {
  neo4j = await startPrivateNeo4j('scale');
  driver = neo4j.driver;
  const drugs = Array.from({ length: DRUGS }, (_, i) => ({
    id: drugId(i),
    name: `Scale drug ${i}`,
    refs: refsOf(i),
    evidence: evidenceOf(i),
    side: sideLinked(i),
  }));
  await driver.executeQuery(
    `CREATE (h:Entity:Target {id: $hub, name: 'Scale hub'}), (s:Entity:Target {id: $side, name: 'Scale side'})
     WITH h, s
     UNWIND $drugs AS d
     CREATE (x:Entity:Drug {id: d.id, name: d.name})
     CREATE (x)-[r:TARGETS {refs: d.refs, source: 'scale test'}]->(h)
     SET r.evidence = d.evidence
     FOREACH (_ IN CASE WHEN d.side THEN [1] ELSE [] END | CREATE (x)-[:TARGETS {refs: [9], evidence: 'Side.'}]->(s))`,
    { hub: HUB, side: SIDE, drugs },
    { database: database() },
  );
  await driver.executeQuery(
    `MATCH (h:Entity {id: $hub})
     UNWIND range(0, $n - 1) AS i
     CREATE (h)-[:PARTICIPATES_IN {refs: [], source: 'scale test'}]->(:Entity:Mechanism {id: $prefix + i, name: 'Scale mechanism ' + i})
     WITH h LIMIT 1
     MATCH (d:Entity {id: $parallel})
     CREATE (d)-[:TARGETS {refs: [], source: 'scale test, parallel edge'}]->(h)`,
    { hub: HUB, n: MECHS, prefix: `mechanism:${RUN}-m`, parallel: drugId(1) },
    { database: database() },
  );
  await computeRanks(driver, database());
  server = await startServer({ port: 0, config: neo4j.config, log: () => {} });
}, 600_000);

afterAll(async () => {
  await server?.close();
  // The whole private database goes, synthetic hub included.
  await neo4j?.close();
}, 120_000);

describe('GET /api/nodes/:id on a hub', () => {
  it('counts relationships per type and direction and returns only the first page of each group', async () => {
    const { status, body, bytes } = await get(`/api/nodes/${HUB}`);
    expect(status).toBe(200);
    expect(bytes).toBeLessThan(ONE_MB);
    const counts = Object.fromEntries(body.relationshipCounts.map((c: any) => [`${c.type}:${c.direction}`, c]));
    expect(counts['TARGETS:in']).toMatchObject({ count: DRUGS + 1, shown: 50 });
    expect(counts['PARTICIPATES_IN:out']).toMatchObject({ count: MECHS, shown: 50 });
    expect(body.relationshipCounts).toHaveLength(2);
    expect(body.relationships).toHaveLength(100);
    expect(body.total.relationships).toBe(DRUGS + 1 + MECHS);
    expect(body.truncated).toMatchObject({ reason: 'perGroup', groups: 2 });
    // Evidence-rich and cited first, then the neighbour's degree.
    const targets = body.relationships.filter((r: any) => r.type === 'TARGETS');
    expect(targets.every((r: any) => typeof r.props.evidence === 'string')).toBe(true);
    expect(targets[0].props.refs).toHaveLength(4);
    const refCounts = targets.map((r: any) => r.props.refs.length);
    expect([...refCounts].sort((a, b) => b - a)).toEqual(refCounts);
  });

  it('keeps a small node whole: nothing truncated', async () => {
    const { body } = await get('/api/nodes/drug:nivolumab');
    expect(body.truncated).toBe(false);
    const sum = body.relationshipCounts.reduce((s: number, c: any) => s + c.count, 0);
    expect(body.relationships).toHaveLength(sum);
  });
});

describe('GET /api/nodes/:id/relationships', () => {
  it('pages a group with a stable cursor: no overlap, the union is the whole group, in order', async () => {
    const seen: any[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const { status, body, bytes }: { status: number; body: any; bytes: number } = await get(
        `/api/nodes/${HUB}/relationships?type=TARGETS&direction=in&limit=300${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(status).toBe(200);
      expect(bytes).toBeLessThan(ONE_MB);
      expect(body.total).toBe(DRUGS + 1);
      expect(body.relationships.length).toBeLessThanOrEqual(300);
      if (cursor) {
        // The same cursor gives the same page.
        const again = await get(`/api/nodes/${HUB}/relationships?type=TARGETS&direction=in&limit=300&cursor=${cursor}`);
        expect(again.body.relationships.map((r: any) => r.id)).toEqual(body.relationships.map((r: any) => r.id));
      }
      seen.push(...body.relationships);
      cursor = body.next;
      pages++;
    } while (cursor && pages < 20);
    expect(pages).toBe(Math.ceil((DRUGS + 1) / 300));
    expect(new Set(seen.map((r) => r.id)).size).toBe(seen.length);
    expect(seen).toHaveLength(DRUGS + 1);
    expect(new Set(seen.map((r) => r.other.id)).size).toBe(DRUGS);
    expect(seen.every((r) => r.direction === 'in' && r.type === 'TARGETS')).toBe(true);
    // Order: evidence, then number of refs, then the neighbour's degree.
    const key = (r: any) => [r.props.evidence ? 1 : 0, (r.props.refs ?? []).length, r.other.degree ?? 0];
    for (let i = 1; i < seen.length; i++) {
      const [a, b] = [key(seen[i - 1]), key(seen[i])];
      const cmp = a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
      expect(cmp).toBeGreaterThanOrEqual(0);
    }
  });

  it("continues the details' first page from its `next` cursor", async () => {
    const details = (await get(`/api/nodes/${HUB}`)).body;
    const group = details.relationshipCounts.find((c: any) => c.type === 'PARTICIPATES_IN');
    const firstPage = details.relationships.filter((r: any) => r.type === 'PARTICIPATES_IN').map((r: any) => r.id);
    const all = (await get(`/api/nodes/${HUB}/relationships?type=PARTICIPATES_IN&direction=out&limit=1000`)).body;
    expect(all.next).toBeNull();
    expect(all.relationships.slice(0, 50).map((r: any) => r.id)).toEqual(firstPage);
    const rest = (
      await get(`/api/nodes/${HUB}/relationships?type=PARTICIPATES_IN&direction=out&limit=1000&cursor=${group.next}`)
    ).body;
    expect(rest.relationships.map((r: any) => r.id)).toEqual(all.relationships.slice(50).map((r: any) => r.id));
  });

  it('says what is wrong with a bad request', async () => {
    const bad = await get(`/api/nodes/${HUB}/relationships?type=TARGETS&direction=in&cursor=nonsense`);
    expect(bad.status).toBe(400);
    expect(bad.body.parameter).toBe('cursor');
    expect((await get(`/api/nodes/${HUB}/relationships?type=KILLS&direction=in`)).body.parameter).toBe('type');
    expect((await get(`/api/nodes/${HUB}/relationships?type=TARGETS&direction=up`)).body.parameter).toBe('direction');
    expect((await get(`/api/nodes/drug:nope/relationships?type=TARGETS&direction=in`)).status).toBe(404);
  });
});

describe('GET /api/nodes/:id/neighbors of a hub', () => {
  it('keeps the top neighbours per type by score and says how many more there are', async () => {
    const { status, body, bytes } = await get(`/api/nodes/${HUB}/neighbors`);
    expect(status).toBe(200);
    expect(bytes).toBeLessThan(ONE_MB);
    const more = Object.fromEntries(body.more.map((m: any) => [`${m.type}:${m.direction}`, m]));
    expect(more['TARGETS:in']).toEqual({
      hop: 1,
      node: HUB,
      type: 'TARGETS',
      direction: 'in',
      total: DRUGS,
      shown: 50,
    });
    expect(more['PARTICIPATES_IN:out']).toMatchObject({ total: MECHS, shown: 50 });
    expect(body.nodes).toHaveLength(101);
    expect(body.truncated).toMatchObject({ reason: 'perType' });
    // Score: cited (refs) first, then the neighbour's degree, then id.
    const expected = Array.from({ length: DRUGS }, (_, i) => i)
      .sort(
        (a, b) =>
          Number(refsOf(b).length > 0) - Number(refsOf(a).length > 0) ||
          Number(sideLinked(b)) - Number(sideLinked(a)) ||
          drugId(a).localeCompare(drugId(b)),
      )
      .slice(0, 50)
      .map(drugId);
    const drugs = body.nodes.filter((n: any) => n.label === 'Drug').map((n: any) => n.id);
    expect(drugs.sort()).toEqual([...expected].sort());
    const ids = new Set(body.nodes.map((n: any) => n.id));
    for (const e of body.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
  });

  it('adds "+N more" nodes only when asked (aggregate=1)', async () => {
    const plain = (await get(`/api/nodes/${HUB}/neighbors`)).body;
    expect(plain.nodes.some((n: any) => n.aggregate)).toBe(false);
    const { body } = await get(`/api/nodes/${HUB}/neighbors?aggregate=1`);
    const agg = body.nodes.find((n: any) => n.id === `more:${HUB}:TARGETS:in`);
    expect(agg).toMatchObject({ name: `+${DRUGS - 50} more TARGETS`, aggregate: { total: DRUGS, shown: 50 } });
    expect(body.edges.find((e: any) => e.target === HUB && e.source === agg.id)).toBeTruthy();
  });

  it('bounds edges, nodes and bytes at depth 2 with the largest limit', async () => {
    const { body, bytes } = await get(`/api/nodes/${HUB}/neighbors?depth=2&limit=2000&perType=2000&maxEdges=500`);
    expect(body.edges.length).toBeLessThanOrEqual(500);
    expect(body.nodes.length).toBeLessThanOrEqual(2000);
    expect(bytes).toBeLessThan(ONE_MB);
    expect(body.truncated.reasons).toEqual(expect.arrayContaining(['nodes', 'edges']));
  });

  it('returns every relationship among the nodes it keeps, hub to drug, drug to drug and side ones alike', async () => {
    // The hub (3,001 relationships) is found from its light ends, whether it starts the
    // relationship (PARTICIPATES_IN) or ends it (TARGETS); SIDE's second hop adds drug-to-side ones.
    for (const url of [
      `/api/nodes/${HUB}/neighbors?limit=400&perType=200&maxEdges=50000`,
      `/api/nodes/${SIDE}/neighbors?depth=2&limit=400&perType=200&maxEdges=50000`,
    ]) {
      const { body } = await get(url);
      expect(body.truncated.reasons ?? []).not.toContain('edges');
      const ids = body.nodes.map((n: any) => n.id);
      expect(ids).toContain(HUB);
      const all = await driver.executeQuery(
        'MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id IN $ids AND b.id IN $ids RETURN elementId(r) AS id, type(r) AS type',
        { ids },
        { database: database() },
      );
      if (url.includes(HUB)) {
        expect(new Set(all.records.map((r) => r.get('type')))).toEqual(new Set(['TARGETS', 'PARTICIPATES_IN']));
      }
      const expected = all.records.map((r) => r.get('id') as string).sort();
      expect(expected.length).toBeGreaterThanOrEqual(ids.length - 1);
      expect(body.edges.map((e: any) => e.id).sort()).toEqual(expected);
    }
  });
});

describe('GET /api/graph', () => {
  it('keeps the review-sized landing view in auto mode and summarises on request', async () => {
    const auto = await get('/api/graph');
    expect(auto.body.mode).toBe('top');
    expect(auto.bytes).toBeLessThan(ONE_MB);
    const { body, bytes } = await get('/api/graph?mode=summary');
    expect(bytes).toBeLessThan(ONE_MB);
    expect(body.mode).toBe('summary');
    const { records } = await driver.executeQuery(
      'MATCH (n:Drug) WITH count(n) AS drugs MATCH ()-[r]->() RETURN drugs, count(r) AS rels',
      {},
      { database: database() },
    );
    expect(body.nodes.find((n: any) => n.id === 'label:Drug')).toMatchObject({
      summary: true,
      count: Number(records[0]!.get('drugs')),
    });
    const edgeSum = body.edges.reduce((s: number, e: any) => s + e.count, 0);
    expect(edgeSum).toBe(Number(records[0]!.get('rels')));
    expect(body.edges.find((e: any) => e.id === 'meta:Drug:TARGETS:Target').count).toBeGreaterThanOrEqual(DRUGS);
    expect(body.total.labels.Drug).toBe(Number(records[0]!.get('drugs')));
  });
});

describe('GET /api/schema', () => {
  it('counts every label and type the database uses, whatever its name, as MATCH counts them', async () => {
    // Names no ontology has, one with a backtick: each must be quoted as one Cypher name.
    await driver.executeQuery(
      'CREATE (:`Odd``Label` {id: $a})-[:`ODD REL`]->(:`Odd``Label` {id: $b})',
      { a: `${RUN}-odd-a`, b: `${RUN}-odd-b` },
      { database: database() },
    );
    try {
      const { status, body } = await get('/api/schema');
      expect(status).toBe(200);
      const labels = Object.fromEntries(body.labels.map((l: any) => [l.label, l.count]));
      const types = Object.fromEntries(body.relationshipTypes.map((t: any) => [t.type, t.count]));
      expect(labels['Odd`Label']).toBe(2);
      expect(types['ODD REL']).toBe(1);
      const { records } = await driver.executeQuery(
        `MATCH (n) UNWIND labels(n) AS label WITH label, count(*) AS c RETURN collect([label, c]) AS labels`,
        {},
        { database: database() },
      );
      for (const [label, c] of records[0]!.get('labels') as [string, unknown][]) expect(labels[label]).toBe(Number(c));
      for (const l of NODE_LABELS) expect(labels[l]).toBeTypeOf('number'); // listed even at 0
      const rels = await driver.executeQuery(
        'MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c',
        {},
        { database: database() },
      );
      for (const r of rels.records) expect(types[r.get('t') as string]).toBe(Number(r.get('c')));
    } finally {
      await driver.executeQuery('MATCH (n:`Odd``Label`) DETACH DELETE n', {}, { database: database() });
    }
    const after = await get('/api/schema');
    expect(after.body.labels.map((l: any) => l.label)).not.toContain('Odd`Label');
  });
});

describe('GET /api/paths', () => {
  it('says when paths were dropped past the limit', async () => {
    // drug 0 and drug 7 share both the hub and the side target: two shortest paths.
    const one = await get(`/api/paths?from=${drugId(0)}&to=${drugId(7)}&limit=1`);
    expect(one.body.paths).toHaveLength(1);
    expect(one.body.truncated).toMatchObject({ reason: 'limit', limit: 1 });
    const all = await get(`/api/paths?from=${drugId(0)}&to=${drugId(7)}&limit=5`);
    expect(all.body.paths).toHaveLength(2);
    expect(all.body.truncated).toBe(false);
  });
});

describe('POST /api/export with the view ids', () => {
  it('exports a 2,000-node view from its ids', async () => {
    const ids = [HUB, ...Array.from({ length: 1999 }, (_, i) => drugId(i))];
    const res = await fetch(`${server.url}/api/export`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ format: 'json', ids }),
    });
    expect(res.status).toBe(200);
    const graph = (await res.json()) as any;
    expect(graph.nodes).toHaveLength(2000);
    // Every TARGETS edge of drugs 0..1998 to the hub, the parallel one included.
    expect(graph.edges).toHaveLength(2000);
    const bad = await fetch(`${server.url}/api/export`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ format: 'json', ids: [HUB, 'drug:nope'] }),
    });
    expect(bad.status).toBe(404);
  });
});

describe('POST /api/export with a posted graph over the old 5 MB body limit', () => {
  it('accepts a 6 MB view posted whole', async () => {
    const nodes = Array.from({ length: 12_000 }, (_, i) => ({
      id: `drug:${RUN}-posted-${i}`,
      label: 'Drug',
      name: `Posted ${i}`,
      description: 'x'.repeat(500),
    }));
    const body = JSON.stringify({ format: 'csv', part: 'nodes', nodes, edges: [] });
    expect(Buffer.byteLength(body)).toBeGreaterThan(6_000_000);
    const res = await fetch(`${server.url}/api/export`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(res.status).toBe(200);
    expect((await res.text()).split('\n').filter(Boolean)).toHaveLength(12_001);
  });
});

describe('compression', () => {
  it('gzips API responses when the client accepts it', async () => {
    const res = await fetch(`${server.url}/api/nodes/${HUB}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect((await res.json()).node.id).toBe(HUB);
  });

  it('prefers brotli, says Vary, and sends identity to a client that accepts neither', async () => {
    const url = `${server.url}/api/nodes/${HUB}`;
    const br = await fetch(url, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(br.headers.get('content-type')).toMatch(/^application\/json/);
    const viaBr = await br.json();
    const plain = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    const text = await plain.text();
    expect(Number(plain.headers.get('content-length'))).toBe(Buffer.byteLength(text));
    expect(JSON.parse(text)).toEqual(viaBr);
  });

  it('leaves a small body and an error uncompressed but intact', async () => {
    const small = await fetch(`${server.url}/api/nodes/nope-${Date.now()}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(small.status).toBe(404);
    expect(small.headers.get('content-encoding')).toBeNull();
    expect((await small.json()).error).toMatch(/not found/i);
  });
});
