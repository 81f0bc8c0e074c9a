/**
 * A sortable table of cells that are data, never markup: names of nodes are buttons
 * that select the node, links open in a new tab without an opener, empty cells are
 * blank. The rows export to CSV with the server's CSV quoting (one implementation).
 */
import { csvField } from '../../../server/export/csv.js';
import type { App } from '../app.js';
import { labelColor } from '../graph/colors.js';
import { download, h } from '../lib/dom.js';

export interface NodeLink {
  id: string;
  name: string;
  label?: string;
}

/** One cell: its plain text (shown when there are no nodes; exported to CSV) and what it sorts by. */
export interface Cell {
  text: string;
  sort: string | number | null;
  nodes?: NodeLink[];
  links?: { href: string; text: string }[];
}

export interface TableSpec {
  columns: string[];
  rows: Cell[][];
  /** File name of the CSV export, without extension. */
  fileName: string;
  label: string;
}

export const blankCell: Cell = { text: '', sort: null };

export function textCell(v: string | number | null | undefined): Cell {
  if (v === null || v === undefined || v === '') return blankCell;
  return { text: String(v), sort: typeof v === 'number' ? v : String(v).toLowerCase() };
}

export function compareCells(a: Cell, b: Cell): number {
  // Empty cells sort last in either direction (handled by the caller's sign).
  if (a.sort === null || b.sort === null) return a.sort === b.sort ? 0 : a.sort === null ? 1 : -1;
  if (typeof a.sort === 'number' && typeof b.sort === 'number') return a.sort - b.sort;
  return String(a.sort).localeCompare(String(b.sort), undefined, { numeric: true });
}

export function tableCsv(spec: Pick<TableSpec, 'columns' | 'rows'>): string {
  const lines = [spec.columns.map(csvField).join(',')];
  for (const row of spec.rows) lines.push(row.map((c) => csvField(c.text)).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function renderCell(app: App, c: Cell): HTMLElement {
  const td = h('td');
  if (c.nodes?.length) {
    c.nodes.forEach((n, i) => {
      if (i) td.append(', ');
      const swatch = h('span', { class: 'swatch' });
      swatch.style.background = labelColor(n.label);
      td.append(
        h(
          'button',
          {
            type: 'button',
            class: 'link-btn node-link',
            title: n.id,
            'data-id': n.id,
            onclick: () => void app.select(n.id),
          },
          swatch,
          n.name,
        ),
      );
    });
  } else if (c.links?.length) {
    c.links.forEach((l, i) => {
      if (i) td.append(', ');
      td.append(h('a', { href: l.href, target: '_blank', rel: 'noopener noreferrer' }, l.text));
    });
  } else td.textContent = c.text;
  return td;
}

export function dataTable(app: App, spec: TableSpec): HTMLElement {
  let sortCol = -1;
  let dir: 1 | -1 = 1;
  const heads = spec.columns.map((c, i) => {
    const btn = h('button', { type: 'button', class: 'th-sort', onclick: () => sortBy(i) }, c);
    return h('th', { scope: 'col', 'aria-sort': 'none' }, btn);
  });
  const tbody = h('tbody');
  const table = h(
    'table',
    { class: 'results', 'aria-label': spec.label },
    h('thead', null, h('tr', null, ...heads)),
    tbody,
  );
  let rows = spec.rows;
  const draw = () => {
    tbody.replaceChildren(...rows.map((r) => h('tr', null, ...r.map((c) => renderCell(app, c)))));
    heads.forEach((th, i) => {
      th.setAttribute('aria-sort', i === sortCol ? (dir === 1 ? 'ascending' : 'descending') : 'none');
    });
  };
  function sortBy(i: number): void {
    dir = sortCol === i ? (dir === 1 ? -1 : 1) : 1;
    sortCol = i;
    rows = [...spec.rows].sort((a, b) => {
      const x = a[i] ?? blankCell,
        y = b[i] ?? blankCell;
      if (x.sort === null || y.sort === null) return compareCells(x, y);
      return dir * compareCells(x, y);
    });
    draw();
  }
  draw();
  const exportBtn = h(
    'button',
    {
      type: 'button',
      class: 'btn small table-csv',
      onclick: () =>
        download(new Blob([tableCsv({ columns: spec.columns, rows })], { type: 'text/csv' }), `${spec.fileName}.csv`),
    },
    'Export CSV',
  );
  return h(
    'div',
    { class: 'data-table' },
    h('div', { class: 'table-bar' }, exportBtn),
    h('div', { class: 'table-wrap' }, table),
  );
}
