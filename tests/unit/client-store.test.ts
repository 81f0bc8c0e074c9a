/**
 * The client's store (client/src/state/): pure reducers, undo / redo over snapshots, the
 * history bound, what undo keeps, and the URL round trip of the state.
 */
import { describe, expect, it } from 'vitest';
import { atlasReducer, atlasState, createAtlasStore } from '../../client/src/state/atlas.js';
import { expandedSet } from '../../client/src/state/contents.js';
import { HISTORY_LIMIT, Store } from '../../client/src/state/store.js';
import type { UrlState } from '../../client/src/lib/url.js';

const url = (patch: Partial<UrlState> = {}): UrlState => ({
  spec: { mode: 'overview' },
  seed: 1,
  camera: null,
  positions: null,
  ops: [],
  overlay: null,
  selected: null,
  hiddenLabels: [],
  hiddenRelTypes: [],
  hiddenAssertions: [],
  sizeBy: 'degree',
  colorBy: 'label',
  labelDensity: 0.6,
  tab: 'details',
  ...patch,
});

describe('client store', () => {
  it('reducers are pure and return the same object when nothing changes', () => {
    const s = atlasState(url());
    const frozen = JSON.stringify(s);
    const next = atlasReducer(s, { type: 'expand', id: 'drug:a' });
    expect(next.ops).toEqual(['drug:a']);
    expect(JSON.stringify(s)).toBe(frozen);
    expect(atlasReducer(s, { type: 'filter', patch: { hiddenLabels: [] } })).toBe(s);
    expect(atlasReducer(s, { type: 'select', id: null })).toBe(s);
    expect(atlasReducer(s, { type: 'appearance', patch: { labelDensity: 99 } }).labelDensity).toBe(3);
    const loaded = atlasReducer(next, { type: 'load', spec: { mode: 'cypher', query: 'RETURN 1' }, tab: 'cypher' });
    expect(loaded).toMatchObject({ ops: [], overlay: null, selected: null, tab: 'cypher' });
    expect(expandedSet(['a', 'b', '-a', 'c'])).toEqual(['b', 'c']);
  });

  it('undoes and redoes expand, collapse, filter and query; a new action clears redo', () => {
    const store = createAtlasStore(url());
    store.dispatch({ type: 'expand', id: 'x' }, { undoable: true });
    store.dispatch({ type: 'filter', patch: { hiddenLabels: ['Reference'] } }, { undoable: true });
    store.dispatch({ type: 'collapse', id: 'x' }, { undoable: true });
    store.dispatch({ type: 'load', spec: { mode: 'cypher', query: 'RETURN 1' } }, { undoable: true });
    // The camera moved meanwhile: not an undo step. Undoing the query brings the
    // previous view back with its own camera; on the same view, undo keeps the camera.
    store.dispatch({ type: 'track', camera: { x: 0.2, y: 0.3, ratio: 0.5 }, positions: null });
    expect(store.undoDepth).toBe(4);
    expect(store.undo()).toMatchObject({ spec: { mode: 'overview' }, ops: ['x', '-x'], camera: null });
    store.dispatch({ type: 'track', camera: { x: 0.4, y: 0.4, ratio: 0.7 }, positions: null });
    expect(store.undo()).toMatchObject({ ops: ['x'], camera: { ratio: 0.7 } });
    expect(store.undo()?.hiddenLabels).toEqual([]);
    expect(store.undo()?.ops).toEqual([]);
    expect(store.undo()).toBeNull();
    expect(store.redo()?.ops).toEqual(['x']);
    expect(store.redo()?.hiddenLabels).toEqual(['Reference']);
    expect(store.canRedo).toBe(true);
    store.dispatch({ type: 'select', id: 'y' }, { undoable: true });
    expect(store.canRedo).toBe(false);
  });

  it(`keeps at most ${HISTORY_LIMIT} undo steps`, () => {
    const store = new Store<number, number>(0, (s, a) => s + a);
    for (let i = 0; i < HISTORY_LIMIT + 25; i++) store.dispatch(1, { undoable: true });
    expect(store.state).toBe(HISTORY_LIMIT + 25);
    expect(store.undoDepth).toBe(HISTORY_LIMIT);
    let undone = 0;
    while (store.undo() !== null) undone++;
    expect(undone).toBe(HISTORY_LIMIT);
    expect(store.state).toBe(25);
  });

  it('emits typed change events with the cause', () => {
    const store = createAtlasStore(url());
    const causes: string[] = [];
    store.on('change', (_next, _prev, cause) => causes.push(typeof cause === 'string' ? cause : cause.type));
    store.dispatch({ type: 'hover', id: 'n' });
    store.dispatch({ type: 'hover', id: 'n' });
    store.dispatch({ type: 'expand', id: 'n' }, { undoable: true });
    store.undo();
    store.redo();
    expect(causes).toEqual(['hover', 'expand', 'undo', 'redo']);
  });
});
