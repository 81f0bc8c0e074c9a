// title: Which drugs do guidelines and regulators recommend, directly or within a recommended regimen?
// description: RECOMMENDS edges from Guideline nodes to drugs, and to regimens expanded into their drugs, with line, category and disease where given.
// params: {}
// expect: {"minRows": 8, "column": "drug", "includes": ["Lenvatinib", "Pembrolizumab", "Regorafenib", "Ipilimumab", "Tremelimumab"]}
MATCH (g:Guideline)-[r:RECOMMENDS]->(d:Drug)
RETURN g.name AS guideline, d.name AS drug, 'directly' AS via, r.line AS line, r.category AS category, r.disease AS disease, r.evidence AS evidence
UNION
MATCH (g:Guideline)-[r:RECOMMENDS]->(x:Regimen)-[:INCLUDES]->(d:Drug)
RETURN g.name AS guideline, d.name AS drug, x.name AS via, r.line AS line, r.category AS category, null AS disease, r.evidence AS evidence
