/**
 * Shared helpers of the source readers: file names as shown to the user, a streaming
 * line reader that counts lines, and the one way a reader reports a file it cannot read
 * (a malformed *record* is yielded with `problems`, so validation reports them all).
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { type ReadOptions, SourceReadError } from '../source.js';

/** The file relative to the display root (the working directory by default). */
export function displayName(file: string, options?: ReadOptions): string {
  const root = options?.displayRoot ?? process.cwd();
  const relative = path.relative(root, path.resolve(file));
  return relative && !relative.startsWith('..') ? relative : file;
}

/** Lines of a text file, 1-based, streamed; a trailing `\r` is dropped. */
export async function* numberedLines(file: string): AsyncGenerator<{ line: number; text: string }> {
  const input = fs.createReadStream(file, { encoding: 'utf8' });
  const lines = readline.createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  try {
    for await (const text of lines) {
      line += 1;
      yield { line, text: line === 1 ? text.replace(/^\uFEFF/, '') : text };
    }
  } finally {
    lines.close();
    input.destroy();
  }
}

/** A file that cannot be read at all (bad header, XML syntax): file, line and field named. */
export function malformed(file: string, line: number, field: string, message: string): SourceReadError {
  return new SourceReadError([{ file, line, field, message }]);
}
