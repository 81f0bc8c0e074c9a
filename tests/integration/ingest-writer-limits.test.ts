/**
 * The writer's own time limit for a batch and its report on a slow batch, against the real
 * test Neo4j: a batch blocked by another transaction's lock is reported as blocked (with how
 * long it waited) and commits once the lock is released; a batch past `batchTimeoutMs` ends
 * in a LoadLimitError that names the flags. Neither changes the review's graph.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { LoadLimitError, Writer } from '../../ingest/writer.js';
import { testDriver, testNeo4jConfig } from '../helpers/neo4j.js';

const driver = testDriver();
const database = testNeo4jConfig().database;
afterAll(() => driver.close());

/** Takes node `id`'s write lock and leaves its properties as they were. */
const LOCK = 'MATCH (n:Entity {id: $id}) SET n.writerProbe = 1 REMOVE n.writerProbe RETURN 0 AS written';

async function someNodeId(): Promise<string> {
  const { records } = await driver.executeQuery(
    'MATCH (n:Entity) RETURN n.id AS id ORDER BY id LIMIT 1',
    {},
    { database },
  );
  return records[0]?.get('id') as string;
}

describe('a slow batch', () => {
  it('is reported as blocked by the transaction holding its lock, and commits once that ends', async () => {
    const id = await someNodeId();
    const holder = driver.session({ database });
    const held = holder.beginTransaction();
    await held.run(LOCK, { id });
    const messages: string[] = [];
    const writer = new Writer(driver, database, {
      single: false,
      batchSize: 1,
      metadata: { app: 'writer-test', runId: 'slow-batch-test' },
      slowBatchMs: 400,
      onSlowBatch: (m) => messages.push(m),
    });
    let written = -1;
    try {
      await writer.write({ query: LOCK, params: { id }, onDone: (n) => (written = n) });
      const deadline = Date.now() + 20_000;
      while (messages.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    } finally {
      await held.rollback();
      await holder.close();
    }
    await writer.commit();
    expect(written).toBe(0);
    expect(messages[0]).toMatch(/a batch has been running for \d+ s: status Blocked by/);
    expect(messages[0]).toMatch(/waiting for locks \d+\.\d s/);
    const { records } = await driver.executeQuery(
      'MATCH (n:Entity {id: $id}) RETURN n.writerProbe IS NULL AS clean',
      { id },
      { database },
    );
    expect(records[0]?.get('clean')).toBe(true);
  });

  it('ends at the writer’s batch time limit with a message naming the flags', async () => {
    const writer = new Writer(driver, database, { single: false, batchSize: 1, batchTimeoutMs: 1_000 });
    const t0 = Date.now();
    await writer.write({
      query: 'UNWIND range(1, 2000000000) AS x WITH x WHERE x = -1 RETURN count(*) AS written',
      params: {},
    });
    const failure = await writer.commit().then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(LoadLimitError);
    expect((failure as Error).message).toMatch(/time limit \(--batch-timeout.*--batch-size/);
    expect(Date.now() - t0).toBeLessThan(30_000);
  });
});
