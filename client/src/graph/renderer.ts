/**
 * The one Sigma renderer (never recreated: WebGL contexts leak): its settings, its edge
 * programs and the reducers that derive every node's and edge's look from the display
 * state. Level-of-detail settings (label density, edge budget) belong here.
 */
import Sigma from 'sigma';
import type { EdgeProgramType } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import { drawNodeLabelInside } from './labels.js';
import { ArrowProgram, CurvedArrowProgram } from './programs.js';
import { edgeReducer, nodeReducer } from './reducers.js';
import type { AtlasGraph, DisplayState, EdgeAttrs, NodeAttrs } from './types.js';

export type AtlasSigma = Sigma<NodeAttrs, EdgeAttrs>;

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export function rendererSettings(
  graph: AtlasGraph,
  state: () => DisplayState,
): Partial<Settings<NodeAttrs, EdgeAttrs>> {
  return {
    renderEdgeLabels: true,
    // Edges answer hover / click (sigma picks them from its edge picking buffer).
    enableEdgeEvents: true,
    defaultEdgeType: 'arrow',
    edgeProgramClasses: {
      arrow: ArrowProgram as unknown as EdgeProgramType<NodeAttrs, EdgeAttrs>,
      curvedArrow: CurvedArrowProgram as unknown as EdgeProgramType<NodeAttrs, EdgeAttrs>,
    },
    labelFont: FONT,
    labelSize: 13,
    labelWeight: '500',
    labelColor: { color: '#1f2933' },
    edgeLabelFont: FONT,
    edgeLabelSize: 10,
    edgeLabelColor: { color: '#4a5565' },
    defaultDrawNodeLabel: drawNodeLabelInside,
    labelRenderedSizeThreshold: 9,
    labelDensity: 0.6,
    labelGridCellSize: 90,
    zIndex: true,
    minCameraRatio: 0.03,
    maxCameraRatio: 8,
    stagePadding: 60,
    nodeReducer: (n, d) => nodeReducer(graph, state(), n, d),
    edgeReducer: (e, d) => edgeReducer(graph, state(), e, d),
  };
}

/** Create the renderer in `container`; it re-measures itself when the container changes size. */
export function createRenderer(graph: AtlasGraph, container: HTMLElement, state: () => DisplayState): AtlasSigma {
  const sigma = new Sigma<NodeAttrs, EdgeAttrs>(graph, container, rendererSettings(graph, state));
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

/** Small views show every label; big ones reveal labels as you zoom in. */
export function adaptLabelThreshold(sigma: AtlasSigma, order: number): void {
  const threshold = order <= 60 ? 0 : order <= 200 ? 7 : 10;
  if (sigma.getSetting('labelRenderedSizeThreshold') !== threshold)
    sigma.setSetting('labelRenderedSizeThreshold', threshold);
}

/** Labels per grid cell: the density control of the legend (the state's `labelDensity`). */
export function setLabelDensity(sigma: AtlasSigma, density: number): void {
  if (sigma.getSetting('labelDensity') !== density) sigma.setSetting('labelDensity', density);
}
