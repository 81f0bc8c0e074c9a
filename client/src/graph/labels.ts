/**
 * Node labels that stay on the canvas: drawn right of the node as usual, but flipped to
 * its left when they would run past the right edge, and nudged down / up at the top and
 * bottom edges, so no label is clipped. Overlaps are avoided by sigma's label grid
 * (`labelGridCellSize`, `labelDensity`), which the legend's density control drives.
 */
import type { NodeLabelDrawingFunction } from 'sigma/rendering';
import type { EdgeAttrs, NodeAttrs } from './types.js';

const GAP = 3;

export const drawNodeLabelInside: NodeLabelDrawingFunction<NodeAttrs, EdgeAttrs> = (context, data, settings) => {
  if (!data.label) return;
  const size = settings.labelSize;
  context.fillStyle = settings.labelColor.color ?? '#000';
  context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
  const width = context.measureText(data.label).width;
  // The canvas is sized in device pixels; sigma draws in CSS pixels.
  const ratio = context.getTransform().a || 1;
  const stageW = context.canvas.width / ratio;
  const stageH = context.canvas.height / ratio;
  let x = data.x + data.size + GAP;
  if (x + width > stageW - GAP) x = Math.max(GAP, data.x - data.size - GAP - width);
  const y = Math.min(stageH - GAP, Math.max(size, data.y + size / 3));
  context.fillText(data.label, x, y);
};
