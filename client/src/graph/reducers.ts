/**
 * Sigma's node and edge reducers: what each node and edge looks like, derived from the
 * display state (filters, hover, selection, highlight). Pure: nothing here writes to the
 * graph or the state.
 */
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { assertionOf, isWeak, WEAK_EDGE, WEAK_EDGE_SIZE } from './assertions.js';
import {
  EDGE_ACTIVE,
  EDGE_COLOR,
  FADED_EDGE,
  FADED_NODE,
  HIGHLIGHT_EDGE,
  SELECTED_EDGE,
  communityColor,
} from './colors.js';
import type { AtlasGraph, DisplayState, EdgeAttrs, NodeAttrs } from './types.js';

/** A node is drawn when its type is shown. */
export function isNodeVisible(graph: AtlasGraph, s: DisplayState, id: string): boolean {
  if (!graph.hasNode(id)) return false;
  return !s.hiddenLabels.has(String(graph.getNodeAttribute(id, 'kind')));
}

/** A relationship is drawn: its type and claim kind are shown, and both its ends. */
export function isEdgeVisible(graph: AtlasGraph, s: DisplayState, edge: string): boolean {
  const a = graph.getEdgeAttributes(edge);
  const [src, tgt] = graph.extremities(edge);
  return (
    !s.hiddenRelTypes.has(a.relType) &&
    !s.hiddenAssertions.has(assertionOf(a.data)) &&
    isNodeVisible(graph, s, src) &&
    isNodeVisible(graph, s, tgt)
  );
}

function focusNodes(s: DisplayState): Set<string> | null {
  return s.hoverNeighbors ?? s.highlight?.nodes ?? null;
}

export function nodeReducer(graph: AtlasGraph, s: DisplayState, node: string, d: NodeAttrs): Partial<NodeDisplayData> {
  const res: Partial<NodeDisplayData> & Record<string, unknown> = { ...d };
  if (s.hiddenLabels.has(String(d.kind))) {
    res.hidden = true;
    return res;
  }
  if (s.colorBy === 'community') res.color = communityColor(d.community);
  const focus = focusNodes(s);
  if (focus && !focus.has(node)) {
    res.color = FADED_NODE;
    res.label = '';
    res.zIndex = 0;
  } else if (focus) {
    res.zIndex = 2;
    if (
      (s.hoverNeighbors && s.hoverNeighbors.size <= 30) ||
      (!s.hoverNeighbors && s.highlight && s.highlight.nodes.size <= 40)
    )
      res.forceLabel = true;
  }
  if (node === s.selected) {
    res.highlighted = true;
    res.forceLabel = true;
    res.zIndex = 3;
  }
  if (node === s.hovered) res.zIndex = 4;
  // Both ends of the hovered / selected relationship are named (sigma then labels the edge too).
  for (const e of [s.hoveredEdge, s.selectedEdge]) {
    if (e && graph.hasEdge(e) && (graph.source(e) === node || graph.target(e) === node)) {
      res.forceLabel = true;
      if (res.color === FADED_NODE) res.color = d.color;
      res.zIndex = Math.max(Number(res.zIndex ?? 0), 3);
    }
  }
  return res;
}

export function edgeReducer(graph: AtlasGraph, s: DisplayState, edge: string, d: EdgeAttrs): Partial<EdgeDisplayData> {
  const res = baseEdgeReducer(graph, s, edge, d);
  if (res.hidden) return res;
  // The edge under the pointer and the edge shown in the details stand out over any highlight.
  if (edge === s.selectedEdge) {
    res.color = SELECTED_EDGE;
    res.size = 3;
    res.label = d.relType;
    res.zIndex = 3;
  } else if (edge === s.hoveredEdge) {
    if (res.color === FADED_EDGE || res.color === EDGE_COLOR) res.color = EDGE_ACTIVE;
    res.size = Math.max(Number(res.size ?? 1), 2.5);
    res.label = d.relType;
    res.zIndex = 3;
  }
  return res;
}

function baseEdgeReducer(graph: AtlasGraph, s: DisplayState, edge: string, d: EdgeAttrs): Partial<EdgeDisplayData> {
  const res: Partial<EdgeDisplayData> & Record<string, unknown> = { ...d, label: '' };
  const assertion = assertionOf(d.data);
  if (s.hiddenRelTypes.has(d.relType) || s.hiddenAssertions.has(assertion)) {
    res.hidden = true;
    return res;
  }
  if (isWeak(assertion)) {
    res.color = WEAK_EDGE;
    res.size = WEAK_EDGE_SIZE;
  }
  const [src, tgt] = graph.extremities(edge);
  if (
    s.hiddenLabels.has(String(graph.getNodeAttribute(src, 'kind'))) ||
    s.hiddenLabels.has(String(graph.getNodeAttribute(tgt, 'kind')))
  ) {
    res.hidden = true;
    return res;
  }
  if (s.hovered) {
    if (src === s.hovered || tgt === s.hovered) {
      res.color = EDGE_ACTIVE;
      res.size = 2;
      if (graph.degree(s.hovered) <= 24) res.label = d.relType;
      res.zIndex = 2;
    } else {
      res.color = FADED_EDGE;
      res.zIndex = 0;
    }
    return res;
  }
  if (s.highlight) {
    if (s.highlight.edges.has(edge)) {
      res.color = HIGHLIGHT_EDGE;
      res.size = 2.5;
      res.label = d.relType;
      res.zIndex = 2;
    } else {
      res.color = FADED_EDGE;
      res.zIndex = 0;
    }
    return res;
  }
  if (s.selected && (src === s.selected || tgt === s.selected)) {
    res.color = EDGE_ACTIVE;
    res.size = 1.6;
    if (graph.hasNode(s.selected) && graph.degree(s.selected) <= 24) res.label = d.relType;
  }
  return res;
}
