/**
 * A synthetic dataset in the data format, far larger than the review, for measuring
 * ingest and the API at scale. Shaped like the real graph: drugs target targets,
 * targets take part in mechanisms, trials evaluate drugs and report outcomes.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface SyntheticSize {
  drugs: number;
  targets: number;
  mechanisms: number;
  trials: number;
}

export function sizeFor(totalNodes: number): SyntheticSize {
  // drugs 2u + targets u + mechanisms u + trials 2u + outcomes u = 7u nodes.
  const unit = Math.max(1, Math.round(totalNodes / 7));
  return { drugs: unit * 2, targets: unit, mechanisms: unit, trials: unit * 2 };
}

/** Deterministic pseudo-random numbers, so every run measures the same graph. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function writeSyntheticData(
  dir: string,
  size: SyntheticSize,
  seed = 7,
): { nodes: number; relationships: number } {
  const rand = rng(seed);
  const pick = (n: number) => Math.floor(rand() * n);
  const node = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
    id,
    name,
    description: `Synthetic ${name}.`,
    refs: [1 + pick(140)],
    ...extra,
  });
  const nodes: object[] = [];
  const relationships: object[] = [];
  const rel = (type: string, from: string, to: string, extra: Record<string, unknown> = {}) =>
    relationships.push({ type, from, to, refs: [1 + pick(140)], evidence: `Synthetic ${type}.`, ...extra });

  for (let i = 0; i < size.targets; i++) nodes.push(node(`target:syn-${i}`, `Synthetic target ${i}`));
  for (let i = 0; i < size.mechanisms; i++) {
    nodes.push(
      node(`mechanism:syn-${i}`, `Synthetic mechanism ${i}`, { kind: i % 5 === 0 ? 'resistance' : 'signalling' }),
    );
    if (i > 0) rel('PROMOTES', `mechanism:syn-${i}`, `mechanism:syn-${pick(i)}`);
  }
  for (let i = 0; i < size.targets; i++) {
    rel('PARTICIPATES_IN', `target:syn-${i}`, `mechanism:syn-${pick(size.mechanisms)}`);
  }
  for (let i = 0; i < size.drugs; i++) {
    nodes.push(node(`drug:syn-${i}`, `Synthetic drug ${i}`, { modality: 'small molecule' }));
    const targets = new Set([pick(size.targets), pick(size.targets)]);
    for (const t of targets) rel('TARGETS', `drug:syn-${i}`, `target:syn-${t}`, { action: 'inhibitor' });
  }
  for (let i = 0; i < size.mechanisms; i += 5) {
    rel('CONFERS_RESISTANCE_TO', `mechanism:syn-${i}`, `drug:syn-${pick(size.drugs)}`);
  }
  for (let i = 0; i < size.trials; i++) {
    nodes.push(node(`trial:syn-${i}`, `Synthetic trial ${i}`, { phase: 'II', n: 10 + pick(500) }));
    const drug = `drug:syn-${pick(size.drugs)}`;
    rel('EVALUATES', `trial:syn-${i}`, drug);
    if (i % 2 === 0) {
      nodes.push(node(`outcome:syn-${i}`, `Synthetic outcome ${i}`, { metric: 'ORR', value: pick(60), unit: '%' }));
      rel('REPORTS', `trial:syn-${i}`, `outcome:syn-${i}`);
      rel('OUTCOME_OF', `outcome:syn-${i}`, drug);
    }
  }
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'synthetic.json'),
    JSON.stringify({ source: 'synthetic', section: 'Synthetic', nodes, relationships }),
  );
  return { nodes: nodes.length, relationships: relationships.length };
}
