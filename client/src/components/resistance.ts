/** Resistance panel: a drug or class → /api/resistance; pathways with drivers and what overcomes them. */
import type { App } from '../app.js';
import type { Pathway } from '../lib/api.js';

interface NamedRef {
  id: string;
  name: string;
  label?: string;
}
import { append, clear, h } from '../lib/dom.js';
import { labelColor } from '../graph/colors.js';
import { SearchBox } from './search.js';
import { errorBox } from './table.js';
import { refsEl } from './details.js';
import { asSubgraph } from '../lib/api.js';

function ref(x: NamedRef | string): NamedRef {
  return typeof x === 'string' ? { id: x, name: x } : x;
}

export class ResistancePanel {
  readonly el = h('div', { class: 'tool', id: 'resistance-panel' });
  private picker: SearchBox;
  private results = h('div');

  constructor(private app: App) {
    this.picker = new SearchBox({
      label: 'Drug or drug class',
      placeholder: 'e.g. sorafenib, TKI…',
      keepValue: true,
      visibleLabel: true,
      filter: (hit) => hit.label === 'Drug' || hit.label === 'DrugClass',
      onPick: (hit) => void app.showOverlay({ kind: 'resistance', target: hit.id }, 'resistance'),
    });
    append(this.el, [
      h('h2', null, 'Resistance pathways'),
      h(
        'p',
        { class: 'lead' },
        'Mechanisms that confer resistance to a drug or class, the targets and biomarkers that drive them, and what is reported to overcome them.',
      ),
      h('div', { class: 'picker' }, this.picker.el),
      h(
        'div',
        { class: 'btn-row' },
        h('button', { type: 'button', class: 'btn', onclick: () => void app.showOverlay(null) }, 'Clear'),
      ),
      this.results,
    ]);
    app.on('overlay', () => this.render());
    this.render();
  }

  private link(x: NamedRef | string): HTMLElement {
    const r = ref(x);
    return h(
      'button',
      {
        type: 'button',
        class: 'link-btn',
        onclick: (e: Event) => {
          e.stopPropagation();
          void this.app.select(r.id);
        },
      },
      h('span', { class: 'swatch', style: `background:${labelColor(r.label)};margin-right:4px` }),
      r.name ?? r.id,
    );
  }

  private render(): void {
    const o = this.app.state.overlay;
    clear(this.results);
    if (o?.kind !== 'resistance') return;
    if (this.picker.picked?.id !== o.target)
      this.picker.setValue({ id: o.target, name: this.app.nameOf(o.target), label: 'Drug', score: 1 });
    if (this.app.overlayError) {
      append(this.results, [errorBox(this.app.overlayError)]);
      return;
    }
    const r = this.app.overlayResult;
    if (r?.kind !== 'resistance') return;
    const pathways = r.data.pathways ?? [];
    const target = this.app.nameOf(o.target);
    if (!pathways.length) {
      this.results.append(
        h(
          'p',
          { class: 'note', role: 'status', style: 'margin-top:12px' },
          `No resistance pathway to ${target} is recorded in the graph.`,
        ),
      );
      return;
    }
    const list = h('ol', { class: 'result-list', 'aria-label': 'Resistance pathways' });
    pathways.forEach((p: Pathway) => {
      const m = ref(p.mechanism);
      const drivers = (p.drivers ?? []).map(ref);
      const over = (p.overcomeBy ?? []).map(ref);
      const chains =
        Array.isArray(p.chains) && p.chains.length
          ? p.chains.map(String)
          : [typeof p.chain === 'string' ? p.chain : ''];
      const card = h(
        'li',
        { class: 'result-card pathway', tabindex: '0' },
        h(
          'h3',
          null,
          this.link(m),
          p.resists && p.resists.id !== o.target ? h('span', { class: 'note' }, ` → ${p.resists.name}`) : null,
        ),
        ...chains.filter(Boolean).map((c) => h('div', { class: 'chain note' }, c)),
        h(
          'div',
          { class: 'row' },
          h('b', null, 'Drivers'),
          drivers.length
            ? drivers.map((d, i) => [i ? ', ' : '', this.link(d)])
            : h('span', { class: 'note' }, 'none recorded'),
        ),
        h(
          'div',
          { class: 'row' },
          h('b', null, 'Overcome by'),
          over.length
            ? over.map((d, i) => [i ? ', ' : '', this.link(d)])
            : h('span', { class: 'note' }, 'nothing recorded'),
        ),
        typeof p.evidence === 'string'
          ? h('div', { class: 'evidence', style: 'margin-left:0' }, p.evidence, ' ', refsEl(p.refs))
          : null,
      );
      card.addEventListener('click', () => {
        const active = card.classList.toggle('active');
        for (const c of list.children) if (c !== card) c.classList.remove('active');
        if (!active) {
          this.app.highlightAllOverlay();
          return;
        }
        const ids = new Set([o.target, m.id, ...drivers.map((d) => d.id), ...over.map((d) => d.id)]);
        if (p.resists) ids.add(p.resists.id);
        const edges = asSubgraph(r.data.graph)
          .edges.filter((e) => ids.has(e.source) && ids.has(e.target))
          .map((e) => String(e.id));
        this.app.view?.setHighlight({ nodes: ids, edges });
      });
      list.append(card);
    });
    this.results.append(
      h(
        'p',
        { class: 'note', style: 'margin-top:12px' },
        `${pathways.length} pathway${pathways.length === 1 ? '' : 's'} of resistance to ${target} — click one to highlight it alone.`,
      ),
      list,
    );
  }
}
