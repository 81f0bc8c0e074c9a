/**
 * Sigma settings for big views (issue 8), after what Gephi Lite and sigma's large-graph
 * examples do past tens of thousands of edges: while the camera moves, edges and labels are
 * not drawn (a pan redraws only the nodes); edge labels and edge hover (an extra picking
 * pass over every edge) are off; every edge is drawn by one plain line program instead of
 * the arrow (two programs: line + head) and curved-arrow programs. Small views keep the
 * detailed look. Pure: the view applies the result when the view's size crosses the line.
 */

/** A view is big from this many nodes, or from this many drawable edges. */
export const BIG_GRAPH = { nodes: 2_000, edges: 3_000 } as const;

export function isBigGraph(order: number, size: number): boolean {
  return order >= BIG_GRAPH.nodes || size >= BIG_GRAPH.edges;
}

/** The sigma settings that depend on the size of the view. */
export interface SizeSettings {
  hideEdgesOnMove: boolean;
  hideLabelsOnMove: boolean;
  renderEdgeLabels: boolean;
  enableEdgeEvents: boolean;
}

export function sizeSettings(big: boolean): SizeSettings {
  return {
    hideEdgesOnMove: big,
    hideLabelsOnMove: big,
    renderEdgeLabels: !big,
    enableEdgeEvents: !big,
  };
}

/** Name of the plain line edge program the view registers for big views. */
export const LINE_EDGE = 'line';

/**
 * The program an edge is drawn with: in a big view always the plain line (no arrow heads,
 * no curves: one program for every edge); otherwise its own type (arrow, or curvedArrow for
 * parallels).
 */
export function edgeProgram(big: boolean, own: string | undefined, straight = false): string | undefined {
  if (big) return LINE_EDGE;
  return straight && own === CURVED_EDGE ? ARROW_EDGE : own;
}

export const CURVED_EDGE = 'curvedArrow';
export const ARROW_EDGE = 'arrow';

/**
 * At most this many curved edges are drawn; past it parallel edges are drawn straight (on
 * top of each other). A curve is shaded over its whole bounding quad: in software WebGL
 * the 380 curves of an expanded 25,000-edge hub made the frame after it a 400–550 ms task
 * (straight arrows: 170–190 ms).
 */
export const CURVE_BUDGET = 100;

export function straightenCurves(curved: number): boolean {
  return curved > CURVE_BUDGET;
}

/** The settings among `next` whose value differs from `current` (to set only those). */
export function changedSettings<T extends object>(current: Partial<T>, next: T): Partial<T> {
  const out: Partial<T> = {};
  for (const k of Object.keys(next) as (keyof T)[]) if (current[k] !== next[k]) out[k] = next[k];
  return out;
}
