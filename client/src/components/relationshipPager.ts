/**
 * "Show more" under a group of a node's relationships in the details panel (issue 8):
 * the node's details hold only the first page of each (type, direction) group; this
 * pages the rest with /api/nodes/:id/relationships and the group's cursor, appending
 * to the list, instead of the panel listing thousands of relationships at once.
 */
import { ApiError, type RelationshipCount, type RelationshipInfo, type RelationshipPage } from '../lib/api.js';
import { h } from '../lib/dom.js';

export const PAGER_PAGE = 100;

export type FetchRelationshipPage = (
  id: string,
  type: string,
  direction: 'out' | 'in',
  cursor: string | null,
  limit: number,
) => Promise<RelationshipPage>;

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * A pager for one group (null when the details already show all of it). `list` gets the
 * new items, made by `item`.
 */
export function relationshipPager(opts: {
  nodeId: string;
  count: RelationshipCount;
  list: HTMLElement;
  item: (rel: RelationshipInfo) => HTMLElement;
  fetchPage: FetchRelationshipPage;
  pageSize?: number;
}): HTMLElement | null {
  const { count } = opts;
  if (!count.next) return null;
  let cursor: string | null = count.next;
  let shown = count.shown;
  const dirWord = count.direction === 'out' ? 'outgoing' : 'incoming';
  const text = h('span', { class: 'rel-more-text' });
  const button = h('button', { type: 'button', class: 'btn small rel-more-btn' }) as HTMLButtonElement;
  const el = h('div', { class: 'rel-more', 'data-type': count.type, 'data-direction': count.direction }, text, button);
  const render = () => {
    text.textContent = `${fmt(shown)} of ${fmt(count.count)} ${dirWord} shown`;
    button.textContent = `Show ${fmt(Math.min(opts.pageSize ?? PAGER_PAGE, count.count - shown))} more`;
    button.hidden = !cursor;
  };
  button.addEventListener('click', async () => {
    if (!cursor) return;
    button.disabled = true;
    try {
      const page = await opts.fetchPage(opts.nodeId, count.type, count.direction, cursor, opts.pageSize ?? PAGER_PAGE);
      for (const rel of page.relationships) opts.list.append(opts.item(rel));
      shown += page.relationships.length;
      cursor = page.next;
      render();
    } catch (e) {
      text.textContent = `Could not load more ${count.type} relationships: ${e instanceof ApiError ? e.message : String(e)}`;
    } finally {
      button.disabled = false;
    }
  });
  render();
  return el;
}
