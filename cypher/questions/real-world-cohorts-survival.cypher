// title: Which real-world cohorts have been reported, and what overall survival did they show?
// description: Trials whose design matches the given term (real-world by default), with size, drugs and median OS / PFS where reported.
// params: {"design": "real-world"}
// expect: {"minRows": 6, "column": "cohort", "includes": ["Real-world anti-PD-1 cohort (55 patients)", "Real-world PD-(L)1 inhibitor cohort (5257 patients)", "Real-world atezolizumab cohort (152 patients)"]}
MATCH (t:Trial)
WHERE toLower(coalesce(t.design, '')) CONTAINS toLower($design)
OPTIONAL MATCH (t)-[:EVALUATES]->(d)
OPTIONAL MATCH (t)-[:REPORTS]->(os:Outcome {metric: 'OS'})
OPTIONAL MATCH (t)-[:REPORTS]->(pfs:Outcome {metric: 'PFS'})
RETURN t.name AS cohort, t.n AS patients, collect(DISTINCT d.name) AS drugs, os.value AS medianOsMonths, pfs.value AS medianPfsMonths, t.refs AS refs
ORDER BY patients DESC
