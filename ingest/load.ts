/**
 * The graph side of a load: the write statements (nodes, relationships), the plan (what a
 * dataset already has and which of it the new data no longer contains), removal of that,
 * wipe, and counts. Labels and types cannot be Cypher parameters; they are interpolated
 * only after a check against the ontology's closed lists.
 *
 * Ownership: a node's properties belong to the dataset that created it (`n.dataset`);
 * another dataset may link to it but never overwrites it. A relationship is identified by
 * its dataset and its key (`from|TYPE|to[|key]`), so two datasets stating the same fact
 * keep two relationships, each with its own provenance.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import {
  DECLARED_LABEL_PATTERN,
  DECLARED_TYPE_PATTERN,
  ENTITY_LABEL,
  NODE_LABELS,
  RELATIONSHIP_TYPES,
  RESISTANCE_LABEL,
  isRelationshipType,
  isTypeLabel,
  type NodeLabel,
  quoteCypherName,
  type RelationshipType,
} from '../ontology/index.js';
import type { NodeRecord, RelationshipRecord } from './dataset.js';
import { LOAD_LABEL } from './load-record.js';
import { schemaNames } from './schema.js';
import type { Statement } from './writer.js';

export interface GraphCounts {
  labels: Record<string, number>;
  relationshipTypes: Record<string, number>;
  nodes: number;
  relationships: number;
}

// Labels and types declared by a dataset's mapping were checked against its declarations
// by validation; here, before interpolation, their names must still have the safe shape.
export function checkedLabel(label: string): NodeLabel {
  if (!isTypeLabel(label) && !DECLARED_LABEL_PATTERN.test(label)) throw new Error(`not an ontology label: ${label}`);
  return label as NodeLabel;
}
export function checkedType(type: string): RelationshipType {
  if (!isRelationshipType(type) && !DECLARED_TYPE_PATTERN.test(type)) {
    throw new Error(`not an ontology relationship type: ${type}`);
  }
  return type as RelationshipType;
}

/** Index names may hold only letters, digits and `_`. */
function indexName(prefix: string, type: string): string {
  return `${prefix}_${type.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`;
}

/** Relationship property indexes on `key` and `dataset` for each type a load writes. */
export async function ensureRelationshipIndexes(
  driver: Driver,
  database: string,
  types: Iterable<string>,
  known?: Set<string>,
) {
  const existing = known ?? (await schemaNames(driver, database));
  let created = 0;
  for (const type of types) {
    const t = checkedType(type);
    for (const [prefix, property] of [
      ['rel_key', 'key'],
      ['rel_dataset', 'dataset'],
    ] as const) {
      if (existing.has(indexName(prefix, t))) continue;
      created++;
      try {
        await driver.executeQuery(
          `CREATE INDEX ${indexName(prefix, t)} IF NOT EXISTS FOR ()-[r:${t}]-() ON (r.${property})`,
          {},
          { database },
        );
      } catch (err) {
        // An equivalent index under another name (cypher/schema.cypher's) is just as good.
        if (!/EquivalentSchemaRuleAlreadyExists|already exists/i.test(String((err as Error).message))) throw err;
      }
    }
  }
  if (created > 0) await driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database });
}

/**
 * A property name as Cypher text: a batch sends each row as a list of values and the query
 * builds the property map from the names (`{\`name\`: row[3], …}`), which the driver packs
 * far faster than one map per row. Names come from validated records, and are quoted here
 * all the same.
 */
export function quotedProperty(name: string): string {
  if (name.length === 0 || name.length > 200) throw new Error(`not a property name: ${JSON.stringify(name)}`);
  return quoteCypherName(name);
}

/** The properties a batch writes: every name any of its rows has, in a stable order. */
export function propertyColumns(rows: ReadonlyArray<{ props: Record<string, unknown> }>, reserved: string[]): string[] {
  const names = new Set<string>();
  for (const row of rows) for (const name in row.props) if (row.props[name] !== undefined) names.add(name);
  for (const name of reserved) names.delete(name);
  return [...names].sort();
}

