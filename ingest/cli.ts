/**
 * `npm run ingest [-- --data DIR] [--wipe] [--dry-run]` and `npm run validate`.
 * Validates every file before the first write; prints counts per label and type.
 */
import path from 'node:path';
import { Command } from 'commander';
import cliProgress from 'cli-progress';
import { createDriver, neo4jConfigFromEnv } from '../db/connection.js';
import { countBy } from './dataset.js';
import { DataValidationError } from './errors.js';
import { buildDataset, ingest } from './ingest.js';

const program = new Command()
  .name('ingest')
  .description('Validate curated data files and load them into Neo4j')
  .option('--data <dir>', 'folder of data files', 'data')
  .option('--wipe', 'delete every Entity before loading', false)
  .option('--dry-run', 'validate and report what would be written, without writing', false)
  .option('--validate-only', 'validate without a database (npm run validate)', false)
  .parse();

const opts = program.opts<{ data: string; wipe: boolean; dryRun: boolean; validateOnly: boolean }>();

function table(title: string, counts: Record<string, number>): void {
  console.log(`\n${title}`);
  const width = Math.max(...Object.keys(counts).map((k) => k.length), 8);
  for (const [key, n] of Object.entries(counts)) console.log(`  ${key.padEnd(width)} ${String(n).padStart(6)}`);
}

async function main(): Promise<number> {
  const dataDir = path.resolve(opts.data);
  if (opts.validateOnly || opts.dryRun) {
    const dataset = buildDataset(dataDir);
    console.log(
      `${dataset.files.length} files valid: ${dataset.nodes.length} nodes, ${dataset.relationships.length} relationships.`,
    );
    if (opts.dryRun) {
      table(
        'Nodes per label (would write)',
        countBy(dataset.nodes, (n) => n.label),
      );
      table(
        'Relationships per type (would write)',
        countBy(dataset.relationships, (r) => r.type),
      );
    }
    return 0;
  }
  const config = neo4jConfigFromEnv();
  const driver = createDriver(config);
  const bar = new cliProgress.SingleBar(
    { format: 'Loading {bar} {value}/{total} batches', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  try {
    let started = false;
    const report = await ingest({
      driver,
      database: config.database,
      dataDir,
      wipe: opts.wipe,
      onProgress: (done, total) => {
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.update(done);
      },
    });
    bar.stop();
    console.log(
      `Ingested ${report.dataset.files.length} files into ${config.uri} (${config.database}) in ${report.millis} ms.`,
    );
    table('Nodes per label', report.counts.labels);
    table('Relationships per type', report.counts.relationshipTypes);
    console.log(`\nTotal: ${report.counts.nodes} nodes, ${report.counts.relationships} relationships.`);
    return 0;
  } finally {
    bar.stop();
    await driver.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof DataValidationError) {
      console.error(err.message);
      return process.exit(1);
    }
    const e = err as { code?: string; message?: string };
    console.error(`ingest failed: ${e.code ? `${e.code}: ` : ''}${e.message ?? String(err)}`);
    process.exit(1);
  },
);
