/**
 * `npm run bench:browser [-- --relationships 10000,100000 --nodes 20000 --more 3]`: the
 * viewer on a power-law graph with 12,000-edge hubs (bench/powerlaw.ts, written to a
 * private Neo4j on a free port), in headless Chromium (software WebGL). For each size it
 * opens the landing view, expands the largest hub, and opens its "+N more" node a few
 * times; each step prints the time to the first frame drawn after it, the longest
 * main-thread task (PerformanceObserver 'longtask') and the edges drawn — next to a bare
 * graphology + sigma page (bench/bare-page.ts) drawing the same JSON (the same API URLs,
 * fetched again) in the same run. Targets (issue 8): landing < 2 s, no task > 200 ms
 * while expanding the hub.
 *
 * `--swap 500,2000,20000`: the older measurement instead — synthetic graphs of N nodes /
 * 2N edges swapped into the viewer over the review's graph (refresh, hover, pan and FA2
 * frame times).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import type { Driver } from 'neo4j-driver';
import type { Page } from 'playwright-core';
import { createDriver, type Neo4jConfig, startedNeo4jConfig } from '../db/connection.js';
import { PROJECT_ROOT, start, stop } from '../db/launcher.js';
import { ingest } from '../ingest/ingest.js';
import { computeRanks } from '../ingest/ranks.js';
import { applySchema } from '../ingest/schema.js';
import { buildClientIfStale, CLIENT_DIST } from '../scripts/build-client.js';
import { startServer } from '../server/app.js';
import { freePort } from '../tests/global-setup.js';
import { launchBrowser } from '../tests/helpers/browser.js';
import { HUB_EDGES, writePowerLawGraph } from './powerlaw.js';

const opts = new Command()
  .option('--relationships <list>', 'power-law graphs of these many relationships', '10000,100000')
  .option('--nodes <n>', 'nodes of each power-law graph', '20000')
  .option('--hubs <n>', 'hubs of 12,000 edges (default: 1 below 36,000 relationships, else 3)')
  .option('--more <n>', 'times the hub’s largest "+N more" node is opened', '3')
  .option('--runs <n>', 'runs per size; the first warms the caches (server, Neo4j) and is not reported', '2')
  .option('--cpu-profile', 'print the viewer’s top functions by self time for each step (Chrome DevTools profiler)')
  .option(
    '--trace',
    'for each step, print what ran in its longest main-thread task: trace events and the functions sampled in it',
  )
  .option(
    '--probe',
    'after the last step, time a full redraw of the final view with one costly feature off at a time (what the frame pays for)',
  )
  .option(
    '--trace-out <dir>',
    'with --trace: also write each step’s raw Chrome trace (every thread, JSON) in this folder',
  )
  .option('--screenshot <dir>', 'save a PNG of the viewer after each step of the last run in this folder')
  .option(
    '--client-dist <dir>',
    'serve this build of the viewer instead of client/dist (e.g. a copy of an older build)',
  )
  .option('--swap <sizes>', 'instead: swap synthetic graphs of these node counts into the viewer')
  .option('--no-labels', 'with --swap: also switch off node and edge labels, to see what they cost')
  .parse()
  .opts<{
    relationships: string;
    nodes: string;
    hubs?: string;
    more: string;
    runs: string;
    cpuProfile?: boolean;
    trace?: boolean;
    traceOut?: string;
    screenshot?: string;
    clientDist?: string;
    probe?: boolean;
    swap?: string;
    labels: boolean;
  }>();

/** Collects long tasks from the first moment of every page (app and bare alike). */
const OBSERVER = `
window.__name = (f) => f;
window.__longtasks = [];
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
} catch (e) { window.__longtasks = null; }
window.__firstFrame = null;
(function poll() {
  requestAnimationFrame(() => {
    if (window.__atlas && window.__atlas.ready) requestAnimationFrame((t) => { window.__firstFrame = performance.now(); });
    else poll();
  });
})();
`;

interface Step {
  ms: number;
  /** From the action to the end of its last API data response (the server's share of `ms`). */
  apiMs: number;
  longestTask: number;
  drawnEdges: number;
  loadedEdges: number;
  nodes: number;
}

interface StepRow {
  size: string;
  step: string;
  app: Step;
  bare: Step;
  urls: number;
}

