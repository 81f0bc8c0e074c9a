/**
 * Pointer interaction on the canvas: node hover (neighbourhood focus), edge hover with
 * tolerance, clicks, double-clicks, and dragging a node (which pins it while it moves).
 * Everything the user does becomes a view event; the app's state decides what it means
 * (hover included: the display follows the state, never the pointer directly).
 */
import type { Emitter } from '../state/events.js';
import type { AtlasSigma } from './renderer.js';
import type { AtlasGraph, DisplayState } from './types.js';

export type ViewEvents = {
  change: [];
  layout: [];
  clickNode: [id: string];
  doubleClickNode: [id: string];
  clickStage: [];
  clickEdge: [id: string];
  /** Announced after the hovered relationship changed (the tooltip follows it). */
  hoverEdge: [id: string | null];
  /** The pointer entered (id) or left (null) a node / a relationship: a request, the state decides. */
  pointerNode: [id: string | null];
  pointerEdge: [id: string | null];
};

export interface InteractionHost {
  graph: AtlasGraph;
  sigma: AtlasSigma;
  display: DisplayState;
  events: Emitter<ViewEvents>;
  /** A node was moved by hand: a link must carry the positions. */
  markManualLayout(): void;
}

export function bindInteraction(host: InteractionHost): { isDragging(): boolean } {
  const { sigma: s, graph, display, events } = host;
  let dragging: string | null = null;
  const cursor = (c: string) => {
    s.getContainer().style.cursor = c;
  };
  s.on('enterNode', ({ node }) => {
    // Sigma keeps its own hovered edge while a node is under the pointer: drop ours.
    events.emit('pointerEdge', null);
    cursor('pointer');
    events.emit('pointerNode', node);
  });
  s.on('leaveNode', ({ event }) => {
    cursor('');
    events.emit('pointerNode', null);
    // Back onto the edge we came from, sigma emits no enterEdge: look for it here.
    const pick = (s as unknown as { getEdgeAtPoint?: (x: number, y: number) => string | null }).getEdgeAtPoint;
    if (!dragging && typeof pick === 'function') {
      const edge = pick.call(s, event.x, event.y);
      if (edge && !s.getEdgeDisplayData(edge)?.hidden) {
        cursor('pointer');
        events.emit('pointerEdge', edge);
      }
    }
  });
  s.on('enterEdge', ({ edge }) => {
    if (dragging) return;
    cursor('pointer');
    events.emit('pointerEdge', edge);
  });
  s.on('leaveEdge', ({ edge }) => {
    if (display.hoveredEdge !== edge) return;
    if (!display.hovered) cursor('');
    events.emit('pointerEdge', null);
  });
  s.on('clickEdge', ({ edge }) => events.emit('clickEdge', edge));
  s.on('clickNode', ({ node }) => events.emit('clickNode', node));
  s.on('doubleClickNode', (e) => {
    e.preventSigmaDefault();
    events.emit('doubleClickNode', e.node);
  });
  s.on('clickStage', () => events.emit('clickStage'));
  // Dragging a node moves it (and pins it while the layout runs).
  s.on('downNode', ({ node }) => {
    dragging = node;
    graph.setNodeAttribute(node, 'fixed', true);
  });
  s.getMouseCaptor().on('mousemovebody', (e) => {
    if (!dragging) return;
    // Freeze the frame while dragging, or the graph would rescale under the mouse.
    if (!s.getCustomBBox()) s.setCustomBBox(s.getBBox());
    const pos = s.viewportToGraph(e);
    host.markManualLayout();
    graph.mergeNodeAttributes(dragging, { x: pos.x, y: pos.y });
    e.preventSigmaDefault();
    e.original.preventDefault();
    e.original.stopPropagation();
  });
  s.getMouseCaptor().on('mouseup', () => {
    if (!dragging) return;
    if (graph.hasNode(dragging)) graph.removeNodeAttribute(dragging, 'fixed');
    dragging = null;
    events.emit('layout');
  });
  return { isDragging: () => !!dragging };
}
