/**
 * Researcher sources loaded into a real Neo4j of this file's own (the shared test database
 * must keep holding only the review, and these tests delete and reload datasets): the four
 * formats, resolution onto the review's entities (no duplicates), declared extensions, and
 * the GraphML round trip.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver, startedNeo4jConfig } from '../../db/connection.js';
import { PROJECT_ROOT, start, stop } from '../../db/launcher.js';
import { type GraphChecksum, graphChecksum } from '../../ingest/checksum.js';
import { ingest } from '../../ingest/ingest.js';
import { readExtensions } from '../../ingest/mapping/extensions-store.js';
import { GraphCollector } from '../../server/db/convert.js';
import { startServer } from '../../server/app.js';
import { writeGraphml } from '../../server/export/graphml.js';
import type { SchemaCounts } from '../../server/queries/overview.js';

const database = 'neo4j';
const fixtures = path.join(PROJECT_ROOT, 'tests/fixtures/sources');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-sources-'));
let driver: Driver;
let db: { home: string; port: number };
let startedHere = false;
let password = '';
let reviewBefore: GraphChecksum;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function query<T = unknown>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const res = await driver.executeQuery(cypher, params, { database });
  return res.records.map((r) => r.toObject() as T);
}

beforeAll(async () => {
  const port = await freePort();
  db = { home: path.join(PROJECT_ROOT, `.data/neo4j-test-sources-${port}`), port };
  const started = await start(db, { heap: '768m' });
  startedHere = started.startedHere;
  password = started.password;
  driver = createDriver(startedNeo4jConfig(port, started.password, database));
  // Small batches, each its own transaction: no batch nears the 60 s limit on a loaded machine.
  await ingest({ driver, database, dataDir: path.join(PROJECT_ROOT, 'data'), wipe: true, batchSize: 500 });
  reviewBefore = await graphChecksum(driver, database, { dataset: 'review' });
}, 240_000);

afterAll(async () => {
  await driver?.close();
  if (startedHere) await stop(db);
  fs.rmSync(db.home, { recursive: true, force: true });
  fs.rmSync(tmp, { recursive: true, force: true });
}, 120_000);

/** Loads share two cores with other test runs: generous. */
const LOAD_TIMEOUT = 240_000;

const load = (dir: string, extra: { dryRun?: boolean } = {}) =>
  ingest({ driver, database, dataDir: path.join(fixtures, dir), ...extra });

