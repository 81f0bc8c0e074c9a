/** POST /api/cypher (read-only guard, errors, rendering) and the saved-question endpoints. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadQuestions } from '../../server/lib/questions.js';
import { startServer, type RunningServer } from '../../server/app.js';
import { testDriver, testNeo4jConfig } from '../helpers/neo4j.js';

let server: RunningServer;
let driver: Driver;
const questionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-server-questions-'));

async function post<T = any>(url: string, body: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(server.url + url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}
const cypher = (query: string, params?: Record<string, unknown>) => post('/api/cypher', { query, params });

/** Everything in the database, so a refused write can be shown to have changed nothing. */
async function fingerprint(): Promise<string> {
  const { records } = await driver.executeQuery(
    `MATCH (n) WITH count(n) AS nodes, collect(DISTINCT labels(n)) AS labels
     OPTIONAL MATCH ()-[r]->() WITH nodes, labels, count(r) AS rels
     CALL db.propertyKeys() YIELD propertyKey
     RETURN nodes, rels, labels, collect(propertyKey) AS keys`,
    {},
    { database: testNeo4jConfig().database, routing: 'READ' },
  );
  return JSON.stringify(records[0]!.toObject());
}

beforeAll(async () => {
  fs.writeFileSync(
    path.join(questionsDir, 'pd1-drugs.cypher'),
    `// title: Which drugs target PD-1?
// description: Drugs with a TARGETS edge to the target.
// params: {"target": "target:pd-1"}
// expect: {"minRows": 2, "column": "drug", "includes": ["Nivolumab", "Pembrolizumab"]}
MATCH (d:Drug)-[r:TARGETS]->(t:Target {id: $target})
RETURN d.name AS drug, r, t ORDER BY drug`,
  );
  fs.writeFileSync(
    path.join(questionsDir, 'sneaky.cypher'),
    '// title: A write in disguise\nMATCH (n:Drug) SET n.hacked = true RETURN n',
  );
  server = await startServer({ port: 0, config: testNeo4jConfig(), questionsDir, log: () => {} });
  driver = testDriver();
});
afterAll(async () => {
  await server?.close();
  await driver?.close();
  fs.rmSync(questionsDir, { recursive: true, force: true });
});

describe('POST /api/cypher: reads', () => {
  it('returns columns, plain JSON rows and the graph found in them', async () => {
    const { status, body } = await cypher(
      `MATCH p = (d:Drug {id: $id})-[r:TARGETS]->(t:Target) RETURN d.name AS drug, d, r, p, t.id AS target, 7 AS seven`,
      { id: 'drug:nivolumab' },
    );
    expect(status).toBe(200);
    expect(body.columns).toEqual(['drug', 'd', 'r', 'p', 'target', 'seven']);
    const row = body.rows.find((r: any) => r.target === 'target:pd-1');
    expect(row.drug).toBe('Nivolumab');
    expect(row.seven).toBe(7);
    expect(row.d).toMatchObject({ id: 'drug:nivolumab', label: 'Drug', name: 'Nivolumab' });
    expect(row.r).toMatchObject({ type: 'TARGETS', source: 'drug:nivolumab', target: 'target:pd-1' });
    expect(row.r.refs.length).toBeGreaterThan(0);
    expect(row.p.nodes.map((n: any) => n.id)).toEqual(['drug:nivolumab', 'target:pd-1']);
    expect(row.p.edges[0].type).toBe('TARGETS');
    expect(body.graph.nodes.map((n: any) => n.id)).toEqual(expect.arrayContaining(['drug:nivolumab', 'target:pd-1']));
    expect(body.graph.edges.some((e: any) => e.type === 'TARGETS' && e.target === 'target:pd-1')).toBe(true);
    expect(body.truncated).toBe(false);
    expect(body.elapsedMs).toBeTypeOf('number');
  });

  it('adds the end nodes of returned relationships to the graph', async () => {
    const { body } = await cypher(
      `MATCH (:Drug {id: 'drug:nivolumab'})-[r:TARGETS]->(:Target {id: 'target:pd-1'}) RETURN r`,
    );
    expect(body.rows).toHaveLength(1);
    expect(body.graph.nodes.map((n: any) => n.id).sort()).toEqual(['drug:nivolumab', 'target:pd-1']);
  });

  it('passes whole-number params as integers (LIMIT $n works)', async () => {
    const { status, body } = await cypher('MATCH (n:Drug) RETURN n.id AS id LIMIT $n', { n: 2 });
    expect(status).toBe(200);
    expect(body.rows).toHaveLength(2);
  });

  it('caps rows at 1000 and says truncated', async () => {
    const { body } = await cypher('UNWIND range(1, 5000) AS x RETURN x');
    expect(body.rows).toHaveLength(1000);
    expect(body.rows[999]).toEqual({ x: 1000 });
    expect(body.truncated).toEqual({ reason: 'rows', limit: 1000, rows: 1000 });
  });

  it('allows the full-text search procedure', async () => {
    const { status, body } = await cypher(
      "CALL db.index.fulltext.queryNodes('entity_search', 'navulizumab') YIELD node RETURN node.id AS id",
    );
    expect(status).toBe(200);
    expect(body.rows.map((r: any) => r.id)).toContain('drug:nivolumab');
  });
});