/** Longest task that started in [from, to] (ms since the page's time origin). */
async function longestTask(page: Page, from: number, to: number): Promise<number> {
  // Long-task entries arrive a little after the task ends.
  await page.waitForTimeout(300);
  return page.evaluate(
    ([a, b]) => {
      const list = (window as unknown as { __longtasks: { start: number; duration: number }[] | null }).__longtasks;
      if (!list) return Number.NaN;
      return Math.max(0, ...list.filter((t) => t.start >= a - 1 && t.start <= b).map((t) => t.duration));
    },
    [from, to] as [number, number],
  );
}

/** What the viewer draws: edges sigma does not hide (filters, budget), and every edge loaded. */
async function appCounts(page: Page): Promise<{ drawnEdges: number; loadedEdges: number; nodes: number }> {
  return page.evaluate(() => {
    const a = (window as any).__atlas;
    let drawn = 0;
    a.graph.forEachEdge((e: string) => {
      const d = a.sigma.getEdgeDisplayData(e);
      if (d && !d.hidden) drawn++;
    });
    return { drawnEdges: drawn, loadedEdges: a.graph.size, nodes: a.graph.order };
  });
}

const API_DATA = /\/api\/(graph|nodes\/[^/]+\/(neighbors|relationships))/;

/** When the last API data response of a step ended, in ms after `from` (resource timing). */
async function apiDone(page: Page, from: number): Promise<number> {
  return page.evaluate(
    ([from, pattern]) => {
      const re = new RegExp(pattern);
      const ends = performance
        .getEntriesByType('resource')
        .filter((e) => e.startTime >= from - 1 && re.test(e.name))
        .map((e) => (e as PerformanceResourceTiming).responseEnd - from);
      return ends.length ? Math.max(...ends) : 0;
    },
    [from, API_DATA.source] as [number, string],
  );
}

/** The API data requests a page makes while `run` runs. */
async function recording<T>(page: Page, run: () => Promise<T>): Promise<{ result: T; urls: string[] }> {
  const urls: string[] = [];
  const on = (r: { url(): string }) => {
    if (API_DATA.test(r.url())) urls.push(r.url());
  };
  page.on('request', on);
  try {
    return { result: await run(), urls };
  } finally {
    page.off('request', on);
  }
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { functionName?: string; url?: string; lineNumber?: number } };
}

interface CpuProfile {
  nodes: (ProfileNode & { children?: number[] })[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}

/**
 * Run `step` under Chrome tracing and the CPU profiler (with --trace), then print the
 * longest task on the page's main thread: its direct trace events (function calls,
 * timers, animation frames, layout, GC) and the functions sampled during it by inclusive
 * time (a function counts once per sample, whatever its depth).
 */
async function traced<T>(page: Page, label: string, step: () => Promise<T>): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'v8',
        'toplevel',
        'blink',
        // The compositor and the GPU process: what a long `Commit` waits for.
        ...(opts.traceOut ? ['cc', 'gpu', 'viz', 'disabled-by-default-devtools.timeline.frame'] : []),
      ],
    },
  } as never);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  try {
    return await step();
  } finally {
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    await cdp.send('Tracing.end');
    await done;
    await cdp.detach();
    if (opts.traceOut) {
      fs.mkdirSync(opts.traceOut, { recursive: true });
      const file = path.join(opts.traceOut, `${label.replace(/[^a-z0-9]+/gi, '-')}-${Date.now()}.json`);
      fs.writeFileSync(file, JSON.stringify({ traceEvents: events }));
      console.log(`    raw trace: ${file}`);
    }
    printLongestTask(label, events, profile);
  }
}

