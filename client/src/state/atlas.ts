/**
 * The explorer's one state: the URL part (what is loaded, selection, filters, appearance,
 * layout, camera, open panel) plus what is transient (hover). Composed from one module per
 * concern; every change goes through `atlasReducer`. The URL, the renderer's reducers and
 * the panels are all derived from it.
 */
import type { UrlState } from '../lib/url.js';
import { type AppearanceAction, appearanceReducer } from './appearance.js';
import { type ContentsAction, contentsReducer } from './contents.js';
import { type FilterAction, filterReducer } from './filters.js';
import { type LayoutAction, layoutReducer } from './layoutState.js';
import { type PanelAction, panelReducer } from './panel.js';
import { type SelectionAction, selectionReducer } from './selection.js';
import { Store } from './store.js';

export interface AtlasState extends UrlState {
  hovered: string | null;
  hoveredEdge: string | null;
}

export type AtlasAction =
  | SelectionAction
  | FilterAction
  | AppearanceAction
  | LayoutAction
  | PanelAction
  | ContentsAction
  /** Back / Forward or a deep link: the URL's state, keeping what the URL does not hold. */
  | { type: 'fromUrl'; url: UrlState };

export function atlasReducer(s: AtlasState, a: AtlasAction): AtlasState {
  switch (a.type) {
    case 'select':
    case 'hover':
    case 'hoverEdge':
      return selectionReducer(s, a);
    case 'filter':
      return filterReducer(s, a);
    case 'appearance':
      return appearanceReducer(s, a);
    case 'reseed':
    case 'track':
      return layoutReducer(s, a);
    case 'openPanel':
      return panelReducer(s, a);
    case 'load':
    case 'expand':
    case 'collapse':
    case 'overlay':
    case 'bringAndSelect':
      return contentsReducer(s, a);
    case 'fromUrl':
      return { ...s, ...a.url };
  }
}

export function atlasState(url: UrlState): AtlasState {
  return { ...url, hovered: null, hoveredEdge: null };
}

/** Undo / redo restore what the user did, not where they looked: camera, hover and panel stay. */
function keepOnRestore(restored: AtlasState, present: AtlasState): AtlasState {
  return {
    ...restored,
    camera: present.camera,
    hovered: null,
    hoveredEdge: null,
    tab: present.tab,
  };
}

export type AtlasStore = Store<AtlasState, AtlasAction>;

export function createAtlasStore(url: UrlState): AtlasStore {
  return new Store<AtlasState, AtlasAction>(atlasState(url), atlasReducer, keepOnRestore);
}
