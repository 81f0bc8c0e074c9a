/**
 * The contract between the readers of source formats and the loading pipeline.
 *
 * A reader turns one file into a stream of records, each located precisely enough that a
 * problem can be reported as `file:line record N field: message`. Readers never hold a
 * whole file's records in memory; the pipeline validates, normalises and loads them in
 * bounded batches.
 */

/** Where a record came from. */
export interface SourceLocation {
  /** The file as shown to the user (relative to the working directory when inside it). */
  file: string;
  /** 1-based line on which the record starts (for XML: the element's line). */
  line: number;
  /** 1-based ordinal of the record within its file. */
  record: number;
  /** Human path of the record inside the file: `nodes[3]`, `row 17`, `edge e12`. */
  path: string;
  /** Line of each field where the format knows it (YAML), for field-level messages. */
  fieldLines?: Record<string, number>;
}

/**
 * One node or relationship as read, before validation.
 * - node: `id`, `name`, optionally `label` (otherwise the id's prefix decides), and
 *   properties (`synonyms`, `description`, `refs`, `source`, identifiers…);
 * - relationship: `type`, `from`, `to`, and properties (`evidence`, `refs`, `source`…).
 */
export interface SourceRecord {
  kind: 'node' | 'relationship';
  value: Record<string, unknown>;
  loc: SourceLocation;
  /** File-level defaults (YAML's top-level `source` and `section`). */
  defaults?: { source?: string; section?: string };
  /**
   * Problems the reader found in this record itself (a value that does not fit its typed
   * column, a row with too many fields…). The pipeline reports them and skips the record.
   */
  problems?: Array<{ field: string; message: string; line?: number }>;
}

/**
 * Thrown by a reader when a whole file cannot be read (a syntax error, a missing header).
 * The pipeline reports these problems alone: the references into a file that does not
 * parse would all look dangling.
 */
export class SourceReadError extends Error {
  override name = 'SourceReadError';
  constructor(readonly problems: Array<{ file: string; line: number; field: string; message: string }>) {
    super(problems.map((p) => `${p.file}:${p.line} ${p.field}: ${p.message}`).join('\n'));
  }
}

export interface ReadOptions {
  /** Directory that displayed file names are relative to. */
  displayRoot?: string;
}

/** A format the builder can read: YAML, neo4j-admin CSV/TSV, KGX TSV/JSONL, GraphML, GEXF. */
export interface SourceFormat {
  /** Short name shown in reports: `yaml`, `neo4j-csv`, `kgx-tsv`, `kgx-jsonl`, `graphml`, `gexf`. */
  name: string;
  /** Whether this format reads the given file (by name, and if needed its first bytes). */
  matches(file: string): boolean;
  /** What a file of this format holds (from its name or first bytes); absent: possibly both. */
  holds?(file: string): 'nodes' | 'relationships' | 'both';
  read(file: string, options?: ReadOptions): AsyncIterable<SourceRecord>;
}
