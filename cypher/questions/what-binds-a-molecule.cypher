// title: What binds a given molecule (default CD80), and with what effect?
// description: Incoming and outgoing BINDS edges of the chosen Target, e.g. CD28 and CTLA-4 for CD80/CD86, PD-L1/PD-L2 for PD-1, HGF for MET.
// params: {"target": "target:cd80"}
// expect: {"minRows": 2, "column": "partner", "includes": ["CTLA-4", "CD28"]}
MATCH (t:Target {id: $target})-[b:BINDS]-(p:Target)
RETURN p.name AS partner, CASE WHEN startNode(b) = p THEN 'binds it' ELSE 'is bound by it' END AS direction, b.effect AS effect, b.evidence AS evidence, b.refs AS refs
ORDER BY partner
