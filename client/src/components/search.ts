/**
 * Autocomplete over /api/search as an ARIA combobox: arrow keys move, Enter picks,
 * Escape closes. Used for the header search and for every node picker.
 */
import type { SearchHit } from '../../../ontology/index.js';
import { api, ApiError } from '../lib/api.js';
import { clear, debounce, h } from '../lib/dom.js';
import { labelColor } from '../graph/colors.js';

let uid = 0;

/**
 * Exact name, then exact synonym, then name prefix, before the rest; the server's
 * order is kept within each tier. Researchers typing a drug's name expect the drug
 * first, not a regimen that mentions it.
 */
export function rank(hits: SearchHit[], query: string): SearchHit[] {
  const q = query.trim().toLowerCase();
  const tier = (h: SearchHit) => {
    const name = String(h.name ?? '').toLowerCase();
    if (name === q) return 0;
    if (h.matched && h.matched.toLowerCase() === q) return 1;
    if (name.startsWith(q)) return 2;
    return 3;
  };
  // Among names that start with the query, the shortest (the drug itself, not its combinations) first.
  const len = (x: { h: SearchHit; t: number }) => (x.t === 2 ? String(x.h.name).length : 0);
  return hits
    .map((h, i) => ({ h, i, t: tier(h) }))
    .sort((a, b) => a.t - b.t || len(a) - len(b) || a.i - b.i)
    .map((x) => x.h);
}

export interface SearchBoxOptions {
  label: string;
  placeholder?: string;
  /** Keep only some hits (e.g. drugs and classes). */
  filter?: (hit: SearchHit) => boolean;
  onPick: (hit: SearchHit) => void;
  /** Show the picked name in the box after picking (pickers) or clear it (header). */
  keepValue?: boolean;
  visibleLabel?: boolean;
  limit?: number;
}

export class SearchBox {
  readonly el: HTMLElement;
  readonly input: HTMLInputElement;
  private list: HTMLUListElement;
  private hits: SearchHit[] = [];
  private active = -1;
  private ctrl: AbortController | null = null;
  private lastQuery = '';
  /** Escape closed the list: answers still in flight must not reopen it until the next keystroke. */
  private dismissed = false;
  /** Typed, suggestions not answered yet (debounce or request pending). */
  private awaiting = false;
  picked: SearchHit | null = null;

  constructor(private opts: SearchBoxOptions) {
    const id = `search-${++uid}`;
    this.input = h('input', {
      id,
      type: 'search',
      role: 'combobox',
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': `${id}-list`,
      placeholder: opts.placeholder ?? 'Search',
      ...(opts.visibleLabel ? {} : { 'aria-label': opts.label }),
    });
    this.list = h('ul', {
      id: `${id}-list`,
      role: 'listbox',
      class: 'suggestions',
      'aria-label': `${opts.label} suggestions`,
      hidden: true,
    });
    this.el = h(
      'div',
      { class: 'search' },
      opts.visibleLabel ? h('label', { for: id, class: 'picker-label' }, opts.label) : null,
      h('div', { style: 'position:relative' }, this.input, this.list),
    );
    const run = debounce(() => void this.query(), 140);
    this.input.addEventListener('input', () => {
      this.picked = null;
      this.dismissed = false;
      this.awaiting = !!this.input.value.trim();
      run();
    });
    this.input.addEventListener('keydown', (e) => this.onKey(e));
    this.input.addEventListener('focus', () => {
      if (this.hits.length && this.input.value.trim() && !this.picked) this.open();
    });
    this.input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
  }

  setValue(hit: SearchHit | null): void {
    this.picked = hit;
    this.input.value = hit ? hit.name : '';
  }

  private async query(): Promise<void> {
    // A choice made while a debounced or in-flight query was pending must not be
    // followed by the list re-opening over the page.
    if (this.picked || this.dismissed) {
      this.awaiting = false;
      return;
    }
    const q = this.input.value.trim();
    this.lastQuery = q;
    if (q.length < 1) {
      this.awaiting = false;
      this.hits = [];
      this.close();
      return;
    }
    this.ctrl?.abort();
    const ctrl = new AbortController();
    this.ctrl = ctrl;
    try {
      let hits = await api.search(q, this.opts.limit ?? 10, ctrl.signal);
      if (q !== this.lastQuery) return;
      this.awaiting = false;
      if (this.picked || this.dismissed) return;
      if (!Array.isArray(hits)) hits = [];
      if (this.opts.filter) hits = hits.filter(this.opts.filter);
      this.hits = rank(hits, q);
      this.active = hits.length ? 0 : -1;
      this.render();
      this.open();
    } catch (e) {
      if ((e as Error).name === 'AbortError') return;
      this.awaiting = false;
      this.hits = [];
      this.render(e instanceof ApiError ? e.message : String(e));
      this.open();
    }
  }

  private render(error?: string): void {
    clear(this.list);
    if (error) {
      this.list.append(
        h('li', { class: 's-empty', role: 'option', 'aria-disabled': 'true' }, `Search failed: ${error}`),
      );
      return;
    }
    if (!this.hits.length) {
      this.list.append(
        h(
          'li',
          { class: 's-empty', role: 'option', 'aria-disabled': 'true' },
          `No match for “${this.input.value.trim()}”`,
        ),
      );
      return;
    }
    this.hits.forEach((hit, i) => {
      const li = h(
        'li',
        {
          role: 'option',
          id: `${this.input.id}-opt-${i}`,
          'aria-selected': String(i === this.active),
          'data-id': hit.id,
        },
        h('span', { class: 'swatch', style: `background:${labelColor(hit.label)}` }),
        h('span', { class: 's-name' }, hit.name),
        hit.matched && hit.matched !== hit.name ? h('span', { class: 's-matched' }, `matched “${hit.matched}”`) : null,
        h('span', { class: 'chip s-label' }, hit.label),
      );
      li.addEventListener('mousedown', (e) => {
        e.preventDefault();
        this.pick(i);
      });
      this.list.append(li);
    });
    this.input.setAttribute('aria-activedescendant', this.active >= 0 ? `${this.input.id}-opt-${this.active}` : '');
  }

  private open(): void {
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
  }

  close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
  }

  private move(delta: number): void {
    if (!this.hits.length) return;
    this.active = (this.active + delta + this.hits.length) % this.hits.length;
    this.render();
    this.open();
    this.list.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (this.list.hidden && this.hits.length) this.open();
      else this.move(1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      this.move(-1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (this.hits.length && !this.list.hidden) this.pick(Math.max(this.active, 0));
      else if (this.input.value.trim()) {
        this.dismissed = false;
        void this.query();
      }
    } else if (e.key === 'Escape') {
      const pending = this.awaiting && this.list.hidden && !!this.input.value.trim();
      this.dismissed = true;
      if (pending) {
        // Suggestions asked for but not shown yet: dismiss them, keep the text.
        e.preventDefault();
        e.stopPropagation();
      } else if (!this.list.hidden) {
        e.preventDefault();
        e.stopPropagation();
        this.close();
      } else if (this.input.value) {
        e.preventDefault();
        this.input.value = '';
        this.hits = [];
      } else {
        this.input.blur();
      }
    }
  }

  private pick(i: number): void {
    const hit = this.hits[i];
    if (!hit) return;
    this.ctrl?.abort();
    this.close();
    this.picked = hit;
    this.input.value = this.opts.keepValue ? hit.name : '';
    if (!this.opts.keepValue) this.hits = [];
    this.opts.onPick(hit);
  }
}
