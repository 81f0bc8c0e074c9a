/**
 * The URL holds the whole view: what was loaded (overview, ego network, Cypher query,
 * saved question, paths, resistance), which nodes were expanded, the selection, the
 * filters and the display choices, so a deep link reopens the same view.
 */
import { clampDensity, DEFAULT_LABEL_DENSITY, type ColorBy, type SizeBy } from '../state/appearance.js';

/** `members`: the most connected nodes of one label (a summary overview's node, opened). */
export type ViewMode = 'overview' | 'members' | 'ego' | 'cypher' | 'question';

export interface ViewSpec {
  mode: ViewMode;
  id?: string;
  depth?: number;
  query?: string;
  name?: string;
  params?: Record<string, unknown>;
  /** `members`: the label opened, and how many of its members to show. */
  label?: string;
  limit?: number;
}

/** Paths or resistance results drawn over the view (merged in and highlighted). */
export type Overlay =
  | { kind: 'paths'; from: string; to: string; maxDepth: number; types?: string[] }
  | { kind: 'resistance'; target: string };

export interface CameraView {
  x: number;
  y: number;
  ratio: number;
}
export type Positions = Record<string, { x: number; y: number }>;

export const DEFAULT_SEED = 1;

export interface UrlState {
  spec: ViewSpec;
  /** Seed of the automatic layout (deterministic: same data, same seed, same picture). */
  seed: number;
  /** Sigma camera; null = as the layout frames it. */
  camera: CameraView | null;
  /** Node positions, only when they were changed by hand (drag, live ForceAtlas2, grouping). */
  positions: Positions | null;
  /** Expand (`id`) and collapse (`-id`) operations replayed in order over the view. */
  ops: string[];
  overlay: Overlay | null;
  selected: string | null;
  hiddenLabels: string[];
  hiddenRelTypes: string[];
  /** Claim kinds (`assertion`; "unknown" = none recorded) whose relationships are hidden. */
  hiddenAssertions: string[];
  sizeBy: SizeBy;
  colorBy: ColorBy;
  /** Labels per grid cell (sigma's labelDensity). */
  labelDensity: number;
  tab: string;
}

const SIZE_BY: readonly SizeBy[] = ['degree', 'betweenness', 'uniform'];
const COLOR_BY: readonly ColorBy[] = ['label', 'community'];
const oneOf = <T extends string>(options: readonly T[], v: string | null, fallback: T): T =>
  options.includes(v as T) ? (v as T) : fallback;

const list = (s: string | null) =>
  s
    ? s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : [];

export function parseUrl(search: string = location.search): UrlState {
  const p = new URLSearchParams(search);
  const mode = (p.get('view') ?? 'overview') as ViewMode;
  const spec: ViewSpec = {
    mode: ['overview', 'members', 'ego', 'cypher', 'question'].includes(mode) ? mode : 'overview',
  };
  if (spec.mode === 'members') {
    spec.label = p.get('label') ?? undefined;
    const limit = Number.parseInt(p.get('limit') ?? '', 10);
    if (limit > 0) spec.limit = limit;
    if (!spec.label) spec.mode = 'overview';
  } else if (spec.mode === 'ego') {
    spec.id = p.get('focus') ?? undefined;
    spec.depth = Number(p.get('depth') ?? 1) || 1;
    if (!spec.id) spec.mode = 'overview';
  } else if (spec.mode === 'cypher') {
    spec.query = p.get('q') ?? '';
    try {
      spec.params = p.get('qp') ? (JSON.parse(p.get('qp')!) as Record<string, unknown>) : {};
    } catch {
      spec.params = {};
    }
  } else if (spec.mode === 'question') {
    spec.name = p.get('qn') ?? '';
    try {
      spec.params = p.get('qp') ? (JSON.parse(p.get('qp')!) as Record<string, unknown>) : {};
    } catch {
      spec.params = {};
    }
  }
  let overlay: Overlay | null = null;
  if (p.get('from') && p.get('to')) {
    overlay = { kind: 'paths', from: p.get('from')!, to: p.get('to')!, maxDepth: Number(p.get('maxDepth') ?? 4) || 4 };
    const types = list(p.get('pathTypes'));
    if (types.length) overlay.types = types;
  } else if (p.get('resistance')) {
    overlay = { kind: 'resistance', target: p.get('resistance')! };
  }
  return {
    spec,
    seed: Number.parseInt(p.get('seed') ?? '', 10) || DEFAULT_SEED,
    camera: parseCamera(p.get('cam')),
    positions: parsePositions(p.get('pos')),
    ops: list(p.get('exp')),
    overlay,
    selected: p.get('sel'),
    hiddenLabels: list(p.get('hide')),
    hiddenRelTypes: list(p.get('hideRel')),
    hiddenAssertions: list(p.get('hideAssert')),
    sizeBy: oneOf(SIZE_BY, p.get('size'), 'degree'),
    colorBy: oneOf(COLOR_BY, p.get('color'), 'label'),
    labelDensity: p.get('labels') ? clampDensity(Number(p.get('labels'))) : DEFAULT_LABEL_DENSITY,
    tab: p.get('tab') ?? 'details',
  };
}

