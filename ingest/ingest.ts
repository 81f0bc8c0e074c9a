/**
 * The builder: dataset identity → list source files → validate every record (a streaming
 * first pass keeping only ids, keys and names in memory, and the validated records in a
 * spool on disk) → plan removals → schema → load nodes, then relationships, in batches,
 * read back from the spool → remove what the dataset no longer contains → load record.
 *
 * Modes: a dataset of at most `singleTransactionLimit` rows (the curated review) loads in
 * one transaction — all or nothing. Larger ones load batch by batch, each batch its own
 * transaction, under an `(:AtlasLoad)` record: an interrupted load is finished by running
 * it again (MERGE converges to the graph of one clean run).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { NodeLabel, RelationshipType } from '../ontology/index.js';
import { fileChecksum } from './checksum.js';
import { type Dataset, type NodeRecord, type RelationshipRecord, sortedCounts } from './dataset.js';
import { DataValidationError, type Problem, RemovalRefusedError } from './errors.js';
import { FORMATS, listSourceFiles, type SourceFile } from './formats.js';
import { datasetIdentity, type DatasetIdentity } from './identity.js';
import {
  adoptFormerNames,
  ensureRelationshipIndexes,
  existingLabels,
  type GraphCounts,
  graphCounts,
  nodeStatement,
  type Plan,
  planRemovals,
  relationshipStatement,
  removeNodesStatement,
  removeRelationshipsStatement,
  wipeGraph,
} from './load.js';
import { ingestMetadata, waitForInterruptedLoads } from './interrupted.js';
import { endLoad, LOAD_LABEL, type LoadRecord, loadsOf, startLoad } from './load-record.js';
import { storeExtensions } from './mapping/extensions-store.js';
import { computeRanks } from './ranks.js';
import { PARALLEL_MIN_BYTES, validateInParallel, validationThreads } from './parallel-validate.js';
import { type ImportSummary, prepareImport } from './mapping/prepare.js';
import { applySchemaReturningNames } from './schema.js';
import type { SourceFormat, SourceRecord } from './source.js';
import { SourceReadError } from './source.js';
import { readYamlFile } from './sources/yaml.js';
import { CsvTransport } from './csv-transport.js';
import { Spool, SpoolWriter, readSpool } from './spool.js';
import { Validator } from './validate.js';
import { Writer } from './writer.js';

/** A per-record step between reading and validation (mapping, normalisation); null drops the record. */
export type Transform = (record: SourceRecord) => SourceRecord | null | Promise<SourceRecord | null>;

export type Phase = 'validate' | 'nodes' | 'relationships' | 'converge';
export interface Progress {
  phase: Phase;
  done: number;
  total: number;
  /** What `done` and `total` count. */
  unit: 'records' | 'files' | 'rows';
}

export const DEFAULT_BATCH_SIZE = 10_000;
/** Share of a dataset a load may remove without --allow-removals. */
export const REMOVAL_LIMIT = 0.2;

export interface IngestOptions {
  /** Without a driver only `dryRun` works (validation and counts, no removal plan). */
  driver?: Driver;
  database: string;
  dataDir: string;
  /** Dataset name when the folder has no manifest (else folder name + path hash). */
  dataset?: string;
  /** Delete every Entity and load record first. */
  wipe?: boolean;
  /** Validate and report what would be written and removed; write nothing. */
  dryRun?: boolean;
  /** Allow removing more than 20% of the dataset's items. */
  allowRemovals?: boolean;
  /** Load every file even when its checksum matches the last finished load. */
  force?: boolean;
  batchSize?: number;
  /** Batches written at once in batched mode (default 2). */
  inFlight?: number;
  /** Time limit of each batch's transaction in ms (default 300,000; 0: the server's db.transaction.timeout). */
  batchTimeoutMs?: number;
  /**
   * How batched loads send rows: `auto` (default) serves them to a Neo4j that can reach this
   * machine's 127.0.0.1 as CSV for LOAD CSV, else over Bolt; `bolt` always over Bolt; `csv`
   * fails when Neo4j cannot read them. Single-transaction loads always use Bolt.
   */
  transport?: TransportChoice;
  /**
   * Threads that validate one large neo4j-admin relationship file (default: one per core,
   * 2–4; 1: on this thread only), and the size from which a file is (default 24 MiB).
   */
  validationThreads?: number;
  parallelMinBytes?: number;
  /** Datasets of at most this many rows load in one transaction (default: batchSize). */
  singleTransactionLimit?: number;
  formats?: readonly SourceFormat[];
  transforms?: readonly Transform[];
  /** Identifies the transforms' configuration (e.g. a mapping's checksum) for change detection. */
  transformsId?: string;
  onProgress?: (progress: Progress) => void;
  log?: (message: string) => void;
}

