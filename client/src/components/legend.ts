/**
 * Legend and filters: one row per node type (colour, count in view / in the database,
 * click to hide or show) and per relationship type. Display choices: size and colour.
 */
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../../../ontology/index.js';
import type { App } from '../app.js';
import type { ColorBy, SizeBy } from '../state/appearance.js';
import { clear, h } from '../lib/dom.js';
import { ASSERTIONS, isWeak } from '../graph/assertions.js';
import { labelColor } from '../graph/colors.js';
import { MORE_COLOR } from '../graph/lod/controller.js';
import { MORE_LABEL } from '../graph/lod/moreNode.js';

export class Legend {
  readonly el = h('div', { class: 'legend-wrap' });
  private types = h('ul', { class: 'legend-list', id: 'legend-types', 'aria-label': 'Node types' });
  private rels = h('ul', { class: 'legend-list', id: 'legend-rels', 'aria-label': 'Relationship types' });
  private claims = h('ul', { class: 'legend-list', id: 'legend-assertions', 'aria-label': 'Claim kinds' });
  /** Shown while the view draws its links as lines (lod/bigGraphSettings.ts: drawsLines). */
  private edgeStyle = h('p', { class: 'note', id: 'legend-edge-style', hidden: true });
  private sizeSel: HTMLSelectElement;
  private colorSel: HTMLSelectElement;

  constructor(private app: App) {
    this.sizeSel = h(
      'select',
      { id: 'size-by' },
      h('option', { value: 'degree' }, 'Degree (links in view)'),
      h('option', { value: 'betweenness' }, 'Betweenness centrality'),
      h('option', { value: 'uniform' }, 'Same size'),
    );
    this.colorSel = h(
      'select',
      { id: 'color-by' },
      h('option', { value: 'label' }, 'Node type'),
      h('option', { value: 'community' }, 'Community (Louvain)'),
    );
    this.sizeSel.addEventListener('change', () => app.setFilters({ sizeBy: this.sizeSel.value as SizeBy }));
    this.colorSel.addEventListener('change', () => app.setFilters({ colorBy: this.colorSel.value as ColorBy }));

    const allBtn = (which: 'labels' | 'rels') =>
      h(
        'button',
        {
          type: 'button',
          class: 'btn small',
          title: 'Show all',
          onclick: () => app.setFilters(which === 'labels' ? { hiddenLabels: [] } : { hiddenRelTypes: [] }),
        },
        'all',
      );
    this.el.append(
      h('section', { class: 'section' }, h('h2', null, 'Node types', allBtn('labels')), this.types),
      h(
        'details',
        { class: 'section collapsible' },
        h('summary', { id: 'legend-rels-summary' }, h('h2', null, 'Relationship types')),
        h(
          'div',
          { style: 'margin-top:4px' },
          h('div', { style: 'text-align:right;margin-bottom:4px' }, allBtn('rels')),
          this.rels,
        ),
      ),
      h(
        'details',
        { class: 'section collapsible', id: 'legend-assertions-section' },
        h('summary', null, h('h2', null, 'Claim kinds')),
        h(
          'p',
          { class: 'note' },
          'What each relationship claims. Association, preclinical and hypothesis claims are drawn lighter and thinner.',
        ),
        this.claims,
      ),
      h(
        'section',
        { class: 'section' },
        h('h2', null, 'Display'),
        this.edgeStyle,
        h('label', { class: 'field' }, 'Size nodes by', this.sizeSel),
        h('label', { class: 'field' }, 'Colour nodes by', this.colorSel),
      ),
    );
    for (const ev of ['view', 'filters', 'schema'] as const) app.on(ev, () => this.render());
    app.view?.on('change', () => this.renderCountsSoon());
    this.render();
  }

