/**
 * Turns raw records into a Dataset, or reports every problem it finds: shape and types,
 * identifiers, units, provenance, duplicate entities (shared names or synonyms),
 * dangling references and relationship endpoints that the ontology does not allow.
 */
import type { z } from 'zod';
import {
  CONTEXT_DISEASE_UNSPECIFIED,
  ID_PATTERN,
  RELATIONSHIP_ENDPOINTS,
  labelOfId,
  type NodeLabel,
  type RelationshipType,
} from '../ontology/index.js';
import type { Dataset, NodeRecord, PropertyValue, RelationshipRecord } from './dataset.js';
import { deriveReferences } from './derive.js';
import type { Problem } from './errors.js';
import type { Location, RawRecord } from './read.js';
import { claimRules, nodeBase, nodeExtras, relationshipBase, relationshipExtras } from './records.js';

/** How names compare for duplicate detection: case, width and spacing don't matter. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

const NO_REFS =
  'no reference numbers: every fact needs provenance (empty refs only with source: curation for standard identifiers and class memberships, or uncited: true for what the review states without a citation)';

/** Empty refs are honest only for curated standard knowledge or flagged uncited statements. */
function mayBeUncited(record: { source: string; uncited?: unknown }): boolean {
  return record.source === 'curation' || record.uncited === true;
}

function at(loc: Location, field: string | undefined, message: string): Problem {
  const line = (field && loc.fieldLines[field]) || loc.line;
  return { file: loc.file, line, field: field ? `${loc.path}.${field}` : loc.path, message };
}

function zodProblems(loc: Location, error: z.ZodError): Problem[] {
  return error.issues.map((issue) => {
    const [head, ...rest] = issue.path.map(String);
    const field = head === undefined ? undefined : [head, ...rest].join('.').replace(/\.(\d+)/g, '[$1]');
    const p = at(loc, head, issue.message);
    if (field) p.field = `${loc.path}.${field}`;
    return p;
  });
}

function describe(loc: Location | undefined): string {
  return loc ? `${loc.file}:${loc.line}` : 'derived';
}

