// title: Which biomarkers of a given kind have been proposed, and what do they predict?
// description: Biomarkers with the given kind (molecular, genomic, cellular, serum, clinical, imaging, microbiome) with their PREDICTS edges.
// params: {"kind": "microbiome"}
// expect: {"minRows": 3, "column": "biomarker", "includes": ["Akkermansia muciniphila abundance", "Ruminococcaceae abundance", "Gut microbiome taxa richness"]}
MATCH (b:Biomarker {kind: $kind})
OPTIONAL MATCH (b)-[p:PREDICTS]->(x)
RETURN b.name AS biomarker, x.name AS predicts, p.endpoint AS endpoint, p.direction AS direction, p.context AS context, b.refs AS refs
ORDER BY biomarker
