import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATS, formatFor } from '../../ingest/formats.js';
import { type SourceRecord, SourceReadError } from '../../ingest/source.js';
import { gexf, graphml, kgxJsonl, kgxTsv } from '../../ingest/sources/index.js';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'tests/fixtures/sources');
const opts = { displayRoot: root };

async function collect(records: AsyncIterable<SourceRecord>): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const r of records) out.push(r);
  return out;
}

async function readError(records: AsyncIterable<SourceRecord>): Promise<SourceReadError> {
  try {
    await collect(records);
  } catch (err) {
    expect(err).toBeInstanceOf(SourceReadError);
    return err as SourceReadError;
  }
  throw new Error('expected the file to be refused');
}

describe('format registry', () => {
  it('sends KGX files to the KGX readers before the generic neo4j-admin TSV, and XML by extension', () => {
    expect(formatFor('x/drugs_nodes.tsv', FORMATS)?.name).toBe('kgx-tsv');
    expect(formatFor('x/drugs_edges.tsv', FORMATS)?.name).toBe('kgx-tsv');
    expect(formatFor('x/drugs_nodes.jsonl', FORMATS)?.name).toBe('kgx-jsonl');
    expect(formatFor('x/net.graphml', FORMATS)?.name).toBe('graphml');
    expect(formatFor('x/net.gexf', FORMATS)?.name).toBe('gexf');
  });
});

describe('KGX TSV reader', () => {
  it('streams rows with lists split on | and empty fields absent, each located', async () => {
    const file = path.join(fixtures, 'kgx-tsv/ici_sheet_nodes.tsv');
    const records = await collect(kgxTsv.read(file, opts));
    expect(records).toHaveLength(9);
    const first = records[0]!;
    expect(first.kind).toBe('node');
    expect(first.value).toMatchObject({
      id: 'DRUGBANK:DB09035',
      category: ['biolink:Drug', 'biolink:ChemicalEntity'],
      name: 'Opdivo',
      synonym: ['OPDIVO'],
    });
    expect(first.loc).toEqual({
      file: 'tests/fixtures/sources/kgx-tsv/ici_sheet_nodes.tsv',
      line: 2,
      record: 1,
      path: 'row 1',
    });
    // KEYTRUDA has no synonym and no description: absent, not empty strings.
    expect(records[1]!.value).not.toHaveProperty('synonym');
    expect(records[1]!.value).not.toHaveProperty('description');
    expect(records[5]!.value.synonym).toEqual(['LAG-3', 'CD223']);
  });

  it('reads edge files as relationships', async () => {
    const records = await collect(kgxTsv.read(path.join(fixtures, 'kgx-tsv/ici_sheet_edges.tsv'), opts));
    expect(records.every((r) => r.kind === 'relationship')).toBe(true);
    expect(records[0]!.value).toMatchObject({
      subject: 'DRUGBANK:DB09035',
      predicate: 'biolink:interacts_with',
      object: 'HGNC:8760',
      publications: ['PMID:25891173'],
    });
  });

  it('reports a malformed row with its file, line and field, and keeps reading', async () => {
    const records = await collect(kgxTsv.read(path.join(fixtures, 'bad/broken_nodes.tsv'), opts));
    expect(records).toHaveLength(3);
    expect(records[0]!.problems).toBeUndefined();
    expect(records[1]!.loc.line).toBe(3);
    expect(records[1]!.problems).toEqual([
      { field: '', message: expect.stringContaining('3 fields where the header has 4 columns') },
    ]);
    expect(records[2]!.loc).toMatchObject({ line: 4, path: 'row 3' });
    expect(records[2]!.problems).toEqual([{ field: 'category', message: 'required, but empty' }]);
  });

  it('refuses a file whose header lacks a required column', async () => {
    const err = await readError(kgxTsv.read(path.join(fixtures, 'bad/noheader_nodes.tsv'), opts));
    expect(err.problems).toEqual([
      {
        file: 'tests/fixtures/sources/bad/noheader_nodes.tsv',
        line: 1,
        field: '(header)',
        message: 'missing column category',
      },
    ]);
  });
});

