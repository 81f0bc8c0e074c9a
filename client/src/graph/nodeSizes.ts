/**
 * Node sizes by degree or all the same. Only sizes that change are written: each write
 * makes sigma re-run that node's reducers at once.
 */
import type { AtlasGraph } from './types.js';

export function degreeSize(degree: number): number {
  return Math.min(22, 4 + 2.4 * Math.sqrt(degree));
}
export const UNIFORM_SIZE = 7;

export function writeSizes(g: AtlasGraph, sizeBy: 'degree' | 'uniform'): void {
  g.forEachNode((n, a) => {
    const size = sizeBy === 'uniform' ? UNIFORM_SIZE : degreeSize(g.degree(n));
    if (a.size !== size) g.setNodeAttribute(n, 'size', size);
  });
}
