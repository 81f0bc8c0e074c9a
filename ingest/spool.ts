/**
 * The validated records of one load, kept on disk between validation and writing: the
 * write pass reads them back (one JSON array per line) instead of parsing, mapping and
 * validating every source file a second time. Memory stays bounded by a stream buffer; the
 * disk holds about the size of the normalised records (~150 MB for 1M relationships), in a
 * folder of the OS temp directory (named with the load's pid) that the load removes when it
 * ends, failed or not; a killed load's folder is removed by the next load.
 */
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NodeLabel, RelationshipType } from '../ontology/index.js';
import type { NodeRecord, PropertyValue, RelationshipRecord } from './dataset.js';
import { isAlive } from '../db/pid.js';
import { relationshipKey } from './validate.js';

export type SpooledRecord = { kind: 'node'; record: NodeRecord } | { kind: 'relationship'; record: RelationshipRecord };

type Props = Record<string, PropertyValue>;
type NodeLine = ['n', string, NodeLabel, 0 | 1, Props];
/** The key is 0 when it is the default one (`relationshipKey(from, type, to)`). */
type RelationshipLine = ['r', string, string, RelationshipType, string | 0, Props];

/** Lines are gathered into chunks of about this many characters before a write. */
const CHUNK = 1 << 16;

export const SPOOL_PREFIX = 'atlas-ingest-spool-';

/** One spool file's writer; lines are written in chunks, and `add` waits while the stream's buffer is full. */
export class SpoolWriter {
  private readonly out: fs.WriteStream;
  private failed: Error | null = null;
  private chunk = '';

  constructor(readonly file: string) {
    this.out = fs.createWriteStream(file, { highWaterMark: 1 << 20 });
    this.out.on('error', (err) => {
      this.failed = err;
    });
  }

  async add(item: SpooledRecord): Promise<void> {
    if (this.failed) throw this.failed;
    // A relationship's key is written only when it is not the one its ends and type make.
    const line: NodeLine | RelationshipLine =
      item.kind === 'node'
        ? ['n', item.record.id, item.record.label, item.record.resistance ? 1 : 0, item.record.props]
        : [
            'r',
            item.record.from,
            item.record.to,
            item.record.type,
            item.record.key === relationshipKey(item.record.from, item.record.type, item.record.to)
              ? 0
              : item.record.key,
            item.record.props,
          ];
    this.chunk += `${JSON.stringify(line)}\n`;
    if (this.chunk.length >= CHUNK) await this.flush();
  }

  private async flush(): Promise<void> {
    const text = this.chunk;
    this.chunk = '';
    // events.once rejects on 'error' and removes both listeners either way.
    if (text && !this.out.write(text)) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    return new Promise((resolve, reject) => {
      if (this.failed) return reject(this.failed);
      this.out.end((err?: Error | null) => (err ? reject(err) : resolve()));
    });
  }
}

/** Records back from a spool file, in the order they were added. */
export async function* readSpool(file: string): AsyncGenerator<SpooledRecord> {
  const input = fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  let rest = '';
  try {
    for await (const chunk of input as AsyncIterable<string>) {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) if (line) yield fromLine(line);
    }
    if (rest) yield fromLine(rest);
  } finally {
    input.destroy();
  }
}

function fromLine(text: string): SpooledRecord {
  const line = JSON.parse(text) as NodeLine | RelationshipLine;
  if (line[0] === 'n') {
    return { kind: 'node', record: { id: line[1], label: line[2], resistance: line[3] === 1, props: line[4] } };
  }
  const key = line[4] === 0 ? relationshipKey(line[1], line[3], line[2]) : line[4];
  return { kind: 'relationship', record: { from: line[1], to: line[2], type: line[3], key, props: line[5] } };
}

/** A folder of spool files, one per source file. */
export class Spool {
  private constructor(readonly dir: string) {}

  /** A new spool; first removes the spools of loads whose process is gone (killed mid-load). */
  static create(root = os.tmpdir()): Spool {
    for (const name of fs.readdirSync(root)) {
      const pid = Number(/^atlas-ingest-spool-(\d+)-/.exec(name)?.[1]);
      if (pid && pid !== process.pid && !isAlive(pid))
        fs.rmSync(path.join(root, name), { recursive: true, force: true });
    }
    return new Spool(fs.mkdtempSync(path.join(root, `${SPOOL_PREFIX}${process.pid}-`)));
  }

  /** A spool file's path: `name` is the source file's ordinal, and the part's when validated in parallel. */
  file(name: number | string): string {
    return path.join(this.dir, `${name}.jsonl`);
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
