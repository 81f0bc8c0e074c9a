/** GET /api/paths: all shortest paths between two entities, optionally by relationship type. */
import neo4j, { type Path } from 'neo4j-driver';
import type { GraphEdge, GraphNode, RelationshipType, Subgraph } from '../../ontology/index.js';
import { GraphCollector, nodeId, toGraphEdge, toGraphNode } from '../db/convert.js';
import type { GraphDb } from '../db/graph-db.js';
import { BadParameterError, NotFoundError } from '../errors.js';
import { relTypePattern } from '../lib/ontology-guard.js';
import { type Truncated, truncation } from './bounds.js';
import { type ClaimFilter, claimPredicate } from './subgraph.js';

export interface PathResult {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** "Nivolumab –TARGETS→ PD-1 ←TARGETS– Pembrolizumab" */
  chain: string;
}

export interface PathsOptions {
  maxDepth: number;
  types?: RelationshipType[];
  limit: number;
  /** Every step of a path must pass the claim filter (see claimPredicate). */
  claims?: ClaimFilter;
}

/** A path as nodes in walking order, edges in their stored direction, and a readable chain. */
export function pathResult(path: Path): PathResult {
  const ids = new Map<string, string>();
  for (const seg of path.segments) {
    ids.set(seg.start.elementId, nodeId(seg.start));
    ids.set(seg.end.elementId, nodeId(seg.end));
  }
  const nodes = [path.start, ...path.segments.map((s) => s.end)].map(toGraphNode);
  const edges = path.segments.map((s) => toGraphEdge(s.relationship, ids));
  let chain = nodes[0]?.name ?? '';
  path.segments.forEach((seg, i) => {
    const forward = seg.relationship.startNodeElementId === seg.start.elementId;
    const type = seg.relationship.type;
    chain += forward ? ` –${type}→ ` : ` ←${type}– `;
    chain += nodes[i + 1]?.name ?? '';
  });
  return { nodes, edges, chain };
}

export async function shortestPaths(
  db: GraphDb,
  from: string,
  to: string,
  options: PathsOptions,
): Promise<{ paths: PathResult[]; graph: Subgraph; truncated: Truncated }> {
  if (from === to) throw new BadParameterError('to', 'must differ from "from"');
  const rel = relTypePattern(options.types, '');
  const claim = claimPredicate(options.claims, 'step');
  return db.read(async (tx) => {
    // maxDepth is a validated integer (1..6); lengths cannot be parameters.
    const res = await tx.run(
      `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
       MATCH p = allShortestPaths((a)-[${rel}*..${Math.trunc(options.maxDepth)}]-(b))
       ${claim.where === 'true' ? '' : `WHERE all(step IN relationships(p) WHERE ${claim.where})`}
       RETURN p LIMIT $limit`,
      // One past the limit, to say whether paths were dropped.
      { from, to, limit: neo4j.int(options.limit + 1), ...claim.params },
    );
    if (res.records.length === 0) {
      // No path, or no such node: only then is it worth a second round trip to tell which.
      const ends = await tx.run('MATCH (n:Entity) WHERE n.id IN [$from, $to] RETURN n.id AS id', { from, to });
      const found = new Set(ends.records.map((r) => r.get('id') as string));
      for (const id of [from, to]) if (!found.has(id)) throw new NotFoundError(`node "${id}"`, { id });
    }
    const dropped = res.records.length > options.limit;
    const collector = new GraphCollector();
    const paths = res.records.slice(0, options.limit).map((r) => {
      const p = r.get('p') as Path;
      collector.add(p);
      return pathResult(p);
    });
    return {
      paths,
      graph: collector.subgraph(),
      truncated: truncation(dropped ? ['limit'] : [], { limit: options.limit, shown: paths.length }),
    };
  });
}
