/**
 * GEXF (Gephi) through graphology-gexf's parser. Node records: `{id, label?, ...attvalues}`
 * (GEXF's `label` is the display name); edge records: `{id?, source, target, label?,
 * weight?, ...attvalues}`. Whole-document parse, size-capped (see xml.ts).
 */
import { MultiGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import { parse } from 'graphology-gexf';
import type { ReadOptions, SourceFormat, SourceRecord } from '../source.js';
import { checkElements, graphRecords, parserError } from './graphml.js';
import { displayName, malformed } from './lines.js';
import { parseXmlFile } from './xml.js';

async function* readGexf(file: string, options?: ReadOptions): AsyncGenerator<SourceRecord> {
  const shown = displayName(file, options);
  const { doc } = parseXmlFile(file, shown, 'GEXF');
  if (doc.getElementsByTagName('graph').length === 0) throw malformed(shown, 1, '(xml)', 'no <graph> element');
  const nodes = doc.getElementsByTagName('node');
  const edges = doc.getElementsByTagName('edge');
  checkElements(shown, nodes, edges);
  let graph: AbstractGraph;
  try {
    graph = parse(MultiGraph, doc as never);
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

export const gexf: SourceFormat = {
  name: 'gexf',
  matches: (file) => /\.gexf$/i.test(file),
  read: readGexf,
};
