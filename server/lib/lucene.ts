/**
 * Turns what a person types into a Lucene query for the `entity_search` full-text
 * index: exact, prefix and fuzzy forms of every word, so "pembro", "navulizumab" and
 * "pembrolizumabb" all find their drug. User text never reaches Lucene unescaped.
 */

import { distance as levenshtein } from 'fastest-levenshtein';

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

/** Levenshtein distance (fastest-levenshtein: Myers' bit-parallel algorithm). */
export function editDistance(a: string, b: string): number {
  return a === b ? 0 : levenshtein(a, b);
}

/** A text as search compares it: its words (see searchTerms) and those words joined by one space. */
interface Words {
  terms: string[];
  joined: string;
}

function wordsOf(text: string): Words {
  const terms = searchTerms(text);
  return { terms, joined: terms.join(' ') };
}

/** How well a name answers the query: 0 = contains it; otherwise the best word distance. */
export function nameDistance(query: string, name: string): number {
  return wordsDistance(wordsOf(query), wordsOf(name));
}

function wordsDistance(q: Words, n: Words): number {
  if (!q.joined || !n.joined) return Number.POSITIVE_INFINITY;
  if (n.joined.includes(q.joined)) return 0;
  let best = editDistance(q.joined, n.joined);
  for (const qt of q.terms)
    for (const w of n.terms) best = Math.min(best, editDistance(qt, w.slice(0, Math.max(qt.length, 1))));
  return best;
}

/**
 * The synonym a hit most likely matched through, or undefined when the name itself
 * answers the query at least as well as any synonym.
 */
export function matchedSynonym(query: string, name: string, synonyms: readonly string[]): string | undefined {
  return new QueryMatcher(query).matchedSynonym(new Candidate(name, synonyms));
}

/**
 * How closely the whole query matches a name or any synonym, in [0, 1]: 1 for an exact
 * match, less with each edit, and for a partial word (the query as a prefix) less with
 * each letter left over. Lucene's BM25 alone ranks "Nivolumab + ipilimumab" (matched in
 * name and synonyms) above "Nivolumab" for "nivolumab", and gives all prefix matches
 * the same score; this puts the entity the person named first.
 */
export function closeness(query: string, name: string, synonyms: readonly string[]): number {
  return new QueryMatcher(query).closeness(new Candidate(name, synonyms));
}

/** A search hit's name and synonyms, each split into words once (see QueryMatcher). */
export class Candidate {
  private split: Words[] | undefined;
  constructor(
    readonly name: string,
    readonly synonyms: readonly string[],
  ) {}
  /** The name's words first, then each synonym's, in order. */
  get words(): Words[] {
    this.split ??= [wordsOf(this.name), ...this.synonyms.map(wordsOf)];
    return this.split;
  }
}

/**
 * One query compared with many candidates (a search's re-ranking): the query and each
 * candidate are split into words once, not once per comparison.
 */
export class QueryMatcher {
  private readonly q: Words;
  constructor(query: string) {
    this.q = wordsOf(query);
  }

  /** See `closeness`. */
  closeness(c: Candidate): number {
    const q = this.q.joined;
    if (!q) return 0;
    let best = 0;
    for (const { joined } of c.words) {
      if (!joined) continue;
      const whole = 1 / (1 + editDistance(q, joined));
      const asPrefix =
        1 / (1 + editDistance(q, joined.slice(0, q.length)) + 0.2 * Math.max(0, joined.length - q.length));
      best = Math.max(best, whole, asPrefix);
    }
    return best;
  }

  /** See `matchedSynonym`. */
  matchedSynonym(c: Candidate): string | undefined {
    const [name, ...synonyms] = c.words;
    let best: { index: number; d: number } | undefined;
    synonyms.forEach((words, index) => {
      const d = wordsDistance(this.q, words);
      if (!best || d < best.d) best = { index, d };
    });
    if (!best || !name) return undefined;
    return best.d < wordsDistance(this.q, name) ? c.synonyms[best.index] : undefined;
  }
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
