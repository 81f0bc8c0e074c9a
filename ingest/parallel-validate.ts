/**
 * Validation of a large neo4j-admin relationship file on several threads. The file is cut
 * on record boundaries (split-csv.ts); each part is read and normalised by a worker thread
 * (validate-worker.ts), which spools its valid records; this thread runs the checks across
 * records (duplicate keys, endpoints, counts: `Validator.accept`) on what the workers send,
 * in compact columns. Used for files of at least `PARALLEL_MIN_BYTES` without a mapping;
 * the problems a file yields are sorted by line, so they read as a single reader's would.
 */
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RelationshipType } from '../ontology/index.js';
import { SourceReadError } from './source.js';
import { splitDelimited } from './split-csv.js';
import { displayName } from './sources/yaml.js';
import { ROWLESS, type Validator } from './validate.js';
import type { Problem } from './errors.js';
import { type ByteRange, readNeo4jCsv } from './sources/neo4j-csv.js';
import type { WorkerBatch, WorkerInput, WorkerMessage } from './validate-worker.js';

/** Files smaller than this are validated on the main thread (starting workers costs ~0.3 s). */
export const PARALLEL_MIN_BYTES = 24 * 1024 * 1024;

/** Threads for one file: one per core, at least 2, at most 4. */
export function validationThreads(): number {
  return Math.max(2, Math.min(4, os.availableParallelism()));
}

/** The worker's module: the bundled one next to the bundled CLI, else the TypeScript source through tsx. */
function workerModule(): URL {
  const bundled = new URL('./ingest-validate-worker.mjs', import.meta.url);
  if (import.meta.url.endsWith('.mjs') && fs.existsSync(fileURLToPath(bundled))) return bundled;
  return new URL('./validate-worker-dev.mjs', import.meta.url);
}

export interface ParallelResult {
  /** Records read. */
  relationships: number;
  /** The spool parts, in file order. */
  spooled: string[];
}

/**
 * Validates `file` (relationships only) in `threads` parts into `validator`; spools to
 * `spoolFile(k)` unless it is undefined. Throws SourceReadError for a file that does not parse.
 */
export async function validateInParallel(
  file: string,
  validator: Validator,
  options: {
    displayRoot: string;
    threads?: number;
    spoolFile?: (part: number) => string;
    onRecords?: (n: number) => void;
  },
): Promise<ParallelResult> {
  const ranges = await splitDelimited(file, options.threads ?? validationThreads());
  const shown = displayName(file, { displayRoot: options.displayRoot });
  const firstProblem = validator.problems.length;
  const url = workerModule();
  const spooled = ranges.map((_, k) => options.spoolFile?.(k)).filter((f): f is string => f !== undefined);
  let relationships = 0;
  const workers: Worker[] = [];
  const accept = (batch: WorkerBatch) => {
    relationships += batch.read;
    validator.report(...batch.problems);
    const diseases = new Map(batch.contextDisease);
    for (let i = 0; i < batch.key.length; i++) {
      const record = batch.record[i]!;
      validator.accept(
        {
          key: batch.key[i]!,
          type: batch.type[i] as RelationshipType,
          from: batch.from[i]!,
          to: batch.to[i]!,
          props: diseases.has(i) ? { contextDisease: diseases.get(i)! } : {},
        },
        { file: shown, line: batch.line[i]!, record, path: `row ${record}` },
      );
    }
    options.onRecords?.(batch.read);
  };
  try {
    await Promise.all(
      ranges.map(
        (range, k) =>
          new Promise<void>((resolve, reject) => {
            const workerData: WorkerInput = {
              file,
              displayRoot: options.displayRoot,
              range,
              defaults: validator.defaults,
              extensions: validator.extensions,
              spoolFile: options.spoolFile?.(k),
            };
            const worker = new Worker(url, { workerData, resourceLimits: { maxOldGenerationSizeMb: 256 } });
            workers.push(worker);
            let settled = false;
            worker.on('message', (m: WorkerMessage) => {
              if (m.kind === 'batch') {
                accept(m);
                worker.postMessage({ ack: m.seq });
              } else if (m.kind === 'done') {
                validator.citeAll(m.cited);
                settled = true;
                resolve();
              } else if (m.kind === 'read-error') {
                settled = true;
                reject(new SourceReadError(m.problems));
              } else {
                settled = true;
                reject(new Error(`validation thread ${k + 1} of ${ranges.length} failed: ${m.message}`));
              }
            });
            worker.on('error', (err) => {
              if (!settled) reject(err);
              settled = true;
            });
            worker.on('exit', (code) => {
              if (!settled)
                reject(new Error(`validation thread ${k + 1} of ${ranges.length} stopped (exit code ${code})`));
              settled = true;
            });
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  await nameRows(file, shown, ranges, validator.rowless.splice(0), options.displayRoot);
  // Problems arrived in the order the threads sent them: put this file's in line order.
  const mine = validator.problems.splice(firstProblem);
  mine.sort((a, b) => a.line - b.line);
  validator.problems.push(...mine);
  return { relationships, spooled };
}

/**
 * Names the rows of duplicates found out of file order (rare: a key first met in a later
 * part) by reading the parts that hold them once more.
 */
async function nameRows(
  file: string,
  shown: string,
  ranges: ByteRange[],
  problems: Problem[],
  displayRoot: string,
): Promise<void> {
  const byLine = new Map<number, Problem[]>();
  for (const p of problems.filter((q) => q.file === shown)) byLine.set(p.line, [...(byLine.get(p.line) ?? []), p]);
  if (byLine.size === 0) return;
  const last = Math.max(...byLine.keys());
  for (const range of ranges) {
    for await (const raw of readNeo4jCsv(file, { displayRoot }, range)) {
      for (const p of byLine.get(raw.loc.line) ?? []) p.field = p.field.replace(ROWLESS, raw.loc.path);
      if (raw.loc.line >= last) return;
    }
  }
}