/**
 * How a batch's rows reach Neo4j: a Bolt parameter (`UNWIND $rows AS row`), or CSV that
 * Neo4j fetches itself (ingest/csv-transport.ts). `column(i)` is the Cypher expression of
 * the row's i-th value.
 */
export interface BatchRows {
  clause: string;
  column: (i: number) => string;
  params: Record<string, unknown>;
  /** Called once the batch is committed. */
  release?: () => void;
}

/** A batch's rows as a Bolt parameter. */
export function boltRows(rows: unknown[][]): BatchRows {
  return { clause: 'UNWIND $rows AS row', column: (i) => `row[${i}]`, params: { rows } };
}

/** Chooses how a batch's rows travel; the default sends them over Bolt. */
export type RowTransport = (rows: unknown[][]) => BatchRows | undefined;

/** `{id: row[0], dataset: $dataset, a: row[2], …}`: the map literal of a batch's columns. */
function mapLiteral(fixed: string[], columns: string[], offset: number, batch: BatchRows): string {
  return `{${[...fixed, ...columns.map((c, i) => `${quotedProperty(c)}: ${batch.column(i + offset)}`)].join(', ')}}`;
}

/** `onDone`, after the batch's rows are released. */
function releasing(batch: BatchRows, onDone?: (written: number) => void) {
  return (written: number) => {
    batch.release?.();
    onDone?.(written);
  };
}

/** Row values in the order of `columns`; an absent property is null (not written). */
function values(props: Record<string, unknown>, columns: string[]): unknown[] {
  return columns.map((c) => props[c] ?? null);
}

/** A group of node rows sharing labels: `[id, …values]`. */
export function nodeStatement(
  label: NodeLabel,
  resistance: boolean,
  rows: NodeRecord[],
  dataset: string,
  onDone?: (written: number) => void,
  transport?: RowTransport,
): Statement {
  const l = checkedLabel(label);
  const columns = propertyColumns(rows, ['id', 'dataset']);
  const table = rows.map((n) => [n.id, ...values(n.props, columns)]);
  const batch = transport?.(table) ?? boltRows(table);
  const query = `${batch.clause}
     MERGE (n:${ENTITY_LABEL} {id: ${batch.column(0)}})
     ON CREATE SET n.dataset = $dataset
     WITH n, row WHERE n.dataset = $dataset
     SET n = ${mapLiteral([`id: ${batch.column(0)}`, 'dataset: $dataset'], columns, 1, batch)},
         n:${l} ${resistance ? `, n:${RESISTANCE_LABEL}` : `REMOVE n:${RESISTANCE_LABEL}`}
     RETURN count(*) AS written`;
  return { query, params: { dataset, ...batch.params }, onDone: releasing(batch, onDone) };
}

/**
 * A batch of relationships of one type: `[from, to, key, …values]`, sorted by start node.
 * `create` (a fresh dataset) skips the lookup for an existing relationship; a retried batch
 * and every resumed load use MERGE on (key, dataset).
 */
export function relationshipStatement(
  type: RelationshipType,
  rows: RelationshipRecord[],
  dataset: string,
  create: boolean,
  onDone?: (written: number) => void,
  transport?: RowTransport,
): Statement {
  const t = checkedType(type);
  const columns = propertyColumns(rows, ['key', 'dataset']);
  rows.sort((x, y) => (x.from < y.from ? -1 : x.from > y.from ? 1 : 0));
  const table = rows.map((r) => [r.from, r.to, r.key, ...values(r.props, columns)]);
  const batch = transport?.(table) ?? boltRows(table);
  const props = mapLiteral([`key: ${batch.column(2)}`, 'dataset: $dataset'], columns, 3, batch);
  const head = `${batch.clause}
     MATCH (a:${ENTITY_LABEL} {id: ${batch.column(0)}})
     MATCH (b:${ENTITY_LABEL} {id: ${batch.column(1)}})`;
  const merge = `${head}
     MERGE (a)-[r:${t} {key: ${batch.column(2)}, dataset: $dataset}]->(b)
     SET r = ${props}
     RETURN count(*) AS written`;
  const createQuery = `${head}
     CREATE (a)-[r:${t}]->(b)
     SET r = ${props}
     RETURN count(*) AS written`;
  return {
    query: create ? createQuery : merge,
    retryQuery: merge,
    params: { dataset, ...batch.params },
    onDone: releasing(batch, onDone),
  };
}

