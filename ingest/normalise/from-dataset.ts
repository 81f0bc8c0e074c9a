/** Builds the resolver index from validated records (a data folder), without a database. */
import type { NodeRecord } from '../dataset.js';
import { ResolverIndex } from './resolver-index.js';

export function indexFromNodes(nodes: Iterable<NodeRecord>, index = new ResolverIndex()): ResolverIndex {
  for (const node of nodes) index.add({ ...node.props, id: node.id, label: node.label });
  return index;
}
