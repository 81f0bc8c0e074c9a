/**
 * The two files of graphology-layout-forceatlas2 that its synchronous layout is made of
 * (the package ships no types for them): one iteration over flat matrices, and the
 * default settings. `layout.ts` runs the same iterations in slices.
 */
declare module 'graphology-layout-forceatlas2/iterate.js' {
  /** One ForceAtlas2 iteration over the node matrix (10 floats per node) and edge matrix (3 per edge), in place. */
  export default function iterate(
    settings: Record<string, unknown>,
    nodeMatrix: Float32Array,
    edgeMatrix: Float32Array,
  ): unknown;
}
declare module 'graphology-layout-forceatlas2/defaults.js' {
  const defaults: Record<string, unknown>;
  export default defaults;
}
