/**
 * The fast first filter of the read-only guard for user Cypher: keyword rules over the
 * tokens of lib/cypher-lexer.ts, so that the usual refusals cost no database round
 * trip and come with a plain reason. It is NOT the boundary: every query that passes
 * is still EXPLAINed and accepted only if Neo4j's own plan passes lib/plan-guard.ts,
 * and it then runs in a READ transaction.
 */
import { CypherLexError, tokenize, type Token } from './cypher-lexer.js';
import { READ_ONLY_PROCEDURES } from './plan-guard.js';

/** The planned-name list of lib/plan-guard.ts, checked here on the text as a first filter. */
export const ALLOWED_PROCEDURE_NAMES = [...READ_ONLY_PROCEDURES];
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
  let tokens: Token[];
  try {
    tokens = tokenize(query);
  } catch (err) {
    if (err instanceof CypherLexError) return err.message;
    throw err;
  }
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
