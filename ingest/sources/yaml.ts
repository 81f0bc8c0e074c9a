/**
 * The YAML (and JSON) data format of `data/`: a mapping with optional `source`, `section`
 * and `description` defaults and two lists, `nodes` and `relationships`. Each document is
 * parsed once; each record is converted to plain JS once, keeping the line of every field.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import {
  type ReadOptions,
  type SourceFormat,
  type SourceLocation,
  type SourceRecord,
  SourceReadError,
} from '../source.js';

const TOP_LEVEL_KEYS = ['source', 'section', 'nodes', 'relationships', 'description'];

export function displayName(file: string, options?: ReadOptions): string {
  const root = options?.displayRoot ?? process.cwd();
  const relative = path.relative(root, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/** The records of one YAML file, synchronously (the validate-only path and tests use it). */
export function* readYamlFile(absolute: string, options?: ReadOptions): Generator<SourceRecord> {
  const file = displayName(absolute, options);
  const lineCounter = new LineCounter();
  const doc = parseDocument(fs.readFileSync(absolute, 'utf8'), { lineCounter, uniqueKeys: true });
  const lineOf = (node: YamlNode | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line : 1);
  if (doc.errors.length > 0) {
    throw new SourceReadError(
      doc.errors.map((err) => ({
        file,
        line: err.linePos?.[0]?.line ?? 1,
        field: '(syntax)',
        message: err.message.split('\n')[0] ?? err.message,
      })),
    );
  }
  const root = doc.contents;
  if (root === null) return;
  if (!isMap(root)) {
    throw new SourceReadError([
      { file, line: lineOf(root), field: '(root)', message: 'expected a mapping with `nodes` and/or `relationships`' },
    ]);
  }
  const defaults: { source?: string; section?: string } = {};
  const unknown = [];
  for (const pair of root.items) {
    const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
    const value = (pair.value as { value?: unknown } | null)?.value;
    if (!TOP_LEVEL_KEYS.includes(key)) {
      unknown.push({
        file,
        line: lineOf(pair.key as YamlNode),
        field: key,
        message: `unknown top-level key (expected ${TOP_LEVEL_KEYS.join(', ')})`,
      });
    } else if ((key === 'source' || key === 'section') && typeof value === 'string') {
      defaults[key] = value;
    }
  }
  if (unknown.length > 0) throw new SourceReadError(unknown);

  let ordinal = 0;
  for (const [listKey, kind] of [
    ['nodes', 'node'],
    ['relationships', 'relationship'],
  ] as const) {
    const seq = root.get(listKey, true);
    if (seq === undefined || seq === null) continue;
    if (!isSeq(seq)) {
      throw new SourceReadError([{ file, line: lineOf(seq as YamlNode), field: listKey, message: 'must be a list' }]);
    }
    let index = 0;
    for (const item of seq.items) {
      const loc: SourceLocation = {
        file,
        line: lineOf(item as YamlNode),
        record: ++ordinal,
        path: `${listKey}[${index++}]`,
        fieldLines: {},
      };
      if (!isMap(item)) {
        yield { kind, value: {}, loc, defaults, problems: [{ field: '', message: 'must be a mapping' }] };
        continue;
      }
      for (const pair of item.items) {
        const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
        loc.fieldLines![key] = lineOf((pair.value ?? pair.key) as YamlNode);
      }
      yield { kind, value: item.toJSON() as Record<string, unknown>, loc, defaults };
    }
  }
}

export const yamlFormat: SourceFormat & { readSync: typeof readYamlFile } = {
  name: 'yaml',
  matches: (file) => /\.(ya?ml|json)$/i.test(file) && !isManifestFile(file),
  async *read(file, options) {
    yield* readYamlFile(file, options);
  },
  readSync: readYamlFile,
};

/** The dataset manifest is not data. */
export const MANIFEST_FILE = 'atlas-dataset.yaml';
export function isManifestFile(file: string): boolean {
  return path.basename(file) === MANIFEST_FILE;
}
