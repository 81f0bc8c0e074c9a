/**
 * A small GraphML writer (graphology-graphml only parses). Every attribute gets a
 * <key> with a type inferred over all its values; lists and objects are written as
 * JSON strings, since GraphML has no list type.
 */
import type { Subgraph } from '../../ontology/index.js';

type AttrType = 'boolean' | 'int' | 'long' | 'double' | 'string';

// Characters XML 1.0 forbids outright, and unpaired surrogates.
const INVALID_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(value: string): string {
  return value.replace(INVALID_XML, '').replace(/[&<>"']/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      default:
        return '&apos;';
    }
  });
}

function typeOf(values: unknown[]): AttrType {
  const present = values.filter((v) => v !== undefined && v !== null);
  if (present.length === 0) return 'string';
  if (present.every((v) => typeof v === 'boolean')) return 'boolean';
  if (present.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    const nums = present as number[];
    if (nums.every((n) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31)) return 'int';
    if (nums.every((n) => Number.isSafeInteger(n))) return 'long';
    return 'double';
  }
  return 'string';
}

function serialize(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

interface Key {
  id: string;
  name: string;
  type: AttrType;
}

function keysFor(kind: 'node' | 'edge', records: Record<string, unknown>[]): Key[] {
  const names = [...new Set(records.flatMap((r) => Object.keys(r)))].sort();
  const prefix = kind === 'node' ? 'n' : 'e';
  return names.map((name, i) => ({ id: `${prefix}${i}`, name, type: typeOf(records.map((r) => r[name])) }));
}

function dataLines(keys: Key[], attrs: Record<string, unknown>, indent: string): string[] {
  return keys
    .filter((k) => attrs[k.name] !== undefined && attrs[k.name] !== null)
    .map((k) => `${indent}<data key="${k.id}">${escapeXml(serialize(attrs[k.name]))}</data>`);
}

/**
 * Nodes keep their ontology id as the GraphML id; edges are directed. `label` is the
 * display name (what Gephi, yEd and Cytoscape show; `name` too, for Cytoscape's default
 * column) and the node's type label travels in its own `type` key. An edge's `label`
 * is its relationship type.
 */
export function writeGraphml(graph: Subgraph, graphId = 'checkpoint-atlas'): string {
  const nodeAttrs = graph.nodes.map(
    ({ id, label, name, ...rest }) =>
      ({ label: name ?? id, name: name ?? id, type: label, ...rest }) as Record<string, unknown>,
  );
  const edgeAttrs = graph.edges.map(
    ({ id: _id, source: _s, target: _t, ...rest }) => ({ label: rest.type, ...rest }) as Record<string, unknown>,
  );
  const nodeKeys = keysFor('node', nodeAttrs);
  const edgeKeys = keysFor('edge', edgeAttrs);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const [kind, keys] of [
    ['node', nodeKeys],
    ['edge', edgeKeys],
  ] as const) {
    for (const k of keys) {
      out.push(`  <key id="${k.id}" for="${kind}" attr.name="${escapeXml(k.name)}" attr.type="${k.type}"/>`);
    }
  }
  out.push(`  <graph id="${escapeXml(graphId)}" edgedefault="directed">`);
  graph.nodes.forEach((n, i) => {
    out.push(`    <node id="${escapeXml(n.id)}">`, ...dataLines(nodeKeys, nodeAttrs[i]!, '      '), '    </node>');
  });
  graph.edges.forEach((e, i) => {
    out.push(
      `    <edge id="${escapeXml(e.id)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}">`,
      ...dataLines(edgeKeys, edgeAttrs[i]!, '      '),
      '    </edge>',
    );
  });
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
