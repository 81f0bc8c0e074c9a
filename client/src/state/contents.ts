/**
 * What the view is built from: the base view (overview, ego network, Cypher query, saved
 * question), the expand / collapse operations replayed over it, and the overlay.
 */
import type { Overlay, ViewSpec } from '../lib/url.js';

export interface ContentsState {
  spec: ViewSpec;
  /** Expand (`id`) and collapse (`-id`) operations replayed in order over the view. */
  ops: string[];
  overlay: Overlay | null;
  selected: string | null;
  tab: string;
}

export type ContentsAction =
  /** A new base view (a query run, a saved question, an ego network, the overview). */
  | { type: 'load'; spec: ViewSpec; selected?: string | null; tab?: string }
  | { type: 'expand'; id: string }
  | { type: 'collapse'; id: string }
  | { type: 'overlay'; overlay: Overlay | null; tab?: string }
  /** Select a node; `bring` adds it to the view first (an expansion of it). */
  | { type: 'bringAndSelect'; id: string; bring: boolean };

export function contentsReducer<S extends ContentsState>(s: S, a: ContentsAction): S {
  switch (a.type) {
    case 'load':
      return {
        ...s,
        spec: a.spec,
        ops: [],
        overlay: null,
        selected: a.selected ?? null,
        ...(a.tab ? { tab: a.tab } : {}),
      };
    case 'expand':
      return { ...s, ops: [...s.ops, a.id] };
    case 'collapse':
      return { ...s, ops: [...s.ops, `-${a.id}`] };
    case 'overlay':
      return { ...s, overlay: a.overlay, ...(a.tab ? { tab: a.tab } : {}) };
    case 'bringAndSelect':
      return { ...s, selected: a.id, tab: 'details', ops: a.bring ? [...s.ops, a.id] : s.ops };
  }
}

/** The nodes currently expanded (expanded and not collapsed since), in order. */
export function expandedSet(ops: string[]): string[] {
  const out = new Set<string>();
  for (const op of ops) {
    if (op.startsWith('-')) out.delete(op.slice(1));
    else out.add(op);
  }
  return [...out];
}
