/**
 * Saved questions from /api/questions: searchable, grouped by what they ask about, each
 * runnable with its parameters (entities picked by name). The answer is tabulated and,
 * when it holds nodes or ids, drawn.
 */
import type { Question } from '../../../server/lib/questions.js';
import type { App } from '../app.js';
import { api } from '../lib/api.js';
import { append, clear, h } from '../lib/dom.js';
import { paramField } from './questionParams.js';
import { errorBox, resultTable } from './table.js';

/** A question's group: the first topic its name or title mentions. */
const GROUPS: [string, RegExp][] = [
  ['Resistance', /resist/i],
  ['Biomarkers', /biomarker/i],
  ['Trials and outcomes', /trial|outcome|cohort|toxicity|result|metric|perioperative/i],
  ['Drugs and approvals', /drug|approv|regimen|guideline|name/i],
  ['Immunology', /cell|checkpoint|ligand|molecule|mechanism|immune|binds|promot/i],
];
export function groupOf(q: Pick<Question, 'name' | 'title'>): string {
  const text = `${q.name} ${q.title}`;
  return GROUPS.find(([, re]) => re.test(text))?.[0] ?? 'Other';
}

export class QuestionsPanel {
  readonly el = h('div', { class: 'tool', id: 'questions-panel' });
  private list = h('div');
  private filter = h('input', {
    type: 'search',
    id: 'questions-filter',
    placeholder: 'Filter questions…',
    'aria-label': 'Filter saved questions',
  });
  private questions: Question[] = [];
  private loaded = false;
  onEdit: ((query: string) => void) | null = null;

  constructor(private app: App) {
    append(this.el, [
      h('h2', null, 'Saved questions'),
      h(
        'p',
        { class: 'lead' },
        'Curated research questions with their Cypher. Pick the entities by name and run; the answer is drawn and tabulated.',
      ),
      this.filter,
      this.list,
    ]);
    this.filter.addEventListener('input', () => this.render());
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

  private card(q: Question): HTMLElement {
    const { spec } = this.app.state;
    const active = spec.mode === 'question' && spec.name === q.name;
    const values = { ...(q.params ?? {}), ...(active ? (spec.params ?? {}) : {}) };
    const problem = h('p', { class: 'note error-text', role: 'alert', hidden: true });
    const run = async () => {
      problem.hidden = true;
      try {
        const params: Record<string, unknown> = {};
        for (const [k, f] of fields) params[k] = await f.read();
        await this.app.runQuestion(q.name, params);
      } catch (e) {
        problem.textContent = e instanceof Error ? e.message : String(e);
        problem.hidden = false;
      }
    };
    const fields = Object.entries(values).map(
      ([k, v]) => [k, paramField(this.app, q.title, k, v, () => void run())] as const,
    );
    const card = h(
      'section',
      { class: `question${active ? ' active' : ''}`, 'data-name': q.name },
      h('h3', null, q.title),
      q.description ? h('p', null, q.description) : null,
      fields.length ? h('div', { class: 'params' }, ...fields.map(([, f]) => f.el)) : null,
      problem,
      h(
        'div',
        { class: 'btn-row' },
        h('button', { type: 'button', class: 'btn primary small', onclick: () => void run() }, 'Run'),
        q.query
          ? h(
              'button',
              {
                type: 'button',
                class: 'btn small',
                title: 'Open the query in the Cypher editor',
                onclick: () => this.onEdit?.(q.query),
              },
              'Edit as Cypher',
            )
          : null,
      ),
    );
    if (active) {
      if (this.app.resultError) append(card, [errorBox(this.app.resultError)]);
      else if (this.app.result) card.append(resultTable(this.app, this.app.result.data, `question-${q.name}`));
      requestAnimationFrame(() => card.scrollIntoView({ block: 'nearest' }));
    }
    return card;
  }

  private render(): void {
    if (!this.loaded) return;
    clear(this.list);
    if (!this.questions.length) {
      this.list.append(h('p', { class: 'note' }, 'No saved questions yet (cypher/questions/*.cypher).'));
      return;
    }
    const words = this.filter.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const shown = this.questions.filter((q) => {
      const text = `${q.name} ${q.title} ${q.description ?? ''}`.toLowerCase();
      return words.every((w) => text.includes(w));
    });
    if (!shown.length) {
      this.list.append(h('p', { class: 'note' }, `No saved question mentions “${this.filter.value.trim()}”.`));
      return;
    }
    const groups = new Map<string, Question[]>();
    for (const q of shown) {
      const g = groupOf(q);
      (groups.get(g) ?? groups.set(g, []).get(g)!).push(q);
    }
    for (const [name, qs] of [...groups].sort(([a], [b]) =>
      a === 'Other' ? 1 : b === 'Other' ? -1 : a.localeCompare(b),
    )) {
      this.list.append(
        h(
          'div',
          { class: 'question-group' },
          h('h3', { class: 'group-title' }, `${name} (${qs.length})`),
          ...qs.map((q) => this.card(q)),
        ),
      );
    }
  }
}
