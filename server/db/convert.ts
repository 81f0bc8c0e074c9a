/**
 * Neo4j driver values → plain JSON in the ontology's GraphNode / GraphEdge shapes.
 *
 * Node ids in the API are the ontology `id` property (elementId only for a node that
 * has none). Edge `source`/`target` are those node ids, because that is what the viewer
 * and graphology key on; the relationship's own provenance property `source` would
 * collide with that, so on edges it is returned as `dataSource`.
 */
import {
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPath,
  isPoint,
  isRelationship,
  isTime,
  type Node,
  type Path,
  type Relationship,
} from 'neo4j-driver';
import {
  ENTITY_LABEL,
  NODE_LABELS,
  RESISTANCE_LABEL,
  type GraphEdge,
  type GraphNode,
  type NodeLabel,
  type Subgraph,
} from '../../ontology/index.js';

const TYPE_LABELS = new Set<string>(NODE_LABELS);

/** The type label of a node: the ontology label, else the first non-Entity label. */
export function typeLabel(labels: readonly string[]): NodeLabel {
  const known = labels.find((l) => TYPE_LABELS.has(l));
  const fallback = labels.find((l) => l !== ENTITY_LABEL && l !== RESISTANCE_LABEL) ?? labels[0] ?? ENTITY_LABEL;
  return (known ?? fallback) as NodeLabel;
}

/** Any driver value → JSON (Integer → number, temporal → ISO string, graph types kept). */
export function plainValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Most property values are strings, numbers and lists of them: answer those before
  // probing for the driver's own types (this runs for every property of every result).
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return value;
    case 'bigint':
      return Number(value);
    case 'object':
      break;
    default:
      return value;
  }
  if (Array.isArray(value)) return value.map(plainValue);
  if (isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (
    isDate(value) ||
    isDateTime(value) ||
    isLocalDateTime(value) ||
    isLocalTime(value) ||
    isTime(value) ||
    isDuration(value)
  ) {
    return value.toString();
  }
  if (isPoint(value)) {
    return { srid: plainValue(value.srid), x: value.x, y: value.y, ...(value.z !== undefined ? { z: value.z } : {}) };
  }
  if (!isNode(value) && !isRelationship(value) && !isPath(value)) return plainProps(value as Record<string, unknown>);
  return value;
}

function plainProps(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(props)) out[k] = plainValue(props[k]);
  return out;
}

export function nodeId(node: Node): string {
  const id = node.properties.id;
  return typeof id === 'string' && id ? id : node.elementId;
}

export function toGraphNode(node: Node): GraphNode {
  const props = plainProps(node.properties);
  const id = nodeId(node);
  return {
    ...props,
    id,
    label: typeLabel(node.labels),
    name: typeof props.name === 'string' ? props.name : id,
    ...(node.labels.includes(RESISTANCE_LABEL) ? { resistance: true } : {}),
  };
}

/**
 * `ids` maps element ids to API node ids for endpoints known to the caller; an endpoint
 * not in it falls back to its element id (callers resolve endpoints first, see
 * GraphCollector.missingEndpoints).
 */
export function toGraphEdge(rel: Relationship, ids: ReadonlyMap<string, string>): GraphEdge {
  const props = plainProps(rel.properties);
  const dataSource = props.source;
  delete props.source;
  if (dataSource !== undefined) props.dataSource = dataSource;
  props.id = rel.elementId;
  props.type = rel.type;
  props.source = ids.get(rel.startNodeElementId) ?? rel.startNodeElementId;
  props.target = ids.get(rel.endNodeElementId) ?? rel.endNodeElementId;
  return props as unknown as GraphEdge;
}

/** Relationship properties as stored (provenance `source` under its own name). */
export function relationshipProps(rel: Relationship): Record<string, unknown> {
  return plainProps(rel.properties);
}

/** Collects every node, relationship and path in arbitrary values, de-duplicated. */
export class GraphCollector {
  private readonly nodes = new Map<string, Node>();
  private readonly rels = new Map<string, Relationship>();

  add(value: unknown): void {
    if (value === null || value === undefined) return;
    if (isNode(value)) {
      this.nodes.set(value.elementId, value);
    } else if (isRelationship(value)) {
      this.rels.set(value.elementId, value);
    } else if (isPath(value)) {
      this.addPath(value);
    } else if (Array.isArray(value)) {
      for (const v of value) this.add(v);
    } else if (typeof value === 'object' && !isInt(value)) {
      for (const v of Object.values(value)) this.add(v);
    }
  }

  private addPath(path: Path): void {
    this.nodes.set(path.start.elementId, path.start);
    this.nodes.set(path.end.elementId, path.end);
    for (const seg of path.segments) {
      this.nodes.set(seg.start.elementId, seg.start);
      this.nodes.set(seg.end.elementId, seg.end);
      this.rels.set(seg.relationship.elementId, seg.relationship);
    }
  }

  /** Element ids of relationship endpoints that were not themselves collected. */
  missingEndpoints(): string[] {
    const missing = new Set<string>();
    for (const r of this.rels.values()) {
      if (!this.nodes.has(r.startNodeElementId)) missing.add(r.startNodeElementId);
      if (!this.nodes.has(r.endNodeElementId)) missing.add(r.endNodeElementId);
    }
    return [...missing];
  }

  /** element id → API id for every collected node. */
  idMap(): Map<string, string> {
    return new Map([...this.nodes.values()].map((n) => [n.elementId, nodeId(n)]));
  }

  has(value: Node): boolean {
    return this.nodes.has(value.elementId);
  }

  subgraph(): Subgraph {
    const ids = this.idMap();
    return {
      nodes: [...this.nodes.values()].map(toGraphNode),
      edges: [...this.rels.values()].map((r) => toGraphEdge(r, ids)),
    };
  }
}

/** A row value with graph objects rendered for JSON (see module comment). */
export function rowValue(value: unknown, ids: ReadonlyMap<string, string>): unknown {
  if (value === null || value === undefined) return null;
  if (isNode(value)) return toGraphNode(value);
  if (isRelationship(value)) return toGraphEdge(value, ids);
  if (isPath(value)) {
    const nodes = [value.start, ...value.segments.map((s) => s.end)].map(toGraphNode);
    return { nodes, edges: value.segments.map((s) => toGraphEdge(s.relationship, ids)) };
  }
  if (Array.isArray(value)) return value.map((v) => rowValue(v, ids));
  if (typeof value === 'object' && !isInt(value) && !isPoint(value) && !isTemporal(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rowValue(v, ids)]));
  }
  return plainValue(value);
}

function isTemporal(v: unknown): boolean {
  return isDate(v) || isDateTime(v) || isLocalDateTime(v) || isLocalTime(v) || isTime(v) || isDuration(v);
}
