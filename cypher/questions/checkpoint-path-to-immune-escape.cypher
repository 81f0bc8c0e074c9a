// title: How does a checkpoint molecule lead to tumour immune escape (default PD-L1)?
// description: Chains of PARTICIPATES_IN / PROMOTES / BINDS steps of up to three hops from the chosen Target to the tumour immune escape mechanism, shown as readable paths.
// params: {"target": "target:pd-l1", "mechanism": "mechanism:tumour-immune-escape"}
// expect: {"minRows": 2, "column": "path", "includes": ["PD-L1 -> Tumour immune escape", "PD-L1 -> PD-1 inhibitory signalling -> Tumour immune escape"]}
MATCH p = (t:Target {id: $target})-[:PARTICIPATES_IN|PROMOTES|BINDS*1..3]->(m:Mechanism {id: $mechanism})
RETURN reduce(s = t.name, n IN tail(nodes(p)) | s + ' -> ' + n.name) AS path, length(p) AS hops, [r IN relationships(p) | type(r)] AS steps
ORDER BY hops, path