function printLongestTask(label: string, events: TraceEvent[], profile: CpuProfile): void {
  // Every renderer's main thread (the app and the bare page share the browser): the other page is idle.
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const tasks = events.filter(
    (e) =>
      e.ph === 'X' &&
      mains.has(`${e.pid}:${e.tid}`) &&
      (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'),
  );
  tasks.sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0));
  const longest = tasks[0];
  if (!longest) {
    console.log(`    trace of "${label}": no task on the main thread`);
    return;
  }
  const onMain = events.filter((e) => e.ph === 'X' && e.pid === longest.pid && e.tid === longest.tid);
  const end = longest.ts + (longest.dur ?? 0);
  const inside = onMain.filter((e) => e !== longest && e.ts >= longest.ts && e.ts + (e.dur ?? 0) <= end);
  // Direct children: not inside another event of the task.
  const top = inside.filter(
    (e) =>
      !inside.some(
        (o) => o !== e && o.ts <= e.ts && o.ts + (o.dur ?? 0) >= e.ts + (e.dur ?? 0) && (o.dur ?? 0) > (e.dur ?? 0),
      ),
  );
  const describe = (e: TraceEvent) => {
    const d = e.args?.data;
    return d?.functionName || d?.url
      ? `${e.name} ${d.functionName ?? ''} ${(d.url ?? '').split('/').pop()}:${d.lineNumber ?? ''}`
      : e.name;
  };
  const byName = new Map<string, number>();
  for (const e of inside) byName.set(e.name, (byName.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
  console.log(
    `    trace of "${label}": longest task ${((longest.dur ?? 0) / 1000).toFixed(0)} ms; in it: ${top
      .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
      .slice(0, 6)
      .map((e) => `${describe(e)} ${((e.dur ?? 0) / 1000).toFixed(0)} ms`)
      .join('; ')}`,
  );
  console.log(`      events (inclusive): ${largest(byName, 12)}`);
  // The next longest tasks, each by its largest event, to see what else is long.
  const next = tasks.slice(1, 6).map((t) => {
    const tEnd = t.ts + (t.dur ?? 0);
    const biggest = onMainOf(events, t)
      .filter((e) => e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= tEnd && e.name !== t.name)
      .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
      .slice(0, 2)
      .map((e) => `${describe(e)} ${((e.dur ?? 0) / 1000).toFixed(0)}`)
      .join(', ');
    return `${((t.dur ?? 0) / 1000).toFixed(0)} ms (${biggest})`;
  });
  console.log(`      next longest tasks: ${next.join('; ')}`);
  // Samples of the CPU profile inside the task, by inclusive time per function.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const inclusive = new Map<string, number>();
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    t += dt;
    if (t < longest.ts || t > end) return;
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const f = byId.get(n)!.callFrame;
      if (f.functionName === '(root)') continue;
      const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + dt / 1000);
    }
  });
  console.log(`      functions (inclusive): ${largest(inclusive, 25)}`);
}

/** Complete events on the thread of `task`. */
function onMainOf(events: TraceEvent[], task: TraceEvent): TraceEvent[] {
  return events.filter((e) => e.ph === 'X' && e.pid === task.pid && e.tid === task.tid);
}

/** The `n` largest entries of a name → milliseconds map, as one line. */
function largest(times: Map<string, number>, n: number): string {
  return [...times]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, ms]) => `${k} ${ms.toFixed(0)} ms`)
    .join('; ');
}

/** Run `step` under the DevTools CPU profiler (with --cpu-profile) and print the top self times. */
async function profiled<T>(page: Page, label: string, step: () => Promise<T>): Promise<T> {
  if (opts.trace) return traced(page, label, step);
  if (!opts.cpuProfile) return step();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  try {
    return await step();
  } finally {
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
      profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
    };
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      const f = byId.get(id)!.callFrame;
      const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
      self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    });
    const top = [...self]
      .filter(([k]) => !k.startsWith('(idle)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10);
    console.log(`    profile of "${label}": ${top.map(([k, ms]) => `${k} ${ms.toFixed(0)} ms`).join('; ')}`);
    await cdp.detach();
  }
}

async function bareStep(bare: Page, urls: string[]): Promise<Step> {
  await bare.bringToFront();
  const t0 = await bare.evaluate(() => performance.now());
  const r = await bare.evaluate((u) => (window as any).__bare.load(u), urls);
  const t1 = t0 + r.ms;
  return {
    ms: r.ms,
    apiMs: await apiDone(bare, t0),
    longestTask: await longestTask(bare, t0, t1),
    drawnEdges: r.edges,
    loadedEdges: r.edges,
    nodes: r.nodes,
  };
}

/** Time of an app action, from its call to the second frame after it settled. */
async function appStep(page: Page, action: string, arg: string): Promise<Step> {
  // Headless Chromium draws a page that is not the front tab at 1 frame per second once it
  // changes (measured: rAF every 1,017 ms after an expansion while the bare page was open).
  await page.bringToFront();
  const { t0, t1 } = await page.evaluate(
    async ([action, arg]) => {
      const a = (window as any).__atlas;
      const t0 = performance.now();
      await a.app[action](arg);
      while (a.app.busy) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return { t0, t1: performance.now() };
    },
    [action, arg] as [string, string],
  );
  return {
    ms: t1 - t0,
    apiMs: await apiDone(page, t0),
    longestTask: await longestTask(page, t0, t1),
    ...(await appCounts(page)),
  };
}

