/**
 * The one Sigma renderer (never recreated: WebGL contexts leak): its settings, its edge
 * programs and the reducers that derive every node's and edge's look from the display
 * state. Level-of-detail settings (label density, edge budget) belong here.
 */
import Sigma from 'sigma';
import {
  drawDiscNodeHover,
  EdgeLineProgram,
  type EdgeProgramType,
  type NodeHoverDrawingFunction,
} from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { createLabelDrawer, type LabelDrawer } from './labels.js';
import { FOCUS_ARROW_EDGE, LINE_EDGE } from './lod/bigGraphSettings.js';
import { ArrowProgram, CurvedArrowProgram } from './programs.js';
import { edgeReducer, nodeReducer } from './reducers.js';
import type { AtlasGraph, DisplayState, EdgeAttrs, NodeAttrs } from './types.js';

export type AtlasSigma = Sigma<NodeAttrs, EdgeAttrs>;

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/**
 * sigma's hover drawing, except on a "+N more" node: its framed caption is already drawn,
 * so the hover only rings the node (sigma's own hover box would write the caption again,
 * on one line, over the framed one).
 */
const drawNodeHover: NodeHoverDrawingFunction<NodeAttrs, EdgeAttrs> = (context, data, settings) => {
  if ((data as typeof data & { moreLabel?: boolean }).moreLabel !== true) {
    drawDiscNodeHover(context, data, settings);
    return;
  }
  context.beginPath();
  context.arc(data.x, data.y, data.size + 3, 0, Math.PI * 2);
  context.fillStyle = '#fff';
  context.shadowColor = '#000';
  context.shadowBlur = 8;
  context.fill();
  context.shadowBlur = 0;
};

/** Last touches after the reducers (the level of detail: forced labels, edge budget, programs). */
export interface Decorate {
  node(node: string, res: Partial<NodeDisplayData> & Record<string, unknown>): void;
  edge(edge: string, res: Partial<EdgeDisplayData> & Record<string, unknown>): void;
}

export function rendererSettings(
  graph: AtlasGraph,
  state: () => DisplayState,
  labels: LabelDrawer,
  decorate?: Decorate,
): Partial<Settings<NodeAttrs, EdgeAttrs>> {
  return {
    renderEdgeLabels: true,
    // Edges answer hover / click (sigma picks them from its edge picking buffer).
    enableEdgeEvents: true,
    defaultEdgeType: 'arrow',
    edgeProgramClasses: {
      arrow: ArrowProgram as unknown as EdgeProgramType<NodeAttrs, EdgeAttrs>,
      curvedArrow: CurvedArrowProgram as unknown as EdgeProgramType<NodeAttrs, EdgeAttrs>,
      // Views of many edges draw them with this one plain program (lod/bigGraphSettings.ts)…
      [LINE_EDGE]: EdgeLineProgram as unknown as EdgeProgramType<NodeAttrs, EdgeAttrs>,
      // …but the selected or hovered node's, as arrows on top (sigma draws programs in this order, after its defaults).
      [FOCUS_ARROW_EDGE]: ArrowProgram as unknown as EdgeProgramType<NodeAttrs, EdgeAttrs>,
    },
    labelFont: FONT,
    labelSize: 13,
    labelWeight: '500',
    labelColor: { color: '#1f2933' },
    edgeLabelFont: FONT,
    edgeLabelSize: 10,
    edgeLabelColor: { color: '#4a5565' },
    defaultDrawNodeLabel: labels.draw,
    defaultDrawNodeHover: drawNodeHover,
    labelRenderedSizeThreshold: 9,
    labelDensity: 0.6,
    labelGridCellSize: 90,
    zIndex: true,
    minCameraRatio: 0.03,
    maxCameraRatio: 8,
    stagePadding: 60,
    nodeReducer: (n, d) => {
      const res = nodeReducer(graph, state(), n, d);
      decorate?.node(n, res);
      return res;
    },
    edgeReducer: (e, d) => {
      const res = edgeReducer(graph, state(), e, d);
      decorate?.edge(e, res);
      return res;
    },
  };
}

/** Create the renderer in `container`; it re-measures itself when the container changes size. */
export function createRenderer(
  graph: AtlasGraph,
  container: HTMLElement,
  state: () => DisplayState,
  decorate?: Decorate,
): AtlasSigma {
  const labels = createLabelDrawer();
  const sigma = new Sigma<NodeAttrs, EdgeAttrs>(graph, container, rendererSettings(graph, state, labels, decorate));
  sigma.on('beforeRender', () => labels.reset());
  // Labels are collected while sigma renders and drawn by priority once it is done (labels.ts).
  sigma.on('afterRender', () => labels.flush());
  // The stage changes size with the panels (wide tabs, narrow windows): re-measure and draw.
  let frame = 0;
  new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      sigma.resize();
      sigma.refresh({ skipIndexation: true });
    });
  }).observe(container);
  return sigma;
}
