// title: How does a given drug act (default nivolumab): its targets, the mechanisms those targets drive, and the mechanisms the drug modulates?
// description: Drug -> TARGETS -> Target -> PARTICIPATES_IN -> Mechanism, plus the drug's own PROMOTES/SUPPRESSES edges.
// params: {"drug": "drug:nivolumab"}
// expect: {"minRows": 3, "column": "mechanism", "includes": ["PD-1 inhibitory signalling", "Tumour cell killing", "Tumour immune escape"]}
MATCH (d:Drug {id: $drug})-[:TARGETS]->(t:Target)-[:PARTICIPATES_IN]->(m:Mechanism)
RETURN t.name AS via, 'target participates in' AS relation, m.name AS mechanism, m.kind AS kind
UNION
MATCH (d:Drug {id: $drug})-[r:PROMOTES|SUPPRESSES]->(m:Mechanism)
RETURN d.name AS via, 'drug ' + toLower(type(r)) AS relation, m.name AS mechanism, m.kind AS kind
