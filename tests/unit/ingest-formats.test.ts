import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataValidationError } from '../../ingest/errors.js';
import { formatFor, listSourceFiles, MissingFolderError } from '../../ingest/formats.js';
import { datasetIdentity, defaultDatasetName } from '../../ingest/identity.js';
import { parseHeaderField, readNeo4jCsv } from '../../ingest/sources/neo4j-csv.js';
import type { SourceRecord } from '../../ingest/source.js';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');

async function all(iterable: AsyncIterable<SourceRecord>): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const r of iterable) out.push(r);
  return out;
}

describe('format registry', () => {
  it('picks a reader per file and leaves the manifest and other files out', () => {
    const { files, ignored } = listSourceFiles(path.join(fixtures, 'neo4j-csv'));
    // Node files (by their header) before relationship files, whatever their names.
    expect(files.map((f) => [path.basename(f.path), f.format.name])).toEqual([
      ['drugs.csv', 'neo4j-csv'],
      ['targets.tsv', 'neo4j-csv'],
      ['links.csv', 'neo4j-csv'],
    ]);
    expect(ignored).toEqual([]);
    expect(formatFor(path.join(fixtures, 'mini', 'drugs.yaml'))?.name).toBe('yaml');
    expect(formatFor(path.join(fixtures, 'mini', 'atlas-dataset.yaml'))).toBeUndefined();
  });

  it('refuses a missing folder', () => {
    expect(() => listSourceFiles(path.join(fixtures, 'no-such-folder'))).toThrow(MissingFolderError);
  });
});

describe('neo4j-admin CSV/TSV reader', () => {
  it('reads typed columns, lists, quoted delimiters, quotes and newlines, with lines', async () => {
    const rows = await all(readNeo4jCsv(path.join(fixtures, 'neo4j-csv', 'drugs.csv')));
    expect(rows.map((r) => [r.kind, r.loc.line, r.loc.record, r.loc.path])).toEqual([
      ['node', 2, 1, 'row 1'],
      ['node', 3, 2, 'row 2'],
    ]);
    expect(rows[0]?.value).toEqual({
      id: 'drug:fx-alpha',
      label: 'Drug',
      name: 'Fixturumab',
      synonyms: ['FXM-1', 'fixturumab alfa'],
      description: 'An antibody made up for tests, with a comma.',
      refs: [45, 49],
      score: 0.75,
      approvalYear: 2019,
      oral: false,
    });
    expect(rows[1]?.value.description).toBe(
      'A kinase inhibitor made up for tests;\nits description spans two lines and quotes "itself".',
    );
    expect(rows[1]?.value).not.toHaveProperty('approvalYear');
    expect(rows[1]?.value.oral).toBe(true);
  });

  it('reads tab-separated files and relationship headers', async () => {
    const targets = await all(readNeo4jCsv(path.join(fixtures, 'neo4j-csv', 'targets.tsv')));
    expect(targets[0]?.value).toMatchObject({ id: 'target:fx-kinase', symbol: 'FXK1', refs: [128] });
    const links = await all(readNeo4jCsv(path.join(fixtures, 'neo4j-csv', 'links.csv')));
    expect(links[0]).toMatchObject({
      kind: 'relationship',
      value: { from: 'drug:fx-alpha', to: 'target:pd-1', type: 'TARGETS', refs: [45], action: 'blocker' },
    });
  });

  it('reports bad values, wrong field counts and unterminated quotes on the record', async () => {
    const nodes = await all(readNeo4jCsv(path.join(fixtures, 'neo4j-csv-broken', 'nodes.csv')));
    expect(nodes[1]?.problems).toEqual([{ field: 'n', message: '"twelve" must be an integer' }]);
    expect(nodes[3]?.problems).toEqual([{ field: '', message: '7 fields, but the header has 6' }]);
    const rels = await all(readNeo4jCsv(path.join(fixtures, 'neo4j-csv-broken', 'relationships.csv')));
    expect(rels[1]?.loc.line).toBe(3);
    expect(rels[1]?.problems?.[0]?.message).toMatch(/unterminated quoted field/);
  });

  it('parses header fields', () => {
    expect(parseHeaderField('synonyms:string[]')).toMatchObject({ name: 'synonyms', type: 'string', array: true });
    expect(parseHeaderField('n:long')).toMatchObject({ name: 'n', type: 'int', array: false });
    expect(parseHeaderField(':ID(Drugs)')).toMatchObject({ role: 'id', name: 'id' });
    expect(parseHeaderField('x:point')).toEqual({ error: expect.stringMatching(/unknown type "point"/) });
  });
});

describe('dataset identity', () => {
  it('takes the manifest name, else --dataset, else folder name + path hash', () => {
    expect(datasetIdentity(path.join(fixtures, 'neo4j-csv'))).toMatchObject({
      name: 'fixture-csv',
      from: 'manifest',
      defaults: { source: 'fixture-csv@1', section: 'Fixture table' },
    });
    expect(datasetIdentity(path.resolve(import.meta.dirname, '../../data')).name).toBe('review');
    expect(datasetIdentity(path.join(fixtures, 'broken'), 'mine')).toMatchObject({ name: 'mine', from: 'option' });
    // Two folders called `data` are two datasets.
    const a = defaultDatasetName('/tmp/one/data');
    const b = defaultDatasetName('/tmp/two/data');
    expect(a).toMatch(/^data-[0-9a-f]{8}$/);
    expect(a).not.toBe(b);
    expect(() => datasetIdentity(path.join(fixtures, 'neo4j-csv'), 'other')).toThrow(/conflicts with/);
  });

  it('reports a bad manifest with file, line and field', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-manifest-'));
    try {
      fs.writeFileSync(path.join(dir, 'atlas-dataset.yaml'), 'description: x\nname: Bad Name\n');
      let error: unknown;
      try {
        datasetIdentity(dir);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(DataValidationError);
      expect((error as DataValidationError).problems[0]).toMatchObject({ line: 2, field: 'name' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
