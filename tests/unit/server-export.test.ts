import { MultiGraph as Graph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Subgraph } from '../../ontology/index.js';
import { csvField, writeCsv } from '../../server/export/csv.js';
import { writeGexf } from '../../server/export/gexf.js';
import { escapeXml, writeGraphml } from '../../server/export/graphml.js';

const SAMPLE: Subgraph = {
  nodes: [
    {
      id: 'drug:nivolumab',
      label: 'Drug',
      name: 'Nivolumab',
      synonyms: ['navulizumab', 'Opdivo'],
      refs: [45, 49],
      description: 'Blocks PD-1 <and> "binds" & more, it\'s an antibody',
      source: 'review',
      approved: true,
    },
    { id: 'target:pd-1', label: 'Target', name: 'PD-1', refs: [23], source: 'review', symbol: 'PDCD1' },
    { id: 'outcome:x', label: 'Outcome', name: 'ORR', value: 20.5, n: 262, source: 'review' },
  ],
  edges: [
    {
      id: '5:abc:1',
      type: 'TARGETS',
      source: 'drug:nivolumab',
      target: 'target:pd-1',
      refs: [45],
      evidence: 'Nivolumab blocks PD-1, "strongly"\nsecond line',
      dataSource: 'review',
      action: 'blocker',
    },
    {
      id: '5:abc:2',
      type: 'TARGETS',
      source: 'drug:nivolumab',
      target: 'target:pd-1',
      refs: [46],
      evidence: 'Again.',
      dataSource: 'curation',
    },
  ],
};

