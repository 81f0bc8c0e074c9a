// title: Which TKI-resistance mechanisms does the review describe, which genes drive them and which drugs do they defeat?
// description: Every ResistanceMechanism with its driving targets or cells (PARTICIPATES_IN, with alteration), the drugs or classes it confers resistance to, and anything that overcomes it.
// params: {}
// expect: {"minRows": 9, "column": "mechanism", "includes": ["EGFR T790M mutation", "MET amplification", "PTEN loss", "c-Jun upregulation", "Altered TLR signalling", "BRAF mutation", "mTOR pathway suppression", "Increased VEGF levels"]}
MATCH (m:ResistanceMechanism)
OPTIONAL MATCH (g)-[pi:PARTICIPATES_IN]->(m)
OPTIONAL MATCH (m)-[:CONFERS_RESISTANCE_TO]->(d)
OPTIONAL MATCH (o)-[:OVERCOMES]->(m)
RETURN m.name AS mechanism, collect(DISTINCT g.name + coalesce(' (' + pi.alteration + ')', '')) AS drivers,
       collect(DISTINCT d.name) AS resistsTo, collect(DISTINCT o.name) AS overcomeBy, m.refs AS refs
ORDER BY mechanism
