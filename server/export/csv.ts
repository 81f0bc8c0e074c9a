/** CSV export: one table of nodes, one of edges (RFC 4180 quoting, lists joined by "; "). */
import type { Subgraph } from '../../ontology/index.js';

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or CR before one) as a
 * formula (`=cmd|' /C calc'!A0`). Such text cells get a leading apostrophe, which
 * shows the text as typed. Numbers stay numbers: -0.5 is exported as is.
 */
export function neutraliseFormula(text: string, raw: unknown): string {
  if (typeof raw === 'number' || typeof raw === 'bigint') return text;
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvField(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = neutraliseFormula(
    Array.isArray(value)
      ? value.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))).join('; ')
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value),
    value,
  );
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Required columns always, then the usual ones present, then any others alphabetically. */
function table(records: Record<string, unknown>[], required: string[], usual: string[]): string {
  const present = new Set(records.flatMap((r) => Object.keys(r)));
  const known = [...required, ...usual];
  const columns = [
    ...required,
    ...usual.filter((c) => present.has(c)),
    ...[...present].filter((c) => !known.includes(c)).sort(),
  ];
  const lines = [columns.map(csvField).join(',')];
  for (const r of records) lines.push(columns.map((c) => csvField(r[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function nodesCsv(graph: Subgraph): string {
  return table(graph.nodes, ['id', 'label', 'name'], ['synonyms', 'description', 'refs', 'source']);
}

export function edgesCsv(graph: Subgraph): string {
  return table(graph.edges, ['id', 'type', 'source', 'target'], ['evidence', 'refs', 'section', 'dataSource']);
}

/** Both tables in one file, each under a `# nodes` / `# edges` line. */
export function writeCsv(graph: Subgraph, part?: 'nodes' | 'edges'): string {
  if (part === 'nodes') return nodesCsv(graph);
  if (part === 'edges') return edgesCsv(graph);
  return `# nodes\r\n${nodesCsv(graph)}\r\n# edges\r\n${edgesCsv(graph)}`;
}
