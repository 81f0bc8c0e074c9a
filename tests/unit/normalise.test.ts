import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../ingest/ingest.js';
import { importSource } from '../../ingest/mapping/import-source.js';
import { prepareImport } from '../../ingest/mapping/prepare.js';
import { readMapping } from '../../ingest/mapping/read-mapping.js';
import { indexFromNodes } from '../../ingest/normalise/from-dataset.js';
import { identifierKey, nameKey } from '../../ingest/normalise/keys.js';
import { Normaliser } from '../../ingest/normalise/normaliser.js';
import { ResolverIndex } from '../../ingest/normalise/resolver-index.js';
import type { SourceRecord } from '../../ingest/source.js';
import { kgxTsv } from '../../ingest/sources/index.js';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'tests/fixtures/sources');
const review = buildDataset(path.join(root, 'data'));

async function run(dir: string) {
  const imported = importSource(
    readMapping(path.join(fixtures, dir, 'mapping.yaml'), root),
    indexFromNodes(review.nodes),
    {
      displayRoot: root,
    },
  );
  const records: SourceRecord[] = [];
  for await (const r of imported.records) records.push(r);
  return { records, report: imported.normaliser.report };
}

describe('keys', () => {
  it('compares names without case, spacing, accents or punctuation', () => {
    expect(nameKey('PD-1')).toBe('pd1');
    expect(nameKey('pd 1')).toBe('pd1');
    expect(nameKey('NIVOLUMAB')).toBe(nameKey('Nivolumab'));
    expect(nameKey('Sorafénib')).toBe('sorafenib');
  });

  it('reads identifiers with or without namespace, in any case', () => {
    const key = 'drugbank:db09035';
    expect(identifierKey('DRUGBANK:DB09035')).toBe(key);
    expect(identifierKey('DB09035')).toBe(key);
    expect(identifierKey('db09035', 'drugbank')).toBe(key);
    expect(identifierKey('CHEMBL.COMPOUND:CHEMBL2108738')).toBe('chembl:chembl2108738');
    expect(identifierKey('clinicaltrials:NCT03434379')).toBe(identifierKey('NCT03434379'));
    expect(identifierKey('NCT:03434379')).toBe('nct:nct03434379');
    expect(identifierKey('HGNC.SYMBOL:PDCD1')).toBe('symbol:pdcd1');
    expect(identifierKey('just a name')).toBeUndefined();
  });
});

