/**
 * The byte budget of a Cypher response, measured while rows stream in: each row as it
 * will be serialised, plus every node and relationship the first time it appears
 * (they are repeated once in the response's `graph`).
 */
import { isNode, isPath, isRelationship, type Node, type Relationship } from 'neo4j-driver';
import { rowValue, toGraphEdge, toGraphNode } from '../db/convert.js';

const NO_IDS: ReadonlyMap<string, string> = new Map();

const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? 'null');

export class ResponseBudget {
  private readonly seen = new Set<string>();
  private used = 0;

  constructor(readonly maxBytes: number) {}

  get bytes(): number {
    return this.used;
  }

  /** Counts one row if it fits; false (and nothing counted) when it would not. */
  admit(values: readonly unknown[]): boolean {
    let cost = jsonBytes(values.map((v) => rowValue(v, NO_IDS)));
    const fresh = new Set<string>();
    const visit = (v: unknown): void => {
      if (v === null || typeof v !== 'object') return;
      if (isNode(v) || isRelationship(v)) {
        note(v);
        return;
      }
      if (isPath(v)) {
        note(v.start);
        for (const s of v.segments) {
          note(s.relationship);
          note(s.end);
        }
        return;
      }
      for (const x of Array.isArray(v) ? v : Object.values(v)) visit(x);
    };
    const note = (x: Node | Relationship) => {
      if (this.seen.has(x.elementId) || fresh.has(x.elementId)) return;
      fresh.add(x.elementId);
      cost += jsonBytes(isNode(x) ? toGraphNode(x) : toGraphEdge(x as Relationship, NO_IDS));
    };
    for (const v of values) visit(v);
    if (this.used + cost > this.maxBytes) return false;
    this.used += cost;
    for (const id of fresh) this.seen.add(id);
    return true;
  }
}
