import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataValidationError } from '../../ingest/errors.js';
import { ingest } from '../../ingest/ingest.js';
import { graphCounts } from '../../ingest/load.js';
import { testDriver, testNeo4jConfig } from '../helpers/neo4j.js';

const driver = testDriver();
const { database } = testNeo4jConfig();
const root = path.resolve(import.meta.dirname, '../..');
afterAll(() => driver.close());

describe('ingest into the real Neo4j', () => {
  it('converges: ingesting data/ again leaves identical counts', async () => {
    const before = await graphCounts(driver, database);
    expect(before.nodes).toBeGreaterThan(0);
    const report = await ingest({ driver, database, dataDir: path.join(root, 'data') });
    expect(report.counts).toEqual(before);
    expect(report.counts.nodes).toBe(report.nodes);
    expect(report.counts.relationships).toBe(report.relationships);
  });

  it('writes nothing when any file is invalid', async () => {
    const before = await graphCounts(driver, database);
    await expect(
      ingest({ driver, database, dataDir: path.join(root, 'tests/fixtures/broken') }),
    ).rejects.toBeInstanceOf(DataValidationError);
    expect(await graphCounts(driver, database)).toEqual(before);
  });

  it('every node and relationship carries provenance', async () => {
    const res = await driver.executeQuery(
      `MATCH (n:Entity) WHERE n.refs IS NULL OR n.source IS NULL OR n.description IS NULL RETURN count(n) AS bad
       UNION ALL
       MATCH ()-[r]->() WHERE r.refs IS NULL OR r.evidence IS NULL OR r.section IS NULL OR r.source IS NULL RETURN count(r) AS bad`,
      {},
      { database },
    );
    expect(res.records.map((r) => r.get('bad'))).toEqual([0, 0]);
  });

  it('gives every node Entity plus exactly one type label', async () => {
    const res = await driver.executeQuery(
      `MATCH (n:Entity)
       WITH n, [l IN labels(n) WHERE NOT l IN ['Entity', 'ResistanceMechanism']] AS typeLabels
       WHERE size(typeLabels) <> 1 RETURN count(n) AS bad`,
      {},
      { database },
    );
    expect(res.records[0]?.get('bad')).toBe(0);
  });
});
