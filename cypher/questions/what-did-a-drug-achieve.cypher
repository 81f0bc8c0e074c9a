// title: What did a given drug achieve, and which numbers belong to regimens or pooled cohorts it was part of?
// description: Outcomes attached to the drug itself, kept apart from outcomes of combinations that include it and of pooled cohorts in which only some patients got it (default penpulimab: 6 of 55 patients, so the cohort's numbers are not its own).
// params: {"drug": "drug:penpulimab"}
// expect: {"minRows": 9, "column": "level", "includes": ["pooled cohort (not this drug's own result)"], "excludes": ["this drug alone"]}
MATCH (d:Drug {id: $drug})
CALL (d) {
  MATCH (o:Outcome)-[r:OUTCOME_OF]->(d)
  RETURN o, r, d.name AS treatment, 'this drug alone' AS level
  UNION
  MATCH (o:Outcome)-[r:OUTCOME_OF]->(g:Regimen)-[:INCLUDES]->(d)
  RETURN o, r, g.name AS treatment,
         CASE WHEN g.pooled THEN "pooled cohort (not this drug's own result)" ELSE 'combination regimen' END AS level
}
MATCH (t:Trial)-[:REPORTS]->(o)
RETURN level, treatment, t.name AS trial, o.metric AS metric, o.value AS value, o.unit AS unit, o.group AS grp,
       r.assertion AS assertion, o.refs AS refs
ORDER BY level DESC, trial, metric
