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
    const path = `record ${ordinal}`;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      throw malformed(shown, line, path, `not valid JSON: ${(err as Error).message}`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw malformed(shown, line, path, 'each line must be one JSON object');
    }
    const value: Record<string, unknown> = {};
    for (const [field, v] of Object.entries(parsed as Record<string, unknown>)) {
      if (v === null || v === '') continue;
      if (KGX_LIST_FIELDS.has(field)) {
        const items = Array.isArray(v) ? v : [v];
        if (!items.every((item) => typeof item === 'string')) {
          throw malformed(shown, line, `${path}.${field}`, 'must be a list of strings');
        }
        value[field] = items;
      } else {
        value[field] = v;
      }
    }
    for (const field of KGX_REQUIRED[kind]) {
      if (value[field] === undefined) throw malformed(shown, line, `${path}.${field}`, 'required');
      if (field !== 'category' && typeof value[field] !== 'string') {
        throw malformed(shown, line, `${path}.${field}`, 'must be a string');
      }
    }
    yield { kind, value, loc: { file: shown, line, record: ordinal, path } };
  }
}

export const kgxJsonl: SourceFormat = {
  name: 'kgx-jsonl',
  matches: (file) => kgxKindOf(file, 'jsonl') !== undefined,
  read: readKgxJsonl,
};
