import { describe, expect, it } from 'vitest';
import { CYPHER_WHITESPACE, maxNesting, tokenize } from '../../server/lib/cypher-lexer.js';
import { planViolation, plannedProcedureName, type PlanNode } from '../../server/lib/plan-guard.js';
import { explainPlan, restateExplainError, type ExplainPlan } from '../../server/lib/preparser.js';
import { DEFAULT_QUERY_LIMITS, paramsViolation } from '../../server/lib/query-limits.js';
import { queryTypeViolation, staticReadOnlyViolation } from '../../server/lib/read-only.js';

const refused = (q: string) => staticReadOnlyViolation(q);

describe('static read-only guard', () => {
  it.each([
    ['CREATE (n:X) RETURN n', /CREATE writes/],
    ['match (n) set n.x = 1', /SET writes/],
    ['MATCH (n) DETACH DELETE n', /DETACH writes/],
    ['MERGE (n:X {id: 1})', /MERGE writes/],
    ['MATCH (n) REMOVE n:Entity', /REMOVE writes/],
    ['MATCH (n) FOREACH (x IN [1] | SET n.y = x)', /FOREACH writes/],
    ['MATCH (n) CALL { WITH n MERGE (n)-[:X]->(:Y) } RETURN 1', /MERGE writes/],
    ['LOAD CSV FROM "file:///etc/passwd" AS l RETURN l', /LOAD CSV/],
    ['USING PERIODIC COMMIT LOAD CSV FROM "x" AS l RETURN l', /PERIODIC COMMIT/],
    ['MATCH (n) CALL { WITH n RETURN n.id AS i } IN TRANSACTIONS RETURN i', /IN TRANSACTIONS/],
    ['MATCH (n) CALL { WITH n RETURN n.id AS i } IN 4 CONCURRENT TRANSACTIONS OF 10 ROWS RETURN i', /IN TRANSACTIONS/],
    ['CALL db.createLabel("X")', /db\.createLabel is not on the read-only allowlist/],
    ['CALL `db`.`createProperty`("x")', /db\.createProperty is not on/],
    ['CALL dbms.setConfigValue("a", "b")', /dbms\.setConfigValue is not on/],
    ['CALL apoc.periodic.iterate("a", "b", {})', /apoc\.periodic\.iterate is not on/],
    ['RETURN apoc.text.join(["a"], ",")', /APOC/],
    ['SHOW DATABASES', /SHOW is an administration command/],
    ['show users', /SHOW is an administration command/],
    ['DROP INDEX entity_search', /DROP/],
    ['CREATE INDEX x FOR (n:Drug) ON (n.name)', /CREATE writes/],
    ['GRANT ROLE admin TO neo4j', /GRANT is an administration command/],
    ['USE system MATCH (n) RETURN n', /USE is not allowed/],
    ['PROFILE MATCH (n) RETURN n', /PROFILE is added by the server/],
    ['RETURN 1; MATCH (n) DETACH DELETE n', /one statement/],
    ['CYPHER 5 CREATE (n)', /CREATE writes/],
    ['   ', /empty/],
  ])('refuses %s', (query, reason) => {
    expect(refused(query)).toMatch(reason);
  });

  it.each([
    'MATCH (d:Drug)-[r:TARGETS]->(t) RETURN d.name, r.action',
    'MATCH (n) WHERE n.name = "CREATE (x)" RETURN n',
    "RETURN 'SET n.x = 1; DELETE n' AS s",
    'MATCH (n) // DELETE n\nRETURN n',
    'MATCH (n) /* SET n.x = 1 */ RETURN n',
    'MATCH (n) RETURN n.set, n.create, {delete: 1, merge: 2} AS m',
    'MATCH (n:Create)-[:SET]->(m) RETURN n',
    'MATCH (n:Drug) RETURN n.name AS set ORDER BY set',
    'CALL db.index.fulltext.queryNodes("entity_search", $q) YIELD node, score RETURN node, score',
    'CALL db.labels() YIELD label RETURN label',
    'MATCH (n) CALL { WITH n RETURN count(*) AS c } RETURN n, c',
    'MATCH (n) CALL (n) { RETURN n.id AS i } RETURN i',
    'CYPHER 5 MATCH (n) RETURN count(n)',
    'MATCH (n) RETURN n;',
    'WITH $set AS x RETURN x',
  ])('lets %s through', (query) => {
    expect(refused(query)).toBeUndefined();
  });
});

describe('tokenize', () => {
  it('keeps strings, quoted names and comments out of the keyword stream', () => {
    const words = tokenize('MATCH (n:`My Label`) /* CREATE */ WHERE n.x = "DELETE" // SET\nRETURN n')
      .filter((t) => t.kind === 'word')
      .map((t) => t.text);
    expect(words).toEqual(['MATCH', 'n', 'WHERE', 'n', 'x', 'RETURN', 'n']);
  });
});

