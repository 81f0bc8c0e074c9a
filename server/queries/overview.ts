/** GET /api/graph (what the viewer loads first) and GET /api/schema. */
import neo4j, { type ManagedTransaction, type Node } from 'neo4j-driver';
import { ONTOLOGY_LABEL } from '../../ingest/mapping/extensions-store.js';
import {
  type GraphEdge,
  type GraphNode,
  NODE_LABELS,
  type NodeLabel,
  quoteCypherName,
  RELATIONSHIP_TYPES,
  type Subgraph,
} from '../../ontology/index.js';
import { GraphCollector, nodeId } from '../db/convert.js';
import type { GraphDb } from '../db/graph-db.js';
import { fitSubgraph, type Truncated, type Truncation, truncation } from './bounds.js';
import { type ClaimFilter, claimPredicate } from './subgraph.js';

/** Above this many (label-filtered) nodes, `mode=auto` answers with the summary. */
export const SUMMARY_THRESHOLD = 5_000;

export interface Totals {
  nodes: number;
  edges: number;
  /** Nodes per ontology label (from Neo4j's count store). */
  labels: Record<string, number>;
  /** Relationships per type. */
  types: Record<string, number>;
}

export interface Overview extends Subgraph {
  /** `top`: the most connected nodes; `summary`: one node per label, one edge per (label, type, label). */
  mode: 'top' | 'summary';
  total: Totals;
  truncated: Truncated;
}

export interface OverviewOptions {
  labels?: NodeLabel[];
  limit: number;
  /** `auto` = `summary` above SUMMARY_THRESHOLD nodes, else `top`. */
  mode: 'auto' | 'top' | 'summary';
  maxEdges: number;
  maxBytes: number;
  claims?: ClaimFilter;
}

/**
 * What the viewer loads first. A graph of up to SUMMARY_THRESHOLD nodes (the review's)
 * gets today's view: the most connected nodes by stored degree, with the edges among
 * them. A larger one gets the label/type meta-graph, since its top-degree nodes are a
 * hairball of hubs that says little and costs megabytes.
 */
export async function overview(db: GraphDb, options: OverviewOptions): Promise<Overview> {
  const total = await totals(db, options.labels);
  const mode = options.mode === 'auto' ? (total.nodes > SUMMARY_THRESHOLD ? 'summary' : 'top') : options.mode;
  return mode === 'summary' ? summary(db, total, options) : topDegree(db, total, options);
}

async function totals(db: GraphDb, labels: NodeLabel[] | undefined): Promise<Totals> {
  const [c, n, e] = await Promise.all([
    db.query(countStoreQuery(NODE_LABELS, RELATIONSHIP_TYPES)),
    labels?.length
      ? db.query('MATCH (n:Entity) WHERE any(l IN labels(n) WHERE l IN $labels) RETURN count(n) AS c', { labels })
      : db.query('MATCH (n:Entity) RETURN count(n) AS c'),
    labels?.length
      ? db.query(
          `MATCH (n:Entity)-[r]->(m:Entity) WHERE any(l IN labels(n) WHERE l IN $labels)
           AND any(l IN labels(m) WHERE l IN $labels) RETURN count(r) AS c`,
          { labels },
        )
      : db.query('MATCH ()-[r]->() RETURN count(r) AS c'),
  ]);
  const counts = countsOf(c[0], NODE_LABELS, RELATIONSHIP_TYPES);
  const nonZero = (m: Map<string, number>) => Object.fromEntries([...m].filter(([, x]) => x !== 0));
  return {
    nodes: Number(n[0]?.get('c') ?? 0),
    edges: Number(e[0]?.get('c') ?? 0),
    labels: nonZero(counts.labels),
    types: nonZero(counts.types),
  };
}

/**
 * One statement of `COUNT { (:Label) }` and `COUNT { ()-[:TYPE]->() }` lookups, each
 * answered from Neo4j's count store (one db hit): a `MATCH … count(…)` per name joined by
 * UNION ALL is planned as label and type scans instead (1M db hits on 1M relationships).
 */
function countStoreQuery(labels: readonly string[], types: readonly string[]): string {
  const list = (names: readonly string[], pattern: (q: string) => string) =>
    `[${names.map((x) => `COUNT { ${pattern(quoteCypherName(x))} }`).join(', ')}]`;
  return `RETURN ${list(labels, (q) => `(:${q})`)} AS labels, ${list(types, (q) => `()-[:${q}]->()`)} AS types`;
}

/** A countStoreQuery row as counts by name (the names it was built from, in order). */
function countsOf(
  row: { get(key: string): unknown } | undefined,
  labels: readonly string[],
  types: readonly string[],
): { labels: Map<string, number>; types: Map<string, number> } {
  const read = (key: string, names: readonly string[]) => {
    const counts = (row?.get(key) ?? []) as unknown[];
    return new Map(names.map((name, i) => [name, Number(counts[i] ?? 0)]));
  };
  return { labels: read('labels', labels), types: read('types', types) };
}

