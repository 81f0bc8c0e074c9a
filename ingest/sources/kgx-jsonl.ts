/**
 * KGX JSON Lines: one JSON object per line, nodes in *_nodes.jsonl, edges in
 * *_edges.jsonl. List fields are arrays; a lone string in a list field becomes a
 * one-item list. Blank lines are skipped. Streams line by line.
 */
import type { ReadOptions, SourceFormat, SourceRecord } from '../source.js';
import { KGX_LIST_FIELDS, KGX_REQUIRED, kgxKindOf } from './kgx-common.js';
import { displayName, malformed, numberedLines } from './lines.js';

async function* readKgxJsonl(file: string, options?: ReadOptions): AsyncGenerator<SourceRecord> {
  const kind = kgxKindOf(file, 'jsonl');
  const shown = displayName(file, options);
  if (!kind) throw malformed(shown, 1, '(file)', 'a KGX JSON Lines file is named *_nodes.jsonl or *_edges.jsonl');
  let ordinal = 0;
  for await (const { line, text } of numberedLines(file)) {
    if (text.trim() === '') continue;
    ordinal += 1;
    const loc = { file: shown, line, record: ordinal, path: `record ${ordinal}` };
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      yield { kind, value: {}, loc, problems: [{ field: '', message: `not valid JSON: ${(err as Error).message}` }] };
      continue;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      yield { kind, value: {}, loc, problems: [{ field: '', message: 'each line must be one JSON object' }] };
      continue;
    }
    const value: Record<string, unknown> = {};
    const problems: Array<{ field: string; message: string }> = [];
    for (const [field, v] of Object.entries(parsed as Record<string, unknown>)) {
      if (v === null || v === '') continue;
      if (KGX_LIST_FIELDS.has(field)) {
        const items = Array.isArray(v) ? v : [v];
        if (!items.every((item) => typeof item === 'string'))
          problems.push({ field, message: 'must be a list of strings' });
        value[field] = items;
      } else {
        value[field] = v;
      }
    }
    for (const field of KGX_REQUIRED[kind]) {
      if (value[field] === undefined) problems.push({ field, message: 'required' });
      else if (field !== 'category' && typeof value[field] !== 'string')
        problems.push({ field, message: 'must be a string' });
    }
    yield problems.length > 0 ? { kind, value, loc, problems } : { kind, value, loc };
  }
}

export const kgxJsonl: SourceFormat = {
  name: 'kgx-jsonl',
  matches: (file) => kgxKindOf(file, 'jsonl') !== undefined,
  holds: (file) => (kgxKindOf(file, 'jsonl') === 'node' ? 'nodes' : 'relationships'),
  read: readKgxJsonl,
};
