// title: What does a given molecule, cell, drug or therapy promote or suppress (default VEGF)?
// description: Outgoing PROMOTES and SUPPRESSES edges of the chosen node, e.g. VEGF promotes angiogenesis; sorafenib suppresses MDSCs and Tregs; FOLFOX4 promotes immunogenic cell death.
// params: {"node": "target:vegf"}
// expect: {"minRows": 1, "column": "affected", "includes": ["Angiogenesis"]}
MATCH (n:Entity {id: $node})-[r:PROMOTES|SUPPRESSES]->(x)
RETURN type(r) AS effect, x.name AS affected, [l IN labels(x) WHERE l <> 'Entity'][0] AS affectedType, r.evidence AS evidence, r.refs AS refs, r.source AS source
ORDER BY effect, affected
