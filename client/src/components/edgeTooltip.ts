/**
 * The provenance of the relationship under the pointer: "Source –TYPE→ Target", the
 * evidence line and its reference numbers (or "uncited in the review"). Built once per
 * hovered edge; pointer moves only move it (no redraw of the graph).
 */
import type { GraphView } from '../graph/view.js';
import { clear, h } from '../lib/dom.js';
import { labelColor } from '../graph/colors.js';
import { fmtValue, refsEl } from './details.js';

/** Gap between the hovered line and the tooltip, in pixels. */
const GAP = 14;

export class EdgeTooltip {
  readonly el = h('div', { class: 'edge-tip', id: 'edge-tooltip', role: 'tooltip', hidden: true });
  private edge: string | null = null;
  /** Unit direction of the hovered edge on screen. */
  private dir = { x: 1, y: 0 };
  private pointer = { x: 0, y: 0 };
  private buttonDown = false;

  constructor(
    private view: GraphView,
    private host: HTMLElement,
  ) {
    host.append(this.el);
    view.on('hoverEdge', (id: string | null) => this.show(id));
    const container = view.sigma.getContainer();
    container.addEventListener('mousemove', (e) => {
      this.buttonDown = e.buttons !== 0;
      const r = this.host.getBoundingClientRect();
      this.pointer = { x: e.clientX - r.left, y: e.clientY - r.top };
      if (this.buttonDown) this.hide();
      else if (this.edge) {
        if (this.el.hidden) this.el.hidden = false;
        this.place();
      }
    });
    container.addEventListener('mousedown', () => {
      this.buttonDown = true;
      this.hide();
    });
    window.addEventListener('mouseup', () => (this.buttonDown = false));
    container.addEventListener('mouseleave', () => this.show(null));
    // The camera moved under a still pointer: the edge may be elsewhere now. The next
    // pointer move shows the tooltip again when the edge is still under it.
    view.sigma.getCamera().on('updated', () => this.hide());
  }

  private hide(): void {
    if (!this.el.hidden) this.el.hidden = true;
  }

  private show(id: string | null): void {
    this.edge = id;
    const g = this.view.graph;
    if (!id || !g.hasEdge(id) || this.buttonDown) {
      this.hide();
      return;
    }
    const a = g.getEdgeAttributes(id);
    const d = a.data;
    const [s, t] = g.extremities(id);
    const end = (n: string) =>
      h(
        'span',
        { class: 'tip-node' },
        h('span', { class: 'swatch', style: `background:${labelColor(String(g.getNodeAttribute(n, 'kind')))}` }),
        String(g.getNodeAttribute(n, 'label')),
      );
    clear(this.el);
    this.el.dataset.edge = id;
    this.el.append(
      // Source, then "–TYPE→ Target" kept together when the line has to wrap.
      h(
        'div',
        { class: 'tip-head' },
        end(s),
        h('span', { class: 'tip-to' }, h('span', { class: 'tip-rel' }, `–${a.relType}→`), end(t)),
      ),
      d.evidence
        ? h('div', { class: 'tip-evidence' }, fmtValue(d.evidence))
        : h('div', { class: 'tip-evidence missing' }, 'No evidence line recorded.'),
    );
    const refs = refsEl(d.refs);
    const foot = h('div', { class: 'tip-foot' });
    if (refs) foot.append(refs);
    if (d.uncited === true) foot.append(h('span', { class: 'chip uncited' }, 'uncited in the review'));
    foot.append(h('span', { class: 'tip-hint' }, 'click for details'));
    this.el.append(foot);
    const vp = (n: string) =>
      this.view.sigma.graphToViewport({ x: g.getNodeAttribute(n, 'x'), y: g.getNodeAttribute(n, 'y') });
    const p = vp(s),
      q = vp(t);
    const len = Math.hypot(q.x - p.x, q.y - p.y) || 1;
    this.dir = { x: (q.x - p.x) / len, y: (q.y - p.y) / len };
    this.el.hidden = false;
    this.place();
  }

  /**
   * Beside the pointer, entirely on one side of the hovered line (so it never hides the
   * edge it describes): pushed along the edge's normal, below / right first, the other
   * side when that leaves the stage, clamped inside it.
   */
  private place(): void {
    const w = this.el.offsetWidth;
    const ht = this.el.offsetHeight;
    const W = this.host.clientWidth;
    const H = this.host.clientHeight;
    let n = { x: -this.dir.y, y: this.dir.x };
    // Steep edge: prefer the right-hand side; flat edge: prefer below.
    if (Math.abs(n.x) > Math.abs(n.y) ? n.x < 0 : n.y < 0) n = { x: -n.x, y: -n.y };
    const reach = (Math.abs(n.x) * w + Math.abs(n.y) * ht) / 2 + GAP;
    const at = (sign: number) => ({
      x: this.pointer.x + sign * n.x * reach - w / 2,
      y: this.pointer.y + sign * n.y * reach - ht / 2,
    });
    const fits = (r: { x: number; y: number }) => r.x >= 4 && r.y >= 4 && r.x + w <= W - 4 && r.y + ht <= H - 4;
    let r = at(1);
    if (!fits(r) && fits(at(-1))) r = at(-1);
    const x = Math.max(4, Math.min(r.x, W - w - 4));
    const y = Math.max(4, Math.min(r.y, H - ht - 4));
    this.el.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
  }
}
