// title: Which studies combined a checkpoint inhibitor with a locoregional or radiation therapy, and what did they report?
// description: Trials evaluating a regimen that includes both a Therapy (TACE, RFA, SBRT, radiotherapy, FOLFOX4...) and a drug, with their outcomes.
// params: {}
// expect: {"minRows": 5, "column": "trial", "includes": ["SBRT + nivolumab retrospective cohort", "PETAL", "Tremelimumab + TACE/RFA pilot study", "Radiotherapy during nivolumab cohort"]}
MATCH (t:Trial)-[:EVALUATES]->(r:Regimen)-[:INCLUDES]->(th:Therapy)
WHERE EXISTS { (r)-[:INCLUDES]->(:Drug) }
OPTIONAL MATCH (t)-[:REPORTS]->(o:Outcome)
RETURN t.name AS trial, r.name AS regimen, collect(DISTINCT th.name) AS therapies,
       collect(DISTINCT o.metric + ' ' + toString(o.value) + (CASE o.unit WHEN '%' THEN '%' ELSE ' ' + o.unit END)) AS outcomes
ORDER BY trial
