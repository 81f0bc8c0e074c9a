import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataValidationError, formatProblem } from '../../ingest/errors.js';
import { convert, SourceMapper, slug } from '../../ingest/mapping/apply.js';
import { assertionFromKnowledgeLevel } from '../../ingest/mapping/knowledge-level.js';
import { parseMapping, readMapping } from '../../ingest/mapping/read-mapping.js';
import { isKnownLabel, isKnownRelationshipType, labelOfIdWith, endpointsOf } from '../../ontology/index.js';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'tests/fixtures/sources');

function problems(run: () => unknown): string[] {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(DataValidationError);
    return (err as DataValidationError).problems.map(formatProblem);
  }
  throw new Error('expected the mapping to be refused');
}

const loc = (line: number) => ({ file: 'src_nodes.tsv', line, record: line - 1, path: `row ${line - 1}` });

describe('mapping file', () => {
  it('reads a valid mapping with its defaults and declarations', () => {
    const { mapping, extensions } = readMapping(path.join(fixtures, 'kgx-tsv/mapping.yaml'), root);
    expect(mapping.dataset).toBe('ici-sheet');
    expect(mapping.version).toBe('2026.11');
    expect(mapping.nodes.name).toBe('name');
    expect(mapping.relationships.from).toBe('subject');
    expect(mapping.relationships.types['biolink:interacts_with']).toEqual({ type: 'TARGETS', says: 'acting on' });
    expect(extensions.labels).toEqual([
      expect.objectContaining({ label: 'Anatomy', prefix: 'anatomy', color: '#8C6D31' }),
    ]);
    // The guards take the declarations explicitly; without them the contract alone holds.
    expect(isKnownLabel('Anatomy', extensions)).toBe(true);
    expect(isKnownLabel('Anatomy')).toBe(false);
    expect(isKnownRelationshipType('EXPRESSED_IN', extensions)).toBe(true);
    expect(endpointsOf('EXPRESSED_IN', extensions)).toEqual({ from: ['Target'], to: ['Anatomy'] });
    expect(labelOfIdWith('anatomy:uberon-0002107', extensions)).toBe('Anatomy');
    expect(labelOfIdWith('drug:x', extensions)).toBe('Drug');
  });

  it('names file, line and field for shape errors', () => {
    expect(problems(() => readMapping(path.join(fixtures, 'bad/mapping.yaml'), root))).toEqual([
      'tests/fixtures/sources/bad/mapping.yaml:7 nodes.nmae: unknown field (check the spelling; see data/README.md)',
      'tests/fixtures/sources/bad/mapping.yaml:15 extensions.labels[0].color: a colour is #RRGGBB',
    ]);
  });

  it('refuses labels and types that are neither in the ontology nor declared, and clashes with the contract', () => {
    const text = [
      'dataset: bad-source',
      'version: 1',
      'nodes:',
      '  kinds:',
      '    biolink:Tissue: Tissue',
      'relationships:',
      '  types:',
      '    biolink:related_to: RELATED',
      'extensions:',
      '  labels:',
      '    - {label: Drug, prefix: drug, color: "#123456"}',
      '  relationshipTypes:',
      '    - {type: FOUND_IN, from: [Target], to: [Organ]}',
    ].join('\n');
    expect(problems(() => parseMapping(text, 'm.yaml', root))).toEqual([
      'm.yaml:11 extensions.labels[0].label: Drug is already a label of the ontology: map onto it instead',
      'm.yaml:11 extensions.labels[0].prefix: prefix "drug" is already taken',
      'm.yaml:13 extensions.relationshipTypes[0].to[0]: Organ is neither an ontology label nor declared here',
      'm.yaml:5 nodes.kinds.biolink:Tissue: Tissue is neither an ontology label nor declared under extensions.labels',
      'm.yaml:8 relationships.types.biolink:related_to: RELATED is neither an ontology relationship type nor declared under extensions.relationshipTypes',
    ]);
  });

  it('takes dataset and version from the folder manifest, and refuses a mismatch', () => {
    const loaded = parseMapping('nodes: {kinds: {x: Drug}}', 'm.yaml', root, { dataset: 'mine', version: '2' });
    expect(loaded.mapping).toMatchObject({ dataset: 'mine', version: '2' });
    expect(problems(() => parseMapping('dataset: other\nversion: 1', 'm.yaml', root, { dataset: 'mine' }))).toEqual([
      'm.yaml:1 dataset: "other" differs from the name in atlas-dataset.yaml ("mine")',
    ]);
    expect(problems(() => parseMapping('nodes: {}', 'm.yaml', root))).toEqual([
      'm.yaml:1 dataset: required: the dataset name (or name it in atlas-dataset.yaml)',
      'm.yaml:1 version: required: the version of the source (a release, a date…)',
    ]);
  });
});

