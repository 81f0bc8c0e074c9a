/**
 * `npm run ingest [-- --data DIR] [--dataset NAME] [--wipe] [--dry-run] [--allow-removals]
 * [--batch-size N] [--force]` and `npm run validate`. Validates every record before the
 * first write; prints what was written and removed, and counts per label and type.
 */
import path from 'node:path';
import { Command, Option } from 'commander';
import { createDriver, neo4jConfigFromEnv } from '../db/connection.js';
import { DataValidationError, RemovalRefusedError } from './errors.js';
import { MissingFolderError } from './formats.js';
import { formatImportSummary } from './mapping/prepare.js';
import { DEFAULT_BATCH_SIZE, type IngestReport, ingest, type TransportChoice } from './ingest.js';
import { progressBars } from './progress.js';
import { DEFAULT_BATCH_TIMEOUT_MS, LoadLimitError } from './writer.js';

const program = new Command()
  .name('ingest')
  .description('Validate data files (YAML, neo4j-admin CSV/TSV…) and load them into Neo4j as one dataset')
  .option('--data <dir>', 'folder of data files', 'data')
  .option(
    '--dataset <name>',
    'dataset name when the folder has no atlas-dataset.yaml (default: folder name + path hash)',
  )
  .option('--wipe', 'delete every Entity (all datasets) and load record before loading', false)
  .option('--dry-run', 'validate and report what would be written and removed, without writing', false)
  .option('--allow-removals', 'allow removing more than 20% of the dataset', false)
  .option('--force', 'load every file even if unchanged since the last finished load', false)
  .option('--batch-size <n>', 'rows per transaction in batched mode', String(DEFAULT_BATCH_SIZE))
  .option('--in-flight <n>', 'batches written at once', '2')
  .option(
    '--batch-timeout <seconds>',
    "time limit of each batch's transaction (0: the server's db.transaction.timeout)",
    String(DEFAULT_BATCH_TIMEOUT_MS / 1000),
  )
  .addOption(
    new Option(
      '--transport <how>',
      'how batched loads send rows: auto (LOAD CSV from this process when Neo4j can reach it, else Bolt), bolt, csv',
    )
      .choices(['auto', 'bolt', 'csv'])
      .default('auto'),
  )
  .option('--validate-only', 'validate without a database (npm run validate)', false)
  .parse();

const opts = program.opts<{
  data: string;
  dataset?: string;
  wipe: boolean;
  dryRun: boolean;
  allowRemovals: boolean;
  force: boolean;
  batchSize: string;
  inFlight: string;
  batchTimeout: string;
  transport: TransportChoice;
  validateOnly: boolean;
}>();

function table(title: string, counts: Record<string, number>): void {
  if (Object.keys(counts).length === 0) return;
  console.log(`\n${title}`);
  const width = Math.max(...Object.keys(counts).map((k) => k.length), 8);
  for (const [key, n] of Object.entries(counts)) console.log(`  ${key.padEnd(width)} ${String(n).padStart(8)}`);
}

function positive(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got "${value}"`);
  return n;
}

function nonNegative(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number of seconds, 0 or more, got "${value}"`);
  return n;
}

/** `(12 batches as CSV, 1 over Bolt)`: how a batched load's rows travelled. */
function sentBy(report: IngestReport): string {
  const sent = report.batchesSent;
  if (!sent || sent.csv + sent.bolt === 0) return '';
  if (sent.csv === 0) return ' (rows over Bolt)';
  return ` (${sent.csv} batches read by LOAD CSV${sent.bolt ? `, ${sent.bolt} over Bolt` : ''})`;
}

function print(report: IngestReport, target: string): void {
  console.log(`${report.message}.`);
  if (report.mode === 'empty' || report.mode === 'unchanged') return;
  if (report.imported) console.log(`\n${formatImportSummary(report.imported).join('\n')}`);
  table(`Nodes per label (${report.mode === 'dry-run' ? 'would write' : 'validated'})`, report.records.nodes);
  table(
    `Relationships per type (${report.mode === 'dry-run' ? 'would write' : 'validated'})`,
    report.records.relationships,
  );
  if (report.mode === 'dry-run') return;
  console.log(
    `\n${report.files.length} files (${report.skippedFiles.length} unchanged, skipped) into ${target} in ${report.millis} ms, ` +
      `${report.mode === 'single' ? 'one transaction' : `batched${sentBy(report)}`}; graph now ${report.counts.nodes} nodes, ${report.counts.relationships} relationships.`,
  );
}

async function main(): Promise<number> {
  const dataDir = path.resolve(opts.data);
  if (opts.validateOnly) {
    // Every format and mapping, without a database: the dry run's validation alone.
    const bars = progressBars();
    try {
      const report = await ingest({
        database: 'neo4j',
        dataDir,
        dataset: opts.dataset,
        dryRun: true,
        onProgress: bars.update,
      });
      bars.stop();
      console.log(`${report.files.length} files valid: ${report.nodes} nodes, ${report.relationships} relationships.`);
    } finally {
      bars.stop();
    }
    return 0;
  }
  const batchSize = positive('--batch-size', opts.batchSize);
  const inFlight = positive('--in-flight', opts.inFlight);
  const batchTimeout = nonNegative('--batch-timeout', opts.batchTimeout);
  const config = neo4jConfigFromEnv();
  const driver = createDriver(config);
  const bars = progressBars();
  try {
    // A dry run works without a database too (then it cannot plan removals).
    const reachable =
      !opts.dryRun ||
      (await driver.verifyConnectivity().then(
        () => true,
        () => false,
      ));
    const report = await ingest({
      driver: reachable ? driver : undefined,
      database: config.database,
      dataDir,
      dataset: opts.dataset,
      wipe: opts.wipe,
      dryRun: opts.dryRun,
      allowRemovals: opts.allowRemovals,
      force: opts.force,
      batchSize,
      inFlight,
      batchTimeoutMs: batchTimeout * 1000,
      transport: opts.transport,
      onProgress: bars.update,
      log: (m) => console.error(m),
    });
    bars.stop();
    print(report, `${config.uri} (${config.database})`);
    return 0;
  } finally {
    bars.stop();
    await driver.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (
      err instanceof DataValidationError ||
      err instanceof RemovalRefusedError ||
      err instanceof LoadLimitError ||
      err instanceof MissingFolderError
    ) {
      console.error(`\ningest: ${err.message}`);
      return process.exit(err instanceof MissingFolderError ? 2 : 1);
    }
    const e = err as { code?: string; message?: string };
    console.error(`\ningest failed: ${e.code ? `${e.code}: ` : ''}${e.message ?? String(err)}`);
    process.exit(1);
  },
);