/**
 * What one full redraw of the view costs (longest task from a sigma refresh to the second
 * frame after it, median of 3), as it is and with one feature off at a time.
 */
async function probeFrames(page: Page): Promise<void> {
  const variants = [
    'as is',
    'as is, drawn in a frame',
    'no labels',
    'no edge labels',
    'no edge events',
    'line edges',
    'no edges',
    'no nodes',
  ];
  const out = await page.evaluate(async (variants) => {
    const a = (window as any).__atlas;
    const s = a.sigma;
    const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const longest = (t: number) =>
      Math.max(0, ...(window as any).__longtasks.filter((x: any) => x.start >= t).map((x: any) => x.duration));
    const edgeReducer = s.getSetting('edgeReducer');
    const nodeReducer = s.getSetting('nodeReducer');
    const settings: Record<string, () => () => void> = {
      'as is': () => () => {},
      // sigma draws in an animation frame, as after a change of the graph: the frame's commit then waits for the GPU work.
      'as is, drawn in a frame': () => () => {},
      'no labels': () => {
        s.setSetting('renderLabels', false);
        return () => s.setSetting('renderLabels', true);
      },
      'no edge labels': () => {
        const was = s.getSetting('renderEdgeLabels');
        s.setSetting('renderEdgeLabels', false);
        return () => s.setSetting('renderEdgeLabels', was);
      },
      'no edge events': () => {
        const was = s.getSetting('enableEdgeEvents');
        s.setSetting('enableEdgeEvents', false);
        return () => s.setSetting('enableEdgeEvents', was);
      },
      'line edges': () => {
        s.setSetting('edgeReducer', (e: string, d: any) => ({ ...edgeReducer(e, d), type: 'line' }));
        return () => s.setSetting('edgeReducer', edgeReducer);
      },
      'no edges': () => {
        s.setSetting('edgeReducer', (e: string, d: any) => ({ ...edgeReducer(e, d), hidden: true }));
        return () => s.setSetting('edgeReducer', edgeReducer);
      },
      'no nodes': () => {
        s.setSetting('nodeReducer', (n: string, d: any) => ({ ...nodeReducer(n, d), hidden: true }));
        return () => s.setSetting('nodeReducer', nodeReducer);
      },
    };
    const result: Record<string, number> = {};
    for (const v of variants) {
      const restore = settings[v]!();
      await frames();
      await new Promise((r) => setTimeout(r, 300));
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        s.refresh(v === 'as is, drawn in a frame' ? { schedule: true } : undefined);
        await frames();
        await new Promise((r) => setTimeout(r, 300));
        times.push(longest(t0));
      }
      restore();
      result[v] = times.sort((x, y) => x - y)[1]!;
    }
    await frames();
    return result;
  }, variants);
  console.log(
    `    probe, longest task of a full redraw: ${Object.entries(out)
      .map(([k, ms]) => `${k} ${ms.toFixed(0)} ms`)
      .join('; ')}`,
  );
}

async function bundleBarePage(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-bare-'));
  const { build } = await import('vite');
  await build({
    configFile: false,
    logLevel: 'warn',
    root: PROJECT_ROOT,
    build: {
      outDir: dir,
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      rolldownOptions: {
        input: path.join(PROJECT_ROOT, 'bench/bare-page.ts'),
        output: { entryFileNames: 'bare.js', format: 'es' },
        checks: { bundlerTimings: false },
      },
    } as Record<string, unknown>,
  });
  return fs.readFileSync(path.join(dir, 'bare.js'), 'utf8');
}

async function wipe(driver: Driver): Promise<void> {
  const session = driver.session({ database: 'neo4j' });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
}

