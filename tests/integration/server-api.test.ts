/** Health, search, node detail, neighbours, overview graph and schema against the test Neo4j. */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphNode, SearchHit, Subgraph } from '../../ontology/index.js';
import { startServer, type RunningServer } from '../../server/app.js';
import { testDriver, testNeo4jConfig } from '../helpers/neo4j.js';

let server: RunningServer;
let driver: Driver;

async function get<T = any>(path: string): Promise<{ status: number; body: T }> {
  const res = await fetch(server.url + path);
  return { status: res.status, body: (await res.json()) as T };
}

async function count(cypher: string, params: Record<string, unknown> = {}): Promise<number> {
  const { records } = await driver.executeQuery(cypher, params, {
    database: testNeo4jConfig().database,
    routing: 'READ',
  });
  return Number(records[0]?.get(0));
}

beforeAll(async () => {
  server = await startServer({ port: 0, config: testNeo4jConfig(), log: () => {} });
  driver = testDriver();
});
afterAll(async () => {
  await server?.close();
  await driver?.close();
});

describe('GET /api/health', () => {
  it('reports the server, its version and the graph size', async () => {
    const { status, body } = await get('/api/health');
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.neo4j).toMatchObject({
      uri: testNeo4jConfig().uri,
      database: testNeo4jConfig().database,
      reachable: true,
    });
    expect(body.neo4j.version).toMatch(/^\d+\.\d+/);
    expect(body.nodes).toBe(await count('MATCH (n) RETURN count(n)'));
    expect(body.relationships).toBe(await count('MATCH ()-[r]->() RETURN count(r)'));
    expect(body.nodes).toBeGreaterThan(0);
  });
});

describe('GET /api/search', () => {
  it.each([
    ['navulizumab', 'drug:nivolumab'],
    ['Nivolumab', 'drug:nivolumab'],
    ['nivolumb', 'drug:nivolumab'],
    ['nivolu', 'drug:nivolumab'],
    ['pembrolizumabb', 'drug:pembrolizumab'],
    ['pembro', 'drug:pembrolizumab'],
    ['drug:sorafenib', 'drug:sorafenib'],
  ])('"%s" finds %s first', async (q, id) => {
    const { status, body } = await get<SearchHit[]>(`/api/search?q=${encodeURIComponent(q)}`);
    expect(status).toBe(200);
    expect(body[0]?.id).toBe(id);
    expect(body[0]?.label).toBe('Drug');
    expect(body[0]?.score).toBeGreaterThan(0);
  });

  it('says which synonym a garbled name matched', async () => {
    const { body } = await get<SearchHit[]>('/api/search?q=navulizumab');
    expect(body[0]).toMatchObject({ id: 'drug:nivolumab', name: 'Nivolumab', matched: 'navulizumab' });
  });

  it('ranks by score, honours limit and survives Lucene syntax in the input', async () => {
    const { body } = await get<SearchHit[]>('/api/search?q=pd&limit=3');
    expect(body.length).toBeGreaterThan(0);
    expect(body.length).toBeLessThanOrEqual(3);
    for (let i = 1; i < body.length; i++) expect(body[i - 1]!.score).toBeGreaterThanOrEqual(body[i]!.score);
    const syntax = await get(`/api/search?q=${encodeURIComponent('nivolumab AND (pd-1 OR "x')}&limit=5`);
    expect(syntax.status).toBe(200);
    expect(syntax.body.length).toBeGreaterThan(0);
    const odd = await get<SearchHit[]>(`/api/search?q=${encodeURIComponent('"Nivolumab:*~(')}&limit=5`);
    expect(odd.status).toBe(200);
    expect(odd.body[0]?.id).toBe('drug:nivolumab');
  });

  it('400s on a missing q or a bad limit, naming the parameter', async () => {
    const noQ = await get('/api/search');
    expect(noQ.status).toBe(400);
    expect(noQ.body).toMatchObject({ parameter: 'q' });
    const badLimit = await get('/api/search?q=x&limit=0');
    expect(badLimit.status).toBe(400);
    expect(badLimit.body).toMatchObject({ parameter: 'limit', reason: 'must be at least 1' });
    expect((await get('/api/search?q=x&limit=abc')).body.parameter).toBe('limit');
  });
});

