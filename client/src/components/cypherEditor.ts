/**
 * The CodeMirror 6 Cypher editor (@neo4j-cypher/codemirror): highlighting, linting and
 * schema-aware completion. Loaded on demand so the viewer starts without it.
 */
import { createCypherEditor, type EditorApi } from '@neo4j-cypher/codemirror';
import '@neo4j-cypher/codemirror/css/cypher-codemirror.css';
import { keymap } from '@codemirror/view';
import { Prec } from '@codemirror/state';
import type { Schema } from '../lib/api.js';

/** Property keys of the ontology contract, offered by completion. */
const PROPERTY_KEYS = [
  'id',
  'name',
  'synonyms',
  'description',
  'refs',
  'source',
  'curationNote',
  'evidence',
  'section',
  'key',
  'modality',
  'approval',
  'chemblId',
  'drugbankId',
  'symbol',
  'kind',
  'nctId',
  'acronym',
  'phase',
  'design',
  'n',
  'setting',
  'year',
  'metric',
  'value',
  'unit',
  'ciLow',
  'ciHigh',
  'group',
  'number',
  'action',
  'effect',
  'alteration',
  'arm',
  'endpoint',
  'direction',
  'context',
  'agency',
  'line',
  'category',
  'grade',
  'rate',
];

export function editorSchema(schema: Schema | null) {
  return {
    labels: (schema?.labels ?? []).map((l) => `:${l.label}`),
    relationshipTypes: (schema?.relationshipTypes ?? []).map((r) => `:${r.type}`),
    propertyKeys: [...PROPERTY_KEYS],
    parameters: [],
  };
}

export function mountEditor(
  host: HTMLElement,
  opts: { value: string; schema: Schema | null; onRun: () => void },
): EditorApi {
  const runKey = Prec.highest(
    keymap.of([
      {
        key: 'Mod-Enter',
        run: () => {
          opts.onRun();
          return true;
        },
        preventDefault: true,
      },
      {
        key: 'Shift-Enter',
        run: () => {
          opts.onRun();
          return true;
        },
        preventDefault: true,
      },
    ]),
  );
  // 1.0.3 returns { editor: EditorApi } although its typings say EditorApi.
  const created = createCypherEditor(host, {
    value: opts.value,
    schema: editorSchema(opts.schema),
    theme: 'light',
    lineNumbers: true,
    lineWrapping: true,
    autocomplete: true,
    autocompleteCloseOnBlur: true,
    lint: true,
    placeholder: 'MATCH (d:Drug)-[:TARGETS]->(t:Target) RETURN d, t',
    tooltipAbsolute: true,
    preExtensions: [runKey],
    // The editor mounts when its module has loaded, which may be seconds after the tab
    // opened (a query run from a saved question, a link, an undo): taking the focus then
    // would pull it from wherever the user is, and the canvas's shortcuts would stop.
    autofocus: false,
  }) as EditorApi & { editor?: EditorApi };
  const editor = created.editor ?? created;
  // The editable area is what screen readers land on: give it a name and say how to run.
  const content = host.querySelector('.cm-content');
  content?.setAttribute('aria-label', 'Cypher query (Ctrl or Cmd + Enter runs it)');
  content?.setAttribute('aria-multiline', 'true');
  return editor;
}
