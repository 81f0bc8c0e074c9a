/**
 * Layout maths, free of the renderer: a seeded random source, the deterministic
 * ForceAtlas2 settle used for every automatic layout (fixed iterations, fixed order, so
 * a seed and the same data give the same picture), the same settle cut into short slices
 * of main-thread time, and the grouped-by-type targets.
 */
/// <reference path="../types/forceatlas2-internals.d.ts" />
import { inferSettings } from 'graphology-layout-forceatlas2';
import FA2_DEFAULTS from 'graphology-layout-forceatlas2/defaults.js';
import iterateFA2 from 'graphology-layout-forceatlas2/iterate.js';
import type * as GraphTypes from 'graphology';
import { NODE_LABELS } from '../../../ontology/index.js';
import { labelColor } from './colors.js';

/** mulberry32: a small, fast, seedable PRNG (returns floats in [0, 1)). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0 || 0x9e3779b9;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The settings of every ForceAtlas2 run (settle and the live worker alike). */
export function fa2Settings(graph: GraphTypes.default): Record<string, unknown> {
  return {
    ...inferSettings(graph),
    barnesHutOptimize: graph.order > 400,
    slowDown: 4,
    gravity: 1,
    scalingRatio: 8,
    adjustSizes: false,
    // Hubs (HCC, nivolumab) attract less and move outward: fewer piles in the middle.
    outboundAttractionDistribution: true,
  };
}

/** Floats per node and per edge in ForceAtlas2's matrices (graphology-layout-forceatlas2/helpers.js). */
const PPN = 10;
const PPE = 3;

/** A ForceAtlas2 run over flat matrices, as graphology-layout-forceatlas2 builds them (edge weights 1). */
interface Fa2Run {
  settings: Record<string, unknown>;
  nodes: Float32Array;
  edges: Float32Array;
  moving: boolean[];
}

function prepare(
  graph: GraphTypes.default,
  fixedOf: (node: string, attrs: Record<string, unknown>) => boolean,
): Fa2Run {
  const nodes = new Float32Array(graph.order * PPN);
  const edges = new Float32Array(graph.size * PPE);
  const index = new Map<string, number>();
  const moving: boolean[] = [];
  let j = 0;
  graph.forEachNode((n, a) => {
    index.set(n, j);
    const fixed = fixedOf(n, a);
    moving.push(!fixed);
    nodes[j] = a.x as number;
    nodes[j + 1] = a.y as number;
    nodes[j + 6] = 1; // mass: 1 + degree (below)
    nodes[j + 7] = 1; // convergence
    nodes[j + 8] = (a.size as number) || 1;
    nodes[j + 9] = fixed ? 1 : 0;
    j += PPN;
  });
  j = 0;
  graph.forEachEdge((_e, _a, s, t) => {
    const sj = index.get(s)!;
    const tj = index.get(t)!;
    nodes[sj + 6] = nodes[sj + 6]! + 1;
    nodes[tj + 6] = nodes[tj + 6]! + 1;
    edges[j] = sj;
    edges[j + 1] = tj;
    edges[j + 2] = 1;
    j += PPE;
  });
  return { settings: { ...FA2_DEFAULTS, ...fa2Settings(graph) }, nodes, edges, moving };
}

/** Write the moved positions back in one update (fixed nodes are not written). */
function writeBack(graph: GraphTypes.default, run: Fa2Run): void {
  let k = 0;
  graph.updateEachNodeAttributes(
    (_n, a) => {
      if (run.moving[k / PPN]) {
        a.x = run.nodes[k]!;
        a.y = run.nodes[k + 1]!;
      }
      k += PPN;
      return a;
    },
    { attributes: ['x', 'y'] },
  );
}

/**
 * Run ForceAtlas2 synchronously for a fixed number of iterations (nodes with `fixed`
 * stay put): graphology-layout-forceatlas2's own iterations and settings, on matrices
 * built here. Deterministic: same positions in, same positions out.
 */
export function settle(graph: GraphTypes.default, iterations?: number): void {
  if (graph.order < 2) return;
  const n = iterations ?? Math.round(Math.max(60, Math.min(300, 60000 / Math.max(1, graph.order))));
  const run = prepare(graph, (_n, a) => a.fixed === true);
  for (let i = 0; i < n; i++) iterateFA2(run.settings, run.nodes, run.edges);
  writeBack(graph, run);
}

