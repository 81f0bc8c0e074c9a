/**
 * `npm run bench:browser [-- --sizes 1000,5000,20000]`: how the viewer holds up as the
 * drawn graph grows. The page runs against the review's graph; each size then swaps a
 * synthetic graph of N nodes / 2N edges into the one Sigma instance and measures the swap,
 * frame times during a 2 s camera pan/zoom, and frame times while ForceAtlas2 runs in its
 * worker. Headless Chromium renders WebGL on the CPU (SwiftShader): a laptop GPU does better.
 */
import path from 'node:path';
import { Command } from 'commander';
import { createDriver, type Neo4jConfig } from '../db/connection.js';
import { PROJECT_ROOT, start, stop } from '../db/launcher.js';
import { ingest } from '../ingest/ingest.js';
import { buildClientIfStale, CLIENT_DIST } from '../scripts/build-client.js';
import { startServer } from '../server/app.js';
import { launchBrowser } from '../tests/helpers/browser.js';

const opts = new Command()
  .option('--sizes <list>', 'node counts to draw', '500,2000,5000,10000,20000')
  .option('--no-labels', 'also switch off node and edge labels, to see what they cost')
  .parse()
  .opts<{ sizes: string; labels: boolean }>();

interface FrameStats {
  fps: number;
  p50: number;
  p95: number;
  max: number;
}

async function main(): Promise<void> {
  const sizes = opts.sizes.split(',').map(Number);
  await buildClientIfStale();
  const db = { home: path.join(PROJECT_ROOT, '.data/neo4j-bench'), port: 7689 };
  const started = await start(db, { heap: '1g' });
  const config: Neo4jConfig = {
    uri: `bolt://127.0.0.1:${db.port}`,
    user: 'neo4j',
    password: started.password,
    database: 'neo4j',
    managed: false,
    boltPort: db.port,
  };
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

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