async function runHubBench(): Promise<void> {
  if (!opts.clientDist) await buildClientIfStale();
  const clientDist = opts.clientDist ? path.resolve(opts.clientDist) : CLIENT_DIST;
  const bareJs = await bundleBarePage();
  // Before Neo4j: a missing Chromium must not leave a bench database running.
  const browser = await launchBrowser();
  const port = await freePort();
  const db = { home: path.join(PROJECT_ROOT, `.data/neo4j-bench-browser-${port}`), port };
  let t0 = performance.now();
  const started = await start(db, { heap: '1536m' });
  console.log(`Neo4j (port ${port}) started in ${Math.round(performance.now() - t0)} ms`);
  const config: Neo4jConfig = startedNeo4jConfig(port, started.password);
  const driver = createDriver(config);
  const server = await startServer({ port: 0, config, clientDist, log: () => {} });
  const rows: StepRow[] = [];
  try {
    await applySchema(driver, 'neo4j');
    for (const rels of opts.relationships.split(',').map(Number)) {
      await wipe(driver);
      const hubs = opts.hubs !== undefined ? Number(opts.hubs) : rels < 3 * HUB_EDGES ? 1 : 3;
      t0 = performance.now();
      const g = await writePowerLawGraph(
        driver,
        'neo4j',
        { nodes: Number(opts.nodes), relationships: rels, hubs },
        () => {},
      );
      await driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database: 'neo4j' });
      await computeRanks(driver, 'neo4j');
      const top = await driver.executeQuery(
        'MATCH (n:Entity) RETURN n.id AS id, n.degree AS d ORDER BY n.degree DESC LIMIT 1',
        {},
        { database: 'neo4j' },
      );
      const hub = top.records[0]!.get('id') as string;
      const size = `${g.relationships.toLocaleString('en-US')} rels / ${g.nodes.toLocaleString('en-US')} nodes`;
      console.log(
        `\n${size} written in ${Math.round(performance.now() - t0)} ms; largest hub ${hub} (${Number(top.records[0]!.get('d'))} relationships)`,
      );

      const runs = Math.max(1, Number(opts.runs));
      for (let run = 1; run <= runs; run++) {
        const reported = run > 1 || runs === 1;
        console.log(`  run ${run}${reported ? '' : ' (warm-up, not reported)'}`);
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        await context.addInitScript({ content: OBSERVER });
        await context.route(`${server.url}/__bench/**`, (route) => {
          const url = new URL(route.request().url());
          if (url.pathname.endsWith('/bare.js')) return route.fulfill({ contentType: 'text/javascript', body: bareJs });
          return route.fulfill({
            contentType: 'text/html',
            body: '<!doctype html><html><body style="margin:0"><div id="stage" style="width:100vw;height:100vh"></div><script type="module" src="/__bench/bare.js"></script></body></html>',
          });
        });
        const app = await context.newPage();
        const push = async (r: StepRow) => {
          print(r);
          if (reported) rows.push(r);
          if (opts.screenshot && run === runs) {
            fs.mkdirSync(opts.screenshot, { recursive: true });
            const file = path.join(opts.screenshot, `${rels}-${r.step.replace(/[^a-z0-9]+/gi, '-')}.png`);
            await app.screenshot({ path: file });
            console.log(`    screenshot: ${file}`);
          }
        };
        const errors: string[] = [];
        app.on('pageerror', (e) => errors.push(e.message));
        // Landing: navigation start to the first frame after the viewer is ready.
        const landing = await recording(app, async () => {
          await app.goto(server.url);
          await app.waitForFunction(() => (window as any).__firstFrame !== null, null, { timeout: 120_000 });
          return app.evaluate(() => (window as any).__firstFrame as number);
        });
        const appLanding: Step = {
          ms: landing.result,
          apiMs: await apiDone(app, 0),
          longestTask: await longestTask(app, 0, landing.result),
          ...(await appCounts(app)),
        };
        const bare = await context.newPage();
        await bare.goto(`${server.url}/__bench/bare.html#${encodeURIComponent(JSON.stringify(landing.urls))}`);
        await bare.waitForFunction(() => (window as any).__bare?.firstFrame != null, null, { timeout: 120_000 });
        const bareFirst = await bare.evaluate(() => (window as any).__bare.firstFrame as number);
        const bareCounts = await bare.evaluate(() => (window as any).__bare.load([]));
        const bareLanding: Step = {
          ms: bareFirst,
          apiMs: await apiDone(bare, 0),
          longestTask: await longestTask(bare, 0, bareFirst),
          drawnEdges: bareCounts.edges,
          loadedEdges: bareCounts.edges,
          nodes: bareCounts.nodes,
        };
        await push({ size, step: 'landing view', app: appLanding, bare: bareLanding, urls: landing.urls.length });

        const expand = await recording(app, () => profiled(app, 'expand', () => appStep(app, 'expand', hub)));
        await push({
          size,
          step: 'expand the largest hub',
          app: expand.result,
          bare: await bareStep(bare, expand.urls),
          urls: expand.urls.length,
        });

        for (let i = 1; i <= Number(opts.more); i++) {
          const more = await app.evaluate((hub) => {
            const a = (window as any).__atlas;
            let best: string | null = null;
            let left = 0;
            a.graph.forEachNode((n: string, attrs: any) => {
              const agg = attrs.data?.aggregate;
              if (!agg || agg.node !== hub) return;
              const rest = agg.total - (attrs.shown ?? agg.shown);
              if (rest > left) {
                left = rest;
                best = n;
              }
            });
            return best;
          }, hub);
          if (!more) {
            console.log('  (no "+N more" node left to open)');
            break;
          }
          const step = await recording(app, () => profiled(app, `load more #${i}`, () => appStep(app, 'expand', more)));
          await push({
            size,
            step: `load more #${i}`,
            app: step.result,
            bare: await bareStep(bare, step.urls),
            urls: step.urls.length,
          });
        }
        if (opts.probe && run === runs) await probeFrames(app);
        if (errors.length) console.log(`  page errors: ${errors.join(' | ')}`);
        await context.close();
      }
    }
    console.log('\nMarkdown:\n');
    console.log(
      '| graph | step | app: first frame ms | app: of it, API ms | app: longest task ms | app: edges drawn / loaded | bare: first frame ms | bare: of it, API ms | bare: longest task ms | bare: edges |',
    );
    console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of rows)
      console.log(
        `| ${r.size} | ${r.step} | ${r.app.ms.toFixed(0)} | ${r.app.apiMs.toFixed(0)} | ${r.app.longestTask.toFixed(0)} | ${r.app.drawnEdges} / ${r.app.loadedEdges} | ${r.bare.ms.toFixed(0)} | ${r.bare.apiMs.toFixed(0)} | ${r.bare.longestTask.toFixed(0)} | ${r.bare.drawnEdges} |`,
      );
    console.log('\nTargets (issue 8), reported runs:');
    for (const line of browserTargets(rows)) console.log(`  ${line}`);
  } finally {
    await browser.close();
    await server.close();
    await driver.close();
    if (started.startedHere) await stop(db);
    fs.rmSync(db.home, { recursive: true, force: true });
  }
}

