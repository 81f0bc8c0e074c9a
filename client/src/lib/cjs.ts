/**
 * The graphology packages ship CommonJS with `export default` typings. Under the
 * repository's NodeNext settings TypeScript types a default import of them as the
 * whole module object, while Vite hands over module.exports (or the ESM build's
 * default). This unwraps both the same way so types and runtime agree.
 */
export function cjs<M>(mod: M): M extends { default: infer D } ? D : M {
  const m = mod as unknown as { default?: unknown };
  const inner = m !== null && (typeof m === 'object' || typeof m === 'function') ? m.default : undefined;
  return (inner ?? mod) as M extends { default: infer D } ? D : M;
}
