/**
 * CSV/TSV in the neo4j-admin import header convention, read line by line:
 * - nodes: `id:ID` (or `:ID`), `:LABEL` (`;`-separated), typed property columns;
 * - relationships: `:START_ID`, `:END_ID`, `:TYPE`, typed property columns.
 * Column types: `string` (default), `int`/`long`/`short`/`byte`, `float`/`double`,
 * `boolean`, each optionally a list (`synonyms:string[]`, split on `;`). Empty fields are
 * absent properties. Quoted fields (`"…"`, `""` for a quote) may hold the delimiter and
 * newlines. `.csv` is comma-separated, `.tsv` tab-separated.
 */
import fs from 'node:fs';
import type { ReadOptions, SourceFormat, SourceRecord } from '../source.js';
import { SourceReadError } from '../source.js';
import { displayName } from './yaml.js';

export const ARRAY_DELIMITER = ';';

type ScalarType = 'string' | 'int' | 'float' | 'boolean';
interface Column {
  name: string;
  role: 'id' | 'label' | 'start' | 'end' | 'type' | 'ignore' | 'property';
  type: ScalarType;
  array: boolean;
}

const TYPE_ALIASES: Record<string, ScalarType> = {
  string: 'string',
  int: 'int',
  long: 'int',
  short: 'int',
  byte: 'int',
  float: 'float',
  double: 'float',
  boolean: 'boolean',
};

/** Parses one header field: `name:type`, `:ID`, `name:ID(space)`, `:LABEL`, `:START_ID`… */
export function parseHeaderField(raw: string): Column | { error: string } {
  const field = raw.trim();
  const colon = field.lastIndexOf(':');
  const name = colon >= 0 ? field.slice(0, colon) : field;
  const spec = colon >= 0 ? field.slice(colon + 1).replace(/\(.*\)$/, '') : '';
  const upper = spec.toUpperCase();
  if (upper === 'ID') return { name: name || 'id', role: 'id', type: 'string', array: false };
  if (upper === 'LABEL') return { name: 'label', role: 'label', type: 'string', array: true };
  if (upper === 'START_ID') return { name: 'from', role: 'start', type: 'string', array: false };
  if (upper === 'END_ID') return { name: 'to', role: 'end', type: 'string', array: false };
  if (upper === 'TYPE') return { name: 'type', role: 'type', type: 'string', array: false };
  if (upper === 'IGNORE') return { name, role: 'ignore', type: 'string', array: false };
  if (!name) return { error: `column "${raw}" has no name` };
  const array = spec.endsWith('[]');
  const base = (array ? spec.slice(0, -2) : spec).toLowerCase() || 'string';
  const type = TYPE_ALIASES[base];
  if (!type)
    return {
      error: `column "${raw}": unknown type "${base}" (string, int, long, float, double, boolean, with [] for lists)`,
    };
  return { name, role: 'property', type, array };
}

function convert(value: string, type: ScalarType): string | number | boolean | undefined {
  switch (type) {
    case 'string':
      return value;
    case 'int': {
      const n = Number(value.trim());
      return Number.isSafeInteger(n) ? n : undefined;
    }
    case 'float': {
      const n = Number(value.trim());
      return value.trim() !== '' && Number.isFinite(n) ? n : undefined;
    }
    case 'boolean': {
      const v = value.trim().toLowerCase();
      return v === 'true' ? true : v === 'false' ? false : undefined;
    }
  }
}

/**
 * A part of a delimited file that starts and ends on record boundaries (ingest/split-csv.ts):
 * bytes `start` to `end` (exclusive), `line` lines and `record` records (the header
 * included) before it, and the file's header fields when the part does not begin with them.
 */
export interface ByteRange {
  start: number;
  end: number;
  line: number;
  record: number;
  header?: string[];
}

/**
 * Rows of a delimited file, streamed: yields each row's fields with the line it starts on.
 * Lines without a quote take a fast path (split); quoted fields may span lines.
 */
export async function* delimitedRows(
  absolute: string,
  delimiter: string,
  range?: ByteRange,
): AsyncGenerator<{ fields: string[]; line: number; error?: string }> {
  let buffer = '';
  let line = range?.line ?? 0;
  let pending: { fields: string[]; field: string; line: number; inQuotes: boolean } | null = null;
  const stream = fs.createReadStream(absolute, {
    encoding: 'utf8',
    highWaterMark: 1 << 20,
    ...(range ? { start: range.start, end: range.end - 1 } : {}),
  });
  for await (const chunk of stream) {
    buffer += chunk as string;
    let start = 0;
    for (;;) {
      const nl = buffer.indexOf('\n', start);
      if (nl < 0) break;
      let text = buffer.slice(start, nl);
      start = nl + 1;
      line++;
      if (text.endsWith('\r')) text = text.slice(0, -1);
      if (pending) {
        pending.field += '\n';
        const done = continueQuoted(pending, text, delimiter);
        if (done) {
          yield { fields: pending.fields, line: pending.line };
          pending = null;
        }
        continue;
      }
      if (text.indexOf('"') < 0) {
        if (text.length > 0) yield { fields: text.split(delimiter), line };
        continue;
      }
      const state = { fields: [] as string[], field: '', line, inQuotes: false };
      if (continueQuoted(state, text, delimiter)) yield { fields: state.fields, line };
      else pending = state;
    }
    buffer = buffer.slice(start);
  }
  if (buffer.length > 0 || pending) {
    line++;
    const text = buffer.endsWith('\r') ? buffer.slice(0, -1) : buffer;
    if (pending) {
      pending.field += '\n';
      if (continueQuoted(pending, text, delimiter)) yield { fields: pending.fields, line: pending.line };
      else yield { fields: [], line: pending.line, error: 'unterminated quoted field (a `"` is never closed)' };
    } else if (text.length > 0) {
      const state = { fields: [] as string[], field: '', line, inQuotes: false };
      if (continueQuoted(state, text, delimiter)) yield { fields: state.fields, line };
      else yield { fields: [], line, error: 'unterminated quoted field (a `"` is never closed)' };
    }
  }
}

