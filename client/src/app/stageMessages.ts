/** The messages shown over the canvas while loading, when a view is empty, or when loading failed. */
import type { ViewSpec } from '../lib/url.js';

export interface StageMessage {
  kind: 'loading' | 'empty' | 'error';
  title: string;
  text?: string;
  action?: { label: string; run: () => void };
}

export function emptyMessage(spec: ViewSpec): StageMessage {
  if (spec.mode === 'overview')
    return {
      kind: 'empty',
      title: 'The graph is empty',
      text: 'No nodes in the database yet. Run `npm run ingest` to load data/, then reload.',
    };
  if (spec.mode === 'members')
    return { kind: 'empty', title: `No ${spec.label ?? ''} nodes`, text: 'The database holds no node of this type.' };
  if (spec.mode === 'cypher' || spec.mode === 'question')
    return {
      kind: 'empty',
      title: 'No graph in this result',
      text: 'The query returned no nodes or relationships; its rows are in the panel.',
    };
  return { kind: 'empty', title: 'Nothing to show', text: 'This view has no nodes.' };
}
