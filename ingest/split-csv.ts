/**
 * Cuts a delimited file (neo4j-admin CSV/TSV) into parts that start and end on record
 * boundaries, so that several threads can read and validate it at once. One pass over the
 * bytes: a newline ends a record only outside quotes (an even number of `"` so far; `""`
 * inside a quoted field counts twice), and each part carries the lines and records before
 * it, so that its problems name the same line and row as a single reader would.
 */
import fs from 'node:fs';
import { type ByteRange, delimitedRows, delimiterOf } from './sources/neo4j-csv.js';

const QUOTE = 0x22;
const NEWLINE = 0x0a;
const RETURN = 0x0d;

/** At most `parts` ranges covering the file; fewer when it has fewer records than that. */
export async function splitDelimited(file: string, parts: number): Promise<ByteRange[]> {
  const size = fs.statSync(file).size;
  const cuts: Array<{ at: number; line: number; record: number }> = [];
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 22);
    let offset = 0;
    let line = 0;
    let records = 0;
    let quotes = 0;
    let recordStart = 0;
    let lastByte = -1;
    let target = Math.floor(size / parts);
    while (cuts.length < parts - 1 && offset < size) {
      const n = fs.readSync(fd, buf, 0, buf.length, offset);
      if (n <= 0) break;
      for (let i = 0; i < n; i++) {
        const b = buf[i]!;
        if (b === QUOTE) quotes++;
        else if (b === NEWLINE) {
          line++;
          if (quotes % 2 === 1) continue;
          const at = offset + i;
          // A record of nothing (or a lone \r) is an empty line: no row.
          const empty = at === recordStart || (at === recordStart + 1 && lastByteBefore(buf, i, lastByte) === RETURN);
          if (!empty) records++;
          recordStart = at + 1;
          if (at + 1 >= target && records > 1 && at + 1 < size) {
            cuts.push({ at: at + 1, line, record: records });
            target = Math.floor((size * (cuts.length + 1)) / parts);
            if (cuts.length === parts - 1) break;
          }
        }
      }
      lastByte = buf[n - 1]!;
      offset += n;
    }
  } finally {
    fs.closeSync(fd);
  }
  if (cuts.length === 0) return [{ start: 0, end: size, line: 0, record: 0 }];
  const header = await headerFields(file);
  const ranges: ByteRange[] = [{ start: 0, end: cuts[0]!.at, line: 0, record: 0 }];
  for (let k = 0; k < cuts.length; k++) {
    const cut = cuts[k]!;
    ranges.push({ start: cut.at, end: cuts[k + 1]?.at ?? size, line: cut.line, record: cut.record, header });
  }
  return ranges;
}

/** The byte before index `i` of the current chunk (the previous chunk's last byte at 0). */
function lastByteBefore(buf: Buffer, i: number, previousChunkLast: number): number {
  return i > 0 ? buf[i - 1]! : previousChunkLast;
}

async function headerFields(file: string): Promise<string[]> {
  for await (const row of delimitedRows(file, delimiterOf(file))) return row.fields;
  return [];
}
