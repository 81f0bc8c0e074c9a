/**
 * Which node labels are drawn (issue 8): a density level picks sigma's label-grid settings,
 * and a few labels are forced past the grid by priority — the selected node, the hovered
 * node, the selection's neighbours, then the most connected nodes. Pure: the view asks
 * once per structure, selection or density change and checks membership in its reducer.
 */

export const LABEL_DENSITIES = ['few', 'normal', 'many'] as const;
export type LabelDensity = (typeof LABEL_DENSITIES)[number];

/** The sigma settings that decide how many labels its grid lets through. */
export interface LabelGridSettings {
  labelDensity: number;
  labelGridCellSize: number;
  labelRenderedSizeThreshold: number;
}

interface DensityLevel {
  /** Labels per grid cell (sigma's labelDensity). */
  density: number;
  /** Grid cell size, px: larger cells, fewer labels. */
  cell: number;
  /** How many labels of the most connected nodes are forced, at most. */
  topDegree: number;
  /** Most neighbours of the selection whose labels are forced. */
  neighbours: number;
}

const LEVELS: Record<LabelDensity, DensityLevel> = {
  few: { density: 0.3, cell: 140, topDegree: 8, neighbours: 12 },
  normal: { density: 0.6, cell: 90, topDegree: 20, neighbours: 30 },
  many: { density: 1.2, cell: 60, topDegree: 50, neighbours: 80 },
};

export function isLabelDensity(x: unknown): x is LabelDensity {
  return typeof x === 'string' && (LABEL_DENSITIES as readonly string[]).includes(x);
}

/**
 * Grid settings for a density level and a view of `order` nodes: small views name every
 * node, larger ones need a node drawn bigger (zoomed in) before its label shows.
 */
export function labelGridSettings(density: LabelDensity, order: number): LabelGridSettings {
  const level = LEVELS[density];
  const base = order <= 60 ? 0 : order <= 200 ? 7 : order <= 2000 ? 10 : 13;
  const shift = density === 'few' ? 3 : density === 'many' ? -3 : 0;
  return {
    labelDensity: level.density,
    labelGridCellSize: level.cell,
    labelRenderedSizeThreshold: base === 0 && density !== 'few' ? 0 : Math.max(0, base + shift),
  };
}

/** Priority of a forced label, highest first; nodes not forced have none. */
export const LabelPriority = { selected: 4, hovered: 3, neighbour: 2, degree: 1 } as const;

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
 * the selection and the top-degree nodes are capped by the density level (most connected
 * first, then by id, so the choice is stable); the selection and the hovered node always.
 */
export function forcedLabels(ctx: LabelContext): Map<string, number> {
  const level = LEVELS[ctx.density];
  const out = new Map<string, number>();
  const put = (id: string, p: number) => {
    if ((out.get(id) ?? 0) < p) out.set(id, p);
  };
  for (const id of topByDegree(ctx.nodes, ctx.degreeOf, level.topDegree)) put(id, LabelPriority.degree);
  for (const id of topByDegree(ctx.selectedNeighbours, ctx.degreeOf, level.neighbours))
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
