/** The attributes the one graphology graph holds per node and per edge, and the view's display choices. */
import type * as GraphTypes from 'graphology';
import type { GraphEdge, GraphNode, NodeLabel } from '../../../ontology/index.js';

export interface NodeAttrs {
  label: string;
  kind: NodeLabel | string;
  x: number;
  y: number;
  size: number;
  color: string;
  data: GraphNode;
  /** Nodes whose expansion brought this node into view. */
  parents: string[];
  fixed?: boolean;
  community?: number;
  centrality?: number;
  [k: string]: unknown;
}
export interface EdgeAttrs {
  relType: string;
  label: string;
  size: number;
  color: string;
  data: GraphEdge;
  type?: string;
  curvature?: number;
  [k: string]: unknown;
}
export type AtlasGraph = GraphTypes.default<NodeAttrs, EdgeAttrs>;
import type { ColorBy } from '../state/appearance.js';

export type { ColorBy, SizeBy } from '../state/appearance.js';

/** What the reducers draw from: filters, hover, selection and highlight (never stored in the graph). */
export interface DisplayState {
  hiddenLabels: Set<string>;
  hiddenRelTypes: Set<string>;
  /** Claim kinds (`assertion`, "unknown" when missing) whose relationships are hidden. */
  hiddenAssertions: Set<string>;
  hovered: string | null;
  /** The hovered node and its neighbours, while a node is hovered. */
  hoverNeighbors: Set<string> | null;
  selected: string | null;
  /** The edge under the pointer (sigma edge events) and the edge shown in the details. */
  hoveredEdge: string | null;
  selectedEdge: string | null;
  highlight: { nodes: Set<string>; edges: Set<string> } | null;
  colorBy: ColorBy;
}

export function emptyDisplayState(): DisplayState {
  return {
    hiddenLabels: new Set(),
    hiddenRelTypes: new Set(),
    hiddenAssertions: new Set(),
    hovered: null,
    hoverNeighbors: null,
    selected: null,
    hoveredEdge: null,
    selectedEdge: null,
    highlight: null,
    colorBy: 'label',
  };
}