describe('POST /api/cypher: refusals and errors', () => {
  it.each([
    ['CREATE (n:Entity:Drug {id: "drug:evil", name: "Evil"}) RETURN n', 'CREATE writes to the database.'],
    ['MATCH (n:Drug) SET n.hacked = true RETURN n', 'SET writes to the database.'],
    ['MATCH (n) DETACH DELETE n', 'DETACH writes to the database.'],
    ['CALL db.createLabel("Evil")', /db\.createLabel is not on the read-only allowlist/],
    ['CALL dbms.components() YIELD name RETURN name', /dbms\.components is not on the read-only allowlist/],
    ['DROP INDEX entity_search', 'DROP is an administration command.'],
    ['SHOW DATABASES', 'SHOW is an administration command.'],
    ['LOAD CSV FROM "file:///etc/passwd" AS l RETURN l', 'LOAD CSV reads files and is not allowed.'],
    ['MATCH (n) CALL { WITH n RETURN n.id AS i } IN TRANSACTIONS RETURN i', /IN TRANSACTIONS/],
  ])('refuses %s and leaves the database unchanged', async (query, reason) => {
    const before = await fingerprint();
    const { status, body } = await cypher(query);
    expect(status).toBe(400);
    expect(body.error).toBe('Only read queries are allowed');
    expect(body.reason).toMatch(reason);
    expect(await fingerprint()).toBe(before);
  });

  it("stops a query at the server-side timeout and reports Neo4j's code", async () => {
    const quick = await startServer({ port: 0, config: testNeo4jConfig(), cypher: { timeoutMs: 500 }, log: () => {} });
    try {
      const t0 = Date.now();
      const res = await fetch(`${quick.url}/api/cypher`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'UNWIND range(1, 100000000000) AS x WITH x WHERE x = -1 RETURN count(*)' }),
      });
      const body = (await res.json()) as any;
      expect(res.status).toBe(400);
      expect(body.code).toMatch(/TransactionTimedOut|Terminated/);
      expect(Date.now() - t0).toBeLessThan(15_000);
    } finally {
      await quick.close();
    }
  });

  it('returns a syntax error as Neo4j states it, with its code', async () => {
    const { status, body } = await cypher('MATCH (n RETURN n');
    expect(status).toBe(400);
    expect(body.code).toBe('Neo.ClientError.Statement.SyntaxError');
    expect(body.error).toContain("Invalid input 'RETURN'");
    // Positions refer to the query as sent, not to the EXPLAIN the guard adds.
    expect(body.error).toContain('(line 1, column 10 (offset: 9))');
    expect(body.error).not.toContain('EXPLAIN');
  });

  it('returns semantic errors with their code', async () => {
    const { status, body } = await cypher('MATCH (n) RETURN nope');
    expect(status).toBe(400);
    expect(body.code).toMatch(/^Neo\.ClientError\.Statement\./);
    expect(body.error).toContain('Variable `nope` not defined');
  });

  it('400s on a missing query or malformed JSON', async () => {
    expect(await post('/api/cypher', { params: {} })).toMatchObject({ status: 400, body: { parameter: 'query' } });
    expect(await post('/api/cypher', { query: 'RETURN 1', params: [1] })).toMatchObject({
      status: 400,
      body: { parameter: 'params' },
    });
    expect(await post('/api/cypher', '{not json')).toMatchObject({ status: 400, body: { error: 'Invalid JSON body' } });
  });
});

