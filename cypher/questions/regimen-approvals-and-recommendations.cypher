// title: Which combination regimens are approved or guideline-recommended, by whom and in which line?
// description: Regimen-level APPROVED_FOR (agency) and RECOMMENDS (guideline) edges with line, category and evidence.
// params: {}
// expect: {"minRows": 5, "column": "regimen", "includes": ["Atezolizumab + bevacizumab", "Nivolumab + ipilimumab", "Camrelizumab + FOLFOX4", "Camrelizumab + rivoceranib"]}
MATCH (r:Regimen)-[a:APPROVED_FOR]->(d:Disease)
RETURN r.name AS regimen, 'approval' AS kind, a.agency AS body, a.line AS line, null AS category, d.name AS disease, a.evidence AS evidence
UNION ALL
MATCH (g:Guideline)-[c:RECOMMENDS]->(r:Regimen)
RETURN r.name AS regimen, 'recommendation' AS kind, g.name AS body, c.line AS line, c.category AS category, null AS disease, c.evidence AS evidence
