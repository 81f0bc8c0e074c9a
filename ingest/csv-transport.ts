/**
 * The LOAD CSV transport of batched loads. When Neo4j can reach this process on 127.0.0.1
 * (a local Neo4j, the embedded one included), each batch of validated rows is served to
 * Neo4j as CSV over loopback HTTP and read with `LOAD CSV` inside the batch's own
 * transaction, instead of travelling as a Bolt parameter. Neo4j then parses the rows
 * itself, as it does for a plain `LOAD CSV` import, and skips decoding a 10,000-row
 * parameter; validation, batching, retries and the load record stay the app's.
 *
 * A batch goes this way only when CSV can carry it exactly; otherwise (mixed types in one
 * column or one list, a list element holding a separator, -0 or a non-finite number)
 * that batch falls back to Bolt. Whether Neo4j reads back what is sent — quotes,
 * backslashes (Neo4j's `dbms.import.csv.legacy_quote_escaping`), line breaks, non-ASCII
 * text — is checked once per load with a probe; a Neo4j that cannot fetch the probe (a
 * remote NEO4J_URI) or reads it back differently gets every batch over Bolt.
 *
 * Each batch is served once under a random path (an unguessable token per load) and
 * dropped after its commit; the server listens on 127.0.0.1 only and closes with the load.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Driver } from 'neo4j-driver';
import type { BatchRows } from './load.js';

/** Joins a list's elements inside one CSV field (ASCII unit separator). */
export const LIST_SEPARATOR = '\u001f';
/** The whole field of an empty list (ASCII record separator). */
export const EMPTY_LIST = '\u001e';

type Kind = 'string' | 'number' | 'boolean';
/** What a column holds in every row of a batch (null: absent in every row; `[]`: only empty lists). */
export type ColumnKind = Kind | `${Kind}[]` | '[]' | 'null';

function kindOf(value: unknown): ColumnKind | undefined {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0) ? 'number' : undefined;
  if (typeof value === 'boolean') return 'boolean';
  if (!Array.isArray(value)) return undefined;
  if (value.length === 0) return '[]';
  const inner = kindOf(value[0]);
  if (inner !== 'string' && inner !== 'number' && inner !== 'boolean') return undefined;
  for (const v of value) {
    if (kindOf(v) !== inner) return undefined;
    if (inner === 'string' && ((v as string).includes(LIST_SEPARATOR) || (v as string).includes(EMPTY_LIST)))
      return undefined;
  }
  return `${inner}[]`;
}

/** The kind of a column that holds both `a` and `b`, if CSV can carry both. */
function merged(a: ColumnKind, b: ColumnKind): ColumnKind | undefined {
  if (a === b || b === 'null') return a;
  if (a === 'null') return b;
  // An empty list fits any list column.
  if (a === '[]' && b.endsWith('[]')) return b;
  if (b === '[]' && a.endsWith('[]')) return a;
  return undefined;
}

/** The kind of each column, or undefined when some column cannot be carried exactly. */
export function columnKinds(rows: readonly unknown[][]): ColumnKind[] | undefined {
  const width = rows[0]?.length ?? 0;
  const kinds: ColumnKind[] = new Array(width).fill('null');
  for (const row of rows) {
    if (row.length !== width) return undefined;
    for (let i = 0; i < width; i++) {
      const k = kindOf(row[i]);
      const both = k && merged(kinds[i]!, k);
      if (!both) return undefined;
      kinds[i] = both;
    }
  }
  return kinds;
}

/** A quoted CSV field; `"` doubled, and `\` doubled where Neo4j reads `\` as an escape. */
function quoted(text: string, escapeBackslash: boolean): string {
  if (!text.includes('"') && !text.includes('\\')) return `"${text}"`;
  let t = text.replaceAll('"', '""');
  if (escapeBackslash) t = t.replaceAll('\\', '\\\\');
  return `"${t}"`;
}

function field(value: unknown, escapeBackslash: boolean): string {
  if (value === null || value === undefined) return ''; // unquoted empty: LOAD CSV reads null
  if (typeof value === 'string') return quoted(value, escapeBackslash);
  if (Array.isArray(value)) {
    return quoted(value.length === 0 ? EMPTY_LIST : value.map(String).join(LIST_SEPARATOR), escapeBackslash);
  }
  return String(value);
}

