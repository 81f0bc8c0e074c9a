/**
 * A rerun waits for an interrupted load's transactions to be gone before it writes: a
 * transaction tagged as a load of the dataset (as a killed ingest leaves one while Neo4j
 * rolls it back) holds the rerun until it ends; other datasets' and untagged ones do not.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ingestMetadata, openIngestTransactions, waitForInterruptedLoads } from '../../ingest/interrupted.js';
import { testDriver, testNeo4jConfig } from '../helpers/neo4j.js';

const driver = testDriver();
const database = testNeo4jConfig().database;
afterAll(() => driver.close());

describe('waiting for an interrupted load', () => {
  it('holds until the dataset’s open load transaction ends, and only for that dataset', async () => {
    const session = driver.session({ database });
    const tx = session.beginTransaction({ metadata: ingestMetadata('wait-test', 'dead-run') });
    try {
      await tx.run("CREATE (:WaitProbe {name: 'not committed'})");
      expect(await openIngestTransactions(driver, database, 'wait-test')).toBe(1);
      expect(await openIngestTransactions(driver, database, 'other-dataset')).toBe(0);
      // The run that owns the transaction does not wait for itself.
      expect(await openIngestTransactions(driver, database, 'wait-test', 'dead-run')).toBe(0);

      const messages: string[] = [];
      setTimeout(() => void tx.rollback(), 1_500);
      const waited = await waitForInterruptedLoads(driver, database, 'wait-test', {
        pollMs: 100,
        log: (m) => messages.push(m),
      });
      expect(waited).toBeGreaterThanOrEqual(1_400);
      expect(messages.join('\n')).toMatch(/waiting for 1 transaction\(s\) of an interrupted load of "wait-test"/);
      expect(await openIngestTransactions(driver, database, 'wait-test')).toBe(0);
    } finally {
      if (tx.isOpen()) await tx.rollback();
      await session.close();
    }
  });

  it('gives up with what to do when the transaction stays open', async () => {
    const session = driver.session({ database });
    const tx = session.beginTransaction({ metadata: ingestMetadata('stuck-test', 'other-run') });
    try {
      await tx.run('RETURN 1');
      await expect(
        waitForInterruptedLoads(driver, database, 'stuck-test', { timeoutMs: 300, pollMs: 100 }),
      ).rejects.toThrow(/still open on the server .*TERMINATE TRANSACTION/);
    } finally {
      await tx.rollback();
      await session.close();
    }
  });

  it('does not wait when nothing of the dataset is open', async () => {
    expect(await waitForInterruptedLoads(driver, database, 'idle-test', { pollMs: 100 })).toBeLessThan(5_000);
  });
});
