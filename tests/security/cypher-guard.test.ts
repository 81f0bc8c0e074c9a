/**
 * Attack suite for POST /api/cypher (issue 10): the exact payloads of the report and
 * variants generated from Neo4j's lexer rules. Every one must be refused with a 4xx
 * within a few seconds, leave the graph checksum unchanged, and never reach the
 * canary web server that LOAD CSV payloads point at. A second block sends the
 * dangerous payloads straight to the plan check, lexer bypassed, to show that
 * Neo4j's plan is the boundary on its own.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/app.js';
import { GraphDb } from '../../server/db/graph-db.js';
import { CYPHER_WHITESPACE, tokenize } from '../../server/lib/cypher-lexer.js';
import { planViolation } from '../../server/lib/plan-guard.js';
import { explainPlan, type ExplainPlan } from '../../server/lib/preparser.js';
import { explainSummary } from '../../server/queries/cypher.js';
import { testDriver, testNeo4jConfig } from '../helpers/neo4j.js';
import { graphChecksum, postCypher, RawJson, startCanary } from './helpers.js';

let server: RunningServer;
let driver: Driver;
let canary: Awaited<ReturnType<typeof startCanary>>;
let baseline: Awaited<ReturnType<typeof graphChecksum>>;

beforeAll(async () => {
  canary = await startCanary();
  server = await startServer({ port: 0, config: testNeo4jConfig(), log: () => {} });
  driver = testDriver();
  baseline = await graphChecksum(driver);
});
afterAll(async () => {
  await server?.close();
  await driver?.close();
  await canary?.close();
});

const hex = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
const CANARY = () => canary.url;

/** Things that must never run, each a complete query on its own. */
const CORES: Record<string, () => string> = {
  loadCsv: () => `LOAD CSV FROM "${CANARY()}/core" AS l RETURN l`,
  showTransactions: () => 'SHOW TRANSACTIONS',
  showSettings: () => 'SHOW SETTINGS',
  terminate: () => "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
  statsRetrieve: () => "CALL db.stats.retrieve('GRAPH COUNTS') YIELD section, data RETURN section, data",
  killConnections: () => 'CALL dbms.killConnections(["bolt-1"])',
  createLabel: () => "CALL db.createLabel('Evil')",
  create: () => 'CREATE (n:Entity:Evil {id: "evil:1"}) RETURN n',
  set: () => 'MATCH (n:Drug) SET n.hacked = true RETURN n',
  detachDelete: () => 'MATCH (n) DETACH DELETE n',
};

/** Every Unicode character Cypher or JavaScript treats as a separator, plus look-alikes. */
const SEPARATORS = [...CYPHER_WHITESPACE, '\u0085', '\uFEFF', '\u200B', '\u180E', '\u00AD', '\u0000'];
/** Candidates for ending a `//` comment: Neo4j ends it at \n and \r only. */
const COMMENT_ENDS = ['\n', '\r', '\r\n', '\u2028', '\u2029', '\u0085', '\u000B', '\u000C', '\u001C', '\u001E'];

type Payload = [name: string, query: () => string, params?: Record<string, unknown> | RawJson];

function nest(open: string, close: string, depth: number, inner = '1') {
  return open.repeat(depth) + inner + close.repeat(depth);
}

/** `{"p": [[[…1…]]]}` nested `depth` lists deep, as JSON text. */
const deepParam = (depth: number) => new RawJson(`{"p":${'['.repeat(depth)}1${']'.repeat(depth)}}`);