export interface Plan {
  /** Items the dataset has in the graph now. */
  existing: { nodes: number; relationships: number };
  /** What the graph has for this dataset and the new data no longer contains. */
  staleNodes: string[];
  staleRelationships: Map<RelationshipType, string[]>;
  staleRelationshipCount: number;
}

/**
 * Reads the dataset's ids and keys from the graph (index seeks on `dataset`) and compares
 * them with the new data's. `types`: every type the dataset may have in the graph.
 */
export async function planRemovals(
  driver: Driver,
  database: string,
  dataset: string,
  ids: Map<string, unknown>,
  keys: Map<string, unknown>,
  types: Iterable<string>,
): Promise<Plan> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  const plan: Plan = {
    existing: { nodes: 0, relationships: 0 },
    staleNodes: [],
    staleRelationships: new Map(),
    staleRelationshipCount: 0,
  };
  try {
    for await (const record of session.run(`MATCH (n:${ENTITY_LABEL}) WHERE n.dataset = $dataset RETURN n.id AS id`, {
      dataset,
    })) {
      plan.existing.nodes++;
      const id = record.get('id') as string;
      if (!ids.has(id)) plan.staleNodes.push(id);
    }
    for (const type of new Set(types)) {
      const t = checkedType(type);
      const stale: string[] = [];
      for await (const record of session.run(`MATCH ()-[r:${t}]->() WHERE r.dataset = $dataset RETURN r.key AS key`, {
        dataset,
      })) {
        plan.existing.relationships++;
        const key = record.get('key') as string;
        if (!keys.has(key)) stale.push(key);
      }
      if (stale.length > 0) {
        plan.staleRelationships.set(t, stale);
        plan.staleRelationshipCount += stale.length;
      }
    }
  } finally {
    await session.close();
  }
  return plan;
}

export function removeRelationshipsStatement(
  type: RelationshipType,
  keys: string[],
  dataset: string,
  onDone?: (n: number) => void,
): Statement {
  const t = checkedType(type);
  return {
    query: `UNWIND $keys AS k
     MATCH ()-[r:${t} {key: k}]->() WHERE r.dataset = $dataset
     DELETE r RETURN count(*) AS removed`,
    params: { keys, dataset },
    onDone,
  };
}

/** Removes the dataset's stale nodes, except those other datasets still link to (kept, reported). */
export function removeNodesStatement(ids: string[], dataset: string, onDone?: (n: number) => void): Statement {
  return {
    query: `UNWIND $ids AS id
     MATCH (n:${ENTITY_LABEL} {id: id}) WHERE n.dataset = $dataset
     AND NOT EXISTS { (n)-[o]-() WHERE o.dataset IS NULL OR o.dataset <> $dataset }
     DETACH DELETE n RETURN count(*) AS removed`,
    params: { ids, dataset },
    onDone,
  };
}

/**
 * Items written under a dataset's former names become the dataset's own (e.g. `data`, the
 * folder name the pre-manifest builder used). Returns how many items changed hands.
 */
