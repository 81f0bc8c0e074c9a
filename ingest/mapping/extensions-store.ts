/**
 * Declared labels and relationship types live in the graph as `(:AtlasOntology)` nodes,
 * one per declaration — `{kind: 'label', name, prefix, color, description, datasets}` or
 * `{kind: 'relationshipType', name, from, to, description, datasets}` — so the server and
 * the viewer can read them (they are not `Entity` nodes: no search hit, no checksum).
 */
import type { Driver } from 'neo4j-driver';
import type { DeclaredLabel, DeclaredRelationshipType, OntologyExtensions } from '../../ontology/index.js';

export const ONTOLOGY_LABEL = 'AtlasOntology';

/** Every declaration in the graph (all datasets). */
export async function readExtensions(driver: Driver, database: string): Promise<OntologyExtensions> {
  const { records } = await driver.executeQuery(
    `MATCH (o:${ONTOLOGY_LABEL}) RETURN o {.*} AS o ORDER BY o.kind, o.name`,
    {},
    { database, routing: 'READ' },
  );
  const labels: DeclaredLabel[] = [];
  const relationshipTypes: DeclaredRelationshipType[] = [];
  for (const r of records) {
    const o = r.get('o') as Record<string, unknown>;
    const description = typeof o.description === 'string' ? o.description : undefined;
    if (o.kind === 'label') {
      labels.push({ label: String(o.name), prefix: String(o.prefix), color: String(o.color), description });
    } else if (o.kind === 'relationshipType') {
      relationshipTypes.push({
        type: String(o.name),
        from: (o.from as string[]) ?? [],
        to: (o.to as string[]) ?? [],
        description,
      });
    }
  }
  return { labels, relationshipTypes };
}

/** Where two datasets declare the same name differently: one message per clash. */
export function extensionConflicts(mine: OntologyExtensions, theirs: OntologyExtensions): string[] {
  const out: string[] = [];
  for (const d of mine.labels) {
    const other = theirs.labels.find((o) => o.label === d.label);
    if (other && other.prefix !== d.prefix) {
      out.push(`label ${d.label} is already declared with prefix "${other.prefix}", not "${d.prefix}"`);
    }
    const byPrefix = theirs.labels.find((o) => o.prefix === d.prefix && o.label !== d.label);
    if (byPrefix) out.push(`prefix "${d.prefix}" already belongs to the declared label ${byPrefix.label}`);
  }
  for (const d of mine.relationshipTypes) {
    const other = theirs.relationshipTypes.find((o) => o.type === d.type);
    if (other && (other.from.join() !== d.from.join() || other.to.join() !== d.to.join())) {
      out.push(
        `relationship type ${d.type} is already declared as ${other.from.join('|')} → ${other.to.join('|')}, not ${d.from.join('|')} → ${d.to.join('|')}`,
      );
    }
  }
  return out;
}

/** Both sets of declarations, each name once (the first wins; check conflicts first). */
export function mergeExtensions(a: OntologyExtensions, b: OntologyExtensions): OntologyExtensions {
  return {
    labels: [...a.labels, ...b.labels.filter((d) => !a.labels.some((x) => x.label === d.label))],
    relationshipTypes: [
      ...a.relationshipTypes,
      ...b.relationshipTypes.filter((d) => !a.relationshipTypes.some((x) => x.type === d.type)),
    ],
  };
}

/** Records a dataset's declarations (idempotent; the dataset joins each one's `datasets`). */
export async function storeExtensions(
  driver: Driver,
  database: string,
  dataset: string,
  extensions: OntologyExtensions,
): Promise<void> {
  if (extensions.labels.length + extensions.relationshipTypes.length === 0) return;
  await driver.executeQuery(
    `UNWIND $labels AS d
     MERGE (o:${ONTOLOGY_LABEL} {kind: 'label', name: d.label})
     SET o.prefix = d.prefix, o.color = d.color, o.description = d.description,
         o.datasets = CASE WHEN $dataset IN coalesce(o.datasets, []) THEN o.datasets ELSE coalesce(o.datasets, []) + $dataset END
     WITH count(*) AS _
     UNWIND $types AS d
     MERGE (o:${ONTOLOGY_LABEL} {kind: 'relationshipType', name: d.type})
     SET o.from = d.from, o.to = d.to, o.description = d.description,
         o.datasets = CASE WHEN $dataset IN coalesce(o.datasets, []) THEN o.datasets ELSE coalesce(o.datasets, []) + $dataset END`,
    {
      dataset,
      labels: extensions.labels.map((d) => ({ ...d, description: d.description ?? null })),
      types: extensions.relationshipTypes.map((d) => ({ ...d, description: d.description ?? null })),
    },
    { database },
  );
}
