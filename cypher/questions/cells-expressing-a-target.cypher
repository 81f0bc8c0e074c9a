// title: Which cell types express a given checkpoint molecule, and in what context (default PD-L1)?
// description: EXPRESSED_ON edges from the chosen Target to CellType nodes; the context column marks expression reported for the inflamed liver (set "context" to "inflamed liver" to keep only those, or null for all).
// params: {"target": "target:pd-l1", "context": null}
// expect: {"minRows": 5, "column": "cell", "includes": ["Kupffer cell", "Liver sinusoidal endothelial cell", "White blood cell", "Tumour cell", "Macrophage"]}
MATCH (t:Target {id: $target})-[r:EXPRESSED_ON]->(c:CellType)
WHERE $context IS NULL OR r.context = $context
RETURN c.name AS cell, r.context AS context, r.evidence AS evidence, r.refs AS refs, r.section AS section
ORDER BY cell
