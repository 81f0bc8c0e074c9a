/** Filters: node types, relationship types and claim kinds that are hidden. */
export interface FilterState {
  hiddenLabels: string[];
  hiddenRelTypes: string[];
  /** Claim kinds (`assertion`; "unknown" = none recorded) whose relationships are hidden. */
  hiddenAssertions: string[];
}

export type FilterPatch = Partial<FilterState>;
export type FilterAction = { type: 'filter'; patch: FilterPatch };

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function filterReducer<S extends FilterState>(s: S, a: FilterAction): S {
  const next = { ...s };
  let changed = false;
  for (const key of ['hiddenLabels', 'hiddenRelTypes', 'hiddenAssertions'] as const) {
    const v = a.patch[key];
    if (v && !sameList(v, s[key])) {
      next[key] = [...v];
      changed = true;
    }
  }
  return changed ? next : s;
}

/** Hide every node type but `keep` (from the types present in the view). */
export function onlyType(present: Iterable<string>, keep: string): string[] {
  return [...present].filter((t) => t !== keep).sort();
}
