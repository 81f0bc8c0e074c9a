// title: Which mechanisms confer resistance to EGFR TKIs, and what overcomes them?
// description: Resistance mechanisms pointing at the EGFR-TKI class or at a drug in it, the genes that drive them, and the drugs that overcome them.
// params: {"drugClass": "class:egfr-tki"}
// expect: {"minRows": 2, "column": "mechanism", "includes": ["EGFR T790M mutation", "MET amplification"]}
MATCH (m:ResistanceMechanism)-[:CONFERS_RESISTANCE_TO]->(x)
WHERE x.id = $drugClass OR EXISTS { (x)-[:IN_CLASS]->(:DrugClass {id: $drugClass}) }
OPTIONAL MATCH (g:Target)-[pi:PARTICIPATES_IN]->(m)
OPTIONAL MATCH (d)-[:OVERCOMES]->(m)
RETURN m.name AS mechanism, collect(DISTINCT x.name) AS resistsTo,
       collect(DISTINCT g.name + coalesce(' (' + pi.alteration + ')', '')) AS drivenBy,
       collect(DISTINCT d.name) AS overcomeBy
ORDER BY mechanism
