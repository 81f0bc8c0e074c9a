/**
 * A worker thread of parallel validation (ingest/parallel-validate.ts): reads one part of a
 * neo4j-admin relationship file, normalises each record on its own (shape, provenance,
 * claim rules: `normaliseRelationship`), writes the valid ones to its spool part, and sends
 * the main thread what the checks across records need, in columns, a batch at a time. It
 * waits for the main thread to take its batches (at most `AHEAD` unacknowledged), so
 * neither side buffers more than a few batches.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { OntologyExtensions } from '../ontology/index.js';
import type { PropertyValue } from './dataset.js';
import type { Problem } from './errors.js';
import { type ByteRange, readNeo4jCsv } from './sources/neo4j-csv.js';
import { SourceReadError } from './source.js';
import { SpoolWriter } from './spool.js';
import { type Defaults, normaliseRelationship } from './validate.js';

export interface WorkerInput {
  file: string;
  displayRoot: string;
  range: ByteRange;
  defaults: Defaults;
  extensions: OntologyExtensions;
  /** Where valid records go for the write pass; none for a dry run. */
  spoolFile?: string;
}

/** Valid relationships in columns, and the problems of the invalid ones. */
export interface WorkerBatch {
  kind: 'batch';
  seq: number;
  key: string[];
  type: string[];
  from: string[];
  to: string[];
  line: number[];
  record: number[];
  /** Index into the columns → the record's contextDisease. */
  contextDisease: Array<[number, PropertyValue]>;
  problems: Problem[];
  /** Records read, valid or not. */
  read: number;
}

export type WorkerMessage =
  | WorkerBatch
  | { kind: 'done'; cited: number[] }
  | { kind: 'read-error'; problems: Problem[] }
  | { kind: 'error'; message: string };

export const BATCH = 4096;
export const AHEAD = 4;

function emptyBatch(seq: number): WorkerBatch {
  return {
    kind: 'batch',
    seq,
    key: [],
    type: [],
    from: [],
    to: [],
    line: [],
    record: [],
    contextDisease: [],
    problems: [],
    read: 0,
  };
}

async function run(input: WorkerInput, port: NonNullable<typeof parentPort>): Promise<void> {
  let acked = 0;
  let wake: (() => void) | null = null;
  port.on('message', (m: { ack: number }) => {
    acked = m.ack;
    wake?.();
  });
  const out = input.spoolFile ? new SpoolWriter(input.spoolFile) : undefined;
  const cited = new Set<number>();
  let seq = 0;
  let batch = emptyBatch(++seq);
  const send = async () => {
    port.postMessage(batch);
    batch = emptyBatch(++seq);
    while (seq - 1 - acked > AHEAD) await new Promise<void>((r) => (wake = r));
    wake = null;
  };
  try {
    for await (const raw of readNeo4jCsv(input.file, { displayRoot: input.displayRoot }, input.range)) {
      batch.read++;
      const refs = raw.value.refs;
      if (Array.isArray(refs)) for (const n of refs) if (Number.isInteger(n) && n > 0) cited.add(n as number);
      if (raw.kind !== 'relationship') {
        throw new Error(`${raw.loc.file}:${raw.loc.line}: a node row in a relationship file`);
      }
      const result = normaliseRelationship(raw, input.defaults, input.extensions);
      if (!result.ok) batch.problems.push(...result.problems);
      else {
        const rel = result.record;
        const i = batch.key.length;
        batch.key.push(rel.key);
        batch.type.push(rel.type);
        batch.from.push(rel.from);
        batch.to.push(rel.to);
        batch.line.push(raw.loc.line);
        batch.record.push(raw.loc.record);
        if (rel.props.contextDisease !== undefined) batch.contextDisease.push([i, rel.props.contextDisease]);
        if (out) await out.add({ kind: 'relationship', record: rel });
      }
      if (batch.read >= BATCH) await send();
    }
    await out?.close();
    if (batch.read > 0) port.postMessage(batch);
    port.postMessage({ kind: 'done', cited: [...cited] } satisfies WorkerMessage);
  } catch (err) {
    await out?.close().catch(() => {});
    port.postMessage(
      err instanceof SourceReadError
        ? ({ kind: 'read-error', problems: err.problems } satisfies WorkerMessage)
        : ({ kind: 'error', message: (err as Error).stack ?? String(err) } satisfies WorkerMessage),
    );
  } finally {
    port.close();
  }
}

if (parentPort) void run(workerData as WorkerInput, parentPort);
