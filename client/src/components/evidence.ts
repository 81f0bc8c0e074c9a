/**
 * The evidence table (issue 11): every relationship drawn — or only those of the selected
 * node — with its claim kind, context, trial (phase, n, setting), outcome (metric, value,
 * unit, arm), references and evidence. Works for any view: a selection's neighbourhood,
 * a saved question's or a Cypher query's answer. Sortable, names clickable, CSV export.
 */
import type { GraphNode } from '../../../ontology/index.js';
import type { App } from '../app.js';
import { assertionOf } from '../graph/assertions.js';
import { h } from '../lib/dom.js';
import { type Cell, dataTable, textCell } from './dataTable.js';

const COLUMNS = ['From', 'Relationship', 'To', 'Claim', 'Context', 'Trial', 'Outcome', 'Refs', 'Evidence'];

const str = (v: unknown) => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join('; ') : String(v));

function nodeCell(n: GraphNode): Cell {
  return { text: n.name, sort: n.name.toLowerCase(), nodes: [{ id: n.id, name: n.name, label: n.label }] };
}

/** "KEYNOTE-224 · single-arm · n=104 · second-line (after sorafenib)" */
export function trialText(n: GraphNode | undefined): string {
  if (n?.label !== 'Trial') return '';
  const o = n as Record<string, unknown>;
  return [
    n.name,
    str(o.phase) && `phase ${str(o.phase)}`,
    str(o.design),
    o.n !== undefined && `n=${str(o.n)}`,
    str(o.setting),
  ]
    .filter(Boolean)
    .join(' · ');
}

/** "ORR 17 % · arm" from an Outcome node (its metric, value, unit) and the edge's arm. */
export function outcomeText(n: GraphNode | undefined, edge: Record<string, unknown>): string {
  if (n?.label !== 'Outcome') return '';
  const o = n as Record<string, unknown>;
  const value = [str(o.metric), [str(o.value), str(o.unit)].filter(Boolean).join(' ')].filter(Boolean).join(' ');
  return [value || n.name, str(edge.arm ?? o.arm ?? o.group)].filter(Boolean).join(' · ');
}

export class EvidencePanel {
  readonly el = h('div', { class: 'tool', id: 'evidence-panel' });
  private body = h('div');
  private onlySelected = h('input', { type: 'checkbox', id: 'evidence-only-selected', checked: true });
  visible = false;

  constructor(private app: App) {
    this.el.append(
      h('h2', null, 'Evidence'),
      h(
        'p',
        { class: 'lead' },
        'The relationships drawn, with what each claims and where it comes from. Sort by any column; names select the node.',
      ),
      h('label', { class: 'check' }, this.onlySelected, ' Only the selected node’s relationships'),
      this.body,
    );
    this.onlySelected.addEventListener('change', () => this.render());
    for (const ev of ['view', 'filters', 'selection', 'overlay'] as const) app.on(ev, () => this.render());
  }

  rows(): Cell[][] {
    const v = this.app.view;
    if (!v) return [];
    const sel = this.onlySelected.checked ? this.app.state.selected : null;
    const rows: Cell[][] = [];
    v.graph.forEachEdge((e, a, s, t) => {
      if (!v.isEdgeVisible(e)) return;
      if (sel && s !== sel && t !== sel) return;
      if (a.relType === 'REPORTED_IN') return;
      const from = v.graph.getNodeAttribute(s, 'data');
      const to = v.graph.getNodeAttribute(t, 'data');
      const d = a.data as unknown as Record<string, unknown>;
      const refs = Array.isArray(d.refs) ? (d.refs as unknown[]) : [];
      const assertion = assertionOf(a.data);
      rows.push([
        nodeCell(from),
        textCell(a.relType),
        nodeCell(to),
        textCell(assertion === 'unknown' ? '' : assertion),
        textCell(str(d.context)),
        textCell(trialText(from) || trialText(to)),
        textCell(outcomeText(from, d) || outcomeText(to, d)),
        refs.length ? { text: refs.join('; '), sort: Number(refs[0]) || 0 } : textCell(''),
        textCell(str(d.evidence)),
      ]);
    });
    return rows;
  }

  render(): void {
    if (!this.visible) return;
    const rows = this.rows();
    const sel = this.onlySelected.checked ? this.app.state.selected : null;
    this.body.replaceChildren(
      h(
        'p',
        { class: 'note', role: 'status' },
        `${rows.length} relationship${rows.length === 1 ? '' : 's'}${sel ? ` of ${this.app.nameOf(sel)}` : ' drawn'}`,
      ),
      rows.length
        ? dataTable(this.app, { columns: COLUMNS, rows, fileName: 'checkpoint-atlas-evidence', label: 'Evidence' })
        : h('p', { class: 'note' }, 'Nothing drawn yet.'),
    );
  }
}
