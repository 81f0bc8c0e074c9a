/**
 * The formats the builder reads, and which one reads a given file. Readers implement
 * `SourceFormat` (ingest/source.ts); to add one, append it to FORMATS (earlier entries win,
 * so put name-specific formats such as KGX's `*_nodes.tsv` before generic ones).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SourceFormat } from './source.js';
import { SOURCE_FORMATS } from './sources/index.js';
import { neo4jCsvFormat } from './sources/neo4j-csv.js';
import { isManifestFile, yamlFormat } from './sources/yaml.js';

// KGX's `*_nodes.tsv` / `*_edges.tsv` before the generic neo4j-admin `.tsv`.
export const FORMATS: SourceFormat[] = [yamlFormat, ...SOURCE_FORMATS, neo4jCsvFormat];

/** KGX-style node files (`*_nodes.tsv`, `*_nodes.jsonl`) are read before the rest, so edges find their nodes. */
export function nodeFilesFirst(a: string, b: string): number {
  const rank = (name: string) => (/(?:^|[_.-])nodes\.[a-z]+$/i.test(name) ? 0 : 1);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

export function formatFor(file: string, formats: readonly SourceFormat[] = FORMATS): SourceFormat | undefined {
  return formats.find((f) => f.matches(file));
}

export interface SourceFile {
  /** Absolute path. */
  path: string;
  format: SourceFormat;
  bytes: number;
}

export class MissingFolderError extends Error {
  override name = 'MissingFolderError';
}

const HOLDS_RANK = { nodes: 0, both: 1, relationships: 2 } as const;

/**
 * Every file of `dir` some format reads: files of nodes first, then files that may hold
 * both (YAML, GraphML…), then files of relationships — by content where the format can
 * tell (a neo4j-admin header with `:START_ID`, KGX `*_edges.*`), so that validation meets
 * every node before the relationships that name it — each group sorted by name (see
 * nodeFilesFirst). Files no format reads (README, the manifest, a mapping file named in
 * `exclude`) are listed in `ignored`.
 */
export function listSourceFiles(
  dir: string,
  options: { formats?: readonly SourceFormat[]; exclude?: readonly string[] } = {},
): { files: SourceFile[]; ignored: string[] } {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new MissingFolderError(`data folder not found: ${dir}`);
  }
  const exclude = new Set((options.exclude ?? []).map((f) => path.resolve(dir, f)));
  const files: SourceFile[] = [];
  const ignored: string[] = [];
  for (const name of fs.readdirSync(dir).sort(nodeFilesFirst)) {
    const absolute = path.join(dir, name);
    const stat = fs.statSync(absolute);
    if (!stat.isFile()) continue;
    if (isManifestFile(absolute) || exclude.has(absolute)) continue;
    const format = formatFor(absolute, options.formats);
    if (format) files.push({ path: absolute, format, bytes: stat.size });
    else ignored.push(absolute);
  }
  const rank = (f: SourceFile) => HOLDS_RANK[f.format.holds?.(f.path) ?? 'both'];
  const ranked = files.map((f) => ({ f, rank: rank(f) }));
  // Array.prototype.sort is stable: the name order within a group stays.
  ranked.sort((a, b) => a.rank - b.rank);
  return { files: ranked.map((r) => r.f), ignored };
}
