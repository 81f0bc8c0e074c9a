/** Appearance: what node size and colour show, and how densely labels are drawn. */
export type SizeBy = 'degree' | 'betweenness' | 'uniform';
export type ColorBy = 'label' | 'community';

export interface AppearanceState {
  sizeBy: SizeBy;
  colorBy: ColorBy;
  /** Sigma's `labelDensity`: labels per grid cell, 0.1 (sparse) to 3 (dense). */
  labelDensity: number;
}

export const DEFAULT_LABEL_DENSITY = 0.6;
export const LABEL_DENSITY_RANGE = { min: 0.1, max: 3 } as const;

export type AppearanceAction = { type: 'appearance'; patch: Partial<AppearanceState> };

export function clampDensity(d: number): number {
  if (!Number.isFinite(d)) return DEFAULT_LABEL_DENSITY;
  return Math.min(LABEL_DENSITY_RANGE.max, Math.max(LABEL_DENSITY_RANGE.min, d));
}

export function appearanceReducer<S extends AppearanceState>(s: S, a: AppearanceAction): S {
  const p = a.patch;
  const next = {
    ...s,
    ...(p.sizeBy ? { sizeBy: p.sizeBy } : {}),
    ...(p.colorBy ? { colorBy: p.colorBy } : {}),
    ...(p.labelDensity !== undefined ? { labelDensity: clampDensity(p.labelDensity) } : {}),
  };
  return next.sizeBy === s.sizeBy && next.colorBy === s.colorBy && next.labelDensity === s.labelDensity ? s : next;
}
