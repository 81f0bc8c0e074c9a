/**
 * The formats the builder reads, and which one reads a given file. Readers implement
 * `SourceFormat` (ingest/source.ts); to add one, append it to FORMATS (earlier entries win,
 * so put name-specific formats such as KGX's `*_nodes.tsv` before generic ones).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SourceFormat } from './source.js';
import { neo4jCsvFormat } from './sources/neo4j-csv.js';
import { isManifestFile, yamlFormat } from './sources/yaml.js';

export const FORMATS: SourceFormat[] = [yamlFormat, neo4jCsvFormat];

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

/**
 * Every file of `dir` some format reads, sorted by name. Files no format reads (README,
 * the manifest, a mapping file named in `exclude`) are listed in `ignored`.
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
  for (const name of fs.readdirSync(dir).sort()) {
    const absolute = path.join(dir, name);
    const stat = fs.statSync(absolute);
    if (!stat.isFile()) continue;
    if (isManifestFile(absolute) || exclude.has(absolute)) continue;
    const format = formatFor(absolute, options.formats);
    if (format) files.push({ path: absolute, format, bytes: stat.size });
    else ignored.push(absolute);
  }
  return { files, ignored };
}
