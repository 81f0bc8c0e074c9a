/**
 * Writes a validated Dataset into Neo4j in one transaction, in batches of UNWIND … MERGE.
 * One transaction means a failure leaves the graph as it was; MERGE on stable keys
 * plus removal of what this dataset no longer contains makes reruns converge.
 */
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import {
  ENTITY_LABEL,
  RESISTANCE_LABEL,
  isRelationshipType,
  isTypeLabel,
  type NodeLabel,
  type RelationshipType,
} from '../ontology/index.js';
import type { Dataset, NodeRecord, RelationshipRecord } from './dataset.js';

export interface LoadOptions {
  database: string;
  /** Name stamped on what this load writes; stale items of the same dataset are removed. */
  dataset: string;
  wipe?: boolean;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface GraphCounts {
  labels: Record<string, number>;
  relationshipTypes: Record<string, number>;
  nodes: number;
  relationships: number;
}

function batches<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

// Labels and types cannot be query parameters; they are interpolated only after this
// check against the ontology's closed lists.
function checkedLabel(label: string): NodeLabel {
  if (!isTypeLabel(label)) throw new Error(`not an ontology label: ${label}`);
  return label;
}
function checkedType(type: string): RelationshipType {
  if (!isRelationshipType(type)) throw new Error(`not an ontology relationship type: ${type}`);
  return type;
}

export async function loadDataset(driver: Driver, data: Dataset, options: LoadOptions): Promise<void> {
  const size = options.batchSize ?? 500;
  const nodeGroups = groupBy(data.nodes, (n) => n.label);
  const relGroups = groupBy(data.relationships, (r) => r.type);
  const work: Array<(tx: ManagedTransaction) => Promise<unknown>> = [];

  if (options.wipe) {
    work.push((tx) => tx.run(`MATCH (n:${ENTITY_LABEL}) DETACH DELETE n`));
  }
  for (const [label, nodes] of nodeGroups) {
    const l = checkedLabel(label);
    for (const batch of batches(nodes, size)) {
      work.push((tx) =>
        tx.run(
          `UNWIND $rows AS row
           MERGE (n:${ENTITY_LABEL} {id: row.id})
           SET n = row.props, n:${l}
           FOREACH (_ IN CASE WHEN row.resistance THEN [1] ELSE [] END | SET n:${RESISTANCE_LABEL})
           FOREACH (_ IN CASE WHEN row.resistance THEN [] ELSE [1] END | REMOVE n:${RESISTANCE_LABEL})`,
          { rows: batch.map((n) => nodeRow(n, options.dataset)) },
        ),
      );
    }
  }
  for (const [type, rels] of relGroups) {
    const t = checkedType(type);
    for (const batch of batches(rels, size)) {
      work.push((tx) =>
        tx.run(
          `UNWIND $rows AS row
           MATCH (a:${ENTITY_LABEL} {id: row.from})
           MATCH (b:${ENTITY_LABEL} {id: row.to})
           MERGE (a)-[r:${t} {key: row.key}]->(b)
           SET r = row.props`,
          { rows: batch.map((r) => relRow(r, options.dataset)) },
        ),
      );
    }
  }
  // Converge: drop what an earlier load of this dataset wrote and this one no longer has.
  work.push((tx) =>
    tx.run(`MATCH ()-[r]->() WHERE r.dataset = $dataset AND NOT r.key IN $keys DELETE r`, {
      dataset: options.dataset,
      keys: data.relationships.map((r) => r.key),
    }),
  );
  work.push((tx) =>
    tx.run(`MATCH (n:${ENTITY_LABEL}) WHERE n.dataset = $dataset AND NOT n.id IN $ids DETACH DELETE n`, {
      dataset: options.dataset,
      ids: data.nodes.map((n) => n.id),
    }),
  );

  const session = driver.session({ database: options.database });
  try {
    await session.executeWrite(async (tx) => {
      let done = 0;
      for (const step of work) {
        await step(tx);
        options.onProgress?.(++done, work.length);
      }
    });
  } finally {
    await session.close();
  }
}

function nodeRow(node: NodeRecord, dataset: string) {
  return { id: node.id, resistance: node.resistance, props: { ...node.props, id: node.id, dataset } };
}

function relRow(rel: RelationshipRecord, dataset: string) {
  return { key: rel.key, from: rel.from, to: rel.to, props: { ...rel.props, key: rel.key, dataset } };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}

export async function graphCounts(driver: Driver, database: string): Promise<GraphCounts> {
  const labels = await driver.executeQuery(
    `MATCH (n:${ENTITY_LABEL}) UNWIND labels(n) AS label WITH label WHERE label <> $entity
     RETURN label, count(*) AS count ORDER BY label`,
    { entity: ENTITY_LABEL },
    { database },
  );
  const types = await driver.executeQuery(
    'MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count ORDER BY type',
    {},
    { database },
  );
  const total = await driver.executeQuery(
    `MATCH (n:${ENTITY_LABEL}) WITH count(n) AS nodes
     OPTIONAL MATCH ()-[r]->() RETURN nodes, count(r) AS relationships`,
    {},
    { database },
  );
  const num = (v: unknown) => (typeof v === 'number' ? v : Number(v));
  return {
    labels: Object.fromEntries(labels.records.map((r) => [r.get('label'), num(r.get('count'))])),
    relationshipTypes: Object.fromEntries(types.records.map((r) => [r.get('type'), num(r.get('count'))])),
    nodes: num(total.records[0]?.get('nodes')),
    relationships: num(total.records[0]?.get('relationships')),
  };
}
