/**
 * When ForceAtlas2 stops by itself (issue 8). A live layout on a large graph would
 * otherwise run until someone presses Stop, burning the CPU the renderer needs. The
 * budget grows with the graph (a larger graph needs longer to untangle) but is capped;
 * the layout also stops as soon as it has converged: the nodes' mean movement between two
 * samples, relative to the drawing's extent, stays under a threshold for a few samples.
 * Pure: the view samples positions on a timer and asks `verdict`.
 */

export interface LayoutBudget {
  /** Stop after this long, ms (Infinity: only on convergence or by hand). */
  maxMs: number;
  /** How often positions are sampled, ms. */
  sampleMs: number;
  /** Mean movement per sample, as a share of the drawing's extent, below which it is still. */
  stillBelow: number;
  /** Consecutive still samples that mean "converged". */
  patience: number;
}

/** Above this many nodes + edges a live layout is bounded even when started "until stopped". */
export const LIVE_LAYOUT_LIMIT = 2_000;

/**
 * The budget for a layout of `order` nodes and `size` edges. `requestedMs` is what the
 * caller asked (Infinity for "until stopped"): honoured on small graphs, capped on large
 * ones, at 4 s plus 1 s per 5,000 nodes+edges, at most 20 s.
 */
export function layoutBudget(order: number, size: number, requestedMs = Infinity): LayoutBudget {
  const work = order + size;
  const cap = Math.min(20_000, 4_000 + Math.round(work / 5_000) * 1_000);
  const maxMs = work <= LIVE_LAYOUT_LIMIT ? requestedMs : Math.min(requestedMs, cap);
  return {
    maxMs,
    sampleMs: work > 20_000 ? 500 : 250,
    stillBelow: 0.002,
    patience: work <= LIVE_LAYOUT_LIMIT ? Number.POSITIVE_INFINITY : 3,
  };
}

export interface Point {
  x: number;
  y: number;
}

/**
 * Mean distance moved by the nodes present in both samples, divided by the diagonal of
 * the current sample's bounding box (0 when nothing can be compared).
 */
export function relativeMovement(prev: ReadonlyMap<string, Point>, cur: ReadonlyMap<string, Point>): number {
  let minX = Infinity,
    maxX = -Infinity,
    minY = Infinity,
    maxY = -Infinity;
  let sum = 0;
  let n = 0;
  for (const [id, p] of cur) {
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
    const q = prev.get(id);
    if (!q) continue;
    sum += Math.hypot(p.x - q.x, p.y - q.y);
    n++;
  }
  if (!n) return 0;
  const diag = Math.hypot(maxX - minX, maxY - minY);
  return diag > 0 ? sum / n / diag : 0;
}

export type LayoutVerdict = 'continue' | 'converged' | 'timeout';

/** Follows one layout run: feed it a sample every `sampleMs`, it says when to stop. */
export class ConvergenceWatch {
  private last: ReadonlyMap<string, Point> | null = null;
  private still = 0;

  constructor(
    readonly budget: LayoutBudget,
    private readonly startedAt: number,
  ) {}

  verdict(sample: ReadonlyMap<string, Point>, now: number): LayoutVerdict {
    if (now - this.startedAt >= this.budget.maxMs) return 'timeout';
    const prev = this.last;
    this.last = sample;
    if (!prev) return 'continue';
    this.still = relativeMovement(prev, sample) < this.budget.stillBelow ? this.still + 1 : 0;
    return this.still >= this.budget.patience ? 'converged' : 'continue';
  }
}

/**
 * Iterations of the synchronous settle after a merge or a replace, so that its cost (about
 * nodes·log(nodes) + edges per iteration, on the main thread) stays under a fixed work
 * budget: a small view gets the full count, a view of several hundred nodes a handful, and past
 * that none at all (0: newcomers keep their places on rings around the node they hang
 * from, and a live ForceAtlas2 in its worker can tidy up).
 */
export function settleIterations(order: number, size: number, wanted = 120, work = 80_000): number {
  const perIteration = order * Math.log2(Math.max(2, order)) + size;
  const n = Math.min(wanted, Math.floor(work / Math.max(1, perIteration)));
  return n < MIN_SETTLE ? 0 : n;
}

/** Fewer iterations than this do not untangle anything: skip the settle instead. */
export const MIN_SETTLE = 8;
