import { describe, expect, it } from 'vitest';
import { explainQuery } from '../../server/queries/cypher.js';
import { queryTypeViolation, staticReadOnlyViolation, tokenize } from '../../server/lib/read-only.js';

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

describe('explainQuery', () => {
  it('puts EXPLAIN after pre-parser options', () => {
    expect(explainQuery('MATCH (n) RETURN n')).toBe('EXPLAIN MATCH (n) RETURN n');
    expect(explainQuery('CYPHER 5 MATCH (n) RETURN n')).toBe('CYPHER 5 EXPLAIN MATCH (n) RETURN n');
    expect(explainQuery('CYPHER runtime=slotted MATCH (n) RETURN n')).toBe(
      'CYPHER runtime=slotted EXPLAIN MATCH (n) RETURN n',
    );
  });
});