describe('KGX JSON Lines reader', () => {
  it('reads one object per line, a lone string category as a list, blank lines skipped', async () => {
    const records = await collect(kgxJsonl.read(path.join(fixtures, 'kgx-jsonl/hcc_registry_nodes.jsonl'), opts));
    expect(records).toHaveLength(6);
    expect(records[1]!.value.category).toEqual(['biolink:Drug']);
    // Line 6 is blank: the sixth record is on line 7.
    expect(records[5]!.loc).toMatchObject({ line: 7, record: 6, path: 'record 6' });
  });

  it('reports invalid JSON and wrong list items with file, line and field', async () => {
    const records = await collect(kgxJsonl.read(path.join(fixtures, 'bad/broken_nodes.jsonl'), opts));
    expect(records[1]!.loc.line).toBe(2);
    expect(records[1]!.problems?.[0]?.message).toMatch(/^not valid JSON/);
    expect(records[2]!.loc.line).toBe(3);
    expect(records[2]!.problems).toEqual([{ field: 'category', message: 'must be a list of strings' }]);
  });
});

describe('GraphML reader (graphology-graphml)', () => {
  it('yields nodes then edges with typed attributes and element lines', async () => {
    const records = await collect(graphml.read(path.join(fixtures, 'graphml/costimulation.graphml'), opts));
    const nodes = records.filter((r) => r.kind === 'node');
    const edges = records.filter((r) => r.kind === 'relationship');
    expect(nodes).toHaveLength(5);
    expect(edges).toHaveLength(4);
    expect(records.findIndex((r) => r.kind === 'relationship')).toBe(5);
    expect(nodes[0]!.value).toEqual({ id: 'R-HSA-389356', kind: 'pathway', name: 'CD28 co-stimulation', size: 12.5 });
    expect(nodes[0]!.loc).toMatchObject({ line: 11, record: 1, path: 'node R-HSA-389356' });
    expect(edges[0]!.value).toEqual({
      id: 'm1',
      source: 'HGNC:2505',
      target: 'R-HSA-389356',
      interaction: 'member',
      confidence: 0.9,
    });
    expect(edges[0]!.loc).toMatchObject({ line: 33, record: 6, path: 'edge m1' });
  });

  it('refuses malformed XML with the line of the problem', async () => {
    const err = await readError(graphml.read(path.join(fixtures, 'bad/broken.graphml'), opts));
    expect(err.problems[0]).toEqual({
      file: 'tests/fixtures/sources/bad/broken.graphml',
      line: 5,
      field: '(xml)',
      message: 'an element that is never closed, or a malformed tag',
    });
  });

  it('refuses an edge to a node the file does not have, at that edge', async () => {
    const err = await readError(graphml.read(path.join(fixtures, 'bad/dangling.graphml'), opts));
    expect(err.problems).toEqual([
      {
        file: 'tests/fixtures/sources/bad/dangling.graphml',
        line: 7,
        field: 'edge #2.target',
        message: '"zz" is not a node of this file',
      },
    ]);
  });

  it('caps the size of XML sources with a message that says what to do', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-xml-'));
    const big = path.join(dir, 'big.graphml');
    fs.writeFileSync(big, `<graphml>${' '.repeat(2 * 1024 * 1024)}</graphml>`);
    const previous = process.env.ATLAS_XML_MAX_MB;
    process.env.ATLAS_XML_MAX_MB = '1';
    try {
      const err = await readError(graphml.read(big));
      expect(err.problems[0]!.message).toMatch(/capped at 1 MiB \(ATLAS_XML_MAX_MB\).*KGX/);
    } finally {
      if (previous === undefined) delete process.env.ATLAS_XML_MAX_MB;
      else process.env.ATLAS_XML_MAX_MB = previous;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('GEXF reader (graphology-gexf)', () => {
  it('yields nodes with label and attvalues, edges with weight and attvalues', async () => {
    const records = await collect(gexf.read(path.join(fixtures, 'gexf/comentions.gexf'), opts));
    expect(records.filter((r) => r.kind === 'node')).toHaveLength(5);
    expect(records[0]!.value).toMatchObject({ id: '1', label: 'Yervoy', kind: 'drug', drugbank: 'DB06186' });
    expect(records[0]!.loc.line).toBe(14);
    const edge = records.find((r) => r.kind === 'relationship')!;
    expect(edge.value).toMatchObject({
      id: '0',
      source: '1',
      target: '3',
      relation: 'blocks',
      mentions: 14,
      weight: 14,
    });
    expect(edge.loc).toMatchObject({ line: 32, path: 'edge 0' });
  });
});
