/**
 * Reads and checks a mapping file: YAML syntax, the zod shape (schema.ts), then what the
 * shape cannot say — every target label and type exists in the contract or is declared,
 * declarations don't clash with the contract or each other. Every problem names the
 * mapping file, the line and the field.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import {
  ID_PREFIX,
  isKnownLabel,
  isKnownRelationshipType,
  isRelationshipType,
  isTypeLabel,
  type OntologyExtensions,
} from '../../ontology/index.js';
import { DataValidationError, type Problem } from '../errors.js';
import { displayName } from '../sources/lines.js';
import { type Mapping, mappingSchema } from './schema.js';

/** `*` as a kind or type: a source value that already is a label / type maps to itself. */
export const SAME_NAME = '*';

export interface LoadedMapping {
  mapping: Mapping;
  extensions: OntologyExtensions;
  /** The mapping file as shown in messages. */
  file: string;
  /** Folder the mapping's `files` are relative to. */
  dir: string;
}

function fieldPath(segments: readonly PropertyKey[]): string {
  return segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? String(s) : `.${String(s)}`)).join('');
}

function lineOf(doc: Document, counter: LineCounter, segments: readonly PropertyKey[]): number {
  for (let n = segments.length; n >= 0; n--) {
    const node = doc.getIn(segments.slice(0, n) as unknown[], true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return counter.linePos(node.range[0]).line;
  }
  return 1;
}

/** The dataset a folder's manifest names, for mappings that leave it out. */
export interface MappingDefaults {
  dataset?: string;
  version?: string;
}

export function parseMapping(text: string, file: string, dir: string, defaults: MappingDefaults = {}): LoadedMapping {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new DataValidationError(
      doc.errors.slice(0, 1).map((e) => ({
        file,
        line: e.linePos?.[0]?.line ?? 1,
        field: '(syntax)',
        message: e.message.split('\n')[0] ?? e.message,
      })),
    );
  }
  const parsed = mappingSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    throw new DataValidationError(
      parsed.error.issues.map((issue) => {
        // An unknown key is reported on its parent: point at the key itself.
        const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
        const at = keys.length > 0 ? [...issue.path, keys[0]!] : issue.path;
        return {
          file,
          line: lineOf(doc, counter, at),
          field: fieldPath(at) || '(root)',
          message: keys.length > 0 ? `unknown field (check the spelling; see data/README.md)` : issue.message,
        };
      }),
    );
  }
  const problems: Problem[] = [];
  const at = (segments: PropertyKey[], message: string) =>
    problems.push({ file, line: lineOf(doc, counter, segments), field: fieldPath(segments), message });
  const dataset = parsed.data.dataset ?? defaults.dataset;
  const version = parsed.data.version ?? defaults.version;
  if (!dataset) at(['dataset'], 'required: the dataset name (or name it in atlas-dataset.yaml)');
  else if (defaults.dataset && dataset !== defaults.dataset) {
    at(['dataset'], `"${dataset}" differs from the name in atlas-dataset.yaml ("${defaults.dataset}")`);
  }
  if (!version) at(['version'], 'required: the version of the source (a release, a date…)');
  const mapping = { ...parsed.data, dataset: dataset ?? '', version: version ?? '' };

  const extensions: OntologyExtensions = {
    labels: mapping.extensions.labels,
    relationshipTypes: mapping.extensions.relationshipTypes,
  };
  const builtInPrefixes = new Set(Object.values(ID_PREFIX));
  const seenLabels = new Set<string>();
  const seenPrefixes = new Set<string>();
  mapping.extensions.labels.forEach((d, i) => {
    if (
      isTypeLabel(d.label) ||
      d.label === 'Entity' ||
      d.label === 'ResistanceMechanism' ||
      d.label === 'AtlasOntology'
    ) {
      at(['extensions', 'labels', i, 'label'], `${d.label} is already a label of the ontology: map onto it instead`);
    } else if (seenLabels.has(d.label)) {
      at(['extensions', 'labels', i, 'label'], `${d.label} is declared twice`);
    }
    if (builtInPrefixes.has(d.prefix) || seenPrefixes.has(d.prefix)) {
      at(['extensions', 'labels', i, 'prefix'], `prefix "${d.prefix}" is already taken`);
    }
    seenLabels.add(d.label);
    seenPrefixes.add(d.prefix);
  });
  const seenTypes = new Set<string>();
  mapping.extensions.relationshipTypes.forEach((d, i) => {
    if (isRelationshipType(d.type)) {
      at(['extensions', 'relationshipTypes', i, 'type'], `${d.type} is already a relationship type of the ontology`);
    } else if (seenTypes.has(d.type)) {
      at(['extensions', 'relationshipTypes', i, 'type'], `${d.type} is declared twice`);
    }
    seenTypes.add(d.type);
    for (const end of ['from', 'to'] as const) {
      d[end].forEach((label, j) => {
        if (!isKnownLabel(label, extensions)) {
          at(['extensions', 'relationshipTypes', i, end, j], `${label} is neither an ontology label nor declared here`);
        }
      });
    }
  });
  for (const [kind, label] of Object.entries(mapping.nodes.kinds)) {
    if (kind === SAME_NAME ? label !== SAME_NAME : !isKnownLabel(label, extensions)) {
      at(
        ['nodes', 'kinds', kind],
        kind === SAME_NAME
          ? 'the kind "*" can only map to "*" (kinds that are labels map to themselves)'
          : `${label} is neither an ontology label nor declared under extensions.labels`,
      );
    }
  }
  for (const [predicate, target] of Object.entries(mapping.relationships.types)) {
    if (predicate === SAME_NAME ? target.type !== SAME_NAME : !isKnownRelationshipType(target.type, extensions)) {
      at(
        ['relationships', 'types', predicate],
        predicate === SAME_NAME
          ? 'the type "*" can only map to "*" (values that are relationship types map to themselves)'
          : `${target.type} is neither an ontology relationship type nor declared under extensions.relationshipTypes`,
      );
    }
  }
  if (problems.length > 0) throw new DataValidationError(problems);
  return { mapping, extensions, file, dir };
}

export function readMapping(mappingFile: string, displayRoot?: string, defaults: MappingDefaults = {}): LoadedMapping {
  const shown = displayName(mappingFile, { displayRoot });
  let text: string;
  try {
    text = fs.readFileSync(mappingFile, 'utf8');
  } catch (err) {
    throw new DataValidationError([
      { file: shown, line: 1, field: '(file)', message: `cannot read the mapping: ${(err as Error).message}` },
    ]);
  }
  return parseMapping(text, shown, path.dirname(path.resolve(mappingFile)), defaults);
}