describe('queryTypeViolation', () => {
  it('accepts only plain reads', () => {
    expect(queryTypeViolation('r')).toBeUndefined();
    expect(queryTypeViolation('w')).toMatch(/write/);
    expect(queryTypeViolation('rw')).toMatch(/read-write/);
    expect(queryTypeViolation('s')).toMatch(/schema or administration/);
    expect(queryTypeViolation(undefined)).toMatch(/unknown/);
  });
});

const explainOf = (q: string) => explainPlan(q, tokenize(q));

describe('explainPlan (pre-parser allow-list)', () => {
  it('puts EXPLAIN before the first clause, after CYPHER 5', () => {
    expect(explainOf('MATCH (n) RETURN n')).toMatchObject({ text: 'EXPLAIN MATCH (n) RETURN n', at: 0, inserted: 8 });
    expect(explainOf('CYPHER 5 MATCH (n) RETURN n')).toMatchObject({
      text: 'CYPHER 5 EXPLAIN MATCH (n) RETURN n',
      at: 9,
    });
    expect(explainOf('/* c */ match (n) return n')).toMatchObject({ text: '/* c */ EXPLAIN match (n) return n' });
  });

  it.each([
    ['CYPHER runtime=slotted MATCH (n) RETURN n', /Pre-parser options are not allowed/],
    ['CYPHER /**/ runtime=slotted CALL dbms.killConnections(["x"])', /Pre-parser options are not allowed/],
    ['CYPHER 5 runtime=slotted MATCH (n) RETURN n', /Pre-parser options are not allowed/],
    ['CYPHER 5 planner = dp RETURN 1', /Pre-parser options are not allowed/],
    ['CYPHER 4 RETURN 1', /CYPHER 4 is not a version/],
    ['CYPHER 25 RETURN 1', /CYPHER 25 is not a version/],
    ['CYPHER 5 CYPHER runtime=slotted RETURN 1', /Only one CYPHER 5/],
    ['CYPHER', /Pre-parser options/],
    ['EXPLAIN MATCH (n) RETURN n', /EXPLAIN is added by the server/],
    ['CYPHER 5 PROFILE RETURN 1', /PROFILE is added by the server/],
    ['(n) RETURN n', /Pre-parser options are not allowed/],
  ])('refuses %s', (query, reason) => {
    expect(explainOf(query)).toEqual({ violation: expect.stringMatching(reason) });
  });
});

describe('restateExplainError', () => {
  const plan = (q: string) => explainOf(q) as ExplainPlan;
  it('moves positions and the quoted line back to the query as sent', () => {
    const q = 'MATCH (n)   RETURN nope';
    const neo =
      'Variable `nope` not defined (line 1, column 28 (offset: 27))\n"EXPLAIN MATCH (n)   RETURN nope"\n                            ^';
    expect(restateExplainError(neo, q, plan(q))).toBe(
      'Variable `nope` not defined (line 1, column 20 (offset: 19))\n"MATCH (n)   RETURN nope"\n                    ^',
    );
  });
  it('leaves columns on later lines alone but moves offsets', () => {
    const q = 'CYPHER 5\nMATCH (n)\nRETURN n +';
    const neo =
      'Invalid input \'\': expected an expression (line 3, column 11 (offset: 37))\n"RETURN n +"\n           ^';
    expect(restateExplainError(neo, q, plan(q))).toBe(
      'Invalid input \'\': expected an expression (line 3, column 11 (offset: 29))\n"RETURN n +"\n           ^',
    );
  });
});

