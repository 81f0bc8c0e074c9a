/**
 * Parallel relationships between the same two nodes are drawn as curves fanning out:
 * `@sigma/edge-curve`'s `indexParallelEdgesIndex` numbers them, and each gets a curvature
 * from its index (the further from the middle, the more curved; bounded as they multiply).
 */
import { DEFAULT_EDGE_CURVATURE, indexParallelEdgesIndex } from '@sigma/edge-curve';
import type * as GraphTypes from 'graphology';
import type { AtlasGraph } from './types.js';

/** Curvature of the `index`-th of up to `maxIndex` parallel edges on one side. */
function curvatureOf(index: number, maxIndex: number): number {
  if (maxIndex <= 0) return 0;
  if (index < 0) return -curvatureOf(-index, maxIndex);
  const amplitude = 3.5;
  const most = amplitude * (1 - Math.exp(-maxIndex / amplitude)) * DEFAULT_EDGE_CURVATURE;
  return (most * index) / maxIndex;
}

export function curveParallelEdges(graph: AtlasGraph): void {
  indexParallelEdgesIndex(graph as unknown as GraphTypes.default, {
    edgeIndexAttribute: 'parallelIndex',
    edgeMinIndexAttribute: 'parallelMinIndex',
    edgeMaxIndexAttribute: 'parallelMaxIndex',
  });
  graph.forEachEdge((edge, a) => {
    const index = a.parallelIndex as number | null | undefined;
    const min = a.parallelMinIndex as number | null | undefined;
    const max = a.parallelMaxIndex as number | null | undefined;
    if (typeof index !== 'number' || typeof max !== 'number') {
      graph.mergeEdgeAttributes(edge, { type: 'arrow', curvature: 0 });
      return;
    }
    const span = typeof min === 'number' ? Math.max(-min, max) : max;
    graph.mergeEdgeAttributes(edge, { type: 'curvedArrow', curvature: curvatureOf(index, span) });
  });
}
