/** The builder as a function: read → validate (all of it) → schema → load → count. */
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { Dataset } from './dataset.js';
import { DataValidationError } from './errors.js';
import { graphCounts, loadDataset, type GraphCounts } from './load.js';
import { readDataFolder } from './read.js';
import { applySchema } from './schema.js';
import { validateRecords } from './validate.js';

/** Reads and validates a data folder without touching any database. */
export function buildDataset(dataDir: string): Dataset {
  const { records, problems: readProblems, files } = readDataFolder(dataDir);
  // A file that does not parse would make every reference into it look dangling:
  // report the syntax problems alone.
  if (readProblems.length > 0) throw new DataValidationError(readProblems);
  const { dataset, problems } = validateRecords(records);
  if (problems.length > 0) throw new DataValidationError(problems);
  return { ...dataset, files };
}

export interface IngestOptions {
  driver: Driver;
  database: string;
  dataDir: string;
  wipe?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface IngestReport {
  dataset: Dataset;
  counts: GraphCounts;
  millis: number;
}

export async function ingest(options: IngestOptions): Promise<IngestReport> {
  const t0 = Date.now();
  const dataset = buildDataset(options.dataDir);
  await applySchema(options.driver, options.database);
  await loadDataset(options.driver, dataset, {
    database: options.database,
    dataset: path.basename(path.resolve(options.dataDir)),
    wipe: options.wipe,
    onProgress: options.onProgress,
  });
  const counts = await graphCounts(options.driver, options.database);
  return { dataset, counts, millis: Date.now() - t0 };
}

export async function isEmpty(driver: Driver, database: string): Promise<boolean> {
  const result = await driver.executeQuery('MATCH (n) RETURN count(n) > 0 AS any', {}, { database });
  return !result.records[0]?.get('any');
}
