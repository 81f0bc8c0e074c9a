/**
 * The bare page of `npm run bench:browser`: graphology + sigma with default settings and
 * nothing else, drawing the same JSON the viewer fetched (the same URLs, fetched here
 * again), so the viewer's cost can be read against the renderer's own. Positions are
 * random (no layout). Bundled by bench/browser.ts with Vite; served by a Playwright route.
 */
import { MultiDirectedGraph } from 'graphology';
import Sigma from 'sigma';

interface Shape {
  nodes?: { id: string }[];
  edges?: { id: string; source: string; target: string }[];
  node?: { id: string };
  relationships?: { id: string; direction: 'out' | 'in'; other: { id: string } }[];
}

const graph = new MultiDirectedGraph({ allowSelfLoops: true });
const container = document.getElementById('stage') as HTMLElement;
const sigma = new Sigma(graph, container, {});

let seed = 1;
const rand = () => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
const addNode = (id: string) => {
  if (!graph.hasNode(id)) graph.addNode(id, { x: rand(), y: rand(), size: 3, label: id });
};
const addEdge = (id: string, s: string, t: string) => {
  addNode(s);
  addNode(t);
  if (!graph.hasEdge(id)) graph.addDirectedEdgeWithKey(id, s, t, { size: 1 });
};

function add(json: Shape): void {
  for (const n of json.nodes ?? []) addNode(n.id);
  for (const e of json.edges ?? []) addEdge(String(e.id), e.source, e.target);
  if (json.node && json.relationships) {
    const me = json.node.id;
    for (const r of json.relationships) {
      if (r.direction === 'out') addEdge(r.id, me, r.other.id);
      else addEdge(r.id, r.other.id, me);
    }
  }
}

const frame = () => new Promise<number>((r) => requestAnimationFrame(() => requestAnimationFrame((t) => r(t))));

async function load(urls: string[]): Promise<{ ms: number; nodes: number; edges: number }> {
  const t0 = performance.now();
  for (const u of urls) add((await (await fetch(u)).json()) as Shape);
  sigma.refresh();
  await frame();
  return { ms: performance.now() - t0, nodes: graph.order, edges: graph.size };
}

declare global {
  interface Window {
    __bare: { load: typeof load; firstFrame: number | null; landing: Promise<void> };
  }
}

// The landing URLs come in the hash; the first frame after drawing them is "time to first frame".
const landingUrls = JSON.parse(decodeURIComponent(location.hash.slice(1) || '[]')) as string[];
window.__bare = {
  load,
  firstFrame: null,
  landing: load(landingUrls).then(() => {
    window.__bare.firstFrame = performance.now();
  }),
};
