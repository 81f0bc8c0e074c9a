/** Export the current view (filters applied): PNG, GEXF, GraphML, JSON, CSV. */
import GraphMod from 'graphology';
import { toBlob } from '@sigma/export-image';
import type Sigma from 'sigma';
import { write as writeGexf } from 'graphology-gexf/browser/index.js';
import type { GraphEdge, GraphNode } from '../../../ontology/index.js';
import type { App } from '../app.js';
import { cjs } from '../lib/cjs.js';
import { download, h } from '../lib/dom.js';

const Graph = cjs(GraphMod);

type VNode = GraphNode & { x: number; y: number; color: string; size: number };
const COMMON_NODE = ['id', 'label', 'name'];
const SKIP = new Set(['x', 'y', 'size', 'color']);

function flat(v: unknown): string | number | boolean {
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join('; ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function stamp(): string {
  return new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');
}

export function toJson(nodes: VNode[], edges: GraphEdge[]): string {
  return JSON.stringify({ nodes, edges }, null, 2);
}

export function csvEscape(v: unknown): string {
  const s = String(flat(v));
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: Record<string, unknown>[], preferred: string[]): string {
  const keys = [...preferred];
  for (const r of rows) for (const k of Object.keys(r)) if (!keys.includes(k) && !SKIP.has(k)) keys.push(k);
  return `${[keys.join(','), ...rows.map((r) => keys.map((k) => csvEscape(r[k])).join(','))].join('\r\n')}\r\n`;
}

export function toGexf(nodes: VNode[], edges: GraphEdge[]): string {
  const g = new Graph({ multi: true, type: 'directed' });
  for (const n of nodes) {
    const attrs: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(n))
      if (!['x', 'y', 'size', 'color', 'name', 'id'].includes(k)) attrs[k === 'label' ? 'type' : k] = flat(v);
    g.addNode(n.id, { ...attrs, label: n.name, x: n.x, y: n.y, size: n.size, color: n.color });
  }
  for (const e of edges) {
    const attrs: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(e)) if (!['id', 'source', 'target'].includes(k)) attrs[k] = flat(v);
    g.addDirectedEdgeWithKey(String(e.id), e.source, e.target, { ...attrs, label: String(e.type) });
  }
  return writeGexf(g, { pretty: true });
}

function xml(s: unknown): string {
  return String(flat(s)).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** GraphML with typed keys for every property seen (graphology-graphml has no browser writer). */
export function toGraphml(nodes: VNode[], edges: GraphEdge[]): string {
  const keyType = (vals: unknown[]) =>
    vals.every((v) => typeof v === 'number')
      ? 'double'
      : vals.every((v) => typeof v === 'boolean')
        ? 'boolean'
        : 'string';
  const collect = (items: Record<string, unknown>[], skip: string[]) => {
    const m = new Map<string, unknown[]>();
    for (const it of items)
      for (const [k, v] of Object.entries(it))
        if (!skip.includes(k) && v !== undefined && v !== null) (m.get(k) ?? m.set(k, []).get(k)!).push(v);
    return m;
  };
  const nk = collect(nodes, ['id']);
  const ek = collect(edges, ['id', 'source', 'target']);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const [k, vals] of nk)
    out.push(`  <key id="n_${xml(k)}" for="node" attr.name="${xml(k)}" attr.type="${keyType(vals)}"/>`);
  for (const [k, vals] of ek)
    out.push(`  <key id="e_${xml(k)}" for="edge" attr.name="${xml(k)}" attr.type="${keyType(vals)}"/>`);
  out.push('  <graph id="checkpoint-atlas" edgedefault="directed">');
  for (const n of nodes) {
    out.push(`    <node id="${xml(n.id)}">`);
    for (const [k, v] of Object.entries(n))
      if (k !== 'id' && v !== undefined && v !== null) out.push(`      <data key="n_${xml(k)}">${xml(v)}</data>`);
    out.push('    </node>');
  }
  for (const e of edges) {
    out.push(`    <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}">`);
    for (const [k, v] of Object.entries(e))
      if (!['id', 'source', 'target'].includes(k) && v !== undefined && v !== null)
        out.push(`      <data key="e_${xml(k)}">${xml(v)}</data>`);
    out.push('    </edge>');
  }
  out.push('  </graph>', '</graphml>');
  return `${out.join('\n')}\n`;
}

