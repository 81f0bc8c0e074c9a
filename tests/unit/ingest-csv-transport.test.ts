import { describe, expect, it } from 'vitest';
import { columnExpression, columnKinds, EMPTY_LIST, LIST_SEPARATOR, toCsv } from '../../ingest/csv-transport.js';

describe('CSV transport encoding', () => {
  it('finds one kind per column, null where every row lacks the value', () => {
    expect(
      columnKinds([
        ['a', 1, true, ['x'], [1.5], null],
        ['b', null, false, ['y', 'z'], [2], null],
      ]),
    ).toEqual(['string', 'number', 'boolean', 'string[]', 'number[]', 'null']);
    // An empty list fits any list column.
    expect(columnKinds([[[]], [[1]], [[]]])).toEqual(['number[]']);
    expect(columnKinds([[[]], [null]])).toEqual(['[]']);
    expect(columnKinds([[[]], ['x']])).toBeUndefined();
  });

  it('refuses what CSV cannot carry exactly, so the batch goes over Bolt', () => {
    expect(
      columnKinds([
        ['a', 1],
        ['b', 'two'],
      ]),
    ).toBeUndefined(); // mixed kinds in a column
    expect(columnKinds([['a', ['x', 2]]])).toBeUndefined(); // mixed list
    expect(columnKinds([['a', [`x${LIST_SEPARATOR}y`]]])).toBeUndefined(); // separator inside an element
    expect(columnKinds([['a', [EMPTY_LIST]]])).toBeUndefined(); // the empty-list mark as an element
    expect(columnKinds([['a', Number.NaN]])).toBeUndefined();
    expect(columnKinds([['a', -0]])).toBeUndefined();
    expect(columnKinds([['a', 1], ['b']])).toBeUndefined(); // ragged rows
  });

  it('quotes every string, doubles quotes, and doubles backslashes only when Neo4j escapes with them', () => {
    const rows = [['say "hi"', 'back\\slash', 'two\nlines', null, 0.1, true, ['a', 'b'], []]];
    const [sep, empty] = [LIST_SEPARATOR, EMPTY_LIST];
    expect(toCsv(rows, true)).toBe(`"say ""hi""","back\\\\slash","two\nlines",,0.1,true,"a${sep}b","${empty}"\n`);
    expect(toCsv(rows, false)).toBe(`"say ""hi""","back\\slash","two\nlines",,0.1,true,"a${sep}b","${empty}"\n`);
  });

  it('turns each field back into its value in Cypher', () => {
    expect(columnExpression(3, 'string')).toBe('row[3]');
    expect(columnExpression(3, 'null')).toBe('row[3]');
    expect(columnExpression(4, 'number')).toBe('toFloat(row[4])');
    expect(columnExpression(5, 'boolean')).toBe('toBoolean(row[5])');
    expect(columnExpression(6, 'string[]')).toBe(
      'CASE row[6] WHEN $emptyList THEN [] ELSE split(row[6], $separator) END',
    );
    expect(columnExpression(7, 'number[]')).toBe(
      'CASE row[7] WHEN $emptyList THEN [] ELSE [x IN split(row[7], $separator) | toFloat(x)] END',
    );
  });
});
