/**
 * The builder at scale, on a Neo4j of this file's own (these tests load other datasets,
 * wipe and kill loads; the shared test database must keep holding only the review):
 * neo4j-admin CSV, dataset ownership and removal rules, streaming validation errors,
 * unchanged-file skipping, and a load killed with SIGKILL midway then resumed.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePowerLawCsv } from '../../bench/ingest-data.js';
import { createDriver, type Neo4jConfig, startedNeo4jConfig } from '../../db/connection.js';
import { PROJECT_ROOT, start, stop } from '../../db/launcher.js';
import { graphChecksum } from '../../ingest/checksum.js';
import { DataValidationError, formatProblem, RemovalRefusedError } from '../../ingest/errors.js';
import { ingest } from '../../ingest/ingest.js';
import { latestLoads, loadProblem } from '../../ingest/load-record.js';

const fixtures = path.join(PROJECT_ROOT, 'tests/fixtures');
const database = 'neo4j';
let config: Neo4jConfig;
let driver: Driver;
let db: { home: string; port: number };
let starting: ReturnType<typeof start> | undefined;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-builder-test-'));

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

async function scalar(query: string, params: Record<string, unknown> = {}): Promise<unknown> {
  const result = await driver.executeQuery(query, params, { database });
  return result.records[0]?.get(0);
}

beforeAll(async () => {
  const port = await freePort();
  db = { home: path.join(PROJECT_ROOT, `.data/neo4j-test-builder-${port}`), port };
  // The product's default heap (1536m): its per-transaction pool takes a 10,000-row batch.
  starting = start(db, { heap: '1536m' });
  const started = await starting;
  config = startedNeo4jConfig(port, started.password, database);
  driver = createDriver(config);
  await ingest({ driver, database, dataDir: path.join(PROJECT_ROOT, 'data'), wipe: true });
}, 600_000);

afterAll(async () => {
  await driver?.close();
  // Also when beforeAll timed out while Neo4j was still starting.
  const started = await starting?.catch(() => undefined);
  if (started?.startedHere) await stop(db);
  fs.rmSync(db.home, { recursive: true, force: true });
  fs.rmSync(tmp, { recursive: true, force: true });
}, 120_000);

describe('datasets on a shared graph', () => {
  it('loads a neo4j-admin CSV/TSV folder, typed, linking to review nodes without touching them', async () => {
    const review = await graphChecksum(driver, database, { dataset: 'review' });
    const report = await ingest({ driver, database, dataDir: path.join(fixtures, 'neo4j-csv') });
    expect(report).toMatchObject({ dataset: 'fixture-csv', mode: 'single' });
    expect(report.written).toMatchObject({ nodes: 3, relationships: 2 });
    const beta = await driver.executeQuery(
      'MATCH (n:Drug {id: "drug:fx-beta"}) RETURN properties(n) AS p',
      {},
      { database },
    );
    expect(beta.records[0]?.get('p')).toMatchObject({
      name: 'Testinib',
      synonyms: ['TST-22'],
      score: 1.5,
      oral: true,
      refs: [128],
      dataset: 'fixture-csv',
      source: 'fixture-csv@1',
    });
    expect(String(beta.records[0]?.get('p').description)).toContain('\nits description spans two lines');
    // The link into the review is the fixture's relationship, with its own provenance.
    const link = await driver.executeQuery(
      `MATCH (:Drug {id: 'drug:fx-alpha'})-[r:TARGETS]->(:Target {id: 'target:pd-1'}) RETURN r.dataset AS d, r.section AS s`,
      {},
      { database },
    );
    expect(link.records.map((r) => [r.get('d'), r.get('s')])).toEqual([['fixture-csv', 'Fixture table']]);
    expect(await graphChecksum(driver, database, { dataset: 'review' })).toEqual(review);
  });

  it('a fixture that redefines review nodes leaves every review node as it was', async () => {
    const review = await graphChecksum(driver, database, { dataset: 'review' });
    const report = await ingest({ driver, database, dataDir: path.join(fixtures, 'mini') });
    expect(report.dataset).toBe('fixture-mini');
    // mini's nivolumab, PD-1, CheckMate 040… belong to the review: linked, not overwritten.
    expect(report.written.linkedNotOwned).toBeGreaterThanOrEqual(5);
    expect(await graphChecksum(driver, database, { dataset: 'review' })).toEqual(review);
    expect(
      await scalar(
        `MATCH (:Drug {id: 'drug:nivolumab'})-[r:TARGETS]->(:Target {id: 'target:pd-1'}) WHERE r.dataset = 'fixture-mini' RETURN count(r)`,
      ),
    ).toBe(1);
  });

  it('reports every bad record with file, line, record and field, and writes nothing', async () => {
    const before = await graphChecksum(driver, database);
    let error: unknown;
    try {
      await ingest({ driver, database, dataDir: path.join(fixtures, 'neo4j-csv-broken') });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DataValidationError);
    const file = path.relative(process.cwd(), path.join(fixtures, 'neo4j-csv-broken'));
    expect((error as DataValidationError).problems.map(formatProblem)).toEqual([
      `${file}/nodes.csv:3 row 2.n: "twelve" must be an integer`,
      `${file}/nodes.csv:4 row 3.label: "Target" does not match the id's prefix, which makes "drug:fx-three" a Drug`,
      `${file}/nodes.csv:5 row 4: 7 fields, but the header has 6`,
      `${file}/relationships.csv:3 row 2: unterminated quoted field (a \`"\` is never closed)`,
      `${file}/relationships.csv:2 row 1.to: "target:nowhere" is not a node in the data (dangling reference)`,
    ]);
    expect(await graphChecksum(driver, database)).toEqual(before);
  });

  it('refuses to remove more than 20% of a dataset without --allow-removals', async () => {
    // The CSV fixture under ids of its own (fixture-csv owns drug:fx-*).
    const dir = path.join(tmp, 'shrinking');
    fs.mkdirSync(dir);
    for (const name of ['drugs.csv', 'targets.tsv', 'links.csv']) {
      const text = fs.readFileSync(path.join(fixtures, 'neo4j-csv', name), 'utf8');
      fs.writeFileSync(path.join(dir, name), text.replaceAll(':fx-', ':sh-'));
    }
    fs.writeFileSync(path.join(dir, 'atlas-dataset.yaml'), 'name: shrinking\nsection: Fixture table\n');
    await ingest({ driver, database, dataDir: dir });
    // Drop Testinib and its edge: 2 of the dataset's items.
    const drugs = fs.readFileSync(path.join(dir, 'drugs.csv'), 'utf8').split('\n');
    fs.writeFileSync(path.join(dir, 'drugs.csv'), `${drugs.slice(0, 2).join('\n')}\n`);
    fs.writeFileSync(
      path.join(dir, 'links.csv'),
      fs.readFileSync(path.join(dir, 'links.csv'), 'utf8').split('\n').slice(0, 2).join('\n'),
    );
    const before = await graphChecksum(driver, database);
    const dry = await ingest({ driver, database, dataDir: dir, dryRun: true });
    expect(dry.stale).toEqual({ nodes: 1, relationships: 1 });
    expect(dry.message).toMatch(/needs --allow-removals/);
    await expect(ingest({ driver, database, dataDir: dir })).rejects.toBeInstanceOf(RemovalRefusedError);
    expect(await graphChecksum(driver, database)).toEqual(before);
    const report = await ingest({ driver, database, dataDir: dir, allowRemovals: true });
    expect(report.removed).toMatchObject({ nodes: 1, relationships: 1 });
    expect(await scalar(`MATCH (n:Entity {id: 'drug:sh-beta'}) RETURN count(n)`)).toBe(0);
    expect(await scalar(`MATCH (n:Entity {id: 'drug:sh-alpha'}) RETURN n.dataset`)).toBe('shrinking');
    // fixture-csv's Testinib is untouched.
    expect(await scalar(`MATCH (n:Entity {id: 'drug:fx-beta'}) RETURN n.dataset`)).toBe('fixture-csv');
  });

  it('skips unchanged files on a rerun and loads only the changed one', async () => {
    const dir = path.join(tmp, 'rerun');
    fs.cpSync(path.join(fixtures, 'neo4j-csv'), dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'atlas-dataset.yaml'), 'name: rerun\nsection: Fixture table\n');
    await ingest({ driver, database, dataDir: dir });
    expect((await ingest({ driver, database, dataDir: dir })).mode).toBe('unchanged');
    fs.appendFileSync(
      path.join(dir, 'links.csv'),
      'drug:fx-alpha,target:fx-kinase,TARGETS,128,The fixture adds a second target.,blocker\n',
    );
    const report = await ingest({ driver, database, dataDir: dir });
    expect(report.skippedFiles).toEqual(['drugs.csv', 'targets.tsv']);
    expect(report.written).toMatchObject({ nodes: 0, relationships: 3 });
    expect(await scalar(`MATCH ()-[r:TARGETS]->() WHERE r.dataset = 'rerun' RETURN count(r)`)).toBe(3);
  });
});

describe('how a batched load sends its rows', () => {
  /** Each property of the dataset's nodes and relationships with its Neo4j type, sorted. */
  async function typedProperties(dataset: string): Promise<string[]> {
    const typed = "reduce(s = '', k IN keys(x) | s + k + '=' + valueType(x[k]) + ';')";
    const result = await driver.executeQuery(
      `MATCH (x:Entity {dataset: $dataset}) RETURN x.id + ' ' + ${typed} AS line
       UNION ALL MATCH ()-[x]->() WHERE x.dataset = $dataset RETURN x.key + ' ' + ${typed} AS line`,
      { dataset },
      { database },
    );
    return result.records.map((r) => r.get('line') as string).sort();
  }

  async function descriptions(): Promise<string[]> {
    const result = await driver.executeQuery(
      'MATCH (n:Drug {dataset: "transport-test"}) WHERE n.name STARTS WITH "Drug " RETURN n.description AS d ORDER BY n.id',
      {},
      { database },
    );
    return result.records.map((r) => r.get('d') as string);
  }

  async function removeDataset(dataset: string) {
    await driver.executeQuery(
      'MATCH (n:Entity {dataset: $dataset}) DETACH DELETE n WITH count(*) AS c MATCH (l:AtlasLoad {dataset: $dataset}) DELETE l',
      { dataset },
      { database },
    );
  }

  it('LOAD CSV from the loader and Bolt parameters write the same graph, tricky text included', async () => {
    const dir = path.join(tmp, 'transport');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'atlas-dataset.yaml'), 'name: transport-test\nsection: Fixture table\n');
    const text = [
      'plain',
      'a "quoted" word',
      'back\\slash and \\"escaped quote\\"',
      'trailing backslash\\',
      'two lines\nof text',
      'windows\r\nline end',
      'comma, semicolon and tab\t',
      'ünïcødé 🙂 中文',
    ];
    const csvField = (s: string) => `"${s.replaceAll('"', '""')}"`;
    const drugs = ['id:ID,:LABEL,name,synonyms:string[],description,refs:int[],score:float,oral:boolean'];
    for (const [i, t] of text.entries()) {
      // Row 5's synonym holds the CSV transport's list separator: its batch goes over Bolt.
      const synonyms = i === 5 ? 'x\u001fy;z' : `TT-${i};tt ${i}`;
      const fields = [`drug:tt-${i}`, 'Drug', csvField(`Drug ${i}`), csvField(synonyms), csvField(t)];
      drugs.push([...fields, `${i + 1};7`, String(i / 3), i % 2 ? 'true' : 'false'].join(','));
    }
    fs.writeFileSync(path.join(dir, 'drugs.csv'), `${drugs.join('\n')}\n`);
    const links = [':START_ID,:END_ID,:TYPE,refs:int[],evidence,action'];
    for (const [i, t] of text.entries()) {
      links.push([`drug:tt-${i}`, 'target:pd-1', 'TARGETS', String(i + 1), csvField(`Says ${t}`), 'blocker'].join(','));
    }
    fs.writeFileSync(path.join(dir, 'links.csv'), `${links.join('\n')}\n`);
    // Empty lists, and a list column that is empty in one row and not in the other.
    fs.writeFileSync(
      path.join(dir, 'more.yaml'),
      [
        'nodes:',
        '  - {id: drug:tt-empty, name: Emptinib, synonyms: [], description: No synonyms., refs: [1]}',
        '  - {id: drug:tt-full, name: Fullinib, synonyms: [FT-1], description: One synonym., refs: [1, 2]}',
        '',
      ].join('\n'),
    );

    const options = { driver, database, dataDir: dir, batchSize: 2, singleTransactionLimit: 0 };
    const bolt = await ingest({ ...options, transport: 'bolt' });
    expect(bolt.mode).toBe('batched');
    expect(bolt.batchesSent?.csv).toBe(0);
    const batches = bolt.batchesSent?.bolt ?? 0;
    expect(batches).toBeGreaterThanOrEqual(8);
    const expected = await graphChecksum(driver, database, { dataset: 'transport-test' });
    const expectedTypes = await typedProperties('transport-test');
    const expectedText = await descriptions();
    // As read and validated (trimmed; a line end inside a CSV field reads as \n).
    expect(expectedText).toEqual(text.map((t) => t.replaceAll('\r\n', '\n').trim()));
    expect(expected).toMatchObject({ nodes: 10, relationships: 8 });

    await removeDataset('transport-test');
    const csv = await ingest({ ...options, transport: 'csv' });
    // Every batch as CSV but the one whose synonym holds the separator.
    expect(csv.batchesSent).toEqual({ bolt: 1, csv: batches - 1 });
    expect(await graphChecksum(driver, database, { dataset: 'transport-test' })).toEqual(expected);
    expect(await typedProperties('transport-test')).toEqual(expectedTypes);
    // The tricky text itself came through (the checksums above compare everything else).
    expect(await descriptions()).toEqual(expectedText);
    await removeDataset('transport-test');
  });
});

