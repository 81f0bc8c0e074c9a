import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../ingest/ingest.js';
import { echoesSource, runHashes, RUN } from '../../ingest/wording.js';

const root = path.resolve(import.meta.dirname, '../..');
const review = new Set(
  fs
    .readFileSync(path.join(root, 'tests/fixtures/review-runs.txt'), 'utf8')
    .split('\n')
    .filter((l) => /^[0-9a-f]+$/.test(l)),
);

describe("evidence and descriptions are in the curators' own words", () => {
  it('the fingerprint recognises a sentence of the review and not a paraphrase', () => {
    expect(review.size).toBeGreaterThan(5000);
    expect(
      echoesSource(
        'Pembrolizumab was approved by the FDA in 2019 to treat patients with recurrent or metastatic HNSCC',
        review,
      ),
    ).toBe(true);
    expect(
      echoesSource('The FDA approved pembrolizumab in 2019 for recurrent or metastatic head and neck cancer', review),
    ).toBe(false);
    expect(runHashes('one two three').size).toBe(0);
  });

  it(`no evidence line or description repeats ${RUN} consecutive words of the review`, () => {
    const data = buildDataset(path.join(root, 'data'));
    const texts = [
      // Derived Reference nodes cite the review by its title, which is a citation, not prose.
      ...data.nodes
        .filter((n) => n.label !== 'Reference')
        .map((n) => ({ where: n.id, text: String(n.props.description) })),
      ...data.relationships.map((r) => ({ where: r.key, text: String(r.props.evidence) })),
    ];
    const echoes = texts.filter(({ text }) => echoesSource(text, review)).map(({ where, text }) => `${where}: ${text}`);
    expect(echoes).toEqual([]);
  });
});
