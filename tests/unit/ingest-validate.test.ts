import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataValidationError, formatProblem } from '../../ingest/errors.js';
import { buildDataset } from '../../ingest/ingest.js';
import { nameKey, WITHOUT_GRAPH_NOTE } from '../../ingest/validate.js';
import { schemaStatements } from '../../ingest/schema.js';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');

function problemsOf(dir: string): string[] {
  try {
    buildDataset(path.join(fixtures, dir));
  } catch (err) {
    expect(err).toBeInstanceOf(DataValidationError);
    return (err as DataValidationError).problems.map(formatProblem);
  }
  throw new Error(`expected ${dir} to be rejected`);
}

describe('data validation', () => {
  it('accepts a valid folder and normalises it', () => {
    const data = buildDataset(path.join(fixtures, 'mini'));
    const nivolumab = data.nodes.find((n) => n.id === 'drug:nivolumab');
    expect(nivolumab?.label).toBe('Drug');
    // The canonical name repeated as a synonym is dropped; other forms kept in order.
    expect(nivolumab?.props.synonyms).toEqual(['navulizumab', 'navolizumab']);
    // File defaults apply to records that don't set the field.
    const targets = data.relationships.find((r) => r.type === 'TARGETS');
    expect(targets?.props.section).toBe('PD-1/PD-L1 inhibitors');
    expect(targets?.props.source).toBe('review');
    // Resistance mechanisms get the extra label.
    expect(data.nodes.find((n) => n.id === 'mechanism:met-amplification')?.resistance).toBe(true);
  });

  it('derives Reference nodes for cited numbers and REPORTED_IN for trials', () => {
    const data = buildDataset(path.join(fixtures, 'mini'));
    expect(
      data.nodes
        .filter((n) => n.label === 'Reference')
        .map((n) => n.props.number)
        .sort(),
    ).toEqual([128, 23, 45, 49].sort());
    const reported = data.relationships.filter((r) => r.type === 'REPORTED_IN');
    expect(reported.map((r) => `${r.from}->${r.to}`)).toEqual(['trial:checkmate-040->ref:49']);
  });

  it('reports every problem with file, line and field', () => {
    const problems = problemsOf('broken');
    const file = path.join('tests', 'fixtures', 'broken', 'bad.yaml');
    expect(problems).toEqual(
      expect.arrayContaining([
        `${file}:7 nodes[1].id: "drug:Bad_Id" is not a lower-case kebab id with a type prefix (e.g. drug:nivolumab)`,
        `${file}:18 nodes[3].nctId: must be NCT followed by 8 digits`,
        `${file}:24 nodes[4].value: must be a number (put the unit in \`unit\`)`,
        expect.stringMatching(/^.*bad\.yaml:31 nodes\[5\]\.refs: no reference numbers/),
        expect.stringMatching(/bad\.yaml:13 nodes\[2\]\.synonyms: "nivolumab" is also the name of drug:nivolumab/),
        `${file}:33 relationships[0].to: "target:missing" is not a node in the data (dangling reference)${WITHOUT_GRAPH_NOTE}`,
        `${file}:34 relationships[1].to: TARGETS cannot end at a Drug ("drug:other"); allowed: Target`,
        `${file}:35 relationships[2].evidence: required`,
      ]),
    );
    expect(problems).toHaveLength(8);
  });

  it('reports a YAML syntax error alone, without the dangling references it causes', () => {
    expect(problemsOf('syntax')).toEqual([
      expect.stringMatching(/^tests\/fixtures\/syntax\/a\.yaml:5 \(syntax\): Nested mappings are not allowed/),
    ]);
  });

  it('compares names ignoring case, width and spacing', () => {
    expect(nameKey('  PD-L1 ')).toBe(nameKey('pd-l1'));
    expect(nameKey('Ｎivolumab')).toBe(nameKey('nivolumab'));
    expect(nameKey('PD-L1')).not.toBe(nameKey('PD-L2'));
  });

  it('splits the schema file into statements without comments', () => {
    const statements = schemaStatements('// c\nCREATE A;\n\n// d\nCREATE B\nX;');
    expect(statements).toEqual(['CREATE A', 'CREATE B\nX']);
  });
});