export async function adoptFormerNames(driver: Driver, database: string, dataset: string, formerly: string[]) {
  if (formerly.length === 0) return 0;
  const session = driver.session({ database });
  let adopted = 0;
  try {
    const any = await session.run(`MATCH (n:${ENTITY_LABEL}) WHERE n.dataset IN $formerly RETURN count(n) AS c`, {
      formerly,
    });
    if (Number(any.records[0]?.get('c')) === 0) return 0;
    for (const type of RELATIONSHIP_TYPES) {
      const r = await session.run(
        `MATCH ()-[r:${type}]->() WHERE r.dataset IN $formerly
         CALL (r) { SET r.dataset = $dataset } IN TRANSACTIONS OF 10000 ROWS RETURN count(*) AS c`,
        { formerly, dataset },
      );
      adopted += Number(r.records[0]?.get('c') ?? 0);
    }
    const n = await session.run(
      `MATCH (n:${ENTITY_LABEL}) WHERE n.dataset IN $formerly
       CALL (n) { SET n.dataset = $dataset } IN TRANSACTIONS OF 10000 ROWS RETURN count(*) AS c`,
      { formerly, dataset },
    );
    adopted += Number(n.records[0]?.get('c') ?? 0);
  } finally {
    await session.close();
  }
  return adopted;
}

/** Deletes every Entity and every load record, in transactions of `batchSize`. */
export async function wipeGraph(driver: Driver, database: string, batchSize: number): Promise<void> {
  const session = driver.session({ database });
  const rows = Math.max(1, Math.floor(batchSize));
  try {
    // Relationships first: a batch of nodes that includes hubs would otherwise delete
    // hundreds of thousands of relationships in one transaction (transaction memory cap).
    await session.run(`MATCH (:${ENTITY_LABEL})-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF ${rows} ROWS`);
    await session.run(`MATCH (n:${ENTITY_LABEL}) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF ${rows} ROWS`);
    await session.run(`MATCH (l:${LOAD_LABEL}) DELETE l`);
  } finally {
    await session.close();
  }
}

/** Nodes the graph already has among `ids`, with their type label (for links into other datasets). */
export async function existingLabels(driver: Driver, database: string, ids: string[]) {
  const found = new Map<string, NodeLabel>();
  for (let i = 0; i < ids.length; i += 10_000) {
    const result = await driver.executeQuery(
      `UNWIND $ids AS id MATCH (n:${ENTITY_LABEL} {id: id})
       RETURN n.id AS id, [l IN labels(n) WHERE l <> $entity AND l <> $resistance] AS labels`,
      { ids: ids.slice(i, i + 10_000), entity: ENTITY_LABEL, resistance: RESISTANCE_LABEL },
      { database },
    );
    for (const r of result.records) {
      const labels = r.get('labels') as string[];
      // A contract label, else a label some dataset declared.
      const label = (labels.find(isTypeLabel) ?? labels.find((l) => DECLARED_LABEL_PATTERN.test(l))) as
        | NodeLabel
        | undefined;
      if (label) found.set(r.get('id') as string, label);
    }
  }
  return found;
}

/** Counts per ontology label and type, from Neo4j's count store (constant time at any size). */
export async function graphCounts(driver: Driver, database: string): Promise<GraphCounts> {
  const labelNames = [...NODE_LABELS, RESISTANCE_LABEL];
  const queries = [
    ...labelNames.map((l) => `MATCH (n:${l}) RETURN '${l}' AS name, count(n) AS count`),
    ...RELATIONSHIP_TYPES.map((t) => `MATCH ()-[r:${t}]->() RETURN '${t}' AS name, count(r) AS count`),
    `MATCH (n:${ENTITY_LABEL}) RETURN '(nodes)' AS name, count(n) AS count`,
    `MATCH ()-[r]->() RETURN '(relationships)' AS name, count(r) AS count`,
  ];
  const result = await driver.executeQuery(queries.join(' UNION ALL '), {}, { database });
  const all = new Map(result.records.map((r) => [r.get('name') as string, Number(r.get('count'))]));
  const nonZero = (names: readonly string[]) =>
    Object.fromEntries(
      names
        .filter((n) => (all.get(n) ?? 0) > 0)
        .sort()
        .map((n) => [n, all.get(n)!]),
    );
  return {
    labels: nonZero(labelNames),
    relationshipTypes: nonZero(RELATIONSHIP_TYPES),
    nodes: all.get('(nodes)') ?? 0,
    relationships: all.get('(relationships)') ?? 0,
  };
}
