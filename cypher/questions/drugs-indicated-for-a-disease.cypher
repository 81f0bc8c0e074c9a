// title: Which drugs are approved for a given disease (default melanoma), and which were only tested in it?
// description: INDICATED_FOR edges (approved indications) and TESTED_IN edges (studied, not approved there) from drugs to the chosen Disease, with any APPROVED_FOR edge (agency, year) alongside.
// params: {"disease": "disease:melanoma"}
// expect: {"minRows": 5, "column": "drug", "includes": ["Ipilimumab", "Nivolumab", "Pembrolizumab", "Cemiplimab", "Avelumab"]}
MATCH (d:Drug)-[i:INDICATED_FOR|TESTED_IN]->(x:Disease {id: $disease})
OPTIONAL MATCH (d)-[a:APPROVED_FOR]->(x)
RETURN d.name AS drug, CASE type(i) WHEN 'INDICATED_FOR' THEN 'approved' ELSE 'tested in' END AS status,
       collect(DISTINCT i.evidence) AS evidence,
       collect(DISTINCT a.agency + CASE WHEN a.year IS NULL THEN '' ELSE ' ' + toString(a.year) END) AS approvals
ORDER BY status, drug
