/** A path as readable steps: Node –TYPE→ Node ←TYPE– Node. */
import type { GraphEdge, GraphNode } from '../../../ontology/index.js';
import { h } from '../lib/dom.js';
import { labelColor } from '../graph/colors.js';

export function chainEl(
  nodes: GraphNode[] | undefined,
  edges: GraphEdge[] | undefined,
  fallback: unknown,
): HTMLElement {
  const el = h('div', { class: 'chain' });
  if (nodes?.length && edges && edges.length === nodes.length - 1) {
    nodes.forEach((n, i) => {
      if (i > 0) {
        const e = edges[i - 1]!;
        const forward = e.source === nodes[i - 1]!.id;
        el.append(h('span', { class: 'step-rel' }, forward ? `–${e.type}→` : `←${e.type}–`));
      }
      el.append(
        h(
          'span',
          { class: 'step-node' },
          h('span', { class: 'swatch', style: `background:${labelColor(n.label)};margin-right:3px` }),
          String(n.name ?? n.id),
        ),
      );
    });
    return el;
  }
  el.textContent =
    typeof fallback === 'string' ? fallback : Array.isArray(fallback) ? fallback.map(String).join(' → ') : '';
  return el;
}
