/**
 * GraphML through graphology-graphml's parser. Node records: `{id, ...data}`; edge
 * records: `{id?, source, target, ...data}` with GraphML `<data>` typed by its `<key>`.
 * Which attribute holds the node's kind or the edge's type is the mapping's business.
 * Whole-document parse, size-capped (see xml.ts).
 */
import { MultiGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import { parse } from 'graphology-graphml';
import type { ReadOptions, SourceFormat, SourceRecord } from '../source.js';
import { displayName, malformed } from './lines.js';
import { elementLine, parseXmlFile } from './xml.js';

export function* graphRecords(
  graph: AbstractGraph,
  nodeElements: ArrayLike<Element>,
  edgeElements: ArrayLike<Element>,
  shown: string,
  tag: { node: string; edge: string },
): Generator<SourceRecord> {
  let ordinal = 0;
  let index = 0;
  // graphology keeps insertion order, which is document order; elements give the lines.
  for (const { node, attributes } of graph.nodeEntries()) {
    const element = nodeElements[index];
    index += 1;
    ordinal += 1;
    const line = (element && elementLine(element)) ?? index;
    yield {
      kind: 'node',
      value: { ...attributes, id: node },
      loc: { file: shown, line, record: ordinal, path: `${tag.node} ${node}` },
    };
  }
  index = 0;
  for (const { source, target, attributes } of graph.edgeEntries()) {
    const element = edgeElements[index];
    index += 1;
    ordinal += 1;
    const line = (element && elementLine(element)) ?? index;
    const declaredId = element?.getAttribute('id') || undefined;
    const value: Record<string, unknown> = { ...attributes, source, target };
    if (declaredId) value.id = declaredId;
    yield {
      kind: 'relationship',
      value,
      loc: { file: shown, line, record: ordinal, path: `${tag.edge} ${declaredId ?? `#${index}`}` },
    };
  }
}

/**
 * Checks what graphology would refuse without saying where: nodes without id, edges
 * whose ends are not nodes of the file. Throws at the element's line.
 */
export function checkElements(shown: string, nodes: ArrayLike<Element>, edges: ArrayLike<Element>): void {
  const ids = new Set<string>();
  for (let i = 0; i < nodes.length; i++) {
    const id = nodes[i]!.getAttribute('id');
    if (!id) throw malformed(shown, elementLine(nodes[i]!) ?? i + 1, `node #${i + 1}`, 'a <node> without id');
    ids.add(id);
  }
  for (let i = 0; i < edges.length; i++) {
    const edge = edges[i]!;
    for (const end of ['source', 'target'] as const) {
      const id = edge.getAttribute(end);
      if (!id || !ids.has(id)) {
        throw malformed(
          shown,
          elementLine(edge) ?? i + 1,
          `edge ${edge.getAttribute('id') || `#${i + 1}`}.${end}`,
          id ? `"${id}" is not a node of this file` : `an <edge> without ${end}`,
        );
      }
    }
  }
}

/** Graphology's errors name no place; find the element they are about when we can. */
export function parserError(shown: string, err: unknown, elements: ArrayLike<Element>): Error {
  const message = String((err as Error)?.message ?? err).replace(/^graphology[-a-z]*\/parser:\s*/i, '');
  const quoted = /"([^"]+)"/.exec(message)?.[1];
  let line = 1;
  if (quoted) {
    for (let i = 0; i < elements.length; i++) {
      const el = elements[i]!;
      if ([el.getAttribute('id'), el.getAttribute('source'), el.getAttribute('target')].includes(quoted)) {
        line = elementLine(el) ?? 1;
        break;
      }
    }
  }
  return malformed(shown, line, '(graph)', message);
}

/** graphology's GraphML and GEXF parsers share this signature. */
export type GraphParser = (Graph: typeof MultiGraph, doc: never) => AbstractGraph;

/**
 * Reads a GraphML or GEXF file: parse once with xmldom (for element lines), check the
 * elements, build the graph with graphology's parser, and yield its records.
 */
export async function* readXmlGraph(
  file: string,
  options: ReadOptions | undefined,
  format: 'GraphML' | 'GEXF',
  parseGraph: GraphParser,
): AsyncGenerator<SourceRecord> {
  const shown = displayName(file, options);
  const { doc } = parseXmlFile(file, shown, format);
  if (doc.getElementsByTagName('graph').length === 0) throw malformed(shown, 1, '(xml)', 'no <graph> element');
  const nodes = doc.getElementsByTagName('node');
  const edges = doc.getElementsByTagName('edge');
  checkElements(shown, nodes, edges);
  let graph: AbstractGraph;
  try {
    graph = parseGraph(MultiGraph, doc as never);
  } catch (err) {
    throw parserError(shown, err, [...Array.from(nodes), ...Array.from(edges)]);
  }
  if (graph.size !== edges.length) {
    throw malformed(
      shown,
      1,
      '(graph)',
      `${edges.length} <edge> elements gave ${graph.size} edges: two edges share an id`,
    );
  }
  yield* graphRecords(graph, nodes, edges, shown, { node: 'node', edge: 'edge' });
}

export const graphml: SourceFormat = {
  name: 'graphml',
  matches: (file) => /\.graphml$/i.test(file),
  read: (file, options) => readXmlGraph(file, options, 'GraphML', parse as GraphParser),
};
