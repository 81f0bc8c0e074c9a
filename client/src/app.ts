/**
 * Application state: what is loaded into the graph view, the selection, filters and
 * the URL/history that mirrors them. Components talk to the App, never to each other.
 */
import type { GraphEdge, Subgraph } from '../../ontology/index.js';
import {
  api,
  ApiError,
  asSubgraph,
  type CypherResult,
  type PathsResult,
  type ResistanceResult,
  type Schema,
} from './lib/api.js';
import { buildUrl, parseUrl, sameSpec, type Overlay, type UrlState, type ViewSpec } from './lib/url.js';
import type { GraphView, ColorBy, SizeBy } from './graph/view.js';
import { ConnectivityMonitor } from './lib/connectivity.js';
import { graphOfResult } from './lib/resultGraph.js';

export const OVERVIEW_LIMIT = 150;

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

export type OverlayResult =
  | { kind: 'paths'; data: PathsResult; overlay: Overlay }
  | { kind: 'resistance'; data: ResistanceResult; overlay: Overlay };

export interface StageMessage {
  kind: 'loading' | 'empty' | 'error';
  title: string;
  text?: string;
  action?: { label: string; run: () => void };
}

function sameOverlay(a: Overlay | null, b: Overlay | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export class App {
  state: UrlState = parseUrl();
  /** What the graph view currently holds. */
  private loaded: { spec: ViewSpec; seed: number; ops: string[]; overlay: Overlay | null } | null = null;
  /** The nodes each loaded op added (parallel to loaded.ops), so an expansion can be undone in place. */
  private opAdded: string[][] = [];
  schema: Schema | null = null;
  /** Table result of the current Cypher / saved-question view. */
  result: { title: string; data: CypherResult } | null = null;
  resultError: ApiError | null = null;
  overlayResult: OverlayResult | null = null;
  overlayError: ApiError | null = null;
  totals: { nodes?: number; edges?: number } = {};
  busy = 0;
  notice = '';
  /**
   * The relationship shown in the details panel (clicked on the canvas). Not in the URL:
   * element ids are only stable for one database load. Selecting a node clears it.
   */
  selectedEdge: GraphEdge | null = null;
  /** `]` / `[`: the node whose neighbours are being walked, in the order they are visited. */
  private cycle: { anchor: string; order: string[]; index: number } | null = null;
  /** Where the last `]` / `[` step landed, for the hint line and screen readers. */
  walk: { node: string; text: string } | null = null;
  private listeners = new Map<AppEvent, Set<() => void>>();
  private loadSeq = 0;
  private historyIndex = 0;
  private historyLength = 1;

  /** Reachability of the API and Neo4j, from /api/health only. */
  readonly connectivity = new ConnectivityMonitor();

  constructor(
    readonly view: GraphView | null,
    private ui: { stage: (m: StageMessage | null) => void },
  ) {
    const st = history.state as { atlasIndex?: number } | null;
    this.historyIndex = st?.atlasIndex ?? 0;
    this.historyLength = this.historyIndex + 1;
    history.replaceState({ atlasIndex: this.historyIndex }, '', location.href);
    window.addEventListener('popstate', (e) => {
      const s = e.state as { atlasIndex?: number } | null;
      this.historyIndex = s?.atlasIndex ?? 0;
      void this.apply(parseUrl());
      this.emit('history');
    });
  }

  notify(text: string): void {
    this.notice = text;
    this.emit('notice');
  }

  on(ev: AppEvent, fn: () => void): void {
    let set = this.listeners.get(ev);
    if (!set) {
      set = new Set();
      this.listeners.set(ev, set);
    }
    set.add(fn);
  }
  emit(ev: AppEvent): void {
    if (ev === 'view') this.cycle = null;
    for (const fn of this.listeners.get(ev) ?? []) {
      try {
        fn();
      } catch (e) {
        console.error(e);
      }
    }
  }

  get canBack(): boolean {
    return this.historyIndex > 0;
  }
  get canForward(): boolean {
    return this.historyIndex < this.historyLength - 1;
  }

  private setBusy(delta: number): void {
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
  private reportSuccess(): void {
    if (this.connectivity.down) void this.connectivity.check();
  }

  async init(): Promise<void> {
    void this.loadSchema();
    const start = this.state;
    if (start.spec.mode === 'cypher') {
      // A Cypher deep link (?view=cypher&q=…) only fills the editor (CypherPanel takes
      // the query from the URL state) and waits for Run: opening a link never runs a
      // query on the reader's behalf. The view underneath is the overview.
      await this.apply({ ...start, spec: { mode: 'overview' }, ops: [], overlay: null, tab: 'cypher' }, true);
      return;
    }
    await this.apply(this.state, true);
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
  /** Change state, record it in the URL (a history entry when push) and apply it. */
  async navigate(patch: Partial<UrlState>, push = true): Promise<void> {
    const next: UrlState = { ...this.state, ...patch };
    const url = buildUrl(next);
    if (push) {
      this.historyIndex += 1;
      this.historyLength = this.historyIndex + 1;
      history.pushState({ atlasIndex: this.historyIndex }, '', url);
    } else {
      history.replaceState({ atlasIndex: this.historyIndex }, '', url);
    }
    this.emit('history');
    await this.apply(next);
  }

  /** Record state in the URL without a history entry and without reloading. */
  private writeUrl(): void {
    history.replaceState({ atlasIndex: this.historyIndex }, '', buildUrl(this.state));
  }

  /** Bring the view in line with a state (from navigation, popstate or a deep link). */
  async apply(next: UrlState, force = false): Promise<void> {
    const prev = this.state;
    this.state = next;
    const v = this.view;
    if (v) {
      v.setHiddenLabels(next.hiddenLabels);
      v.setHiddenRelTypes(next.hiddenRelTypes);
      v.setHiddenAssertions(next.hiddenAssertions);
      if (v.sizeBy !== next.sizeBy) v.setSizeBy(next.sizeBy as SizeBy);
      if (v.colorBy !== next.colorBy) v.setColorBy(next.colorBy as ColorBy);
    }
    this.emit('filters');
    if (prev.tab !== next.tab || force) this.emit('tab');

    const L = this.loaded;
    const sameBase = !force && L && sameSpec(L.spec, next.spec) && L.seed === next.seed;
    const opsPrefix = sameBase && L.ops.length <= next.ops.length && L.ops.every((o, i) => next.ops[i] === o);
    // Back over expansions: drop what they added instead of rebuilding the view.
    const undoable =
      sameBase &&
      !opsPrefix &&
      next.ops.length < L.ops.length &&
      next.ops.every((o, i) => L.ops[i] === o) &&
      L.ops.slice(next.ops.length).every((o) => !o.startsWith('-')) &&
      this.opAdded.length === L.ops.length;
    if (undoable && L) {
      const drop = this.opAdded.slice(next.ops.length).flat();
      this.view?.removeNodes(drop.filter((id) => id !== next.selected));
      this.opAdded = this.opAdded.slice(0, next.ops.length);
      L.ops = [...next.ops];
      if (!sameOverlay(L.overlay, next.overlay)) await this.loadOverlay(next.overlay);
      this.emit('view');
    } else if (!sameBase || !opsPrefix) {
      await this.reload(next);
    } else {
      const newOps = next.ops.slice(L.ops.length);
      for (const op of newOps) this.opAdded.push(await this.runOp(op));
      L.ops = [...next.ops];
      if (!sameOverlay(L.overlay, next.overlay)) await this.loadOverlay(next.overlay);
      if (newOps.length) this.emit('view');
    }
    this.applySelection(prev.selected !== next.selected || force);
  }

  private async reload(next: UrlState): Promise<void> {
    const seq = ++this.loadSeq;
    this.ui.stage({ kind: 'loading', title: 'Loading the graph…' });
    this.setBusy(1);
    this.result = null;
    this.resultError = null;
    try {
      const sub = await this.fetchBase(next.spec);
      if (seq !== this.loadSeq) return;
      this.reportSuccess();
      this.view?.replace(sub, { seed: next.seed });
      this.loaded = { spec: next.spec, seed: next.seed, ops: [], overlay: null };
      // A deep link's camera wins over the framing an overlay would do.
      this.pendingCamera = next.camera;
      this.opAdded = [];
      for (const op of next.ops) this.opAdded.push(await this.runOp(op));
      this.loaded.ops = [...next.ops];
      this.overlayResult = null;
      this.overlayError = null;
      await this.loadOverlay(next.overlay);
      if (seq !== this.loadSeq) return;
      this.restoreLayout(next);
      if (!this.view || this.view.graph.order > 0) this.ui.stage(null);
      else this.ui.stage(this.emptyMessage(next.spec));
      this.emit('view');
      this.emit('result');
    } catch (e) {
      if (seq !== this.loadSeq) return;
      const err = this.reportError(e);
      if ((next.spec.mode === 'cypher' || next.spec.mode === 'question') && !err.unavailable) {
        // A failed query keeps the previous canvas (and what it was loaded from).
        this.resultError = err;
        if (!this.view || this.view.graph.order > 0) this.ui.stage(null);
        this.notify('The query failed: the previous view is kept. The error is in the panel.');
        this.emit('result');
        this.emit('view');
      } else {
        this.loaded = null;
        this.ui.stage({
          kind: 'error',
          title: err.unavailable ? 'The database is not reachable' : 'Could not load the graph',
          text: err.message,
          action: { label: 'Retry', run: () => void this.apply(this.state, true) },
        });
      }
    } finally {
      this.pendingCamera = null;
      this.setBusy(-1);
    }
  }

  /** Camera of a deep link, applied once the view it belongs to is loaded. */
  private pendingCamera: UrlState['camera'] = null;

  /** Positions changed by hand and the camera, as a deep link recorded them. */
  private restoreLayout(next: UrlState): void {
    const v = this.view;
    if (!v) return;
    if (next.positions) {
      for (const [id, p] of Object.entries(next.positions))
        if (v.graph.hasNode(id)) v.graph.mergeNodeAttributes(id, { x: p.x, y: p.y });
      v.manualLayout = true;
    }
    if (this.pendingCamera) {
      v.sigma.refresh();
      v.sigma.getCamera().setState(this.pendingCamera);
    }
    this.pendingCamera = null;
  }

  /** Follow the camera and hand-made positions into the URL (no history entry). */
  trackLayout(): void {
    const v = this.view;
    if (!v) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const sync = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        if (this.busy || this.pendingCamera) return;
        const c = v.sigma.getCamera().getState();
        this.state = {
          ...this.state,
          camera: { x: c.x, y: c.y, ratio: c.ratio },
          positions: v.manualLayout ? v.positions() : null,
        };
        this.writeUrl();
      }, 250);
    };
    v.sigma.getCamera().on('updated', sync);
    v.on('layout', sync);
    v.on('change', sync);
  }

  /** Lay the view out again from another seed (a history entry). */
  reseed(): Promise<void> {
    return this.navigate({ seed: this.state.seed + 1, positions: null, camera: null });
  }

  private emptyMessage(spec: ViewSpec): StageMessage {
    if (spec.mode === 'overview')
      return {
        kind: 'empty',
        title: 'The graph is empty',
        text: 'No nodes in the database yet. Run `npm run ingest` to load data/, then reload.',
      };
    if (spec.mode === 'cypher' || spec.mode === 'question')
      return {
        kind: 'empty',
        title: 'No graph in this result',
        text: 'The query returned no nodes or relationships; its rows are in the panel.',
      };
    return { kind: 'empty', title: 'Nothing to show', text: 'This view has no nodes.' };
  }

  private async fetchBase(spec: ViewSpec): Promise<Subgraph> {
    switch (spec.mode) {
      case 'ego':
        return asSubgraph(await api.neighbors(spec.id!, spec.depth ?? 1));
      case 'cypher': {
        const data = await api.cypher(spec.query ?? '', spec.params ?? {});
        this.result = { title: 'Cypher query', data };
        return graphOfResult(data, spec.params);
      }
      case 'question': {
        const data = await api.runQuestion(spec.name ?? '', spec.params ?? {});
        this.result = { title: spec.name ?? 'Saved question', data };
        return graphOfResult(data, spec.params);
      }
      default: {
        const g = await api.graph(OVERVIEW_LIMIT);
        this.totals = { nodes: g.total.nodes, edges: g.total.edges };
        return asSubgraph(g);
      }
    }
  }

  private async runOp(op: string): Promise<string[]> {
    const v = this.view;
    if (!v) return [];
    if (op.startsWith('-')) {
      v.collapse(op.slice(1));
      return [];
    }
    this.setBusy(1);
    try {
      const res = await api.neighbors(op, 1);
      const sub = asSubgraph(res);
      const added = v.merge(sub, v.graph.hasNode(op) ? op : undefined);
      const name = this.nameOf(op);
      this.notify(
        (added.length
          ? `Added ${added.length} node${added.length === 1 ? '' : 's'} around ${name}`
          : `Every neighbour of ${name} is already shown`) +
          (res.truncated ? ' (the server capped the neighbours: focus on the node to see more)' : ''),
      );
      return added;
    } catch (e) {
      this.reportError(e);
      return [];
    } finally {
      this.setBusy(-1);
    }
  }

  private async loadOverlay(overlay: Overlay | null): Promise<void> {
    const v = this.view;
    if (this.loaded) this.loaded.overlay = overlay;
    this.overlayError = null;
    if (!overlay) {
      this.overlayResult = null;
      v?.setHighlight(null);
      this.emit('overlay');
      return;
    }
    this.setBusy(1);
    try {
      if (overlay.kind === 'paths') {
        const data = await api.paths(overlay.from, overlay.to, overlay.maxDepth, overlay.types);
        this.overlayResult = { kind: 'paths', data, overlay };
        const sub = asSubgraph(data.graph);
        const nodes = new Map(sub.nodes.map((n) => [n.id, n]));
        const edges = new Map(sub.edges.map((e) => [String(e.id), e]));
        for (const p of data.paths ?? []) {
          for (const n of p.nodes ?? []) if (!nodes.has(n.id)) nodes.set(n.id, n);
          for (const e of p.edges ?? []) if (!edges.has(String(e.id))) edges.set(String(e.id), e);
        }
        v?.merge({ nodes: [...nodes.values()], edges: [...edges.values()] });
        this.reportSuccess();
        this.highlightAllOverlay();
        if (v?.highlight && !this.pendingCamera) v.fitNodes(v.highlight.nodes);
      } else {
        const data = await api.resistance(overlay.target);
        this.overlayResult = { kind: 'resistance', data, overlay };
        v?.merge(asSubgraph(data.graph), v.graph.hasNode(overlay.target) ? overlay.target : undefined);
        this.highlightAllOverlay();
        if (v?.highlight && !this.pendingCamera) v.fitNodes(v.highlight.nodes);
      }
    } catch (e) {
      this.overlayResult = null;
      this.overlayError = this.reportError(e);
      v?.setHighlight(null);
    } finally {
      this.setBusy(-1);
    }
    this.emit('overlay');
  }

  /** Highlight everything the overlay brought (paths: every path; resistance: the whole set). */
  highlightAllOverlay(): void {
    const r = this.overlayResult;
    const v = this.view;
    if (!r || !v) return;
    if (r.kind === 'paths') {
      const nodes = new Set<string>();
      const edges = new Set<string>();
      for (const p of r.data.paths ?? []) {
        for (const n of p.nodes ?? []) nodes.add(n.id);
        for (const e of p.edges ?? []) edges.add(String(e.id));
      }
      if (!nodes.size) for (const n of asSubgraph(r.data.graph).nodes) nodes.add(n.id);
      if (!edges.size) for (const e of asSubgraph(r.data.graph).edges) edges.add(String(e.id));
      v.setHighlight({ nodes, edges });
    } else {
      const sub = asSubgraph(r.data.graph);
      v.setHighlight({ nodes: sub.nodes.map((n) => n.id), edges: sub.edges.map((e) => String(e.id)) });
    }
  }

  // ---------- selection ----------
  private applySelection(changed: boolean): void {
    const id = this.state.selected;
    if (id && this.selectedEdge) {
      this.selectedEdge = null;
      this.view?.setSelectedEdge(null);
    }
    this.view?.setSelected(id);
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
      await this.navigate({ selected: null, tab: 'details' });
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
    let c = this.cycle;
    if (!c || !v.graph.hasNode(c.anchor) || (cur !== c.anchor && c.order[c.index] !== cur)) {
      const order = v.visibleNeighbors(cur);
      if (!order.length) {
        this.notify(`${this.nameOf(cur)} has no neighbours in view: press Enter to expand it`);
        this.cycle = null;
        return null;
      }
      c = this.cycle = { anchor: cur, order, index: -1 };
    } else {
      // Filters may have hidden or shown some neighbours since the last step.
      const fresh = v.visibleNeighbors(c.anchor);
      if (fresh.length !== c.order.length || fresh.some((x) => !c!.order.includes(x))) {
        c.order = fresh;
        c.index = fresh.indexOf(cur);
      }
      if (!c.order.length) {
        this.cycle = null;
        return null;
      }
    }
    const n = c.order.length;
    c.index = c.index < 0 ? (step > 0 ? 0 : n - 1) : (c.index + step + n) % n;
    const id = c.order[c.index]!;
    const anchor = c.anchor;
    this.walk = { node: id, text: `neighbour ${c.index + 1} of ${n} of ${this.nameOf(anchor)}` };
    await this.select(id, { center: false, push: cur === anchor });
    v.followNode(id, anchor);
    this.emit('walk');
    return id;
  }

  /** Select a node; bring it into the view first when it is not there. */
  async select(id: string | null, opts: { center?: boolean; push?: boolean } = {}): Promise<void> {
    const v = this.view;
    const patch: Partial<UrlState> = { selected: id };
    if (id && v && !v.graph.hasNode(id)) patch.ops = [...this.state.ops, id];
    if (id && this.state.tab !== 'details') patch.tab = 'details';
    await this.navigate(patch, opts.push ?? true);
    if (id && opts.center !== false) v?.focusNode(id);
  }

  expand(id: string): Promise<void> {
    return this.navigate({ ops: [...this.state.ops, id] });
  }
  collapse(id: string): Promise<void> {
    return this.navigate({ ops: [...this.state.ops, `-${id}`] });
  }
  focusEgo(id: string, depth: number): Promise<void> {
    return this.navigate({ spec: { mode: 'ego', id, depth }, ops: [], overlay: null, selected: id });
  }
  overview(): Promise<void> {
    return this.navigate({ spec: { mode: 'overview' }, ops: [], overlay: null, selected: null });
  }
  runCypher(query: string, params: Record<string, unknown> = {}): Promise<void> {
    return this.navigate({
      spec: { mode: 'cypher', query, params },
      ops: [],
      overlay: null,
      selected: null,
      tab: 'cypher',
    });
  }
  runQuestion(name: string, params: Record<string, unknown>): Promise<void> {
    return this.navigate({
      spec: { mode: 'question', name, params },
      ops: [],
      overlay: null,
      selected: null,
      tab: 'questions',
    });
  }
  showOverlay(overlay: Overlay | null, tab?: string): Promise<void> {
    return this.navigate({ overlay, ...(tab ? { tab } : {}) });
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
    this.state = { ...this.state, tab };
    this.writeUrl();
    this.emit('tab');
  }

  setFilters(
    patch: Partial<Pick<UrlState, 'hiddenLabels' | 'hiddenRelTypes' | 'hiddenAssertions' | 'sizeBy' | 'colorBy'>>,
  ): void {
    void this.navigate(patch, false);
  }
}
