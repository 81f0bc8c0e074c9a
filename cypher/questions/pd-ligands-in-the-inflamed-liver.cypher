// title: Which liver cells express PD-L1 and PD-L2 in the inflamed liver, and which cells carry PD-1 there?
// description: Expression edges tagged with the inflamed-liver context, the background on which HCC usually arises.
// params: {"context": "inflamed liver"}
// expect: {"minRows": 7, "column": "cell", "includes": ["Kupffer cell", "Liver sinusoidal endothelial cell", "White blood cell", "Lymphocyte"]}
MATCH (t:Target)-[r:EXPRESSED_ON {context: $context}]->(c:CellType)
RETURN t.name AS molecule, c.name AS cell, r.evidence AS evidence, r.refs AS refs
ORDER BY molecule, cell
