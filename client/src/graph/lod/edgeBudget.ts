/**
 * The edge budget (issue 8): above `budget` drawable edges, the lowest-priority ones are
 * hidden and the status bar says "showing X of Y edges". Priority, highest first:
 *   1. edges that must stay: to a "+N more" node, or marked `keep` (the path overlay…);
 *   2. each node's best edge, so no drawn node looks unconnected;
 *   3. the rest by score — a strong claim (not weak) before a weak one, cited before
 *      uncited, the first of a set of parallel edges before the others (parallels are
 *      folded into one line first), then edges between better-connected nodes; the edge
 *      key breaks ties so the same view always keeps the same edges.
 * Pure: the view calls it when the structure or the filters change, not on hover.
 */

export const DEFAULT_EDGE_BUDGET = 5_000;

/** Edge indexes packed under the rank (see applyEdgeBudget). */
const INDEX_BITS = 21;
const INDEX_SPAN = 2 ** INDEX_BITS;

export interface BudgetEdge {
  id: string;
  source: string;
  target: string;
  /** A weak claim kind (association, preclinical, hypothesis, observed-in-treated). */
  weak?: boolean;
  /** Carries refs. */
  cited?: boolean;
  /** Never hidden by the budget. */
  keep?: boolean;
}

export interface EdgeBudgetResult {
  /**
   * The edges drawn, null when every edge is (under the budget). The kept edges, not the
   * hidden ones, are listed: there are at most `budget` of them.
   */
  kept: Set<string> | null;
  /** Drawable edges before the budget. */
  total: number;
  /** Drawn after it. */
  shown: number;
  /** How many of the hidden ones were parallel to a drawn edge (folded into it). */
  folded: number;
}

/** 32-bit FNV-1a of a string. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function applyEdgeBudget(
  edges: readonly BudgetEdge[],
  degreeOf: (id: string) => number,
  budget = DEFAULT_EDGE_BUDGET,
): EdgeBudgetResult {
  const total = edges.length;
  if (total <= budget) return { kept: null, total, shown: total, folded: 0 };
  // Nodes as small integers (pairs and coverage in typed arrays, not strings).
  const nodeIndex = new Map<string, number>();
  const logDegree: number[] = [];
  const indexOf = (id: string) => {
    let i = nodeIndex.get(id);
    if (i === undefined) {
      i = nodeIndex.size;
      nodeIndex.set(id, i);
      logDegree.push(Math.log1p(degreeOf(id)));
    }
    return i;
  };
  const src = new Uint32Array(total);
  const tgt = new Uint32Array(total);
  // One number per edge, sorted natively (no comparator): claim strength and citation,
  // the ends' degrees (quantised), then a hash of the key — the rank, 32 bits — times
  // 2^INDEX_BITS plus the edge's index. Exact in a double up to 2^21 edges.
  const packed = new Float64Array(total);
  for (let i = 0; i < total; i++) {
    const e = edges[i]!;
    const a = indexOf(e.source);
    const b = indexOf(e.target);
    src[i] = a;
    tgt[i] = b;
    const tier = (e.weak ? 0 : 2) + (e.cited ? 1 : 0);
    const deg = Math.min(1023, Math.round((logDegree[a]! + logDegree[b]!) * 40));
    const rank = (tier * 1024 + deg) * 2 ** 20 + (fnv1a(e.id) >>> 12);
    packed[i] = rank * INDEX_SPAN + i;
  }
  packed.sort();
  // Best first; equal ranks (hash collisions) by the key itself, so any input order gives the same result.
  const order = new Uint32Array(total);
  let w = 0;
  for (let r = total - 1; r >= 0; r--) {
    const rank = Math.floor(packed[r]! / INDEX_SPAN);
    if (r === 0 || Math.floor(packed[r - 1]! / INDEX_SPAN) !== rank) {
      order[w++] = packed[r]! - rank * INDEX_SPAN;
      continue;
    }
    let q = r;
    while (q > 0 && Math.floor(packed[q - 1]! / INDEX_SPAN) === rank) q--;
    const run: number[] = [];
    for (let k = r; k >= q; k--) run.push(packed[k]! - rank * INDEX_SPAN);
    run.sort((i, j) => (edges[i]!.id < edges[j]!.id ? -1 : edges[i]!.id > edges[j]!.id ? 1 : 0));
    for (const i of run) order[w++] = i;
    r = q;
  }
  // The best edge of each pair of nodes stands for its parallels, which go last.
  const nodes = nodeIndex.size;
  const seenPair = new Set<number>();
  const parallel = new Uint8Array(total);
  for (const i of order) {
    const a = src[i]!;
    const b = tgt[i]!;
    const pair = a < b ? a * nodes + b : b * nodes + a;
    if (seenPair.has(pair)) parallel[i] = 1;
    else seenPair.add(pair);
  }
  const ranked = new Uint32Array(total);
  w = 0;
  for (const i of order) if (!parallel[i]) ranked[w++] = i;
  for (const i of order) if (parallel[i]) ranked[w++] = i;

  const kept = new Uint8Array(total);
  let keptCount = 0;
  const take = (i: number) => {
    if (!kept[i] && (keptCount < budget || edges[i]!.keep)) {
      kept[i] = 1;
      keptCount++;
    }
  };
  for (const i of ranked) if (edges[i]!.keep) take(i);
  // Each node's best edge: the first edge of the ranking that touches it.
  const covered = new Uint8Array(nodes);
  for (const i of ranked) {
    const a = src[i]!;
    const b = tgt[i]!;
    if (covered[a] && covered[b]) continue;
    covered[a] = 1;
    covered[b] = 1;
    take(i);
  }
  for (const i of ranked) {
    if (keptCount >= budget) break;
    take(i);
  }
  const keptIds = new Set<string>();
  let folded = 0;
  for (let i = 0; i < total; i++) {
    if (kept[i]) keptIds.add(edges[i]!.id);
    else if (parallel[i]) folded++;
  }
  return { kept: keptIds, total, shown: keptIds.size, folded };
}

/** The budget hides this edge (one of its input edges). */
export function hiddenByBudget(r: Pick<EdgeBudgetResult, 'kept'>, edge: string): boolean {
  return r.kept !== null && !r.kept.has(edge);
}

/** "showing 5,000 of 12,345 edges" (or null when every edge is drawn). */
export function edgeBudgetCaption(r: Pick<EdgeBudgetResult, 'shown' | 'total'>): string | null {
  if (r.shown >= r.total) return null;
  return `showing ${r.shown.toLocaleString('en-US')} of ${r.total.toLocaleString('en-US')} edges`;
}