  private pending = false;
  private renderCountsSoon(): void {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.render();
    });
  }

  private renderClaims(): void {
    const counts = this.app.view?.assertionCounts() ?? new Map<string, number>();
    const hidden = new Set(this.app.state.hiddenAssertions);
    clear(this.claims);
    for (const kind of ASSERTIONS) {
      const n = counts.get(kind) ?? 0;
      if (!n && !hidden.has(kind)) continue;
      const cb = h('input', { type: 'checkbox', checked: !hidden.has(kind), 'aria-label': `Show ${kind} claims` });
      cb.addEventListener('change', () => {
        const next = new Set(this.app.state.hiddenAssertions);
        if (cb.checked) next.delete(kind);
        else next.add(kind);
        this.app.setFilters({ hiddenAssertions: [...next] });
      });
      const line = h('span', { class: `claim-line${isWeak(kind) ? ' weak' : ''}`, 'aria-hidden': 'true' });
      this.claims.append(
        h(
          'li',
          null,
          h(
            'label',
            { class: `legend-item${hidden.has(kind) ? ' off' : ''}`, 'data-assertion': kind },
            cb,
            line,
            h('span', { class: 'name' }, kind),
            h('span', { class: 'count' }, String(n)),
          ),
        ),
      );
    }
  }

  /**
   * The viewer's placeholders get rows of their own, never an ontology label's count:
   * "+N more" nodes (hidden or shown like a type) and the summary's one node per type.
   */
  private renderPlaceholders(hidden: Set<string>): void {
    const p = this.app.view?.placeholderCounts() ?? { more: 0, summary: 0 };
    if (p.more || hidden.has(MORE_LABEL)) {
      const off = hidden.has(MORE_LABEL);
      const cb = h('input', { type: 'checkbox', checked: !off, 'aria-label': 'Show "+N more" nodes' });
      cb.addEventListener('change', () => {
        const next = new Set(this.app.state.hiddenLabels);
        if (cb.checked) next.delete(MORE_LABEL);
        else next.add(MORE_LABEL);
        this.app.setFilters({ hiddenLabels: [...next] });
      });
      this.types.append(
        h(
          'li',
          { class: 'placeholder-row' },
          h(
            'label',
            {
              class: `legend-item placeholder${off ? ' off' : ''}`,
              'data-placeholder': 'more',
              title: `${p.more} "+N more" nodes in view: each stands for neighbours or members not loaded yet; open one to load them`,
            },
            cb,
            h('span', { class: 'swatch', style: `background:${MORE_COLOR}` }),
            h('span', { class: 'name' }, '+N more (not loaded)'),
            h('span', { class: 'count' }, String(p.more)),
          ),
        ),
      );
    }
    if (p.summary)
      this.types.append(
        h(
          'li',
          { class: 'placeholder-row' },
          h(
            'span',
            {
              class: 'legend-item placeholder',
              'data-placeholder': 'summary',
              title: 'The overview of a large graph: one node per type; open one to see its members',
            },
            h('span', { class: 'name' }, 'one node per type (summary)'),
            h('span', { class: 'count' }, String(p.summary)),
          ),
        ),
      );
  }

  render(): void {
    this.renderClaims();
    const style = this.app.view?.lod.edgeStyleNote() ?? null;
    this.edgeStyle.hidden = !style;
    this.edgeStyle.textContent = style ?? '';
    const v = this.app.view;
    const st = this.app.state;
    this.sizeSel.value = st.sizeBy;
    this.colorSel.value = st.colorBy;
    const inView = v?.labelCounts() ?? new Map<string, number>();
    const total = new Map((this.app.schema?.labels ?? []).map((l) => [l.label, l.count]));
    const hidden = new Set(st.hiddenLabels);
    const labels = [
      ...NODE_LABELS,
      ...[...inView.keys()].filter((k) => !(NODE_LABELS as readonly string[]).includes(k)),
    ];
    clear(this.types);
    for (const label of labels) {
      const n = inView.get(label) ?? 0;
      const t = total.get(label);
      if (!n && !t && total.size) continue;
      const off = hidden.has(label);
      const cb = h('input', { type: 'checkbox', checked: !off, 'aria-label': `Show ${label}` });
      cb.addEventListener('change', () => {
        const next = new Set(this.app.state.hiddenLabels);
        if (cb.checked) next.delete(label);
        else next.add(label);
        this.app.setFilters({ hiddenLabels: [...next] });
      });
      const colorByCommunity = st.colorBy === 'community';
      this.types.append(
        h(
          'li',
          null,
          h(
            'label',
            {
              class: `legend-item${off ? ' off' : ''}${n ? '' : ' absent'}`,
              'data-label': label,
              title: `${n} in view${t !== undefined ? `, ${t} in the database` : ''}`,
            },
            cb,
            h('span', { class: 'swatch', style: `background:${colorByCommunity ? '#c8ced6' : labelColor(label)}` }),
            h('span', { class: 'name' }, label),
            h('span', { class: 'count' }, t !== undefined ? `${n} / ${t}` : String(n)),
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'only-btn',
              'aria-label': `Only ${label}`,
              title: `Show only ${label} (hide every other type)`,
              onclick: () => this.app.setFilters({ hiddenLabels: labels.filter((l) => l !== label) }),
            },
            'only',
          ),
        ),
      );
    }
    this.renderPlaceholders(hidden);
    const relIn = v?.relTypeCounts() ?? new Map<string, number>();
    const relTotal = new Map((this.app.schema?.relationshipTypes ?? []).map((r) => [r.type, r.count]));
    const hiddenRels = new Set(st.hiddenRelTypes);
    const relTypes = [
      ...RELATIONSHIP_TYPES,
      ...[...relIn.keys(), ...relTotal.keys()].filter((k) => !(RELATIONSHIP_TYPES as readonly string[]).includes(k)),
    ];
    clear(this.rels);
    for (const type of new Set(relTypes)) {
      const n = relIn.get(type) ?? 0;
      const t = relTotal.get(type);
      if (!n && !t) continue;
      const off = hiddenRels.has(type);
      const cb = h('input', { type: 'checkbox', checked: !off, 'aria-label': `Show ${type}` });
      cb.addEventListener('change', () => {
        const next = new Set(this.app.state.hiddenRelTypes);
        if (cb.checked) next.delete(type);
        else next.add(type);
        this.app.setFilters({ hiddenRelTypes: [...next] });
      });
      this.rels.append(
        h(
          'li',
          null,
          h(
            'label',
            { class: `legend-item${off ? ' off' : ''}${n ? '' : ' absent'}`, 'data-type': type },
            cb,
            h('span', { class: 'name rel-name' }, type),
            h('span', { class: 'count' }, t !== undefined ? `${n} / ${t}` : String(n)),
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'only-btn',
              'aria-label': `Only ${type}`,
              title: `Show only ${type} relationships`,
              onclick: () => this.app.setFilters({ hiddenRelTypes: [...new Set(relTypes)].filter((x) => x !== type) }),
            },
            'only',
          ),
        ),
      );
    }
  }
}
