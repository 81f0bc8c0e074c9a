/**
 * What KGX (the Biolink Model exchange format) files share, whether TSV or JSON Lines:
 * `<name>_nodes.<ext>` holds nodes, `<name>_edges.<ext>` edges; node records need `id`
 * and `category`, edge records `subject`, `predicate` and `object`.
 */

export type KgxKind = 'node' | 'relationship';

/** `drugs_nodes.tsv` → node, `drugs_edges.jsonl` → relationship; undefined otherwise. */
export function kgxKindOf(file: string, extension: 'tsv' | 'jsonl'): KgxKind | undefined {
  const match = new RegExp(`(?:^|[_.-])(nodes|edges)\\.${extension}$`, 'i').exec(file);
  if (!match) return undefined;
  return match[1]!.toLowerCase() === 'nodes' ? 'node' : 'relationship';
}

export const KGX_REQUIRED: Record<KgxKind, readonly string[]> = {
  node: ['id', 'category'],
  relationship: ['subject', 'predicate', 'object'],
};

/**
 * Columns the KGX specification treats as lists. In TSV their values are separated by
 * `|`; in JSON Lines they are arrays (a lone string is accepted as a one-item list).
 */
export const KGX_LIST_FIELDS = new Set([
  'category',
  'synonym',
  'xref',
  'provided_by',
  'same_as',
  'publications',
  'aggregator_knowledge_source',
  'knowledge_source',
  'supporting_data_source',
  'qualifiers',
  'iri_list',
  'in_taxon',
]);
