/**
 * Edge programs. Edges are drawn 1–2 px wide, and sigma reads edge hover / click from a
 * picking buffer at half resolution: the pointer would have to land on the exact pixel.
 * In the picking pass only, edges are at least PICK_THICKNESS px wide, a few pixels of
 * tolerance either side.
 */
import { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import { EdgeArrowHeadProgram, EdgeClampedProgram, createEdgeCompoundProgram } from 'sigma/rendering';

const PICK_THICKNESS = 7;
// biome-ignore lint/suspicious/noExplicitAny: a mixin base must accept any constructor arguments
type AnyProgramClass = new (...args: any[]) => object;
function widePicking<T extends AnyProgramClass>(Base: T): T {
  const base = Base.prototype as { renderProgram(params: unknown, info: unknown): void };
  return class extends Base {
    renderProgram(params: { minEdgeThickness?: number }, info: unknown): void {
      const pick = info === (this as unknown as { pickProgram: unknown }).pickProgram;
      base.renderProgram.call(
        this,
        pick ? { ...params, minEdgeThickness: Math.max(params.minEdgeThickness ?? 0, PICK_THICKNESS) } : params,
        info,
      );
    }
  };
}
export const ArrowProgram = createEdgeCompoundProgram([
  widePicking(EdgeClampedProgram),
  widePicking(EdgeArrowHeadProgram),
]);
export const CurvedArrowProgram = widePicking(EdgeCurvedArrowProgram);
