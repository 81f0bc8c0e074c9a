/** Graph measures drawn on the canvas: node sizes (degree / betweenness), Louvain communities. */
import Graph from 'graphology';
import type * as GraphTypes from 'graphology';
import louvain from 'graphology-communities-louvain';
import betweenness from 'graphology-metrics/centrality/betweenness.js';
import { writeSizes } from './nodeSizes.js';
import type { AtlasGraph, SizeBy } from './types.js';

/** The graph without direction, parallel edges or self-loops (what both measures expect). */
function simpleUndirected(graph: AtlasGraph): GraphTypes.default {
  const g = new Graph({ type: 'undirected', multi: false });
  graph.forEachNode((n) => g.addNode(n));
  graph.forEachEdge((_e, _a, s, t) => {
    if (s !== t && !g.hasEdge(s, t)) g.addEdge(s, t);
  });
  return g;
}

export function computeSizes(g: AtlasGraph, sizeBy: SizeBy): void {
  if (sizeBy === 'betweenness' && g.order > 2) {
    let scores: Record<string, number> = {};
    try {
      scores = betweenness(simpleUndirected(g), { normalized: true });
    } catch {
      scores = {};
    }
    const max = Math.max(1e-9, ...Object.values(scores));
    g.forEachNode((n) => {
      const v = (scores[n] ?? 0) / max;
      g.mergeNodeAttributes(n, { centrality: scores[n] ?? 0, size: 4 + 16 * Math.sqrt(v) });
    });
  } else writeSizes(g, sizeBy === 'uniform' ? 'uniform' : 'degree');
}

export function computeCommunities(g: AtlasGraph): void {
  if (g.order === 0) return;
  try {
    const comm = louvain(simpleUndirected(g), { resolution: 1 });
    g.forEachNode((n) => g.setNodeAttribute(n, 'community', comm[n] ?? -1));
  } catch {
    g.forEachNode((n) => g.setNodeAttribute(n, 'community', -1));
  }
}
