// title: Which studies report a disease control rate (or another metric) above a threshold?
// description: Outcomes of the given metric whose value exceeds the threshold, with the trial, the group and the treatment they belong to.
// params: {"metric": "DCR", "threshold": 60}
// expect: {"minRows": 2, "column": "trial", "includes": ["KEYNOTE-224", "Real-world anti-PD-1 cohort (55 patients)"]}
MATCH (t:Trial)-[:REPORTS]->(o:Outcome)
WHERE toLower(o.metric) = toLower($metric) AND o.value > $threshold
OPTIONAL MATCH (o)-[:OUTCOME_OF]->(x)
RETURN t.name AS trial, o.value AS value, o.unit AS unit, o.group AS grp, collect(x.name) AS treatment
ORDER BY value DESC
