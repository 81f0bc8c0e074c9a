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
  /** Edges the budget hides (a subset of the input). */
  hidden: Set<string>;
  /** Drawable edges before the budget. */
  total: number;
  /** Drawn after it. */
  shown: number;
  /** How many of the hidden ones were parallel to a drawn edge (folded into it). */
  folded: number;
}

interface Scored {
  e: BudgetEdge;
  score: number;
  hash: number;
  parallel: boolean;
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
  if (total <= budget) return { hidden: new Set(), total, shown: total, folded: 0 };
  const byScore = edges
    .map((e) => ({
      e,
      score:
        (e.weak ? 0 : 4) +
        (e.cited ? 2 : 0) +
        Math.log1p(degreeOf(e.source)) / 100 +
        Math.log1p(degreeOf(e.target)) / 100,
      hash: fnv1a(e.id),
      parallel: false,
    }))
    // Ties by a hash of the key (cheap), then by the key: the same edges win in any input order.
    .sort((a, b) => b.score - a.score || a.hash - b.hash || (a.e.id < b.e.id ? -1 : a.e.id > b.e.id ? 1 : 0));
  // The best edge of each pair of nodes stands for its parallels, which go last.
  const seenPair = new Set<string>();
  for (const s of byScore) {
    const pair = s.e.source < s.e.target ? `${s.e.source}\u0000${s.e.target}` : `${s.e.target}\u0000${s.e.source}`;
    s.parallel = seenPair.has(pair);
    seenPair.add(pair);
  }
  const scored: Scored[] = [...byScore.filter((s) => !s.parallel), ...byScore.filter((s) => s.parallel)];

  const kept = new Set<string>();
  const take = (s: Scored) => {
    if (kept.size < budget || s.e.keep) kept.add(s.e.id);
  };
  for (const s of scored) if (s.e.keep) take(s);
  // Each node's best edge: the first edge of the sorted list that touches it.
  const covered = new Set<string>();
  for (const s of scored) {
    if (covered.has(s.e.source) && covered.has(s.e.target)) continue;
    covered.add(s.e.source);
    covered.add(s.e.target);
    take(s);
  }
  for (const s of scored) {
    if (kept.size >= budget) break;
    kept.add(s.e.id);
  }
  const hidden = new Set<string>();
  let folded = 0;
  for (const s of scored) {
    if (kept.has(s.e.id)) continue;
    hidden.add(s.e.id);
    if (s.parallel) folded++;
  }
  return { hidden, total, shown: total - hidden.size, folded };
}

/** "showing 5,000 of 12,345 edges" (or null when every edge is drawn). */
export function edgeBudgetCaption(r: Pick<EdgeBudgetResult, 'shown' | 'total'>): string | null {
  if (r.shown >= r.total) return null;
  return `showing ${r.shown.toLocaleString('en-US')} of ${r.total.toLocaleString('en-US')} edges`;
}
