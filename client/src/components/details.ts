/**
 * Details of the selected node: type, name, description, identifiers, synonyms,
 * references, and its relationships grouped by type, each with the evidence line
 * and reference numbers. Clicking a neighbour moves the selection to it.
 */
import type { App } from '../app.js';
import type { GraphEdge } from '../../../ontology/index.js';
import { api, ApiError, type NodeDetails, type RelationshipInfo } from '../lib/api.js';
import { append, clear, h, type Child } from '../lib/dom.js';

const add = (el: Node, ...c: Child[]) => append(el, c);
import { labelColor } from '../graph/colors.js';
import { edgeDetails } from './edgeDetails.js';
import { externalLink, fmtValue, HIDDEN_PROPS, PROP_ORDER, REL_HIDDEN, refsEl } from './propertyFormat.js';
import { relationshipPager } from './relationshipPager.js';

export { externalLink, fmtValue, refsEl } from './propertyFormat.js';

export class DetailsPanel {
  readonly el = h('div', { class: 'details' });
  private seq = 0;
  current: NodeDetails | null = null;

  constructor(private app: App) {
    app.on('selection', () => void this.load());
    app.on('edgeSelection', () => void this.load());
    this.renderEmpty();
  }

  private renderEmpty(): void {
    clear(this.el);
    this.current = null;
    add(
      this.el,
      h(
        'div',
        { class: 'empty-hint' },
        h('p', null, 'Select a node to see what the review says about it.'),
        h(
          'ul',
          null,
          h('li', null, 'Search by name or synonym (', h('kbd', null, '/'), ' focuses search).'),
          h('li', null, 'Click a node to select it; double-click to expand its neighbours.'),
          h('li', null, 'Hover a node to highlight its neighbourhood; scroll to zoom; drag to move.'),
          h('li', null, 'Hover a link to read its evidence and references; click it for its full provenance.'),
          h(
            'li',
            null,
            'With a node selected: ',
            h('kbd', null, ']'),
            ' / ',
            h('kbd', null, '['),
            ' (or ',
            h('kbd', null, '→'),
            ' / ',
            h('kbd', null, '←'),
            ' on the graph) step through its neighbours, ',
            h('kbd', null, 'Enter'),
            ' expands it, ',
            h('kbd', null, 'Esc'),
            ' clears the selection.',
          ),
          h('li', null, 'Click a type in the legend to hide or show it.'),
        ),
      ),
    );
  }

  async load(): Promise<void> {
    const id = this.app.state.selected;
    const seq = ++this.seq;
    if (!id) {
      if (this.app.selectedEdge) this.renderEdge(this.app.selectedEdge);
      else this.renderEmpty();
      return;
    }
    clear(this.el);
    add(this.el, h('div', { class: 'note', 'aria-busy': 'true' }, h('div', { class: 'spinner' }), 'Loading details…'));
    try {
      const d = await api.node(id);
      if (seq !== this.seq) return;
      this.current = d;
      this.render(d);
    } catch (e) {
      if (seq !== this.seq) return;
      const err = this.app.reportError(e);
      clear(this.el);
      add(this.el, h('div', { class: 'error-box' }, err.status === 404 ? `No node with id ${id}.` : err.message));
    }
  }

  private render(d: NodeDetails): void {
    const n = d.node;
    clear(this.el);
    const label = String(n.label ?? '');
    const inView = !!this.app.view?.graph.hasNode(n.id);
    add(
      this.el,
      h(
        'div',
        { class: 'type-badge' },
        h('span', { class: 'swatch', style: `background:${labelColor(label)}` }),
        label,
        n.resistance || n.kind === 'resistance' ? h('span', { class: 'chip' }, 'resistance mechanism') : null,
      ),
      h('h2', { id: 'details-name' }, String(n.name ?? n.id)),
      h('div', { class: 'node-id' }, n.id),
      n.description ? h('p', { class: 'desc' }, String(n.description)) : null,
    );

    // Actions
    const depthSel = h(
      'select',
      { 'aria-label': 'Ego network depth', class: 'btn small' },
      ...[1, 2, 3].map((k) => h('option', { value: String(k) }, `${k} hop${k > 1 ? 's' : ''}`)),
    );
    const actions = h(
      'div',
      { class: 'btn-row actions' },
      h(
        'button',
        {
          type: 'button',
          class: 'btn small',
          title: 'Add this node’s neighbours to the view (or double-click the node)',
          onclick: () => void this.app.expand(n.id),
        },
        'Expand',
      ),
      inView
        ? h(
            'button',
            {
              type: 'button',
              class: 'btn small',
              title: 'Remove neighbours that only this node connects',
              onclick: () => void this.app.collapse(n.id),
            },
            'Collapse',
          )
        : null,
      h(
        'button',
        {
          type: 'button',
          class: 'btn small',
          title: 'Show only this node’s neighbourhood',
          onclick: () => void this.app.focusEgo(n.id, Number(depthSel.value)),
        },
        'Focus',
      ),
      depthSel,
      h(
        'button',
        {
          type: 'button',
          class: 'btn small',
          title: 'Use as the start of a path search',
          onclick: () => this.app.seedPath('from', { id: n.id, name: String(n.name), label }),
        },
        'Path from…',
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'btn small',
          title: 'Use as the end of a path search',
          onclick: () => this.app.seedPath('to', { id: n.id, name: String(n.name), label }),
        },
        '…to here',
      ),
      label === 'Drug' || label === 'DrugClass'
        ? h(
            'button',
            {
              type: 'button',
              class: 'btn small',
              title: 'Resistance pathways to this drug or class',
              onclick: () => void this.app.showOverlay({ kind: 'resistance', target: n.id }, 'resistance'),
            },
            'Resistance',
          )
        : null,
    );
    add(this.el, actions);

