/**
 * Opening a "+N more" node: the next step of its group is paged in (moreNode.ts) and
 * merged into the view around the group's node; the node remembers its cursor, and the
 * view's level of detail renames it ("TARGETS: showing 550 of 10,000 — load more").
 */
import type { Subgraph } from '../../../../ontology/index.js';
import { aggregateOf, loadMore, moreCaption, type PageFetcher } from './moreNode.js';

export interface MoreHost {
  graph: {
    hasNode(id: string): boolean;
    getNodeAttribute(id: string, name: string): unknown;
    mergeNodeAttributes(id: string, attrs: Record<string, unknown>): void;
  };
  /** Add the page's nodes and edges around `anchor` (the view does it in short slices of main-thread time). */
  mergeInSlices(sub: Subgraph, anchor?: string): Promise<string[]>;
}

export async function openMoreNode(
  view: MoreHost,
  moreId: string,
  fetchPage: PageFetcher,
): Promise<{ added: string[]; message: string }> {
  const g = view.graph;
  const agg = g.hasNode(moreId) ? aggregateOf(g.getNodeAttribute(moreId, 'data')) : null;
  if (!agg || !g.hasNode(agg.node)) return { added: [], message: 'This "+N more" node is no longer in the view' };
  const name = String(g.getNodeAttribute(agg.node, 'label') ?? agg.node);
  if (g.getNodeAttribute(moreId, 'moreDone') === true)
    return { added: [], message: `Every ${agg.type} neighbour of ${name} is shown` };
  const cursor = (g.getNodeAttribute(moreId, 'moreCursor') as string | undefined) ?? null;
  const r = await loadMore(fetchPage, agg, cursor, (id) => g.hasNode(id));
  const added = await view.mergeInSlices(r.sub, agg.node);
  if (g.hasNode(moreId)) g.mergeNodeAttributes(moreId, { moreCursor: r.cursor, moreDone: r.done });
  const shown = Number(g.hasNode(moreId) ? (g.getNodeAttribute(moreId, 'shown') ?? agg.shown) : agg.total);
  return {
    added,
    message: `Added ${added.length.toLocaleString('en-US')} neighbours of ${name} · ${moreCaption(agg, r.done ? agg.total : shown)}`,
  };
}
