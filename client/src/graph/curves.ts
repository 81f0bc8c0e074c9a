/**
 * Parallel relationships between the same two nodes are drawn as curves fanning out
 * (numbered as `@sigma/edge-curve`'s `indexParallelEdgesIndex` does, see lod/parallelEdges.ts).
 * Only edges whose look changes are written: each write makes sigma re-run that edge's reducers.
 */
import { edgeLooks } from './lod/parallelEdges.js';
import type { AtlasGraph } from './types.js';

export function curveParallelEdges(graph: AtlasGraph): void {
  const ends: { id: string; source: string; target: string }[] = [];
  graph.forEachEdge((id, _a, source, target) => {
    ends.push({ id, source, target });
  });
  for (const [edge, look] of edgeLooks(ends)) {
    const a = graph.getEdgeAttributes(edge);
    if (a.type !== look.type || a.curvature !== look.curvature) graph.mergeEdgeAttributes(edge, { ...look });
  }
}