describe('saved questions', () => {
  it('lists the questions with their header fields', async () => {
    const res = await fetch(`${server.url}/api/questions`);
    const body = (await res.json()) as any;
    expect(res.status).toBe(200);
    expect(body.questions.map((q: any) => q.name)).toEqual(['pd1-drugs', 'sneaky']);
    expect(body.questions[0]).toMatchObject({
      name: 'pd1-drugs',
      title: 'Which drugs target PD-1?',
      description: 'Drugs with a TARGETS edge to the target.',
      params: { target: 'target:pd-1' },
    });
    expect(body.questions[0].query).toMatch(/^MATCH \(d:Drug\)/);
  });

  it('runs a question with its default params, or with params given', async () => {
    const { status, body } = await post('/api/questions/pd1-drugs/run', {});
    expect(status).toBe(200);
    expect(body.columns).toEqual(['drug', 'r', 't']);
    expect(body.rows.map((r: any) => r.drug)).toEqual(expect.arrayContaining(['Nivolumab', 'Pembrolizumab']));
    expect(body.graph.nodes.map((n: any) => n.id)).toContain('target:pd-1');
    const other = await post('/api/questions/pd1-drugs/run', { params: { target: 'target:does-not-exist' } });
    expect(other.status).toBe(200);
    expect(other.body.rows).toEqual([]);
  });

  it('runs saved questions through the same read-only guard', async () => {
    const before = await fingerprint();
    const { status, body } = await post('/api/questions/sneaky/run', {});
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'Only read queries are allowed', reason: 'SET writes to the database.' });
    expect(await fingerprint()).toBe(before);
  });

  it('404s for an unknown question', async () => {
    const { status, body } = await post('/api/questions/nope/run', {});
    expect(status).toBe(404);
    expect(body.error).toContain('nope');
  });
});

describe("the project's saved questions (cypher/questions)", async () => {
  const dir = path.resolve(import.meta.dirname, '../../cypher/questions');
  const { questions, problems } = await loadQuestions(dir);
  let project: RunningServer;
  beforeAll(async () => {
    project = await startServer({ port: 0, config: testNeo4jConfig(), questionsDir: dir, log: () => {} });
  });
  afterAll(() => project?.close());

  it('all parse', () => {
    expect(problems).toEqual([]);
  });

  it.each(questions.map((q) => [q.name, q] as const))(
    '%s runs through the API and meets its expect',
    async (name, q) => {
      const res = await fetch(`${project.url}/api/questions/${name}/run`, { method: 'POST' });
      const body = (await res.json()) as any;
      expect(res.status, JSON.stringify(body)).toBe(200);
      const e = q.expect ?? {};
      if (e.minRows !== undefined) expect(body.rows.length).toBeGreaterThanOrEqual(e.minRows);
      if (e.maxRows !== undefined) expect(body.rows.length).toBeLessThanOrEqual(e.maxRows);
      if (e.column) {
        const values = body.rows.flatMap((r: any) => r[e.column!]);
        for (const v of e.includes ?? []) expect(values).toContainEqual(v);
        for (const v of e.excludes ?? []) expect(values).not.toContainEqual(v);
      }
    },
  );
});