export interface SliceOptions {
  /** Nodes that keep their place (set in the matrix only: no attribute is written on the graph). */
  fixed?: (node: string) => boolean;
  /** Main-thread time one slice may take, ms (whole iterations: one iteration is never cut). */
  budgetMs?: number;
  /** Between slices: give the browser the thread (draw a frame, answer input). */
  pause: () => Promise<void>;
  /** Checked after each pause: true abandons the settle (the graph changed meanwhile); nothing is written. */
  cancelled?: () => boolean;
}

/**
 * The settle of `settle(graph, iterations)`, run in slices of at most `budgetMs` between
 * which the browser draws and answers input: the graph is read into ForceAtlas2's
 * matrices once, the iterations run on them across slices, and the moved positions are
 * written back once at the end. As deterministic as `settle`: how the iterations are cut
 * does not change what they compute. Resolves false when cancelled.
 */
export async function settleSliced(
  graph: GraphTypes.default,
  iterations: number,
  opts: SliceOptions,
): Promise<boolean> {
  if (graph.order < 2 || iterations <= 0) return true;
  const fixed = opts.fixed;
  const run = prepare(graph, fixed ? (n) => fixed(n) : (_n, a) => a.fixed === true);
  const budget = opts.budgetMs ?? 40;
  let sliceStart = performance.now();
  for (let i = 0; i < iterations; i++) {
    if (i > 0 && performance.now() - sliceStart >= budget) {
      await opts.pause();
      if (opts.cancelled?.()) return false;
      sliceStart = performance.now();
    }
    iterateFA2(run.settings, run.nodes, run.edges);
  }
  writeBack(graph, run);
  return true;
}

/** Starting positions on a disc, from the seed. */
export function seededPositions(ids: string[], seed: number): Record<string, { x: number; y: number }> {
  const rnd = seededRandom(seed);
  const radius = Math.max(10, Math.sqrt(ids.length) * 12);
  const out: Record<string, { x: number; y: number }> = {};
  ids.forEach((id, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, ids.length) + rnd() * 0.5;
    const r = radius * (0.3 + 0.7 * rnd());
    out[id] = { x: r * Math.cos(a), y: r * Math.sin(a) };
  });
  return out;
}

export interface GroupLabel {
  text: string;
  color: string;
  x: number;
  y: number;
}

/** One round cluster per shown type, clusters around a circle, each sized by its members. */
export function groupedTargets(
  graph: GraphTypes.default,
  kindOf: (id: string) => string,
  hidden: Set<string>,
): { targets: Record<string, { x: number; y: number }>; labels: GroupLabel[] } {
  const byType = new Map<string, string[]>();
  graph.forEachNode((n) => {
    const k = kindOf(n);
    if (hidden.has(k)) return;
    const l = byType.get(k);
    if (l) l.push(n);
    else byType.set(k, [n]);
  });
  const order = [
    ...NODE_LABELS,
    ...[...byType.keys()].filter((k) => !(NODE_LABELS as readonly string[]).includes(k)),
  ].filter((k) => byType.has(k));
  const STEP = 9;
  const radius = (n: number) => STEP * Math.sqrt(n) + 24;
  const radii = order.map((k) => radius(byType.get(k)!.length));
  const R = Math.max(40, (radii.reduce((a, r) => a + 2 * r, 0) * 1.15) / (2 * Math.PI), Math.max(...radii, 0) * 2);
  const targets: Record<string, { x: number; y: number }> = {};
  const labels: GroupLabel[] = [];
  let acc = 0;
  const totalArc = radii.reduce((a, r) => a + 2 * r, 0);
  order.forEach((k, gi) => {
    const ids = byType.get(k)!.sort((a, b) => graph.degree(b) - graph.degree(a) || a.localeCompare(b));
    const ang = (2 * Math.PI * (acc + radii[gi]!)) / totalArc;
    acc += 2 * radii[gi]!;
    const cx = order.length === 1 ? 0 : R * Math.cos(ang);
    const cy = order.length === 1 ? 0 : R * Math.sin(ang);
    // Sunflower (Vogel) spiral keeps a cluster round and evenly packed.
    ids.forEach((id, i) => {
      const r = STEP * Math.sqrt(i);
      const t = i * 2.39996;
      targets[id] = { x: cx + r * Math.cos(t), y: cy + r * Math.sin(t) };
    });
    // Graph y points up in sigma: the label sits above the cluster.
    labels.push({
      text: `${k} (${ids.length})`,
      color: labelColor(k),
      x: cx,
      y: cy + STEP * Math.sqrt(ids.length) + 6,
    });
  });
  return { targets, labels };
}
