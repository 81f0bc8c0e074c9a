/** The details panel for one relationship of the view: both ends, the evidence and where it came from. */
import type { GraphEdge } from '../../../ontology/index.js';
import type { App } from '../app.js';
import { labelColor } from '../graph/colors.js';
import { h } from '../lib/dom.js';
import { EDGE_PROP_ORDER, EDGE_SHOWN_APART, fmtValue, refsEl } from './propertyFormat.js';

export function edgeDetails(app: App, e: GraphEdge): HTMLElement {
  const g = app.view?.graph;
  const end = (id: string, role: string) => {
    const name = g?.hasNode(id) ? String(g.getNodeAttribute(id, 'label')) : id;
    const kind = g?.hasNode(id) ? String(g.getNodeAttribute(id, 'kind')) : '';
    return h(
      'div',
      { class: 'edge-end' },
      h('span', { class: 'swatch', style: `background:${labelColor(kind)}` }),
      h(
        'span',
        { class: 'edge-end-text' },
        h(
          'button',
          {
            type: 'button',
            class: 'link-btn',
            'data-end': role,
            title: `Go to ${name}`,
            onclick: () => void app.select(id),
          },
          name,
        ),
        kind ? h('span', { class: 'chip' }, kind) : null,
      ),
    );
  };
  const type = String(e.type);
  const refs = refsEl(e.refs);
  const box = h(
    'div',
    { class: 'edge-details', 'data-edge': String(e.id) },
    h('div', { class: 'type-badge' }, h('span', { class: 'edge-glyph', 'aria-hidden': 'true' }, '→'), 'Relationship'),
    h('h2', { class: 'edge-type', id: 'edge-type' }, type),
    e.key ? h('div', { class: 'node-id', title: 'The relationship’s key in data/' }, fmtValue(e.key)) : null,
    h(
      'div',
      { class: 'edge-ends' },
      end(e.source, 'source'),
      h('span', { class: 'edge-arrow' }, `–${type}→`),
      end(e.target, 'target'),
    ),
    h('div', { class: 'subhead' }, 'Evidence'),
    h('p', { class: 'edge-evidence' }, e.evidence ? fmtValue(e.evidence) : 'No evidence line recorded.'),
    h(
      'div',
      { class: 'edge-refs' },
      refs ?? (e.uncited === true ? null : h('span', { class: 'note' }, 'No reference numbers.')),
      e.uncited === true
        ? h(
            'span',
            { class: 'chip uncited', title: 'The review states this without a reference number' },
            'uncited in the review',
          )
        : null,
    ),
  );
  const dl = h('dl', { class: 'kv' });
  if (e.section) dl.append(h('dt', null, 'section'), h('dd', null, fmtValue(e.section)));
  if (e.dataSource) dl.append(h('dt', null, 'source'), h('dd', null, fmtValue(e.dataSource)));
  const props = Object.entries(e).filter(
    ([k, v]) => !EDGE_SHOWN_APART.has(k) && v !== null && v !== undefined && v !== '',
  );
  props.sort(
    ([a], [b]) => (EDGE_PROP_ORDER.indexOf(a) + 1 || 99) - (EDGE_PROP_ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b),
  );
  for (const [k, v] of props) dl.append(h('dt', null, k), h('dd', null, fmtValue(v)));
  if (dl.childElementCount) box.append(dl);
  if (e.curationNote)
    box.append(
      h('div', { class: 'subhead' }, 'Curation note'),
      h('p', { class: 'note curation' }, fmtValue(e.curationNote)),
    );
  const view = app.view;
  box.append(
    h(
      'div',
      { class: 'btn-row actions' },
      view && g?.hasNode(e.source) && g.hasNode(e.target)
        ? h(
            'button',
            {
              type: 'button',
              class: 'btn small',
              title: 'Frame both ends of the relationship',
              onclick: () => view.fitNodes([e.source, e.target]),
            },
            'Show on graph',
          )
        : null,
      h(
        'button',
        {
          type: 'button',
          class: 'btn small',
          title: 'Close the relationship (Esc)',
          onclick: () => void app.selectEdge(null),
        },
        'Close',
      ),
    ),
  );
  return box;
}
