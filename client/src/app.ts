/**
 * The application: one typed store (`state/atlas.ts`) holds everything that is state;
 * every change is an action through its pure reducer. From the store are derived the URL
 * (written here), the renderer's display (`view.syncDisplay`) and the panels (they read
 * `app.state` on the events below). Undo / redo restore store snapshots. Components talk
 * to the App, never to each other.
 */
import type { GraphEdge } from '../../ontology/index.js';
import { api, ApiError, type CypherResult, type Schema } from './lib/api.js';
import { buildUrl, parseUrl, type Overlay } from './lib/url.js';
import type { GraphView } from './graph/view.js';
import { type AtlasAction, type AtlasState, type AtlasStore, createAtlasStore } from './state/atlas.js';
import type { AppearanceState } from './state/appearance.js';
import type { FilterState } from './state/filters.js';
import { ConnectivityMonitor } from './lib/connectivity.js';
import { Emitter } from './state/events.js';
import { BrowserHistory } from './app/browserHistory.js';
import { NeighbourWalk } from './app/neighbourWalk.js';
import type { OverlayResult } from './app/overlays.js';
import type { StageMessage } from './app/stageMessages.js';
import { ViewSync } from './app/viewSync.js';
import { isMoreId } from './graph/lod/moreNode.js';
import { MEMBERS_LIMIT, membersMoreLabel, nextMembersLimit, summaryLabelOf } from './graph/lod/summaryNode.js';

export { OVERVIEW_LIMIT } from './app/baseView.js';
export type { OverlayResult } from './app/overlays.js';
export type { StageMessage } from './app/stageMessages.js';

export type AppEvent =
  | 'selection'
  | 'edgeSelection'
  | 'walk'
  | 'view'
  | 'filters'
  | 'busy'
  | 'tab'
  | 'result'
  | 'overlay'
  | 'schema'
  | 'history'
  | 'pathSeed'
  | 'notice';

export interface NodeRef {
  id: string;
  name: string;
  label?: string;
}

export class App {
  readonly store: AtlasStore = createAtlasStore(parseUrl());
  schema: Schema | null = null;
  /** Table result of the current Cypher / saved-question view. */
  result: { title: string; data: CypherResult } | null = null;
  resultError: ApiError | null = null;
  overlayResult: OverlayResult | null = null;
  overlayError: ApiError | null = null;
  totals: { nodes?: number; edges?: number } = {};
  /** The overview drawn is the label/type summary of a large graph (one node per label). */
  summary = false;
  /** A label's members view: how many are shown of how many. */
  members: { label: string; shown: number; total: number } | null = null;
  busy = 0;
  notice = '';
  /**
   * The relationship shown in the details panel (clicked on the canvas). Not in the URL:
   * element ids are only stable for one database load. Selecting a node clears it.
   */
  selectedEdge: GraphEdge | null = null;
  /** `]` / `[`: the node whose neighbours are being walked, in the order they are visited. */
  private neighbourWalk = new NeighbourWalk();
  /** Where the last `]` / `[` step landed, for the hint line and screen readers. */
  walk: { node: string; text: string } | null = null;
  private readonly events = new Emitter<Record<AppEvent, []>>();
  private readonly history: BrowserHistory;
  private readonly viewSync = new ViewSync(this);

  /** Reachability of the API and Neo4j, from /api/health only. */
  readonly connectivity = new ConnectivityMonitor();

  constructor(
    readonly view: GraphView | null,
    readonly ui: { stage: (m: StageMessage | null) => void },
  ) {
    this.history = new BrowserHistory(() => {
      const prev = this.state;
      this.store.dispatch({ type: 'fromUrl', url: parseUrl() });
      void this.apply(this.state, prev);
      this.emit('history');
    });
    this.store.on('history', () => this.emit('history'));
    const v = view;
    if (v) {
      // The display is derived from the store, hover included; the pointer only asks.
      this.store.on('change', (next) => v.syncDisplay(next));
      v.syncDisplay(this.state);
      v.on('pointerNode', (id) => this.store.dispatch({ type: 'hover', id }));
      v.on('pointerEdge', (id) => this.store.dispatch({ type: 'hoverEdge', id }));
    }
  }

  get state(): AtlasState {
    return this.store.state;
  }

  notify(text: string): void {
    this.notice = text;
    this.emit('notice');
  }

  /** Typed app events (what changed; the state itself is read from `app.state`). */
  on(ev: AppEvent, fn: () => void): () => void {
    return this.events.on(ev, fn);
  }
  emit(ev: AppEvent): void {
    if (ev === 'view') this.neighbourWalk.reset();
    this.events.emit(ev);
  }

  get canBack(): boolean {
    return this.history.canBack;
  }
  get canForward(): boolean {
    return this.history.canForward;
  }
  get canUndo(): boolean {
    return this.store.canUndo;
  }
  get canRedo(): boolean {
    return this.store.canRedo;
  }

  setBusy(delta: number): void {
    this.busy = Math.max(0, this.busy + delta);
    this.emit('busy');
  }

