/**
 * `npm run bench:ingest -- --nodes 100000 --relationships 1000000 [--repeat 2]`
 *
 * Generates a power-law graph as neo4j-admin CSV (bench/ingest-data.ts) at 10k, 100k, …
 * up to --relationships relationships (nodes scaled in proportion), and loads each size on
 * the bench's own Neo4j (port 7690, .data/neo4j-bench-ingest) with
 *   (a) the app's ingest as `npm run ingest` runs it, a child process (`ingest/launch.mjs`,
 *       the precompiled ingest/cli.ts; peak RSS from /proc VmHWM),
 *   (b) LOAD CSV … CALL { … } IN TRANSACTIONS OF 10000 ROWS, the files served over http
 *       from 127.0.0.1 by a tiny node server (file URLs stay off),
 *   (c) a bare neo4j-driver script: UNWIND batches of 10,000 rows, one transaction each.
 * Runs are interleaved (the order rotates each repeat) and the graph is wiped between runs.
 * Every method writes the same nodes, relationships and properties, under the same schema.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import type { Driver } from 'neo4j-driver';
import { createDriver, startedNeo4jConfig } from '../db/connection.js';
import { PROJECT_ROOT, start, stop } from '../db/launcher.js';
import { ensureRelationshipIndexes } from '../ingest/load.js';
import { applySchema } from '../ingest/schema.js';
import { delimitedRows } from '../ingest/sources/neo4j-csv.js';
import { writePowerLawCsv } from './ingest-data.js';

const opts = new Command()
  .option('--nodes <n>', 'nodes at the largest size', '100000')
  .option('--relationships <n>', 'relationships at the largest size', '1000000')
  .option('--sizes <list>', 'relationship counts to run (default: 10k, 100k, … up to --relationships)')
  .option('--repeat <n>', 'runs of each method per size', '2')
  .option('--repeat-largest <n>', 'runs of each method at the largest size (default: --repeat)')
  .option('--heap <size>', 'heap of the bench Neo4j', '2g')
  .option(
    '--methods <list>',
    'app,loadcsv,driver (also: loadcsv-concurrent, and app[ARGS]: the app with extra arguments, e.g. app[--in-flight 3])',
    'app,loadcsv,driver',
  )
  .option('--port <n>', 'Bolt port of the bench Neo4j', '7690')
  .option('--app-args <args>', 'extra arguments for the app’s ingest', '')
  .option('--page-cache <size>', 'page cache of the bench Neo4j (NEO4J_PAGECACHE)', process.env.NEO4J_PAGECACHE ?? '2g')
  .option('--no-warm-up', 'skip the unmeasured warm-up run of each method')
  .option('--verbose', 'print the app’s own output (with ATLAS_INGEST_TIMING=1: time per step)')
  .parse()
  .opts<{
    nodes: string;
    relationships: string;
    sizes?: string;
    repeat: string;
    repeatLargest?: string;
    heap: string;
    methods: string;
    port: string;
    appArgs: string;
    pageCache: string;
    verbose?: boolean;
    warmUp: boolean;
  }>();

const DATASET = 'bench';
const SOURCE = 'synthetic';
const SECTION = 'Synthetic';

interface Run {
  size: number;
  method: string;
  seconds: number;
  rows: number;
  relationships: number;
  rssMb?: number;
  /** CPU seconds the bench's Neo4j spent during the run (user + system, /proc/<pid>/stat). */
  neo4jCpu?: number;
}

/** Linux's USER_HZ (getconf CLK_TCK), the unit of /proc/<pid>/stat's times. */
const CLOCK_TICKS = 100;

/** CPU seconds a process has used so far, or undefined when /proc cannot tell. */
function cpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

async function wipe(driver: Driver): Promise<void> {
  const session = driver.session();
  try {
    // Relationships first: DETACH DELETE of 10,000 nodes that include hubs would hold
    // hundreds of thousands of relationship deletions in one transaction.
    await session.run('MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS', {}, LONG);
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS', {}, LONG);
  } finally {
    await session.close();
  }
}

async function count(driver: Driver): Promise<{ nodes: number; relationships: number }> {
  const r = await driver.executeQuery(
    'MATCH (n) WITH count(n) AS nodes OPTIONAL MATCH ()-[r]->() RETURN nodes, count(r) AS relationships',
  );
  return { nodes: Number(r.records[0]?.get('nodes')), relationships: Number(r.records[0]?.get('relationships')) };
}

