/**
 * Cypher / saved-question rows as a sortable table. Values are data: nodes (and ids or
 * names of nodes in the answer) become buttons that select the node; null is blank.
 */
import { ID_PATTERN, labelOfId, type GraphNode } from '../../../ontology/index.js';
import type { App } from '../app.js';
import type { CypherResult } from '../lib/api.js';
import { h } from '../lib/dom.js';
import { blankCell, type Cell, dataTable, type NodeLink } from './dataTable.js';

function isNodeLike(v: unknown): v is { id: string; name?: string; label?: string } {
  return (
    !!v &&
    typeof v === 'object' &&
    typeof (v as { id?: unknown }).id === 'string' &&
    ('name' in (v as object) || 'label' in (v as object)) &&
    !('source' in (v as object) && 'target' in (v as object) && 'type' in (v as object))
  );
}
function isEdgeLike(v: unknown): v is { type: string; source: string; target: string } {
  return !!v && typeof v === 'object' && 'type' in v && 'source' in v && 'target' in v;
}

/** Looks up nodes of the answer by id and by name, so plain columns can link too. */
export interface NodeIndex {
  byId: Map<string, GraphNode>;
  byName: Map<string, GraphNode>;
}
export function nodeIndex(nodes: GraphNode[]): NodeIndex {
  const byName = new Map<string, GraphNode>();
  for (const n of nodes) if (n.name && !byName.has(n.name)) byName.set(n.name, n);
  return { byId: new Map(nodes.map((n) => [n.id, n])), byName };
}

export function toCell(app: App, idx: NodeIndex, v: unknown): Cell {
  if (v === null || v === undefined || v === '') return blankCell;
  if (isNodeLike(v)) {
    const name = String(v.name ?? v.id);
    return { text: name, sort: name.toLowerCase(), nodes: [{ id: v.id, name, label: v.label }] };
  }
  if (isEdgeLike(v)) {
    const text = `(${app.nameOf(v.source)})-[:${v.type}]->(${app.nameOf(v.target)})`;
    return { text, sort: text.toLowerCase() };
  }
  if (typeof v === 'string') {
    const known = idx.byId.get(v) ?? idx.byName.get(v);
    if (known)
      return {
        text: v,
        sort: v.toLowerCase(),
        nodes: [{ id: known.id, name: v === known.id ? known.name : v, label: known.label }],
      };
    if (ID_PATTERN.test(v) && labelOfId(v))
      return { text: v, sort: v, nodes: [{ id: v, name: app.nameOf(v), label: labelOfId(v) }] };
    return { text: v, sort: v.toLowerCase() };
  }
  if (typeof v === 'number') return { text: String(v), sort: v };
  if (typeof v === 'boolean') return { text: String(v), sort: String(v) };
  if (Array.isArray(v) || (typeof v === 'object' && Array.isArray((v as { nodes?: unknown }).nodes))) {
    const items = Array.isArray(v) ? v : ((v as { nodes: unknown[] }).nodes ?? []);
    const cells = items.map((x) => toCell(app, idx, x)).filter((c) => c.text !== '');
    if (!cells.length) return blankCell;
    const nodes: NodeLink[] = cells.flatMap((c) => c.nodes ?? []);
    const text = cells.map((c) => c.text).join('; ');
    return {
      text,
      sort: cells.length === 1 ? cells[0]!.sort : text.toLowerCase(),
      ...(nodes.length === cells.length ? { nodes } : {}),
    };
  }
  const text = JSON.stringify(v);
  return { text, sort: text };
}

export function resultTable(app: App, data: CypherResult, fileName = 'checkpoint-atlas-result'): HTMLElement {
  const columns = Array.isArray(data.columns) ? data.columns : [];
  const rawRows = Array.isArray(data.rows) ? data.rows : [];
  const g = data.graph ?? { nodes: [], edges: [] };
  // Names link when the answer or the canvas (which draws what the answer names) holds the node.
  const drawn = app.view ? app.view.graph.mapNodes((_n, a) => a.data) : [];
  const idx = nodeIndex([...(g.nodes ?? []), ...drawn]);
  const rows = rawRows.map((row) =>
    columns.map((c, i) => toCell(app, idx, Array.isArray(row) ? row[i] : (row as Record<string, unknown>)?.[c])),
  );
  return h(
    'div',
    { class: 'result-block' },
    h(
      'div',
      { class: 'note result-summary' },
      `${rows.length} row${rows.length === 1 ? '' : 's'} · ${g.nodes?.length ?? 0} nodes and ${g.edges?.length ?? 0} relationships drawn`,
      data.truncated ? ' · truncated: the row cap was reached' : '',
    ),
    rows.length
      ? dataTable(app, { columns, rows, fileName, label: 'Query result' })
      : h('p', { class: 'note' }, 'No rows.'),
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