export type IngestMode = 'single' | 'batched' | 'unchanged' | 'dry-run' | 'empty';
export type TransportChoice = 'auto' | 'bolt' | 'csv';

export interface IngestReport {
  dataset: string;
  datasetFrom: DatasetIdentity['from'];
  mode: IngestMode;
  files: string[];
  skippedFiles: string[];
  /** Validated records (derived ones included). */
  records: { nodes: Record<string, number>; relationships: Record<string, number> };
  nodes: number;
  relationships: number;
  written: { nodes: number; relationships: number; linkedNotOwned: number };
  removed: { nodes: number; relationships: number; keptLinked: number };
  /** Planned removals (dry run, or before loading). */
  stale: { nodes: number; relationships: number };
  existing: { nodes: number; relationships: number };
  /** The graph after the load (zero without a database). */
  counts: GraphCounts;
  runId?: string;
  /** Row batches sent over Bolt and as CSV read by LOAD CSV. */
  batchesSent?: { bolt: number; csv: number };
  retriedBatches: number;
  millis: number;
  message: string;
  /** For a mapped source: what the mapping did and how records resolved onto existing entities. */
  imported?: ImportSummary;
}

interface FileSummary {
  file: SourceFile;
  shown: string;
  nodes: number;
  relationships: number;
  /** Its validated records, for the write pass (several parts when validated in parallel). */
  spooled: string[];
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

async function* records(
  file: SourceFile,
  transforms: readonly Transform[],
  displayRoot: string,
): AsyncGenerator<SourceRecord> {
  for await (const raw of file.format.read(file.path, { displayRoot })) {
    let record: SourceRecord | null = raw;
    for (const t of transforms) {
      if (record === null) break;
      const out = t(record);
      record = out instanceof Promise ? await out : out;
    }
    if (record !== null) yield record;
  }
}

/** A large neo4j-admin relationship file without a mapping: validated on worker threads. */
function validatesInParallel(file: SourceFile, transforms: readonly Transform[], options: IngestOptions): boolean {
  if ((options.validationThreads ?? validationThreads()) < 2 || transforms.length > 0) return false;
  if (file.format.name !== 'neo4j-csv' || file.format.holds?.(file.path) !== 'relationships') return false;
  return fs.statSync(file.path).size >= (options.parallelMinBytes ?? PARALLEL_MIN_BYTES);
}

/** Reads and validates a YAML data folder without any database (tests, `npm run validate`). */
export function buildDataset(dataDir: string): Dataset {
  const dir = path.resolve(dataDir);
  const identity = datasetIdentity(dir);
  const { files } = listSourceFiles(dir);
  const validator = new Validator({ defaults: identity.defaults });
  const nodes: NodeRecord[] = [];
  const relationships: RelationshipRecord[] = [];
  const readProblems: Problem[] = [];
  for (const file of files) {
    if (file.format.name !== 'yaml') throw new Error(`buildDataset reads YAML only; use ingest() for ${file.path}`);
    try {
      for (const raw of readYamlFile(file.path)) {
        const r = raw.kind === 'node' ? validator.node(raw) : validator.relationship(raw);
        if (r && raw.kind === 'node') nodes.push(r as NodeRecord);
        else if (r) relationships.push(r as RelationshipRecord);
      }
    } catch (err) {
      if (!(err instanceof SourceReadError)) throw err;
      readProblems.push(...err.problems);
    }
  }
  if (readProblems.length > 0) throw new DataValidationError(readProblems);
  validator.complete();
  if (validator.problemCount > 0) throw new DataValidationError(validator.problems, validator.problemCount);
  const derived = validator.derived();
  return {
    nodes: [...nodes, ...derived.nodes],
    relationships: [...relationships, ...derived.relationships],
    files: files.map((f) => f.path),
  };
}

/** Validates a folder, then (unless dry run) loads it. See the module comment. */
export async function ingest(options: IngestOptions): Promise<IngestReport> {
  // Validated records wait on disk for the write pass (ingest/spool.ts), which then neither
  // parses nor validates again; the spool goes when the load ends, however it ends.
  const spool = options.dryRun || !options.driver ? undefined : Spool.create();
  try {
    return await validateAndLoad(options, spool);
  } finally {
    spool?.remove();
  }
}

async function validateAndLoad(options: IngestOptions, spool: Spool | undefined): Promise<IngestReport> {
  const t0 = Date.now();
  const dir = path.resolve(options.dataDir);
  const displayRoot = process.cwd();
  const log = options.log ?? (() => {});
  const progress = options.onProgress ?? (() => {});
  let lap = Date.now();
  const timing = process.env.ATLAS_INGEST_TIMING
    ? (step: string) => {
        log(`  ${step}: ${Date.now() - lap} ms`);
        lap = Date.now();
      }
    : () => {};
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const { driver, database } = options;
  const identity = datasetIdentity(dir, options.dataset);
  const dataset = identity.name;
  const exclude = identity.manifest?.mapping ? [identity.manifest.mapping] : [];
  // A folder whose manifest names a mapping is an imported source: map and resolve each
  // record onto existing entities (ingest/mapping, ingest/normalise) before validation.
  const mapped = identity.manifest?.mapping
    ? await prepareImport(path.resolve(dir, identity.manifest.mapping), {
        driver: options.wipe ? undefined : driver,
        database,
        defaults: { dataset, version: identity.manifest.version?.toString() },
        displayRoot,
      })
    : undefined;
  const transforms = [...(mapped ? [mapped.transform] : []), ...(options.transforms ?? [])];
  const { files } = listSourceFiles(dir, { formats: options.formats ?? FORMATS, exclude });

  const report: IngestReport = {
    dataset,
    datasetFrom: identity.from,
    mode: 'dry-run',
    files: files.map((f) => path.relative(dir, f.path)),
    skippedFiles: [],
    records: { nodes: {}, relationships: {} },
    nodes: 0,
    relationships: 0,
    written: { nodes: 0, relationships: 0, linkedNotOwned: 0 },
    removed: { nodes: 0, relationships: 0, keptLinked: 0 },
    stale: { nodes: 0, relationships: 0 },
    existing: { nodes: 0, relationships: 0 },
    counts: { labels: {}, relationshipTypes: {}, nodes: 0, relationships: 0 },
    retriedBatches: 0,
    millis: 0,
    message: '',
  };
  const finish = async (mode: IngestMode, message: string) => {
    if (driver && mode !== 'empty') report.counts = await graphCounts(driver, database);
    report.mode = mode;
    report.message = message;
    report.millis = Date.now() - t0;
    return report;
  };
  if (files.length === 0) {
    return finish('empty', `no data files in ${dir}: nothing loaded, nothing removed (dataset "${dataset}")`);
  }

  // What the sources are now, to skip what the last finished load already has.
  const checksums: Record<string, string> = {};
  for (const f of files) checksums[path.relative(dir, f.path)] = await fileChecksum(f.path);
  const configFiles = [path.join(dir, 'atlas-dataset.yaml'), ...exclude.map((f) => path.resolve(dir, f))];
  let config = `${options.transformsId ?? ''}|${mapped?.transformsId ?? ''}|${transforms.length}`;
  for (const f of configFiles) config += `|${await fileChecksum(f).catch(() => '-')}`;
  checksums['(config)'] = config;

  const previousLoads = driver && !options.wipe ? await loadsOf(driver, database, dataset) : [];
  const latest: LoadRecord | undefined = previousLoads[0];
  const lastFinished = previousLoads.find((l) => l.status === 'finished');
  // Files may be skipped only after a finished load, never after an interrupted one.
  const canSkip = !options.force && !options.wipe && latest?.status === 'finished' && lastFinished?.files;
  const unchanged = new Set<string>();
  if (canSkip && lastFinished.files?.['(config)'] === config) {
    for (const [name, sum] of Object.entries(checksums)) if (lastFinished.files?.[name] === sum) unchanged.add(name);
  }
  if (!options.dryRun && driver && unchanged.size === files.length + 1) {
    report.skippedFiles = report.files;
    return finish(
      'unchanged',
      `dataset "${dataset}" is unchanged since its load of ${lastFinished!.finished}: nothing to do`,
    );
  }

  timing('checksums and previous loads');
  // Pass 1: validate everything, keeping only compact indexes.
  const validator = new Validator({ defaults: identity.defaults, extensions: mapped?.extensions });
  const summaries: FileSummary[] = [];
  const readProblems: Problem[] = [];
  let seen = 0;
  for (const [i, file] of files.entries()) {
    const summary: FileSummary = {
      file,
      shown: path.relative(dir, file.path),
      nodes: 0,
      relationships: 0,
      spooled: [],
    };
    summaries.push(summary);
    if (validatesInParallel(file, transforms, options)) {
      try {
        const result = await validateInParallel(file.path, validator, {
          displayRoot,
          threads: options.validationThreads,
          spoolFile: spool ? (part) => spool.file(`${i}-${part}`) : undefined,
          onRecords: (n) => {
            seen += n;
            progress({ phase: 'validate', done: seen, total: seen, unit: 'records' });
          },
        });
        summary.relationships = result.relationships;
        summary.spooled = result.spooled;
      } catch (err) {
        if (!(err instanceof SourceReadError)) throw err;
        readProblems.push(...err.problems);
      }
      progress({ phase: 'validate', done: i + 1, total: files.length, unit: 'files' });
      continue;
    }
    const out = spool ? new SpoolWriter(spool.file(i)) : undefined;
    if (out) summary.spooled = [out.file];
    try {
      for await (const raw of records(file, transforms, displayRoot)) {
        if (raw.kind === 'node') {
          summary.nodes++;
          const record = validator.node(raw);
          if (record && out) await out.add({ kind: 'node', record });
        } else {
          summary.relationships++;
          const record = validator.relationship(raw);
          if (record && out) await out.add({ kind: 'relationship', record });
        }
        if (++seen % 10_000 === 0) progress({ phase: 'validate', done: seen, total: seen, unit: 'records' });
      }
    } catch (err) {
      if (!(err instanceof SourceReadError)) throw err;
      readProblems.push(...err.problems);
    } finally {
      await out?.close();
    }
    progress({ phase: 'validate', done: i + 1, total: files.length, unit: 'files' });
  }
  // A file that does not parse makes references into it look dangling: report it alone.
  if (readProblems.length > 0) throw new DataValidationError(readProblems);
  await validator.finish(driver && !options.wipe ? (ids) => existingLabels(driver, database, ids) : undefined);
  if (validator.problemCount > 0) throw new DataValidationError(validator.problems, validator.problemCount);
  report.imported = mapped?.summary();
  report.records = {
    nodes: sortedCounts(validator.nodeCounts),
    relationships: sortedCounts(validator.relationshipCounts),
  };
  report.nodes = sum(validator.nodeCounts);
  report.relationships = sum(validator.relationshipCounts);
  if (report.nodes + report.relationships === 0) {
    return finish(
      'empty',
      `the files in ${dir} hold no records: nothing loaded, nothing removed (dataset "${dataset}")`,
    );
  }

  timing('validate');
  // Plan: what the dataset has in the graph that the data no longer contains.
  const previousTypes = previousLoads.flatMap((l) =>
    Object.keys((l.counts?.relationships as Record<string, number> | undefined) ?? {}),
  );
  const currentTypes = Object.keys(validator.relationshipCounts);
  let plan: Plan | undefined;
  if (driver && !options.wipe && !options.dryRun && identity.manifest?.formerly) {
    const adopted = await adoptFormerNames(driver, database, dataset, identity.manifest.formerly);
    if (adopted > 0) log(`adopted ${adopted} items written under ${identity.manifest.formerly.join(', ')}`);
  }
  if (driver && !options.wipe) {
    plan = await planRemovals(driver, database, dataset, validator.ids, validator.keys, [
      ...currentTypes,
      ...previousTypes,
    ]);
    report.existing = plan.existing;
    report.stale = { nodes: plan.staleNodes.length, relationships: plan.staleRelationshipCount };
  }
  const existing = report.existing.nodes + report.existing.relationships;
  const stale = report.stale.nodes + report.stale.relationships;
  const refuse = existing > 0 && stale / existing > REMOVAL_LIMIT && !options.allowRemovals;
  if (options.dryRun || !driver) {
    return finish(
      'dry-run',
      `dry run of dataset "${dataset}": would write ${report.nodes} nodes and ${report.relationships} relationships` +
        (driver
          ? `, remove ${report.stale.nodes} nodes and ${report.stale.relationships} relationships it no longer contains` +
            (refuse ? ` (more than ${REMOVAL_LIMIT * 100}%: needs --allow-removals)` : '')
          : ' (no database: removals not planned)'),
    );
  }
  if (refuse) {
    throw new RemovalRefusedError(
      `loading ${dir} would remove ${report.stale.nodes} nodes and ${report.stale.relationships} relationships ` +
        `of dataset "${dataset}" (${Math.round((100 * stale) / existing)}% of its ${existing} items), more than ` +
        `${REMOVAL_LIMIT * 100}%. Nothing was written. Check that this is the right folder; rerun with --allow-removals to remove them.`,
    );
  }

  timing('plan');
  // Write.
  const { names } = await applySchemaReturningNames(driver, database);
  await ensureRelationshipIndexes(
    driver,
    database,
    new Set([...currentTypes, ...(plan?.staleRelationships.keys() ?? [])]),
    names,
  );
  timing('schema');
  const skip = new Set(report.files.filter((f) => unchanged.has(f)));
  report.skippedFiles = [...skip];
  const toLoad = summaries.filter((s) => !skip.has(s.shown));
  const derived = validator.derived();
  const rows =
    toLoad.reduce((n, s) => n + s.nodes + s.relationships, 0) +
    derived.nodes.length +
    derived.relationships.length +
    stale;
  const single = rows <= (options.singleTransactionLimit ?? batchSize);
  await waitForInterruptedLoads(driver, database, dataset, { log });
  if (options.wipe && !single) await wipeGraph(driver, database, batchSize);
  // Relationships may be created without a lookup only when the dataset has none yet.
  const fresh = options.wipe || report.existing.relationships === 0;
  if (mapped) await storeExtensions(driver, database, dataset, mapped.declared);
  // Batched loads hand their rows to a local Neo4j as CSV (ingest/csv-transport.ts).
  const csv = single ? undefined : await openCsvTransport(driver, database, options.transport ?? 'auto', log);
  const record = await startLoad(driver, database, dataset, checksums).catch(async (err: unknown) => {
    await csv?.close();
    throw err;
  });
  report.runId = record.runId;
  const sent = { bolt: 0, csv: 0 };
  const rowTransport = (rows: unknown[][]) => {
    const batch = csv?.rows(rows);
    sent[batch ? 'csv' : 'bolt']++;
    return batch;
  };
  log(
    `dataset "${dataset}" (${identity.from}), run ${record.runId}: ` +
      (single ? 'one transaction' : `batches of ${batchSize}${csv ? ', rows read by LOAD CSV from this process' : ''}`),
  );
  const writer = new Writer(driver, database, {
    single,
    batchSize,
    inFlight: single ? 1 : (options.inFlight ?? 2),
    metadata: ingestMetadata(dataset, record.runId),
    onRetry: log,
    batchTimeoutMs: options.batchTimeoutMs,
    onSlowBatch: log,
  });
  try {
    if (options.wipe && single) {
      await writer.write({ query: 'MATCH (n:Entity) DETACH DELETE n', params: {} });
      await writer.write({
        query: `MATCH (l:${LOAD_LABEL}) WHERE l.runId <> $runId DELETE l`,
        params: { runId: record.runId },
      });
    }
    // Nodes, grouped by labels, in batches.
    const nodeTotal = toLoad.reduce((n, s) => n + s.nodes, 0) + derived.nodes.length;
    let nodesDone = 0;
    const nodeGroups = new Map<string, NodeRecord[]>();
    const flushNodes = async (groupKey: string, group: NodeRecord[]) => {
      nodeGroups.delete(groupKey);
      const n = group.length;
      const first = group[0]!;
      await writer.write(
        nodeStatement(
          first.label,
          first.resistance,
          group,
          dataset,
          (written) => {
            report.written.nodes += written;
            report.written.linkedNotOwned += n - written;
            nodesDone += n;
            progress({ phase: 'nodes', done: nodesDone, total: nodeTotal, unit: 'rows' });
          },
          rowTransport,
        ),
      );
    };
    const addNode = async (node: NodeRecord) => {
      const k = `${node.label}${node.resistance ? '+' : ''}`;
      const group = nodeGroups.get(k) ?? [];
      if (group.length === 0) nodeGroups.set(k, group);
      group.push(node);
      if (group.length >= batchSize) await flushNodes(k, group);
    };
    for (const s of toLoad.filter((x) => x.nodes > 0)) {
      for (const part of s.spooled)
        for await (const item of readSpool(part)) if (item.kind === 'node') await addNode(item.record);
    }
    for (const node of derived.nodes) await addNode(node);
    for (const [k, group] of [...nodeGroups]) await flushNodes(k, group);
    await writer.drain();

    timing('nodes');
    // Relationships, grouped by type, in batches.
    const relTotal = toLoad.reduce((n, s) => n + s.relationships, 0) + derived.relationships.length;
    let relsDone = 0;
    const relGroups = new Map<RelationshipType, RelationshipRecord[]>();
    const flushRels = async (type: RelationshipType, group: RelationshipRecord[]) => {
      relGroups.delete(type);
      const n = group.length;
      await writer.write(
        relationshipStatement(
          type,
          group,
          dataset,
          fresh,
          (written) => {
            report.written.relationships += written;
            relsDone += n;
            progress({ phase: 'relationships', done: relsDone, total: relTotal, unit: 'rows' });
          },
          rowTransport,
        ),
      );
      // MERGE locks both ends of every relationship it creates until commit: two MERGE
      // batches through the same hubs wait on each other, and under load the second ran
      // into the transaction time limit. A resumed or re-run load writes them one at a time.
      if (!fresh) await writer.drain();
    };
    const addRel = async (rel: RelationshipRecord) => {
      const group = relGroups.get(rel.type) ?? [];
      if (group.length === 0) relGroups.set(rel.type, group);
      group.push(rel);
      if (group.length >= batchSize) await flushRels(rel.type, group);
    };
    for (const s of toLoad.filter((x) => x.relationships > 0)) {
      for (const part of s.spooled)
        for await (const item of readSpool(part)) if (item.kind === 'relationship') await addRel(item.record);
    }
    for (const rel of derived.relationships) await addRel(rel);
    for (const [type, group] of [...relGroups]) await flushRels(type, group);
    await writer.drain();

    timing(`relationships (${writer.retried} batches retried)`);
    // Converge: remove what the dataset no longer contains (relationships first).
    if (plan && stale > 0) {
      let done = 0;
      const step = (n: number) => {
        done += n;
        progress({ phase: 'converge', done, total: stale, unit: 'rows' });
      };
      for (const [type, keys] of plan.staleRelationships) {
        for (let i = 0; i < keys.length; i += batchSize) {
          const slice = keys.slice(i, i + batchSize);
          await writer.write(
            removeRelationshipsStatement(type, slice, dataset, (removed) => {
              report.removed.relationships += removed;
              step(slice.length);
            }),
          );
        }
      }
      await writer.drain();
      for (let i = 0; i < plan.staleNodes.length; i += batchSize) {
        const slice = plan.staleNodes.slice(i, i + batchSize);
        await writer.write(
          removeNodesStatement(slice, dataset, (removed) => {
            report.removed.nodes += removed;
            report.removed.keptLinked += slice.length - removed;
            step(slice.length);
          }),
        );
      }
    }
    await writer.commit();
  } catch (err) {
    await writer.abort();
    await csv?.close();
    await endLoad(driver, database, record, {
      status: 'failed',
      error: err instanceof Error ? err.message : String(err),
    }).catch(() => {});
    throw err;
  }
  await csv?.close();
  timing('converge and commit');
  report.retriedBatches = writer.retried;
  report.batchesSent = sent;
  const counts = {
    nodes: report.records.nodes,
    relationships: report.records.relationships,
    written: report.written,
    removed: report.removed,
    skippedFiles: report.skippedFiles.length,
  };
  // Ranks (n.degree) are derived from the whole graph: recomputed after every load that wrote.
  await computeRanks(driver, database);
  timing('ranks');
  await endLoad(driver, database, record, { status: 'finished', counts });
  timing('load record');
  return finish(
    single ? 'single' : 'batched',
    `loaded dataset "${dataset}": wrote ${report.written.nodes} nodes and ${report.written.relationships} relationships` +
      (report.written.linkedNotOwned
        ? ` (${report.written.linkedNotOwned} nodes belong to other datasets: linked, not overwritten)`
        : '') +
      `, removed ${report.removed.nodes} nodes and ${report.removed.relationships} relationships` +
      (report.removed.keptLinked ? ` (kept ${report.removed.keptLinked} nodes other datasets link to)` : '') +
      (skip.size ? `; ${skip.size} unchanged files skipped` : ''),
  );
}

/** The CSV transport, or undefined for Bolt (`bolt`; `auto` when Neo4j cannot read from here). */
async function openCsvTransport(
  driver: Driver,
  database: string,
  choice: TransportChoice,
  log: (message: string) => void,
): Promise<CsvTransport | undefined> {
  if (choice === 'bolt') return undefined;
  const opened = await CsvTransport.open(driver, database);
  if (typeof opened !== 'string') return opened;
  if (choice === 'csv') throw new Error(`--transport csv: ${opened}; use --transport bolt or auto`);
  log(`rows go over Bolt: ${opened}`);
  return undefined;
}

export async function isEmpty(driver: Driver, database: string): Promise<boolean> {
  const result = await driver.executeQuery('MATCH (n) RETURN count(n) > 0 AS any', {}, { database });
  return !result.records[0]?.get('any');
}

export type { NodeLabel };