/** Issue 8's viewer targets: the landing view drawn in under 2 s; expanding the largest hub leaves no task over 200 ms. */
function browserTargets(rows: StepRow[]): string[] {
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const of = (step: string) => rows.filter((r) => r.step === step);
  const landing = of('landing view');
  const expand = of('expand the largest hub');
  const list = (xs: StepRow[], pick: (s: Step) => number) =>
    xs.map((r) => `${r.size}: ${pick(r.app).toFixed(0)} ms, bare page ${pick(r.bare).toFixed(0)} ms`).join('; ');
  return [
    `landing view drawn in under 2,000 ms: ${verdict(landing.length > 0 && landing.every((r) => r.app.ms < 2000))} (${list(landing, (s) => s.ms)})`,
    `expanding the largest hub, no main-thread task over 200 ms: ${verdict(
      expand.length > 0 && expand.every((r) => r.app.longestTask <= 200),
    )} (${list(expand, (s) => s.longestTask)})`,
  ];
}

function print(r: StepRow): void {
  const f = (s: Step) =>
    `${s.ms.toFixed(0).padStart(6)} ms (API ${s.apiMs.toFixed(0)}), longest task ${s.longestTask.toFixed(0).padStart(4)} ms, ${s.drawnEdges}/${s.loadedEdges} edges, ${s.nodes} nodes`;
  console.log(`  ${r.step.padEnd(24)} app ${f(r.app)}  |  bare ${f(r.bare)}  (${r.urls} API requests)`);
}

interface FrameStats {
  fps: number;
  p50: number;
  p95: number;
  max: number;
}

