/**
 * Saved research questions: cypher/questions/*.cypher, a `// key: value` header then
 * the query (format in cypher/questions/README.md). Parsing is pure; reading the
 * folder happens per request so edited questions show up without a restart.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

export interface QuestionExpect {
  minRows?: number;
  maxRows?: number;
  column?: string;
  includes?: unknown[];
  excludes?: unknown[];
}

export interface Question {
  name: string;
  title: string;
  description?: string;
  params: Record<string, unknown>;
  expect?: QuestionExpect;
  query: string;
}

export class QuestionParseError extends Error {
  override name = 'QuestionParseError';
}

const JSON_FIELDS = new Set(['params', 'expect']);

/** Parses one file's text; `name` is the file's basename without `.cypher`. */
export function parseQuestion(name: string, text: string): Question {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const fields: Record<string, string> = {};
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    if (!line.startsWith('//')) break;
    const m = /^\/\/\s*([A-Za-z][\w-]*)\s*:\s?(.*)$/.exec(line);
    // A comment line that is not `key: value` continues the previous field (a long description).
    if (m) fields[m[1]!.toLowerCase()] = m[2]!.trim();
    else {
      const last = Object.keys(fields).at(-1);
      if (last && !JSON_FIELDS.has(last))
        fields[last] = `${fields[last]} ${line.replace(/^\/\/\s?/, '').trim()}`.trim();
    }
  }
  const query = lines.slice(i).join('\n').trim();
  if (!fields.title) throw new QuestionParseError(`${name}: the header has no "// title:" line`);
  if (!query) throw new QuestionParseError(`${name}: no query after the header`);
  const json = (key: string): Record<string, unknown> | undefined => {
    const raw = fields[key];
    if (raw === undefined || raw === '') return undefined;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (err) {
      throw new QuestionParseError(`${name}: "${key}" is not valid JSON: ${(err as Error).message}`);
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      throw new QuestionParseError(`${name}: "${key}" must be a JSON object`);
    }
    return value as Record<string, unknown>;
  };
  const expect = json('expect') as QuestionExpect | undefined;
  return {
    name,
    title: fields.title,
    ...(fields.description ? { description: fields.description } : {}),
    params: json('params') ?? {},
    ...(expect ? { expect } : {}),
    query,
  };
}

export interface QuestionSet {
  questions: Question[];
  problems: { file: string; message: string }[];
}

/** Every question in `dir`, sorted by name; broken files are reported, not fatal. */
export async function loadQuestions(dir: string): Promise<QuestionSet> {
  let files: string[];
  try {
    files = (await fs.readdir(dir)).filter((f) => f.endsWith('.cypher')).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { questions: [], problems: [] };
    throw err;
  }
  const out: QuestionSet = { questions: [], problems: [] };
  for (const file of files) {
    try {
      out.questions.push(
        parseQuestion(path.basename(file, '.cypher'), await fs.readFile(path.join(dir, file), 'utf8')),
      );
    } catch (err) {
      out.problems.push({ file, message: (err as Error).message });
    }
  }
  return out;
}
