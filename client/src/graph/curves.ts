/** Parallel relationships between the same two nodes are drawn as curves fanning out. */
import type { AtlasGraph } from './types.js';

export function curveParallelEdges(graph: AtlasGraph): void {
  const groups = new Map<string, string[]>();
  graph.forEachEdge((e, _a, s, t) => {
    const k = s < t ? `${s}\u0000${t}` : `${t}\u0000${s}`;
    const g = groups.get(k);
    if (g) g.push(e);
    else groups.set(k, [e]);
  });
  for (const list of groups.values()) {
    if (list.length === 1) {
      graph.mergeEdgeAttributes(list[0]!, { type: 'arrow', curvature: 0 });
      continue;
    }
    list.forEach((e, i) => {
      const [s] = graph.extremities(e);
      const sign = s === graph.extremities(list[0]!)[0] ? 1 : -1;
      const c = (0.25 + 0.2 * Math.floor(i / 2)) * (i % 2 === 0 ? 1 : -1) * sign;
      graph.mergeEdgeAttributes(e, { type: 'curvedArrow', curvature: c });
    });
  }
}
