import { describe, expect, it } from 'vitest';
import {
  buildSearchQuery,
  Candidate,
  closeness,
  editDistance,
  escapeLucene,
  matchedSynonym,
  QueryMatcher,
  rankScore,
  searchTerms,
} from '../../server/lib/lucene.js';

describe('escapeLucene', () => {
  it('escapes every Lucene special character', () => {
    expect(escapeLucene('a+b-c&&d||e!f(g)h{i}j[k]l^m"n~o*p?q:r\\s/t')).toBe(
      'a\\+b\\-c\\&\\&d\\|\\|e\\!f\\(g\\)h\\{i\\}j\\[k\\]l\\^m\\"n\\~o\\*p\\?q\\:r\\\\s\\/t',
    );
  });
  it('leaves ordinary words alone', () => {
    expect(escapeLucene('nivolumab')).toBe('nivolumab');
  });
});

describe('searchTerms', () => {
  it('splits like the standard tokenizer, lower-cases and folds accents', () => {
    expect(searchTerms('PD-1 Inhibitor')).toEqual(['pd', '1', 'inhibitor']);
    expect(searchTerms('Kupffer cèll')).toEqual(['kupffer', 'cell']);
    expect(searchTerms('  ()*:  ')).toEqual([]);
  });
});

describe('buildSearchQuery', () => {
  it('adds exact, prefix and fuzzy forms per word', () => {
    expect(buildSearchQuery('navulizumab')).toBe('(navulizumab^3 OR navulizumab*^2 OR navulizumab~2)');
  });
  it('uses one edit for short words and no fuzzy below four letters', () => {
    expect(buildSearchQuery('nlr')).toBe('(nlr^3 OR nlr*^2)');
    expect(buildSearchQuery('tace')).toBe('(tace^3 OR tace*^2 OR tace~1)');
  });
  it('never passes Lucene syntax through from user text', () => {
    const q = buildSearchQuery('AND OR NOT "x" title:y*')!;
    expect(q).not.toMatch(/(^|\s)(AND|NOT)(\s|$)/);
    expect(q).not.toContain('title:');
    expect(q).toContain('"and or not x title y"^4');
  });
  it('returns undefined when nothing is searchable', () => {
    expect(buildSearchQuery('*** ---')).toBeUndefined();
  });
});

describe('matchedSynonym', () => {
  it('names the garbled synonym a fuzzy query came through', () => {
    expect(matchedSynonym('navulizumab', 'Nivolumab', ['navulizumab', 'Opdivo'])).toBe('navulizumab');
    expect(matchedSynonym('navulizumabb', 'Nivolumab', ['navulizumab', 'Opdivo'])).toBe('navulizumab');
  });
  it('is undefined when the name itself matches', () => {
    expect(matchedSynonym('nivolu', 'Nivolumab', ['navulizumab'])).toBeUndefined();
    expect(matchedSynonym('pembrolizumabb', 'Pembrolizumab', ['Keytruda'])).toBeUndefined();
  });
  it('edit distance is Levenshtein', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('closeness and rankScore', () => {
  const drug = { name: 'Nivolumab', synonyms: ['navulizumab', 'Opdivo'] };
  const regimen = { name: 'Nivolumab + ipilimumab', synonyms: ['navulizumab + ibizumab', 'nivolumab plus ipilimumab'] };

  it('is 1 for an exact name or synonym and falls with edits', () => {
    expect(closeness('nivolumab', drug.name, drug.synonyms)).toBe(1);
    expect(closeness('NAVULIZUMAB', drug.name, drug.synonyms)).toBe(1);
    expect(closeness('nivolumabb', drug.name, drug.synonyms)).toBe(0.5);
    expect(closeness('***', drug.name, drug.synonyms)).toBe(0);
    // A partial word: a prefix, less close the more is left over.
    expect(closeness('nivolu', drug.name, [])).toBeCloseTo(1 / 1.6);
    expect(closeness('nivolu', drug.name, [])).toBeGreaterThan(closeness('nivolu', regimen.name, regimen.synonyms));
  });

  it('puts the named drug above a combination Lucene scored higher', () => {
    const pembro = { name: 'Pembrolizumab', synonyms: ['Keytruda'] };
    const pembroTace = { name: 'Pembrolizumab + TACE', synonyms: ['pembrolizumab combined with TACE'] };
    for (const q of ['pembro', 'pembrolizumabb', 'Pembrolizumab']) {
      // Lucene scored the combination twice as high (it matched in name and synonyms).
      const a = rankScore(5, 10, closeness(q, pembro.name, pembro.synonyms));
      const b = rankScore(10, 10, closeness(q, pembroTace.name, pembroTace.synonyms));
      expect(a, q).toBeGreaterThan(b);
    }
    for (const q of ['nivolumab', 'nivolumb', 'nivolu', 'navulizumab']) {
      const drugScore = rankScore(6, 10, closeness(q, drug.name, drug.synonyms));
      const regimenScore = rankScore(10, 10, closeness(q, regimen.name, regimen.synonyms));
      expect(drugScore, q).toBeGreaterThan(regimenScore);
    }
  });

  it('still lets Lucene decide between equally close candidates', () => {
    expect(rankScore(10, 10, 0.1)).toBeGreaterThan(rankScore(5, 10, 0.1));
    expect(rankScore(0, 0, 0.5)).toBe(3);
  });
});

describe('QueryMatcher', () => {
  it('answers as closeness and matchedSynonym do, splitting each text once', () => {
    const cases: [string, string, string[]][] = [
      ['navulizumab', 'Nivolumab', ['navulizumab', 'Opdivo']],
      ['pembro', 'Pembrolizumab', ['Keytruda', 'MK-3475']],
      ['atezolizumab bevacizumab', 'Atezolizumab + bevacizumab', ['IMbrave150 regimen']],
      ['pd 1', 'PD-1', ['PDCD1', '---']],
    ];
    for (const [q, name, synonyms] of cases) {
      const m = new QueryMatcher(q);
      const c = new Candidate(name, synonyms);
      expect(m.closeness(c)).toBe(closeness(q, name, synonyms));
      expect(m.matchedSynonym(c)).toBe(matchedSynonym(q, name, synonyms));
      // A second use of the same candidate gives the same answer (its words are kept).
      expect(m.closeness(c)).toBe(closeness(q, name, synonyms));
    }
    expect(new QueryMatcher('navulizumab').matchedSynonym(new Candidate('Nivolumab', ['---', 'navulizumab']))).toBe(
      'navulizumab',
    );
    expect(new QueryMatcher('***').closeness(new Candidate('Nivolumab', []))).toBe(0);
  });
});
