// title: Which trials were run at a given phase?
// description: Trials whose phase equals the parameter (as stated by the review: I/II, Ib, II, III), with design, size, setting and what they evaluated.
// params: {"phase": "III"}
// expect: {"minRows": 3, "column": "trial", "includes": ["IMbrave150", "CheckMate 9DW", "CheckMate 067"]}
MATCH (t:Trial)
WHERE toString(t.phase) = $phase
OPTIONAL MATCH (t)-[e:EVALUATES]->(x)
OPTIONAL MATCH (t)-[:STUDIES]->(dis:Disease)
RETURN t.name AS trial, t.nctId AS nctId, t.design AS design, t.n AS patients, t.setting AS setting,
       collect(DISTINCT x.name) AS evaluates, collect(DISTINCT dis.name) AS disease
ORDER BY trial
