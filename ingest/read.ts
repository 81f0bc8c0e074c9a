/**
 * Reads a data folder: every *.yaml / *.yml / *.json file, sorted by name, keeping for
 * each record the line it starts on so that validation can point at it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { Problem } from './errors.js';

export interface Location {
  file: string;
  line: number;
  /** `nodes[3]` or `relationships[12]`. */
  path: string;
  /** Line of each top-level field of the record, for field-level messages. */
  fieldLines: Record<string, number>;
}

export interface RawRecord {
  kind: 'node' | 'relationship';
  value: Record<string, unknown>;
  loc: Location;
  defaults: { source?: string; section?: string };
}

const DATA_FILE = /\.(ya?ml|json)$/i;

export function listDataFiles(dir: string): string[] {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new Error(`data folder not found: ${dir}`);
  }
  return fs
    .readdirSync(dir)
    .filter((f) => DATA_FILE.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

export function readDataFolder(
  dir: string,
  displayRoot = process.cwd(),
): {
  records: RawRecord[];
  problems: Problem[];
  files: string[];
} {
  const records: RawRecord[] = [];
  const problems: Problem[] = [];
  const files = listDataFiles(dir);
  for (const absolute of files) {
    const file = path.relative(displayRoot, absolute) || absolute;
    const lineCounter = new LineCounter();
    const doc = parseDocument(fs.readFileSync(absolute, 'utf8'), { lineCounter, uniqueKeys: true });
    const lineOf = (node: YamlNode | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line : 1);
    if (doc.errors.length > 0) {
      for (const err of doc.errors) {
        problems.push({
          file,
          line: err.linePos?.[0]?.line ?? 1,
          field: '(syntax)',
          message: err.message.split('\n')[0] ?? err.message,
        });
      }
      continue;
    }
    const root = doc.contents;
    if (root === null) continue;
    if (!isMap(root)) {
      problems.push({
        file,
        line: lineOf(root),
        field: '(root)',
        message: 'expected a mapping with `nodes` and/or `relationships`',
      });
      continue;
    }
    const top = doc.toJS() as Record<string, unknown>;
    for (const key of Object.keys(top)) {
      if (!['source', 'section', 'nodes', 'relationships', 'description'].includes(key)) {
        problems.push({
          file,
          line: lineOf(root.get(key, true) as YamlNode),
          field: key,
          message: 'unknown top-level key (expected source, section, description, nodes, relationships)',
        });
      }
    }
    const defaults = {
      source: typeof top.source === 'string' ? top.source : undefined,
      section: typeof top.section === 'string' ? top.section : undefined,
    };
    for (const [listKey, kind] of [
      ['nodes', 'node'],
      ['relationships', 'relationship'],
    ] as const) {
      const seq = root.get(listKey, true);
      if (seq === undefined || seq === null) continue;
      if (!isSeq(seq)) {
        problems.push({ file, line: lineOf(seq as YamlNode), field: listKey, message: 'must be a list' });
        continue;
      }
      seq.items.forEach((item, index) => {
        const loc: Location = { file, line: lineOf(item as YamlNode), path: `${listKey}[${index}]`, fieldLines: {} };
        if (!isMap(item)) {
          problems.push({ file, line: loc.line, field: loc.path, message: 'must be a mapping' });
          return;
        }
        for (const pair of item.items) {
          const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
          loc.fieldLines[key] = lineOf((pair.value ?? pair.key) as YamlNode);
        }
        records.push({ kind, value: item.toJSON() as Record<string, unknown>, loc, defaults });
      });
    }
  }
  return { records, problems, files };
}