/** Node's flags in `npm run ingest` (package.json), so the bench runs the app as users do. */
function npmIngestNodeFlags(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const words = (pkg.scripts.ingest ?? '').split(/\s+/);
  return words.slice(1, words.indexOf('ingest/launch.mjs')).filter((w) => w.startsWith('--'));
}

/** (a) The app, as a user runs it; peak RSS is the child's VmHWM. */
async function runApp(dir: string, uri: string, password: string, extra: string[]): Promise<{ rssMb: number }> {
  const args = [
    ...npmIngestNodeFlags(),
    path.join(PROJECT_ROOT, 'ingest/launch.mjs'),
    '--data',
    dir,
    '--dataset',
    DATASET,
  ];
  if (opts.appArgs) args.push(...opts.appArgs.split(' ').filter(Boolean));
  args.push(...extra);
  const child = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NEO4J_URI: uri, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: password },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  let hwm = 0;
  const poll = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) hwm = Math.max(hwm, Number(m[1]));
    } catch {
      // exited
    }
  }, 100);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(poll);
  if (code !== 0) throw new Error(`app ingest exited ${code}:\n${out.slice(-3000)}`);
  if (opts.verbose) console.log(out.replace(/^/gm, '    | ').trimEnd());
  return { rssMb: Math.round(hwm / 1024) };
}

/**
 * The outer transaction of `CALL { … } IN TRANSACTIONS` counts against the server's 60 s
 * default (db.transaction.timeout), so LOAD CSV asks for more; each inner one is short.
 */
const LONG = { timeout: 3_600_000 };

/**
 * (b) LOAD CSV from a local http server; `loadcsv-concurrent` (not run by default) runs the same
 * statements `IN 2 CONCURRENT TRANSACTIONS`, to show what the second core is worth to Neo4j.
 */
async function runLoadCsv(driver: Driver, baseUrl: string, concurrency = ''): Promise<void> {
  const session = driver.session();
  try {
    await session.run(
      `LOAD CSV WITH HEADERS FROM $url AS row
       CALL (row) {
         MERGE (n:Entity {id: row.\`id:ID\`})
         SET n.name = row.name, n.description = row.description, n.refs = [toInteger(row.\`refs:int[]\`)],
             n.synonyms = [], n.source = $source, n.dataset = $dataset
         FOREACH (_ IN CASE WHEN row.kind <> '' THEN [1] ELSE [] END | SET n.kind = row.kind)
         FOREACH (_ IN CASE WHEN row.\`:LABEL\` = 'Target' THEN [1] ELSE [] END | SET n:Target)
         FOREACH (_ IN CASE WHEN row.\`:LABEL\` = 'Mechanism' THEN [1] ELSE [] END | SET n:Mechanism)
       } IN ${concurrency} TRANSACTIONS OF 10000 ROWS`,
      { url: `${baseUrl}/nodes.csv`, source: SOURCE, dataset: DATASET },
      LONG,
    );
    await session.run(
      `LOAD CSV WITH HEADERS FROM $url AS row
       CALL (row) {
         MATCH (a:Entity {id: row.\`:START_ID\`})
         MATCH (b:Entity {id: row.\`:END_ID\`})
         WITH a, b, row, {key: row.\`:START_ID\` + '|' + row.\`:TYPE\` + '|' + row.\`:END_ID\`, dataset: $dataset,
              refs: [toInteger(row.\`refs:int[]\`)], evidence: row.evidence, assertion: row.assertion,
              section: $section, source: $source} AS props
         FOREACH (_ IN CASE WHEN row.\`:TYPE\` = 'BINDS' THEN [1] ELSE [] END | CREATE (a)-[r:BINDS]->(b) SET r = props)
         FOREACH (_ IN CASE WHEN row.\`:TYPE\` = 'PARTICIPATES_IN' THEN [1] ELSE [] END |
           CREATE (a)-[r:PARTICIPATES_IN]->(b) SET r = props)
       } IN ${concurrency} TRANSACTIONS OF 10000 ROWS`,
      { url: `${baseUrl}/relationships.csv`, source: SOURCE, section: SECTION, dataset: DATASET },
      LONG,
    );
  } finally {
    await session.close();
  }
}

