/**
 * Everything a mapped folder needs before the pipeline reads it: the mapping (checked),
 * the declared extensions merged with those already in the graph (clashes refused), the
 * resolver index of existing entities (other datasets' nodes only, so a reload never
 * matches itself), and the per-record transform that maps and resolves. The transform
 * may see each record more than once (the pipeline validates, then loads): a second
 * read repeats the first read's decision and counts nothing.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Driver } from 'neo4j-driver';
import type { OntologyExtensions } from '../../ontology/index.js';
import { DataValidationError } from '../errors.js';
import { indexFromGraph } from '../normalise/from-graph.js';
import { formatResolution, Normaliser, ReadTracker, type ResolutionReport } from '../normalise/normaliser.js';
import { ResolverIndex } from '../normalise/resolver-index.js';
import type { SourceRecord } from '../source.js';
import { type MapStats, SourceMapper } from './apply.js';
import { extensionConflicts, mergeExtensions, readExtensions } from './extensions-store.js';
import { type LoadedMapping, type MappingDefaults, readMapping } from './read-mapping.js';

export interface ImportSummary {
  mapping: string;
  mapped: MapStats;
  resolution: ResolutionReport;
  /** False when no database was reachable: nothing could be matched. */
  resolvedAgainstGraph: boolean;
}

export interface PreparedImport {
  loaded: LoadedMapping;
  /** The mapping's declarations plus those already in the graph. */
  extensions: OntologyExtensions;
  /** The mapping's own declarations (what a load stores). */
  declared: OntologyExtensions;
  transform: (record: SourceRecord) => SourceRecord | null;
  /** The mapping file's checksum: a changed mapping means a changed load. */
  transformsId: string;
  summary: () => ImportSummary;
}

export async function prepareImport(
  mappingFile: string,
  options: {
    driver?: Driver;
    database: string;
    defaults?: MappingDefaults;
    displayRoot?: string;
    index?: ResolverIndex;
    listLimit?: number;
  },
): Promise<PreparedImport> {
  const loaded = readMapping(mappingFile, options.displayRoot, options.defaults);
  const declared = loaded.extensions;
  let extensions = declared;
  const { driver, database } = options;
  if (driver) {
    const stored = await readExtensions(driver, database);
    const conflicts = extensionConflicts(declared, stored);
    if (conflicts.length > 0) {
      throw new DataValidationError(
        conflicts.map((message) => ({ file: loaded.file, line: 1, field: 'extensions', message })),
      );
    }
    extensions = mergeExtensions(declared, stored);
  }
  const index =
    options.index ??
    (driver ? await indexFromGraph(driver, database, { exceptDataset: loaded.mapping.dataset }) : new ResolverIndex());
  const mapper = new SourceMapper({ ...loaded, extensions });
  const normaliser = new Normaliser(index, { listLimit: options.listLimit });
  const tracker = new ReadTracker();
  const transform = (record: SourceRecord): SourceRecord | null => {
    const reread = tracker.reread(record.loc);
    const mapped = mapper.map(record, { count: !reread });
    if (!mapped) return null;
    return normaliser.resolve(mapped, reread) ?? null;
  };
  const transformsId = createHash('sha256').update(fs.readFileSync(mappingFile)).digest('hex').slice(0, 16);
  return {
    loaded,
    extensions,
    declared,
    transform,
    transformsId,
    summary: () => ({
      mapping: loaded.file,
      mapped: mapper.stats,
      resolution: normaliser.report,
      resolvedAgainstGraph: driver !== undefined || options.index !== undefined,
    }),
  };
}

/** The summary as lines for the terminal. */
export function formatImportSummary(s: ImportSummary): string[] {
  const skipped = Object.entries(s.mapped.skippedKinds)
    .map(([k, n]) => `${k} ×${n}`)
    .join(', ');
  return [
    `Mapped by ${s.mapping}: ${s.mapped.nodes} nodes, ${s.mapped.relationships} relationships` +
      (skipped ? `; skipped (unmapped): ${skipped}` : '') +
      '.',
    ...formatResolution(s.resolution),
    ...(s.resolvedAgainstGraph ? [] : ['(no database reachable: nothing could be matched against existing entities)']),
  ];
}
