/**
 * Which dataset a load is: named by the folder's manifest (`atlas-dataset.yaml`), or by
 * `--dataset`, or else by the folder's name plus a hash of its absolute path, so two
 * unrelated folders called `data` are never taken for one dataset.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { DataValidationError, type Problem } from './errors.js';
import { displayName, MANIFEST_FILE } from './sources/yaml.js';

export const DATASET_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

const manifestSchema = z
  .object({
    name: z.string().regex(DATASET_NAME, 'lower-case letters, digits, `.`, `_` or `-`, at most 64'),
    version: z.union([z.string(), z.number()]).optional(),
    description: z.string().optional(),
    /** A mapping file (read by the formats' normalisation), relative to the folder. */
    mapping: z.string().optional(),
    /** Default `source` for records that don't name one (else `name` or `name@version`). */
    source: z.string().optional(),
    /** Default `section` for relationships that don't name one. */
    section: z.string().optional(),
    /** Names this dataset was loaded under before (its items are adopted on the next load). */
    formerly: z.array(z.string().regex(DATASET_NAME)).optional(),
  })
  .strict();

export type Manifest = z.infer<typeof manifestSchema>;

export interface DatasetIdentity {
  name: string;
  /** Where the name came from. */
  from: 'manifest' | 'option' | 'folder';
  manifest?: Manifest;
  /** Default provenance for records without their own. */
  defaults: { source: string; section?: string };
}

export function defaultDatasetName(dir: string): string {
  const absolute = path.resolve(dir);
  const base =
    path
      .basename(absolute)
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[^a-z0-9]+/, '')
      .slice(0, 40) || 'data';
  return `${base}-${createHash('sha256').update(absolute).digest('hex').slice(0, 8)}`;
}

export function readManifest(dir: string): Manifest | undefined {
  const file = path.join(dir, MANIFEST_FILE);
  if (!fs.existsSync(file)) return undefined;
  const shown = displayName(file);
  const lineCounter = new LineCounter();
  const doc = parseDocument(fs.readFileSync(file, 'utf8'), { lineCounter });
  if (doc.errors.length > 0) {
    throw new DataValidationError(
      doc.errors.map((e) => ({ file: shown, line: e.linePos?.[0]?.line ?? 1, field: '(syntax)', message: e.message })),
    );
  }
  const parsed = manifestSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    throw new DataValidationError(
      parsed.error.issues.map((issue): Problem => {
        const node = issue.path.length > 0 ? doc.getIn(issue.path, true) : undefined;
        const range = (node as { range?: [number] } | undefined)?.range;
        return {
          file: shown,
          line: range ? lineCounter.linePos(range[0]).line : 1,
          field: issue.path.join('.') || '(manifest)',
          message: issue.message,
        };
      }),
    );
  }
  return parsed.data;
}

/** `--dataset` wins over the manifest only when they agree; a conflict is an error. */
export function datasetIdentity(dir: string, option?: string): DatasetIdentity {
  const manifest = readManifest(dir);
  if (option !== undefined && !DATASET_NAME.test(option)) {
    throw new Error(`--dataset "${option}": lower-case letters, digits, \`.\`, \`_\` or \`-\`, at most 64`);
  }
  if (manifest && option && manifest.name !== option) {
    throw new Error(
      `--dataset ${option} conflicts with ${path.join(dir, MANIFEST_FILE)} (name: ${manifest.name}); drop one of them`,
    );
  }
  const name = manifest?.name ?? option ?? defaultDatasetName(dir);
  const version = manifest?.version === undefined ? '' : `@${manifest.version}`;
  return {
    name,
    from: manifest ? 'manifest' : option ? 'option' : 'folder',
    manifest,
    defaults: { source: manifest?.source ?? `${name}${version}`, section: manifest?.section },
  };
}
