import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataValidationError } from '../../ingest/errors.js';
import { graphChecksum } from '../../ingest/checksum.js';
import { MissingFolderError } from '../../ingest/formats.js';
import { ingest } from '../../ingest/ingest.js';
import { graphCounts } from '../../ingest/load.js';
import { type PrivateNeo4j, startPrivateNeo4j } from '../helpers/private-neo4j.js';

// These tests write (re-ingest, converge): on a Neo4j of their own, so that the shared test
// database, whose checksum the security suite compares, never changes under other files.
let neo4j: PrivateNeo4j;
let driver: Driver;
let database: string;
const root = path.resolve(import.meta.dirname, '../..');
beforeAll(async () => {
  neo4j = await startPrivateNeo4j('ingest');
  driver = neo4j.driver;
  database = neo4j.config.database;
}, 600_000);
afterAll(() => neo4j?.close(), 120_000);

describe('ingest into the real Neo4j', () => {
  it('converges: ingesting data/ again leaves the same graph', async () => {
    const before = await graphCounts(driver, database);
    const checksum = await graphChecksum(driver, database);
    expect(before.nodes).toBeGreaterThan(0);
    const report = await ingest({ driver, database, dataDir: path.join(root, 'data'), force: true });
    expect(report.mode).toBe('single');
    expect(report.dataset).toBe('review');
    expect(report.counts).toEqual(before);
    expect(await graphChecksum(driver, database)).toEqual(checksum);
    expect(report.counts.nodes).toBe(report.nodes);
    expect(report.counts.relationships).toBe(report.relationships);
  });

  it('skips a rerun of unchanged data, and says so', async () => {
    const checksum = await graphChecksum(driver, database);
    const report = await ingest({ driver, database, dataDir: path.join(root, 'data') });
    expect(report.mode).toBe('unchanged');
    expect(report.skippedFiles).toEqual(report.files);
    expect(report.message).toMatch(/dataset "review" is unchanged/);
    expect(await graphChecksum(driver, database)).toEqual(checksum);
  });

  it('an empty folder removes nothing and says so; a missing folder is an error', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-empty-'));
    try {
      const checksum = await graphChecksum(driver, database);
      for (const dataset of [undefined, 'review']) {
        const report = await ingest({ driver, database, dataDir: empty, dataset });
        expect(report.mode).toBe('empty');
        expect(report.message).toMatch(/no data files in .*: nothing loaded, nothing removed/);
      }
      expect(await graphChecksum(driver, database)).toEqual(checksum);
      await expect(ingest({ driver, database, dataDir: path.join(empty, 'missing') })).rejects.toBeInstanceOf(
        MissingFolderError,
      );
      expect(await graphChecksum(driver, database)).toEqual(checksum);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
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
