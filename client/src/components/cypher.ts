/** Cypher panel: editor, Ctrl/Cmd+Enter runs, results as a table (and drawn as the graph). */
import type { EditorApi } from '@neo4j-cypher/codemirror';
import type { App } from '../app.js';
import { append, clear, h } from '../lib/dom.js';
import { errorBox, resultTable } from './table.js';

const EXAMPLES: { title: string; query: string }[] = [
  { title: 'Drugs and their targets', query: 'MATCH (d:Drug)-[r:TARGETS]->(t:Target)\nRETURN d, r, t\nLIMIT 50' },
  {
    title: 'Trials of PD-1 inhibitors',
    query:
      'MATCH (t:Trial)-[:EVALUATES]->(d:Drug)-[:IN_CLASS]->(:DrugClass {id: "class:pd-1-inhibitor"})\nRETURN t.name AS trial, t.phase AS phase, d.name AS drug\nORDER BY trial',
  },
  {
    title: 'Resistance mechanisms',
    query: 'MATCH (m:ResistanceMechanism)-[r:CONFERS_RESISTANCE_TO]->(x)\nRETURN m, r, x',
  },
  {
    title: 'Biomarkers that predict response',
    query:
      'MATCH (b:Biomarker)-[p:PREDICTS {endpoint: "response"}]->(x)\nRETURN b.name AS biomarker, p.direction AS direction, x.name AS predicts, p.evidence AS evidence',
  },
];

export class CypherPanel {
  readonly el = h('div', { class: 'tool', id: 'cypher-panel' });
  private host = h('div', { class: 'cm-host', id: 'cypher-editor' });
  private results = h('div', { id: 'cypher-results' });
  private editor: EditorApi | null = null;
  private loading: Promise<void> | null = null;
  private pendingValue = 'MATCH (d:Drug)-[r:TARGETS]->(t:Target)\nRETURN d, r, t\nLIMIT 50';

  constructor(private app: App) {
    const examples = h(
      'select',
      { class: 'btn small', 'aria-label': 'Example queries' },
      h('option', { value: '' }, 'Examples…'),
      ...EXAMPLES.map((e, i) => h('option', { value: String(i) }, e.title)),
    );
    examples.addEventListener('change', () => {
      const ex = EXAMPLES[Number(examples.value)];
      if (ex) this.setValue(ex.query);
      examples.value = '';
    });
    append(this.el, [
      h('h2', null, 'Cypher'),
      h(
        'p',
        { class: 'lead' },
        'Read-only queries against the graph. Nodes and relationships in the result are drawn on the canvas.',
      ),
      this.host,
      h(
        'div',
        { class: 'cypher-bar' },
        h('button', { type: 'button', class: 'btn primary', id: 'cypher-run', onclick: () => this.run() }, 'Run'),
        examples,
        h(
          'span',
          { class: 'note' },
          h('kbd', null, 'Ctrl'),
          '/',
          h('kbd', null, '⌘'),
          ' + ',
          h('kbd', null, 'Enter'),
          ' runs',
        ),
      ),
      this.results,
    ]);
    app.on('result', () => this.render());
    app.on('schema', () => this.editor?.setSchema(this.schemaFor()));
    app.on('tab', () => {
      if (app.state.tab === 'cypher') void this.ensureEditor();
    });
    if (app.state.spec.mode === 'cypher') this.pendingValue = app.state.spec.query ?? '';
  }

  private schemaFor() {
    // Resolved lazily with the editor module; see ensureEditor.
    return this.schemaFn?.(this.app.schema);
  }
  private schemaFn: ((s: App['schema']) => ReturnType<typeof import('./cypherEditor.js')['editorSchema']>) | null =
    null;

  ensureEditor(): Promise<void> {
    if (this.editor) return Promise.resolve();
    this.loading ??= (async () => {
      this.host.append(h('div', { class: 'note', style: 'padding:8px' }, 'Loading the editor…'));
      try {
        const mod = await import('./cypherEditor.js');
        clear(this.host);
        this.schemaFn = mod.editorSchema;
        this.editor = mod.mountEditor(this.host, {
          value: this.pendingValue,
          schema: this.app.schema,
          onRun: () => this.run(),
        });
        this.host.dataset.ready = 'true';
      } catch (e) {
        clear(this.host);
        // Fall back to a plain textarea: the panel stays usable without the editor.
        const ta = h('textarea', {
          'aria-label': 'Cypher query',
          rows: 6,
          style: 'width:100%;border:0;padding:8px;font-family:var(--mono)',
        });
        ta.value = this.pendingValue;
        ta.addEventListener('keydown', (ev) => {
          if ((ev.ctrlKey || ev.metaKey) && ev.key === 'Enter') {
            ev.preventDefault();
            this.run();
          }
        });
        this.host.append(ta);
        this.fallback = ta;
        console.error('Cypher editor failed to load', e);
      }
    })();
    return this.loading;
  }
  private fallback: HTMLTextAreaElement | null = null;

  value(): string {
    return this.editor?.codemirror.state.doc.toString() ?? this.fallback?.value ?? this.pendingValue;
  }

  setValue(q: string): void {
    this.pendingValue = q;
    if (this.editor) this.editor.setValue(q);
    else if (this.fallback) this.fallback.value = q;
  }

  run(): void {
    const q = this.value().trim();
    if (!q) return;
    void this.app.runCypher(q);
  }

  private render(): void {
    clear(this.results);
    const { spec } = this.app.state;
    if (spec.mode !== 'cypher') return;
    if (spec.query !== undefined && spec.query !== this.value()) this.setValue(spec.query);
    if (this.app.resultError) {
      append(this.results, [errorBox(this.app.resultError)]);
      return;
    }
    if (this.app.result) this.results.append(resultTable(this.app, this.app.result.data));
  }
}
