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

/** `cited`: every reference number used by a node or relationship of the dataset. */
export function deriveReferences(nodes: NodeRecord[], cited: Set<number>) {
  const referenceNodes: NodeRecord[] = [...cited]
    .sort((a, b) => a - b)
    .map((n) => ({
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
    }));

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