const PAYLOADS: Payload[] = [
  // The report's exact payloads.
  ['//\\r then LOAD CSV (SSRF)', () => `WITH 1 AS x //\rLOAD CSV FROM "${CANARY()}/ssrf" AS l RETURN l`],
  [
    '//\\r then db.stats.retrieve',
    () => `WITH 1 AS x //\rCALL db.stats.retrieve('GRAPH COUNTS') YIELD data RETURN data`,
  ],
  ['U+001C SHOW TRANSACTIONS', () => '\u001CSHOW TRANSACTIONS'],
  ['U+001C SHOW SETTINGS', () => '\u001CSHOW SETTINGS'],
  ['U+001C TERMINATE TRANSACTIONS', () => "\u001CTERMINATE TRANSACTIONS 'neo4j-transaction-1'"],
  [
    'CYPHER /**/ runtime=slotted killConnections',
    () => 'CYPHER /**/ runtime=slotted CALL dbms.killConnections(["bolt-1"])',
  ],
  [
    'CYPHER /**/ runtime=slotted killConnections, no args',
    () => 'CYPHER /**/ runtime=slotted CALL dbms.killConnections([])',
  ],
  ['1 KB of nested parentheses', () => `RETURN ${nest('(', ')', 500)} AS x`],
  ['1 KB of unclosed parentheses', () => `RETURN ${'('.repeat(1000)}`],
  ['nested lists', () => `RETURN ${nest('[', ']', 200)} AS x`],
  ['nested maps', () => `RETURN ${nest('{a:', '}', 200)} AS x`],
  ['nested patterns', () => `MATCH ${nest('(', ')', 300, 'a')} RETURN 1`],
  ['deeply nested params', () => 'RETURN $p AS p', deepParam(5000)],
  ['params nested 17 deep', () => 'RETURN $p AS p', deepParam(16)],
  ['params over 1 MB', () => 'RETURN $p AS p', { p: 'x'.repeat(1_100_000) }],
  ['query over the length limit', () => `RETURN 1${' + 1'.repeat(3000)} AS x`],

  // Comment forms.
  ['block comment before SHOW', () => '/* hello */ SHOW SETTINGS'],
  ['block comment inside CALL name', () => "CALL db./**/stats./**/retrieve('GRAPH COUNTS')"],
  ['slash-star-slash', () => '/*/ SHOW TRANSACTIONS'],
  ['nested block comments', () => '/* /* */ SHOW TRANSACTIONS /* */'],
  ['line comment with CR LF', () => '// note\r\nCALL db.createLabel("Evil")'],
  ['unterminated block comment', () => 'RETURN 1 /* CREATE (n)'],
  ['comment between LOAD and CSV', () => `LOAD /* x */ CSV FROM "${CANARY()}/c1" AS l RETURN l`],
  ['comment between CALL and name', () => 'CALL /* x */ db.createLabel("Evil")'],
  // String escapes.
  ['\\u0027 inside a string then CREATE', () => "RETURN '\\u0027' AS a CREATE (:Entity:Evil {id: 'evil:2'})"],
  ['escaped backslash ends the string', () => "RETURN '\\\\' AS a CREATE (:Entity:Evil {id: 'evil:3'})"],
  ['escaped double quote', () => 'RETURN "a\\"b" AS a CREATE (:Entity:Evil {id: "evil:4"})'],
  ['quote inside backticks', () => "RETURN 1 AS `it's` CREATE (:Entity:Evil {id: 'evil:5'})"],
  ['unterminated string', () => "RETURN 'abc SHOW SETTINGS"],
  // Backticks.
  ['backticked db.stats.retrieve', () => "CALL `db`.`stats`.`retrieve`('GRAPH COUNTS')"],
  ['backticked createLabel', () => "CALL `db`.`createLabel`('Evil')"],
  ['backticked killConnections', () => 'CALL `dbms`.`killConnections`([])'],
  ['one-piece backticked name', () => "CALL `db.createLabel`('Evil')"],
  ['backticked SET', () => 'MATCH (n) `SET` n.x = 1'],
  ['backticked LOAD CSV', () => `\`LOAD\` CSV FROM "${CANARY()}/c2" AS l RETURN l`],
  ['backtick-doubled name before CREATE', () => 'RETURN 1 AS `a``b` CREATE (:Entity:Evil {id: "evil:6"})'],
  // CYPHER pre-parser options.
  ...[
    'runtime=slotted',
    'runtime=interpreted',
    'runtime=pipelined',
    'runtime=parallel',
    'planner=dp',
    'planner=cost',
    'expressionEngine=compiled',
    'expressionEngine=interpreted',
    'operatorEngine=interpreted',
    'interpretedPipesFallback=all',
    'replan=force',
    'replan=skip',
    'connectComponentsPlanner=greedy',
    'updateStrategy=eager',
    'eagerAnalyzer=lp',
    'inferSchemaParts=off',
    'debug=ast',
  ].flatMap((opt): Payload[] => [
    [`CYPHER ${opt}`, () => `CYPHER ${opt} MATCH (n) RETURN count(n) AS c`],
    [`CYPHER 5 ${opt}`, () => `CYPHER 5 ${opt} MATCH (n) RETURN count(n) AS c`],
    [`CYPHER /**/ ${opt} + killConnections`, () => `CYPHER /**/ ${opt} CALL dbms.killConnections([])`],
  ]),
  ['CYPHER 25', () => 'CYPHER 25 MATCH (n) RETURN count(n)'],
  ['CYPHER 4.4', () => 'CYPHER 4.4 MATCH (n) RETURN count(n)'],
  ['CYPHER 5 CYPHER 5', () => 'CYPHER 5 CYPHER 5 MATCH (n) RETURN count(n)'],
  ['EXPLAIN sent by the user', () => 'EXPLAIN MATCH (n) RETURN n'],
  ['PROFILE sent by the user', () => 'PROFILE MATCH (n) RETURN n'],
  // Every write clause.
  ['CREATE', () => 'CREATE (:Entity:Evil {id: "evil:7"})'],
  ['CREATE relationship', () => 'MATCH (a:Drug), (b:Target) WITH a, b LIMIT 1 CREATE (a)-[:EVIL]->(b)'],
  ['MERGE', () => 'MERGE (n:Entity {id: "evil:8"}) RETURN n'],
  ['MERGE ON MATCH SET', () => 'MERGE (n:Entity {id: "drug:nivolumab"}) ON MATCH SET n.hacked = 1 RETURN n'],
  ['SET property', () => 'MATCH (n) SET n.x = 1'],
  ['SET label', () => 'MATCH (n) SET n:Evil'],
  ['SET +=', () => 'MATCH (n) SET n += {x: 1}'],
  ['SET =', () => 'MATCH (n:Drug) SET n = {}'],
  ['REMOVE property', () => 'MATCH (n) REMOVE n.name'],
  ['REMOVE label', () => 'MATCH (n) REMOVE n:Drug'],
  ['DELETE relationship', () => 'MATCH ()-[r]->() DELETE r'],
  ['DETACH DELETE', () => 'MATCH (n) DETACH DELETE n'],
  ['NODETACH DELETE', () => 'MATCH (n) NODETACH DELETE n'],
  ['INSERT', () => 'INSERT (:Entity:Evil {id: "evil:9"})'],
  ['SET then FINISH', () => 'MATCH (n) SET n.x = 1 FINISH'],
  ['write after a read', () => 'MATCH (n:Drug) WITH n LIMIT 1 SET n.x = 1 RETURN n'],
  ['write in a lower-case query', () => 'match (n) set n.x = 1 return n'],
  // FOREACH.
  ['FOREACH CREATE', () => 'FOREACH (x IN [1] | CREATE (:Entity:Evil {id: "evil:10"}))'],
  ['FOREACH SET', () => 'MATCH (n) FOREACH (x IN [1] | SET n.x = x)'],
  // CALL {} with and without IN TRANSACTIONS.
  ['CALL {} with CREATE', () => 'CALL { CREATE (:Entity:Evil {id: "evil:11"}) }'],
  ['CALL (n) {} with SET', () => 'MATCH (n) CALL (n) { SET n.x = 1 }'],
  ['CALL {} with SET, RETURN', () => 'MATCH (n) CALL { WITH n SET n.x = 1 RETURN n.x AS x } RETURN x'],
  ['CALL {} IN TRANSACTIONS (write)', () => 'MATCH (n) CALL { WITH n SET n.x = 1 } IN TRANSACTIONS'],
  ['CALL {} IN TRANSACTIONS (read)', () => 'MATCH (n) CALL { WITH n RETURN n.id AS i } IN TRANSACTIONS RETURN i'],
  [
    'CALL {} IN TRANSACTIONS OF 1 ROW',
    () => 'MATCH (n) CALL { WITH n RETURN n.id AS i } IN TRANSACTIONS OF 1 ROW RETURN i',
  ],
  [
    'CALL {} IN CONCURRENT TRANSACTIONS',
    () => 'MATCH (n) CALL (n) { RETURN n.id AS i } IN 2 CONCURRENT TRANSACTIONS RETURN i',
  ],
  ['CALL {} ON ERROR', () => 'MATCH (n) CALL (n) { SET n.x = 1 } IN TRANSACTIONS ON ERROR CONTINUE'],
  ['LOAD CSV inside CALL {}', () => `CALL { LOAD CSV FROM "${CANARY()}/c3" AS l RETURN l } RETURN l`],
  // LOAD CSV variants.
  ['LOAD CSV http', () => `LOAD CSV FROM "${CANARY()}/c4" AS l RETURN l`],
  ['LOAD CSV WITH HEADERS', () => `LOAD CSV WITH HEADERS FROM '${CANARY()}/c5' AS l RETURN l`],
  ['LOAD CSV FIELDTERMINATOR', () => `LOAD CSV FROM '${CANARY()}/c6' AS l FIELDTERMINATOR ';' RETURN l`],
  ['load csv lower case', () => `load csv from '${CANARY()}/c7' as l return l`],
  ['LoAd CsV mixed case', () => `LoAd CsV FrOm '${CANARY()}/c8' AS l RETURN l`],
  ['LOAD CSV file URL', () => "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l"],
  ['LOAD CSV after WITH', () => `WITH '${CANARY()}/c9' AS u LOAD CSV FROM u AS l RETURN l`],
  ['LOAD CSV URL from a parameter', () => 'LOAD CSV FROM $u AS l RETURN l', { u: 'http://127.0.0.1:1/p' }],
  ['USING PERIODIC COMMIT', () => `USING PERIODIC COMMIT LOAD CSV FROM '${CANARY()}/c10' AS l RETURN l`],
  // USE.
  ['USE system SHOW USERS', () => 'USE system SHOW USERS'],
  ['USE system CALL', () => 'USE system CALL dbms.components() YIELD name RETURN name'],
  ['USE neo4j', () => 'USE neo4j MATCH (n) RETURN count(n)'],
  ['USE inside CALL {}', () => 'CALL { USE system CALL dbms.components() YIELD name RETURN name } RETURN name'],
  // Administration commands.
  ...[
    'SHOW TRANSACTIONS',
    'SHOW TRANSACTIONS YIELD * RETURN *',
    "SHOW SETTINGS YIELD name, value WHERE name CONTAINS 'dbms' RETURN name, value",
    'SHOW PROCEDURES',
    'SHOW FUNCTIONS',
    'SHOW INDEXES',
    'SHOW CONSTRAINTS',
    'SHOW DATABASES',
    'SHOW USERS',
    'SHOW ROLES',
    'SHOW PRIVILEGES',
    'SHOW CURRENT USER',
    'SHOW SERVERS',
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "CREATE USER evil SET PASSWORD 'evil-password'",
    'DROP USER neo4j',
    "ALTER USER neo4j SET PASSWORD 'evil-password'",
    'CREATE ROLE evil',
    'GRANT ROLE admin TO evil',
    'DENY READ {*} ON GRAPH * TO PUBLIC',
    'REVOKE ROLE admin FROM neo4j',
    'CREATE DATABASE evil',
    'DROP DATABASE neo4j',
    'STOP DATABASE neo4j',
    'START DATABASE neo4j',
    'CREATE INDEX evil FOR (n:Drug) ON (n.evil)',
    'DROP INDEX entity_search',
    'CREATE CONSTRAINT evil FOR (n:Drug) REQUIRE n.evil IS UNIQUE',
    'CREATE ALIAS evil FOR DATABASE neo4j',
  ].map((q): Payload => [q, () => q]),
  // Procedures, standalone and in a query, including YIELD of write-ish procedures.
  ...[
    "db.stats.retrieve('GRAPH COUNTS')",
    "db.stats.retrieveAllAnonymized('x')",
    "db.stats.collect('QUERIES')",
    "db.stats.stop('QUERIES')",
    "db.stats.clear('QUERIES')",
    'db.stats.status()',
    "db.createLabel('Evil')",
    "db.createProperty('evil')",
    "db.createRelationshipType('EVIL')",
    'db.clearQueryCaches()',
    "db.resampleIndex('entity_search')",
    'db.resampleOutdatedIndexes()',
    'db.awaitIndexes()',
    'db.prepareForReplanning()',
    'db.index.fulltext.awaitEventuallyConsistentIndexRefresh()',
    'dbms.killConnections([])',
    "dbms.killConnection('bolt-1')",
    'dbms.listConnections()',
    'dbms.listConfig()',
    'dbms.components()',
    'dbms.info()',
    'dbms.clientConfig()',
    'dbms.upgradeStatus()',
    'dbms.routing.getRoutingTable({})',
    'dbms.cluster.routing.getRoutingTable({})',
    "tx.setMetaData({app: 'evil'})",
    'tx.getMetaData()',
    "apoc.cypher.runFirstColumn('CREATE (n) RETURN n', {})",
  ].flatMap((call): Payload[] => [
    [`CALL ${call}`, () => `CALL ${call}`],
    [`WITH 1 … CALL ${call} YIELD *`, () => `WITH 1 AS one CALL ${call} YIELD * RETURN *`],
    [`lower-case call ${call}`, () => `call ${call}`],
  ]),
  ['CALL db.stats.clear YIELD', () => "CALL db.stats.clear('QUERIES') YIELD section RETURN section"],
  ['CALL killConnections YIELD', () => 'CALL dbms.killConnections([]) YIELD connectionId RETURN connectionId'],
  ['CALL db.stats.collect YIELD', () => "CALL db.stats.collect('QUERIES') YIELD success RETURN success"],
  ['two statements', () => 'RETURN 1; MATCH (n) DETACH DELETE n'],
];

