/**
 * Checksums. `graphChecksum`: one number for a graph's content — every Entity's id, labels
 * and properties, every relationship's dataset, key, type, endpoints and properties —
 * independent of the order Neo4j returns them in (a sum of per-item hashes, so nothing has
 * to be sorted or held in memory). Two graphs with the same checksum hold the same items.
 * Ranks (`degree`, ingest/ranks.ts) are left out: they are derived from the whole graph,
 * so linking a new dataset to a node changes them without changing what the node says.
 * `fileChecksum`: sha-256 of a file's bytes, streamed.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import neo4j, { type Driver } from 'neo4j-driver';
import { ENTITY_LABEL } from '../ontology/index.js';

export interface GraphChecksum {
  nodes: number;
  relationships: number;
  /** Hex digest of the order-independent sum. */
  checksum: string;
}

const MOD = 1n << 128n;

/** Node properties without the derived ranks. */
function withoutRanks(props: Record<string, unknown>): Record<string, unknown> {
  const { degree: _degree, ...rest } = props;
  return rest;
}

/** Values as plain JSON with sorted keys: Neo4j integers become numbers. */
function canonical(value: unknown): unknown {
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

function itemHash(text: string): bigint {
  return BigInt(`0x${createHash('sha256').update(text).digest('hex').slice(0, 32)}`);
}

/** The checksum of every Entity and every relationship between Entities (or of one dataset's). */
export async function graphChecksum(
  driver: Driver,
  database: string,
  options: { dataset?: string } = {},
): Promise<GraphChecksum> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  let sum = 0n;
  let nodes = 0;
  let relationships = 0;
  const where = options.dataset === undefined ? '' : 'WHERE x.dataset = $dataset';
  try {
    const nodeResult = session.run(
      `MATCH (x:${ENTITY_LABEL}) ${where} RETURN x.id AS id, labels(x) AS labels, properties(x) AS props`,
      { dataset: options.dataset ?? null },
    );
    for await (const record of nodeResult) {
      const labels = (record.get('labels') as string[]).slice().sort();
      sum += itemHash(
        `N\u0000${record.get('id')}\u0000${labels.join(':')}\u0000${JSON.stringify(canonical(withoutRanks(record.get('props'))))}`,
      );
      nodes++;
    }
    const relResult = session.run(
      `MATCH (a:${ENTITY_LABEL})-[x]->(b:${ENTITY_LABEL}) ${where}
       RETURN type(x) AS type, a.id AS from, b.id AS to, properties(x) AS props`,
      { dataset: options.dataset ?? null },
    );
    for await (const record of relResult) {
      sum += itemHash(
        `R\u0000${record.get('type')}\u0000${record.get('from')}\u0000${record.get('to')}\u0000${JSON.stringify(canonical(record.get('props')))}`,
      );
      relationships++;
    }
  } finally {
    await session.close();
  }
  sum %= MOD;
  return { nodes, relationships, checksum: sum.toString(16).padStart(32, '0') };
}

export async function fileChecksum(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
