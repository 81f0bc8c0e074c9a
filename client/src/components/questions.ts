/** Saved questions from /api/questions, each runnable with its parameters. */
import type { App } from '../app.js';
import { api, type Question } from '../lib/api.js';
import { append, clear, h } from '../lib/dom.js';
import { errorBox, resultTable } from './table.js';

function paramDefaults(q: Question): Record<string, unknown> {
  const p = q.params;
  if (!p) return {};
  if (Array.isArray(p)) return Object.fromEntries(p.map((x) => [x.name, x.default ?? '']));
  return p;
}

export class QuestionsPanel {
  readonly el = h('div', { class: 'tool', id: 'questions-panel' });
  private list = h('div');
  private questions: Question[] = [];
  private loaded = false;
  onEdit: ((query: string) => void) | null = null;

  constructor(private app: App) {
    append(this.el, [
      h('h2', null, 'Saved questions'),
      h(
        'p',
        { class: 'lead' },
        'Curated research questions with their Cypher. Change the parameters and run; the answer is drawn and tabulated.',
      ),
      this.list,
    ]);
    app.on('tab', () => {
      if (app.state.tab === 'questions') void this.load();
    });
    app.on('result', () => this.render());
    if (app.state.spec.mode === 'question' || app.state.tab === 'questions') void this.load();
  }

  async load(force = false): Promise<void> {
    if (this.loaded && !force) return;
    this.loaded = true;
    clear(this.list);
    this.list.append(h('div', { class: 'note' }, h('div', { class: 'spinner' }), 'Loading questions…'));
    try {
      const set = await api.questions();
      this.questions = set.questions;
      this.render();
      if (set.problems.length)
        this.list.append(
          h(
            'details',
            { class: 'note' },
            h('summary', null, `${set.problems.length} question file(s) could not be read`),
            ...set.problems.map((p) => h('div', null, `${p.file}: ${p.message}`)),
          ),
        );
    } catch (e) {
      this.loaded = false;
      clear(this.list);
      append(this.list, [
        errorBox(this.app.reportError(e)),
        h('button', { type: 'button', class: 'btn small', onclick: () => void this.load(true) }, 'Retry'),
      ]);
    }
  }

  private render(): void {
    if (!this.loaded || !this.questions.length) {
      if (this.loaded && !this.questions.length) {
        clear(this.list);
        this.list.append(h('p', { class: 'note' }, 'No saved questions yet (cypher/questions/*.cypher).'));
      }
      return;
    }
    clear(this.list);
    const { spec } = this.app.state;
    for (const q of this.questions) {
      const active = spec.mode === 'question' && spec.name === q.name;
      const values = { ...paramDefaults(q), ...(active ? (spec.params ?? {}) : {}) };
      const inputs = new Map<string, HTMLInputElement>();
      const params = h('div', { class: 'params' });
      for (const [k, v] of Object.entries(values)) {
        const input = h('input', {
          type: typeof v === 'number' ? 'number' : 'text',
          value: Array.isArray(v) ? JSON.stringify(v) : String(v ?? ''),
          'aria-label': `${q.title}: ${k}`,
        });
        inputs.set(k, input);
        params.append(h('label', { class: 'field' }, `$${k}`, input));
      }
      const read = (): Record<string, unknown> => {
        const out: Record<string, unknown> = {};
        for (const [k, input] of inputs) {
          const orig = values[k];
          const raw = input.value;
          if (typeof orig === 'number') out[k] = Number(raw);
          else if (Array.isArray(orig) || typeof orig === 'boolean') {
            try {
              out[k] = JSON.parse(raw);
            } catch {
              out[k] = raw;
            }
          } else out[k] = raw;
        }
        return out;
      };
      const run = () => void this.app.runQuestion(q.name, read());
      for (const input of inputs.values()) input.addEventListener('keydown', (e) => e.key === 'Enter' && run());
      const card = h(
        'section',
        { class: `question${active ? ' active' : ''}`, 'data-name': q.name },
        h('h3', null, q.title),
        q.description ? h('p', null, q.description) : null,
        inputs.size ? params : null,
        h(
          'div',
          { class: 'btn-row' },
          h('button', { type: 'button', class: 'btn primary small', onclick: run }, 'Run'),
          q.query
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'btn small',
                  title: 'Open the query in the Cypher editor',
                  onclick: () => this.onEdit?.(q.query!),
                },
                'Edit as Cypher',
              )
            : null,
        ),
      );
      if (active) {
        if (this.app.resultError) append(card, [errorBox(this.app.resultError)]);
        else if (this.app.result) card.append(resultTable(this.app, this.app.result.data));
      }
      this.list.append(card);
      if (active) requestAnimationFrame(() => card.scrollIntoView({ block: 'nearest' }));
    }
  }
}
