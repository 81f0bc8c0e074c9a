/**
 * Lookup keys for resolution. Names compare ignoring case, accents, spacing and
 * punctuation (`PD-1`, `pd1`, `PD 1` are one key). Identifiers compare by namespace and
 * local id, case-insensitively: `DRUGBANK:DB09035`, `drugbank:db09035` and a bare
 * `DB09035` are all `drugbank:db09035`; `HGNC.SYMBOL:PDCD1` is `symbol:pdcd1`.
 */

/** Namespaces (as written in CURIEs, lower-cased) → the canonical namespace of the key. */
const NAMESPACES: Record<string, string> = {
  drugbank: 'drugbank',
  'chembl.compound': 'chembl',
  chembl: 'chembl',
  chebi: 'chebi',
  pubchem: 'pubchem',
  'pubchem.compound': 'pubchem',
  hgnc: 'hgnc',
  'hgnc.symbol': 'symbol',
  symbol: 'symbol',
  ncbigene: 'entrez',
  entrez: 'entrez',
  ensembl: 'ensembl',
  uniprotkb: 'uniprot',
  uniprot: 'uniprot',
  nct: 'nct',
  clinicaltrials: 'nct',
  'clinicaltrials.gov': 'nct',
  mesh: 'mesh',
  doid: 'doid',
  mondo: 'mondo',
  umls: 'umls',
  'umls.cui': 'umls',
};

/** Atlas node properties that hold identifiers, and their namespace. */
export const IDENTIFIER_PROPERTIES: Record<string, string> = {
  drugbankId: 'drugbank',
  chemblId: 'chembl',
  chebiId: 'chebi',
  pubchemId: 'pubchem',
  hgncId: 'hgnc',
  symbol: 'symbol',
  entrezId: 'entrez',
  ensemblId: 'ensembl',
  uniprotId: 'uniprot',
  nctId: 'nct',
  meshId: 'mesh',
  doid: 'doid',
  mondoId: 'mondo',
  umlsCui: 'umls',
};

/** `nct:03434379`, `NCT:NCT03434379` and `NCT03434379` are one trial. */
function keyOf(namespace: string, local: string): string {
  const l = local.trim().toLowerCase();
  return namespace === 'nct' ? `nct:nct${l.replace(/^nct/, '')}` : `${namespace}:${l}`;
}

/** Bare identifiers recognisable by shape alone. */
const BARE: Array<[RegExp, string]> = [
  [/^DB\d{5}$/i, 'drugbank'],
  [/^CHEMBL\d+$/i, 'chembl'],
  [/^NCT\d{8}$/i, 'nct'],
  [/^ENS[A-Z]*[GTP]\d{6,}(?:\.\d+)?$/i, 'ensembl'],
  [/^C\d{7}$/, 'umls'],
  [/^[OPQ][0-9][A-Z0-9]{3}[0-9]$|^[A-NR-Z][0-9](?:[A-Z][A-Z0-9]{2}[0-9]){1,2}$/, 'uniprot'],
];

/** Name key: NFKC, lower case, accents and everything but letters and digits dropped. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Identifier key of a CURIE or a bare identifier, or undefined when it is neither a
 * known namespace nor a recognisable shape. `namespace` forces one (identifier
 * properties know theirs).
 */
export function identifierKey(value: string, namespace?: string): string | undefined {
  const v = value.trim();
  if (!v) return undefined;
  if (namespace) {
    // A property may hold a CURIE too (`HGNC:8760` in hgncId).
    const colon = v.indexOf(':');
    const local = colon > 0 && NAMESPACES[v.slice(0, colon).toLowerCase()] === namespace ? v.slice(colon + 1) : v;
    return keyOf(namespace, local);
  }
  const colon = v.indexOf(':');
  if (colon > 0) {
    const ns = NAMESPACES[v.slice(0, colon).toLowerCase()];
    if (ns) {
      let local = v.slice(colon + 1).trim();
      // `HGNC:HGNC:1234` and `MESH:MESH:D006528` happen in the wild.
      if (local.toLowerCase().startsWith(`${v.slice(0, colon).toLowerCase()}:`)) local = local.slice(colon + 1);
      return local ? keyOf(ns, local) : undefined;
    }
  }
  for (const [pattern, ns] of BARE) if (pattern.test(v)) return keyOf(ns, v);
  return undefined;
}

/** Key of an atlas id itself, so a source that uses atlas ids resolves exactly. */
export function atlasIdKey(id: string): string {
  return `atlas:${id}`;
}
