/**
 * The `]` / `[` walk: the order of a node's drawn neighbours (clockwise on screen) and
 * where the walk stands. Filters may change the order between steps.
 */
export interface WalkStep {
  id: string;
  anchor: string;
  index: number;
  count: number;
}

export class NeighbourWalk {
  private cycle: { anchor: string; order: string[]; index: number } | null = null;

  reset(): void {
    this.cycle = null;
  }

  /**
   * The next (1) or previous (-1) neighbour from `cur`; `neighbours(id)` lists the drawn
   * neighbours of a node in walking order. 'alone' when `cur` starts a walk and has no
   * drawn neighbour; null when the walk's anchor lost its last one.
   */
  step(
    cur: string,
    step: 1 | -1,
    neighbours: (id: string) => string[],
    exists: (id: string) => boolean,
  ): WalkStep | 'alone' | null {
    let c = this.cycle;
    if (!c || !exists(c.anchor) || (cur !== c.anchor && c.order[c.index] !== cur)) {
      const order = neighbours(cur);
      if (!order.length) {
        this.cycle = null;
        return 'alone';
      }
      c = this.cycle = { anchor: cur, order, index: -1 };
    } else {
      // Filters may have hidden or shown some neighbours since the last step.
      const fresh = neighbours(c.anchor);
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
    return { id: c.order[c.index]!, anchor: c.anchor, index: c.index, count: n };
  }
}
