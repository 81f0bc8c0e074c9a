/**
 * The knowledge base as a researcher relies on it: the data validates, the review's
 * garbled spellings land on canonical nodes, every trial identifier of the review is in
 * the graph, both tables are complete, and resistance pathways connect genes to drugs.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WITHOUT_GRAPH_NOTE } from '../../ingest/validate.js';
import { startTestServer } from '../helpers/server.js';
import { testDriver, testNeo4jConfig } from '../helpers/neo4j.js';

const root = path.resolve(import.meta.dirname, '../..');
const driver = testDriver();
const { database } = testNeo4jConfig();
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  await driver.close();
});

async function query<T = Record<string, unknown>>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const res = await driver.executeQuery(cypher, params, { database });
  return res.records.map((r) => r.toObject() as T);
}

describe('npm run validate', () => {
  it('is clean on data/ and fails with located problems on bad data', () => {
    const ok = spawnSync('npx', ['tsx', 'ingest/cli.ts', '--validate-only'], { cwd: root, encoding: 'utf8' });
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^\d+ files valid: \d+ nodes, \d+ relationships\./m);
    const bad = spawnSync('npx', ['tsx', 'ingest/cli.ts', '--validate-only', '--data', 'tests/fixtures/broken'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('tests/fixtures/broken/bad.yaml:18 nodes[3].nctId: must be NCT followed by 8 digits');
  });

  it('validates every format, not only YAML, and says what it could not look up without a database', () => {
    const run = (dir: string) =>
      spawnSync('npx', ['tsx', 'ingest/cli.ts', '--validate-only', '--data', dir], { cwd: root, encoding: 'utf8' });
    // Nodes only (drugs.csv, targets.tsv): valid on their own.
    const own = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-validate-csv-'));
    try {
      for (const f of ['atlas-dataset.yaml', 'drugs.csv', 'targets.tsv']) {
        fs.copyFileSync(path.join(root, 'tests/fixtures/neo4j-csv', f), path.join(own, f));
      }
      const ok = run(own);
      expect(ok.stderr).toBe('');
      expect(ok.status).toBe(0);
      expect(ok.stdout).toMatch(/^2 files valid: [1-9]\d* nodes, 0 relationships\./m);
    } finally {
      fs.rmSync(own, { recursive: true, force: true });
    }
    // links.csv points into the review (target:pd-1): without a database that cannot be checked, and it says so.
    const linked = run('tests/fixtures/neo4j-csv');
    expect(linked.status).toBe(1);
    expect(linked.stderr).toContain(
      `tests/fixtures/neo4j-csv/links.csv:2 row 1.to: "target:pd-1" is not a node in the data (dangling reference)${WITHOUT_GRAPH_NOTE}`,
    );
    const bad = run('tests/fixtures/neo4j-csv-broken');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('tests/fixtures/neo4j-csv-broken/nodes.csv:3 row 2.n: "twelve" must be an integer');
  });
});

// Spelling in the review → canonical node id.
const GARBLED: Array<[string, string]> = [
  ['navulizumab', 'drug:nivolumab'],
  ['navolizumab', 'drug:nivolumab'],
  ['navuzumab', 'drug:nivolumab'],
  ['pabolizumab', 'drug:pembrolizumab'],
  ['pemuzumab', 'drug:pembrolizumab'],
  ['atezumab', 'drug:atezolizumab'],
  ['duvalizumab', 'drug:durvalumab'],
  ['epizumab', 'drug:ipilimumab'],
  ['ipiximab', 'drug:ipilimumab'],
  ['ibizumab', 'drug:ipilimumab'],
  ['trimetazumab', 'drug:tremelimumab'],
  ['trametazumab', 'drug:tremelimumab'],
  ['carrelizumab', 'drug:camrelizumab'],
  ['calilizumab', 'drug:camrelizumab'],
  ['ruilizumab', 'drug:camrelizumab'],
  ['xindilizumab', 'drug:sintilimab'],
  ['AK105', 'drug:penpulimab'],
  ['acetinib', 'drug:axitinib'],
  ['MetMAb', 'drug:onartuzumab'],
  ['NCT0322076', 'trial:nct03222076'],
];

describe('canonical names', () => {
  it.each(GARBLED)('a search for "%s" lands on %s', async (spelling, id) => {
    const res = await fetch(`${server.url}/api/search?q=${encodeURIComponent(spelling)}`);
    expect(res.status).toBe(200);
    const hits = (await res.json()) as Array<{ id: string }>;
    expect(hits[0]?.id).toBe(id);
  });

  it('keeps each as-written form as a synonym of its canonical node, never as a node', async () => {
    const rows = await query<{ spelling: string; ids: string[] }>(
      `UNWIND $spellings AS spelling
       OPTIONAL MATCH (n:Entity) WHERE toLower(n.name) = toLower(spelling)
       OPTIONAL MATCH (s:Entity) WHERE any(x IN s.synonyms WHERE toLower(x) = toLower(spelling))
       RETURN spelling, collect(DISTINCT n.id) AS asName, collect(DISTINCT s.id) AS ids`,
      { spellings: GARBLED.map(([s]) => s) },
    );
    for (const [spelling, id] of GARBLED) {
      const row = rows.find((r) => r.spelling === spelling) as { asName?: string[]; ids: string[] };
      expect(row.asName, spelling).toEqual([]);
      expect(row.ids, spelling).toEqual([id]);
    }
  });

  it('has no two entities sharing a name', async () => {
    const rows = await query(
      `MATCH (n:Entity) WITH toLower(n.name) AS name, collect(n.id) AS ids WHERE size(ids) > 1 RETURN name, ids`,
    );
    expect(rows).toEqual([]);
  });
});

describe('coverage of the review', () => {
  it('has every NCT number the review gives, with valid identifiers', async () => {
    const inReview = [
      'NCT01008358',
      'NCT02519348',
      'NCT02715531',
      'NCT03222076',
      'NCT03397654',
      'NCT03434379',
      'NCT03713593',
      'NCT03755791',
      'NCT04072679',
    ];
    const rows = await query<{ nct: string }>(`MATCH (t:Trial) WHERE t.nctId IS NOT NULL RETURN t.nctId AS nct`);
    const ncts = rows.map((r) => r.nct);
    expect(ncts).toEqual(expect.arrayContaining(inReview));
    for (const nct of ncts) expect(nct).toMatch(/^NCT\d{8}$/);
  });

  it('has every row of Table I (real-world studies, refs 80-85) with its outcomes', async () => {
    const rows = await query<{ ref: number; trials: number; outcomes: number }>(
      `UNWIND range(80, 85) AS ref
       OPTIONAL MATCH (t:Trial) WHERE ref IN t.refs AND t.design CONTAINS 'real-world'
       OPTIONAL MATCH (t)-[:REPORTS]->(o:Outcome)
       RETURN ref, count(DISTINCT t) AS trials, count(DISTINCT o) AS outcomes ORDER BY ref`,
    );
    for (const row of rows) {
      expect(row.trials, `Table I ref ${row.ref}`).toBeGreaterThanOrEqual(1);
      expect(row.outcomes, `Table I ref ${row.ref}`).toBeGreaterThanOrEqual(1);
    }
  });

  it('has every row of Table II (HPD biomarkers, refs 99-120) with a PREDICTS edge', async () => {
    const rows = await query<{ ref: number }>(
      `UNWIND range(99, 120) AS ref
       MATCH (b:Biomarker)-[p:PREDICTS]->() WHERE ref IN b.refs OR ref IN p.refs
       RETURN DISTINCT ref ORDER BY ref`,
    );
    expect(rows.map((r) => r.ref)).toEqual(Array.from({ length: 22 }, (_, i) => 99 + i));
  });

  it('reports IMbrave150 as the review states it: 501 patients, 42% lower risk of death, 67.2% alive at 12 months', async () => {
    const rows = await query<{ n: number; metrics: Array<[string, number]> }>(
      `MATCH (t:Trial {nctId: 'NCT03434379'})-[:REPORTS]->(o:Outcome)
       RETURN t.n AS n, collect([o.metric, o.value]) AS metrics`,
    );
    expect(rows[0]?.n).toBe(501);
    const values = rows[0]!.metrics.map(([, v]) => v);
    expect(values).toEqual(expect.arrayContaining([42, 67.2]));
  });

  it('connects resistance genes to the drugs they defeat, with what overcomes them', async () => {
    const jnk = await query(
      `MATCH p = (:Target {id: 'target:jnk'})-[:PARTICIPATES_IN|PROMOTES*1..3]->(:ResistanceMechanism)-[:CONFERS_RESISTANCE_TO]->(:Drug {id: 'drug:sorafenib'})
       RETURN p LIMIT 1`,
    );
    expect(jnk).toHaveLength(1);
    const t790m = await query<{ drug: string }>(
      `MATCH (m:ResistanceMechanism)-[:CONFERS_RESISTANCE_TO]->(:Drug {id: 'drug:gefitinib'})
       MATCH (d:Drug)-[:OVERCOMES]->(m)
       RETURN d.name AS drug ORDER BY drug`,
    );
    expect(t790m.map((r) => r.drug)).toEqual(expect.arrayContaining(['Afatinib', 'Osimertinib']));
  });

  it('links every trial to what it evaluates and every outcome to its trial', async () => {
    const rows = await query<{ orphanTrials: number; orphanOutcomes: number }>(
      `CALL { MATCH (t:Trial) WHERE NOT (t)-[:EVALUATES]->() RETURN count(t) AS orphanTrials }
       CALL { MATCH (o:Outcome) WHERE NOT ()-[:REPORTS]->(o) RETURN count(o) AS orphanOutcomes }
       RETURN orphanTrials, orphanOutcomes`,
    );
    expect(rows[0]).toEqual({ orphanTrials: 0, orphanOutcomes: 0 });
  });
});
