/**
 * Evidence a clinician can rely on (issue 11), against the ingested review graph: every
 * edge says what kind of claim it is, pooled results stay with their cohort, references
 * can be followed, the expert audit's corrections hold, and the exploring endpoints
 * filter by claim kind and disease.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASSERTIONS } from '../../ontology/index.js';
import { testDriver, testNeo4jConfig } from '../helpers/neo4j.js';
import { startTestServer } from '../helpers/server.js';

const driver = testDriver();
const { database } = testNeo4jConfig();
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  await driver.close();
});

async function query<T = Record<string, unknown>>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const res = await driver.executeQuery(cypher, params, { database });
  return res.records.map((r) => r.toObject() as T);
}

async function get(path: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.url}${path}`);
  return { status: res.status, body: await res.json() };
}

describe('claim kinds', () => {
  it('every relationship carries an assertion from the closed list; counts by assertion', async () => {
    const rows = await query<{ assertion: string | null; n: number }>(
      'MATCH ()-[r]->() RETURN r.assertion AS assertion, count(*) AS n ORDER BY n DESC',
    );
    const counts = Object.fromEntries(rows.map((r) => [String(r.assertion), Number(r.n)]));
    console.log('relationships by assertion:', JSON.stringify(counts));
    expect(Object.keys(counts).sort()).toEqual([...ASSERTIONS].sort());
    for (const a of ASSERTIONS) expect(counts[a], a).toBeGreaterThan(0);
  });

  it('INDICATED_FOR means approved; "tested in" is TESTED_IN', async () => {
    const rows = await query<{ type: string; key: string }>(
      `MATCH (d:Drug)-[r:INDICATED_FOR|TESTED_IN]->(x:Disease)
       RETURN type(r) AS type, d.id + '>' + x.id AS key`,
    );
    const typeOf = (key: string) => rows.filter((r) => r.key === key).map((r) => r.type);
    expect(typeOf('drug:tremelimumab>disease:colorectal-cancer')).toEqual(['TESTED_IN']);
    expect(typeOf('drug:cemiplimab>disease:gastric-cancer')).toEqual(['TESTED_IN']);
    expect(typeOf('drug:cemiplimab>disease:bladder-cancer')).toEqual(['TESTED_IN']);
    expect(typeOf('drug:ipilimumab>disease:melanoma')).toEqual(['INDICATED_FOR']);
    expect(typeOf('drug:sorafenib>disease:hcc')).toEqual(['INDICATED_FOR']);
  });

  it('PREDICTS says where each marker was studied; lung-cancer and melanoma markers are not HCC-validated', async () => {
    const rows = await query<{ biomarker: string; disease: string }>(
      `MATCH (b:Biomarker)-[p:PREDICTS]->() RETURN b.id AS biomarker, p.contextDisease AS disease`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(33);
    expect(rows.every((r) => typeof r.disease === 'string')).toBe(true);
    const hcc = rows.filter((r) => r.disease === 'disease:hcc').map((r) => r.biomarker);
    expect(hcc).toEqual(expect.arrayContaining(['biomarker:akkermansia-muciniphila', 'biomarker:nash-etiology']));
    expect(hcc).not.toContain('biomarker:ctdna');
    expect(hcc).not.toContain('biomarker:ifn-gamma-pd-l1-upregulation');
  });

  it("the audit's association-as-causation edges say what they are", async () => {
    const rows = await query<{ key: string; assertion: string }>(
      `MATCH (a)-[r]->(b) WHERE a.id + '|' + type(r) + '|' + b.id IN $keys
       RETURN a.id + '|' + type(r) + '|' + b.id AS key, r.assertion AS assertion`,
      {
        keys: [
          'target:jnk|PROMOTES|target:cd133',
          'target:jnk|CONFERS_RESISTANCE_TO|drug:sorafenib',
          'mechanism:pten-loss|CONFERS_RESISTANCE_TO|drug:gefitinib',
          'mechanism:tlr-signalling-alteration|CONFERS_RESISTANCE_TO|drug:regorafenib',
          'mechanism:tlr-signalling-alteration|CONFERS_RESISTANCE_TO|drug:lenvatinib',
          'therapy:radiotherapy|PROMOTES|mechanism:anti-tumour-immune-response',
          'drug:onartuzumab|OVERCOMES|mechanism:met-amplification',
          'mechanism:c-jun-upregulation|CONFERS_RESISTANCE_TO|drug:sorafenib',
        ],
      },
    );
    expect(Object.fromEntries(rows.map((r) => [r.key, r.assertion]))).toEqual({
      'target:jnk|PROMOTES|target:cd133': 'association',
      'target:jnk|CONFERS_RESISTANCE_TO|drug:sorafenib': 'observed-in-treated',
      'mechanism:pten-loss|CONFERS_RESISTANCE_TO|drug:gefitinib': 'observed-in-treated',
      'mechanism:tlr-signalling-alteration|CONFERS_RESISTANCE_TO|drug:regorafenib': 'hypothesis',
      'mechanism:tlr-signalling-alteration|CONFERS_RESISTANCE_TO|drug:lenvatinib': 'hypothesis',
      'therapy:radiotherapy|PROMOTES|mechanism:anti-tumour-immune-response': 'association',
      'drug:onartuzumab|OVERCOMES|mechanism:met-amplification': 'tested-in',
      'mechanism:c-jun-upregulation|CONFERS_RESISTANCE_TO|drug:sorafenib': 'preclinical',
    });
  });
});

describe('outcomes belong to the cohort they were measured in', () => {
  it('"what did penpulimab achieve?" returns none of the 55-patient cohort\'s numbers', async () => {
    const own = await query(`MATCH (o:Outcome)-[:OUTCOME_OF]->(:Drug {id: 'drug:penpulimab'}) RETURN o.id AS id`);
    expect(own).toEqual([]);
    const pooled = await query<{ metric: string; value: number; group: string }>(
      `MATCH (o:Outcome)-[:OUTCOME_OF]->(g:Regimen)-[:INCLUDES]->(:Drug {id: 'drug:penpulimab'})
       RETURN o.metric AS metric, o.value AS value, g.pooled AS group`,
    );
    expect(pooled.map((r) => `${r.metric} ${r.value}`)).toEqual(expect.arrayContaining(['ORR 22', 'DCR 89', 'OS 15']));
    expect(pooled.every((r) => (r.group as unknown) === true)).toBe(true);
  });

  it('no outcome is fanned out to several treatments', async () => {
    const rows = await query(`MATCH (o:Outcome) WHERE COUNT { (o)-[:OUTCOME_OF]->() } > 1 RETURN o.id AS id`);
    expect(rows).toEqual([]);
  });

  it('the pooled pathological responses of NCT03222076 belong to neither arm alone', async () => {
    const rows = await query<{ to: string }>(
      `MATCH (:Outcome {id: 'outcome:nct03222076-pcr'})-[:OUTCOME_OF]->(x) RETURN x.id AS to`,
    );
    expect(rows.map((r) => r.to)).toEqual(['regimen:perioperative-nivolumab-with-or-without-ipilimumab']);
  });

  it("Table I [81]: 12% is the cohort's ORR and 49% its DCR, and the any-AE rate of [80] is not nivolumab's", async () => {
    const rows = await query<{ metric: string; value: number; to: string }>(
      `MATCH (:Trial {id: 'trial:real-world-nivolumab-pembrolizumab-65'})-[:REPORTS]->(o:Outcome)-[:OUTCOME_OF]->(x)
       WHERE o.value IN [12, 49] RETURN o.metric AS metric, o.value AS value, x.id AS to ORDER BY value`,
    );
    expect(rows).toEqual([
      { metric: 'ORR', value: 12, to: 'regimen:nivolumab-or-pembrolizumab' },
      { metric: 'DCR', value: 49, to: 'regimen:nivolumab-or-pembrolizumab' },
    ]);
    const ae = await query(
      `MATCH (o:Outcome {value: 61.8})-[:OUTCOME_OF]->(:Drug) RETURN o.id AS id
       UNION MATCH (:Drug {id: 'drug:nivolumab'})-[:CAUSES_ADVERSE_EVENT]->(:AdverseEvent {id: 'ae:endocrinopathy'}) RETURN 'endocrinopathy' AS id`,
    );
    expect(ae).toEqual([]);
  });
});

describe("the audit's specific corrections", () => {
  it('CheckMate 040 is one trial, and its combination cohort carries NCT01658878', async () => {
    const rows = await query<{ id: string; arms: string[]; orr: number[] }>(
      `MATCH (t:Trial) WHERE t.name STARTS WITH 'CheckMate 040' OR 'CheckMate 040' IN t.synonyms
       OPTIONAL MATCH (t)-[:EVALUATES]->(x)
       OPTIONAL MATCH (t)-[:REPORTS]->(o:Outcome {metric: 'ORR'})
       RETURN t.id AS id, collect(DISTINCT x.id) AS arms, collect(DISTINCT o.value) AS orr`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toBe('trial:nct01658878');
    expect(rows[0]!.arms).toEqual(expect.arrayContaining(['drug:nivolumab', 'regimen:nivolumab-ipilimumab']));
    expect(rows[0]!.orr).toEqual(expect.arrayContaining([20, 31]));
  });

  it("tremelimumab's 76.4% is a disease control rate", async () => {
    const rows = await query<{ metric: string }>(
      `MATCH (:Trial {nctId: 'NCT01008358'})-[:REPORTS]->(o:Outcome {value: 76.4}) RETURN o.metric AS metric`,
    );
    expect(rows).toEqual([{ metric: 'DCR' }]);
  });

  it('MAPK family vs pathway, JNK as a family, receptor TKs apart from all TKs', async () => {
    const rows = await query<{ key: string }>(
      `MATCH (a)-[r]->(b) WHERE a.id IN ['target:c-jun', 'target:jnk', 'target:receptor-tyrosine-kinases']
       RETURN a.id + '|' + type(r) + '|' + b.id AS key`,
    );
    const keys = rows.map((r) => r.key);
    expect(keys).not.toContain('target:c-jun|MEMBER_OF|target:mapk');
    expect(keys).toEqual(
      expect.arrayContaining([
        'target:c-jun|PARTICIPATES_IN|mechanism:mapk-signalling',
        'target:c-jun|SUPPRESSES|mechanism:sorafenib-induced-apoptosis',
        'target:jnk|MEMBER_OF|target:mapk',
        'target:receptor-tyrosine-kinases|MEMBER_OF|target:tyrosine-kinases',
      ]),
    );
    const kinds = await query<{ id: string; kind: string; synonyms: string[] }>(
      `MATCH (t:Target) WHERE t.id IN ['target:mapk', 'target:jnk', 'target:tyrosine-kinases']
       RETURN t.id AS id, t.kind AS kind, t.synonyms AS synonyms ORDER BY id`,
    );
    expect(kinds.map((k) => k.kind)).toEqual(['kinase family', 'kinase family', 'family']);
    expect(kinds.find((k) => k.id === 'target:tyrosine-kinases')!.synonyms).not.toContain('RTKs');
  });

  it('rivoceranib is the node, apatinib a synonym a search still finds', async () => {
    const { body } = await get('/api/search?q=apatinib');
    expect(body[0]).toMatchObject({ id: 'drug:rivoceranib', name: 'Rivoceranib' });
  });

  it('near-duplicates are merged: CTL into CD8+ T cell, TARE into SIRT', async () => {
    const gone = await query(
      `MATCH (n:Entity) WHERE n.id IN ['cell:ctl', 'therapy:tare', 'drug:apatinib'] RETURN n.id`,
    );
    expect(gone).toEqual([]);
    for (const [q, id] of [
      ['CTL', 'cell:cd8-t-cell'],
      ['TARE', 'therapy:sirt'],
    ]) {
      const { body } = await get(`/api/search?q=${q}`);
      expect(body[0]?.id, q).toBe(id);
    }
  });

  it('the uncited memory-cell sentence carries no reference; the silent correction has a note', async () => {
    const rows = await query<{ refs: number[]; uncited: boolean }>(
      `MATCH (:CellType {id: 'cell:dendritic-cell'})-[r:PROMOTES]->(:CellType {id: 'cell:effector-memory-t-cell'})
       RETURN r.refs AS refs, r.uncited AS uncited`,
    );
    expect(rows).toEqual([{ refs: [], uncited: true }]);
    const note = await query<{ note: string }>(
      `MATCH (:Mechanism {id: 'mechanism:pd-1-inhibitory-signalling'})-[r:PROMOTES]->(:Mechanism {id: 'mechanism:tumour-immune-escape'})
       RETURN r.curationNote AS note`,
    );
    expect(note[0]?.note).toMatch(/contradicts itself/);
  });

  it('figures the review mislabels are recorded with a note, not as stated', async () => {
    const rows = await query<{ id: string; description: string; note: string }>(
      `MATCH (n:Entity) WHERE n.id IN ['disease:hcc', 'class:tki', 'mechanism:mtor-pathway-suppression']
       RETURN n.id AS id, n.description AS description, n.curationNote AS note ORDER BY id`,
    );
    const by = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(by['disease:hcc']!.description).not.toMatch(/advanced HCC has about 18%/);
    expect(by['disease:hcc']!.note).toMatch(/18%/);
    expect(by['class:tki']!.description).not.toMatch(/3 months/);
    expect(by['class:tki']!.note).toMatch(/sorafenib/);
    expect(by['mechanism:mtor-pathway-suppression']!.note).toMatch(/activation/);
  });

  it('adds the missing facts', async () => {
    const rows = await query<{ key: string }>(
      `MATCH (a)-[r]->(b) WHERE a.id + '|' + type(r) + '|' + b.id IN $keys RETURN a.id + '|' + type(r) + '|' + b.id AS key`,
      {
        keys: [
          'disease:nash|RISK_FACTOR_FOR|disease:hcc',
          'therapy:radiotherapy|CAUSES_ADVERSE_EVENT|ae:rild',
          'drug:pembrolizumab|CAUSES_ADVERSE_EVENT|ae:raised-ast',
          'drug:pembrolizumab|CAUSES_ADVERSE_EVENT|ae:raised-alt',
          'class:immune-checkpoint-inhibitor|SUPPRESSES|disease:hcc',
          'regimen:anti-angiogenic-plus-ici|PROMOTES|mechanism:apc-maturation',
          'regimen:anti-angiogenic-plus-ici|SUPPRESSES|cell:mdsc',
          'regimen:anti-angiogenic-plus-ici|SUPPRESSES|cell:treg',
          'regimen:pd-1-pd-l1-plus-ctla-4-blockade|PROMOTES|mechanism:anti-tumour-immune-response',
        ],
      },
    );
    expect(rows).toHaveLength(9);
    const props = await query<{ id: string; v: unknown }>(
      `MATCH (n:Entity) WHERE n.id IN ['biomarker:immune-milieu', 'biomarker:tumour-specific-antigens', 'class:immune-checkpoint-inhibitor']
       RETURN n.id AS id, coalesce(n.modulatedBy, n.relatedTherapies, n.hepaticMetabolism) AS v ORDER BY id`,
    );
    expect(props.map((p) => p.v)).toEqual([
      ['bacteriophages', 'engineered microbes'],
      ['adoptive cell transfer', 'dendritic-cell vaccines'],
      expect.stringMatching(/not metabolised by the liver/),
    ]);
  });

  it('refs 54 and 55 are in the graph, on the preclinical PD-(L)1 + CTLA-4 synergy', async () => {
    const rows = await query<{ n: number; on: string }>(
      `MATCH (ref:Reference) WHERE ref.number IN [54, 55]
       MATCH (a)-[r]->(b) WHERE ref.number IN r.refs
       RETURN ref.number AS n, a.id + '|' + type(r) + '|' + b.id + '|' + r.assertion AS on ORDER BY n`,
    );
    expect(rows.map((r) => r.n)).toEqual([54, 55]);
    expect(rows[0]!.on).toBe(
      'regimen:pd-1-pd-l1-plus-ctla-4-blockade|PROMOTES|mechanism:anti-tumour-immune-response|preclinical',
    );
  });
});

describe('references you can follow', () => {
  it('identified references carry a citation and the PMID/DOI checked against a stored record', async () => {
    const rows = await query<{ id: string; citation: string; pmid: string; doi: string; checkedAt: string[] }>(
      `MATCH (r:Reference) WHERE r.citation IS NOT NULL
       RETURN r.id AS id, r.citation AS citation, r.pmid AS pmid, r.doi AS doi, r.checkedAt AS checkedAt ORDER BY r.number`,
    );
    const by = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(by['ref:14']).toMatchObject({ pmid: '29433850', doi: '10.1016/S0140-6736(18)30207-1' });
    expect(by['ref:14']!.citation).toMatch(/^Kudo M.*Lancet\. 2018/);
    expect(by['ref:86']).toMatchObject({ pmid: '31337439' });
    for (const r of rows.filter((x) => x.pmid || x.doi)) {
      expect(r.checkedAt?.length, r.id).toBeGreaterThan(0);
      for (const url of r.checkedAt) expect(url).toMatch(/^https:\/\//);
    }
    const bare = await query<{ n: number }>(`MATCH (r:Reference) WHERE r.citation IS NULL RETURN count(r) AS n`);
    expect(Number(bare[0]!.n)).toBeGreaterThan(100);
  });
});

describe('claim filters on the exploring endpoints', () => {
  it('every edge the API returns carries its assertion and context', async () => {
    const { status, body } = await get('/api/nodes/drug:sorafenib/neighbors?depth=1');
    expect(status).toBe(200);
    expect(body.edges.length).toBeGreaterThan(5);
    for (const e of body.edges) expect(ASSERTIONS, e.type).toContain(e.assertion);
    const jnk = body.edges.find((e: any) => e.source === 'target:jnk');
    expect(jnk).toMatchObject({
      assertion: 'observed-in-treated',
      contextDisease: 'disease:hcc',
      contextModel: 'human-cohort',
    });
  });

  it('neighbours: ?assertion keeps only those claim kinds', async () => {
    const all = await get('/api/nodes/drug:sorafenib/neighbors?depth=1');
    const weak = await get('/api/nodes/drug:sorafenib/neighbors?depth=1&assertion=hypothesis,preclinical');
    expect(weak.status).toBe(200);
    expect(weak.body.edges.length).toBeGreaterThan(0);
    expect(weak.body.edges.length).toBeLessThan(all.body.edges.length);
    expect(new Set(weak.body.edges.map((e: any) => e.assertion))).toEqual(new Set(['hypothesis', 'preclinical']));
    expect(weak.body.nodes.map((n: any) => n.id)).toContain('mechanism:c-jun-upregulation');
    expect(weak.body.nodes.map((n: any) => n.id)).not.toContain('target:jnk');
  });

  it('neighbours: ?disease drops claims shown in another disease', async () => {
    const all = await get('/api/nodes/mechanism:egfr-t790m-mutation/neighbors?depth=1');
    expect(all.body.nodes.map((n: any) => n.id)).toContain('drug:gefitinib');
    const hcc = await get('/api/nodes/mechanism:egfr-t790m-mutation/neighbors?depth=1&disease=disease:hcc');
    expect(hcc.status).toBe(200);
    const ids = hcc.body.nodes.map((n: any) => n.id);
    expect(ids).not.toContain('drug:gefitinib');
    expect(ids).toContain('target:egfr'); // a structural edge, no disease context
    for (const e of hcc.body.edges) expect([undefined, 'disease:hcc']).toContain(e.contextDisease);
  });

  it('graph overview and paths take the same filters', async () => {
    const graph = await get('/api/graph?limit=150&assertion=causal');
    expect(graph.status).toBe(200);
    expect(graph.body.edges.length).toBeGreaterThan(0);
    expect(graph.body.edges.every((e: any) => e.assertion === 'causal')).toBe(true);
    const any = await get('/api/paths?from=target:jnk&to=drug:sorafenib');
    expect(any.body.paths.length).toBeGreaterThan(0);
    const causal = await get('/api/paths?from=target:jnk&to=drug:sorafenib&assertion=causal,established');
    expect(causal.status).toBe(200);
    for (const p of causal.body.paths)
      for (const e of p.edges) expect(['causal', 'established']).toContain(e.assertion);
    expect(causal.body.paths.map((p: any) => p.chain)).not.toEqual(any.body.paths.map((p: any) => p.chain));
  });

  it('a bad filter is a 400 that names the parameter', async () => {
    const bad = await get('/api/nodes/drug:sorafenib/neighbors?assertion=proven');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ parameter: 'assertion' });
    expect(bad.body.reason).toMatch(/unknown assertion "proven"/);
    const disease = await get('/api/graph?disease=hcc');
    expect(disease.status).toBe(400);
    expect(disease.body).toMatchObject({ parameter: 'disease' });
  });
});
