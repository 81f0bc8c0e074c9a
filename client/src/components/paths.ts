/** Paths panel: pick two nodes → /api/paths, highlight on the graph, list readable chains. */
import { RELATIONSHIP_TYPES } from '../../../ontology/index.js';
import type { App } from '../app.js';
import { append, clear, h } from '../lib/dom.js';
import { SearchBox } from './search.js';
import { chainEl } from './chain.js';
import { errorBox } from './table.js';

export class PathsPanel {
  readonly el = h('div', { class: 'tool', id: 'paths-panel' });
  private from: SearchBox;
  private to: SearchBox;
  private depth: HTMLSelectElement;
  private types: HTMLSelectElement;
  private results = h('div', { class: 'paths-results' });
  private activeIndex = -1;

  constructor(private app: App) {
    this.from = new SearchBox({
      label: 'From',
      placeholder: 'Start node…',
      keepValue: true,
      visibleLabel: true,
      onPick: () => this.focusNext(),
    });
    this.to = new SearchBox({
      label: 'To',
      placeholder: 'End node…',
      keepValue: true,
      visibleLabel: true,
      onPick: () => this.run(),
    });
    this.depth = h(
      'select',
      { id: 'paths-depth' },
      ...[1, 2, 3, 4, 5, 6].map((d) => h('option', { value: String(d), selected: d === 4 }, `${d}`)),
    );
    this.types = h(
      'select',
      { id: 'paths-types', multiple: true, size: 5, 'aria-label': 'Only through these relationship types' },
      ...RELATIONSHIP_TYPES.map((t) => h('option', { value: t }, t)),
    );
    append(this.el, [
      h('h2', null, 'Paths between two nodes'),
      h(
        'p',
        { class: 'lead' },
        'The shortest chains of relationships that connect two entities. Paths are added to the view and highlighted.',
      ),
      h('div', { class: 'picker' }, this.from.el),
      h('div', { class: 'picker' }, this.to.el),
      h(
        'div',
        { style: 'display:flex;gap:10px;align-items:flex-start' },
        h('label', { class: 'field', style: 'width:110px' }, 'Max. length', this.depth),
        h(
          'details',
          { class: 'field', style: 'flex:1' },
          h('summary', null, 'Only through relationship types…'),
          this.types,
          h('span', { class: 'note' }, 'Ctrl/Cmd-click to pick several; none = any.'),
        ),
      ),
      h(
        'div',
        { class: 'btn-row' },
        h('button', { type: 'button', class: 'btn primary', id: 'paths-run', onclick: () => this.run() }, 'Find paths'),
        h('button', { type: 'button', class: 'btn', onclick: () => void app.showOverlay(null) }, 'Clear'),
        h(
          'button',
          { type: 'button', class: 'btn', title: 'Swap start and end', onclick: () => this.swap() },
          '⇅ Swap',
        ),
      ),
      this.results,
    ]);
    app.on('overlay', () => this.render());
    app.on('pathSeed', () => {
      const s = app.pathSeed;
      if (s.from)
        this.from.setValue({ id: s.from.id, name: s.from.name, label: (s.from.label ?? 'Drug') as never, score: 1 });
      if (s.to) this.to.setValue({ id: s.to.id, name: s.to.name, label: (s.to.label ?? 'Drug') as never, score: 1 });
      (s.from && !s.to ? this.to.input : this.from.input).focus();
      if (this.from.picked && this.to.picked && s.to) this.run();
    });
    this.render();
  }

  private focusNext(): void {
    if (!this.to.picked) this.to.input.focus();
    else this.run();
  }

  private swap(): void {
    const a = this.from.picked,
      b = this.to.picked;
    this.from.setValue(b);
    this.to.setValue(a);
    if (a && b) this.run();
  }

  private run(): void {
    const f = this.from.picked,
      t = this.to.picked;
    clear(this.results);
    if (!f || !t) {
      this.results.append(
        h('p', { class: 'note', role: 'alert' }, 'Pick both a start and an end node from the suggestions.'),
      );
      return;
    }
    const types = [...this.types.selectedOptions].map((o) => o.value);
    this.activeIndex = -1;
    // The same question again: the answer is already there, show it whole.
    const o = this.app.state.overlay;
    if (
      o?.kind === 'paths' &&
      o.from === f.id &&
      o.to === t.id &&
      o.maxDepth === Number(this.depth.value) &&
      (o.types ?? []).join(',') === types.join(',')
    ) {
      this.app.highlightAllOverlay();
      this.render();
      return;
    }
    void this.app.showOverlay(
      { kind: 'paths', from: f.id, to: t.id, maxDepth: Number(this.depth.value), ...(types.length ? { types } : {}) },
      'paths',
    );
  }

  private render(): void {
    const o = this.app.state.overlay;
    if (o?.kind === 'paths') {
      // Keep the form in line with the URL (deep links, back/forward).
      if (this.from.picked?.id !== o.from)
        this.from.setValue({ id: o.from, name: this.app.nameOf(o.from), label: 'Drug', score: 1 });
      if (this.to.picked?.id !== o.to)
        this.to.setValue({ id: o.to, name: this.app.nameOf(o.to), label: 'Drug', score: 1 });
      this.depth.value = String(o.maxDepth);
      for (const opt of this.types.options) opt.selected = !!o.types?.includes(opt.value);
    }
    clear(this.results);
    if (o?.kind !== 'paths') return;
    if (this.app.overlayError) {
      append(this.results, [errorBox(this.app.overlayError)]);
      return;
    }
    const r = this.app.overlayResult;
    if (r?.kind !== 'paths') return;
    const paths = r.data.paths ?? [];
    if (!paths.length) {
      this.results.append(
        h(
          'p',
          { class: 'note', role: 'status' },
          `No path of length ≤ ${o.maxDepth} between ${this.app.nameOf(o.from)} and ${this.app.nameOf(o.to)}.`,
        ),
      );
      return;
    }
    const list = h('ol', { class: 'result-list', 'aria-label': 'Paths' });
    paths.forEach((p, i) => {
      const card = h(
        'li',
        { class: `result-card${i === this.activeIndex ? ' active' : ''}`, tabindex: '0', 'data-index': String(i) },
        h(
          'div',
          { class: 'note' },
          `Path ${i + 1} · ${p.edges?.length ?? 0} step${(p.edges?.length ?? 0) === 1 ? '' : 's'}`,
        ),
        chainEl(p.nodes, p.edges, p.chain),
      );
      const pick = () => {
        this.activeIndex = this.activeIndex === i ? -1 : i;
        if (this.activeIndex === -1) this.app.highlightAllOverlay();
        else
          this.app.view?.setHighlight({
            nodes: (p.nodes ?? []).map((n) => n.id),
            edges: (p.edges ?? []).map((e) => String(e.id)),
          });
        for (const c of list.children) c.classList.toggle('active', c === card && this.activeIndex === i);
      };
      card.addEventListener('click', pick);
      card.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          pick();
        }
      });
      list.append(card);
    });
    this.results.append(
      h(
        'p',
        { class: 'note', style: 'margin-top:12px' },
        `${paths.length} path${paths.length === 1 ? '' : 's'} — click one to highlight it alone.`,
      ),
      list,
    );
  }
}
