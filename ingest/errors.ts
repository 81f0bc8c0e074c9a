/** A problem in the data, located precisely enough to fix it without searching. */
export interface Problem {
  file: string;
  line: number;
  /** Dotted path inside the file, e.g. `nodes[3].synonyms[1]` or `row 17.score`. */
  field: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line} ${p.field}: ${p.message}`;
}

/** Thrown when data does not validate; nothing has been written when it is. */
export class DataValidationError extends Error {
  override name = 'DataValidationError';
  constructor(
    readonly problems: Problem[],
    /** Problems found in all, when more were found than kept. */
    readonly total = problems.length,
  ) {
    super(
      `${total} problem${total === 1 ? '' : 's'} in the data${total > problems.length ? ` (the first ${problems.length} shown)` : ''}; nothing was written:\n` +
        problems.map(formatProblem).join('\n'),
    );
  }
}

/** A load that would remove more of a dataset than allowed without --allow-removals. */
export class RemovalRefusedError extends Error {
  override name = 'RemovalRefusedError';
}
