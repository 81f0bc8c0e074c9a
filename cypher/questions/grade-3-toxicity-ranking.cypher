// title: Which treatments had the highest grade 3 or higher toxicity rates?
// description: Outcomes whose metric is a grade 3+ adverse-event rate (metric starting with the prefix), ranked by value, with the trial and treatment.
// params: {"prefix": "G3"}
// expect: {"minRows": 6, "column": "trial", "includes": ["VEGF Liver 100", "NCT01008358", "KEYNOTE-224", "CheckMate 040"]}
MATCH (t:Trial)-[:REPORTS]->(o:Outcome)
WHERE o.metric STARTS WITH $prefix
OPTIONAL MATCH (o)-[:OUTCOME_OF]->(x)
RETURN t.name AS trial, o.metric AS metric, o.value AS ratePercent, o.group AS grp, collect(x.name) AS treatment
ORDER BY ratePercent DESC
