/**
 * Export the current view (filters applied). Files come from the server's writers
 * (server/export/*) through POST /api/export with the drawn node ids, the shown
 * relationship types and the layout positions — one export implementation, and a large
 * view is a short request. PNG is drawn here, at 2× with the legend.
 */
import type Sigma from 'sigma';
import type { App } from '../app.js';
import { labelColor } from '../graph/colors.js';
import { ApiError } from '../lib/api.js';
import { download, h } from '../lib/dom.js';
import { isMoreId } from '../graph/lod/moreNode.js';
import { pngWithLegend } from './exportImage.js';

type FileKind = 'gexf' | 'graphml' | 'json' | 'csv-nodes' | 'csv-edges';

function stamp(): string {
  return new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');
}

/** What the export request carries for a view: ids, shown relationship types, positions. */
export function exportRequest(app: App, kind: FileKind): Record<string, unknown> {
  const v = app.view;
  if (!v) throw new Error('no graph view');
  const ids: string[] = [];
  const positions: Record<string, { x: number; y: number }> = {};
  v.graph.forEachNode((n, a) => {
    // "+N more" placeholders are the viewer's, not the graph's: the server knows no such id.
    if (!v.isNodeVisible(n) || isMoreId(n)) return;
    ids.push(n);
    positions[n] = { x: a.x, y: a.y };
  });
  if (!ids.length) throw new Error('nothing is drawn');
  const relTypes = [...new Set(v.graph.mapEdges((e, a) => (isMoreId(e) ? '' : a.relType)))]
    .filter((t) => t)
    .filter((t) => !v.hiddenRelTypes.has(t));
  const [format, part] = kind.startsWith('csv-') ? ['csv', kind.slice(4)] : [kind, undefined];
  return { format, ...(part ? { part } : {}), ids, relTypes, positions };
}

export class ExportMenu {
  readonly el: HTMLElement;
  private note = h('div', { class: 'note export-note', role: 'status' });

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
        b('png', 'PNG', 'Image of the graph as drawn, at 2× with the legend', () => this.png()),
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

  private async png(): Promise<void> {
    const v = this.app.view;
    if (!v) throw new Error('no graph view');
    const counts = new Map<string, number>();
    v.graph.forEachNode((n, a) => {
      if (v.isNodeVisible(n)) counts.set(String(a.kind), (counts.get(String(a.kind)) ?? 0) + 1);
    });
    const entries = [...counts].map(([label, n]) => ({ color: labelColor(label), text: `${label} (${n})` }));
    const blob = await pngWithLegend(v.sigma as unknown as Sigma, { title: 'Node types', entries });
    download(blob, `checkpoint-atlas-${stamp()}.png`);
    this.note.textContent = 'PNG saved.';
  }

  private async file(kind: FileKind): Promise<void> {
    const body = exportRequest(this.app, kind);
    const res = await fetch('/api/export', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) {
      const err = (await res.json().catch(() => ({}))) as { error?: string; reason?: string };
      throw new ApiError(res.status, err.error ?? `HTTP ${res.status}`, err.reason);
    }
    const ext = kind.startsWith('csv-') ? `${kind.slice(4)}.csv` : kind;
    download(await res.blob(), `checkpoint-atlas-${stamp()}.${ext}`);
    this.note.textContent = `${(body.ids as string[]).length} nodes exported.`;
  }
}
