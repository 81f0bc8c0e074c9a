/**
 * The layers under the lexer in the read-only guard, against real Neo4j: EXPLAIN's
 * query type, and the READ transaction every query runs in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphDb } from '../../server/db/graph-db.js';
import { explainQueryType } from '../../server/queries/cypher.js';
import { testNeo4jConfig } from '../helpers/neo4j.js';

let db: GraphDb;
beforeAll(() => {
  db = new GraphDb(testNeo4jConfig());
});
afterAll(() => db?.close());

const countAll = async () => Number((await db.query('MATCH (n) RETURN count(n) AS c'))[0]!.get('c'));

describe('EXPLAIN query type', () => {
  it.each([
    ['MATCH (n:Drug) RETURN n.name', 'r'],
    ['CALL db.labels() YIELD label RETURN label', 'r'],
    ['CREATE (n:Scratch)', 'w'],
    ['MATCH (n:Drug) SET n.touched = true RETURN n', 'rw'],
    ['MATCH (n:Drug) WITH n LIMIT 1 CALL (n) { SET n.x = 1 } RETURN n', 'rw'],
    ['CALL db.createLabel("Scratch")', 'w'],
    ['CALL dbms.components() YIELD name RETURN name', 's'],
  ])('%s → %s, without running it', async (query, type) => {
    const before = await countAll();
    expect(await db.read((tx) => explainQueryType(tx, query, {}))).toBe(type);
    expect(await countAll()).toBe(before);
  });
});

describe('READ transactions', () => {
  it('refuse a write even if one got past every check', async () => {
    const before = await countAll();
    await expect(
      db.read((tx) => tx.run('CREATE (n:Entity:Scratch {id: "scratch:x"})').then(() => 'ran')),
    ).rejects.toMatchObject({
      code: expect.stringMatching(/^Neo\.ClientError\./),
    });
    expect(await countAll()).toBe(before);
  });

  it('time out on the server when a query runs too long', async () => {
    const t0 = Date.now();
    await expect(
      db.read(
        (tx) => tx.run('UNWIND range(1, 100000000000) AS x WITH x WHERE x = -1 RETURN count(*)').then((r) => r.records),
        {
          timeoutMs: 500,
        },
      ),
    ).rejects.toMatchObject({ code: expect.stringMatching(/TransactionTimedOut|Terminated/) });
    expect(Date.now() - t0).toBeLessThan(15_000);
  });
});