describe('validation on worker threads', () => {
  // Read when a test runs (the driver is made in beforeAll).
  const options = () => ({ driver, database, validationThreads: 3, parallelMinBytes: 0 });

  it('finds the problems one thread finds, at the same lines and rows', async () => {
    const dir = path.join(tmp, 'parallel-broken');
    writePowerLawCsv(dir, { nodes: 300, relationships: 3000, seed: 11 });
    fs.writeFileSync(
      path.join(dir, 'atlas-dataset.yaml'),
      'name: parallel-broken\nsource: synthetic\nsection: Synthetic\n',
    );
    const file = path.join(dir, 'relationships.csv');
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    // A duplicate of an early row at the end, a bad integer, a dangling endpoint, a wrong endpoint label.
    lines.push(lines[5]!);
    lines.splice(2500, 0, 'target:pl-1,target:pl-2,BINDS,x1y,Bad refs.,association');
    lines.splice(1700, 0, 'target:pl-1,target:nowhere,BINDS,1,Dangling.,association');
    lines.splice(40, 0, 'target:pl-1,target:pl-3,PARTICIPATES_IN,1,Wrong end.,association');
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    const problems = async (threads: number) => {
      const failure = await ingest({ ...options(), dataDir: dir, dryRun: true, validationThreads: threads }).then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(failure).toBeInstanceOf(DataValidationError);
      return (failure as DataValidationError).problems.map(formatProblem).sort();
    };
    const single = await problems(1);
    expect(single).toHaveLength(4);
    expect(single.join('\n')).toMatch(/duplicate relationship/);
    expect(await problems(3)).toEqual(single);
  });

  it('loads the graph one thread loads', async () => {
    const dir = path.join(tmp, 'parallel-valid');
    const data = writePowerLawCsv(dir, { nodes: 1000, relationships: 12_000, seed: 5 });
    fs.writeFileSync(
      path.join(dir, 'atlas-dataset.yaml'),
      'name: parallel-valid\nsource: synthetic\nsection: Synthetic\n',
    );
    const remove = () =>
      driver.executeQuery(
        "MATCH (n:Entity {dataset: 'parallel-valid'}) DETACH DELETE n WITH count(*) AS c MATCH (l:AtlasLoad {dataset: 'parallel-valid'}) DELETE l",
        {},
        { database },
      );
    const parallel = await ingest({ ...options(), dataDir: dir, batchSize: 5000 });
    expect(parallel.relationships).toBe(data.relationships);
    const expected = await graphChecksum(driver, database, { dataset: 'parallel-valid' });
    expect(expected.relationships).toBe(data.relationships);
    await remove();
    await ingest({ ...options(), dataDir: dir, batchSize: 5000, validationThreads: 1 });
    expect(await graphChecksum(driver, database, { dataset: 'parallel-valid' })).toEqual(expected);
    await remove();
  });
});

