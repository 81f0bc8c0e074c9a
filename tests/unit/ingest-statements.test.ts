import { describe, expect, it } from 'vitest';
import type { NodeRecord, RelationshipRecord } from '../../ingest/dataset.js';
import { nodeStatement, propertyColumns, quotedProperty, relationshipStatement } from '../../ingest/load.js';

const rel = (from: string, to: string, props: Record<string, unknown>): RelationshipRecord =>
  ({ key: `${from}|BINDS|${to}`, type: 'BINDS', from, to, props }) as RelationshipRecord;

describe('batch statements send rows as lists of values', () => {
  it('quotes property names, doubling backticks, and refuses an empty one', () => {
    expect(quotedProperty('evidence')).toBe('`evidence`');
    expect(quotedProperty('a`b} SET x.y = 1 //')).toBe('`a``b} SET x.y = 1 //`');
    expect(() => quotedProperty('')).toThrow(/not a property name/);
  });

  it('writes every property any row has, in a stable order, without the reserved ones', () => {
    const cols = propertyColumns(
      [
        { props: { refs: [1], evidence: 'x', key: 'k' } },
        { props: { assertion: 'cause', evidence: 'y', gone: undefined } },
      ],
      ['key', 'dataset'],
    );
    expect(cols).toEqual(['assertion', 'evidence', 'refs']);
  });

  it('puts each value at its column, null where a row lacks the property', () => {
    const st = relationshipStatement(
      'BINDS',
      [
        rel('target:b', 'target:c', { evidence: 'second', refs: [2] }),
        rel('target:a', 'target:c', { assertion: 'cause', refs: [1] }),
      ],
      'ds',
      true,
    );
    expect(st.query).toContain(
      'SET r = {key: row[2], dataset: $dataset, `assertion`: row[3], `evidence`: row[4], `refs`: row[5]}',
    );
    expect(st.query).toContain('CREATE (a)-[r:BINDS]->(b)');
    expect(st.retryQuery).toContain('MERGE (a)-[r:BINDS {key: row[2], dataset: $dataset}]->(b)');
    // Sorted by start node.
    expect(st.params.rows).toEqual([
      ['target:a', 'target:c', 'target:a|BINDS|target:c', 'cause', null, [1]],
      ['target:b', 'target:c', 'target:b|BINDS|target:c', null, 'second', [2]],
    ]);
  });

  it('node rows carry the id first and the label in the query', () => {
    const nodes = [
      { id: 'drug:x', label: 'Drug', resistance: false, props: { name: 'X', synonyms: ['Ex'] } },
      { id: 'drug:y', label: 'Drug', resistance: false, props: { name: 'Y' } },
    ] as NodeRecord[];
    const st = nodeStatement('Drug', false, nodes, 'ds');
    expect(st.query).toContain('SET n = {id: row[0], dataset: $dataset, `name`: row[1], `synonyms`: row[2]}');
    expect(st.query).toContain('n:Drug');
    expect(st.params.rows).toEqual([
      ['drug:x', 'X', ['Ex']],
      ['drug:y', 'Y', null],
    ]);
  });
});
