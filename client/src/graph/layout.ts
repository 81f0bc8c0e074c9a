/**
 * Layout maths, free of the renderer: a seeded random source, the deterministic
 * ForceAtlas2 settle used for every automatic layout (fixed iterations, fixed order, so
 * a seed and the same data give the same picture), and the grouped-by-type targets.
 */
import forceAtlas2 from 'graphology-layout-forceatlas2';
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
    ...forceAtlas2.inferSettings(graph),
    barnesHutOptimize: graph.order > 400,
    slowDown: 4,
    gravity: 1,
    scalingRatio: 8,
    adjustSizes: false,
    // Hubs (HCC, nivolumab) attract less and move outward: fewer piles in the middle.
    outboundAttractionDistribution: true,
  };
}

/**
 * Run ForceAtlas2 synchronously for a fixed number of iterations (nodes with `fixed`
 * stay put). Deterministic: same positions in, same positions out.
 */
export function settle(graph: GraphTypes.default, iterations?: number): void {
  if (graph.order < 2) return;
  const n = iterations ?? Math.round(Math.max(60, Math.min(300, 60000 / Math.max(1, graph.order))));
  forceAtlas2.assign(graph, { iterations: n, settings: fa2Settings(graph), getEdgeWeight: null });
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
