/** Shortest paths, resistance pathways and exports against the test Neo4j. */
import { MultiGraph as Graph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/app.js';
import { testDriver, testNeo4jConfig } from '../helpers/neo4j.js';

let server: RunningServer;
let driver: Driver;

async function get<T = any>(path: string): Promise<{ status: number; body: T }> {
  const res = await fetch(server.url + path);
  return { status: res.status, body: (await res.json()) as T };
}

async function rows(cypher: string, params: Record<string, unknown> = {}): Promise<Record<string, any>[]> {
  const { records } = await driver.executeQuery(cypher, params, {
    database: testNeo4jConfig().database,
    routing: 'READ',
  });
  return records.map((r) => r.toObject());
}

beforeAll(async () => {
  server = await startServer({ port: 0, config: testNeo4jConfig(), log: () => {} });
  driver = testDriver();
});
afterAll(async () => {
  await server?.close();
  await driver?.close();
});

describe('GET /api/paths', () => {
  it('finds the shortest paths between two drugs through their shared target', async () => {
    const { status, body } = await get('/api/paths?from=drug:nivolumab&to=drug:pembrolizumab&types=TARGETS');
    expect(status).toBe(200);
    expect(body.paths.length).toBeGreaterThan(0);
    const viaPd1 = body.paths.find((p: any) => p.nodes[1].id === 'target:pd-1');
    expect(viaPd1.nodes.map((n: any) => n.id)).toEqual(['drug:nivolumab', 'target:pd-1', 'drug:pembrolizumab']);
    expect(viaPd1.edges.map((e: any) => e.type)).toEqual(['TARGETS', 'TARGETS']);
    expect(viaPd1.chain).toBe('Nivolumab –TARGETS→ PD-1 ←TARGETS– Pembrolizumab');
    for (const p of body.paths) expect(p.edges.every((e: any) => e.type === 'TARGETS')).toBe(true);
    expect(body.graph.nodes.map((n: any) => n.id)).toEqual(
      expect.arrayContaining(['drug:nivolumab', 'target:pd-1', 'drug:pembrolizumab']),
    );
  });

  it('returns exactly the paths Neo4j finds, all of the shortest length', async () => {
    const expected = await rows(
      `MATCH (a:Entity {id: 'drug:nivolumab'}), (b:Entity {id: 'drug:sorafenib'})
       MATCH p = allShortestPaths((a)-[*..4]-(b)) RETURN length(p) AS len, count(*) AS n`,
    );
    const { body } = await get('/api/paths?from=drug:nivolumab&to=drug:sorafenib&maxDepth=4&limit=100');
    if (expected.length === 0) {
      expect(body.paths).toEqual([]);
    } else {
      expect(body.paths).toHaveLength(Math.min(100, Number(expected[0]!.n)));
      for (const p of body.paths) expect(p.edges).toHaveLength(Number(expected[0]!.len));
    }
  });

  it('validates its parameters and 404s an unknown end', async () => {
    expect((await get('/api/paths?from=drug:nivolumab')).body).toMatchObject({ parameter: 'to' });
    expect((await get('/api/paths?from=drug:nivolumab&to=target:pd-1&maxDepth=7')).body).toMatchObject({
      parameter: 'maxDepth',
      reason: 'must be at most 6',
    });
    expect((await get('/api/paths?from=drug:nivolumab&to=drug:nivolumab')).status).toBe(400);
    const missing = await get('/api/paths?from=drug:nivolumab&to=drug:nope');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toContain('drug:nope');
  });
});

describe('GET /api/resistance', () => {
  it('returns every mechanism conferring resistance to sorafenib or its classes, with drivers and what overcomes them', async () => {
    const expected = await rows(
      `MATCH (d:Drug {id: 'drug:sorafenib'})
       OPTIONAL MATCH (d)-[:IN_CLASS]->(:DrugClass)-[:SUBCLASS_OF*0..3]->(c:DrugClass)
       WITH d, collect(DISTINCT c) AS classes
       UNWIND [d] + classes AS e
       MATCH (m)-[:CONFERS_RESISTANCE_TO]->(e) WHERE m:Mechanism OR m:Target
       RETURN m.id AS mech, e.id AS end`,
    );
    expect(expected.length).toBeGreaterThan(0);
    const { status, body } = await get('/api/resistance?target=drug:sorafenib');
    expect(status).toBe(200);
    expect(body.target).toMatchObject({ id: 'drug:sorafenib', label: 'Drug' });
    const got = body.pathways.map((p: any) => `${p.mechanism.id}→${p.resists.id}`).sort();
    expect(got).toEqual(expected.map((r) => `${r.mech}→${r.end}`).sort());

    for (const p of body.pathways) {
      expect(p.chain).toContain(`–CONFERS_RESISTANCE_TO→ ${p.resists.name}`);
      const drivers = await rows(
        `MATCH (d)-[:PARTICIPATES_IN|PROMOTES*1..3]->(:Entity {id: $m}) WHERE d:Target OR d:Biomarker OR d:CellType
         RETURN DISTINCT d.id AS id`,
        { m: p.mechanism.id },
      );
      expect(p.drivers.map((d: any) => d.id).sort()).toEqual(drivers.map((d) => d.id).sort());
      const overcome = await rows(`MATCH (x)-[:OVERCOMES]->(:Entity {id: $m}) RETURN x.id AS id`, {
        m: p.mechanism.id,
      });
      for (const o of overcome) expect(p.overcomeBy.map((x: any) => x.id)).toContain(o.id);
    }
    // The viewer gets a graph holding every pathway's mechanism and the edges between them.
    const nodeIds = new Set(body.graph.nodes.map((n: any) => n.id));
    for (const p of body.pathways) expect(nodeIds.has(p.mechanism.id)).toBe(true);
    expect(body.graph.edges.filter((e: any) => e.type === 'CONFERS_RESISTANCE_TO')).toHaveLength(expected.length);
  });

  it('follows multi-step driver chains (a target promoting a target that joins the mechanism)', async () => {
    const chains = await rows(
      `MATCH (d)-[:PARTICIPATES_IN|PROMOTES]->(x)-[:PARTICIPATES_IN|PROMOTES]->(m)-[:CONFERS_RESISTANCE_TO]->(:Drug {id: 'drug:sorafenib'})
       WHERE (d:Target OR d:Biomarker OR d:CellType) AND m:Mechanism
       RETURN d.name AS d, x.name AS x, m.name AS m LIMIT 1`,
    );
    if (chains.length === 0) return; // nothing multi-step in this data set
    const { body } = await get('/api/resistance?target=drug:sorafenib');
    const c = chains[0]!;
    const all = body.pathways.flatMap((p: any) => p.chains);
    expect(
      all.some(
        (ch: string) =>
          ch.startsWith(`${c.d} –`) && ch.includes(` ${c.x} –`) && ch.includes(` ${c.m} –CONFERS_RESISTANCE_TO→`),
      ),
    ).toBe(true);
  });

  it('for a class also includes its member drugs', async () => {
    const cls = await rows(
      `MATCH (:Drug)-[:IN_CLASS]->(c:DrugClass) WITH c, count(*) AS n RETURN c.id AS id ORDER BY n DESC, id LIMIT 1`,
    );
    const { status, body } = await get(`/api/resistance?target=${cls[0]!.id}`);
    expect(status).toBe(200);
    const members = await rows(`MATCH (d:Drug)-[:IN_CLASS]->(:DrugClass {id: $id}) RETURN d.id AS id`, {
      id: cls[0]!.id,
    });
    const ids = new Set(body.graph.nodes.map((n: any) => n.id));
    for (const m of members) expect(ids.has(m.id)).toBe(true);
  });

  it('400s for a node that is not a drug or class, 404s for an unknown one', async () => {
    const t = await get('/api/resistance?target=target:pd-1');
    expect(t.status).toBe(400);
    expect(t.body).toMatchObject({ parameter: 'target' });
    expect(t.body.reason).toContain('not a Drug or DrugClass');
    expect((await get('/api/resistance?target=drug:nope')).status).toBe(404);
    expect((await get('/api/resistance')).body).toMatchObject({ parameter: 'target' });
  });
});

describe('GET/POST /api/export', () => {
  const ids = 'drug:nivolumab,target:pd-1,drug:pembrolizumab';

  async function download(url: string, init?: RequestInit) {
    const res = await fetch(server.url + url, init);
    return { res, text: await res.text() };
  }

  it('GraphML: a download that graphology-graphml parses back with nodes, edges and attributes', async () => {
    const { res, text } = await download(`/api/export?format=graphml&ids=${ids}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('checkpoint-atlas.graphml');
    const g = parseGraphml(Graph, text);
    expect(g.nodes().sort()).toEqual(['drug:nivolumab', 'drug:pembrolizumab', 'target:pd-1']);
    expect(g.getNodeAttribute('drug:nivolumab', 'name')).toBe('Nivolumab');
    // GraphML label is the display name (issue 9); the type label has its own key.
    expect(g.getNodeAttribute('drug:nivolumab', 'label')).toBe('Nivolumab');
    expect(g.getNodeAttribute('drug:nivolumab', 'type')).toBe('Drug');
    const expectedEdges = await rows(
      'MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id IN $ids AND b.id IN $ids RETURN count(r) AS n',
      { ids: ids.split(',') },
    );
    expect(g.size).toBe(Number(expectedEdges[0]!.n));
    const targets = g.filterEdges(
      (_e, a, s, t) => a.type === 'TARGETS' && s === 'drug:nivolumab' && t === 'target:pd-1',
    );
    expect(targets).toHaveLength(1);
    expect(typeof g.getEdgeAttribute(targets[0]!, 'evidence')).toBe('string');
  });

  it('GEXF: parses back with graphology-gexf', async () => {
    const { res, text } = await download(`/api/export?format=gexf&ids=${ids}`);
    expect(res.status).toBe(200);
    const g = parseGexf(Graph, text);
    expect(g.order).toBe(3);
    expect(g.getNodeAttribute('target:pd-1', 'label')).toBe('PD-1');
  });

  it('JSON and CSV', async () => {
    const json = await download(`/api/export?format=json&ids=${ids}`);
    const sub = JSON.parse(json.text);
    expect(sub.nodes).toHaveLength(3);
    const csv = await download(`/api/export?format=csv&ids=${ids}&part=nodes`);
    expect(csv.res.headers.get('content-type')).toContain('text/csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]!.startsWith('id,label,name')).toBe(true);
    expect(lines.filter((l) => l.startsWith('drug:nivolumab,Drug,Nivolumab,'))).toHaveLength(1);
    const both = await download(`/api/export?format=csv&ids=${ids}`);
    expect(both.text).toContain('# edges\r\nid,type,source,target');
  });

  it('POST exports a subgraph the client holds', async () => {
    const body = {
      format: 'graphml',
      nodes: [
        { id: 'a', label: 'Drug', name: 'A & B' },
        { id: 'b', label: 'Target', name: 'B' },
      ],
      edges: [{ id: 'e1', type: 'TARGETS', source: 'a', target: 'b', refs: [1] }],
    };
    const { res, text } = await download('/api/export', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    const g = parseGraphml(Graph, text);
    expect(g.getNodeAttribute('a', 'name')).toBe('A & B');
    expect(g.getEdgeAttribute('e1', 'refs')).toBe('[1]');
  });

  it('validates format, ids and dangling edges; 404s unknown ids', async () => {
    expect((await get(`/api/export?format=pdf&ids=${ids}`)).body).toMatchObject({ parameter: 'format' });
    expect((await get('/api/export?format=json')).body).toMatchObject({ parameter: 'ids' });
    const missing = await get('/api/export?format=json&ids=drug:nivolumab,drug:nope');
    expect(missing.status).toBe(404);
    expect(missing.body.missing).toEqual(['drug:nope']);
    const dangling = await fetch(`${server.url}/api/export`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        format: 'json',
        nodes: [{ id: 'a', label: 'Drug', name: 'A' }],
        edges: [{ id: 'e', type: 'X', source: 'a', target: 'z' }],
      }),
    });
    expect(dangling.status).toBe(400);
    expect(((await dangling.json()) as any).parameter).toBe('edges');
  });
});
