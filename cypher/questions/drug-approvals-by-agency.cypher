// title: Which drugs are approved by a regulator (default FDA), for which disease and line, alone or within an approved combination?
// description: Drug-level APPROVED_FOR edges plus drugs that belong to an approved Regimen, with agency, year and line.
// params: {"agency": "FDA"}
// expect: {"minRows": 5, "column": "drug", "includes": ["Ipilimumab", "Pembrolizumab", "Regorafenib", "Cabozantinib", "Ramucirumab"], "excludes": ["Tremelimumab"]}
MATCH (d:Drug)-[a:APPROVED_FOR]->(x:Disease)
WHERE a.agency = $agency
RETURN d.name AS drug, 'alone' AS via, x.name AS disease, a.year AS year, a.line AS line, a.evidence AS evidence
UNION
MATCH (g:Regimen)-[a:APPROVED_FOR]->(x:Disease), (g)-[:INCLUDES]->(d:Drug)
WHERE a.agency = $agency
RETURN d.name AS drug, g.name AS via, x.name AS disease, a.year AS year, a.line AS line, a.evidence AS evidence
