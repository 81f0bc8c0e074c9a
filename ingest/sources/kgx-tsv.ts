/**
 * KGX TSV: a header row of column names, then one record per line, fields separated by
 * tabs; list columns (KGX_LIST_FIELDS) separate their items with `|`. Empty fields are
 * absent. Streams: one line in memory at a time.
 */
import type { ReadOptions, SourceFormat, SourceRecord } from '../source.js';
import { KGX_LIST_FIELDS, KGX_REQUIRED, kgxKindOf } from './kgx-common.js';
import { displayName, malformed, numberedLines } from './lines.js';

async function* readKgxTsv(file: string, options?: ReadOptions): AsyncGenerator<SourceRecord> {
  const kind = kgxKindOf(file, 'tsv');
  const shown = displayName(file, options);
  if (!kind) throw malformed(shown, 1, '(file)', 'a KGX TSV file is named *_nodes.tsv or *_edges.tsv');
  let header: string[] | undefined;
  let ordinal = 0;
  for await (const { line, text } of numberedLines(file)) {
    if (header === undefined) {
      header = text.split('\t').map((h) => h.trim());
      const missing = KGX_REQUIRED[kind].filter((c) => !header!.includes(c));
      if (missing.length > 0) {
        throw malformed(
          shown,
          line,
          '(header)',
          `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
        );
      }
      const seen = new Set<string>();
      for (const column of header) {
        if (column === '') throw malformed(shown, line, '(header)', 'an empty column name');
        if (seen.has(column)) throw malformed(shown, line, '(header)', `column "${column}" appears twice`);
        seen.add(column);
      }
      continue;
    }
    if (text.trim() === '') continue;
    ordinal += 1;
    const path = `row ${ordinal}`;
    const fields = text.split('\t');
    const loc = { file: shown, line, record: ordinal, path };
    if (fields.length !== header.length) {
      const message = `${fields.length} fields where the header has ${header.length} columns (a tab inside a value, or a missing field?)`;
      yield { kind, value: {}, loc, problems: [{ field: '', message }] };
      continue;
    }
    const value: Record<string, unknown> = {};
    header.forEach((column, i) => {
      const raw = fields[i]!.trim();
      if (raw === '') return;
      value[column] = KGX_LIST_FIELDS.has(column)
        ? raw
            .split('|')
            .map((s) => s.trim())
            .filter(Boolean)
        : raw;
    });
    const problems = KGX_REQUIRED[kind]
      .filter((column) => value[column] === undefined)
      .map((column) => ({ field: column, message: 'required, but empty' }));
    yield problems.length > 0 ? { kind, value, loc, problems } : { kind, value, loc };
  }
}

export const kgxTsv: SourceFormat = {
  name: 'kgx-tsv',
  matches: (file) => kgxKindOf(file, 'tsv') !== undefined,
  holds: (file) => (kgxKindOf(file, 'tsv') === 'node' ? 'nodes' : 'relationships'),
  read: readKgxTsv,
};
