/**
 * Keyboard selection without search: with the canvas focused and nothing selected, the
 * arrow keys move a cursor through the drawn nodes (alphabetically; Home / End jump to the
 * ends), the cursor node is shown as hovered and announced, and Enter selects it.
 */
import type { App } from '../app.js';

export class NodeCursor {
  private current: string | null = null;

  constructor(
    private app: App,
    private announce: (text: string) => void,
  ) {
    // A new view or a filter change: the cursor starts again.
    app.on('view', () => this.clear());
    app.on('filters', () => {
      if (this.current && !app.view?.isNodeVisible(this.current)) this.clear();
    });
  }

  get node(): string | null {
    return this.current;
  }

  /** The drawn nodes in the order the cursor visits them. */
  private order(): string[] {
    const v = this.app.view;
    if (!v) return [];
    return v.graph
      .filterNodes((n) => v.isNodeVisible(n))
      .map((n) => ({ n, name: String(v.graph.getNodeAttribute(n, 'label')) }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.n.localeCompare(b.n))
      .map((x) => x.n);
  }

  /** Move by `step` (±1), or to the first / last node. Returns the node under the cursor. */
  move(step: 1 | -1 | 'first' | 'last'): string | null {
    const list = this.order();
    if (!list.length) return null;
    const at = this.current ? list.indexOf(this.current) : -1;
    let i: number;
    if (step === 'first') i = 0;
    else if (step === 'last') i = list.length - 1;
    else if (at < 0) i = step > 0 ? 0 : list.length - 1;
    else i = (at + step + list.length) % list.length;
    this.current = list[i]!;
    const v = this.app.view!;
    this.app.store.dispatch({ type: 'hover', id: this.current });
    v.followNode(this.current);
    const kind = String(v.graph.getNodeAttribute(this.current, 'kind'));
    this.announce(`${this.app.nameOf(this.current)} (${kind}), ${i + 1} of ${list.length}. Enter selects it.`);
    return this.current;
  }

  /** Select the node under the cursor (Enter). */
  choose(): boolean {
    const id = this.current;
    if (!id || !this.app.view?.graph.hasNode(id)) return false;
    this.clear();
    void this.app.select(id, { center: false });
    return true;
  }

  clear(): void {
    if (!this.current) return;
    this.current = null;
    if (this.app.state.hovered) this.app.store.dispatch({ type: 'hover', id: null });
  }
}