describe('loading researchers’ sources', () => {
  it(
    'a dry run reports the resolution and writes nothing',
    async () => {
      const report = await load('kgx-tsv', { dryRun: true });
      expect(report.mode).toBe('dry-run');
      expect(report.imported?.resolution).toMatchObject({ matched: 5, created: 2, ambiguous: 1 });
      expect(report.imported?.resolution.ambiguousRecords[0]?.candidates).toEqual([
        'drug:nivolumab',
        'drug:pembrolizumab',
      ]);
      expect(await query('MATCH (n:Entity {dataset: "ici-sheet"}) RETURN n.id')).toEqual([]);
    },
    LOAD_TIMEOUT,
  );

  it(
    'KGX TSV naming drugs by brand and DrugBank id: no second nivolumab, facts on the canonical nodes',
    async () => {
      const report = await load('kgx-tsv');
      expect(report.mode).toBe('single');
      expect(report.imported?.resolution).toMatchObject({
        matched: 5,
        created: 2,
        ambiguous: 1,
        duplicateRelationships: 1,
      });
      const nivolumabs = await query<{ id: string }>(
        `MATCH (d:Drug) WHERE d.drugbankId = 'DB09035' OR toLower(d.name) IN ['nivolumab', 'opdivo']
          OR any(s IN d.synonyms WHERE toLower(s) IN ['nivolumab', 'opdivo']) RETURN d.id AS id`,
      );
      expect(nivolumabs).toEqual([{ id: 'drug:nivolumab' }]);
      const own = await query<{ id: string; labels: string[] }>(
        'MATCH (n:Entity {dataset: "ici-sheet"}) RETURN n.id AS id, labels(n) AS labels ORDER BY id',
      );
      expect(own).toEqual([
        { id: 'anatomy:uberon-0002107', labels: ['Entity', 'Anatomy'] },
        { id: 'drug:icisheet-0008', labels: ['Entity', 'Drug'] },
        { id: 'target:hgnc-6476', labels: ['Entity', 'Target'] },
      ]);
      const [targets] = await query<{ source: string; evidence: string; refs: number[]; imported: boolean }>(
        `MATCH (:Drug {id: 'drug:nivolumab'})-[r:TARGETS {dataset: 'ici-sheet'}]->(:Target {id: 'target:pd-1'})
       RETURN r.source AS source, r.evidence AS evidence, r.refs AS refs, r.imported AS imported`,
      );
      expect(targets).toEqual({
        source: 'ici-sheet 2026.11',
        evidence: 'ICI sheet (2026.11) lists Opdivo as acting on PDCD1 (predicate biolink:interacts_with).',
        refs: [],
        imported: true,
      });
      // The review's nodes and relationships are exactly as before.
      expect(await graphChecksum(driver, database, { dataset: 'review' })).toEqual(reviewBefore);
    },
    LOAD_TIMEOUT,
  );

  it(
    'stores declared labels and types where the server can read them',
    async () => {
      const stored = await readExtensions(driver, database);
      expect(stored.labels).toContainEqual(
        expect.objectContaining({ label: 'Anatomy', prefix: 'anatomy', color: '#8C6D31' }),
      );
      expect(stored.relationshipTypes).toContainEqual(
        expect.objectContaining({ type: 'EXPRESSED_IN', from: ['Target'], to: ['Anatomy'] }),
      );
      const [expressed] = await query<{ n: number }>(
        "MATCH (:Target)-[r:EXPRESSED_IN {dataset: 'ici-sheet'}]->(:Anatomy) RETURN count(r) AS n",
      );
      expect(Number(expressed?.n)).toBe(2);
      // The server's /api/schema lists them for the viewer's colours and filters.
      const server = await startServer({
        port: 0,
        config: startedNeo4jConfig(db.port, password, database),
        log: () => {},
      });
      try {
        const schema = (await (await fetch(`${server.url}/api/schema`)).json()) as SchemaCounts;
        expect(schema.declared.labels).toContainEqual(
          expect.objectContaining({ label: 'Anatomy', prefix: 'anatomy', color: '#8C6D31', datasets: ['ici-sheet'] }),
        );
        expect(schema.declared.relationshipTypes).toContainEqual(
          expect.objectContaining({ type: 'EXPRESSED_IN', from: ['Target'], to: ['Anatomy'], datasets: ['ici-sheet'] }),
        );
        expect(schema.labels).toContainEqual({
          label: 'Anatomy',
          count: Number((await query<{ n: number }>('MATCH (n:Anatomy) RETURN count(n) AS n'))[0]?.n),
        });
        expect(schema.relationshipTypes).toContainEqual({ type: 'EXPRESSED_IN', count: 2 });
        // Nothing declared is invented: every declared name was stored by a load.
        expect(schema.declared.labels.map((l) => l.label)).toEqual(stored.labels.map((l) => l.label));
      } finally {
        await server.close();
      }
    },
    LOAD_TIMEOUT,
  );

  it(
    'KGX JSON Lines, GraphML and GEXF load onto the same canonical entities',
    async () => {
      const jsonl = await load('kgx-jsonl');
      expect(jsonl.imported?.resolution).toMatchObject({ matched: 5, created: 1 });
      const graphml = await load('graphml');
      expect(graphml.imported?.resolution).toMatchObject({ matched: 3, created: 2 });
      const gexf = await load('gexf');
      expect(gexf.imported?.resolution).toMatchObject({ matched: 4, created: 1 });
      const edges = await query<{ e: string }>(
        `MATCH (a)-[r]->(b) WHERE r.dataset IN ['hcc-registry', 'costimulation-drawing', 'comention-net']
       RETURN a.id + ' ' + type(r) + ' ' + b.id AS e ORDER BY e`,
      );
      expect(edges.map((x) => x.e)).toEqual([
        'drug:atezolizumab CAUSES_ADVERSE_EVENT ae:hp-0000821',
        'drug:durvalumab TARGETS target:pd-l1',
        'drug:ipilimumab TARGETS target:ctla-4',
        'drug:tremelimumab INDICATED_FOR disease:hcc',
        'target:cd28 IN_PATHWAY pathway:r-hsa-389356',
        'target:cd80 BINDS target:cd28',
        'target:ctla-4 IN_PATHWAY pathway:r-hsa-389356',
        'target:hgnc-5999 IN_PATHWAY pathway:r-hsa-389356',
        'trial:nct03434379 EVALUATES drug:atezolizumab',
        'trial:nct03434379 STUDIES disease:hcc',
      ]);
      // No brand name became a node of its own.
      expect(
        await query(
          "MATCH (d:Drug) WHERE toLower(d.name) IN ['opdivo', 'keytruda', 'tecentriq', 'imjudo', 'yervoy', 'imfinzi', 'avastin'] RETURN d.id",
        ),
      ).toEqual([]);
      expect(await graphChecksum(driver, database, { dataset: 'review' })).toEqual(reviewBefore);
    },
    LOAD_TIMEOUT,
  );

  it(
    'a rerun of unchanged sources gives the same graph',
    async () => {
      const before = await graphChecksum(driver, database, { dataset: 'ici-sheet' });
      const again = await ingest({ driver, database, dataDir: path.join(fixtures, 'kgx-tsv'), force: true });
      expect(again.imported?.resolution).toMatchObject({ matched: 5, created: 2, ambiguous: 1 });
      expect(await graphChecksum(driver, database, { dataset: 'ici-sheet' })).toEqual(before);
    },
    LOAD_TIMEOUT,
  );

  it(
    'the GraphML the server exports loads back to the same graph (checksum)',
    async () => {
      const dataset = 'ici-sheet';
      const before = await graphChecksum(driver, database, { dataset });
      expect(before.nodes).toBe(3);
      // Export the dataset's relationships and nodes, as the export route writes them.
      const res = await driver.executeQuery(
        `MATCH (n:Entity {dataset: $dataset}) RETURN n AS item
       UNION
       MATCH (a:Entity)-[r {dataset: $dataset}]->(b:Entity) UNWIND [a, r, b] AS item RETURN item`,
        { dataset },
        { database },
      );
      const collector = new GraphCollector();
      for (const r of res.records) collector.add(r.get('item'));
      const dir = path.join(tmp, 'roundtrip');
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, 'export.graphml'), writeGraphml(collector.subgraph()));
      fs.copyFileSync(path.join(fixtures, 'atlas-export-mapping.yaml'), path.join(dir, 'mapping.yaml'));
      fs.writeFileSync(
        path.join(dir, 'atlas-dataset.yaml'),
        `name: ${dataset}\nversion: "2026.11"\nmapping: mapping.yaml\n`,
      );
      // Remove the dataset, then load the export in its place.
      await query('MATCH ()-[r {dataset: $dataset}]->() DELETE r', { dataset });
      await query('MATCH (n:Entity {dataset: $dataset}) DETACH DELETE n', { dataset });
      expect((await graphChecksum(driver, database, { dataset })).nodes).toBe(0);
      const report = await ingest({ driver, database, dataDir: dir });
      // The review's nodes in the export resolve onto themselves; the dataset's own are
      // recreated (the row whose identifiers name two drugs is as ambiguous as the first time).
      expect(report.imported?.resolution).toMatchObject({ matched: 5, created: 2, ambiguous: 1 });
      expect(await graphChecksum(driver, database, { dataset })).toEqual(before);
      expect(await graphChecksum(driver, database, { dataset: 'review' })).toEqual(reviewBefore);
    },
    LOAD_TIMEOUT,
  );
});