/** Consumes `text` into the row state; true when the row ends with this text. */
function continueQuoted(
  state: { fields: string[]; field: string; inQuotes: boolean },
  text: string,
  delimiter: string,
): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (state.inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          state.field += '"';
          i++;
        } else state.inQuotes = false;
      } else state.field += c;
    } else if (c === '"') state.inQuotes = true;
    else if (c === delimiter) {
      state.fields.push(state.field);
      state.field = '';
    } else state.field += c;
  }
  if (state.inQuotes) return false;
  state.fields.push(state.field);
  state.field = '';
  return true;
}

function firstLine(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n).toString('utf8').split('\n')[0] ?? '';
  } finally {
    fs.closeSync(fd);
  }
}

/** The file's field delimiter, from its name. */
export function delimiterOf(file: string): string {
  return /\.tsv$/i.test(file) ? '\t' : ',';
}

/** The records of `absolute`, or of one part of it (`range`, for parallel validation). */
export async function* readNeo4jCsv(
  absolute: string,
  options?: ReadOptions,
  range?: ByteRange,
): AsyncGenerator<SourceRecord> {
  const file = displayName(absolute, options);
  const delimiter = delimiterOf(absolute);
  let columns: Column[] | null = null;
  let kind: 'node' | 'relationship' = 'node';
  // Records before the part, less the header.
  let ordinal = range?.header ? range.record - 1 : 0;
  const rows = delimitedRows(absolute, delimiter, range);
  const header: Array<{ fields: string[]; line: number; error?: string }> = range?.header
    ? [{ fields: range.header, line: 1 }]
    : [];
  for await (const row of header.length > 0 ? prepend(header, rows) : rows) {
    if (!columns) {
      const parsed = row.fields.map(parseHeaderField);
      const errors = parsed.filter((c): c is { error: string } => 'error' in c);
      if (errors.length > 0) {
        throw new SourceReadError(errors.map((e) => ({ file, line: row.line, field: '(header)', message: e.error })));
      }
      columns = parsed as Column[];
      const roles = new Set(columns.map((c) => c.role));
      if (roles.has('start') && roles.has('end') && roles.has('type')) kind = 'relationship';
      else if (roles.has('id')) kind = 'node';
      else {
        throw new SourceReadError([
          {
            file,
            line: row.line,
            field: '(header)',
            message: 'a neo4j-admin header needs an :ID column (nodes) or :START_ID, :END_ID and :TYPE (relationships)',
          },
        ]);
      }
      continue;
    }
    const record = ++ordinal;
    const loc = { file, line: row.line, record, path: `row ${record}` };
    if (row.error) {
      yield { kind, value: {}, loc, problems: [{ field: '', message: row.error }] };
      continue;
    }
    const problems: Array<{ field: string; message: string }> = [];
    if (row.fields.length !== columns.length) {
      problems.push({ field: '', message: `${row.fields.length} fields, but the header has ${columns.length}` });
      yield { kind, value: {}, loc, problems };
      continue;
    }
    const value: Record<string, unknown> = {};
    for (let i = 0; i < columns.length; i++) {
      const col = columns[i]!;
      const raw = row.fields[i]!;
      if (raw === '' || col.role === 'ignore') continue;
      if (col.role === 'label') {
        const labels = raw.split(ARRAY_DELIMITER).filter((l) => l && l !== 'Entity');
        value.label = labels.length === 1 ? labels[0] : labels;
        continue;
      }
      if (col.role !== 'property') {
        value[col.name] = raw;
        continue;
      }
      if (col.array) {
        const items = raw.split(ARRAY_DELIMITER).map((part) => convert(part, col.type));
        const bad = items.indexOf(undefined);
        if (bad >= 0) problems.push({ field: `${col.name}[${bad}]`, message: `must be ${article(col.type)}` });
        else value[col.name] = items;
      } else {
        const v = convert(raw, col.type);
        if (v === undefined) problems.push({ field: col.name, message: `"${raw}" must be ${article(col.type)}` });
        else value[col.name] = v;
      }
    }
    yield problems.length > 0 ? { kind, value, loc, problems } : { kind, value, loc };
  }
}

async function* prepend<T>(first: T[], rest: AsyncIterable<T>): AsyncGenerator<T> {
  yield* first;
  yield* rest;
}

function article(type: ScalarType): string {
  return type === 'int' ? 'an integer' : type === 'float' ? 'a number' : type === 'boolean' ? 'true or false' : 'text';
}

export const neo4jCsvFormat: SourceFormat = {
  name: 'neo4j-csv',
  matches(file) {
    if (!/\.(csv|tsv)$/i.test(file)) return false;
    // KGX TSV and other tables have their own readers: this one needs the admin header.
    return /(^|[,\t])[^,\t]*:(ID|START_ID)\b/i.test(firstLine(file));
  },
  holds: (file) => (/(^|[,\t])[^,\t]*:START_ID\b/i.test(firstLine(file)) ? 'relationships' : 'nodes'),
  read: readNeo4jCsv,
};