describe('resolution onto canonical entities', () => {
  it('lands Opdivo, DB09035 and NIVOLUMAB on drug:nivolumab and writes no second node', async () => {
    const { records, report } = await run('kgx-tsv');
    const nodes = records.filter((r) => r.kind === 'node').map((r) => r.value.id);
    // Only what the graph lacks is written: LAG3, the liver, and the ambiguous row.
    expect(nodes).toEqual(['target:hgnc-6476', 'anatomy:uberon-0002107', 'drug:icisheet-0008']);
    expect(report).toMatchObject({
      matched: 5,
      matchedByIdentifier: 3,
      matchedByName: 2,
      created: 2,
      merged: 0,
      ambiguous: 1,
      relationships: 5,
      duplicateRelationships: 1,
      unresolvedEndpoints: 0,
    });
    expect(report.ambiguousRecords).toEqual([
      expect.objectContaining({
        line: 9,
        sourceId: 'ICISHEET:0008',
        candidates: ['drug:nivolumab', 'drug:pembrolizumab'],
        id: 'drug:icisheet-0008',
      }),
    ]);
    const edges = records
      .filter((r) => r.kind === 'relationship')
      .map((r) => `${r.value.from} ${r.value.type} ${r.value.to}`);
    // Opdivo and NIVOLUMAB both target PD-1: one fact after resolution. CD274 by HGNC symbol.
    expect(edges).toEqual([
      'drug:nivolumab TARGETS target:pd-1',
      'drug:pembrolizumab TARGETS target:pd-1',
      'drug:atezolizumab TARGETS target:pd-l1',
      'target:hgnc-6476 EXPRESSED_IN anatomy:uberon-0002107',
      'target:pd-1 EXPRESSED_IN anatomy:uberon-0002107',
    ]);
  });

  it('resolves trials by NCT number, drugs by brand name, diseases by synonym', async () => {
    const { records, report } = await run('kgx-jsonl');
    expect(report).toMatchObject({ matched: 5, created: 1, ambiguous: 0 });
    expect(records.filter((r) => r.kind === 'node').map((r) => r.value.id)).toEqual(['ae:hp-0000821']);
    expect(records.find((r) => r.value.type === 'INDICATED_FOR')?.value).toMatchObject({
      from: 'drug:tremelimumab',
      to: 'disease:hcc',
    });
    expect(records.find((r) => r.value.type === 'STUDIES')?.value.from).toBe('trial:nct03434379');
  });

  it('only matches entities of the mapped label', () => {
    const index = indexFromNodes(review.nodes);
    const normaliser = new Normaliser(index);
    const loc = { file: 'x_nodes.tsv', line: 2, record: 1, path: 'row 1' };
    // A disease called "PD-1" is not the PD-1 receptor.
    const out = normaliser.node({
      kind: 'node',
      value: { id: 'disease:x-1', label: 'Disease', name: 'PD-1', sourceId: 'X:1' },
      loc,
    });
    expect(out?.value.id).toBe('disease:x-1');
    expect(normaliser.report).toMatchObject({ matched: 0, created: 1 });
  });

  it('merges two records of one source that name the same new entity', () => {
    const normaliser = new Normaliser(new ResolverIndex());
    const at = (record: number) => ({ file: 'x_nodes.tsv', line: record + 1, record, path: `row ${record}` });
    const first = normaliser.node({
      kind: 'node',
      value: { id: 'target:a-1', label: 'Target', name: 'TIM-3', sourceId: 'A:1' },
      loc: at(1),
    });
    const second = normaliser.node({
      kind: 'node',
      value: { id: 'target:b-7', label: 'Target', name: 'TIM3', sourceId: 'B:7' },
      loc: at(2),
    });
    expect(first?.value.id).toBe('target:a-1');
    expect(second).toBeUndefined();
    expect(normaliser.report).toMatchObject({ created: 1, merged: 1 });
  });

  it('repeats its decisions, uncounted, when the pipeline reads the source again', async () => {
    const prepared = await prepareImport(path.join(fixtures, 'kgx-tsv/mapping.yaml'), {
      database: 'neo4j',
      index: indexFromNodes(review.nodes),
      displayRoot: root,
    });
    const pass = async () => {
      const out: string[] = [];
      for (const file of ['ici_sheet_nodes.tsv', 'ici_sheet_edges.tsv']) {
        for await (const raw of kgxTsv.read(path.join(fixtures, 'kgx-tsv', file), { displayRoot: root })) {
          const r = prepared.transform(raw);
          if (r) out.push(`${r.kind} ${r.value.id ?? `${r.value.from}>${r.value.to}`}`);
        }
      }
      return out;
    };
    const first = await pass();
    const counts = JSON.stringify(prepared.summary());
    expect(await pass()).toEqual(first);
    expect(JSON.stringify(prepared.summary())).toBe(counts);
    expect(prepared.summary().resolution.matched).toBe(5);
  });
});

describe('ambiguous records', () => {
  it('do not make later records naming the same entities ambiguous', () => {
    const review2 = indexFromNodes(review.nodes);
    const normaliser = new Normaliser(review2);
    const at = (record: number) => ({ file: 'x_nodes.tsv', line: record + 1, record, path: `row ${record}` });
    normaliser.node({
      kind: 'node',
      value: { id: 'drug:mix', label: 'Drug', name: 'mix', identifiers: ['DB09035', 'DB09037'], sourceId: 'M:1' },
      loc: at(1),
    });
    const opdivo = normaliser.node({
      kind: 'node',
      value: { id: 'drug:o', label: 'Drug', name: 'Opdivo', identifiers: ['DB09035'], sourceId: 'O:1' },
      loc: at(2),
    });
    expect(opdivo).toBeUndefined();
    expect(normaliser.report).toMatchObject({ ambiguous: 1, matched: 1 });
  });
});
