import { LABEL_COLORS, NODE_LABELS, type NodeLabel } from '../../../ontology/index.js';

export const FALLBACK_COLOR = '#8a8f98';
export const FADED_NODE = '#dfe3e8';
export const FADED_EDGE = '#eceef1';
export const EDGE_COLOR = '#b9c0ca';
export const EDGE_ACTIVE = '#4a5565';
export const HIGHLIGHT_EDGE = '#d1495b';
/** The relationship shown in the details panel. */
export const SELECTED_EDGE = '#0b5cad';

export function labelColor(label: string | undefined): string {
  return label && label in LABEL_COLORS ? LABEL_COLORS[label as NodeLabel] : FALLBACK_COLOR;
}

export function isNodeLabel(x: unknown): x is NodeLabel {
  return typeof x === 'string' && (NODE_LABELS as readonly string[]).includes(x);
}

/** Paul Tol's "muted" + "light" qualitative colours for Louvain communities. */
const COMMUNITY_PALETTE = [
  '#332288',
  '#88CCEE',
  '#44AA99',
  '#117733',
  '#999933',
  '#DDCC77',
  '#CC6677',
  '#882255',
  '#AA4499',
  '#77AADD',
  '#EE8866',
  '#EEDD88',
  '#FFAABB',
  '#99DDFF',
  '#BBCC33',
  '#AAAA00',
];
export function communityColor(c: number | undefined): string {
  if (c === undefined || c < 0) return FALLBACK_COLOR;
  return COMMUNITY_PALETTE[c % COMMUNITY_PALETTE.length] ?? FALLBACK_COLOR;
}
