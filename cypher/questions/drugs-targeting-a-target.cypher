// title: Which drugs target a given molecule (default PD-1)?
// description: Every Drug with a TARGETS edge to the chosen Target, with the action, its drug classes, provenance and whether the link is curated rather than stated. Pertuzumab, which the review miscalls a PD-1 inhibitor, must not appear for PD-1.
// params: {"target": "target:pd-1"}
// expect: {"minRows": 6, "column": "drug", "includes": ["Nivolumab", "Pembrolizumab", "Cemiplimab", "Camrelizumab", "Sintilimab", "Penpulimab"], "excludes": ["Pertuzumab"]}
MATCH (d:Drug)-[r:TARGETS]->(t:Target {id: $target})
OPTIONAL MATCH (d)-[:IN_CLASS]->(c:DrugClass)
RETURN d.name AS drug, r.action AS action, collect(DISTINCT c.name) AS classes, r.source AS source, r.evidence AS evidence, r.refs AS refs
ORDER BY drug
