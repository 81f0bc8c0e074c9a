/**
 * The static half of the read-only guard for user Cypher. The authoritative check is
 * Neo4j's own: EXPLAIN the query and accept only queryType 'r' (see
 * queries/cypher.ts), and then run it in a READ transaction. This half catches what
 * EXPLAIN reports as "read" but we still refuse: file access (LOAD CSV), procedure
 * calls outside a small read-only allowlist (db.*, dbms.*, apoc.*), batching in
 * separate transactions, administration commands and USE of other databases. It
 * also gives a clearer reason than a query type letter.
 */

/** Procedures that only read the graph or its schema. Everything else is refused. */
export const ALLOWED_PROCEDURE_NAMES = [
  'db.index.fulltext.queryNodes',
  'db.index.fulltext.queryRelationships',
  'db.index.vector.queryNodes',
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.schema.visualization',
  'db.schema.nodeTypeProperties',
  'db.schema.relTypeProperties',
  'db.info',
  'db.ping',
] as const;
const ALLOWED_PROCEDURES = new Set(ALLOWED_PROCEDURE_NAMES.map((p) => p.toLowerCase()));

// First keywords of administration commands (schema, users, databases, servers…).
const ADMIN_COMMANDS = new Set([
  'SHOW',
  'CREATE',
  'DROP',
  'ALTER',
  'GRANT',
  'DENY',
  'REVOKE',
  'START',
  'STOP',
  'TERMINATE',
  'RENAME',
  'ENABLE',
  'DEALLOCATE',
  'REALLOCATE',
  'DRYRUN',
]);

const STATEMENT_STARTS = new Set([
  'MATCH',
  'OPTIONAL',
  'RETURN',
  'WITH',
  'UNWIND',
  'CALL',
  'EXPLAIN',
  'PROFILE',
  'USE',
  'LOAD',
  'CREATE',
  'MERGE',
  'DELETE',
  'DETACH',
  'SET',
  'REMOVE',
  'FOREACH',
  'FINISH',
  'USING',
  ...ADMIN_COMMANDS,
]);

const WRITE_CLAUSES = new Set(['CREATE', 'MERGE', 'DELETE', 'DETACH', 'SET', 'REMOVE', 'FOREACH', 'DROP']);

type TokenKind = 'word' | 'quoted' | 'string' | 'param' | 'number' | 'punct';
interface Token {
  kind: TokenKind;
  text: string;
}

/** A rough Cypher lexer: enough to tell keywords from strings, comments, names and keys. */
export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i]!;
    const next = query[i + 1];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '/' && next === '/') {
      while (i < query.length && query[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = query.indexOf('*/', i + 2);
      i = end < 0 ? query.length : end + 2;
    } else if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      let text = '';
      while (j < query.length && query[j] !== c) {
        if (query[j] === '\\' && c !== '`') j++;
        // A doubled backtick is an escaped backtick inside a quoted name.
        if (c === '`' && query[j] === '`' && query[j + 1] === '`') j++;
        text += query[j] ?? '';
        j++;
      }
      tokens.push({ kind: c === '`' ? 'quoted' : 'string', text });
      i = j + 1;
    } else if (c === '$') {
      let j = i + 1;
      while (j < query.length && /[\p{L}\p{N}_]/u.test(query[j]!)) j++;
      tokens.push({ kind: 'param', text: query.slice(i, j) });
      i = j;
    } else if (/[\p{L}_]/u.test(c)) {
      let j = i + 1;
      while (j < query.length && /[\p{L}\p{N}_]/u.test(query[j]!)) j++;
      tokens.push({ kind: 'word', text: query.slice(i, j) });
      i = j;
    } else if (/\d/.test(c)) {
      let j = i + 1;
      while (j < query.length && /[\d.eExXa-fA-F_]/.test(query[j]!)) j++;
      tokens.push({ kind: 'number', text: query.slice(i, j) });
      i = j;
    } else {
      tokens.push({ kind: 'punct', text: c });
      i++;
    }
  }
  return tokens;
}

/** A word used as a keyword: not a property (`n.set`), label (`:Set`), or map key (`{set: 1}`). */
function keywordAt(tokens: Token[], i: number): string | undefined {
  const t = tokens[i];
  if (t?.kind !== 'word') return undefined;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (prev?.kind === 'punct' && (prev.text === '.' || prev.text === ':')) return undefined;
  if (next?.kind === 'punct' && next.text === ':') return undefined;
  return t.text.toUpperCase();
}

