/** Cypher/question rows as a table. Values are data: rendered as text, nodes as links. */
import type { App } from '../app.js';
import type { CypherResult } from '../lib/api.js';
import { h } from '../lib/dom.js';
import { labelColor } from '../graph/colors.js';

function isNodeLike(v: unknown): v is { id: string; name?: string; label?: string } {
  return (
    !!v &&
    typeof v === 'object' &&
    typeof (v as { id?: unknown }).id === 'string' &&
    ('name' in (v as object) || 'label' in (v as object))
  );
}

function cell(app: App, v: unknown): Node {
  if (v === null || v === undefined) return h('span', { class: 'note' }, 'null');
  if (isNodeLike(v) && !('source' in v && 'target' in v && 'type' in v)) {
    return h(
      'button',
      { type: 'button', class: 'link-btn', title: v.id, onclick: () => void app.select(v.id) },
      h('span', { class: 'swatch', style: `background:${labelColor(v.label)};margin-right:4px` }),
      String(v.name ?? v.id),
    );
  }
  if (v && typeof v === 'object' && 'type' in v && 'source' in v && 'target' in v) {
    const e = v as { type: string; source: string; target: string };
    return h('span', { class: 'rel-name' }, `(${app.nameOf(e.source)})-[:${e.type}]->(${app.nameOf(e.target)})`);
  }
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x !== 'object' || x === null))
      return document.createTextNode(v.map((x) => String(x)).join(', '));
    const wrap = h('span');
    v.forEach((x, i) => {
      if (i) wrap.append(', ');
      wrap.append(cell(app, x));
    });
    return wrap;
  }
  if (typeof v === 'object') return h('code', null, JSON.stringify(v));
  return document.createTextNode(String(v));
}

export function resultTable(app: App, data: CypherResult): HTMLElement {
  const columns = Array.isArray(data.columns) ? data.columns : [];
  const rows = Array.isArray(data.rows) ? data.rows : [];
  const table = h(
    'table',
    { class: 'results' },
    h('thead', null, h('tr', null, ...columns.map((c) => h('th', { scope: 'col' }, c)))),
  );
  const tbody = h('tbody');
  for (const row of rows) {
    const tr = h('tr');
    columns.forEach((c, i) => {
      const v = Array.isArray(row) ? row[i] : (row as Record<string, unknown>)?.[c];
      tr.append(h('td', null, cell(app, v)));
    });
    tbody.append(tr);
  }
  table.append(tbody);
  const g = data.graph ?? { nodes: [], edges: [] };
  return h(
    'div',
    { class: 'result-block' },
    h(
      'div',
      { class: 'note', style: 'margin-top:8px' },
      `${rows.length} row${rows.length === 1 ? '' : 's'} · ${g.nodes?.length ?? 0} nodes and ${g.edges?.length ?? 0} relationships drawn`,
      data.truncated ? ' · truncated: the row cap was reached' : '',
    ),
    rows.length ? h('div', { class: 'table-wrap' }, table) : h('p', { class: 'note' }, 'No rows.'),
  );
}

/** An API error as Neo4j (or the API) stated it. */
export function errorBox(
  err: { error?: string; reason?: string; code?: string; message?: string } | null,
): HTMLElement | null {
  if (!err) return null;
  const e = err as { error?: string; reason?: string; code?: string };
  return h(
    'div',
    { class: 'error-box', role: 'alert' },
    String(e.error ?? err.message ?? 'Error'),
    e.reason ? `\n${e.reason}` : '',
    e.code ? h('span', { class: 'code' }, e.code) : null,
  );
}
