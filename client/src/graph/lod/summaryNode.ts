/**
 * The summary overview of a large graph (issue 8): the server answers `/api/graph` above
 * SUMMARY_THRESHOLD nodes with one node per label (`id: "label:Drug"`, `summary: true`,
 * `count`). Opening such a node shows that label's members: the most connected ones
 * (`/api/graph?mode=top&labels=Drug&limit=…`), plus one "+N more" placeholder while the
 * label holds more than are shown; opening the placeholder asks for a bigger page.
 * Pure: ids, captions and limits.
 */
import type { GraphNode, NodeLabel } from '../../../../ontology/index.js';
import { MORE_LABEL, MORE_PREFIX } from './moreNode.js';

export const SUMMARY_PREFIX = 'label:';
/** Members shown when a label is opened. */
export const MEMBERS_LIMIT = 150;
/** The most members one view asks for (the overview endpoint allows 5,000). */
export const MEMBERS_MAX = 2_000;
const MEMBERS_MORE_PREFIX = `${MORE_PREFIX}members:`;

/** The label a summary node stands for (null for anything else). */
export function summaryLabelOf(id: string, data: unknown): string | null {
  if (!id.startsWith(SUMMARY_PREFIX)) return null;
  const d = data as { summary?: unknown; label?: unknown } | null | undefined;
  if (d?.summary !== true || typeof d.label !== 'string' || !d.label) return null;
  return d.label;
}

/** A summary node or relationship of the meta-graph (not an entity). */
export function isSummaryData(data: unknown): boolean {
  return (data as { summary?: unknown } | null | undefined)?.summary === true;
}

export function membersMoreId(label: string): string {
  return `${MEMBERS_MORE_PREFIX}${label}`;
}

/** The label whose members a "+N more" placeholder of a members view loads (null for anything else). */
export function membersMoreLabel(id: string): string | null {
  return id.startsWith(MEMBERS_MORE_PREFIX) && id.length > MEMBERS_MORE_PREFIX.length
    ? id.slice(MEMBERS_MORE_PREFIX.length)
    : null;
}

/** How many members the next "load more" asks for: twice as many, at most MEMBERS_MAX and the label's total. */
export function nextMembersLimit(limit: number, total: number): number {
  return Math.min(MEMBERS_MAX, Math.max(limit + 1, limit * 2), Math.max(total, limit));
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** "showing 150 of 10,000 Drug". */
export function membersStatus(label: string, shown: number, total: number): string {
  return `showing ${fmt(Math.min(shown, total))} of ${fmt(total)} ${label}`;
}

/**
 * The placeholder of the members not shown (null when every member is, or no more can be
 * asked for): a "More" node like the neighbours' "+N more" nodes.
 */
export function membersMoreNode(label: string, limit: number, shown: number, total: number): GraphNode | null {
  if (shown >= total || limit >= MEMBERS_MAX) return null;
  return {
    id: membersMoreId(label),
    label: MORE_LABEL as NodeLabel,
    name: `+${fmt(total - shown)} more ${label} — load more`,
    members: { label, shown, total },
  } as GraphNode;
}
