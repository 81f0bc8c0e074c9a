/** The researcher-facing source formats of this folder (YAML and neo4j-admin CSV live elsewhere). */
import type { SourceFormat } from '../source.js';
import { gexf } from './gexf.js';
import { graphml } from './graphml.js';
import { kgxJsonl } from './kgx-jsonl.js';
import { kgxTsv } from './kgx-tsv.js';

export const SOURCE_FORMATS: readonly SourceFormat[] = [kgxTsv, kgxJsonl, graphml, gexf];

export { gexf, graphml, kgxJsonl, kgxTsv };
