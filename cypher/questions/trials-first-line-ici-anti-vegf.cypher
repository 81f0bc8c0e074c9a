// title: Which trials tested an ICI + anti-VEGF regimen in first line, and what did they report?
// description: Trials whose setting matches the line, evaluating a regimen that includes both a checkpoint inhibitor and an anti-VEGF agent (by drug class), with every outcome they reported.
// params: {"line": "first-line", "iciClass": "class:immune-checkpoint-inhibitor", "vegfClass": "class:anti-vegf"}
// expect: {"minRows": 1, "column": "trial", "includes": ["IMbrave150"]}
MATCH (t:Trial)-[e:EVALUATES]->(r:Regimen)
WHERE toLower(coalesce(t.setting, '')) CONTAINS toLower($line)
  AND EXISTS { (r)-[:INCLUDES]->(:Drug)-[:IN_CLASS]->(:DrugClass)-[:SUBCLASS_OF*0..3]->(:DrugClass {id: $iciClass}) }
  AND EXISTS { (r)-[:INCLUDES]->(:Drug)-[:IN_CLASS]->(:DrugClass)-[:SUBCLASS_OF*0..3]->(:DrugClass {id: $vegfClass}) }
OPTIONAL MATCH (t)-[:REPORTS]->(o:Outcome)
RETURN t.name AS trial, t.nctId AS nctId, t.phase AS phase, t.n AS patients, r.name AS regimen,
       collect(o.metric + ' ' + toString(o.value) + (CASE o.unit WHEN '%' THEN '%' ELSE ' ' + o.unit END) + ' (' + coalesce(o.group, '') + ')') AS outcomes
ORDER BY trial
