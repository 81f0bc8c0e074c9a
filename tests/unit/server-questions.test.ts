import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuestions, parseQuestion } from '../../server/lib/questions.js';

const SAMPLE = `// title: Which drugs target PD-1?
// description: Every Drug with a TARGETS edge to PD-1,
//   with the action and the evidence.
// params: {"target": "target:pd-1"}
// expect: {"minRows": 3, "column": "drug", "includes": ["Nivolumab", "Pembrolizumab"]}
MATCH (d:Drug)-[r:TARGETS]->(t:Target {id: $target})
// a comment inside the query stays in the query
RETURN d.name AS drug, r.action AS action
ORDER BY drug
`;

describe('parseQuestion', () => {
  it('reads the header fields and the query', () => {
    const q = parseQuestion('drugs-targeting-pd1', SAMPLE);
    expect(q.name).toBe('drugs-targeting-pd1');
    expect(q.title).toBe('Which drugs target PD-1?');
    expect(q.description).toBe('Every Drug with a TARGETS edge to PD-1, with the action and the evidence.');
    expect(q.params).toEqual({ target: 'target:pd-1' });
    expect(q.expect).toEqual({ minRows: 3, column: 'drug', includes: ['Nivolumab', 'Pembrolizumab'] });
    expect(q.query.split('\n')[0]).toBe('MATCH (d:Drug)-[r:TARGETS]->(t:Target {id: $target})');
    expect(q.query).toContain('// a comment inside the query stays in the query');
    expect(q.query.endsWith('ORDER BY drug')).toBe(true);
  });

  it('defaults params to {} and tolerates CRLF and a BOM', () => {
    const q = parseQuestion('x', '\uFEFF// title: T\r\nMATCH (n) RETURN n\r\n');
    expect(q).toEqual({ name: 'x', title: 'T', params: {}, query: 'MATCH (n) RETURN n' });
  });

  it('rejects a file without title, without query, or with bad JSON', () => {
    expect(() => parseQuestion('a', '// description: d\nRETURN 1')).toThrow(/a: the header has no "\/\/ title:" line/);
    expect(() => parseQuestion('b', '// title: t\n')).toThrow(/b: no query/);
    expect(() => parseQuestion('c', '// title: t\n// params: {nope}\nRETURN 1')).toThrow(
      /c: "params" is not valid JSON/,
    );
    expect(() => parseQuestion('d', '// title: t\n// params: [1]\nRETURN 1')).toThrow(
      /d: "params" must be a JSON object/,
    );
  });
});

describe('loadQuestions', () => {
  it('loads every .cypher file sorted by name and reports broken ones', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-questions-'));
    try {
      fs.writeFileSync(path.join(dir, 'b-second.cypher'), '// title: B\nRETURN 2 AS x');
      fs.writeFileSync(path.join(dir, 'a-first.cypher'), SAMPLE);
      fs.writeFileSync(path.join(dir, 'broken.cypher'), 'RETURN 1');
      fs.writeFileSync(path.join(dir, 'README.md'), '# not a question');
      const set = await loadQuestions(dir);
      expect(set.questions.map((q) => q.name)).toEqual(['a-first', 'b-second']);
      expect(set.problems).toEqual([{ file: 'broken.cypher', message: 'broken: the header has no "// title:" line' }]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is empty for a missing folder', async () => {
    expect(await loadQuestions('/nonexistent/questions')).toEqual({ questions: [], problems: [] });
  });
});