/** (c) A bare driver script: parse, UNWIND 10,000 rows per transaction. */
async function runDriver(driver: Driver, dir: string): Promise<void> {
  const session = driver.session();
  const flush = async (query: string, rows: unknown[]) => {
    if (rows.length === 0) return;
    await session.executeWrite((tx) => tx.run(query, { rows, dataset: DATASET, source: SOURCE, section: SECTION }));
  };
  try {
    const nodeQuery = (label: string) => `UNWIND $rows AS row
      MERGE (n:Entity {id: row.id}) SET n += row.props, n:${label}`;
    const groups: Record<string, unknown[]> = { Target: [], Mechanism: [] };
    let header = true;
    for await (const { fields } of delimitedRows(path.join(dir, 'nodes.csv'), ',')) {
      if (header) {
        header = false;
        continue;
      }
      const [id, label, name, description, refs, kind] = fields as [string, string, string, string, string, string];
      const props: Record<string, unknown> = {
        id,
        name,
        description,
        refs: [Number(refs)],
        synonyms: [],
        source: SOURCE,
        dataset: DATASET,
      };
      if (kind) props.kind = kind;
      const group = groups[label]!;
      group.push({ id, props });
      if (group.length >= 10_000) await flush(nodeQuery(label), group.splice(0));
    }
    for (const [label, group] of Object.entries(groups)) await flush(nodeQuery(label), group);
    const relQuery = (type: string) => `UNWIND $rows AS row
      MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to})
      CREATE (a)-[r:${type}]->(b) SET r = row.props`;
    const rels: Record<string, unknown[]> = { BINDS: [], PARTICIPATES_IN: [] };
    header = true;
    for await (const { fields } of delimitedRows(path.join(dir, 'relationships.csv'), ',')) {
      if (header) {
        header = false;
        continue;
      }
      const [from, to, type, refs, evidence, assertion] = fields as [string, string, string, string, string, string];
      const group = rels[type]!;
      group.push({
        from,
        to,
        props: {
          key: `${from}|${type}|${to}`,
          dataset: DATASET,
          refs: [Number(refs)],
          evidence,
          assertion,
          section: SECTION,
          source: SOURCE,
        },
      });
      if (group.length >= 10_000) await flush(relQuery(type), group.splice(0));
    }
    for (const [type, group] of Object.entries(rels)) await flush(relQuery(type), group);
  } finally {
    await session.close();
  }
}

