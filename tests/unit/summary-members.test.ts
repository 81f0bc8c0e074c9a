/**
 * The summary overview opens into its members (client/src/graph/lod/summaryNode.ts and the
 * URL): which nodes are summary nodes, the "+N more" placeholder of a members view, how
 * many members the next "load more" asks for, and the members view's URL round trip.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  MEMBERS_LIMIT,
  MEMBERS_MAX,
  membersMoreId,
  membersMoreLabel,
  membersMoreNode,
  membersStatus,
  nextMembersLimit,
  summaryLabelOf,
} from '../../client/src/graph/lod/summaryNode.js';
import { isMoreId } from '../../client/src/graph/lod/moreNode.js';
import { buildUrl, parseUrl, sameSpec } from '../../client/src/lib/url.js';

describe('summary nodes', () => {
  it('are the server’s label nodes only', () => {
    expect(summaryLabelOf('label:Drug', { id: 'label:Drug', label: 'Drug', summary: true, count: 3 })).toBe('Drug');
    // An entity whose id happens to start like one is not a summary node.
    expect(summaryLabelOf('label:Drug', { id: 'label:Drug', label: 'Drug' })).toBeNull();
    expect(summaryLabelOf('drug:x', { label: 'Drug', summary: true })).toBeNull();
    expect(summaryLabelOf('label:', { summary: true, label: '' })).toBeNull();
    expect(summaryLabelOf('label:Drug', null)).toBeNull();
  });

  it('a members view gets a "+N more" placeholder while the label holds more', () => {
    const more = membersMoreNode('Drug', 150, 150, 10_000);
    expect(more).toMatchObject({ id: 'more:members:Drug', label: 'More', name: '+9,850 more Drug — load more' });
    expect(isMoreId(more!.id)).toBe(true);
    expect(membersMoreLabel(more!.id)).toBe('Drug');
    expect(membersMoreLabel('more:target:x:TARGETS:in')).toBeNull();
    expect(membersMoreNode('Drug', 150, 40, 40)).toBeNull();
    expect(membersMoreNode('Drug', MEMBERS_MAX, MEMBERS_MAX, 10_000)).toBeNull();
    expect(membersMoreId('Trial')).toBe('more:members:Trial');
  });

  it('"load more" doubles the page, bounded by the cap and the label’s total', () => {
    expect(nextMembersLimit(MEMBERS_LIMIT, 10_000)).toBe(300);
    expect(nextMembersLimit(1_500, 10_000)).toBe(MEMBERS_MAX);
    expect(nextMembersLimit(150, 200)).toBe(200);
    expect(nextMembersLimit(150, Number.POSITIVE_INFINITY)).toBe(300);
  });

  it('says how many are shown', () => {
    expect(membersStatus('Drug', 150, 10_000)).toBe('showing 150 of 10,000 Drug');
    expect(membersStatus('Drug', 50, 40)).toBe('showing 40 of 40 Drug');
  });
});

describe('members view in the URL', () => {
  beforeEach(() => vi.stubGlobal('location', { pathname: '/', search: '' }));
  afterEach(() => vi.unstubAllGlobals());

  it('round-trips the label and the limit', () => {
    const s = parseUrl('?view=members&label=Drug&limit=300&sel=drug%3Aa');
    expect(s.spec).toEqual({ mode: 'members', label: 'Drug', limit: 300 });
    expect(buildUrl(s)).toBe('/?view=members&label=Drug&limit=300&sel=drug%3Aa');
    const again = parseUrl(buildUrl(s).slice(1));
    expect(sameSpec(again.spec, s.spec)).toBe(true);
    expect(parseUrl('?view=members&label=Drug').spec).toEqual({ mode: 'members', label: 'Drug' });
    expect(sameSpec(parseUrl('?view=members&label=Drug').spec, s.spec)).toBe(false);
  });

  it('falls back to the overview without a label', () => {
    expect(parseUrl('?view=members').spec.mode).toBe('overview');
    expect(parseUrl('?view=members&limit=-3').spec.mode).toBe('overview');
  });
});
