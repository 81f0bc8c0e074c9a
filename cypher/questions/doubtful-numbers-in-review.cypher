// title: Which reported numbers are internally inconsistent or doubtful in the review?
// description: Outcomes carrying a curation note that says the figure was kept as stated despite an inconsistency, with the trial and the explanation.
// params: {"marker": "Kept as stated"}
// expect: {"minRows": 6, "column": "trial", "includes": ["CheckMate 040", "NCT04072679", "Real-world anti-PD-1 cohort (55 patients)", "NCT03222076"]}
MATCH (t:Trial)-[:REPORTS]->(o:Outcome)
WHERE o.curationNote CONTAINS $marker
RETURN t.name AS trial, o.metric AS metric, o.value AS value, o.unit AS unit, o.group AS grp, o.curationNote AS note
ORDER BY trial, metric
