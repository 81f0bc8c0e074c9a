/**
 * Inputs for a saved question's parameters. A parameter that names an entity (its
 * default is an id such as `target:pd-l1`, or its name is a node type such as `drug`)
 * gets a name picker with search's autocomplete; the query still receives the id.
 */
import { ID_PATTERN, labelOfId, NODE_LABELS, type NodeLabel, type SearchHit } from '../../../ontology/index.js';
import type { App } from '../app.js';
import { api } from '../lib/api.js';
import { h } from '../lib/dom.js';
import { rank, SearchBox } from './search.js';

/** Parameter names that stand for an entity of some type (`null`: any type). */
const NAME_TO_LABEL: Record<string, NodeLabel | null> = {
  drug: 'Drug',
  target: 'Target',
  receptor: 'Target',
  disease: 'Disease',
  cell: 'CellType',
  trial: 'Trial',
  mechanism: 'Mechanism',
  class: 'DrugClass',
  drugclass: 'DrugClass',
  iciclass: 'DrugClass',
  vegfclass: 'DrugClass',
  node: null,
  entity: null,
};

/** The entity type a parameter picks, `null` for any type, `undefined` when it is not an entity. */
export function entityParam(name: string, value: unknown): NodeLabel | null | undefined {
  if (typeof value === 'string' && ID_PATTERN.test(value) && labelOfId(value)) return labelOfId(value) ?? null;
  if (value === null || value === '') {
    const key = name.toLowerCase();
    if (key in NAME_TO_LABEL) return NAME_TO_LABEL[key];
    const label = NODE_LABELS.find((l) => l.toLowerCase() === key);
    if (label) return label;
  }
  return undefined;
}

export interface ParamField {
  el: HTMLElement;
  /** The value to send; rejects with a message when a typed name matches no entity. */
  read(): Promise<unknown>;
  focus(): void;
}

function plainField(title: string, name: string, value: unknown, onEnter: () => void): ParamField {
  const input = h('input', {
    type: typeof value === 'number' ? 'number' : 'text',
    value: Array.isArray(value) ? JSON.stringify(value) : String(value ?? ''),
    'aria-label': `${title}: ${name}`,
  });
  input.addEventListener('keydown', (e) => e.key === 'Enter' && onEnter());
  return {
    el: h('label', { class: 'field' }, `$${name}`, input),
    focus: () => input.focus(),
    read: async () => {
      const raw = input.value;
      if (typeof value === 'number') return Number(raw);
      if (Array.isArray(value) || typeof value === 'boolean') {
        try {
          return JSON.parse(raw);
        } catch {
          return raw;
        }
      }
      if (value === null && raw === '') return null;
      return raw;
    },
  };
}

function pickerField(
  app: App,
  title: string,
  name: string,
  value: unknown,
  label: NodeLabel | null,
  onEnter: () => void,
): ParamField {
  const filter = label ? (hit: SearchHit) => hit.label === label : undefined;
  const box = new SearchBox({
    label: `${title}: ${name}`,
    placeholder: label ? `${label} name…` : 'Any entity…',
    keepValue: true,
    filter,
    onPick: () => undefined,
  });
  box.input.classList.add('param-picker');
  box.input.dataset.param = name;
  box.input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && box.picked) onEnter();
  });
  if (typeof value === 'string' && value) {
    box.setValue({ id: value, name: app.nameOf(value), label: labelOfId(value) ?? 'Drug', score: 1 });
    // The view may not hold the node: ask search (an exact id comes first) for its name.
    void api
      .search(value, 1)
      .then((hits) => {
        const hit = hits.find((x) => x.id === value);
        if (hit && box.picked?.id === value) box.setValue(hit);
      })
      .catch(() => undefined);
  }
  return {
    el: h('div', { class: 'field' }, h('span', { class: 'param-name' }, `$${name}`), box.el),
    focus: () => box.input.focus(),
    read: async () => {
      if (box.picked) return box.picked.id;
      const typed = box.input.value.trim();
      if (!typed) return null;
      // A name typed but not picked: the best match of its type, as the list would offer it.
      // Only a name that is the entity's name or synonym (or starts it) is taken without a pick.
      const q = typed.toLowerCase();
      const hit = rank((await api.search(typed, 10)).filter(filter ?? (() => true)), typed).find(
        (x) => x.name.toLowerCase().startsWith(q) || x.matched?.toLowerCase() === q,
      );
      if (!hit) throw new Error(`No ${label ?? 'entity'} is named “${typed}” ($${name}): pick one from the list`);
      box.setValue(hit);
      return hit.id;
    },
  };
}

export function paramField(app: App, title: string, name: string, value: unknown, onEnter: () => void): ParamField {
  const label = entityParam(name, value);
  return label === undefined
    ? plainField(title, name, value, onEnter)
    : pickerField(app, title, name, value, label, onEnter);
}
