/**
 * Long work in short main-thread tasks (issue 8): a loop asks `tick()` before each item;
 * once the slice has run for its budget, `tick()` gives the thread back to the browser
 * (it draws a frame, answers input) and resolves true, so the loop can check that what
 * it works on is still there. No state of its own beyond the current slice's start.
 */

/** Give the thread back: `scheduler.yield()` where the browser has it, else a zero timeout. */
export function pauseMainThread(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof s?.yield === 'function') return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export class TimeSlicer {
  private sliceStart = performance.now();

  constructor(
    /** Main-thread time one slice may take, ms. */
    readonly budgetMs: number,
    private readonly pause: () => Promise<void> = pauseMainThread,
  ) {}

  /**
   * Before each item of work: resolves false at once while the slice has time left (no
   * await of a real pause), else pauses and resolves true.
   */
  async tick(): Promise<boolean> {
    if (performance.now() - this.sliceStart < this.budgetMs) return false;
    await this.pause();
    this.sliceStart = performance.now();
    return true;
  }
}
