/** GEXF (Gephi) through graphology-gexf's writer; nodes coloured by label as in the viewer. */
import { MultiDirectedGraph } from 'graphology';
import { write } from 'graphology-gexf';
import { LABEL_COLORS, type NodeLabel, type Subgraph } from '../../ontology/index.js';

export function writeGexf(graph: Subgraph): string {
  const g = new MultiDirectedGraph();
  for (const { id, ...attrs } of graph.nodes) g.addNode(id, attrs);
  for (const { id, source, target, ...attrs } of graph.edges) g.addDirectedEdgeWithKey(id, source, target, attrs);
  return write(g, {
    version: '1.3',
    pretty: true,
    formatNode: (_key, { name, label, ...rest }) => ({
      label: String(name ?? _key),
      // GEXF reserves `label` for the display name, so the type label travels as `type`.
      attributes: { ...withoutNulls(rest), type: label },
      viz: { color: LABEL_COLORS[label as NodeLabel] ?? '#999999' },
    }),
    formatEdge: (_key, { type, ...rest }) => ({
      label: String(type),
      attributes: { ...withoutNulls(rest), type },
    }),
  });
}

function withoutNulls(attrs: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(attrs).filter(([, v]) => v !== null && v !== undefined));
}
