/**
 * Legend counts (client/src/graph/reading.ts) count entities only: the viewer's "+N more"
 * nodes and the summary overview's one-node-per-label are placeholders with rows of their
 * own, and their edges are not relationships of any type or claim kind.
 */
import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import {
  assertionCounts,
  labelCounts,
  placeholderCounts,
  relTypeCounts,
  visibleCounts,
} from '../../client/src/graph/reading.js';
import { emptyDisplayState } from '../../client/src/graph/types.js';
import type { AtlasGraph } from '../../client/src/graph/types.js';

function node(g: AtlasGraph, id: string, kind: string, data: Record<string, unknown> = {}): void {
  g.addNode(id, {
    label: id,
    kind,
    x: 0,
    y: 0,
    size: 1,
    color: '#000',
    data: { id, label: kind, ...data } as never,
    parents: [],
  });
}
function edge(g: AtlasGraph, id: string, s: string, t: string, type: string, data: Record<string, unknown> = {}): void {
  g.addDirectedEdgeWithKey(id, s, t, {
    relType: type,
    label: type,
    size: 1,
    color: '#000',
    data: { id, type, source: s, target: t, assertion: 'established', ...data } as never,
  });
}

describe('legend counts leave out the viewer’s placeholders', () => {
  it('a hub expansion: entities per label, "+N more" nodes apart', () => {
    const g = new MultiDirectedGraph() as unknown as AtlasGraph;
    node(g, 'target:hub', 'Target');
    node(g, 'drug:a', 'Drug');
    node(g, 'drug:b', 'Drug');
    node(g, 'more:target:hub:TARGETS:in', 'More', {
      aggregate: { node: 'target:hub', type: 'TARGETS', direction: 'in', total: 900, shown: 2 },
    });
    node(g, 'more:members:Drug', 'More');
    edge(g, 'r1', 'drug:a', 'target:hub', 'TARGETS');
    edge(g, 'r2', 'drug:b', 'target:hub', 'TARGETS');
    edge(g, 'more:target:hub:TARGETS:in', 'more:target:hub:TARGETS:in', 'target:hub', 'TARGETS');
    expect(Object.fromEntries(labelCounts(g))).toEqual({ Target: 1, Drug: 2 });
    expect(Object.fromEntries(relTypeCounts(g))).toEqual({ TARGETS: 2 });
    expect(Object.fromEntries(assertionCounts(g))).toEqual({ established: 2 });
    expect(placeholderCounts(g)).toEqual({ more: 2, summary: 0 });
    // The status bar's "N nodes · M links shown" counts entities and relationships only.
    expect(visibleCounts(g, emptyDisplayState())).toEqual({ nodes: 3, edges: 2 });
  });

  it('the summary overview: no label counts an entity, the meta-edges no type', () => {
    const g = new MultiDirectedGraph() as unknown as AtlasGraph;
    node(g, 'label:Drug', 'Drug', { summary: true, count: 10_000 });
    node(g, 'label:Target', 'Target', { summary: true, count: 1 });
    edge(g, 'meta:Drug:TARGETS:Target', 'label:Drug', 'label:Target', 'TARGETS', { summary: true, count: 10_000 });
    expect(labelCounts(g).size).toBe(0);
    expect(relTypeCounts(g).size).toBe(0);
    expect(placeholderCounts(g)).toEqual({ more: 0, summary: 2 });
    // What the summary draws is its type nodes and meta-edges.
    expect(visibleCounts(g, emptyDisplayState())).toEqual({ nodes: 2, edges: 1 });
  });
});