describe('GET /api/nodes/:id', () => {
  it('returns the node and its relationships in both directions with provenance', async () => {
    const { status, body } = await get('/api/nodes/drug:nivolumab');
    expect(status).toBe(200);
    expect(body.node).toMatchObject({ id: 'drug:nivolumab', name: 'Nivolumab', label: 'Drug' });
    expect(body.node.synonyms).toContain('navulizumab');
    expect(body.relationships).toHaveLength(
      await count('MATCH (:Entity {id: "drug:nivolumab"})-[r]-() RETURN count(r)'),
    );
    const targets = body.relationships.find((r: any) => r.type === 'TARGETS' && r.other.id === 'target:pd-1');
    expect(targets).toMatchObject({ direction: 'out', other: { name: 'PD-1', label: 'Target' } });
    expect(targets.props.refs.length).toBeGreaterThan(0);
    expect(typeof targets.props.evidence).toBe('string');
    expect(typeof targets.props.source).toBe('string');
    const incoming = body.relationships.filter((r: any) => r.direction === 'in');
    expect(incoming.length).toBe(await count('MATCH (:Entity {id: "drug:nivolumab"})<-[r]-() RETURN count(r)'));
  });

  it('404s for an unknown node', async () => {
    const { status, body } = await get('/api/nodes/drug:does-not-exist');
    expect(status).toBe(404);
    expect(body).toMatchObject({ error: 'Not found: node "drug:does-not-exist"', id: 'drug:does-not-exist' });
  });
});

describe('GET /api/nodes/:id/neighbors', () => {
  it('returns the 1-hop neighbourhood with the edges among it', async () => {
    const { status, body } = await get<Subgraph>('/api/nodes/drug:nivolumab/neighbors');
    expect(status).toBe(200);
    const ids = body.nodes.map((n) => n.id);
    expect(ids).toContain('drug:nivolumab');
    expect(ids).toContain('target:pd-1');
    expect(ids.length).toBe(1 + (await count('MATCH (:Entity {id: "drug:nivolumab"})--(m) RETURN count(DISTINCT m)')));
    const idSet = new Set(ids);
    for (const e of body.edges) {
      expect(idSet.has(e.source) && idSet.has(e.target)).toBe(true);
    }
    expect(
      body.edges.some((e) => e.type === 'TARGETS' && e.source === 'drug:nivolumab' && e.target === 'target:pd-1'),
    ).toBe(true);
  });

  it('filters by relationship type and expands by depth', async () => {
    const one = await get<Subgraph>('/api/nodes/drug:nivolumab/neighbors?types=TARGETS');
    expect(one.body.edges.every((e) => e.type === 'TARGETS')).toBe(true);
    expect(one.body.nodes.map((n) => n.id).sort()).toEqual(
      [
        'drug:nivolumab',
        ...(await ids('MATCH (:Entity {id: "drug:nivolumab"})-[:TARGETS]-(m) RETURN DISTINCT m.id')),
      ].sort(),
    );
    // Two hops over TARGETS: PD-1 and every other drug that targets it (pembrolizumab).
    const two = await get<Subgraph>('/api/nodes/drug:nivolumab/neighbors?depth=2&types=TARGETS');
    expect(two.body.nodes.map((n) => n.id)).toContain('drug:pembrolizumab');
  });

  it('cuts at limit, closest nodes first, and says so', async () => {
    const { body } = await get<Subgraph & { truncated: boolean }>(
      '/api/nodes/drug:nivolumab/neighbors?depth=3&limit=2',
    );
    expect(body.nodes).toHaveLength(2);
    expect(body.nodes[0]!.id).toBe('drug:nivolumab');
    expect(body.truncated).toMatchObject({ reason: 'nodes' });
  });

  it('400s on an unknown type or depth out of range; 404s on an unknown node', async () => {
    const t = await get('/api/nodes/drug:nivolumab/neighbors?types=TARGETS,KILLS');
    expect(t.status).toBe(400);
    expect(t.body.parameter).toBe('types');
    expect(t.body.reason).toContain('unknown relationship type "KILLS"');
    const d = await get('/api/nodes/drug:nivolumab/neighbors?depth=4');
    expect(d.status).toBe(400);
    expect(d.body).toMatchObject({ parameter: 'depth', reason: 'must be at most 3' });
    expect((await get('/api/nodes/drug:nope/neighbors')).status).toBe(404);
  });
});

