/**
 * Node labels that stay on the canvas and do not overlap:
 * - drawn right of the node as usual, flipped to its left when they would run past the
 *   right edge, and nudged down / up at the top and bottom edges: no label is clipped;
 * - sigma picks candidate labels with its grid (`labelGridCellSize`, `labelDensity`, the
 *   legend's density control) and the level of detail forces a few more; the drawer only
 *   collects them while sigma renders, and draws them once sigma is done, by priority
 *   (`labelPriority`, lod/labelPriority.ts): the selected and hovered nodes always, then the
 *   forced labels, then the "+N more" captions, then the grid's. A label whose box would
 *   overlap one drawn before it in this frame is skipped, so labels that are drawn never
 *   collide (the selected and hovered nodes' excepted);
 * - a "+N more" caption ("TARGETS: showing 550 of 10,000 — load more") is drawn on two
 *   lines in a framed box, at the first free spot around its node (right, left, below,
 *   above), so it reads over the edges and no other label runs into it.
 */
import type { NodeLabelDrawingFunction } from 'sigma/rendering';
import { LabelPriority } from './lod/labelPriority.js';
import type { EdgeAttrs, NodeAttrs } from './types.js';

const GAP = 3;
/** Padding inside a "+N more" caption's frame, px. */
const PAD = 4;
export const MORE_LABEL_COLORS = { fill: 'rgba(255, 255, 255, 0.92)', stroke: '#8a94a3', text: '#3d4654' };

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** A label sigma asked for in this frame, in viewport pixels. */
export interface LabelRequest {
  text: string;
  /** Node centre and rendered radius. */
  x: number;
  y: number;
  size: number;
  /** LabelPriority (0: a label of sigma's grid, not forced). */
  priority: number;
  /** A "+N more" caption. */
  more: boolean;
}

/** Where a label is drawn: its lines (baselines) and its box. */
export interface PlacedLabel {
  request: LabelRequest;
  lines: { text: string; x: number; y: number }[];
  box: Box;
}

/** Labels at or above this priority are drawn whatever they overlap. */
const ALWAYS = LabelPriority.hovered;

/** Drawing order: priority, then sigma's order (its grid ranks by node size). */
export function drawOrder(requests: LabelRequest[]): LabelRequest[] {
  return requests
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r.priority - a.r.priority || a.i - b.i)
    .map(({ r }) => r);
}

/** A "+N more" caption on two lines: "TARGETS: showing 550 of 10,000" / "load more". */
export function moreLines(text: string): string[] {
  const at = text.lastIndexOf(' — ');
  return at > 0 ? [text.slice(0, at), text.slice(at + 3)] : [text];
}

/**
 * Decide which labels are drawn and where (pure: `measure` gives a text's width in px at
 * `fontSize`; the stage is `stageW` × `stageH`).
 */
export function placeLabels(
  requests: LabelRequest[],
  measure: (text: string) => number,
  fontSize: number,
  stageW: number,
  stageH: number,
): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  const free = (box: Box) => !placed.some((p) => overlaps(p.box, box));
  const clampX = (x: number, w: number) => Math.min(Math.max(GAP, x), Math.max(GAP, stageW - GAP - w));
  const clampY = (y: number, h: number) => Math.min(Math.max(GAP, y), Math.max(GAP, stageH - GAP - h));
  for (const r of drawOrder(requests)) {
    if (r.more) {
      const lines = moreLines(r.text);
      const w = Math.max(...lines.map(measure)) + 2 * PAD;
      const lineH = fontSize + 2;
      const h = lines.length * lineH + 2 * PAD - 2;
      const spots: [number, number][] = [
        [r.x + r.size + GAP, r.y - h / 2],
        [r.x - r.size - GAP - w, r.y - h / 2],
        [r.x - w / 2, r.y + r.size + GAP],
        [r.x - w / 2, r.y - r.size - GAP - h],
      ];
      const boxes = spots.map(([x, y]) => ({ x: clampX(x, w), y: clampY(y, h), w, h }));
      // The call to action is drawn even where every spot is taken (its frame keeps it legible).
      const box = boxes.find(free) ?? boxes[0]!;
      placed.push({
        request: r,
        box,
        lines: lines.map((text, i) => ({ text, x: box.x + PAD, y: box.y + PAD + fontSize * 0.8 + i * lineH })),
      });
      continue;
    }
    const width = measure(r.text);
    let x = r.x + r.size + GAP;
    if (x + width > stageW - GAP) x = Math.max(GAP, r.x - r.size - GAP - width);
    const y = Math.min(stageH - GAP, Math.max(fontSize, r.y + fontSize / 3));
    const box = { x: x - 1, y: y - fontSize, w: width + 2, h: fontSize + 3 };
    if (r.priority < ALWAYS && !free(box)) continue;
    placed.push({ request: r, box, lines: [{ text: r.text, x, y }] });
  }
  return placed;
}

export interface LabelDrawer {
  /** sigma's `defaultDrawNodeLabel`: collects the label. */
  draw: NodeLabelDrawingFunction<NodeAttrs, EdgeAttrs>;
  /** Forget the previous frame's labels (call before each render). */
  reset(): void;
  /** Draw the frame's labels (call after each render). */
  flush(): void;
}

export function createLabelDrawer(): LabelDrawer {
  let requests: LabelRequest[] = [];
  let frame: {
    context: CanvasRenderingContext2D;
    stageW: number;
    stageH: number;
    size: number;
    font: string;
    color: string;
  } | null = null;
  const draw: NodeLabelDrawingFunction<NodeAttrs, EdgeAttrs> = (context, data, settings) => {
    if (!data.label) return;
    if (frame?.context !== context) {
      // Read once per frame: getTransform() allocates a DOMMatrix and cost ~60 ms a frame over
      // a few hundred labels in a profile of a hub's expansion (software rendering).
      // The canvas is sized in device pixels; sigma draws in CSS pixels.
      const ratio = context.getTransform().a || 1;
      frame = {
        context,
        stageW: context.canvas.width / ratio,
        stageH: context.canvas.height / ratio,
        size: settings.labelSize,
        font: `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`,
        color: settings.labelColor.color ?? '#000',
      };
    }
    const d = data as typeof data & { labelPriority?: number; moreLabel?: boolean };
    requests.push({
      text: data.label,
      x: data.x,
      y: data.y,
      size: data.size,
      priority: d.labelPriority ?? (data.forceLabel ? LabelPriority.neighbour : 0),
      more: d.moreLabel === true,
    });
  };
  const flush = () => {
    const f = frame;
    if (!f || !requests.length) return;
    const ctx = f.context;
    ctx.font = f.font;
    const widths = new Map<string, number>();
    const measure = (text: string) => {
      let w = widths.get(text);
      if (w === undefined) {
        w = ctx.measureText(text).width;
        widths.set(text, w);
      }
      return w;
    };
    for (const p of placeLabels(requests, measure, f.size, f.stageW, f.stageH)) {
      if (p.request.more) {
        ctx.beginPath();
        ctx.roundRect(p.box.x, p.box.y, p.box.w, p.box.h, 4);
        ctx.fillStyle = MORE_LABEL_COLORS.fill;
        ctx.fill();
        ctx.strokeStyle = MORE_LABEL_COLORS.stroke;
        ctx.lineWidth = 1;
        ctx.stroke();
        ctx.fillStyle = MORE_LABEL_COLORS.text;
      } else ctx.fillStyle = f.color;
      for (const l of p.lines) ctx.fillText(l.text, l.x, l.y);
    }
    requests = [];
  };
  return {
    draw,
    reset: () => {
      requests = [];
      frame = null;
    },
    flush,
  };
}
