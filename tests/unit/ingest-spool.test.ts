/**
 * The spool between validation and writing (ingest/spool.ts): what the write pass reads
 * back is exactly what validation produced, in order, and the folder goes when asked.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NodeRecord, RelationshipRecord } from '../../ingest/dataset.js';
import { readSpool, SPOOL_PREFIX, Spool, type SpooledRecord, SpoolWriter } from '../../ingest/spool.js';

const node: NodeRecord = {
  id: 'drug:fx-alpha',
  label: 'Drug',
  resistance: false,
  props: {
    name: 'Fixturumab',
    description: 'Two lines,\nwith "quotes", a comma and ünïcode — and a \\ backslash.',
    synonyms: ['FXM-1', 'fixturumab alfa'],
    refs: [45, 49],
    score: 0.75,
    oral: false,
  },
};
const resistant: NodeRecord = { id: 'mech:fx-escape', label: 'Mechanism', resistance: true, props: { name: 'Escape' } };
const rel: RelationshipRecord = {
  key: 'drug:fx-alpha|TARGETS|target:pd-1',
  type: 'TARGETS',
  from: 'drug:fx-alpha',
  to: 'target:pd-1',
  props: { refs: [45], evidence: 'A made-up claim.', flags: [true, false] },
};

async function all(file: string): Promise<SpooledRecord[]> {
  const out: SpooledRecord[] = [];
  for await (const item of readSpool(file)) out.push(item);
  return out;
}

describe('record spool', () => {
  it('gives back the records as validated, in order, across stream buffers', async () => {
    const spool = Spool.create();
    try {
      const writer = new SpoolWriter(spool.file(0));
      const many = 20_000; // several MB: more than one write buffer and one read chunk
      const expected: SpooledRecord[] = [];
      for (let i = 0; i < many; i++) {
        const item: SpooledRecord =
          i % 3 === 0
            ? { kind: 'node', record: { ...node, id: `drug:fx-${i}` } }
            : i % 3 === 1
              ? { kind: 'node', record: resistant }
              : { kind: 'relationship', record: { ...rel, key: `${rel.key}|${i}` } };
        expected.push(item);
        await writer.add(item);
      }
      await writer.close();
      expect(fs.statSync(spool.file(0)).size).toBeGreaterThan(2 << 20);
      expect(await all(spool.file(0))).toEqual(expected);
    } finally {
      spool.remove();
    }
    expect(fs.existsSync(spool.dir)).toBe(false);
  });

  it('reads an empty spool as no records', async () => {
    const spool = Spool.create();
    try {
      const writer = new SpoolWriter(spool.file(1));
      await writer.close();
      expect(await all(spool.file(1))).toEqual([]);
    } finally {
      spool.remove();
    }
  });

  it('removes the spool a killed load left behind, and keeps a running one', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-spool-root-'));
    try {
      const gone = spawnSync(process.execPath, ['-e', 'process.pid']).pid!; // has exited
      const left = path.join(root, `${SPOOL_PREFIX}${gone}-abc`);
      const running = path.join(root, `${SPOOL_PREFIX}${process.pid}-def`);
      for (const d of [left, running]) fs.mkdirSync(d);
      const spool = Spool.create(root);
      expect(fs.existsSync(left)).toBe(false);
      expect(fs.existsSync(running)).toBe(true);
      expect(path.dirname(spool.dir)).toBe(root);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
