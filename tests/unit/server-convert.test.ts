/** Driver values → the API's JSON (server/db/convert.ts), on values built with the driver's own types. */
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { plainValue, toGraphEdge, toGraphNode } from '../../server/db/convert.js';

const { Node, Relationship, Date: CypherDate, DateTime, Duration, Point } = neo4j.types;

describe('plainValue', () => {
  it('keeps primitives and turns Integers into numbers, or strings when out of range', () => {
    expect(plainValue('x')).toBe('x');
    expect(plainValue(2.5)).toBe(2.5);
    expect(plainValue(false)).toBe(false);
    expect(plainValue(undefined)).toBeNull();
    expect(plainValue(neo4j.int(42))).toBe(42);
    expect(plainValue(neo4j.int('9007199254740993'))).toBe('9007199254740993');
    expect(plainValue(10n)).toBe(10);
  });

  it('renders temporal values as ISO strings and points as plain maps', () => {
    expect(plainValue(new CypherDate(2024, 5, 1))).toBe('2024-05-01');
    expect(plainValue(new DateTime(2024, 5, 1, 12, 30, 0, 0, 0))).toBe('2024-05-01T12:30:00Z');
    const duration = new Duration(0, 3, 90, 0);
    expect(plainValue(duration)).toBe(duration.toString());
    expect(plainValue(duration)).toMatch(/^P3DT/);
    expect(plainValue(new Point(neo4j.int(7203), 1, 2))).toEqual({ srid: 7203, x: 1, y: 2 });
  });

  it('converts inside lists and maps, at any depth', () => {
    expect(plainValue([neo4j.int(1), 'a', [neo4j.int(2)]])).toEqual([1, 'a', [2]]);
    expect(plainValue({ n: neo4j.int(3), nested: { d: new CypherDate(2020, 1, 2) } })).toEqual({
      n: 3,
      nested: { d: '2020-01-02' },
    });
  });
});

describe('graph values', () => {
  const drug = new Node(neo4j.int(1), ['Entity', 'Drug'], { id: 'drug:x', name: 'X', refs: [neo4j.int(4)] }, 'e1');
  const target = new Node(neo4j.int(2), ['Entity', 'Target'], { id: 'target:y' }, 'e2');

  it('gives a node its API id, type label and name', () => {
    expect(toGraphNode(drug)).toEqual({ id: 'drug:x', name: 'X', label: 'Drug', refs: [4] });
    expect(toGraphNode(target)).toEqual({ id: 'target:y', name: 'target:y', label: 'Target' });
  });

  it('names an edge by its ends’ API ids and keeps provenance `source` as dataSource', () => {
    const rel = new Relationship(
      neo4j.int(9),
      neo4j.int(1),
      neo4j.int(2),
      'TARGETS',
      { source: 'Review 2024', refs: [neo4j.int(1), neo4j.int(2)], evidence: 'binds' },
      'r9',
      'e1',
      'e2',
    );
    const edge = toGraphEdge(
      rel,
      new Map([
        ['e1', 'drug:x'],
        ['e2', 'target:y'],
      ]),
    );
    expect(edge).toEqual({
      id: 'r9',
      type: 'TARGETS',
      source: 'drug:x',
      target: 'target:y',
      dataSource: 'Review 2024',
      refs: [1, 2],
      evidence: 'binds',
    });
    // An end the caller did not resolve keeps its element id.
    expect(toGraphEdge(rel, new Map()).target).toBe('e2');
    // No provenance: no dataSource key at all.
    const bare = new Relationship(neo4j.int(8), neo4j.int(1), neo4j.int(2), 'TARGETS', {}, 'r8', 'e1', 'e2');
    expect('dataSource' in toGraphEdge(bare, new Map())).toBe(false);
  });
});
