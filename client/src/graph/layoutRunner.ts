/** Moving layouts: live ForceAtlas2 in a web worker, and the animated grouped-by-type layout. */
import type * as GraphTypes from 'graphology';
import FA2Layout from 'graphology-layout-forceatlas2/worker.js';
import { animateNodes } from 'sigma/utils';
import { type GroupLabel, GroupLabels } from './groupLabels.js';
import { fa2Settings, groupedTargets } from './layout.js';
import type { AtlasSigma } from './renderer.js';
import type { AtlasGraph } from './types.js';

export class LayoutRunner {
  private fa2: InstanceType<typeof FA2Layout> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private cancelAnimation: (() => void) | null = null;
  private pendingDone: (() => void) | null = null;
  readonly groupLabels: GroupLabels;

  /** `changed` is called whenever a layout starts, stops or finishes moving nodes. */
  constructor(
    private graph: AtlasGraph,
    private sigma: AtlasSigma,
    private changed: () => void,
  ) {
    this.groupLabels = new GroupLabels(sigma);
  }

  isRunning(): boolean {
    return !!this.fa2?.isRunning();
  }

  /** Run ForceAtlas2 for `ms` (Infinity: until stopped); false when there is nothing to lay out. */
  start(ms = 4000, onDone?: () => void): boolean {
    this.stop();
    this.cancelAnimation?.();
    this.clearGroupLabels();
    if (this.graph.order < 2) return false;
    const settings = fa2Settings(this.graph as unknown as GraphTypes.default);
    this.fa2 = new FA2Layout(this.graph, { settings, getEdgeWeight: null });
    this.fa2.start();
    this.pendingDone = onDone ?? null;
    this.changed();
    if (ms > 0 && Number.isFinite(ms)) this.timer = setTimeout(() => this.stop(), ms);
    return true;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.fa2) {
      this.fa2.kill();
      this.fa2 = null;
      const done = this.pendingDone;
      this.pendingDone = null;
      done?.();
      this.changed();
    }
  }

  /** Stop everything that moves nodes (before the graph's contents are replaced). */
  halt(): void {
    this.stop();
    this.cancelAnimation?.();
  }

  clearGroupLabels(): void {
    if (this.groupLabels.count) this.groupLabels.set([]);
  }

  /** One cluster per shown type, clusters around a circle; animated, then the type names appear. */
  byType(hiddenLabels: Set<string>): void {
    this.stop();
    this.sigma.setCustomBBox(null);
    const { targets, labels } = groupedTargets(
      this.graph as unknown as GraphTypes.default,
      (n) => String(this.graph.getNodeAttribute(n, 'kind')),
      hiddenLabels,
    );
    this.groupLabels.set([]);
    this.cancelAnimation = animateNodes(this.graph, targets, { duration: 700 }, () => {
      this.groupLabels.set(labels as GroupLabel[]);
      this.changed();
    });
  }
}
