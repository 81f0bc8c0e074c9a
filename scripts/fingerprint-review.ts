/** `npm run fingerprint:review [-- PATH]`: writes tests/fixtures/review-runs.txt from the review. */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../db/launcher.js';
import { RUN, runHashes } from '../ingest/wording.js';

const review = process.argv[2] ?? path.join(PROJECT_ROOT, '../shared/seed/000_3e9a6bf3bd26e258.txt');
const hashes = [...runHashes(fs.readFileSync(review, 'utf8'))].sort();
const out = path.join(PROJECT_ROOT, 'tests/fixtures/review-runs.txt');
fs.writeFileSync(
  out,
  `# sha1 prefixes of every ${RUN}-word run of the review (not the text itself)\n${hashes.join('\n')}\n`,
);
console.log(`${hashes.length} runs → ${path.relative(PROJECT_ROOT, out)}`);
