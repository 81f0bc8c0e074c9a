/**
 * Claim kinds (issue 11): `npm run validate` refuses claim relationships that do not say
 * what kind of claim they are, or where it was shown, and points at file, line and field.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataValidationError, formatProblem } from '../../ingest/errors.js';
import { buildDataset } from '../../ingest/ingest.js';
import { ASSERTION_REQUIRED, ASSERTIONS, RELATIONSHIP_TYPES } from '../../ontology/index.js';

const root = path.resolve(import.meta.dirname, '../..');

function problemsOf(dir: string): string[] {
  try {
    buildDataset(dir);
  } catch (err) {
    expect(err).toBeInstanceOf(DataValidationError);
    return (err as DataValidationError).problems.map(formatProblem);
  }
  throw new Error(`expected ${dir} to be rejected`);
}

describe('claim-kind validation', () => {
  const problems = problemsOf(path.join(root, 'tests/fixtures/evidence-claims'));
  const file = 'tests/fixtures/evidence-claims/claims.yaml';

  it('refuses a PROMOTES edge without assertion', () => {
    expect(problems).toContainEqual(
      expect.stringMatching(new RegExp(`^${file}:11 relationships\\[0\\]\\.assertion: required on PROMOTES`)),
    );
  });
  it('refuses a PREDICTS edge that does not say the disease it was studied in', () => {
    expect(problems).toContainEqual(
      expect.stringMatching(new RegExp(`^${file}:12 relationships\\[1\\]\\.contextDisease: required on PREDICTS`)),
    );
  });
  it('refuses a preclinical claim without its model', () => {
    expect(problems).toContainEqual(
      expect.stringMatching(
        new RegExp(`^${file}:13 relationships\\[2\\]\\.contextModel: required when assertion is preclinical`),
      ),
    );
  });
  it('refuses INDICATED_FOR for anything but an approval', () => {
    expect(problems).toContainEqual(
      expect.stringContaining(
        `${file}:14 relationships[3].assertion: "tested-in" is not an assertion allowed on INDICATED_FOR`,
      ),
    );
  });
  it('refuses a contextDisease that is not a Disease node', () => {
    expect(problems).toContainEqual(
      expect.stringContaining(
        `${file}:15 relationships[4].contextDisease: "disease:lung" is not a Disease in the data`,
      ),
    );
  });
  it('refuses an assertion outside the closed list', () => {
    expect(problems).toContainEqual(
      expect.stringContaining(
        `${file}:16 relationships[5].assertion: "certain" is not an assertion allowed on TESTED_IN`,
      ),
    );
    expect(problems).toHaveLength(6);
  });
});

describe('the curated data', () => {
  const data = buildDataset(path.join(root, 'data'));

  it('gives every relationship an assertion from the closed list', () => {
    const missing = data.relationships.filter((r) => !(ASSERTIONS as readonly unknown[]).includes(r.props.assertion));
    expect(missing.map((r) => r.key)).toEqual([]);
    expect(ASSERTION_REQUIRED.every((t) => (RELATIONSHIP_TYPES as readonly string[]).includes(t))).toBe(true);
  });

  it('has no INDICATED_FOR that is not an approval, and keeps "tested in" as TESTED_IN', () => {
    const indicated = data.relationships.filter((r) => r.type === 'INDICATED_FOR');
    expect(indicated.length).toBeGreaterThan(5);
    expect(indicated.every((r) => r.props.assertion === 'approved')).toBe(true);
    const keys = data.relationships.filter((r) => r.type === 'TESTED_IN').map((r) => r.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'drug:tremelimumab|TESTED_IN|disease:colorectal-cancer',
        'drug:cemiplimab|TESTED_IN|disease:gastric-cancer',
        'drug:cemiplimab|TESTED_IN|disease:bladder-cancer',
      ]),
    );
  });
});
