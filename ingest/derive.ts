/**
 * Facts that follow from the curated records, so curators don't write them by hand:
 * a Reference node for each cited reference number, and REPORTED_IN from each trial to
 * the references in its `refs`.
 */
import type { NodeRecord, RelationshipRecord } from './dataset.js';

export const REVIEW_CITATION =
  'Mo J, Guo Z, Zhang S, Cai T, Huang G. Recent advances in immune checkpoint inhibitor-based therapy of advanced hepatocellular carcinoma. Arch Med Sci.';

export function referenceId(n: number): string {
  return `ref:${n}`;
}

/**
 * `cited`: every reference number used by a node or relationship of the dataset. A
 * curated Reference node for a number (data/90-references.yaml: citation, pmid, doi)
 * keeps its fields and gains the derived ones it lacks; other numbers get bare nodes.
 */
export function deriveReferences(nodes: NodeRecord[], cited: Set<number>) {
  const curated = new Map(nodes.filter((n) => n.label === 'Reference').map((n) => [n.id, n]));
  const referenceNodes: NodeRecord[] = [...cited]
    .sort((a, b) => a - b)
    .map(
      (n): NodeRecord => ({
        id: referenceId(n),
        label: 'Reference',
        resistance: false,
        props: {
          id: referenceId(n),
          name: `Ref. ${n}`,
          synonyms: [],
          description: `Reference ${n} cited by the review (${REVIEW_CITATION})`,
          refs: [n],
          source: 'review',
          number: n,
        },
      }),
    )
    .map((derived) => {
      const own = curated.get(derived.id);
      if (!own) return derived;
      own.props = { ...derived.props, ...own.props };
      return own;
    });

  const relationships = (byId: Map<string, NodeRecord>): RelationshipRecord[] =>
    nodes
      .filter((node) => node.label === 'Trial')
      .flatMap((trial) =>
        (trial.props.refs as number[])
          .filter((n) => byId.has(referenceId(n)))
          .map((n) => ({
            key: `${trial.id}|REPORTED_IN|${referenceId(n)}`,
            type: 'REPORTED_IN' as const,
            from: trial.id,
            to: referenceId(n),
            props: {
              refs: [n],
              evidence: `The review cites reference ${n} for ${String(trial.props.name)}.`,
              section: 'References',
              source: 'derived',
              assertion: 'established',
            },
          })),
      );

  return { nodes: referenceNodes, relationships };
}
