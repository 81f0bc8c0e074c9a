/**
 * The hub's expansion in one short main-thread task (issue 8): after a structure change the
 * view writes only the node and edge attributes that change (each write makes sigma re-run
 * that item's reducers at once), and past CURVE_BUDGET curved edges parallels are drawn
 * straight (a curve is shaded over its whole quad, costly in software WebGL).
 */
import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { curveParallelEdges } from '../../client/src/graph/curves.js';
import { CURVE_BUDGET, edgeProgram, LINE_EDGE, straightenCurves } from '../../client/src/graph/lod/bigGraphSettings.js';
import { edgeLooks } from '../../client/src/graph/lod/parallelEdges.js';
import { writeSizes as computeSizes } from '../../client/src/graph/nodeSizes.js';
import type { AtlasGraph } from '../../client/src/graph/types.js';

/** A hub with `n` neighbours, each linked by two relationships (parallel edges), plus one single edge. */
function hub(n: number): AtlasGraph {
  const g = new MultiDirectedGraph({ allowSelfLoops: true }) as unknown as AtlasGraph;
  g.addNode('hub', { size: 1 } as never);
  for (let i = 0; i < n; i++) {
    g.addNode(`n${i}`, { size: 1 } as never);
    g.addDirectedEdgeWithKey(`a${i}`, 'hub', `n${i}`, {} as never);
    g.addDirectedEdgeWithKey(`b${i}`, `n${i}`, 'hub', {} as never);
  }
  g.addNode('lone', { size: 1 } as never);
  g.addDirectedEdgeWithKey('single', 'hub', 'lone', {} as never);
  return g;
}

function countWrites(g: AtlasGraph): { edges: number; nodes: number } {
  const w = { edges: 0, nodes: 0 };
  g.on('edgeAttributesUpdated', () => w.edges++);
  g.on('nodeAttributesUpdated', () => w.nodes++);
  return w;
}

describe('attribute writes after a structure change', () => {
  it('curves parallel edges, writing each edge once and never again while nothing changes', () => {
    const g = hub(50);
    const w = countWrites(g);
    curveParallelEdges(g);
    expect(g.getEdgeAttribute('a0', 'type')).toBe('curvedArrow');
    expect(g.getEdgeAttribute('b0', 'type')).toBe('curvedArrow');
    expect(Math.sign(g.getEdgeAttribute('a0', 'curvature') as number)).not.toBe(0);
    expect(g.getEdgeAttribute('single', 'type')).toBe('arrow');
    expect(g.getEdgeAttribute('single', 'curvature')).toBe(0);
    expect(w.edges).toBe(g.size);
    curveParallelEdges(g);
    expect(w.edges).toBe(g.size);
    // A new parallel of the single edge: only the two edges it concerns are rewritten.
    g.addDirectedEdgeWithKey('single2', 'hub', 'lone', {} as never);
    curveParallelEdges(g);
    expect(w.edges).toBe(g.size - 1 + 2);
    expect(g.getEdgeAttribute('single', 'type')).toBe('curvedArrow');
  });

  it('sizes nodes, writing only sizes that change', () => {
    const g = hub(20);
    const w = countWrites(g);
    computeSizes(g, 'degree');
    const first = w.nodes;
    expect(first).toBe(g.order);
    computeSizes(g, 'degree');
    expect(w.nodes).toBe(first);
    g.addDirectedEdgeWithKey('extra', 'lone', 'n0', {} as never);
    computeSizes(g, 'degree');
    expect(w.nodes).toBe(first + 2);
  });
});

describe('parallel edges', () => {
  it('number as @sigma/edge-curve does: alone straight, same direction centred, both directions 1…n', () => {
    const looks = edgeLooks([
      { id: 'alone', source: 'a', target: 'b' },
      { id: 's1', source: 'a', target: 'c' },
      { id: 's2', source: 'a', target: 'c' },
      { id: 's3', source: 'a', target: 'c' },
      { id: 'there', source: 'a', target: 'd' },
      { id: 'back', source: 'd', target: 'a' },
    ]);
    expect(looks.get('alone')).toEqual({ type: 'arrow', curvature: 0 });
    const c = ['s1', 's2', 's3'].map((id) => looks.get(id)!.curvature);
    expect(c[0]).toBeLessThan(0);
    expect(c[1]).toBe(0);
    expect(c[2]).toBeCloseTo(-c[0]!);
    expect(looks.get('s2')!.type).toBe('curvedArrow');
    // Opposite directions: both bend to their own left, so they separate.
    expect(looks.get('there')!.curvature).toBeGreaterThan(0);
    expect(looks.get('back')!.curvature).toBe(looks.get('there')!.curvature);
  });
});

describe('curve budget', () => {
  it('draws parallels straight past CURVE_BUDGET curved edges', () => {
    expect(straightenCurves(CURVE_BUDGET)).toBe(false);
    expect(straightenCurves(CURVE_BUDGET + 1)).toBe(true);
    expect(edgeProgram(false, 'curvedArrow', true)).toBe('arrow');
    expect(edgeProgram(false, 'curvedArrow', false)).toBe('curvedArrow');
    expect(edgeProgram(false, 'arrow', true)).toBe('arrow');
    expect(edgeProgram(true, 'curvedArrow', false)).toBe(LINE_EDGE);
  });
});