/** `db.index.fulltext.queryNodes` from the tokens after CALL; undefined for a subquery. */
function procedureNameAt(tokens: Token[], i: number): string | undefined {
  const parts: string[] = [];
  let j = i;
  while (tokens[j] && (tokens[j]!.kind === 'word' || tokens[j]!.kind === 'quoted')) {
    parts.push(tokens[j]!.text);
    if (tokens[j + 1]?.text === '.' && tokens[j + 1]?.kind === 'punct') j += 2;
    else break;
  }
  return parts.length ? parts.join('.') : undefined;
}

/**
 * Whether a write keyword really opens a clause (`SET n.x = 1`), rather than being a
 * variable or alias that happens to share the name (`RETURN x AS set`). EXPLAIN's
 * query type catches writes regardless; this only decides who gives the reason.
 */
function startsWriteClause(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  if (prev?.kind === 'word' && prev.text.toUpperCase() === 'AS') return false;
  const next = tokens[i + 1];
  if (!next) return false;
  const kw = tokens[i]!.text.toUpperCase();
  if (kw === 'SET' || kw === 'REMOVE') {
    const after = tokens[i + 2];
    return (
      (next.kind === 'word' || next.kind === 'quoted') &&
      after?.kind === 'punct' &&
      ['.', ':', '=', '+', '['].includes(after.text)
    );
  }
  return next.kind === 'word' || next.kind === 'quoted' || (next.kind === 'punct' && next.text === '(');
}

/** Returns why the query is refused, or undefined when the static checks pass. */
export function staticReadOnlyViolation(query: string): string | undefined {
  const tokens = tokenize(query);
  if (tokens.length === 0) return 'The query is empty.';

  const semicolon = tokens.findIndex((t) => t.kind === 'punct' && t.text === ';');
  if (semicolon >= 0 && semicolon < tokens.length - 1) {
    return 'Only one statement per request.';
  }

  // Skip a leading pre-parser option (`CYPHER 5`, `CYPHER runtime=slotted`).
  let first = 0;
  if (keywordAt(tokens, 0) === 'CYPHER') {
    first = tokens.findIndex((_t, i) => i > 0 && STATEMENT_STARTS.has(keywordAt(tokens, i) ?? ''));
    if (first < 0) return 'The query has no clause after CYPHER.';
  }
  const head = keywordAt(tokens, first);
  if (head === 'EXPLAIN' || head === 'PROFILE') {
    return `${head} is added by the server itself; send the query without it.`;
  }
  if (head && ADMIN_COMMANDS.has(head) && head !== 'CREATE') {
    return `${head} is an administration command.`;
  }

  for (let i = 0; i < tokens.length; i++) {
    const kw = keywordAt(tokens, i);
    if (!kw) continue;
    const nextKw = keywordAt(tokens, i + 1);
    if (WRITE_CLAUSES.has(kw) && startsWriteClause(tokens, i)) return `${kw} writes to the database.`;
    if (kw === 'LOAD' && nextKw === 'CSV') return 'LOAD CSV reads files and is not allowed.';
    if (kw === 'USING' && nextKw === 'PERIODIC') return 'USING PERIODIC COMMIT is for writes.';
    if (kw === 'TRANSACTIONS' && tokens.slice(Math.max(0, i - 3), i).some((t) => t.text.toUpperCase() === 'IN')) {
      return 'CALL { … } IN TRANSACTIONS runs separate (write) transactions.';
    }
    if (kw === 'USE') return 'USE is not allowed: queries run on the configured database.';
    if (kw === 'APOC' && tokens[i + 1]?.text === '.') return 'APOC procedures and functions are not allowed.';
    if (kw === 'CALL') {
      const after = tokens[i + 1];
      if (after?.kind === 'punct' && (after.text === '{' || after.text === '(')) continue; // subquery
      const name = procedureNameAt(tokens, i + 1);
      if (!name) return 'CALL must name a procedure or open a subquery.';
      if (!ALLOWED_PROCEDURES.has(name.toLowerCase())) {
        return `Procedure ${name} is not on the read-only allowlist (${ALLOWED_PROCEDURE_NAMES.join(', ')}).`;
      }
    }
    // A bare leading keyword (`CREATE` alone) that no check above claimed.
    if (ADMIN_COMMANDS.has(kw) && i === first) return `${kw} is an administration command.`;
  }
  return undefined;
}

/** Neo4j's summary.queryType from EXPLAIN: only plain reads pass. */
export function queryTypeViolation(queryType: string | undefined): string | undefined {
  switch (queryType) {
    case 'r':
      return undefined;
    case 'w':
      return 'Neo4j classifies the query as write-only (queryType "w").';
    case 'rw':
      return 'Neo4j classifies the query as read-write (queryType "rw").';
    case 's':
      return 'Neo4j classifies the query as a schema or administration command (queryType "s").';
    default:
      return `Neo4j did not classify the query as read-only (queryType "${queryType ?? 'unknown'}").`;
  }
}
