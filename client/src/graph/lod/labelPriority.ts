/**
 * Which node labels are drawn (issue 8): the density (sigma's labelDensity) scales its label-grid settings,
 * and a few labels are forced past the grid by priority — the selected node, the hovered
 * node, the selection's neighbours, then the most connected nodes. Pure: the view asks
 * once per structure, selection or density change and checks membership in its reducer.
 */

/**
 * Label density: sigma's `labelDensity` (labels per grid cell), the number the legend's
 * density control and the URL carry. Everything else here scales with it.
 */
export type LabelDensity = number;
export const LABEL_DENSITY_PRESETS = { few: 0.3, normal: 0.6, many: 1.2 } as const;
export const DEFAULT_DENSITY = LABEL_DENSITY_PRESETS.normal;

/** The sigma settings that decide how many labels its grid lets through. */
export interface LabelGridSettings {
  labelDensity: number;
  labelGridCellSize: number;
  labelRenderedSizeThreshold: number;
}

const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));
/** Density relative to the default (1 = normal). */
const relative = (density: number) =>
  clamp(Number.isFinite(density) ? density : DEFAULT_DENSITY, 0.05, 4) / DEFAULT_DENSITY;

/** How many labels of the most connected nodes are forced, at most. */
export function topDegreeBudget(density: LabelDensity): number {
  return Math.round(clamp(20 * relative(density), 5, 60));
}

/** Most neighbours of the selection whose labels are forced. */
export function neighbourBudget(density: LabelDensity): number {
  return Math.round(clamp(30 * relative(density), 10, 80));
}

/**
 * Grid settings for a density and a view of `order` nodes: denser means smaller grid cells
 * and labels on smaller nodes; small views name every node, larger ones need a node drawn
 * bigger (zoomed in) before its label shows.
 */
export function labelGridSettings(density: LabelDensity, order: number): LabelGridSettings {
  const r = relative(density);
  const base = order <= 60 ? 0 : order <= 200 ? 7 : order <= 2000 ? 10 : 13;
  const shift = r < 0.75 ? 3 : r > 1.5 ? -3 : 0;
  return {
    labelDensity: r * DEFAULT_DENSITY,
    labelGridCellSize: Math.round(clamp(90 / Math.sqrt(r), 50, 160)),
    labelRenderedSizeThreshold: base === 0 && shift <= 0 ? 0 : Math.max(0, base + shift),
  };
}

/**
 * Priority of a forced label, highest first; nodes not forced have none (sigma's grid
 * decides, and they are drawn last). A "+N more" caption comes after the selection's
 * neighbours and before the most connected nodes (the label drawer draws in this order
 * and skips a label that would overlap one drawn before it; selected and hovered always).
 */
export const LabelPriority = { selected: 4, hovered: 3, neighbour: 2, more: 1.5, degree: 1 } as const;

export interface LabelContext {
  /** Every node id of the view that may be drawn (hidden nodes left out). */
  nodes: Iterable<string>;
  degreeOf(id: string): number;
  selected: string | null;
  hovered: string | null;
  /** The drawn neighbours of the selected node. */
  selectedNeighbours: Iterable<string>;
  density: LabelDensity;
}

/**
 * The nodes whose labels are forced, each with its priority (LabelPriority). Neighbours of
 * the selection and the top-degree nodes are capped by the density (most connected
 * first, then by id, so the choice is stable); the selection and the hovered node always.
 */
export function forcedLabels(ctx: LabelContext): Map<string, number> {
  const out = new Map<string, number>();
  const put = (id: string, p: number) => {
    if ((out.get(id) ?? 0) < p) out.set(id, p);
  };
  for (const id of topByDegree(ctx.nodes, ctx.degreeOf, topDegreeBudget(ctx.density))) put(id, LabelPriority.degree);
  for (const id of topByDegree(ctx.selectedNeighbours, ctx.degreeOf, neighbourBudget(ctx.density)))
    put(id, LabelPriority.neighbour);
  if (ctx.hovered) put(ctx.hovered, LabelPriority.hovered);
  if (ctx.selected) put(ctx.selected, LabelPriority.selected);
  return out;
}

/**
 * The `k` ids of highest degree (ties by id), without sorting everything: one pass keeping
 * a small sorted list, O(n·k) with k ≤ 80.
 */
export function topByDegree(ids: Iterable<string>, degreeOf: (id: string) => number, k: number): string[] {
  if (k <= 0) return [];
  const top: { id: string; d: number }[] = [];
  const before = (a: { id: string; d: number }, b: { id: string; d: number }) =>
    a.d > b.d || (a.d === b.d && a.id < b.id);
  for (const id of ids) {
    const item = { id, d: degreeOf(id) };
    if (top.length === k && !before(item, top[k - 1]!)) continue;
    let i = top.length;
    while (i > 0 && before(item, top[i - 1]!)) i--;
    top.splice(i, 0, item);
    if (top.length > k) top.pop();
  }
  return top.map((t) => t.id);
}
