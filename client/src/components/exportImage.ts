/**
 * The PNG export: the canvas as drawn, rendered again at twice its pixel density
 * (through @sigma/export-image), with a legend of the node types shown drawn on it.
 */
import { drawOnCanvas } from '@sigma/export-image';
import type Sigma from 'sigma';

export interface LegendEntry {
  color: string;
  text: string;
}

/** Render `fn` as if the screen had `ratio` device pixels per CSS pixel (sigma reads it on render). */
async function withPixelRatio<T>(ratio: number, fn: () => Promise<T>): Promise<T> {
  const own = Object.getOwnPropertyDescriptor(window, 'devicePixelRatio');
  Object.defineProperty(window, 'devicePixelRatio', { configurable: true, get: () => ratio });
  try {
    return await fn();
  } finally {
    if (own) Object.defineProperty(window, 'devicePixelRatio', own);
    else delete (window as { devicePixelRatio?: number }).devicePixelRatio;
  }
}

function drawLegend(canvas: HTMLCanvasElement, scale: number, title: string, entries: LegendEntry[]): void {
  const ctx = canvas.getContext('2d');
  if (!ctx || !entries.length) return;
  const pad = 10 * scale;
  const line = 18 * scale;
  ctx.font = `${12 * scale}px system-ui, sans-serif`;
  const width =
    Math.max(ctx.measureText(title).width, ...entries.map((e) => ctx.measureText(e.text).width)) + 3 * pad + 12 * scale;
  const height = pad * 2 + line * (entries.length + 1);
  const x0 = pad;
  const y0 = canvas.height - height - pad;
  ctx.fillStyle = 'rgba(255,255,255,0.92)';
  ctx.strokeStyle = '#dde1e7';
  ctx.lineWidth = scale;
  ctx.fillRect(x0, y0, width, height);
  ctx.strokeRect(x0, y0, width, height);
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#1f2933';
  ctx.font = `600 ${12 * scale}px system-ui, sans-serif`;
  ctx.fillText(title, x0 + pad, y0 + pad + line / 2);
  ctx.font = `${12 * scale}px system-ui, sans-serif`;
  entries.forEach((e, i) => {
    const y = y0 + pad + line * (i + 1.5);
    ctx.fillStyle = e.color;
    ctx.beginPath();
    ctx.arc(x0 + pad + 5 * scale, y, 5 * scale, 0, 2 * Math.PI);
    ctx.fill();
    ctx.fillStyle = '#1f2933';
    ctx.fillText(e.text, x0 + 2 * pad + 12 * scale, y);
  });
}

export async function pngWithLegend(
  sigma: Sigma,
  legend: { title: string; entries: LegendEntry[] },
  scale = 2,
): Promise<Blob> {
  const canvas = await withPixelRatio(scale, () => drawOnCanvas(sigma, { backgroundColor: '#ffffff' }));
  drawLegend(canvas, scale, legend.title, legend.entries);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not encode the PNG'))), 'image/png'),
  );
}
