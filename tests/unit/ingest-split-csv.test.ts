/**
 * Cutting a neo4j-admin file into parts for parallel validation: the parts' records, read
 * one after the other, are exactly the whole file's, with the same lines and row numbers,
 * also across quoted newlines, CRLF line ends and empty lines.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitDelimited } from '../../ingest/split-csv.js';
import { readNeo4jCsv } from '../../ingest/sources/neo4j-csv.js';
import type { SourceRecord } from '../../ingest/source.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-split-'));

async function all(iterable: AsyncIterable<SourceRecord>): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const r of iterable) out.push(r);
  return out;
}

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

function rows(n: number, eol: string): string {
  const lines = [':START_ID,:END_ID,:TYPE,evidence,refs:int[]'];
  for (let i = 0; i < n; i++) {
    // Every 7th evidence holds a quoted newline and a quote; every 11th row is followed by an empty line.
    const evidence = i % 7 === 0 ? `"line one${eol}line ""two"" of ${i}"` : `plain ${i}`;
    lines.push(`target:t-${i},target:t-${i + 1},BINDS,${evidence},${(i % 5) + 1}`);
    if (i % 11 === 0) lines.push('');
  }
  return lines.join(eol) + eol;
}

describe('splitting a delimited file', () => {
  for (const [eol, name] of [
    ['\n', 'LF'],
    ['\r\n', 'CRLF'],
  ] as const) {
    it(`gives parts that read as the whole file (${name})`, async () => {
      const file = write(`rels-${name}.csv`, rows(500, eol));
      const whole = await all(readNeo4jCsv(file));
      expect(whole).toHaveLength(500);
      for (const parts of [2, 3, 7]) {
        const ranges = await splitDelimited(file, parts);
        expect(ranges).toHaveLength(parts);
        expect(ranges[0]!.start).toBe(0);
        expect(ranges.at(-1)!.end).toBe(fs.statSync(file).size);
        for (let k = 1; k < ranges.length; k++) expect(ranges[k]!.start).toBe(ranges[k - 1]!.end);
        const pieces: SourceRecord[] = [];
        for (const range of ranges) pieces.push(...(await all(readNeo4jCsv(file, undefined, range))));
        expect(pieces.map((r) => [r.loc.line, r.loc.record, r.value])).toEqual(
          whole.map((r) => [r.loc.line, r.loc.record, r.value]),
        );
      }
    });
  }

  it('keeps a file of too few records in one part, and the header in the first', async () => {
    const file = write('tiny.csv', ':START_ID,:END_ID,:TYPE\ntarget:a,target:b,BINDS\n');
    expect(await splitDelimited(file, 4)).toEqual([{ start: 0, end: fs.statSync(file).size, line: 0, record: 0 }]);
  });

  it('reports a row of a later part at its own line and row', async () => {
    const file = write('bad.csv', `${rows(300, '\n').trimEnd()}\ntarget:x,target:y,BINDS,late,notanumber\n`);
    const ranges = await splitDelimited(file, 3);
    const last = await all(readNeo4jCsv(file, undefined, ranges.at(-1)!));
    const bad = last.at(-1)!;
    const whole = (await all(readNeo4jCsv(file))).at(-1)!;
    expect(bad.problems?.[0]?.message).toMatch(/must be an integer/);
    expect(bad.loc).toEqual(whole.loc);
    expect(bad.loc.record).toBe(301);
  });
});
