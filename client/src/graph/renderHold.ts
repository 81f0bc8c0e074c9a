/**
 * One render after a change made in several slices (issue 8). No import of sigma: the
 * unit tests hold a stand-in.
 */

/** What the hold touches of a sigma renderer: its scheduled frame and the method that schedules it. */
export interface HoldableRenderer {
  /** sigma's pending animation frame (a private field of sigma 3). */
  renderFrame: number | null;
  scheduleRender(): unknown;
}

/**
 * Holds sigma's scheduled renders (graph events, settings, camera) while the view changes
 * in several main-thread slices, so that the browser does not draw a full frame between
 * two slices (issue 8: a "load more" drew the view twice while merging, each a 450–500 ms
 * task in software WebGL). While held, a render asked for is only noted; the last release
 * asks for one. A synchronous `refresh()` / `render()` (a user's hover) still draws.
 */
export class RenderHold {
  private holds = 0;
  private wanted = false;
  /** `scheduleRender` as an own property before the hold (none on a sigma: its prototype's). */
  private own: PropertyDescriptor | undefined;

  constructor(private readonly sigma: HoldableRenderer) {}

  get held(): boolean {
    return this.holds > 0;
  }

  hold(): void {
    if (this.holds++ > 0) return;
    const s = this.sigma;
    // A render already scheduled would draw the first slice's half-changed view.
    if (s.renderFrame !== null) {
      cancelAnimationFrame(s.renderFrame);
      s.renderFrame = null;
      this.wanted = true;
    }
    // An own property shadows sigma's prototype method until release.
    this.own = Object.getOwnPropertyDescriptor(s, 'scheduleRender');
    s.scheduleRender = () => {
      this.wanted = true;
      return s;
    };
  }

  release(): void {
    if (this.holds === 0 || --this.holds > 0) return;
    delete (this.sigma as { scheduleRender?: unknown }).scheduleRender;
    if (this.own) Object.defineProperty(this.sigma, 'scheduleRender', this.own);
    this.own = undefined;
    if (this.wanted) this.sigma.scheduleRender();
    this.wanted = false;
  }
}
