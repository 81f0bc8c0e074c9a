/**
 * A small Cypher 5 lexer that follows Neo4j's own lexical rules (Cypher5Lexer.g4):
 * what counts as whitespace, that a `//` comment ends at `\r` as well as `\n`, that
 * `/* … *\/` does not nest, that a backslash in a string escapes any one character,
 * and that a backtick is doubled inside a quoted name. Good enough to tell keywords
 * from strings, comments and names, to find where the pre-parser options end, and to
 * measure bracket nesting. It is a fast first filter only: the boundary is Neo4j's
 * own plan (lib/plan-guard.ts).
 */

export type TokenKind = 'word' | 'quoted' | 'string' | 'param' | 'number' | 'punct';

export interface Token {
  kind: TokenKind;
  /** Words and punctuation as written; strings and quoted names without their quotes. */
  text: string;
  /** Offsets into the query (end exclusive). */
  start: number;
  end: number;
}

/** Every character Neo4j's Cypher 5 lexer skips as whitespace. */
export const CYPHER_WHITESPACE: ReadonlySet<string> = new Set([
  '\t',
  '\n',
  '\u000B',
  '\u000C',
  '\r',
  '\u001C',
  '\u001D',
  '\u001E',
  '\u001F',
  ' ',
  '\u00A0',
  '\u1680',
  ...Array.from({ length: 11 }, (_, i) => String.fromCharCode(0x2000 + i)),
  '\u2028',
  '\u2029',
  '\u202F',
  '\u205F',
  '\u3000',
]);

/**
 * Control, format, surrogate, private-use and unassigned code points. Outside string
 * literals they are refused (tab, LF and CR excepted): Neo4j treats some of them as
 * whitespace (U+001C…U+001F) and others as parts of names, where JavaScript's rules
 * differ, and no honest query needs them there.
 */
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/u;
const ALLOWED_CONTROLS = new Set(['\t', '\n', '\r']);

export class CypherLexError extends Error {
  override name = 'CypherLexError';
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** `line L, column C` of an offset, counting `\n`, `\r\n` and a lone `\r` as line ends. */
export function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function codePointName(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

function checkChar(query: string, i: number): number {
  const cp = query.codePointAt(i)!;
  const ch = String.fromCodePoint(cp);
  if (!ALLOWED_CONTROLS.has(ch) && FORBIDDEN.test(ch)) {
    const { line, column } = position(query, i);
    throw new CypherLexError(
      `The control or format character ${codePointName(cp)} at line ${line}, column ${column} is only allowed inside a string literal.`,
      i,
    );
  }
  return ch.length;
}

const WORD_START = /[\p{L}_]/u;
const WORD_PART = /[\p{L}\p{N}\p{Mn}\p{Mc}\p{Pc}_$]/u;

/** Tokens of a query, with comments and whitespace dropped. Throws CypherLexError. */
export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = query.length;
  while (i < n) {
    const c = query[i]!;
    const next = query[i + 1];
    if (c === "'" || c === '"') {
      // String literal: any character, a backslash escapes the next one.
      let j = i + 1;
      let text = '';
      while (j < n && query[j] !== c) {
        if (query[j] === '\\') j++;
        text += query[j] ?? '';
        j++;
      }
      tokens.push({ kind: 'string', text, start: i, end: Math.min(j + 1, n) });
      i = j + 1;
      continue;
    }
    // Everything else is checked for control characters.
    checkChar(query, i);
    if (CYPHER_WHITESPACE.has(c)) {
      i++;
    } else if (c === '/' && next === '/') {
      i += 2;
      while (i < n && query[i] !== '\n' && query[i] !== '\r') i += checkChar(query, i);
    } else if (c === '/' && next === '*') {
      const end = query.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      for (let j = i + 2; j < stop; ) j += checkChar(query, j);
      i = stop;
    } else if (c === '`') {
      let j = i + 1;
      let text = '';
      while (j < n) {
        if (query[j] === '`') {
          if (query[j + 1] !== '`') break;
          j++;
        }
        j += checkChar(query, j);
        text += query[j - 1];
      }
      tokens.push({ kind: 'quoted', text, start: i, end: Math.min(j + 1, n) });
      i = j + 1;
    } else if (c === '$') {
      let j = i + 1;
      while (j < n && WORD_PART.test(query[j]!)) j++;
      tokens.push({ kind: 'param', text: query.slice(i, j), start: i, end: j });
      i = j;
    } else if (WORD_START.test(c)) {
      let j = i + 1;
      while (j < n && WORD_PART.test(query[j]!)) j++;
      tokens.push({ kind: 'word', text: query.slice(i, j), start: i, end: j });
      i = j;
    } else if (/\d/.test(c)) {
      let j = i + 1;
      while (j < n && /[\w.]/.test(query[j]!) && !(query[j] === '.' && query[j + 1] === '.')) j++;
      tokens.push({ kind: 'number', text: query.slice(i, j), start: i, end: j });
      i = j;
    } else {
      const len = checkChar(query, i);
      tokens.push({ kind: 'punct', text: query.slice(i, i + len), start: i, end: i + len });
      i += len;
    }
  }
  return tokens;
}

const OPENERS = new Set(['(', '[', '{']);
const CLOSERS = new Set([')', ']', '}']);

/** The deepest nesting of (), [] and {} outside strings and comments. */
export function maxNesting(tokens: readonly Token[]): number {
  let depth = 0;
  let max = 0;
  for (const t of tokens) {
    if (t.kind !== 'punct') continue;
    if (OPENERS.has(t.text)) max = Math.max(max, ++depth);
    else if (CLOSERS.has(t.text)) depth = Math.max(0, depth - 1);
  }
  return max;
}
