/**
 * `npm run bench [-- --nodes N]`: numbers, not assertions. Generates a synthetic dataset
 * of about N nodes, then measures validation, a first ingest, a converging re-ingest,
 * and API latencies over HTTP against a Neo4j of its own (port 7689, .data/neo4j-bench).
 *
 * `npm run bench -- --nodes 100000 --relationships 1000000 --hubs`: the exploring API on
 * a power-law graph with hubs, each endpoint next to its bare Cypher (bench/scale.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { createDriver, type Neo4jConfig, startedNeo4jConfig } from '../db/connection.js';
import { PROJECT_ROOT, start, stop } from '../db/launcher.js';
import { buildDataset, ingest } from '../ingest/ingest.js';
import { startServer } from '../server/app.js';
import { formatRow, runScaleBench, TABLE_HEADER, targetLines } from './scale.js';
import { sizeFor, writeSyntheticData } from './synthetic.js';

const opts = new Command()
  .option('--nodes <n>', 'approximate node count of the synthetic graph', '10000')
  .option('--requests <n>', 'requests per endpoint', '30')
  .option('--relationships <n>', 'power-law graph with this many relationships (exploring API bench)')
  .option('--hubs [n]', 'add n hubs of 12,000 edges each to the power-law graph (default 3)')
  .option('--profile', 'print PROFILE summaries of the exploring queries first')
  .parse()
  .opts<{ nodes: string; requests: string; relationships?: string; hubs?: string | boolean; profile?: boolean }>();

function ms(t0: number): number {
  return Math.round(performance.now() - t0);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function timeRequests(label: string, urls: string[]): Promise<void> {
  const times: number[] = [];
  let bytes = 0;
  for (const url of urls) {
    const t0 = performance.now();
    const res = await fetch(url);
    const body = await res.text();
    if (!res.ok) throw new Error(`${label}: ${res.status} ${body.slice(0, 200)}`);
    bytes += body.length;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(
    `  ${label.padEnd(34)} p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(7)} ms   ` +
      `avg body ${(bytes / urls.length / 1024).toFixed(1)} KiB`,
  );
}

async function main(): Promise<void> {
  const total = Number(opts.nodes);
  const requests = Number(opts.requests);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-bench-'));
  const size = sizeFor(total);
  const written = writeSyntheticData(dir, size);
  console.log(`synthetic data: ${written.nodes} nodes, ${written.relationships} relationships (${dir})`);

  let t0 = performance.now();
  const dataset = buildDataset(dir);
  console.log(
    `validate (no database):           ${ms(t0)} ms for ${dataset.nodes.length} nodes incl. derived references`,
  );

  const db = { home: path.join(PROJECT_ROOT, '.data/neo4j-bench'), port: 7689 };
  t0 = performance.now();
  const started = await start(db, { heap: '1g' });
  console.log(`Neo4j start:                      ${ms(t0)} ms${started.startedHere ? '' : ' (reused)'}`);
  const config: Neo4jConfig = startedNeo4jConfig(db.port, started.password);
  const driver = createDriver(config);
  try {
    t0 = performance.now();
    const first = await ingest({ driver, database: 'neo4j', dataDir: dir, wipe: true });
    const firstMs = ms(t0);
    console.log(
      `ingest (wipe + load):             ${firstMs} ms → ${first.counts.nodes} nodes, ${first.counts.relationships} relationships (${Math.round(first.counts.nodes / (firstMs / 1000))} nodes/s)`,
    );
    t0 = performance.now();
    const warm = await ingest({ driver, database: 'neo4j', dataDir: dir, wipe: true });
    const warmMs = ms(t0);
    console.log(
      `ingest again (wipe + load, warm): ${warmMs} ms → ${warm.counts.nodes} nodes (${Math.round(warm.counts.nodes / (warmMs / 1000))} nodes/s; the first load pays query planning and JIT)`,
    );
    t0 = performance.now();
    const again = await ingest({ driver, database: 'neo4j', dataDir: dir });
    console.log(
      `re-ingest (converge):             ${ms(t0)} ms → ${again.counts.nodes} nodes, ${again.counts.relationships} relationships (${JSON.stringify(again.counts) === JSON.stringify(first.counts) ? 'identical' : 'DIFFERENT'} counts)`,
    );

    const server = await startServer({ port: 0, config, log: () => {} });
    try {
      const u = server.url;
      const ids = Array.from({ length: requests }, (_, i) => `drug:syn-${(i * 7919) % size.drugs}`);
      console.log(`API over HTTP (${requests} sequential requests each):`);
      await timeRequests(
        'GET /api/search?q=synthetic drug',
        ids.map((_, i) => `${u}/api/search?q=${encodeURIComponent(`synthetic drug ${i}`)}`),
      );
      await timeRequests(
        'GET /api/graph?limit=500',
        ids.map(() => `${u}/api/graph?limit=500`),
      );
      await timeRequests(
        'GET /api/graph?limit=2000',
        ids.map(() => `${u}/api/graph?limit=2000`),
      );
      await timeRequests(
        'GET /api/nodes/:id',
        ids.map((id) => `${u}/api/nodes/${encodeURIComponent(id)}`),
      );
      await timeRequests(
        'GET /api/nodes/:id/neighbors?depth=2',
        ids.map((id) => `${u}/api/nodes/${encodeURIComponent(id)}/neighbors?depth=2`),
      );
      await timeRequests(
        'GET /api/paths (drug → drug, ≤4)',
        ids.map(
          (id, i) =>
            `${u}/api/paths?from=${encodeURIComponent(id)}&to=${encodeURIComponent(ids[(i + 1) % ids.length]!)}&maxDepth=4`,
        ),
      );
    } finally {
      await server.close();
    }
  } finally {
    await driver.close();
    if (started.startedHere) await stop(db);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function scale(): Promise<void> {
  const hubs = opts.hubs === undefined ? 0 : opts.hubs === true ? 3 : Number(opts.hubs);
  const rows = await runScaleBench({
    nodes: Number(opts.nodes),
    relationships: Number(opts.relationships ?? Number(opts.nodes) * 10),
    hubs,
    requests: Number(opts.requests),
    profile: opts.profile === true,
  });
  console.log(`\n${TABLE_HEADER}`);
  for (const r of rows) console.log(formatRow(r));
  console.log('\nTargets (issue 8), this run:');
  for (const line of targetLines(rows)) console.log(`  ${line}`);
}

(opts.relationships !== undefined || opts.hubs !== undefined ? scale() : main()).catch((err) => {
  console.error(err);
  process.exit(1);
});