describe('GraphML writer', () => {
  it('round-trips through graphology-graphml: nodes, parallel edges and typed attributes survive', () => {
    const xml = writeGraphml(SAMPLE);
    const g = parseGraphml(Graph, xml);
    expect(g.order).toBe(3);
    expect(g.size).toBe(2);
    expect(g.type).toBe('directed');
    const niv = g.getNodeAttributes('drug:nivolumab');
    expect(niv.name).toBe('Nivolumab');
    // label is the display name (what Gephi, yEd and Cytoscape show); the type has its own key.
    expect(niv.label).toBe('Nivolumab');
    expect(niv.type).toBe('Drug');
    expect(g.getEdgeAttribute('5:abc:1', 'label')).toBe('TARGETS');
    expect(niv.description).toBe(SAMPLE.nodes[0]!.description);
    expect(niv.approved).toBe(true);
    expect(JSON.parse(niv.synonyms as string)).toEqual(['navulizumab', 'Opdivo']);
    expect(JSON.parse(niv.refs as string)).toEqual([45, 49]);
    expect(g.getNodeAttributes('outcome:x').value).toBe(20.5);
    expect(g.getNodeAttributes('outcome:x').n).toBe(262);
    expect(g.getNodeAttribute('target:pd-1', 'symbol')).toBe('PDCD1');
    const e1 = g.getEdgeAttributes('5:abc:1');
    expect(g.source('5:abc:1')).toBe('drug:nivolumab');
    expect(g.target('5:abc:1')).toBe('target:pd-1');
    expect(e1.type).toBe('TARGETS');
    expect(e1.evidence).toBe('Nivolumab blocks PD-1, "strongly"\nsecond line');
    expect(e1.action).toBe('blocker');
    expect(g.getEdgeAttribute('5:abc:2', 'dataSource')).toBe('curation');
  });

  it('is well-formed XML to a second, independent parser, with label = name and the type in its own key', () => {
    const xml = writeGraphml({
      ...SAMPLE,
      nodes: [...SAMPLE.nodes, { id: 'x:odd', label: 'Drug', name: 'Bad \u0001 char <b>', source: 'review' }],
    });
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml);
    const keys: { '@id': string; '@for': string; '@attr.name': string }[] = doc.graphml.key;
    const keyOf = (kind: string, name: string) =>
      keys.find((k) => k['@for'] === kind && k['@attr.name'] === name)!['@id'];
    const nodes: { '@id': string; data: { '@key': string; '#text': unknown }[] }[] = doc.graphml.graph.node;
    const value = (id: string, key: string) =>
      nodes.find((n) => n['@id'] === id)!.data.find((d) => d['@key'] === key)?.['#text'];
    expect(value('drug:nivolumab', keyOf('node', 'label'))).toBe('Nivolumab');
    expect(value('drug:nivolumab', keyOf('node', 'type'))).toBe('Drug');
    expect(value('target:pd-1', keyOf('node', 'label'))).toBe('PD-1');
    expect(value('x:odd', keyOf('node', 'label'))).toBe('Bad  char <b>');
    expect(doc.graphml['@xmlns']).toBe('http://graphml.graphdrawing.org/xmlns');
  });

  it('declares attribute types from the values', () => {
    const xml = writeGraphml(SAMPLE);
    expect(xml).toMatch(/<key id="n\d+" for="node" attr.name="value" attr.type="double"\/>/);
    expect(xml).toMatch(/<key id="n\d+" for="node" attr.name="n" attr.type="int"\/>/);
    expect(xml).toMatch(/<key id="n\d+" for="node" attr.name="approved" attr.type="boolean"\/>/);
    expect(xml).toMatch(/<key id="e\d+" for="edge" attr.name="evidence" attr.type="string"\/>/);
  });

  it('escapes XML and drops characters XML cannot hold', () => {
    expect(escapeXml(`a<b>&"c'\u0001d`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;d');
  });
});

describe('GEXF writer', () => {
  it('parses back with graphology-gexf with names as labels and colours by type', () => {
    const xml = writeGexf(SAMPLE);
    expect(xml).toContain('<gexf');
    const g = parseGexf(Graph, xml);
    expect(g.order).toBe(3);
    expect(g.size).toBe(2);
    const niv = g.getNodeAttributes('drug:nivolumab');
    expect(niv.label).toBe('Nivolumab');
    expect(niv.type).toBe('Drug');
    expect(niv.color).toMatch(/#0072b2|rgb/i);
    expect(niv.synonyms).toEqual(['navulizumab', 'Opdivo']);
    expect(g.getEdgeAttribute('5:abc:1', 'evidence')).toBe('Nivolumab blocks PD-1, "strongly"\nsecond line');
  });
});

describe('GEXF 1.2', () => {
  it('declares the 1.2 draft namespaces (viz included), is well-formed, and carries positions', () => {
    const xml = writeGexf(SAMPLE, { 'drug:nivolumab': { x: 1.5, y: -2 } });
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml);
    expect(doc.gexf['@version']).toBe('1.2');
    expect(doc.gexf['@xmlns']).toBe('http://www.gexf.net/1.2draft');
    expect(doc.gexf['@xmlns:viz']).toBe('http://www.gexf.net/1.2draft/viz');
    expect(xml).not.toContain('1.1draft');
    expect(xml).not.toContain('http:///');
    const g = parseGexf(Graph, xml);
    expect(g.getNodeAttribute('drug:nivolumab', 'x')).toBe(1.5);
    expect(g.getNodeAttribute('drug:nivolumab', 'y')).toBe(-2);
    expect(g.getNodeAttribute('drug:nivolumab', 'label')).toBe('Nivolumab');
  });
});

describe('CSV', () => {
  it('quotes fields with commas, quotes and newlines', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(['x', 'y'])).toBe('x; y');
    expect(csvField(null)).toBe('');
    expect(csvField(20.5)).toBe('20.5');
  });

  it('writes a nodes table and an edges table with the key columns first', () => {
    const nodes = writeCsv(SAMPLE, 'nodes').split('\r\n');
    expect(nodes[0]).toBe('id,label,name,synonyms,description,refs,source,approved,n,symbol,value');
    expect(nodes[1]).toBe(
      'drug:nivolumab,Drug,Nivolumab,navulizumab; Opdivo,"Blocks PD-1 <and> ""binds"" & more, it\'s an antibody",45; 49,review,true,,,',
    );
    expect(nodes).toHaveLength(5); // header, 3 rows, trailing empty
    const edges = writeCsv(SAMPLE, 'edges').split('\r\n');
    expect(edges[0]).toBe('id,type,source,target,evidence,refs,dataSource,action');
    expect(edges[1]).toBe(
      '5:abc:1,TARGETS,drug:nivolumab,target:pd-1,"Nivolumab blocks PD-1, ""strongly""\nsecond line",45,review,blocker',
    );
    const both = writeCsv(SAMPLE);
    expect(both.startsWith('# nodes\r\nid,label,name')).toBe(true);
    expect(both).toContain('\r\n# edges\r\nid,type,source,target');
  });
});
