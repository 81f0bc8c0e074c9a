/**
 * Guards the rule that evidence and descriptions are the curator's own words: a text
 * that shares a run of RUN words with the review is flagged. The review itself is not
 * shipped; only hashes of its word runs are (tests/fixtures/review-runs.txt), made by
 * `npm run fingerprint:review`.
 */
import { createHash } from 'node:crypto';

export const RUN = 8;

export function words(text: string): string[] {
  // Join words the PDF extraction hyphenated across line breaks.
  return (
    text
      .replace(/-\s*\n\s*/g, '')
      .toLowerCase()
      .match(/[a-z0-9]+/g) ?? []
  );
}

export function runHash(run: string[]): string {
  return createHash('sha1').update(run.join(' ')).digest('hex').slice(0, 12);
}

export function runHashes(text: string): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + RUN <= w.length; i++) out.add(runHash(w.slice(i, i + RUN)));
  return out;
}

/** True when `text` repeats RUN consecutive words of the fingerprinted source. */
export function echoesSource(text: string, source: Set<string>): boolean {
  const w = words(text);
  for (let i = 0; i + RUN <= w.length; i++) if (source.has(runHash(w.slice(i, i + RUN)))) return true;
  return false;
}
