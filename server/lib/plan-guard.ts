/**
 * The boundary of the read-only guard: Neo4j's own plan for the query (the summary of
 * EXPLAIN, which parses and plans without executing). A query passes only when its
 * query type is 'r' and every operator in the plan is a read operator on the list
 * below, on the configured database; a ProcedureCall passes only for a procedure on the
 * read-only list, named as Neo4j resolved it (so quoting, comments or aliases in the
 * text do not matter). Anything not listed (writes, LOAD CSV, SHOW/TERMINATE and other
 * administration, CALL … IN TRANSACTIONS, operators of future versions) is refused.
 */

/**
 * Operators that only read the graph, found by EXPLAINing the saved questions, the
 * API's queries and a few hundred read shapes on Neo4j 5.26, plus their documented
 * directed/undirected and Into/All siblings.
 */
export const READ_OPERATORS: ReadonlySet<string> = new Set([
  // Results and plumbing
  'ProduceResults',
  'EmptyResult',
  'Argument',
  'ArgumentTracker',
  'Projection',
  'CacheProperties',
  'Filter',
  'Limit',
  'ExhaustiveLimit',
  'Skip',
  'Sort',
  'PartialSort',
  'Top',
  'PartialTop',
  'Distinct',
  'OrderedDistinct',
  'EagerAggregation',
  'OrderedAggregation',
  'Eager',
  'Unwind',
  'Union',
  'OrderedUnion',
  'Optional',
  // Node leaves
  'AllNodesScan',
  'NodeByLabelScan',
  'UnionNodeByLabelsScan',
  'IntersectionNodeByLabelsScan',
  'SubtractionNodeByLabelsScan',
  'NodeByIdSeek',
  'NodeByElementIdSeek',
  'NodeIndexSeek',
  'NodeUniqueIndexSeek',
  'NodeIndexSeekByRange',
  'NodeUniqueIndexSeekByRange',
  'MultiNodeIndexSeek',
  'NodeIndexScan',
  'NodeIndexContainsScan',
  'NodeIndexEndsWithScan',
  'NodeCountFromCountStore',
  'RelationshipCountFromCountStore',
  // Relationship leaves
  ...['Directed', 'Undirected'].flatMap((d) =>
    [
      'AllRelationshipsScan',
      'RelationshipTypeScan',
      'UnionRelationshipTypesScan',
      'RelationshipByIdSeek',
      'RelationshipByElementIdSeek',
      'RelationshipIndexSeek',
      'RelationshipUniqueIndexSeek',
      'RelationshipIndexSeekByRange',
      'RelationshipUniqueIndexSeekByRange',
      'RelationshipIndexScan',
      'RelationshipIndexContainsScan',
      'RelationshipIndexEndsWithScan',
    ].map((op) => d + op),
  ),
  // Traversal
  'Expand(All)',
  'Expand(Into)',
  'OptionalExpand(All)',
  'OptionalExpand(Into)',
  'VarLengthExpand(All)',
  'VarLengthExpand(Into)',
  'VarLengthExpand(Pruning)',
  'VarLengthExpand(Pruning,BFS,All)',
  'VarLengthExpand(Pruning,BFS,Into)',
  'ShortestPath',
  'StatefulShortestPath(All)',
  'StatefulShortestPath(Into)',
  'Repeat(Trail)',
  'Repeat(Walk)',
  'NullifyMetadata',
  'ProjectEndpoints',
  'TriadicSelection',
  'TriadicBuild',
  'TriadicFilter',
  // Joins and nested loops (subqueries, pattern predicates, comprehensions)
  'Apply',
  'SemiApply',
  'AntiSemiApply',
  'LetSemiApply',
  'LetAntiSemiApply',
  'SelectOrSemiApply',
  'SelectOrAntiSemiApply',
  'LetSelectOrSemiApply',
  'LetSelectOrAntiSemiApply',
  'RollUpApply',
  'CartesianProduct',
  'NodeHashJoin',
  'ValueHashJoin',
  'NodeLeftOuterHashJoin',
  'NodeRightOuterHashJoin',
  // Checked by name below
  'ProcedureCall',
]);

/** Procedures that only read the graph or its schema, as Neo4j names them in a plan. */
export const READ_ONLY_PROCEDURES: ReadonlySet<string> = new Set([
  'db.index.fulltext.queryNodes',
  'db.index.fulltext.queryRelationships',
  'db.index.vector.queryNodes',
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.schema.visualization',
  'db.schema.nodeTypeProperties',
  'db.schema.relTypeProperties',
  'db.info',
  'db.ping',
]);

/** The parts of a driver ResultSummary this check reads. */
export interface PlanSummary {
  queryType?: string;
  plan?: false | PlanNode;
}

export interface PlanNode {
  operatorType: string;
  arguments?: Record<string, unknown>;
  children?: PlanNode[];
}

/** `db.labels` from a ProcedureCall's Details (`db.labels() :: (label :: STRING)`). */
export function plannedProcedureName(node: PlanNode): string | undefined {
  const details = node.arguments?.Details;
  if (typeof details !== 'string') return undefined;
  return /^([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\(/.exec(details)?.[1];
}

function operatorReason(name: string): string {
  if (name === 'LoadCSV') return 'LOAD CSV reads files and URLs and is not allowed.';
  if (name === 'TransactionApply' || name === 'TransactionForeach') {
    return 'CALL { … } IN TRANSACTIONS runs separate transactions and is not allowed.';
  }
  if (/^(Show|Terminate)/.test(name) || name === 'AdministrationCommand') {
    return `Administration commands (${name}) are not allowed.`;
  }
  return `Neo4j plans the query with the operator ${name}, which is not on the read-only list.`;
}

/**
 * Returns why Neo4j's plan is refused, or undefined when it is a plain read.
 * `database` is the name every operator must be planned on (operator names carry an
 * `@<database>` suffix on Neo4j 5).
 */
export function planViolation(summary: PlanSummary, database: string): string | undefined {
  const { queryType, plan } = summary;
  if (!plan)
    return 'Neo4j returned no plan for the query, so it cannot be checked; only plain read queries are allowed.';
  const stack: PlanNode[] = [plan];
  let count = 0;
  while (stack.length) {
    const node = stack.pop()!;
    if (++count > 10_000) return 'The query plan is too large to check.';
    const at = node.operatorType.lastIndexOf('@');
    const name = at >= 0 ? node.operatorType.slice(0, at) : node.operatorType;
    const db = at >= 0 ? node.operatorType.slice(at + 1) : database;
    if (!READ_OPERATORS.has(name)) return operatorReason(name);
    if (db !== database)
      return `Neo4j plans part of the query on the database "${db}"; queries run on "${database}" only.`;
    if (name === 'ProcedureCall') {
      const proc = plannedProcedureName(node);
      if (!proc || !READ_ONLY_PROCEDURES.has(proc)) {
        return `Procedure ${proc ?? '(unrecognised)'} is not on the read-only list (${[...READ_ONLY_PROCEDURES].join(', ')}).`;
      }
    }
    for (const child of node.children ?? []) stack.push(child);
  }
  if (queryType !== 'r') {
    return `Neo4j classifies the query as "${queryType ?? 'unknown'}", not as a plain read ("r").`;
  }
  return undefined;
}
