/**
 * Parallel relationships between the same two nodes fan out as curves. The numbering is
 * `@sigma/edge-curve`'s `indexParallelEdgesIndex`, computed here on plain data: that
 * function writes three attributes on every edge of the graph it is given, and on the
 * view's graph each write makes sigma re-run the edge's reducers at once (~120 ms of one
 * main-thread task after expanding a hub, in a profile of a 1,400-edge view). Pure.
 */

/** `@sigma/edge-curve`'s DEFAULT_EDGE_CURVATURE. */
export const BASE_CURVATURE = 0.25;

export interface EdgeEnds {
  id: string;
  source: string;
  target: string;
}

export interface EdgeLook {
  type: 'arrow' | 'curvedArrow';
  curvature: number;
}

/** Curvature of the `index`-th of up to `maxIndex` parallel edges on one side. */
export function curvatureOf(index: number, maxIndex: number): number {
  if (maxIndex <= 0) return 0;
  if (index < 0) return -curvatureOf(-index, maxIndex);
  const amplitude = 3.5;
  const most = amplitude * (1 - Math.exp(-maxIndex / amplitude)) * BASE_CURVATURE;
  return (most * index) / maxIndex;
}

/**
 * How each edge is drawn: straight when it is the only one between its two nodes, else
 * curved by its place among its parallels (same direction: centred around 0; both
 * directions: 1…n on each side, as the curve program bends each to its own left).
 */
export function edgeLooks(edges: Iterable<EdgeEnds>): Map<string, EdgeLook> {
  const directed = new Map<string, string[]>();
  const undirected = new Map<string, number>();
  for (const e of edges) {
    const d = `${e.source}\u0000${e.target}`;
    const u = e.source < e.target ? d : `${e.target}\u0000${e.source}`;
    const list = directed.get(d);
    if (list) list.push(e.id);
    else directed.set(d, [e.id]);
    undirected.set(u, (undirected.get(u) ?? 0) + 1);
  }
  const out = new Map<string, EdgeLook>();
  for (const [d, ids] of directed) {
    const [s, t] = d.split('\u0000') as [string, string];
    const both = undirected.get(s < t ? d : `${t}\u0000${s}`) ?? ids.length;
    const n = ids.length;
    ids.forEach((id, i) => {
      if (n === 1 && both === 1) out.set(id, { type: 'arrow', curvature: 0 });
      else if (n === both) {
        const max = (n - 1) / 2;
        out.set(id, { type: 'curvedArrow', curvature: curvatureOf(-max + i, max) });
      } else out.set(id, { type: 'curvedArrow', curvature: curvatureOf(i + 1, n) });
    });
  }
  return out;
}