async function topDegree(db: GraphDb, total: Totals, options: OverviewOptions): Promise<Overview> {
  const claim = claimPredicate(options.claims);
  const labels = options.labels ?? [];
  const filter = labels.length ? 'AND any(l IN labels(n) WHERE l IN $labels)' : '';
  return db.read(async (tx) => {
    const params = { labels, limit: neo4j.int(options.limit) };
    // Stored degree (ingest/ranks.ts), read in index order; counted per node only when
    // ranks were never computed for this database.
    let picked = await tx.run(
      `MATCH (n:Entity) WHERE n.degree >= 0 ${filter}
       RETURN n, n.degree AS degree ORDER BY n.degree DESC, n.id LIMIT $limit`,
      params,
    );
    if (picked.records.length < Math.min(options.limit, total.nodes)) {
      picked = await tx.run(
        `MATCH (n:Entity) WHERE true ${filter}
         WITH n, COUNT { (n)--() } AS degree
         ORDER BY degree DESC, n.id LIMIT $limit
         RETURN n, degree`,
        params,
      );
    }
    const degree = new Map<string, number>();
    const collector = new GraphCollector();
    for (const r of picked.records) {
      const n = r.get('n') as Node;
      collector.add(n);
      degree.set(nodeId(n), Number(r.get('degree')));
    }
    const ids = [...degree.keys()];
    // The claim filter thins the edges drawn among the chosen nodes; degree stays the node's own.
    const edges = await tx.run(
      `MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id IN $ids AND b.id IN $ids AND ${claim.where} RETURN r LIMIT $cap`,
      { ids, cap: neo4j.int(options.maxEdges + 1), ...claim.params },
    );
    for (const r of edges.records.slice(0, options.maxEdges)) collector.add(r.get('r'));
    const sub = collector.subgraph();
    const nodes = sub.nodes
      .map((n) => ({ ...n, degree: degree.get(n.id) ?? 0 }))
      .sort((a, b) => b.degree - a.degree || a.id.localeCompare(b.id));
    const fitted = fitSubgraph(nodes, sub.edges, options.maxBytes);
    const reasons: Truncation['reason'][] = [];
    if (nodes.length < total.nodes) reasons.push('nodes');
    if (edges.records.length > options.maxEdges) reasons.push('edges');
    if (fitted.cut) reasons.push('bytes');
    return {
      mode: 'top',
      nodes: fitted.nodes,
      edges: fitted.edges,
      total,
      truncated: truncation(reasons, {
        limit: options.limit,
        maxEdges: options.maxEdges,
        shown: { nodes: fitted.nodes.length, edges: fitted.edges.length },
      }),
    };
  });
}

/**
 * Per database: the meta-graph is a scan of every relationship, so it is kept until the
 * counts change. What is kept is the computation itself, so requests that arrive while it
 * runs (the server's warm-up and a first landing) share one scan.
 */
const summaryCache = new WeakMap<GraphDb, { key: string; edges: Promise<MetaEdge[]> }>();

interface MetaEdge {
  from: string;
  type: string;
  to: string;
  count: number;
}

function metaEdges(db: GraphDb, total: Totals): Promise<MetaEdge[]> {
  const key = JSON.stringify([total.types, total.labels]);
  const cached = summaryCache.get(db);
  if (cached?.key === key) return cached.edges;
  const edges = scanMetaEdges(db);
  summaryCache.set(db, { key, edges });
  // A failed scan is not kept: the next request tries again.
  edges.catch(() => {
    if (summaryCache.get(db)?.edges === edges) summaryCache.delete(db);
  });
  return edges;
}

async function scanMetaEdges(db: GraphDb): Promise<MetaEdge[]> {
  const known = [...NODE_LABELS];
  const rows = await db.query(
    `MATCH (a:Entity)-[r]->(b:Entity)
     WITH [l IN labels(a) WHERE l IN $known][0] AS from, type(r) AS type, [l IN labels(b) WHERE l IN $known][0] AS to
     RETURN from, type, to, count(*) AS count ORDER BY count DESC`,
    { known },
  );
  return rows.map((r) => ({
    from: (r.get('from') as string | null) ?? 'Entity',
    type: r.get('type') as string,
    to: (r.get('to') as string | null) ?? 'Entity',
    count: Number(r.get('count')),
  }));
}

/**
 * Computes what the landing view needs once, in the background, when the server starts:
 * on a large graph the summary's scan of every relationship (seconds at a million) is then
 * done before the first reader asks. Failures are left to the requests that follow.
 */
export async function warmOverview(db: GraphDb): Promise<void> {
  const total = await totals(db, undefined);
  if (total.nodes > SUMMARY_THRESHOLD) await metaEdges(db, total);
}

