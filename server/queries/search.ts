/** GET /api/search: ranked entities by name or synonym, tolerant of typos and partial words. */
import neo4j from 'neo4j-driver';
import type { SearchHit } from '../../ontology/index.js';
import { typeLabel } from '../db/convert.js';
import type { GraphDb } from '../db/graph-db.js';
import { ApiError } from '../errors.js';
import { buildSearchQuery, Candidate, EXACT_ID_SCORE, QueryMatcher, rankScore } from '../lib/lucene.js';

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
  // Which synonym a hit came through is worked out only for the hits returned.
  const matcher = new QueryMatcher(q);
  const top = hits[0]?.score ?? 0;
  const ranked = hits
    .map((row) => {
      const candidate = new Candidate(nameOf(row), synonymsOf(row));
      return { row, candidate, score: rankScore(row.score, top, matcher.closeness(candidate)) };
    })
    .sort(
      (a, b) =>
        b.score - a.score || a.candidate.name.length - b.candidate.name.length || a.row.id.localeCompare(b.row.id),
    );
  const out: SearchHit[] = exact.map((n) => toHit(n, EXACT_ID_SCORE));
  const seen = new Set(out.map((h) => h.id));
  for (const { row, candidate, score } of ranked) {
    if (out.length >= limit) break;
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    const matched = row.id === q ? undefined : matcher.matchedSynonym(candidate);
    out.push({ ...toHit(row, score), ...(matched ? { matched } : {}) });
  }
  return out.slice(0, limit);
}

/** A node as the search query projects it. */
interface Row {
  id: string;
  name: unknown;
  synonyms: unknown;
  labels: string[];
}

function synonymsOf(row: Row): string[] {
  const s = row.synonyms;
  return Array.isArray(s) ? s.filter((x): x is string => typeof x === 'string') : [];
}

function nameOf(row: Row): string {
  return typeof row.name === 'string' ? row.name : row.id;
}

function toHit(row: Row, score: number): SearchHit {
  return { id: row.id, name: nameOf(row), label: typeLabel(row.labels), score };
}
