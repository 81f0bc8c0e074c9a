// title: Which drugs does the review name for a given disease (default melanoma), and which are formally approved?
// description: INDICATED_FOR edges from drugs to the chosen Disease, with any APPROVED_FOR edge (agency, year) alongside.
// params: {"disease": "disease:melanoma"}
// expect: {"minRows": 5, "column": "drug", "includes": ["Ipilimumab", "Nivolumab", "Pembrolizumab", "Cemiplimab", "Avelumab"]}
MATCH (d:Drug)-[i:INDICATED_FOR]->(x:Disease {id: $disease})
OPTIONAL MATCH (d)-[a:APPROVED_FOR]->(x)
RETURN d.name AS drug, collect(DISTINCT i.evidence) AS evidence, collect(DISTINCT a.agency + CASE WHEN a.year IS NULL THEN '' ELSE ' ' + toString(a.year) END) AS approvals
ORDER BY drug