async function expectRefused(query: string, params?: Record<string, unknown> | RawJson): Promise<void> {
  const res = await postCypher(server.url, query, params);
  const shown = `${JSON.stringify(query).slice(0, 120)} → ${JSON.stringify(res.body).slice(0, 300)}`;
  expect(res.status, shown).toBeGreaterThanOrEqual(400);
  expect(res.status, shown).toBeLessThan(500);
  expect(res.body.error, shown).toEqual(expect.any(String));
  expect(res.ms, shown).toBeLessThan(5_000);
}

async function expectUntouched(): Promise<void> {
  expect(await graphChecksum(driver)).toEqual(baseline);
  expect(canary.hits).toEqual([]);
}

describe('refused over HTTP: 4xx within seconds, graph unchanged, canary never contacted', () => {
  it.each(PAYLOADS.map((p) => [p[0], p] as const))('%s', async (_name, [, query, params]) => {
    await expectRefused(query(), params);
    await expectUntouched();
  });

  // Generated variants, checksum after each group: every separator before each core and
  // in place of its spaces; every candidate line end closing a // comment before each core.
  it.each(SEPARATORS.map((sep) => [hex(sep), sep] as const))('separator %s around every core', async (_name, sep) => {
    for (const core of Object.values(CORES)) {
      await expectRefused(`${sep}${core()}`);
      await expectRefused(core().replaceAll(' ', sep));
    }
    await expectUntouched();
  });

  it.each(COMMENT_ENDS.map((end) => [hex(end), end] as const))(
    '// comment ended by %s before every core',
    async (_name, end) => {
      for (const core of Object.values(CORES)) await expectRefused(`WITH 1 AS x //${end}${core()}`);
      await expectUntouched();
    },
  );

  it('still answers reads afterwards (no connection was killed)', async () => {
    const res = await postCypher(server.url, 'MATCH (n:Drug) RETURN count(n) AS drugs');
    expect(res.status).toBe(200);
    expect(res.body.rows[0].drugs).toBeGreaterThan(20);
    expect(canary.hits).toEqual([]);
  });
});