async function ids(cypher: string): Promise<string[]> {
  const { records } = await driver.executeQuery(cypher, {}, { database: testNeo4jConfig().database, routing: 'READ' });
  return records.map((r) => r.get(0) as string);
}

describe('GET /api/graph', () => {
  it('returns the most connected nodes first with the edges among them and totals', async () => {
    const { status, body } = await get<Subgraph & { total: { nodes: number; edges: number }; truncated: boolean }>(
      '/api/graph?limit=10',
    );
    expect(status).toBe(200);
    expect(body.nodes).toHaveLength(10);
    const degrees = body.nodes.map((n) => n.degree as number);
    expect([...degrees].sort((a, b) => b - a)).toEqual(degrees);
    const top = await ids('MATCH (n:Entity) RETURN n.id ORDER BY COUNT { (n)--() } DESC, n.id LIMIT 1');
    expect(body.nodes[0]!.id).toBe(top[0]);
    expect(body.total.nodes).toBe(await count('MATCH (n:Entity) RETURN count(n)'));
    expect(body.truncated).toMatchObject({ reason: 'nodes' });
    const idSet = new Set(body.nodes.map((n) => n.id));
    for (const e of body.edges) expect(idSet.has(e.source) && idSet.has(e.target)).toBe(true);
    expect(body.edges.length).toBe(
      await count('MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id IN $ids AND b.id IN $ids RETURN count(r)', {
        ids: [...idSet],
      }),
    );
  });

  it('filters by label', async () => {
    const { body } = await get<Subgraph & { total: { nodes: number } }>('/api/graph?labels=Drug,Target&limit=5000');
    expect(new Set(body.nodes.map((n: GraphNode) => n.label))).toEqual(new Set(['Drug', 'Target']));
    expect(body.nodes.length).toBe(await count('MATCH (n:Entity) WHERE n:Drug OR n:Target RETURN count(n)'));
    expect(body.total.nodes).toBe(body.nodes.length);
    expect((await get('/api/graph?labels=Drug,Potion')).body).toMatchObject({ parameter: 'labels' });
  });
});

describe('GET /api/schema', () => {
  it('counts every label and relationship type', async () => {
    const { status, body } = await get('/api/schema');
    expect(status).toBe(200);
    const labels = Object.fromEntries(body.labels.map((l: any) => [l.label, l.count]));
    expect(labels.Drug).toBe(await count('MATCH (n:Drug) RETURN count(n)'));
    expect(labels.Drug).toBeGreaterThan(0);
    expect(labels.Guideline).toBeTypeOf('number'); // ontology labels are listed even at 0
    const types = Object.fromEntries(body.relationshipTypes.map((t: any) => [t.type, t.count]));
    expect(types.TARGETS).toBe(await count('MATCH ()-[r:TARGETS]->() RETURN count(r)'));
    expect(Object.keys(types)).toContain('REPORTED_IN');
  });
});

describe('unknown routes and the client', () => {
  it('404s JSON for an unknown API path', async () => {
    const { status, body } = await get('/api/nope');
    expect(status).toBe(404);
    expect(body.error).toContain('/api/nope');
  });

  it('serves a page at / (the viewer, or a clear "not built" page)', async () => {
    const res = await fetch(`${server.url}/`);
    const html = await res.text();
    expect(res.headers.get('content-type')).toMatch(/html/);
    if (res.status === 503) expect(html).toContain('npm run build');
    else expect(res.status).toBe(200);
  });
});