    // Identifiers and type-specific properties
    const props = Object.entries(n).filter(
      ([k, v]) => !HIDDEN_PROPS.has(k) && v !== null && v !== undefined && v !== '',
    );
    props.sort(([a], [b]) => (PROP_ORDER.indexOf(a) + 1 || 99) - (PROP_ORDER.indexOf(b) + 1 || 99));
    const dl = h('dl', { class: 'kv' });
    for (const [k, v] of props) dl.append(h('dt', null, k), h('dd', null, externalLink(k, v) ?? fmtValue(v)));
    if (n.source) dl.append(h('dt', null, 'source'), h('dd', null, fmtValue(n.source)));
    if (dl.childElementCount) add(this.el, dl);

    const syn = Array.isArray(n.synonyms) ? n.synonyms : [];
    if (syn.length) {
      add(
        this.el,
        h('div', { class: 'subhead' }, 'Synonyms'),
        h('div', { class: 'synonyms' }, ...syn.map((s) => h('span', { class: 'chip' }, String(s)))),
      );
    }
    const r = refsEl(n.refs);
    if (r) add(this.el, h('div', { class: 'subhead' }, 'References'), r);
    if (n.curationNote)
      add(this.el, h('div', { class: 'subhead' }, 'Curation note'), h('p', { class: 'note' }, String(n.curationNote)));

    // Relationships grouped by type: the first page of each (type, direction) group, the
    // rest paged on demand (relationshipCounts carries the counts and cursors).
    const rels = Array.isArray(d.relationships) ? d.relationships : [];
    const counts = Array.isArray(d.relationshipCounts) ? d.relationshipCounts : [];
    const total = d.total?.relationships ?? rels.length;
    add(this.el, h('div', { class: 'subhead' }, `Relationships (${total.toLocaleString('en-US')})`));
    if (!rels.length) add(this.el, h('p', { class: 'note' }, 'No relationships.'));
    const groups = new Map<string, RelationshipInfo[]>();
    for (const rel of rels) {
      const key = `${rel.type}`;
      const g = groups.get(key);
      if (g) g.push(rel);
      else groups.set(key, [rel]);
    }
    for (const [type, list] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
      const ul = h('ul', { class: 'rel-list' });
      const ofType = counts.filter((c) => c.type === type);
      const paged = ofType.some((c) => c.next);
      // A complete group reads best by name; a paged one keeps the server's order (best
      // first), which the next pages continue.
      if (!paged)
        list.sort((a, b) =>
          a.direction === b.direction
            ? String(a.other?.name).localeCompare(String(b.other?.name))
            : a.direction === 'out'
              ? -1
              : 1,
        );
      for (const rel of list) ul.append(this.relItem(rel));
      const count = ofType.length ? ofType.reduce((n, c) => n + c.count, 0) : list.length;
      const pagers = ofType.map((c) =>
        relationshipPager({
          nodeId: n.id,
          count: c,
          list: ul,
          item: (rel) => this.relItem(rel),
          fetchPage: api.relationships,
        }),
      );
      add(
        this.el,
        h(
          'section',
          { class: 'rel-group', 'data-type': type },
          h('h3', null, type, h('span', { class: 'count' }, count.toLocaleString('en-US'))),
          ul,
          ...pagers,
        ),
      );
    }
  }

  /** One relationship of the view: both ends, the evidence and where it came from. */
  private renderEdge(e: GraphEdge): void {
    clear(this.el);
    this.current = null;
    add(this.el, edgeDetails(this.app, e));
  }

  private relItem(rel: RelationshipInfo): HTMLElement {
    const o = rel.other ?? { id: '', name: '?', label: 'Entity' };
    const props = rel.props ?? {};
    const extra = Object.entries(props).filter(
      ([k, v]) => !REL_HIDDEN.has(k) && v !== null && v !== undefined && v !== '',
    );
    return h(
      'li',
      { class: 'rel-item' },
      h(
        'div',
        { class: 'rel-head' },
        h(
          'span',
          { class: 'rel-dir', title: rel.direction === 'out' ? 'outgoing' : 'incoming' },
          rel.direction === 'out' ? '→' : '←',
        ),
        h('span', { class: 'swatch', style: `background:${labelColor(o.label)}` }),
        h(
          'button',
          { type: 'button', class: 'link-btn', title: `Go to ${o.name}`, onclick: () => void this.app.select(o.id) },
          String(o.name ?? o.id),
        ),
        h('span', { class: 'chip' }, String(o.label ?? '')),
      ),
      props.evidence
        ? h('div', { class: 'evidence' }, String(props.evidence), ' ', refsEl(props.refs))
        : refsEl(props.refs)
          ? h('div', { class: 'evidence' }, refsEl(props.refs))
          : null,
      extra.length || props.section
        ? h(
            'div',
            { class: 'rel-props' },
            [...extra.map(([k, v]) => `${k}: ${fmtValue(v)}`), props.section ? `§ ${fmtValue(props.section)}` : '']
              .filter(Boolean)
              .join(' · '),
          )
        : null,
    );
  }
}

export { ApiError };