describe('accepted: the guard does not refuse honest variants', () => {
  it.each([
    ['CYPHER 5 with a comment before the clause', 'CYPHER 5 /* x */ MATCH (n:Drug) RETURN count(n) AS c'],
    ['a comment before CYPHER 5', '/* x */ CYPHER 5 RETURN 1 AS c'],
    ['CR LF line ends and a // comment', 'MATCH (n:Drug) // drugs\r\nRETURN count(n) AS c'],
    ['no-break space and ideographic space', 'MATCH\u00A0(n:Drug)\u3000RETURN count(n) AS c'],
    ['control characters inside a string', "RETURN '\u001C\u0000' AS c"],
    ['a write keyword as data', "RETURN 'CREATE (n) SET n.x = 1; LOAD CSV' AS c"],
    [
      'the full-text procedure, backticked',
      "CALL `db`.`index`.`fulltext`.`queryNodes`('entity_search', 'nivolumab') YIELD node RETURN node.id AS c",
    ],
    ['nesting at the limit', `RETURN ${nest('[', ']', 31)} AS c`],
  ])('%s', async (_name, query) => {
    const res = await postCypher(server.url, query);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.columns).toEqual(['c']);
  });
});

describe("the plan check alone (lexer bypassed): Neo4j's plan is the boundary", () => {
  let db: GraphDb;
  beforeAll(() => {
    db = new GraphDb(testNeo4jConfig());
  });
  afterAll(() => db?.close());

  const planned: [string, string | (() => string)][] = [
    ...Object.entries(CORES),
    ['read-only IN TRANSACTIONS', 'MATCH (n) CALL { WITH n RETURN n.id AS i } IN TRANSACTIONS RETURN i'],
    ['SHOW PROCEDURES', 'SHOW PROCEDURES'],
    ['SHOW INDEXES', 'SHOW INDEXES'],
    ['SHOW USERS', 'SHOW USERS'],
    ['backticked stats', "CALL `db`.`stats`.`retrieve`('GRAPH COUNTS')"],
    ['db.stats.collect', "CALL db.stats.collect('QUERIES')"],
    ['db.resampleIndex', "CALL db.resampleIndex('entity_search')"],
    ['tx.setMetaData', 'CALL tx.setMetaData({})'],
    ['LOAD CSV WITH HEADERS', `LOAD CSV WITH HEADERS FROM '${'http://127.0.0.1:1'}/x' AS l RETURN l`],
    ['FOREACH', 'MATCH (n) FOREACH (x IN [1] | SET n.x = x)'],
    ['MERGE', 'MERGE (n:Entity {id: "evil:12"}) RETURN n'],
    ['CREATE INDEX', 'CREATE INDEX evil FOR (n:Drug) ON (n.evil)'],
    ['CREATE USER', "CREATE USER evil SET PASSWORD 'evil-password'"],
  ];

  it.each(planned)('%s is refused by its plan', async (_name, query) => {
    const q = typeof query === 'function' ? query() : query;
    const explain = explainPlan(q, tokenize(q)) as ExplainPlan;
    expect(explain).toHaveProperty('text');
    const reason = await db.read(async (tx) => planViolation(await explainSummary(tx, q, explain, {}), db.database));
    expect(reason).toEqual(expect.any(String));
    expect(await graphChecksum(driver)).toEqual(baseline);
    expect(canary.hits).toEqual([]);
  });

  it('accepts the plans of every saved question', async () => {
    const { loadQuestions } = await import('../../server/lib/questions.js');
    const path = await import('node:path');
    const { questions } = await loadQuestions(path.resolve(import.meta.dirname, '../../cypher/questions'));
    expect(questions.length).toBeGreaterThan(30);
    for (const q of questions) {
      const explain = explainPlan(q.query, tokenize(q.query)) as ExplainPlan;
      const reason = await db.read(async (tx) =>
        planViolation(await explainSummary(tx, q.query, explain, q.params), db.database),
      );
      expect(reason, q.name).toBeUndefined();
    }
  });
});
