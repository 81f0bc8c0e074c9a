/** Layout and camera: the seed of the automatic layout, hand-made positions, the camera. */
import type { CameraView, Positions } from '../lib/url.js';

export interface LayoutState {
  /** Seed of the automatic layout (deterministic: same data, same seed, same picture). */
  seed: number;
  /** Node positions, only when they were changed by hand (drag, live ForceAtlas2, grouping). */
  positions: Positions | null;
  /** Sigma camera; null = as the layout frames it. */
  camera: CameraView | null;
}

export type LayoutAction =
  | { type: 'reseed' }
  | { type: 'track'; camera: CameraView | null; positions: Positions | null };

export function layoutReducer<S extends LayoutState>(s: S, a: LayoutAction): S {
  switch (a.type) {
    case 'reseed':
      return { ...s, seed: s.seed + 1, positions: null, camera: null };
    case 'track':
      return { ...s, camera: a.camera, positions: a.positions };
  }
}
