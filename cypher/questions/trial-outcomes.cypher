// title: What did a given trial report?
// description: Every Outcome of one trial (by id) with value, unit, confidence interval, group, the treatment it belongs to and any curation note.
// params: {"trial": "trial:nct02702414"}
// expect: {"minRows": 9, "column": "metric", "includes": ["ORR", "DCR", "PFS", "OS", "CR rate", "PR rate"]}
MATCH (t:Trial {id: $trial})-[:REPORTS]->(o:Outcome)
OPTIONAL MATCH (o)-[:OUTCOME_OF]->(x)
RETURN t.name AS trial, o.metric AS metric, o.value AS value, o.unit AS unit, o.ciLow AS ciLow, o.ciHigh AS ciHigh,
       o.group AS grp, collect(x.name) AS treatment, o.curationNote AS note
ORDER BY metric, grp
