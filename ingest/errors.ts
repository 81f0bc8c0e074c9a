/** A problem in the data, located precisely enough to fix it without searching. */
export interface Problem {
  file: string;
  line: number;
  /** Dotted path inside the file, e.g. `nodes[3].synonyms[1]`. */
  field: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line} ${p.field}: ${p.message}`;
}

/** Thrown when data does not validate; nothing has been written when it is. */
export class DataValidationError extends Error {
  override name = 'DataValidationError';
  constructor(readonly problems: Problem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in the data:\n` +
        problems.map(formatProblem).join('\n'),
    );
  }
}
