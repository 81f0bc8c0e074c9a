/**
 * GEXF (Gephi) through graphology-gexf's parser. Node records: `{id, label?, ...attvalues}`
 * (GEXF's `label` is the display name); edge records: `{id?, source, target, label?,
 * weight?, ...attvalues}`. Whole-document parse, size-capped (see xml.ts).
 */
import { parse } from 'graphology-gexf';
import type { SourceFormat } from '../source.js';
import { type GraphParser, readXmlGraph } from './graphml.js';

export const gexf: SourceFormat = {
  name: 'gexf',
  matches: (file) => /\.gexf$/i.test(file),
  read: (file, options) => readXmlGraph(file, options, 'GEXF', parse as GraphParser),
};
