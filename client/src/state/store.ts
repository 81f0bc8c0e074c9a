/**
 * A typed store: one immutable state, changed only by a pure reducer over typed actions,
 * with typed change events and undo / redo over whole-state snapshots.
 *
 * History is bounded: at most HISTORY_LIMIT undo steps are kept (the oldest are dropped).
 * Only actions the caller marks `undoable` make a step; transient fields (camera, hover…)
 * are carried over from the present when a snapshot is restored (`keepOnRestore`).
 */
import { Emitter } from './events.js';

export const HISTORY_LIMIT = 100;

export type StoreEvents<S, A> = {
  /** After every change: the new state, the previous one, and what caused it. */
  change: [next: S, prev: S, cause: A | 'undo' | 'redo' | 'replace'];
  /** The undo / redo stacks changed (for the buttons). */
  history: [];
};

export interface History<S> {
  past: S[];
  future: S[];
}

/** Push `present` onto the past (bounded), clearing the future: a new branch of history. */
export function record<S>(h: History<S>, present: S, limit = HISTORY_LIMIT): History<S> {
  const past = [...h.past, present];
  return { past: past.length > limit ? past.slice(past.length - limit) : past, future: [] };
}

export class Store<S, A> {
  private current: S;
  private hist: History<S> = { past: [], future: [] };
  readonly events = new Emitter<StoreEvents<S, A>>();

  constructor(
    initial: S,
    private reducer: (state: S, action: A) => S,
    /** Fields of the present that survive undo / redo (e.g. the camera). */
    private keepOnRestore: (restored: S, present: S) => S = (r) => r,
    private limit = HISTORY_LIMIT,
  ) {
    this.current = initial;
  }

  get state(): S {
    return this.current;
  }
  /** How many undo and redo steps there are. */
  get steps(): { past: number; future: number } {
    return { past: this.hist.past.length, future: this.hist.future.length };
  }
  get canUndo(): boolean {
    return this.hist.past.length > 0;
  }
  get canRedo(): boolean {
    return this.hist.future.length > 0;
  }
  /** How many undo steps are kept now (never more than the limit). */
  get undoDepth(): number {
    return this.hist.past.length;
  }

  on<K extends keyof StoreEvents<S, A>>(event: K, fn: (...args: StoreEvents<S, A>[K]) => void): () => void {
    return this.events.on(event, fn);
  }

  /** Apply an action; `undoable` records the state before it as an undo step. */
  dispatch(action: A, opts: { undoable?: boolean } = {}): S {
    const prev = this.current;
    const next = this.reducer(prev, action);
    if (next === prev) return prev;
    if (opts.undoable) {
      this.hist = record(this.hist, prev, this.limit);
      this.events.emit('history');
    }
    this.current = next;
    this.events.emit('change', next, prev, action);
    return next;
  }

  /** Replace the whole state (a deep link, Back / Forward) without touching the undo stacks. */
  replace(next: S): void {
    const prev = this.current;
    if (next === prev) return;
    this.current = next;
    this.events.emit('change', next, prev, 'replace');
  }

  undo(): S | null {
    const target = this.hist.past.at(-1);
    if (target === undefined) return null;
    const prev = this.current;
    this.hist = { past: this.hist.past.slice(0, -1), future: [prev, ...this.hist.future] };
    this.current = this.keepOnRestore(target, prev);
    this.events.emit('history');
    this.events.emit('change', this.current, prev, 'undo');
    return this.current;
  }

  redo(): S | null {
    const [target, ...rest] = this.hist.future;
    if (target === undefined) return null;
    const prev = this.current;
    this.hist = { past: [...this.hist.past, prev], future: rest };
    this.current = this.keepOnRestore(target, prev);
    this.events.emit('history');
    this.events.emit('change', this.current, prev, 'redo');
    return this.current;
  }
}