describe('applying a mapping', () => {
  const loaded = readMapping(path.join(fixtures, 'kgx-tsv/mapping.yaml'), root);

  it('makes a node an atlas record with a prefixed id, provenance and a generated description', () => {
    const mapper = new SourceMapper(loaded);
    const out = mapper.map({
      kind: 'node',
      value: {
        id: 'HGNC:6476',
        category: ['biolink:Gene'],
        name: 'LAG3',
        synonym: ['LAG-3'],
        provided_by: 'infores:x',
      },
      loc: loc(7),
    });
    expect(out?.value).toEqual({
      id: 'target:hgnc-6476',
      label: 'Target',
      name: 'LAG3',
      synonyms: ['LAG-3'],
      description: 'Target from ICI sheet (2026.11), source id HGNC:6476.',
      refs: [],
      imported: true,
      source: 'ici-sheet 2026.11',
      sourceId: 'HGNC:6476',
      identifiers: ['HGNC:6476'],
      providedBy: ['infores:x'],
    });
  });

  it('derives the claim kind from KGX knowledge_level unless the source gives one', () => {
    const mapper = new SourceMapper(loaded);
    const edge = (value: Record<string, unknown>, line: number) =>
      mapper.map({
        kind: 'relationship',
        value: { subject: 'D:1', predicate: 'biolink:interacts_with', object: 'G:1', ...value },
        loc: { file: 'src_edges.tsv', line, record: line - 1, path: `row ${line - 1}` },
      })?.value;
    expect(edge({ knowledge_level: 'knowledge_assertion' }, 2)?.assertion).toBe('established');
    expect(edge({ knowledge_level: 'statistical_association' }, 3)?.assertion).toBe('association');
    expect(edge({ knowledge_level: 'prediction' }, 4)?.assertion).toBe('hypothesis');
    expect(edge({ knowledge_level: 'observation' }, 5)?.assertion).toBe('measured');
    expect(edge({ knowledge_level: 'not_provided' }, 6)?.assertion).toBeUndefined();
    expect(edge({}, 7)?.assertion).toBeUndefined();
    // A type that allows one claim kind only gets no default that it would refuse.
    expect(assertionFromKnowledgeLevel('knowledge_assertion', 'APPROVED_FOR')).toBeUndefined();
    expect(assertionFromKnowledgeLevel('knowledge_assertion', 'TARGETS')).toBe('established');
  });

  it('generates evidence from the mapping and keys imported facts by dataset', () => {
    const mapper = new SourceMapper(loaded);
    mapper.map({ kind: 'node', value: { id: 'D:1', category: ['biolink:Drug'], name: 'Opdivo' }, loc: loc(2) });
    mapper.map({ kind: 'node', value: { id: 'G:1', category: ['biolink:Gene'], name: 'PDCD1' }, loc: loc(3) });
    const rel = mapper.map({
      kind: 'relationship',
      value: {
        subject: 'D:1',
        predicate: 'biolink:interacts_with',
        object: 'G:1',
        knowledge_level: 'knowledge_assertion',
      },
      loc: { file: 'src_edges.tsv', line: 2, record: 1, path: 'row 1' },
    });
    expect(rel?.value).toMatchObject({
      type: 'TARGETS',
      from: 'D:1',
      to: 'G:1',
      evidence: 'ICI sheet (2026.11) lists Opdivo as acting on PDCD1 (predicate biolink:interacts_with).',
      key: 'ici-sheet',
      refs: [],
      imported: true,
      source: 'ici-sheet 2026.11',
      section: 'ICI sheet',
      knowledgeLevel: 'knowledge_assertion',
    });
  });

  it('keeps the evidence a source supplies', () => {
    const jsonl = readMapping(path.join(fixtures, 'kgx-jsonl/mapping.yaml'), root);
    const mapper = new SourceMapper(jsonl);
    const rel = mapper.map({
      kind: 'relationship',
      value: { subject: 'a', predicate: 'biolink:studies_treatment', object: 'b', evidence: 'Registry says so.' },
      loc: loc(2),
    });
    expect(rel?.value.evidence).toBe('Registry says so.');
  });

  it('returns unmapped kinds and bad values as record problems naming the field', () => {
    const strict = parseMapping(
      'dataset: s\nversion: 1\nnodes:\n  kinds: {biolink:Drug: Drug}\n  properties:\n    score: {as: score, type: number}',
      'm.yaml',
      root,
    );
    const mapper = new SourceMapper(strict);
    const unknown = mapper.map({ kind: 'node', value: { id: 'X:1', category: ['biolink:Cell'] }, loc: loc(4) });
    expect(unknown?.problems).toEqual([
      {
        field: 'category',
        message: 'no mapping for "biolink:Cell": add it under nodes.kinds, or set nodes.unmapped: skip',
      },
    ]);
    const bad = mapper.map({
      kind: 'node',
      value: { id: 'X:2', category: 'biolink:Drug', score: 'high' },
      loc: loc(5),
    });
    expect(bad?.problems).toEqual([{ field: 'score', message: '"high" is not a number' }]);
    // The KGX TSV mapping skips unmapped kinds, and counts them.
    const lenient = new SourceMapper(loaded);
    expect(lenient.map({ kind: 'node', value: { id: 'T:1', category: ['biolink:OrganismTaxon'] }, loc: loc(6) })).toBe(
      undefined,
    );
    expect(lenient.stats.skippedKinds).toEqual({ 'biolink:OrganismTaxon': 1 });
  });

  it('converts values as declared', () => {
    expect(slug('CHEMBL.COMPOUND:CHEMBL3137343')).toBe('chembl-compound-chembl3137343');
    expect(convert('7.9', 'number')).toBe(7.9);
    expect(() => convert('7.5', 'integer')).toThrow('not an integer');
    expect(convert('a|b', 'string[]')).toEqual(['a', 'b']);
    expect(convert('["x","y"]', 'json')).toEqual(['x', 'y']);
    expect(convert('yes', 'boolean')).toBe(true);
  });
});
