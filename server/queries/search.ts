/** GET /api/search: ranked entities by name or synonym, tolerant of typos and partial words. */
import type { Node } from 'neo4j-driver';
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
      // An exact id (`drug:nivolumab`) always comes first.
      const exact = (await tx.run('MATCH (n:Entity {id: $id}) RETURN n', { id: q })).records.map(
        (r) => r.get('n') as Node,
      );
      const hits = lucene
        ? (
            await tx.run(
              `CALL db.index.fulltext.queryNodes($index, $lucene, {limit: $limit}) YIELD node, score
               RETURN node, score ORDER BY score DESC`,
              // Extra candidates, since the re-ranking below may promote one Lucene ranked low.
              { index: SEARCH_INDEX, lucene, limit: neo4j.int(Math.max(limit * 3, 50)) },
            )
          ).records.map((r) => ({ node: r.get('node') as Node, score: Number(r.get('score')) }))
        : [];
      return { exact, hits };
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
    .map(({ node, score }) => {
      const hit = toHit(node, score, q);
      return { ...hit, score: rankScore(score, top, closeness(q, hit.name, synonymsOf(node))) };
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

function synonymsOf(node: Node): string[] {
  const s = node.properties.synonyms;
  return Array.isArray(s) ? s.filter((x): x is string => typeof x === 'string') : [];
}

function toHit(node: Node, score: number, query: string): SearchHit {
  const p = node.properties as { id?: unknown; name?: unknown };
  const id = typeof p.id === 'string' ? p.id : node.elementId;
  const name = typeof p.name === 'string' ? p.name : id;
  const matched = id === query ? undefined : matchedSynonym(query, name, synonymsOf(node));
  return { id, name, label: typeLabel(node.labels), score, ...(matched ? { matched } : {}) };
}
