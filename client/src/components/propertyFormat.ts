/**
 * How node and relationship properties are shown: which are hidden, in what order,
 * formatting of values, reference numbers, and links to external identifiers.
 */
import { h } from '../lib/dom.js';

export const HIDDEN_PROPS = new Set([
  'id',
  'name',
  'label',
  'labels',
  'description',
  'synonyms',
  'refs',
  'source',
  'curationNote',
  'resistance',
  'x',
  'y',
  'size',
  'color',
  'dataset',
  'degree',
]);
export const PROP_ORDER = [
  'citation',
  'pmid',
  'doi',
  'nctId',
  'acronym',
  'chemblId',
  'drugbankId',
  'symbol',
  'kind',
  'modality',
  'approval',
  'phase',
  'design',
  'n',
  'setting',
  'year',
  'metric',
  'value',
  'unit',
  'ciLow',
  'ciHigh',
  'group',
  'number',
];
export const REL_HIDDEN = new Set([
  'refs',
  'evidence',
  'section',
  'source',
  'key',
  'curationNote',
  'id',
  'type',
  'dataset',
  'dataSource',
]);
/** On a canvas edge `source` / `target` are the ends and the provenance is `dataSource`. */
export const EDGE_SHOWN_APART = new Set([
  'id',
  'type',
  'source',
  'target',
  'evidence',
  'refs',
  'section',
  'dataSource',
  'curationNote',
  'uncited',
  'key',
  'dataset',
]);
export const EDGE_PROP_ORDER = [
  'assertion',
  'context',
  'action',
  'effect',
  'alteration',
  'arm',
  'endpoint',
  'direction',
  'context',
  'grade',
  'rate',
  'group',
  'agency',
  'line',
  'year',
  'category',
  'disease',
  'designation',
  'competesWith',
];

export function fmtValue(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(fmtValue).join(', ');
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.name === 'string') return o.name;
    if ('low' in o && 'high' in o && Object.keys(o).length === 2) return String(o.low);
    return JSON.stringify(v);
  }
  return String(v);
}

export function refsEl(refs: unknown): HTMLElement | null {
  if (!Array.isArray(refs) || refs.length === 0) return null;
  return h(
    'span',
    { class: 'refs', title: 'Reference numbers in the review' },
    ...refs.map((r, i) => [i ? ' ' : '', h('span', { class: 'ref' }, `[${fmtValue(r)}]`)]),
  );
}

/** Identifiers that researchers look up elsewhere: a link out when the value has the expected form. */
const LINKS: Record<string, { pattern: RegExp; url: (v: string) => string }> = {
  chemblId: { pattern: /^CHEMBL\d+$/, url: (v) => `https://www.ebi.ac.uk/chembl/compound_report_card/${v}/` },
  drugbankId: { pattern: /^DB\d{5}$/, url: (v) => `https://go.drugbank.com/drugs/${v}` },
  nctId: { pattern: /^NCT\d{8}$/, url: (v) => `https://clinicaltrials.gov/study/${v}` },
  // References (issue 11): PubMed and DOI resolvers.
  pmid: { pattern: /^\d{1,9}$/, url: (v) => `https://pubmed.ncbi.nlm.nih.gov/${v}/` },
  // A DOI keeps its "/" (doi.org resolves the path); everything else is escaped.
  doi: {
    pattern: /^10\.\d{4,9}\/\S+$/,
    url: (v) => `https://doi.org/${decodeURIComponent(v).split('/').map(encodeURIComponent).join('/')}`,
  },
};

export function externalLink(key: string, value: unknown): HTMLElement | null {
  const spec = LINKS[key];
  const text = typeof value === 'number' ? String(value) : value;
  if (!spec || typeof text !== 'string' || !spec.pattern.test(text)) return null;
  return h('a', { href: spec.url(encodeURIComponent(text)), target: '_blank', rel: 'noopener noreferrer' }, text);
}
