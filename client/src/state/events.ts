/**
 * A small typed event emitter, in the spirit of sigma's `TypedEventEmitter`: the map
 * from event name to argument tuple is a type parameter, so `emit` and `on` are checked.
 */
// biome-ignore lint/suspicious/noExplicitAny: listener argument tuples vary per event
export type EventMap = Record<string, any[]>;
type AnyListener = (...args: unknown[]) => void;

export class Emitter<E extends EventMap> {
  private listeners = new Map<keyof E, Set<AnyListener>>();

  /** Subscribe; returns the function that unsubscribes. */
  on<K extends keyof E>(event: K, fn: (...args: E[K]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    const l = fn as unknown as AnyListener;
    set.add(l);
    return () => set.delete(l);
  }

  emit<K extends keyof E>(event: K, ...args: E[K]): void {
    for (const fn of this.listeners.get(event) ?? []) {
      try {
        fn(...args);
      } catch (e) {
        console.error(e);
      }
    }
  }
}
