// title: How do trials compare on a given metric (e.g. ORR)?
// description: Every outcome of the metric across trials, highest first, with group and treatment; the curation note flags doubtful figures.
// params: {"metric": "ORR"}
// expect: {"minRows": 10, "column": "trial", "includes": ["CheckMate 040", "KEYNOTE-224", "VEGF Liver 100"], "excludes": ["SHARP", "IMbrave150"]}
MATCH (t:Trial)-[:REPORTS]->(o:Outcome {metric: $metric})
OPTIONAL MATCH (o)-[:OUTCOME_OF]->(x)
RETURN t.name AS trial, o.value AS value, o.unit AS unit, o.group AS grp, collect(x.name) AS treatment, o.curationNote AS note
ORDER BY value DESC
