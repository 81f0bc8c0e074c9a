/**
 * Node labels that stay on the canvas and do not overlap:
 * - drawn right of the node as usual, flipped to its left when they would run past the
 *   right edge, and nudged down / up at the top and bottom edges: no label is clipped;
 * - sigma picks candidate labels with its grid (`labelGridCellSize`, `labelDensity`, the
 *   legend's density control); a label whose box would overlap one already drawn in this
 *   frame is skipped, unless it is forced (selection, hover, highlight), so labels that
 *   are drawn never collide.
 */
import type { NodeLabelDrawingFunction } from 'sigma/rendering';
import type { EdgeAttrs, NodeAttrs } from './types.js';

const GAP = 3;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

export interface LabelDrawer {
  draw: NodeLabelDrawingFunction<NodeAttrs, EdgeAttrs>;
  /** Forget the boxes of the previous frame (call before each render). */
  reset(): void;
}

export function createLabelDrawer(): LabelDrawer {
  let drawn: Box[] = [];
  // Read once per frame: getTransform() allocates a DOMMatrix and cost ~60 ms a frame over
  // a few hundred labels in a profile of a hub's expansion (software rendering).
  let frame: { context: CanvasRenderingContext2D; stageW: number; stageH: number; font: string } | null = null;
  const draw: NodeLabelDrawingFunction<NodeAttrs, EdgeAttrs> = (context, data, settings) => {
    if (!data.label) return;
    const size = settings.labelSize;
    if (frame?.context !== context) {
      // The canvas is sized in device pixels; sigma draws in CSS pixels.
      const ratio = context.getTransform().a || 1;
      frame = { context, stageW: context.canvas.width / ratio, stageH: context.canvas.height / ratio, font: '' };
    }
    const font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
    if (frame.font !== font) {
      context.font = font;
      frame.font = font;
    }
    const width = context.measureText(data.label).width;
    const { stageW, stageH } = frame;
    let x = data.x + data.size + GAP;
    if (x + width > stageW - GAP) x = Math.max(GAP, data.x - data.size - GAP - width);
    const y = Math.min(stageH - GAP, Math.max(size, data.y + size / 3));
    const box = { x: x - 1, y: y - size, w: width + 2, h: size + 3 };
    if (!data.forceLabel && drawn.some((b) => overlaps(b, box))) return;
    drawn.push(box);
    context.fillStyle = settings.labelColor.color ?? '#000';
    context.fillText(data.label, x, y);
  };
  return {
    draw,
    reset: () => {
      drawn = [];
      frame = null;
    },
  };
}
