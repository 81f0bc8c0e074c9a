/** GET /api/search: ranked entities by name or synonym, tolerant of typos and partial words. */
import neo4j from 'neo4j-driver';
import type { SearchHit } from '../../ontology/index.js';
import { typeLabel } from '../db/convert.js';
import type { GraphDb } from '../db/graph-db.js';
import { ApiError } from '../errors.js';
import { buildSearchQuery, closeness, EXACT_ID_SCORE, matchedSynonym, rankScore } from '../lib/lucene.js';

export const SEARCH_INDEX = 'entity_search';

export async function search(db: GraphDb, text: string, limit: number): Promise<SearchHit[]> {
  const q = text.trim();
  const lucene = buildSearchQuery(q);
  const { exact, hits } = await db
    .read(async (tx) => {
      // One round trip: an exact id (`drug:nivolumab`, always first) and the full-text
      // candidates, each projected to the few properties a hit needs (not whole nodes).
      const res = await tx.run(
        `CALL () {
           MATCH (n:Entity {id: $id}) RETURN n, -1.0 AS score
           ${
             lucene
               ? `UNION ALL
                  CALL db.index.fulltext.queryNodes($index, $lucene, {limit: $limit}) YIELD node, score
                  RETURN node AS n, score`
               : ''
           }
         }
         RETURN n.id AS id, n.name AS name, n.synonyms AS synonyms, labels(n) AS labels, score`,
        // Extra candidates, since the re-ranking below may promote one Lucene ranked low.
        { id: q, index: SEARCH_INDEX, lucene: lucene ?? '', limit: neo4j.int(Math.max(limit * 3, 50)) },
      );
      const rows = res.records.map((r) => ({
        id: r.get('id') as string,
        name: r.get('name') as unknown,
        synonyms: r.get('synonyms') as unknown,
        labels: r.get('labels') as string[],
        score: Number(r.get('score')),
      }));
      return { exact: rows.filter((r) => r.score < 0), hits: rows.filter((r) => r.score >= 0) };
    })
    .catch((err: unknown) => {
      if (err instanceof Error && /no such fulltext schema index/i.test(err.message)) {
        throw new ApiError(503, {
          error: `Search index "${SEARCH_INDEX}" is missing`,
          reason: 'Apply cypher/schema.cypher to the database (npm run ingest does this).',
        });
      }
      throw err;
    });

  // Lucene finds the candidates; the order is Lucene's relative score plus how closely
  // the whole query matches the name or a synonym (see closeness). An exact id wins.
  const top = hits[0]?.score ?? 0;
  const ranked = hits
    .map((row) => {
      const hit = toHit(row, row.score, q);
      return { ...hit, score: rankScore(row.score, top, closeness(q, hit.name, synonymsOf(row))) };
    })
    .sort((a, b) => b.score - a.score || a.name.length - b.name.length || a.id.localeCompare(b.id));
  const out: SearchHit[] = exact.map((n) => ({ ...toHit(n, 0, q), score: EXACT_ID_SCORE }));
  const seen = new Set(out.map((h) => h.id));
  for (const hit of ranked) {
    if (!seen.has(hit.id)) {
      seen.add(hit.id);
      out.push(hit);
    }
  }
  return out.slice(0, limit);
}

/** A node as the search query projects it. */
interface Candidate {
  id: string;
  name: unknown;
  synonyms: unknown;
  labels: string[];
}

function synonymsOf(row: Candidate): string[] {
  const s = row.synonyms;
  return Array.isArray(s) ? s.filter((x): x is string => typeof x === 'string') : [];
}

function toHit(row: Candidate, score: number, query: string): SearchHit {
  const id = row.id;
  const name = typeof row.name === 'string' ? row.name : id;
  const matched = id === query ? undefined : matchedSynonym(query, name, synonymsOf(row));
  return { id, name, label: typeLabel(row.labels), score, ...(matched ? { matched } : {}) };
}