/** The batch as CSV text (no header; one line per row, fields may span lines). */
export function toCsv(rows: readonly unknown[][], escapeBackslash: boolean): string {
  const lines: string[] = [];
  for (const row of rows) lines.push(row.map((v) => field(v, escapeBackslash)).join(','));
  return `${lines.join('\n')}\n`;
}

/** The Cypher expression that turns column `i` (a string or null) back into its value. */
export function columnExpression(i: number, kind: ColumnKind): string {
  const v = `row[${i}]`;
  const list = (items: string) => `CASE ${v} WHEN $emptyList THEN [] ELSE ${items} END`;
  switch (kind) {
    case 'number':
      return `toFloat(${v})`;
    case 'boolean':
      return `toBoolean(${v})`;
    case 'string[]':
    case '[]':
      return list(`split(${v}, $separator)`);
    case 'number[]':
      return list(`[x IN split(${v}, $separator) | toFloat(x)]`);
    case 'boolean[]':
      return list(`[x IN split(${v}, $separator) | toBoolean(x)]`);
    default:
      return v;
  }
}

/** Values the probe sends and expects back unchanged. */
const PROBE_ROWS: string[][] = [
  ['plain', 'with "quotes"', 'back\\slash', 'back\\"quote'],
  ['line\nbreak', 'crlf\r\nend', 'comma, tab\t', 'ünï cødé 🙂'],
  ['', 'trailing\\', '\\\\double', 'x'],
];

export class CsvTransport {
  private readonly batches = new Map<string, Buffer>();
  private readonly token = randomBytes(16).toString('hex');
  private readonly server = http.createServer((req, res) => this.answer(req, res));
  private sequence = 0;
  /** Whether Neo4j reads `\` inside quotes as an escape (its default; found by the probe). */
  private escapeBackslash = true;

  private constructor() {}

  private answer(req: http.IncomingMessage, res: http.ServerResponse): void {
    const body = this.batches.get(req.url ?? '');
    if (req.method !== 'GET' || !body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'content-length': body.length });
    res.end(body);
  }

  /**
   * Starts the loopback server and checks that Neo4j reads a probe back exactly. Resolves
   * to the transport, or to the reason Bolt must be used.
   */
  static async open(driver: Driver, database: string): Promise<CsvTransport | string> {
    const transport = new CsvTransport();
    const { server } = transport;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    server.unref();
    let reason = '';
    // Neo4j's default reads `\` inside quotes as an escape; a server configured otherwise reads it literally.
    for (const escapeBackslash of [true, false]) {
      transport.escapeBackslash = escapeBackslash;
      const probe = transport.serve(toCsv(PROBE_ROWS, escapeBackslash));
      const session = driver.session({ database });
      try {
        const result = await session.run(
          'LOAD CSV FROM $url AS row RETURN row',
          { url: probe.url },
          { timeout: 15_000 },
        );
        const back = result.records.map((r) => r.get('row') as unknown);
        if (JSON.stringify(back) === JSON.stringify(PROBE_ROWS)) return transport;
        reason = 'Neo4j read the probe CSV back differently';
      } catch (err) {
        reason = `Neo4j could not LOAD CSV from this machine's 127.0.0.1 (${(err as Error).message.split('\n')[0]})`;
        break;
      } finally {
        probe.release();
        await session.close();
      }
    }
    await transport.close();
    return reason;
  }

  private serve(csv: string): { url: string; release: () => void } {
    const path = `/${this.token}/${++this.sequence}.csv`;
    this.batches.set(path, Buffer.from(csv, 'utf8'));
    const { port } = this.server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}${path}`, release: () => this.batches.delete(path) };
  }

  /** The batch as LOAD CSV rows, or undefined when CSV cannot carry it exactly (send it over Bolt). */
  rows(rows: unknown[][]): BatchRows | undefined {
    const kinds = rows.length > 0 ? columnKinds(rows) : undefined;
    if (!kinds) return undefined;
    const { url, release } = this.serve(toCsv(rows, this.escapeBackslash));
    return {
      clause: 'LOAD CSV FROM $url AS row',
      column: (i) => columnExpression(i, kinds[i] ?? 'null'),
      params: { url, separator: LIST_SEPARATOR, emptyList: EMPTY_LIST },
      release,
    };
  }

  close(): Promise<void> {
    this.batches.clear();
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}