describe('Cypher lexer (Neo4j 5 rules)', () => {
  it('ends a // comment at \r as Neo4j does, so what follows is seen', () => {
    const words = tokenize('WITH 1 AS x //\rLOAD CSV FROM "http://x/" AS l RETURN l')
      .filter((t) => t.kind === 'word')
      .map((t) => t.text);
    expect(words).toContain('LOAD');
    expect(staticReadOnlyViolation('WITH 1 AS x //\rLOAD CSV FROM "http://x/" AS l RETURN l')).toMatch(/LOAD CSV/);
  });

  it.each(['\u001C', '\u001D', '\u001E', '\u001F', '\u000B', '\u000C', '\u0000', '\u0085', '\uFEFF', '\u200B'])(
    'refuses U+%s outside strings, with its position',
    (ch) => {
      const cp = ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      expect(() => tokenize(`${ch}SHOW TRANSACTIONS`)).toThrow(new RegExp(`U\\+${cp} at line 1, column 1`));
      expect(() => tokenize(`RETURN 1 // ${ch}`)).toThrow(/only allowed inside a string literal/);
      expect(() => tokenize(`RETURN 1 AS \`a${ch}b\``)).toThrow(/only allowed inside a string literal/);
      expect(tokenize(`RETURN '${ch}' AS s`).map((t) => t.kind)).toEqual(['word', 'string', 'word', 'word']);
    },
  );

  it('treats every other Cypher whitespace character as whitespace', () => {
    for (const ws of CYPHER_WHITESPACE) {
      const cp = ws.codePointAt(0)!;
      if (cp === 0x0b || cp === 0x0c || (cp >= 0x1c && cp <= 0x1f)) continue;
      expect(tokenize(`MATCH${ws}(n)${ws}RETURN${ws}n`).map((t) => t.text)).toEqual([
        'MATCH',
        '(',
        'n',
        ')',
        'RETURN',
        'n',
      ]);
    }
  });

  it('keeps escaped quotes inside strings and doubled backticks inside names', () => {
    expect(tokenize("RETURN 'a\\'b // x' AS `c``d`").map((t) => [t.kind, t.text])).toEqual([
      ['word', 'RETURN'],
      ['string', "a'b // x"],
      ['word', 'AS'],
      ['quoted', 'c`d'],
    ]);
    expect(staticReadOnlyViolation("RETURN '\\u0027 CREATE (n)' AS s")).toBeUndefined();
  });

  it('measures bracket nesting outside strings', () => {
    expect(maxNesting(tokenize('RETURN [(1), {a: [2]}] AS x'))).toBe(3);
    expect(maxNesting(tokenize("RETURN '((((((' AS x"))).toBe(0);
  });
});

describe('paramsViolation', () => {
  it('refuses deep nesting and names the path', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = [deep];
    expect(paramsViolation({ a: deep }, DEFAULT_QUERY_LIMITS)).toMatch(
      /^params\.a(\[0\])+ nests lists and maps more than 16 deep/,
    );
    expect(paramsViolation({ a: [[1, { b: 2 }]] }, DEFAULT_QUERY_LIMITS)).toBeUndefined();
    expect(paramsViolation({ s: 'x'.repeat(2_000_000) }, DEFAULT_QUERY_LIMITS)).toMatch(/bytes of JSON/);
  });
});

describe('planViolation', () => {
  const op = (operatorType: string, children: PlanNode[] = [], Details?: string): PlanNode => ({
    operatorType,
    arguments: Details ? { Details } : {},
    children,
  });
  const read = (plan: PlanNode) => planViolation({ queryType: 'r', plan }, 'neo4j');

  it('accepts plans of read operators', () => {
    expect(read(op('ProduceResults@neo4j', [op('Filter@neo4j', [op('NodeByLabelScan@neo4j')])]))).toBeUndefined();
    expect(
      read(op('ProduceResults@neo4j', [op('ProcedureCall@neo4j', [], 'db.labels() :: (label :: STRING)')])),
    ).toBeUndefined();
  });

  it.each([
    ['LoadCSV@neo4j', /LOAD CSV/],
    ['ShowTransactions@neo4j', /Administration commands \(ShowTransactions\)/],
    ['TerminateTransactions@neo4j', /Administration commands/],
    ['ShowSettings@neo4j', /Administration commands/],
    ['AdministrationCommand@system', /Administration commands/],
    ['TransactionApply@neo4j', /IN TRANSACTIONS/],
    ['Create@neo4j', /operator Create, which is not on the read-only list/],
    ['SetProperty@neo4j', /SetProperty/],
    ['Foreach@neo4j', /Foreach/],
    ['SomethingNew@neo4j', /SomethingNew/],
  ])('refuses %s anywhere in the plan', (operator, reason) => {
    expect(read(op('ProduceResults@neo4j', [op('Apply@neo4j', [op('Argument@neo4j'), op(operator)])]))).toMatch(reason);
  });

  it('checks procedures by their planned name', () => {
    const call = (details: string) => read(op('ProduceResults@neo4j', [op('ProcedureCall@neo4j', [], details)]));
    expect(call('db.stats.retrieve($autostring_0) :: (section :: STRING, data :: MAP)')).toMatch(
      /db\.stats\.retrieve is not on/,
    );
    expect(call('dbms.killConnections($x) :: (connectionId :: STRING)')).toMatch(/dbms\.killConnections/);
    expect(call('`weird name`() :: ()')).toMatch(/\(unrecognised\)/);
    expect(
      plannedProcedureName(op('ProcedureCall@neo4j', [], 'db.index.fulltext.queryNodes($a, $b) :: (node :: NODE)')),
    ).toBe('db.index.fulltext.queryNodes');
  });

  it('refuses other databases, a missing plan and non-read query types', () => {
    expect(read(op('ProduceResults@system', [op('AllNodesScan@system')]))).toMatch(/database "system"/);
    expect(planViolation({ queryType: 'r', plan: false }, 'neo4j')).toMatch(/no plan/);
    expect(planViolation({ queryType: 's', plan: op('ProduceResults@neo4j') }, 'neo4j')).toMatch(/"s"/);
  });
});
