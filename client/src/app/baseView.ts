/** Fetch what a view is built from: the overview, a label's members, an ego network, a Cypher answer or a saved question's. */
import type { Subgraph } from '../../../ontology/index.js';
import { MEMBERS_LIMIT, MEMBERS_MAX, membersMoreNode } from '../graph/lod/summaryNode.js';
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
  /** The overview is the label/type summary (one node per label), not the most connected nodes. */
  summary?: boolean;
  /** A label's members: how many are shown of how many. */
  members?: { label: string; shown: number; total: number };
}

export async function fetchBaseView(spec: ViewSpec): Promise<BaseView> {
  switch (spec.mode) {
    case 'members': {
      const label = spec.label ?? '';
      const limit = Math.min(MEMBERS_MAX, spec.limit ?? MEMBERS_LIMIT);
      const g = await api.graph(limit, [label], 'top');
      const sub = asSubgraph(g);
      const total = g.total.labels[label] ?? g.total.nodes;
      const shown = sub.nodes.length;
      const more = membersMoreNode(label, limit, shown, total);
      return {
        sub: more ? { nodes: [...sub.nodes, more], edges: sub.edges } : sub,
        totals: { nodes: g.total.nodes, edges: g.total.edges },
        members: { label, shown, total },
      };
    }
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
      return {
        sub: asSubgraph(g),
        totals: { nodes: g.total.nodes, edges: g.total.edges },
        summary: g.mode === 'summary',
      };
    }
  }
}
