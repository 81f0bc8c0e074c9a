/**
 * Cypher's pre-parser options (`CYPHER 5 runtime=slotted …`) and where the guard's
 * EXPLAIN goes. Only the language version `CYPHER 5` is accepted: planner, runtime,
 * expression-engine, replan and debug options change how Neo4j executes a query,
 * give a researcher nothing, and have been used to slip past earlier checks.
 */
import type { Token } from './cypher-lexer.js';

/** Pre-parser versions a query may name. Neo4j 5.26 knows only 5. */
export const ALLOWED_CYPHER_VERSIONS: readonly string[] = ['5'];

export interface ExplainPlan {
  /** The query with EXPLAIN inserted where Neo4j expects it. */
  text: string;
  /** Offset in the original query where the insertion went. */
  at: number;
  /** Length of what was inserted. */
  inserted: number;
}

const isWord = (t: Token | undefined, word?: string) =>
  t?.kind === 'word' && (word === undefined || t.text.toUpperCase() === word);
const isPunct = (t: Token | undefined, text: string) => t?.kind === 'punct' && t.text === text;

/**
 * Returns why the pre-parser part of a query is refused, or the EXPLAIN form of the
 * query. EXPLAIN is inserted right before the first clause keyword, and only when that
 * keyword cannot be read by Neo4j's pre-parser as anything else (an option key).
 */
export function explainPlan(query: string, tokens: readonly Token[]): ExplainPlan | { violation: string } {
  let first = 0;
  if (isWord(tokens[0], 'CYPHER')) {
    const version = tokens[1];
    if (version?.kind !== 'number') {
      return {
        violation: `Pre-parser options are not allowed; only the version (${ALLOWED_CYPHER_VERSIONS.map((v) => `CYPHER ${v}`).join(', ')}) may precede the query.`,
      };
    }
    if (!ALLOWED_CYPHER_VERSIONS.includes(version.text)) {
      return { violation: `CYPHER ${version.text} is not a version this server accepts (only CYPHER 5).` };
    }
    first = 2;
  }
  const head = tokens[first];
  if (!head) return { violation: 'The query has no clause.' };
  if (!isWord(head) || isPunct(tokens[first + 1], '=')) {
    return {
      violation: `Pre-parser options are not allowed (found "${head.text}" where a clause such as MATCH or RETURN should start); only CYPHER 5 may precede the query.`,
    };
  }
  const keyword = head.text.toUpperCase();
  if (keyword === 'CYPHER') return { violation: 'Only one CYPHER 5 may precede the query, with no other options.' };
  if (keyword === 'EXPLAIN' || keyword === 'PROFILE') {
    return { violation: `${keyword} is added by the server itself; send the query without it.` };
  }
  const at = head.start;
  const insert = 'EXPLAIN ';
  return { text: query.slice(0, at) + insert + query.slice(at), at, inserted: insert.length };
}

/**
 * Neo4j's error for the EXPLAIN form, restated for the query as sent: positions
 * after the insertion move back, and the quoted source line and caret lose the
 * inserted text. Nothing is re-run to get the original message.
 */
export function restateExplainError(message: string, query: string, plan: ExplainPlan): string {
  const insertionLine = lineOf(query, plan.at);
  let shiftedOnLine: number | undefined;
  const restated = message.replace(
    /\(line (\d+), column (\d+) \(offset: (\d+)\)\)/g,
    (whole, lineText: string, columnText: string, offsetText: string) => {
      const offset = Number(offsetText);
      if (offset < plan.at) return whole;
      const line = Number(lineText);
      const newOffset = Math.max(plan.at, offset - plan.inserted);
      const column = line === insertionLine ? Math.max(1, Number(columnText) - plan.inserted) : Number(columnText);
      if (line === insertionLine) shiftedOnLine = line;
      return `(line ${line}, column ${column} (offset: ${newOffset}))`;
    },
  );
  // The quoted source line, and the caret under it when its column moved.
  const explainedLine = lineText(plan.text, insertionLine);
  const originalLine = lineText(query, insertionLine);
  const lines = restated.split('\n');
  const quoted = lines.indexOf(`"${explainedLine}"`);
  if (quoted >= 0) {
    lines[quoted] = `"${originalLine}"`;
    const caret = lines[quoted + 1];
    if (shiftedOnLine !== undefined && caret !== undefined && /^ *\^$/.test(caret))
      lines[quoted + 1] = caret.slice(plan.inserted);
  }
  return lines.join('\n');
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text[i] === '\n') line++;
  return line;
}

function lineText(text: string, line: number): string {
  return text.split('\n')[line - 1] ?? '';
}
