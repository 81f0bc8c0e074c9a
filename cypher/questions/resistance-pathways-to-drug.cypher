// title: Which resistance pathways end in a given drug?
// description: Paths from a gene, cell type or biomarker through PROMOTES / PARTICIPATES_IN steps to a resistance mechanism that confers resistance to the drug, with drugs that overcome the mechanism.
// params: {"drug": "drug:sorafenib"}
// expect: {"minRows": 3, "column": "mechanism", "includes": ["Cancer stem cell expansion (JNK/CD133)", "c-Jun upregulation"]}
MATCH p = (start)-[:PROMOTES|PARTICIPATES_IN*1..3]->(m:ResistanceMechanism)-[:CONFERS_RESISTANCE_TO]->(d {id: $drug})
WHERE (start:Target OR start:CellType OR start:Biomarker)
  AND NOT EXISTS { (:Target|CellType|Biomarker)-[:PROMOTES|PARTICIPATES_IN]->(start) }
OPTIONAL MATCH (o)-[:OVERCOMES]->(m)
RETURN [n IN nodes(p) | n.name] AS path, m.name AS mechanism, d.name AS drug, collect(DISTINCT o.name) AS overcomeBy
ORDER BY mechanism, size(path)
