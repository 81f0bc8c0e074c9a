/** Camera moves: focus a node with its neighbours, frame a set of nodes, keep a walked node in sight. */
import { getCameraStateToFitViewportToNodes } from '@sigma/utils';
import type Sigma from 'sigma';
import type { AtlasSigma } from './renderer.js';
import type { HoldableRenderer } from './renderHold.js';
import type { AtlasGraph } from './types.js';

/** The closest a fit zooms in (a single node must not fill the stage). */
const MIN_RATIO = 0.12;

export interface CameraHost {
  graph: AtlasGraph;
  sigma: AtlasSigma;
  isLayoutRunning(): boolean;
  /** Subscribe to layout start/stop; returns the unsubscribe function. */
  onLayout(fn: () => void): () => void;
}

export class CameraControl {
  constructor(private host: CameraHost) {}

  /**
   * Runs `fn` once sigma's display data is current: after the render it has scheduled, if
   * any. Nodes merged since the last render have no display data yet, and the others'
   * are normalised to the old extent: aiming at them frames an empty stretch of canvas.
   */
  private whenDrawn(fn: () => void): void {
    const { sigma } = this.host;
    if (!(sigma as unknown as HoldableRenderer).renderFrame) fn();
    else sigma.once('afterRender', fn);
  }

  focusNode(id: string, ratio = 0.35): void {
    const { graph, sigma } = this.host;
    if (!graph.hasNode(id)) return;
    const nbrs = graph.neighbors(id);
    if (nbrs.length && nbrs.length <= 80) {
      this.fitNodes([id, ...nbrs], { center: id, maxRatio: 0.8 });
      return;
    }
    const go = () => {
      const d = sigma.getNodeDisplayData(id);
      if (!d) return;
      void sigma
        .getCamera()
        .animate({ x: d.x, y: d.y, ratio: Math.min(ratio, sigma.getCamera().ratio) }, { duration: 600 });
    };
    // Positions may be moving (layout): aim once drawn, and once more when they settle.
    this.whenDrawn(go);
    if (this.host.isLayoutRunning()) setTimeout(go, 900);
  }

  /**
   * Frame a set of nodes (after the layout settles when it is running), with
   * `@sigma/utils`' camera fit; centred on `center` when given (the frame then reaches the
   * farthest node on each side), never closer than MIN_RATIO nor farther than `maxRatio`.
   */
  fitNodes(ids: Iterable<string>, opts: { center?: string; maxRatio?: number } = {}): void {
    const { sigma } = this.host;
    const list = [...ids];
    const go = () => {
      const drawn = list.filter((id) => sigma.getNodeDisplayData(id));
      if (!drawn.length) return;
      const fit = getCameraStateToFitViewportToNodes(sigma as unknown as Sigma, drawn);
      let { x, y, ratio } = fit;
      const c = opts.center ? sigma.getNodeDisplayData(opts.center) : null;
      if (c) {
        // Centred on one node: as wide as twice its distance to the farthest edge of the box.
        const xs = drawn.map((id) => sigma.getNodeDisplayData(id)!.x);
        const ys = drawn.map((id) => sigma.getNodeDisplayData(id)!.y);
        const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
        const grow = Math.max(
          (2 * Math.max(c.x - minX, maxX - c.x)) / (maxX - minX || 1),
          (2 * Math.max(c.y - minY, maxY - c.y)) / (maxY - minY || 1),
          1,
        );
        x = c.x;
        y = c.y;
        ratio *= grow;
      }
      ratio = Math.min(opts.maxRatio ?? 1.1, Math.max(MIN_RATIO, ratio * 1.15));
      void sigma.getCamera().animate({ x, y, ratio }, { duration: 600 });
    };
    if (this.host.isLayoutRunning()) {
      const off = this.host.onLayout(() => {
        if (this.host.isLayoutRunning()) return;
        off();
        this.whenDrawn(go);
      });
    } else this.whenDrawn(go);
  }

  /**
   * Keep a node in sight, with `anchor` (the node whose neighbours are walked) when given:
   * nothing moves while the node is well inside the stage; otherwise the camera pans to
   * frame both, zooming out only as far as that needs.
   */
  followNode(id: string, anchor?: string, margin = 90): void {
    const { sigma } = this.host;
    const d = sigma.getNodeDisplayData(id);
    if (!d) return;
    const cam = sigma.getCamera();
    const { width, height } = sigma.getDimensions();
    const m = Math.min(margin, width / 4, height / 4);
    const p = sigma.framedGraphToViewport(d);
    if (p.x >= m && p.x <= width - m && p.y >= m && p.y <= height - m) return;
    const a = anchor && anchor !== id ? sigma.getNodeDisplayData(anchor) : undefined;
    if (!a) {
      void cam.animate({ x: d.x, y: d.y }, { duration: 350 });
      return;
    }
    const q = sigma.framedGraphToViewport(a);
    // How much wider than the usable stage the pair is, at the current zoom.
    const need = Math.max(Math.abs(p.x - q.x) / (width - 2 * m), Math.abs(p.y - q.y) / (height - 2 * m), 1);
    void cam.animate(
      {
        x: (d.x + a.x) / 2,
        y: (d.y + a.y) / 2,
        ratio: Math.min(sigma.getSetting('maxCameraRatio') ?? 8, cam.ratio * need),
      },
      { duration: 350 },
    );
  }

  fit(): void {
    void this.host.sigma.getCamera().animatedReset({ duration: 500 });
  }
}
