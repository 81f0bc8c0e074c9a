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
 * The arrow program again, registered after the line program so that sigma draws it on top:
 * the focus's arrows in a view of lines.
 */
export const FOCUS_ARROW_EDGE = 'focusArrow';

/**
 * From this many drawn edges (after the edge budget), edges are drawn as plain 1 px lines
 * without arrow heads, except the edges of the selected or hovered node (FOCUS_ARROWS). In
 * software WebGL the arrow program (a shaded quad and a head per edge, and again in the
 * edge picking pass) made the frame after a hub's "load more" (1,385 edges) a 450–550 ms
 * task, the plain line program a third of that. The review's whole graph (718
 * relationships) stays under it and keeps its arrows everywhere.
 */
export const LINES_FROM = 800;

/** A focused node's edges keep their arrows in a view of lines while it has at most this many. */
export const FOCUS_ARROWS = 300;

/** Edges are drawn as lines (no arrow heads but the focus's): a big view, or many edges drawn. */
export function drawsLines(big: boolean, drawnEdges: number): boolean {
  return big || drawnEdges >= LINES_FROM;
}

/** In a view of lines, the edges of this focused node (selected, hovered) of `degree` edges keep their arrows. */
export function focusKeepsArrows(degree: number): boolean {
  return degree <= FOCUS_ARROWS;
}

/**
 * The program an edge is drawn with. In a view of lines (`lines`: big, or LINES_FROM drawn
 * edges) the plain line, no arrow heads, no curves — except an edge of the focus
 * (`focused`: an end is the selected or hovered node, see focusKeepsArrows), drawn as an
 * arrow on top of the lines. Otherwise its own type (arrow, or curvedArrow for parallels,
 * straight arrows past the curve budget).
 */
export function edgeProgram(
  lines: boolean,
  own: string | undefined,
  straight = false,
  focused = false,
): string | undefined {
  if (lines) {
    if (!focused) return LINE_EDGE;
    return own === CURVED_EDGE && !straight ? CURVED_EDGE : FOCUS_ARROW_EDGE;
  }
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