/**
 * One node per label (`id: "label:Drug"`, `summary: true`, `count`) and one edge per
 * (label, type, label) with its `count`. Label filters keep the labels asked for; claim
 * filters do not apply (counts are of everything stored).
 */
async function summary(db: GraphDb, total: Totals, options: OverviewOptions): Promise<Overview> {
  const wanted = options.labels?.length ? new Set<string>(options.labels) : undefined;
  const keep = (l: string) => !wanted || wanted.has(l);
  const nodes: GraphNode[] = Object.entries(total.labels)
    .filter(([l]) => keep(l))
    .sort((a, b) => b[1] - a[1])
    .map(([label, count]) => ({
      id: `label:${label}`,
      label: label as NodeLabel,
      name: `${label} (${count.toLocaleString('en-US')})`,
      summary: true,
      count,
      degree: count,
    }));
  const edges: GraphEdge[] = (await metaEdges(db, total))
    .filter((e) => keep(e.from) && keep(e.to))
    .map((e) => ({
      id: `meta:${e.from}:${e.type}:${e.to}`,
      type: e.type,
      source: `label:${e.from}`,
      target: `label:${e.to}`,
      summary: true,
      count: e.count,
    }));
  return { mode: 'summary', nodes, edges, total, truncated: false };
}

export interface SchemaCounts {
  labels: { label: string; count: number }[];
  relationshipTypes: { type: string; count: number }[];
  /**
   * Labels and relationship types that loaded datasets declared beyond the ontology
   * (`(:AtlasOntology)` nodes, see ingest/mapping/extensions-store.ts), with the colour and
   * description a viewer shows and the datasets that declared them.
   */
  declared: {
    labels: { label: string; prefix: string; color: string; description?: string; datasets: string[] }[];
    relationshipTypes: { type: string; from: string[]; to: string[]; description?: string; datasets: string[] }[];
  };
}

const texts = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const optionalText = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The declarations stored by loads, read in the caller's transaction. */
async function declaredSchema(tx: Pick<ManagedTransaction, 'run'>): Promise<SchemaCounts['declared']> {
  const res = await tx.run(`MATCH (o:${ONTOLOGY_LABEL}) RETURN o {.*} AS o ORDER BY o.kind, o.name`);
  const declared: SchemaCounts['declared'] = { labels: [], relationshipTypes: [] };
  for (const r of res.records) {
    const o = r.get('o') as Record<string, unknown>;
    if (o.kind === 'label') {
      declared.labels.push({
        label: String(o.name),
        prefix: String(o.prefix),
        color: String(o.color),
        description: optionalText(o.description),
        datasets: texts(o.datasets),
      });
    } else if (o.kind === 'relationshipType') {
      declared.relationshipTypes.push({
        type: String(o.name),
        from: texts(o.from),
        to: texts(o.to),
        description: optionalText(o.description),
        datasets: texts(o.datasets),
      });
    }
  }
  return declared;
}

/** Every ontology label and type (0 when absent) plus anything else found in the database. */
export async function schemaCounts(db: GraphDb): Promise<SchemaCounts> {
  return db.read(async (tx) => {
    // The names in use (token lookups), then every count from the count store.
    const used = await tx.run(
      `CALL db.labels() YIELD label WITH collect(label) AS labels
       CALL db.relationshipTypes() YIELD relationshipType
       RETURN labels, collect(relationshipType) AS types`,
    );
    const labelNames = [...new Set([...NODE_LABELS, ...((used.records[0]?.get('labels') ?? []) as string[])])];
    const typeNames = [...new Set([...RELATIONSHIP_TYPES, ...((used.records[0]?.get('types') ?? []) as string[])])];
    const counted = await tx.run(countStoreQuery(labelNames, typeNames));
    const { labels: labelCounts, types: typeCounts } = countsOf(counted.records[0], labelNames, typeNames);
    // A name left in the token store by deleted data is not listed (the ontology's always are).
    for (const [l, c] of labelCounts)
      if (c === 0 && !(NODE_LABELS as readonly string[]).includes(l)) labelCounts.delete(l);
    for (const [t, c] of typeCounts)
      if (c === 0 && !(RELATIONSHIP_TYPES as readonly string[]).includes(t)) typeCounts.delete(t);
    const declared = await declaredSchema(tx);
    // A declared label or type is listed (at 0) even before any node or relationship has it.
    for (const d of declared.labels) if (!labelCounts.has(d.label)) labelCounts.set(d.label, 0);
    for (const d of declared.relationshipTypes) if (!typeCounts.has(d.type)) typeCounts.set(d.type, 0);
    return {
      labels: [...labelCounts]
        .map(([label, count]) => ({ label, count }))
        .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
      relationshipTypes: [...typeCounts]
        .map(([type, count]) => ({ type, count }))
        .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type)),
      declared,
    };
  });
}