export function buildUrl(s: UrlState): string {
  const p = new URLSearchParams();
  const { spec } = s;
  if (spec.mode !== 'overview') p.set('view', spec.mode);
  if (spec.mode === 'members' && spec.label) {
    p.set('label', spec.label);
    if (spec.limit) p.set('limit', String(spec.limit));
  }
  if (spec.mode === 'ego' && spec.id) {
    p.set('focus', spec.id);
    p.set('depth', String(spec.depth ?? 1));
  }
  if (spec.mode === 'cypher') {
    p.set('q', spec.query ?? '');
    if (spec.params && Object.keys(spec.params).length) p.set('qp', JSON.stringify(spec.params));
  }
  if (spec.mode === 'question') {
    p.set('qn', spec.name ?? '');
    if (spec.params && Object.keys(spec.params).length) p.set('qp', JSON.stringify(spec.params));
  }
  if (s.ops.length) p.set('exp', s.ops.join(','));
  if (s.overlay?.kind === 'paths') {
    p.set('from', s.overlay.from);
    p.set('to', s.overlay.to);
    p.set('maxDepth', String(s.overlay.maxDepth));
    if (s.overlay.types?.length) p.set('pathTypes', s.overlay.types.join(','));
  } else if (s.overlay?.kind === 'resistance') {
    p.set('resistance', s.overlay.target);
  }
  if (s.seed !== DEFAULT_SEED) p.set('seed', String(s.seed));
  if (s.positions && Object.keys(s.positions).length) p.set('pos', formatPositions(s.positions));
  if (s.camera && !isDefaultCamera(s.camera)) p.set('cam', formatCamera(s.camera));
  if (s.selected) p.set('sel', s.selected);
  if (s.hiddenLabels.length) p.set('hide', s.hiddenLabels.join(','));
  if (s.hiddenRelTypes.length) p.set('hideRel', s.hiddenRelTypes.join(','));
  if (s.hiddenAssertions.length) p.set('hideAssert', s.hiddenAssertions.join(','));
  if (s.sizeBy !== 'degree') p.set('size', s.sizeBy);
  if (s.colorBy !== 'label') p.set('color', s.colorBy);
  if (s.labelDensity !== DEFAULT_LABEL_DENSITY) p.set('labels', num(s.labelDensity, 2));
  if (s.tab && s.tab !== 'details') p.set('tab', s.tab);
  const q = p.toString();
  return `${location.pathname}${q ? `?${q}` : ''}`;
}

export function sameSpec(a: ViewSpec, b: ViewSpec): boolean {
  return JSON.stringify(normal(a)) === JSON.stringify(normal(b));
}
function normal(s: ViewSpec): unknown {
  return Object.fromEntries(
    Object.entries(s)
      .filter(([, v]) => v !== undefined)
      .sort(([x], [y]) => x.localeCompare(y)),
  );
}

const num = (x: number, digits: number) => String(Number(x.toFixed(digits)));

export function formatCamera(c: CameraView): string {
  return [num(c.x, 5), num(c.y, 5), num(c.ratio, 5)].join(',');
}
export function parseCamera(s: string | null): CameraView | null {
  if (!s) return null;
  const [x, y, ratio] = s.split(',').map(Number);
  if (![x, y, ratio].every((v) => Number.isFinite(v)) || ratio! <= 0) return null;
  return { x: x!, y: y!, ratio: ratio! };
}
function isDefaultCamera(c: CameraView): boolean {
  return Math.abs(c.x - 0.5) < 1e-5 && Math.abs(c.y - 0.5) < 1e-5 && Math.abs(c.ratio - 1) < 1e-5;
}

/** `id~x~y,…` (ids never hold `~` or `,`), 3 decimals: far below a pixel at any zoom sigma allows. */
export function formatPositions(p: Positions): string {
  return Object.entries(p)
    .map(([id, { x, y }]) => `${id}~${num(x, 3)}~${num(y, 3)}`)
    .join(',');
}
export function parsePositions(s: string | null): Positions | null {
  if (!s) return null;
  const out: Positions = {};
  for (const item of s.split(',')) {
    const [id, x, y] = item.split('~');
    if (id && Number.isFinite(Number(x)) && Number.isFinite(Number(y))) out[id] = { x: Number(x), y: Number(y) };
  }
  return Object.keys(out).length ? out : null;
}
