/**
 * One imported source as a stream of atlas-shaped records: the mapping's files (or every
 * file in its folder that a format reads), node files before edge files, each read by
 * its format, mapped (apply.ts) and resolved onto existing entities (ingest/normalise).
 * Nothing is written here; the pipeline validates and loads what this yields, and the
 * mapper's and normaliser's reports say what happened.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DataValidationError } from '../errors.js';
import { Normaliser, type NormaliserOptions } from '../normalise/normaliser.js';
import type { ResolverIndex } from '../normalise/resolver-index.js';
import { SOURCE_FORMATS } from '../sources/index.js';
import type { ReadOptions, SourceFormat, SourceRecord } from '../source.js';
import { SourceMapper } from './apply.js';
import type { LoadedMapping } from './read-mapping.js';

export interface SourceFile {
  file: string;
  format: SourceFormat;
}

/** Node files first (KGX `*_nodes.*`), then the rest, each group by name. */
function nodeFilesFirst(a: string, b: string): number {
  const rank = (f: string) => (/(?:^|[_.-])nodes\.[a-z]+$/i.test(path.basename(f)) ? 0 : 1);
  return rank(a) - rank(b) || a.localeCompare(b);
}

export function sourceFiles(loaded: LoadedMapping, formats: readonly SourceFormat[] = SOURCE_FORMATS): SourceFile[] {
  const { mapping, dir, file: mappingFile } = loaded;
  const pick = (file: string): SourceFormat | undefined =>
    formats.find((f) => (mapping.format ? f.name === mapping.format : true) && f.matches(file));
  let files: string[];
  if (mapping.files) {
    files = mapping.files.map((f) => path.resolve(dir, f));
    const problems = files.flatMap((f, i) => {
      if (!fs.existsSync(f))
        return [{ file: mappingFile, line: 1, field: `files[${i}]`, message: `no such file: ${f}` }];
      if (!pick(f)) {
        return [
          {
            file: mappingFile,
            line: 1,
            field: `files[${i}]`,
            message: `no reader for ${path.basename(f)} (${formats.map((x) => x.name).join(', ')}${mapping.format ? `; format: ${mapping.format}` : ''})`,
          },
        ];
      }
      return [];
    });
    if (problems.length > 0) throw new DataValidationError(problems);
  } else {
    files = fs
      .readdirSync(dir)
      .map((f) => path.join(dir, f))
      .filter((f) => fs.statSync(f).isFile() && pick(f) !== undefined);
    if (files.length === 0) {
      throw new DataValidationError([
        { file: mappingFile, line: 1, field: 'files', message: `no source files next to the mapping in ${dir}` },
      ]);
    }
  }
  return files.sort(nodeFilesFirst).map((file) => ({ file, format: pick(file)! }));
}

export interface ImportedSource {
  files: SourceFile[];
  mapper: SourceMapper;
  normaliser: Normaliser;
  /** Mapped, resolved records, nodes before relationships; errors thrown as DataValidationError. */
  records: AsyncIterable<SourceRecord>;
}

export function importSource(
  loaded: LoadedMapping,
  index: ResolverIndex,
  options: ReadOptions & NormaliserOptions & { formats?: readonly SourceFormat[] } = {},
): ImportedSource {
  const files = sourceFiles(loaded, options.formats);
  const mapper = new SourceMapper(loaded);
  const normaliser = new Normaliser(index, options);
  async function* records(): AsyncGenerator<SourceRecord> {
    const nodes: SourceFile[] = [];
    const rest: SourceFile[] = [];
    for (const f of files) (/(?:^|[_.-])edges\.[a-z]+$/i.test(path.basename(f.file)) ? rest : nodes).push(f);
    // XML files hold nodes and edges; KGX keeps them apart. Either way a file's nodes
    // come before its edges, and node files before edge files.
    for (const { file, format } of [...nodes, ...rest]) {
      for await (const raw of format.read(file, options)) {
        const mapped = mapper.map(raw);
        if (!mapped) continue;
        const resolved = normaliser.resolve(mapped);
        if (resolved) yield resolved;
      }
    }
  }
  return { files, mapper, normaliser, records: records() };
}
