/**
 * Turns what a person types into a Lucene query for the `entity_search` full-text
 * index: exact, prefix and fuzzy forms of every word, so "pembro", "navulizumab" and
 * "pembrolizumabb" all find their drug. User text never reaches Lucene unescaped.
 */

// Lucene classic query syntax: + - && || ! ( ) { } [ ] ^ " ~ * ? : \ /
const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function escapeLucene(text: string): string {
  return text.replace(SPECIAL, (c) => `\\${c}`);
}

/** Words as the index's standard tokenizer sees them (letters and digits), lower-cased. */
export function searchTerms(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Builds the query. Per term: exact (boosted), prefix for 2+ characters, and fuzzy for
 * 4+ characters (one edit up to 5 letters, two beyond: short words would otherwise
 * match half the vocabulary). Terms are OR-ed so a partly wrong query still finds
 * something; documents matching more terms score higher, and the whole text as a phrase
 * gets an extra boost. Returns undefined when the text has no searchable term.
 */
export function buildSearchQuery(text: string): string | undefined {
  const terms = searchTerms(text);
  if (terms.length === 0) return undefined;
  const clauses = terms.map((t) => {
    const e = escapeLucene(t);
    const parts = [`${e}^3`];
    if (t.length >= 2) parts.push(`${e}*^2`);
    if (t.length >= 4) parts.push(`${e}~${t.length <= 5 ? 1 : 2}`);
    return `(${parts.join(' OR ')})`;
  });
  if (terms.length > 1) clauses.push(`"${escapeLucene(terms.join(' '))}"^4`);
  return clauses.join(' OR ');
}

/** Levenshtein distance, for picking the synonym a fuzzy hit came through. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** How well a name answers the query: 0 = contains it; otherwise the best word distance. */
export function nameDistance(query: string, name: string): number {
  const q = searchTerms(query).join(' ');
  const n = searchTerms(name).join(' ');
  if (!q || !n) return Number.POSITIVE_INFINITY;
  if (n.includes(q)) return 0;
  const words = searchTerms(name);
  return Math.min(
    editDistance(q, n),
    ...searchTerms(query).map((qt) =>
      Math.min(...words.map((w) => editDistance(qt, w.slice(0, Math.max(qt.length, 1))))),
    ),
  );
}

/**
 * The synonym a hit most likely matched through, or undefined when the name itself
 * answers the query at least as well as any synonym.
 */
export function matchedSynonym(query: string, name: string, synonyms: readonly string[]): string | undefined {
  let best: { syn: string; d: number } | undefined;
  for (const syn of synonyms) {
    const d = nameDistance(query, syn);
    if (!best || d < best.d) best = { syn, d };
  }
  if (!best) return undefined;
  return best.d < nameDistance(query, name) ? best.syn : undefined;
}

/**
 * How closely the whole query matches a name or any synonym, in [0, 1]: 1 for an exact
 * match, less with each edit, and for a partial word (the query as a prefix) less with
 * each letter left over. Lucene's BM25 alone ranks "Nivolumab + ipilimumab" (matched in
 * name and synonyms) above "Nivolumab" for "nivolumab", and gives all prefix matches
 * the same score; this puts the entity the person named first.
 */
export function closeness(query: string, name: string, synonyms: readonly string[]): number {
  const q = searchTerms(query).join(' ');
  if (!q) return 0;
  let best = 0;
  for (const candidate of [name, ...synonyms]) {
    const c = searchTerms(candidate).join(' ');
    if (!c) continue;
    const whole = 1 / (1 + editDistance(q, c));
    const asPrefix = 1 / (1 + editDistance(q, c.slice(0, q.length)) + 0.2 * Math.max(0, c.length - q.length));
    best = Math.max(best, whole, asPrefix);
  }
  return best;
}

/**
 * Weight of closeness against Lucene's relative score (0..1). Closeness leads: Lucene
 * decides only between candidates about equally close to what was typed, which is
 * what a search box for names wants (a drug before the combinations named after it).
 */
const CLOSENESS_WEIGHT = 6;
/** Above any ranked score: an exact id match. */
export const EXACT_ID_SCORE = 1 + CLOSENESS_WEIGHT + 1;

/** Final search score: Lucene's score relative to the best hit, plus weighted closeness. */
export function rankScore(luceneScore: number, topLuceneScore: number, close: number): number {
  const relative = topLuceneScore > 0 ? luceneScore / topLuceneScore : 0;
  return Math.round((relative + CLOSENESS_WEIGHT * close) * 1e6) / 1e6;
}
