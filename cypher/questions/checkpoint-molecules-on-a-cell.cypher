// title: Which checkpoint molecules and ligands does a given cell type carry (default Kupffer cell)?
// description: Reverse view of EXPRESSED_ON: every Target reported on the chosen CellType, with the context and evidence.
// params: {"cell": "cell:kupffer-cell"}
// expect: {"minRows": 2, "column": "molecule", "includes": ["PD-L1", "PD-L2"]}
MATCH (t:Target)-[r:EXPRESSED_ON]->(c:CellType {id: $cell})
RETURN t.name AS molecule, t.symbol AS symbol, t.kind AS kind, r.context AS context, r.evidence AS evidence, r.refs AS refs
ORDER BY molecule
