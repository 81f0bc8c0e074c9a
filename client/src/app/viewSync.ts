/**
 * Brings the graph view in line with a state: rebuilds it when the base view (spec, seed)
 * changes, replays or drops expansions in place, loads overlays, restores a deep link's
 * positions and camera, and follows the camera back into the URL.
 */
import type { Overlay, UrlState, ViewSpec } from '../lib/url.js';
import { isMoreId } from '../graph/lod/moreNode.js';
import { openMoreNode } from '../graph/lod/openMore.js';
import { sameSpec } from '../lib/url.js';
import { api, asSubgraph } from '../lib/api.js';
import type { App } from '../app.js';
import { fetchBaseView } from './baseView.js';
import { fetchOverlay, overlayHighlight, overlaySubgraph, sameOverlay } from './overlays.js';
import { emptyMessage } from './stageMessages.js';

export class ViewSync {
  /** What the graph view currently holds. */
  private loaded: { spec: ViewSpec; seed: number; ops: string[]; overlay: Overlay | null } | null = null;
  /** The nodes each loaded op added (parallel to loaded.ops), so an expansion can be undone in place. */
  private opAdded: string[][] = [];
  private loadSeq = 0;

  constructor(private app: App) {}

  /** Load, replay or drop what differs between what the view holds and `next`. */
  async sync(next: UrlState, force: boolean): Promise<void> {
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
      this.app.view?.removeNodes(drop.filter((id) => id !== next.selected));
      this.opAdded = this.opAdded.slice(0, next.ops.length);
      L.ops = [...next.ops];
      if (!sameOverlay(L.overlay, next.overlay)) await this.loadOverlay(next.overlay);
      this.app.emit('view');
    } else if (!sameBase || !opsPrefix) {
      await this.reload(next);
    } else {
      const newOps = next.ops.slice(L.ops.length);
      for (const op of newOps) this.opAdded.push(await this.runOp(op));
      L.ops = [...next.ops];
      if (!sameOverlay(L.overlay, next.overlay)) await this.loadOverlay(next.overlay);
      if (newOps.length) this.app.emit('view');
    }
  }

  private async reload(next: UrlState): Promise<void> {
    const seq = ++this.loadSeq;
    this.app.ui.stage({ kind: 'loading', title: 'Loading the graph…' });
    this.app.setBusy(1);
    this.app.result = null;
    this.app.resultError = null;
    try {
      const base = await fetchBaseView(next.spec);
      if (base.result) this.app.result = base.result;
      if (base.totals) this.app.totals = base.totals;
      this.app.summary = !!base.summary;
      this.app.members = base.members ?? null;
      const sub = base.sub;
      if (seq !== this.loadSeq) return;
      this.app.reportSuccess();
      this.app.view?.replace(sub, { seed: next.seed });
      this.loaded = { spec: next.spec, seed: next.seed, ops: [], overlay: null };
      // A deep link's camera wins over the framing an overlay would do.
      this.pendingCamera = next.camera;
      this.opAdded = [];
      for (const op of next.ops) this.opAdded.push(await this.runOp(op));
      this.loaded.ops = [...next.ops];
      this.app.overlayResult = null;
      this.app.overlayError = null;
      await this.loadOverlay(next.overlay);
      if (seq !== this.loadSeq) return;
      this.restoreLayout(next);
      if (!this.app.view || this.app.view.graph.order > 0) this.app.ui.stage(null);
      else this.app.ui.stage(emptyMessage(next.spec));
      this.app.emit('view');
      this.app.emit('result');
    } catch (e) {
      if (seq !== this.loadSeq) return;
      const err = this.app.reportError(e);
      if ((next.spec.mode === 'cypher' || next.spec.mode === 'question') && !err.unavailable) {
        // A failed query keeps the previous canvas (and what it was loaded from).
        this.app.resultError = err;
        if (!this.app.view || this.app.view.graph.order > 0) this.app.ui.stage(null);
        this.app.notify('The query failed: the previous view is kept. The error is in the panel.');
        this.app.emit('result');
        this.app.emit('view');
      } else {
        this.loaded = null;
        this.app.ui.stage({
          kind: 'error',
          title: err.unavailable ? 'The database is not reachable' : 'Could not load the graph',
          text: err.message,
          action: { label: 'Retry', run: () => void this.app.apply(this.app.state, this.app.state, true) },
        });
      }
    } finally {
      this.pendingCamera = null;
      this.app.setBusy(-1);
    }
  }

  /** Camera of a deep link, applied once the view it belongs to is loaded. */
  private pendingCamera: UrlState['camera'] = null;

  /** Positions changed by hand and the camera, as a deep link recorded them. */
  private restoreLayout(next: UrlState): void {
    const v = this.app.view;
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
    const v = this.app.view;
    if (!v) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const sync = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        if (this.app.busy || this.pendingCamera) return;
        const c = v.sigma.getCamera().getState();
        this.app.store.dispatch({
          type: 'track',
          camera: { x: c.x, y: c.y, ratio: c.ratio },
          positions: v.manualLayout ? v.positions() : null,
        });
        this.app.writeUrl();
      }, 250);
    };
    v.sigma.getCamera().on('updated', sync);
    v.on('layout', sync);
    v.on('change', sync);
  }

  private async runOp(op: string): Promise<string[]> {
    const v = this.app.view;
    if (!v) return [];
    if (op.startsWith('-')) {
      v.collapse(op.slice(1));
      return [];
    }
    this.app.setBusy(1);
    try {
      if (isMoreId(op)) {
        // A "+N more" node: the next neighbours of its group, paged (issue 8).
        const r = await openMoreNode(v, op, api.relationships);
        this.app.notify(r.message);
        return r.added;
      }
      // The top neighbours of each relationship type, and one "+N more" node per type cut.
      const res = await api.neighbors(op, 1, undefined, true);
      const sub = asSubgraph(res);
      const added = await v.mergeInSlices(sub, v.graph.hasNode(op) ? op : undefined);
      const name = this.app.nameOf(op);
      this.app.notify(
        (added.length
          ? `Added ${added.length} node${added.length === 1 ? '' : 's'} around ${name}`
          : `Every neighbour of ${name} is already shown`) +
          (res.truncated ? ' (the server capped the neighbours: focus on the node to see more)' : ''),
      );
      return added;
    } catch (e) {
      this.app.reportError(e);
      return [];
    } finally {
      this.app.setBusy(-1);
    }
  }

  private async loadOverlay(overlay: Overlay | null): Promise<void> {
    const v = this.app.view;
    if (this.loaded) this.loaded.overlay = overlay;
    this.app.overlayError = null;
    if (!overlay) {
      this.app.overlayResult = null;
      v?.setHighlight(null);
      this.app.emit('overlay');
      return;
    }
    this.app.setBusy(1);
    try {
      const r = await fetchOverlay(overlay);
      this.app.overlayResult = r;
      // Resistance grows around its target when it is drawn; paths hang from their drawn neighbours.
      const anchor = overlay.kind === 'resistance' ? overlay.target : undefined;
      v?.merge(overlaySubgraph(r), anchor && v.graph.hasNode(anchor) ? anchor : undefined);
      this.app.reportSuccess();
      this.highlightAllOverlay();
      if (v?.highlight && !this.pendingCamera) v.fitNodes(v.highlight.nodes);
    } catch (e) {
      this.app.overlayResult = null;
      this.app.overlayError = this.app.reportError(e);
      v?.setHighlight(null);
    } finally {
      this.app.setBusy(-1);
    }
    this.app.emit('overlay');
  }

  /** Highlight everything the overlay brought (paths: every path; resistance: the whole set). */
  highlightAllOverlay(): void {
    const r = this.app.overlayResult;
    const v = this.app.view;
    if (!r || !v) return;
    v.setHighlight(overlayHighlight(r));
  }
}