export function validateRecords(records: RawRecord[]): { dataset: Omit<Dataset, 'files'>; problems: Problem[] } {
  const problems: Problem[] = [];
  const nodes: NodeRecord[] = [];
  const byId = new Map<string, NodeRecord>();
  // Ids of records that failed validation: already reported, so not "dangling" too.
  const invalidIds = new Set<string>();

  for (const raw of records.filter((r) => r.kind === 'node')) {
    const { loc } = raw;
    const input = { source: raw.defaults.source, ...raw.value };
    const parsed = nodeBase.safeParse(input);
    if (!parsed.success) {
      if (typeof raw.value.id === 'string') invalidIds.add(raw.value.id);
      problems.push(...zodProblems(loc, parsed.error));
      continue;
    }
    const node = parsed.data;
    if (!ID_PATTERN.test(node.id)) {
      problems.push(
        at(loc, 'id', `"${node.id}" is not a lower-case kebab id with a type prefix (e.g. drug:nivolumab)`),
      );
      continue;
    }
    const label = labelOfId(node.id);
    if (!label) {
      problems.push(at(loc, 'id', `unknown id prefix in "${node.id}" (see ID_PREFIX in ontology/index.ts)`));
      continue;
    }
    const extras = nodeExtras[label];
    if (extras) {
      const checked = extras.safeParse(node);
      if (!checked.success) {
        invalidIds.add(node.id);
        problems.push(...zodProblems(loc, checked.error));
        continue;
      }
    }
    if (node.refs.length === 0 && !mayBeUncited(node)) {
      problems.push(at(loc, 'refs', NO_REFS));
    }
    const previous = byId.get(node.id);
    if (previous) {
      problems.push(at(loc, 'id', `duplicate id "${node.id}" (first defined at ${describe(previous.loc)})`));
      continue;
    }
    // Synonyms are every *other* name: drop repeats and the canonical name itself.
    const seen = new Set([nameKey(node.name)]);
    const synonyms = node.synonyms.filter((s) => {
      const k = nameKey(s);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    const record: NodeRecord = {
      id: node.id,
      label,
      resistance: label === 'Mechanism' && node.kind === 'resistance',
      props: { ...(node as Record<string, PropertyValue>), synonyms },
      loc,
    };
    byId.set(node.id, record);
    nodes.push(record);
  }

  problems.push(...duplicateNames(nodes));

  const cited = new Set<number>();
  for (const raw of records) {
    const refs = raw.value.refs;
    if (Array.isArray(refs)) for (const n of refs) if (Number.isInteger(n) && n > 0) cited.add(n);
  }
  const derived = deriveReferences(nodes, cited);
  for (const ref of derived.nodes) {
    if (!byId.has(ref.id)) {
      byId.set(ref.id, ref);
      nodes.push(ref);
    }
  }

  const relationships: RelationshipRecord[] = [];
  const byKey = new Map<string, RelationshipRecord>();
  for (const raw of records.filter((r) => r.kind === 'relationship')) {
    const { loc } = raw;
    const input = { source: raw.defaults.source, section: raw.defaults.section, ...raw.value };
    const parsed = relationshipBase.safeParse(input);
    if (!parsed.success) {
      problems.push(...zodProblems(loc, parsed.error));
      continue;
    }
    const rel = parsed.data;
    const type = rel.type as RelationshipType;
    const extras = relationshipExtras[type];
    if (extras) {
      const checked = extras.safeParse(rel);
      if (!checked.success) {
        problems.push(...zodProblems(loc, checked.error));
        continue;
      }
    }
    const claim = claimRules(type).safeParse(rel);
    if (!claim.success) {
      problems.push(...zodProblems(loc, claim.error));
      continue;
    }
    const disease = rel.contextDisease;
    if (
      typeof disease === 'string' &&
      disease !== CONTEXT_DISEASE_UNSPECIFIED &&
      byId.get(disease)?.label !== 'Disease'
    ) {
      problems.push(
        at(
          loc,
          'contextDisease',
          `"${disease}" is not a Disease in the data (or write "${CONTEXT_DISEASE_UNSPECIFIED}")`,
        ),
      );
      continue;
    }
    const endpointProblem = (end: 'from' | 'to'): boolean => {
      const id = rel[end];
      const target = byId.get(id);
      if (!target && invalidIds.has(id)) return true;
      if (!target) {
        problems.push(at(loc, end, `"${id}" is not a node in the data (dangling reference)`));
        return true;
      }
      const allowed = RELATIONSHIP_ENDPOINTS[type][end];
      if (!allowed.includes(target.label)) {
        problems.push(
          at(
            loc,
            end,
            `${type} cannot ${end === 'from' ? 'start at' : 'end at'} a ${target.label} ("${id}"); allowed: ${allowed.join(', ')}`,
          ),
        );
        return true;
      }
      return false;
    };
    const bad = [endpointProblem('from'), endpointProblem('to')].some(Boolean);
    if (bad) continue;
    if (rel.from === rel.to) {
      problems.push(at(loc, 'to', 'a relationship from a node to itself'));
      continue;
    }
    if (rel.refs.length === 0 && !mayBeUncited(rel)) {
      problems.push(at(loc, 'refs', NO_REFS));
    }
    const key = [rel.from, type, rel.to, rel.key].filter(Boolean).join('|');
    const previous = byKey.get(key);
    if (previous) {
      problems.push(
        at(
          loc,
          'type',
          `duplicate relationship ${rel.from} -${type}-> ${rel.to} (first at ${describe(previous.loc)}); give each a distinct \`key\` if both are meant`,
        ),
      );
      continue;
    }
    const { type: _t, from: _f, to: _to, ...props } = rel;
    const record: RelationshipRecord = {
      key,
      type,
      from: rel.from,
      to: rel.to,
      props: props as Record<string, PropertyValue>,
      loc,
    };
    byKey.set(key, record);
    relationships.push(record);
  }
  for (const rel of derived.relationships(byId)) {
    if (!byKey.has(rel.key)) {
      byKey.set(rel.key, rel);
      relationships.push(rel);
    }
  }

  return { dataset: { nodes, relationships }, problems };
}

/** Two nodes may not share a name or synonym: they would be one entity twice. */
function duplicateNames(nodes: NodeRecord[]): Problem[] {
  const problems: Problem[] = [];
  const owner = new Map<string, { node: NodeRecord; as: string }>();
  for (const node of nodes) {
    const names = [
      { value: String(node.props.name), field: 'name' },
      ...(node.props.synonyms as string[]).map((value) => ({ value, field: 'synonyms' })),
    ];
    for (const { value, field } of names) {
      const k = nameKey(value);
      const first = owner.get(k);
      if (first && first.node.id !== node.id) {
        problems.push(
          at(
            node.loc!,
            field,
            `"${value}" is also the ${first.as} of ${first.node.id} (${describe(first.node.loc)}): duplicate entity, or a synonym on the wrong node`,
          ),
        );
      } else if (!first) {
        owner.set(k, { node, as: field === 'name' ? 'name' : 'synonym' });
      }
    }
  }
  return problems;
}

export type { NodeLabel };