  /**
   * Turn a failure into an ApiError for the caller to show. A failure that looks like an
   * outage only asks /api/health; the banner follows what the health check says.
   */
  reportError(e: unknown): ApiError {
    if (!(e instanceof ApiError)) console.error(e);
    const err =
      e instanceof ApiError ? e : new ApiError(-1, 'Unexpected error', e instanceof Error ? e.message : String(e));
    if (err.unavailable) void this.connectivity.check();
    return err;
  }

  /** A request succeeded: if the banner is up, confirm the recovery with /api/health. */
  reportSuccess(): void {
    if (this.connectivity.down) void this.connectivity.check();
  }

  async init(): Promise<void> {
    void this.loadSchema();
    const start = this.state;
    if (start.spec.mode === 'cypher') {
      // A Cypher deep link (?view=cypher&q=…) only fills the editor (CypherPanel takes
      // the query from the URL state) and waits for Run: opening a link never runs a
      // query on the reader's behalf. The view underneath is the overview.
      this.store.replace({ ...start, spec: { mode: 'overview' }, ops: [], overlay: null, tab: 'cypher' });
      await this.apply(this.state, start, true);
      return;
    }
    await this.apply(this.state, start, true);
  }

  async loadSchema(): Promise<void> {
    try {
      this.schema = await api.schema();
      this.emit('schema');
    } catch (e) {
      this.reportError(e);
    }
  }

  // ---------- navigation ----------
  /**
   * Change the state by an action, record it in the URL (a browser history entry when
   * `push`) and bring the view in line. `undoable` (default: as `push`) makes an undo step.
   */
  async dispatch(action: AtlasAction, opts: { push?: boolean; undoable?: boolean } = {}): Promise<void> {
    const prev = this.state;
    const next = this.store.dispatch(action, { undoable: opts.undoable ?? opts.push ?? false });
    if (next === prev) return;
    const url = buildUrl(next);
    if (opts.push) this.history.push(url);
    else this.history.replace(url);
    this.emit('history');
    await this.apply(next, prev);
  }

  /** Undo the last expand, collapse, filter change, query run, selection… (bounded: HISTORY_LIMIT). */
  undo(): Promise<void> {
    return this.restore('undo');
  }
  redo(): Promise<void> {
    return this.restore('redo');
  }
  private async restore(which: 'undo' | 'redo'): Promise<void> {
    const prev = this.state;
    const next = which === 'undo' ? this.store.undo() : this.store.redo();
    if (!next) return;
    this.writeUrl();
    await this.apply(next, prev);
  }

  /** Record state in the URL without a history entry and without reloading. */
  writeUrl(): void {
    this.history.replace(buildUrl(this.state));
  }

  /** Bring the view in line with the store's state (after an action, Back / Forward, undo or a deep link). */
  async apply(next: AtlasState, prev: AtlasState, force = false): Promise<void> {
    this.emit('filters');
    if (prev.tab !== next.tab || force) this.emit('tab');
    await this.viewSync.sync(next, force);
    this.applySelection(prev.selected !== next.selected || force);
  }

  /** Follow the camera and hand-made positions into the URL (no history entry). */
  trackLayout(): void {
    this.viewSync.trackLayout();
  }

  /** Highlight everything the overlay brought (paths: every path; resistance: the whole set). */
  highlightAllOverlay(): void {
    this.viewSync.highlightAllOverlay();
  }

  /** Lay the view out again from another seed (a history entry). */
  reseed(): Promise<void> {
    return this.dispatch({ type: 'reseed' }, { push: true });
  }

  // ---------- selection ----------
  private applySelection(changed: boolean): void {
    const id = this.state.selected;
    if (id && this.selectedEdge) {
      this.selectedEdge = null;
      this.view?.setSelectedEdge(null);
    }
    if (changed) this.emit('selection');
  }

  /**
   * Show a relationship of the view in the details panel (null clears it). A selected
   * node is deselected (one history entry), so the panel and the canvas agree.
   */
  async selectEdge(id: string | null): Promise<void> {
    const v = this.view;
    const data = id && v?.graph.hasEdge(id) ? v.graph.getEdgeAttribute(id, 'data') : null;
    if (!data && !this.selectedEdge) return;
    this.selectedEdge = data;
    v?.setSelectedEdge(data ? id : null);
    if (data && this.state.selected) {
      this.store.dispatch({ type: 'openPanel', tab: 'details' });
      await this.dispatch({ type: 'select', id: null }, { push: true });
      return;
    }
    if (data) this.setTab('details');
    this.emit('edgeSelection');
  }

  /**
   * Move the selection to the next (step 1) or previous (-1) visible neighbour of the node
   * the walk started from, clockwise on screen; the camera follows. The first step is a
   * history entry (Back returns to the starting node), the next ones replace it.
   */
  async cycleNeighbor(step: 1 | -1): Promise<string | null> {
    const v = this.view;
    const cur = this.state.selected;
    if (!v || !cur || !v.graph.hasNode(cur)) return null;
    const w = this.neighbourWalk.step(
      cur,
      step,
      (n) => v.visibleNeighbors(n),
      (n) => v.graph.hasNode(n),
    );
    if (w === 'alone') this.notify(`${this.nameOf(cur)} has no neighbours in view: press Enter to expand it`);
    if (!w || w === 'alone') return null;
    const { id, anchor } = w;
    this.walk = { node: id, text: `neighbour ${w.index + 1} of ${w.count} of ${this.nameOf(anchor)}` };
    await this.select(id, { center: false, push: cur === anchor });
    v.followNode(id, anchor);
    this.emit('walk');
    return id;
  }

