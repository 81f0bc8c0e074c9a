/**
 * GEXF 1.2 (Gephi) through graphology-gexf's writer. The GEXF label is the name, the type
 * label travels as the `type` attribute, nodes are coloured by type as in the viewer, and
 * positions (when the caller knows them, e.g. the viewer's layout) become viz:position.
 */
import { MultiDirectedGraph } from 'graphology';
import { write } from 'graphology-gexf';
import { LABEL_COLORS, type NodeLabel, type Subgraph } from '../../ontology/index.js';

/** The namespaces the GEXF 1.2 draft schema defines (gexf.net/1.2draft/gexf.xsd, viz.xsd). */
export const GEXF_NS = 'http://www.gexf.net/1.2draft';
export const GEXF_VIZ_NS = 'http://www.gexf.net/1.2draft/viz';

export type Positions = Record<string, { x: number; y: number }>;

export function writeGexf(graph: Subgraph, positions: Positions = {}): string {
  const g = new MultiDirectedGraph();
  for (const { id, ...attrs } of graph.nodes) g.addNode(id, attrs);
  for (const { id, source, target, ...attrs } of graph.edges) g.addDirectedEdgeWithKey(id, source, target, attrs);
  const xml = write(g, {
    version: '1.2',
    pretty: true,
    formatNode: (key, { name, label, ...rest }) => {
      const p = positions[key];
      return {
        label: String(name ?? key),
        // GEXF reserves `label` for the display name, so the type label travels as `type`.
        attributes: { ...withoutNulls(rest), type: label },
        viz: {
          color: LABEL_COLORS[label as NodeLabel] ?? '#999999',
          ...(p ? { x: p.x, y: p.y } : {}),
        },
      };
    },
    formatEdge: (_key, { type, ...rest }) => ({
      label: String(type),
      attributes: { ...withoutNulls(rest), type },
    }),
  });
  // graphology-gexf 0.13 declares a malformed 1.1 viz namespace in 1.2 files; use the 1.2 one.
  return xml.replace(/xmlns:viz="[^"]*"/, `xmlns:viz="${GEXF_VIZ_NS}"`);
}

function withoutNulls(attrs: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(attrs).filter(([, v]) => v !== null && v !== undefined));
}