function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const name = path.basename(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = path.join(dir, name);
    if (!name.endsWith('.csv') || !fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/csv' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

async function main(): Promise<void> {
  const maxRels = Number(opts.relationships);
  const maxNodes = Number(opts.nodes);
  const sizes = opts.sizes
    ? opts.sizes.split(',').map(Number)
    : [10_000, 100_000, 1_000_000, 10_000_000].filter((s) => s < maxRels).concat(maxRels);
  const methods = opts.methods.split(',');
  const repeat = Number(opts.repeat);
  const port = Number(opts.port);
  const db = { home: path.join(PROJECT_ROOT, '.data/neo4j-bench-ingest'), port };
  const started = await start(db, { heap: opts.heap, pageCache: opts.pageCache });
  const uri = `bolt://127.0.0.1:${port}`;
  const driver = createDriver(startedNeo4jConfig(port, started.password));
  const runs: Run[] = [];
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-bench-ingest-'));
  try {
    await wipe(driver);
    await applySchema(driver, 'neo4j');
    await ensureRelationshipIndexes(driver, 'neo4j', ['BINDS', 'PARTICIPATES_IN']);
    for (const size of sizes) {
      const dir = path.join(root, String(size));
      const nodes = Math.max(100, Math.round((maxNodes * size) / maxRels));
      const data = writePowerLawCsv(dir, { nodes, relationships: size });
      fs.writeFileSync(
        path.join(dir, 'atlas-dataset.yaml'),
        `name: ${DATASET}\nsource: ${SOURCE}\nsection: ${SECTION}\ndescription: Synthetic power-law graph\n`,
      );
      console.log(
        `\n${data.relationships.toLocaleString('en')} relationships, ${data.nodes.toLocaleString('en')} nodes (busiest node: ${data.maxDegree.toLocaleString('en')} edges)`,
      );
      const server = await serve(dir);
      const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      try {
        const times = size === sizes.at(-1) && opts.repeatLargest ? Number(opts.repeatLargest) : repeat;
        const runMethod = async (method: string) => {
          const variant = /^app(?:\[(.*)\])?$/.exec(method);
          if (variant)
            return (await runApp(dir, uri, started.password, (variant[1] ?? '').split(' ').filter(Boolean))).rssMb;
          if (method === 'loadcsv') await runLoadCsv(driver, baseUrl);
          else if (method === 'loadcsv-concurrent') await runLoadCsv(driver, baseUrl, '2 CONCURRENT');
          else if (method === 'driver') await runDriver(driver, dir);
          else throw new Error(`unknown method ${method}`);
          return undefined;
        };
        if (size === sizes[0] && opts.warmUp) {
          // Unmeasured warm-up: a freshly started Neo4j plans and JIT-compiles on its first
          // queries, which would fall on whichever method runs first.
          for (const method of methods) {
            await wipe(driver);
            await runMethod(method);
          }
          console.log('  (warm-up run of each method done)');
        }
        for (let r = 0; r < times; r++) {
          const order = methods.map((_, i) => methods[(i + r) % methods.length]!);
          for (const method of order) {
            await wipe(driver);
            const t0 = performance.now();
            const cpu0 = cpuSeconds(started.pid);
            const rssMb = await runMethod(method);
            const seconds = (performance.now() - t0) / 1000;
            const cpu1 = cpuSeconds(started.pid);
            const neo4jCpu = cpu0 !== undefined && cpu1 !== undefined ? cpu1 - cpu0 : undefined;
            const c = await count(driver);
            if (c.relationships !== data.relationships) {
              throw new Error(`${method} wrote ${c.relationships} relationships, expected ${data.relationships}`);
            }
            const run = {
              size,
              method,
              seconds,
              rows: c.nodes + c.relationships,
              relationships: c.relationships,
              rssMb,
              neo4jCpu,
            };
            runs.push(run);
            console.log(
              `  ${method.padEnd(8)} ${seconds.toFixed(1).padStart(7)} s  ${Math.round(run.relationships / seconds)
                .toLocaleString('en')
                .padStart(8)} rels/s  ${Math.round(run.rows / seconds)
                .toLocaleString('en')
                .padStart(
                  8,
                )} rows/s${neo4jCpu !== undefined ? `  Neo4j CPU ${neo4jCpu.toFixed(1)} s` : ''}${rssMb ? `  peak RSS ${rssMb} MB` : ''}  (load average ${os.loadavg()[0]!.toFixed(1)})`,
            );
          }
        }
      } finally {
        server.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
    console.log(
      '\n| relationships | method | median s | rels/s | Neo4j CPU s | peak RSS | app ÷ LOAD CSV (throughput) |',
    );
    console.log('|---:|---|---:|---:|---:|---:|---:|');
    for (const size of sizes) {
      const med = (m: string) => median(runs.filter((r) => r.size === size && r.method === m).map((r) => r.seconds));
      const csv = med('loadcsv');
      for (const method of methods) {
        const mine = runs.filter((r) => r.size === size && r.method === method);
        const s = med(method);
        const rss = Math.max(0, ...mine.map((r) => r.rssMb ?? 0));
        const cpus = mine.flatMap((r) => (r.neo4jCpu === undefined ? [] : [r.neo4jCpu]));
        console.log(
          `| ${size.toLocaleString('en')} | ${method} | ${s.toFixed(1)} | ${Math.round(size / s).toLocaleString('en')} | ${cpus.length ? median(cpus).toFixed(1) : ''} | ${rss ? `${rss} MB` : ''} | ${method.startsWith('app') && csv ? `${(csv / s).toFixed(2)}×` : ''} |`,
        );
      }
    }
    const perRow = (size: number) =>
      median(runs.filter((r) => r.size === size && r.method === 'app').map((r) => r.seconds)) / size;
    const largest = sizes[sizes.length - 1]!;
    const at = (m: string) => runs.filter((r) => r.size === largest && r.method === m);
    const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
    console.log(`\nTargets of the builder issue at ${largest.toLocaleString('en')} relationships:`);
    if (at('app').length && at('loadcsv').length) {
      const ratio = median(at('loadcsv').map((r) => r.seconds)) / median(at('app').map((r) => r.seconds));
      console.log(`  app ÷ LOAD CSV throughput ${ratio.toFixed(2)}× (target ≥ 1.0×): ${verdict(ratio >= 1)}`);
    }
    if (sizes.length >= 2 && at('app').length) {
      const [a, b] = sizes.slice(-2) as [number, number];
      const growth = perRow(b) / perRow(a);
      console.log(
        `  app time per relationship at ${b} ÷ at ${a}: ${growth.toFixed(2)} (target ≤ 1.5): ${verdict(growth <= 1.5)}`,
      );
    }
    const peak = Math.max(0, ...runs.filter((r) => r.method === 'app').map((r) => r.rssMb ?? 0));
    if (peak) console.log(`  app peak RSS ${peak} MB (target < 1,024 MB): ${verdict(peak < 1024)}`);
  } finally {
    await driver.close();
    if (started.startedHere) await stop(db);
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
