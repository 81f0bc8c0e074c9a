/**
 * A power-law graph as neo4j-admin CSV, for the ingest benchmark and the kill/resume test.
 * Targets and mechanisms; each relationship starts at a uniformly chosen target and ends
 * at a node chosen with a strong skew (u^4 over the node list), so the first few nodes are
 * hubs with thousands to tens of thousands of edges, as in real biomedical graphs.
 * Deterministic for a given seed; pairs are unique, and no node links to itself.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface PowerLawSize {
  nodes: number;
  relationships: number;
  seed?: number;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Every tenth node is a mechanism, the rest are targets. */
export function powerLawNodeId(i: number): string {
  return i % 10 === 9 ? `mechanism:pl-${i}` : `target:pl-${i}`;
}

export interface PowerLawFiles {
  nodesFile: string;
  relationshipsFile: string;
  nodes: number;
  relationships: number;
  /** Edges of the busiest node. */
  maxDegree: number;
}

export function writePowerLawCsv(dir: string, size: PowerLawSize): PowerLawFiles {
  fs.mkdirSync(dir, { recursive: true });
  const rand = rng(size.seed ?? 42);
  const n = Math.max(2, size.nodes);
  const nodesFile = path.join(dir, 'nodes.csv');
  const relationshipsFile = path.join(dir, 'relationships.csv');
  const out = fs.openSync(nodesFile, 'w');
  let buf = 'id:ID,:LABEL,name,description,refs:int[],kind\n';
  for (let i = 0; i < n; i++) {
    const id = powerLawNodeId(i);
    const label = i % 10 === 9 ? 'Mechanism' : 'Target';
    const kind = label === 'Mechanism' ? 'mechanism' : 'target';
    const extra = label === 'Mechanism' ? 'signalling' : '';
    buf += `${id},${label},Synthetic ${kind} ${i},"Generated ${kind} ${i}, for load tests.",${1 + (i % 135)},${extra}\n`;
    if (buf.length > 1 << 20) {
      fs.writeSync(out, buf);
      buf = '';
    }
  }
  fs.writeSync(out, buf);
  fs.closeSync(out);
  const rout = fs.openSync(relationshipsFile, 'w');
  buf = ':START_ID,:END_ID,:TYPE,refs:int[],evidence,assertion\n';
  const seen = new Set<number>();
  const degree = new Uint32Array(n);
  let written = 0;
  const wanted = Math.min(size.relationships, Math.floor(n * (n - 1) * 0.5));
  while (written < wanted) {
    let from = Math.floor(rand() * n);
    if (from % 10 === 9) from -= 1; // relationships start at targets
    const to = Math.floor(n * rand() ** 4);
    if (from === to) continue;
    const pair = from * n + to;
    if (seen.has(pair)) continue;
    seen.add(pair);
    degree[from]!++;
    degree[to]!++;
    const type = to % 10 === 9 ? 'PARTICIPATES_IN' : 'BINDS';
    buf += `${powerLawNodeId(from)},${powerLawNodeId(to)},${type},${1 + (written % 135)},Generated edge ${written}.,association\n`;
    written++;
    if (buf.length > 1 << 20) {
      fs.writeSync(rout, buf);
      buf = '';
    }
  }
  fs.writeSync(rout, buf);
  fs.closeSync(rout);
  let maxDegree = 0;
  for (const d of degree) if (d > maxDegree) maxDegree = d;
  return { nodesFile, relationshipsFile, nodes: n, relationships: written, maxDegree };
}