  /** Select a node; bring it into the view first when it is not there. */
  async select(id: string | null, opts: { center?: boolean; push?: boolean } = {}): Promise<void> {
    // A "+N more" node is not an entity: opening it loads more of its group; a summary
    // node (one per label) opens that label's members.
    if (id && (isMoreId(id) || this.summaryLabel(id))) return this.expand(id);
    const v = this.view;
    const push = opts.push ?? true;
    if (id) await this.dispatch({ type: 'bringAndSelect', id, bring: !!v && !v.graph.hasNode(id) }, { push });
    else await this.dispatch({ type: 'select', id: null }, { push });
    if (id && opts.center !== false) v?.focusNode(id);
  }

  expand(id: string): Promise<void> {
    const label = this.summaryLabel(id);
    if (label) return this.openLabel(label);
    const moreOf = membersMoreLabel(id);
    if (moreOf) return this.loadMoreMembers(moreOf);
    return this.dispatch({ type: 'expand', id }, { push: true });
  }

  /** The label a summary node of the view stands for (null for an entity or anything else). */
  summaryLabel(id: string): string | null {
    const v = this.view;
    return v?.graph.hasNode(id) ? summaryLabelOf(id, v.graph.getNodeAttribute(id, 'data')) : null;
  }

  /** Show a label's most connected members (a history entry: Back returns to the summary). */
  openLabel(label: string, limit?: number): Promise<void> {
    const spec = { mode: 'members' as const, label, ...(limit && limit !== MEMBERS_LIMIT ? { limit } : {}) };
    return this.dispatch({ type: 'load', spec }, { push: true });
  }

  /** The members view of `label`, with more of them (twice as many, bounded). */
  private loadMoreMembers(label: string): Promise<void> {
    const s = this.state.spec;
    const limit = s.mode === 'members' && s.label === label ? (s.limit ?? MEMBERS_LIMIT) : MEMBERS_LIMIT;
    const total = this.members?.label === label ? this.members.total : Number.POSITIVE_INFINITY;
    return this.openLabel(label, nextMembersLimit(limit, total));
  }
  collapse(id: string): Promise<void> {
    return this.dispatch({ type: 'collapse', id }, { push: true });
  }
  focusEgo(id: string, depth: number): Promise<void> {
    return this.dispatch({ type: 'load', spec: { mode: 'ego', id, depth }, selected: id }, { push: true });
  }
  overview(): Promise<void> {
    return this.dispatch({ type: 'load', spec: { mode: 'overview' } }, { push: true });
  }
  runCypher(query: string, params: Record<string, unknown> = {}): Promise<void> {
    return this.dispatch({ type: 'load', spec: { mode: 'cypher', query, params }, tab: 'cypher' }, { push: true });
  }
  runQuestion(name: string, params: Record<string, unknown>): Promise<void> {
    return this.dispatch({ type: 'load', spec: { mode: 'question', name, params }, tab: 'questions' }, { push: true });
  }
  showOverlay(overlay: Overlay | null, tab?: string): Promise<void> {
    return this.dispatch({ type: 'overlay', overlay, ...(tab ? { tab } : {}) }, { push: true });
  }

  /** Nodes handed to the paths panel ("Path from…" in the details). */
  pathSeed: { from?: NodeRef; to?: NodeRef } = {};
  seedPath(which: 'from' | 'to', node: NodeRef): void {
    this.pathSeed = { ...this.pathSeed, [which]: node };
    this.setTab('paths');
    this.emit('pathSeed');
  }

  /** Display name of a node id when the view knows it. */
  nameOf(id: string): string {
    const v = this.view;
    return v?.graph.hasNode(id) ? v.graph.getNodeAttribute(id, 'label') : id;
  }

  setTab(tab: string): void {
    if (this.state.tab === tab) return;
    this.store.dispatch({ type: 'openPanel', tab });
    this.writeUrl();
    this.emit('tab');
  }

  /** Filters and appearance: no browser history entry, but each change is an undo step. */
  setFilters(patch: Partial<FilterState & AppearanceState>): void {
    const { hiddenLabels, hiddenRelTypes, hiddenAssertions, sizeBy, colorBy, labelDensity } = patch;
    const filter = { hiddenLabels, hiddenRelTypes, hiddenAssertions };
    const look = { sizeBy, colorBy, labelDensity };
    const defined = (o: object) => Object.values(o).some((v) => v !== undefined);
    if (defined(filter)) void this.dispatch({ type: 'filter', patch: filter }, { undoable: true });
    if (defined(look)) void this.dispatch({ type: 'appearance', patch: look }, { undoable: true });
  }
}
