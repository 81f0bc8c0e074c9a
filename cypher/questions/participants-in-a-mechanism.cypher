// title: Which molecules and cells take part in a given immune mechanism (default tumour cell killing)?
// description: Targets, cell types and biomarkers with a PARTICIPATES_IN edge to the chosen Mechanism, plus anything that promotes or suppresses it.
// params: {"mechanism": "mechanism:tumour-cell-killing"}
// expect: {"minRows": 6, "column": "participant", "includes": ["Effector T cell", "CD8+ T cell", "Granzyme A", "Granzyme B", "Perforin"]}
MATCH (m:Mechanism {id: $mechanism})<-[r:PARTICIPATES_IN|PROMOTES|SUPPRESSES]-(p)
RETURN p.name AS participant, [l IN labels(p) WHERE l <> 'Entity'][0] AS participantType, type(r) AS role, r.evidence AS evidence, r.refs AS refs
ORDER BY role, participant