async function runSwapBench(sizes: number[]): Promise<void> {
  await buildClientIfStale();
  const db = { home: path.join(PROJECT_ROOT, '.data/neo4j-bench'), port: 7689 };
  const started = await start(db, { heap: '1g' });
  const config: Neo4jConfig = startedNeo4jConfig(db.port, started.password);
  const driver = createDriver(config);
  await ingest({ driver, database: 'neo4j', dataDir: path.join(PROJECT_ROOT, 'data'), wipe: true });
  const server = await startServer({ port: 0, config, clientDist: CLIENT_DIST, log: () => {} });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // tsx compiles with esbuild's keepNames, whose __name helper doesn't exist in the page.
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    await page.goto(server.url);
    await page.waitForFunction(() => (window as any).__atlas?.ready === true, null, { timeout: 60_000 });
    console.log(
      'nodes   edges   swap ms  refresh ms  hover ms   pan/zoom fps  p50/p95/max frame ms   during FA2 fps  p95 frame ms',
    );
    for (const n of sizes) {
      const result = await page.evaluate(
        async ([n, labelsOn]: [number, boolean]) => {
          const atlas = (window as any).__atlas;
          atlas.sigma.setSetting('renderLabels', labelsOn);
          atlas.sigma.setSetting('renderEdgeLabels', labelsOn);
          const labels = ['Drug', 'Target', 'Mechanism', 'Trial', 'Outcome', 'Biomarker'];
          const nodes = Array.from({ length: n }, (_, i) => ({
            id: `syn:${i}`,
            label: labels[i % labels.length],
            name: `Synthetic ${i}`,
          }));
          let seed = 7;
          const rand = () => {
            seed = (seed * 1664525 + 1013904223) >>> 0;
            return seed / 2 ** 32;
          };
          const edges = Array.from({ length: 2 * n }, (_, i) => ({
            id: `e${i}`,
            source: `syn:${Math.floor(rand() * n)}`,
            target: `syn:${Math.floor(rand() * n)}`,
            type: 'TARGETS',
          })).filter((e) => e.source !== e.target);

          const frames = async (ms: number, during?: () => void): Promise<number[]> => {
            const times: number[] = [];
            let last = performance.now();
            const end = last + ms;
            during?.();
            await new Promise<void>((resolve) => {
              const tick = (now: number) => {
                times.push(now - last);
                last = now;
                if (now < end) requestAnimationFrame(tick);
                else resolve();
              };
              requestAnimationFrame(tick);
            });
            return times;
          };
          const stats = (times: number[]) => {
            const sorted = [...times].sort((a, b) => a - b);
            const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
            const total = times.reduce((a, b) => a + b, 0);
            return { fps: (times.length / total) * 1000, p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1]! };
          };

          const t0 = performance.now();
          atlas.view.replace({ nodes, edges }, { layoutMs: 0 });
          atlas.view.stopLayout();
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          const swapMs = performance.now() - t0;

          // Main-thread cost of a full refresh (filters, expansion) and of a hover refresh
          // (reducers only), median of 5; independent of how fast the GPU draws.
          const median = (f: () => void) => {
            const t: number[] = [];
            for (let i = 0; i < 5; i++) {
              const s0 = performance.now();
              f();
              t.push(performance.now() - s0);
            }
            return t.sort((a, b) => a - b)[2]!;
          };
          const refreshMs = median(() => atlas.sigma.refresh());
          const hoverMs = median(() => atlas.sigma.refresh({ skipIndexation: true }));

          const camera = atlas.sigma.getCamera();
          const pan = await frames(2000, () => {
            camera.animate({ x: 0.3, y: 0.7, ratio: 0.4 }, { duration: 1000 });
            setTimeout(() => camera.animate({ x: 0.5, y: 0.5, ratio: 1 }, { duration: 1000 }), 1000);
          });
          const layout = await frames(2000, () => atlas.view.startLayout(2000));
          atlas.view.stopLayout();
          return { edges: edges.length, swapMs, refreshMs, hoverMs, pan: stats(pan), layout: stats(layout) };
        },
        [n, opts.labels] as [number, boolean],
      );
      const f = (s: FrameStats) =>
        `${s.fps.toFixed(0).padStart(5)}         ${s.p50.toFixed(0)}/${s.p95.toFixed(0)}/${s.max.toFixed(0)}`;
      console.log(
        `${String(n).padEnd(7)} ${String(result.edges).padEnd(7)} ${result.swapMs.toFixed(0).padStart(7)} ${result.refreshMs.toFixed(1).padStart(10)} ${result.hoverMs.toFixed(1).padStart(9)}   ${f(result.pan).padEnd(36)} ${result.layout.fps.toFixed(0).padStart(5)}        ${result.layout.p95.toFixed(0)}`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
    await driver.close();
    if (started.startedHere) await stop(db);
  }
}

(opts.swap ? runSwapBench(opts.swap.split(',').map(Number)) : runHubBench()).catch((err) => {
  console.error(err);
  process.exit(1);
});
