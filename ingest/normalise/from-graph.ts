/**
 * Builds the resolver index from the graph: id, label, name, synonyms and identifier
 * properties of every Entity, read in id order in batches (keyset pagination), so the
 * whole graph is never one result in memory.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { ENTITY_LABEL, RESISTANCE_LABEL } from '../../ontology/index.js';
import { IDENTIFIER_PROPERTIES } from './keys.js';
import { ResolverIndex } from './resolver-index.js';

export async function indexFromGraph(
  driver: Driver,
  database: string,
  /** `exceptDataset`: leave out that dataset's own nodes (a reload must not match itself). */
  options: { batchSize?: number; index?: ResolverIndex; exceptDataset?: string } = {},
): Promise<ResolverIndex> {
  const index = options.index ?? new ResolverIndex();
  const batchSize = options.batchSize ?? 10_000;
  const idProps = Object.keys(IDENTIFIER_PROPERTIES);
  let after = '';
  for (;;) {
    const { records } = await driver.executeQuery(
      `MATCH (n:${ENTITY_LABEL}) WHERE n.id > $after AND ($except IS NULL OR coalesce(n.dataset, '') <> $except)
       WITH n ORDER BY n.id LIMIT $limit
       RETURN n.id AS id, [l IN labels(n) WHERE l <> $entity AND l <> $resistance][0] AS label,
              n.name AS name, n.synonyms AS synonyms, n.identifiers AS identifiers,
              [p IN $idProps | n[p]] AS idValues`,
      {
        after,
        except: options.exceptDataset ?? null,
        limit: neo4j.int(batchSize),
        entity: ENTITY_LABEL,
        resistance: RESISTANCE_LABEL,
        idProps,
      },
      { database, routing: 'READ' },
    );
    for (const r of records) {
      const idValues = r.get('idValues') as unknown[];
      const entity: Record<string, unknown> = {
        id: r.get('id'),
        label: r.get('label') ?? '',
        name: r.get('name'),
        synonyms: r.get('synonyms'),
        identifiers: r.get('identifiers'),
      };
      idProps.forEach((p, i) => {
        if (idValues[i] !== null && idValues[i] !== undefined) entity[p] = idValues[i];
      });
      index.add(entity as { id: string; label: string });
    }
    if (records.length < batchSize) break;
    after = String(records[records.length - 1]!.get('id'));
  }
  return index;
}
