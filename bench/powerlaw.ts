/**
 * A power-law graph written straight to Neo4j with UNWIND batches, for measuring the
 * exploring API at scale (not the ingest: see bench:ingest for that). Relationship
 * targets follow a heavy-tailed distribution; `hubs` adds a few nodes with 10k+ edges.
 * Deterministic for a given size and seed.
 */
import type { Driver } from 'neo4j-driver';

export interface PowerLawSize {
  nodes: number;
  relationships: number;
  /** Number of hubs with HUB_EDGES extra edges each (0 for none). */
  hubs: number;
}

export const HUB_EDGES = 12_000;

const LABELS = [
  ['Drug', 'drug', 0.2],
  ['Target', 'target', 0.2],
  ['Mechanism', 'mechanism', 0.15],
  ['Biomarker', 'biomarker', 0.1],
  ['Trial', 'trial', 0.15],
  ['Outcome', 'outcome', 0.1],
  ['AdverseEvent', 'ae', 0.05],
  ['Reference', 'ref', 0.05],
] as const;
type Label = (typeof LABELS)[number][0];

/** (type, from label, to label) of the generated relationships. */
const KINDS: [string, Label, Label][] = [
  ['TARGETS', 'Drug', 'Target'],
  ['PARTICIPATES_IN', 'Target', 'Mechanism'],
  ['PROMOTES', 'Mechanism', 'Mechanism'],
  ['EVALUATES', 'Trial', 'Drug'],
  ['REPORTS', 'Trial', 'Outcome'],
  ['PREDICTS', 'Biomarker', 'Outcome'],
  ['CAUSES_ADVERSE_EVENT', 'Drug', 'AdverseEvent'],
  ['REPORTED_IN', 'Outcome', 'Reference'],
];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function idOf(label: Label, i: number): string {
  const prefix = LABELS.find((l) => l[0] === label)![1];
  return `${prefix}:pl-${i}`;
}

export interface Generated {
  nodes: number;
  relationships: number;
  counts: Record<string, number>;
  hubIds: string[];
  /** Ordinary node ids for sampling requests (drugs and targets of middling degree). */
  sampleIds: string[];
}

const BATCH = 10_000;

async function inBatches<T>(rows: T[], run: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await run(rows.slice(i, i + BATCH));
}

export async function writePowerLawGraph(
  driver: Driver,
  database: string,
  size: PowerLawSize,
  log: (m: string) => void,
  seed = 11,
): Promise<Generated> {
  const rand = rng(seed);
  const counts = Object.fromEntries(
    LABELS.map(([label, , share]) => [label, Math.max(1, Math.round(size.nodes * share))]),
  ) as Record<Label, number>;
  for (const [label] of LABELS) {
    const rows = Array.from({ length: counts[label] }, (_, i) => ({
      id: idOf(label, i),
      name: `Synthetic ${label.toLowerCase()} ${i}`,
      synonyms: [`syn-${label.toLowerCase()}-${i}`],
    }));
    await inBatches(rows, (batch) =>
      driver.executeQuery(
        `UNWIND $rows AS row CREATE (n:Entity:\`${label}\` {id: row.id, name: row.name, synonyms: row.synonyms, description: 'Synthetic power-law node.'})`,
        { rows: batch },
        { database },
      ),
    );
  }
  log(`  nodes written: ${Object.values(counts).reduce((a, b) => a + b, 0)}`);

  // Heavy tail: index = floor(n * u^3) puts most edges on the first few percent of nodes.
  const heavy = (n: number) => Math.min(n - 1, Math.floor(n * rand() ** 3));
  const byType = new Map<string, { from: string; to: string; refs: number[]; evidence: string | null }[]>();
  const hubKinds = KINDS.slice(0, Math.max(0, size.hubs));
  const hubIds = [...new Set(hubKinds.map(([, , to]) => idOf(to, 0)))];
  const add = (type: string, from: string, to: string) => {
    const list = byType.get(type) ?? [];
    const cited = rand() < 0.5;
    list.push({
      from,
      to,
      refs: cited ? [1 + Math.floor(rand() * 140)] : [],
      evidence: rand() < 0.5 ? `Synthetic ${type} evidence.` : null,
    });
    byType.set(type, list);
  };
  const ordinary = Math.max(0, size.relationships - hubKinds.length * HUB_EDGES);
  for (let i = 0; i < ordinary; i++) {
    const [type, from, to] = KINDS[i % KINDS.length]!;
    add(type, idOf(from, Math.floor(rand() * counts[from])), idOf(to, heavy(counts[to])));
  }
  for (const [type, from, to] of hubKinds) {
    for (let i = 0; i < HUB_EDGES; i++) add(type, idOf(from, i % counts[from]), idOf(to, 0));
  }
  let written = 0;
  for (const [type, rows] of byType) {
    await inBatches(rows, async (batch) => {
      await driver.executeQuery(
        `UNWIND $rows AS row
         MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to})
         CREATE (a)-[r:\`${type}\` {refs: row.refs, source: 'powerlaw'}]->(b)
         SET r.evidence = row.evidence`,
        { rows: batch },
        { database },
      );
      written += batch.length;
    });
    log(`  ${type}: ${rows.length} relationships (${written} so far)`);
  }
  const sampleIds = Array.from({ length: 200 }, (_, i) =>
    i % 2 ? idOf('Drug', 100 + i * 37) : idOf('Target', 200 + i * 53),
  ).filter((id) => Number(id.split('-').pop()) < Math.min(counts.Drug, counts.Target));
  return {
    nodes: Object.values(counts).reduce((a, b) => a + b, 0),
    relationships: written,
    counts,
    hubIds,
    sampleIds,
  };
}