describe('a load killed midway', () => {
  it('SIGKILL, then a rerun, gives exactly the graph of one clean run', async () => {
    const dir = path.join(tmp, 'kill');
    const data = writePowerLawCsv(dir, { nodes: 5000, relationships: 50_000, seed: 7 });
    fs.writeFileSync(path.join(dir, 'atlas-dataset.yaml'), 'name: kill-test\nsource: synthetic\nsection: Synthetic\n');
    // One clean run from an empty graph: the reference.
    const clean = await ingest({ driver, database, dataDir: dir, wipe: true });
    expect(clean.mode).toBe('batched');
    const expected = await graphChecksum(driver, database, { dataset: 'kill-test' });
    expect(expected.relationships).toBe(data.relationships);

    // The same from an empty graph again, killed midway.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(PROJECT_ROOT, 'ingest/cli.ts'), '--data', dir, '--batch-size', '2000', '--wipe'],
      {
        cwd: PROJECT_ROOT,
        env: { ...process.env, NEO4J_URI: config.uri, NEO4J_USER: config.user, NEO4J_PASSWORD: config.password },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Kill once the load record says running and some relationship batches are in.
    let written = 0;
    const deadline = Date.now() + 240_000;
    while (Date.now() < deadline && child.exitCode === null) {
      const running = await scalar(`MATCH (l:AtlasLoad {dataset: 'kill-test', status: 'running'}) RETURN count(l)`);
      written = Number(
        await scalar(`MATCH ()-[r:BINDS]->() WHERE r.dataset = 'kill-test' RETURN count(r)`).catch(() => 0),
      );
      if (running === 1 && written >= 4000) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(child.exitCode, `the ingest ended before it could be killed:\n${stderr}`).toBeNull();
    child.kill('SIGKILL');
    await exited;
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(data.relationships);

    // Health sees the interrupted load.
    const loads = await driver.executeQuery('RETURN 1', {}, { database }).then(async () => {
      const session = driver.session({ database });
      try {
        return await session.executeRead((tx) => latestLoads(tx));
      } finally {
        await session.close();
      }
    });
    expect(loads.find((l) => l.dataset === 'kill-test')?.status).toBe('running');
    expect(loadProblem(loads)).toMatch(/dataset "kill-test" .* has not finished/);

    // The default batch size (10,000, five times the killed run's): the rerun waits for the
    // dead run's transaction to be rolled back before it writes, so its first batch does not
    // wait on that transaction's locks (it once ran past the 60 s limit doing so).
    // What the rerun said (waits, retries, slow batches) goes with a failure.
    const said: string[] = [];
    const resumed = await ingest({ driver, database, dataDir: dir, log: (m) => said.push(m) }).catch((err: unknown) => {
      throw new Error(`the rerun failed: ${(err as Error).message}\nit said:\n${said.join('\n')}`, { cause: err });
    });
    expect(resumed.mode).toBe('batched');
    expect(resumed.relationships).toBe(data.relationships);
    expect(await graphChecksum(driver, database, { dataset: 'kill-test' })).toEqual(expected);
    expect(await graphChecksum(driver, database)).toEqual(expected);
  }, 600_000);
});