export class ExportMenu {
  readonly el: HTMLElement;
  private note = h('div', { class: 'note', role: 'status', style: 'margin-top:6px;min-height:1em' });

  constructor(private app: App) {
    const b = (id: string, label: string, title: string, fn: () => Promise<void> | void) =>
      h(
        'button',
        { type: 'button', class: 'btn small', id: `export-${id}`, title, onclick: () => void this.wrap(fn) },
        label,
      );
    this.el = h(
      'section',
      { class: 'section', id: 'export' },
      h('h2', null, 'Export view'),
      h(
        'div',
        { class: 'btn-row' },
        b('png', 'PNG', 'Image of the graph as drawn', () => this.png()),
        b('gexf', 'GEXF', 'For Gephi, with positions and colours', () => this.file('gexf')),
        b('graphml', 'GraphML', 'For Cytoscape, yEd, NetworkX', () => this.file('graphml')),
        b('json', 'JSON', 'Nodes and edges with every property', () => this.file('json')),
        b('csv-nodes', 'CSV nodes', 'One row per node', () => this.file('csv-nodes')),
        b('csv-edges', 'CSV edges', 'One row per relationship', () => this.file('csv-edges')),
      ),
      this.note,
    );
  }

  private async wrap(fn: () => Promise<void> | void): Promise<void> {
    try {
      this.note.textContent = '';
      await fn();
    } catch (e) {
      this.note.textContent = `Export failed: ${(e as Error).message}`;
    }
  }

  private current(): { nodes: VNode[]; edges: GraphEdge[] } {
    const v = this.app.view;
    if (!v) throw new Error('no graph view');
    return v.visible();
  }

  private async png(): Promise<void> {
    const v = this.app.view;
    if (!v) throw new Error('no graph view');
    const blob = await toBlob(v.sigma as unknown as Sigma, {
      format: 'png',
      backgroundColor: '#ffffff',
      fileName: 'checkpoint-atlas',
    });
    download(blob, `checkpoint-atlas-${stamp()}.png`);
    this.note.textContent = 'PNG saved.';
  }

  private file(kind: 'gexf' | 'graphml' | 'json' | 'csv-nodes' | 'csv-edges'): void {
    const { nodes, edges } = this.current();
    let text: string, type: string, ext: string;
    switch (kind) {
      case 'gexf':
        text = toGexf(nodes, edges);
        type = 'application/gexf+xml';
        ext = 'gexf';
        break;
      case 'graphml':
        text = toGraphml(nodes, edges);
        type = 'application/graphml+xml';
        ext = 'graphml';
        break;
      case 'json':
        text = toJson(nodes, edges);
        type = 'application/json';
        ext = 'json';
        break;
      case 'csv-nodes':
        text = toCsv(
          nodes.map((n) => ({ ...n, x: n.x, y: n.y })),
          [...COMMON_NODE, 'description', 'synonyms', 'refs'],
        );
        type = 'text/csv';
        ext = 'nodes.csv';
        break;
      case 'csv-edges':
        text = toCsv(edges, ['id', 'source', 'target', 'type', 'evidence', 'refs', 'section']);
        type = 'text/csv';
        ext = 'edges.csv';
        break;
    }
    download(new Blob([text], { type }), `checkpoint-atlas-${stamp()}.${ext}`);
    this.note.textContent = `${nodes.length} nodes, ${edges.length} relationships exported.`;
  }
}
