/** Fetch what a view is built from: the overview, an ego network, a Cypher answer or a saved question's. */
import type { Subgraph } from '../../../ontology/index.js';
import { api, asSubgraph, type CypherResult } from '../lib/api.js';
import { graphOfResult } from '../lib/resultGraph.js';
import type { ViewSpec } from '../lib/url.js';

export const OVERVIEW_LIMIT = 150;

export interface BaseView {
  sub: Subgraph;
  /** The table of a Cypher / saved-question view. */
  result?: { title: string; data: CypherResult };
  /** How many nodes and relationships the whole graph has (overview only). */
  totals?: { nodes: number; edges: number };
}

export async function fetchBaseView(spec: ViewSpec): Promise<BaseView> {
  switch (spec.mode) {
    case 'ego':
      return { sub: asSubgraph(await api.neighbors(spec.id!, spec.depth ?? 1, undefined, true)) };
    case 'cypher': {
      const data = await api.cypher(spec.query ?? '', spec.params ?? {});
      return { sub: await graphOfResult(data, spec.params), result: { title: 'Cypher query', data } };
    }
    case 'question': {
      const data = await api.runQuestion(spec.name ?? '', spec.params ?? {});
      return { sub: await graphOfResult(data, spec.params), result: { title: spec.name ?? 'Saved question', data } };
    }
    default: {
      const g = await api.graph(OVERVIEW_LIMIT);
      return { sub: asSubgraph(g), totals: { nodes: g.total.nodes, edges: g.total.edges } };
    }
  }
}
