// title: Which biomarkers are associated with hyperprogression, and in which direction?
// description: Every Biomarker with a PREDICTS edge to hyperprogressive disease, with direction (unfavorable = more HPD), the disease where it was shown, and the evidence.
// params: {"mechanism": "mechanism:hyperprogression"}
// expect: {"minRows": 6, "column": "biomarker", "includes": ["Serum CRP level", "Neutrophil-to-lymphocyte ratio (NLR)", "Treg activation", "Circulating tumour DNA (ctDNA) level", "Low serum MCP-1 level"]}
MATCH (b:Biomarker)-[p:PREDICTS]->(m:Mechanism {id: $mechanism})
RETURN b.name AS biomarker, b.kind AS kind, p.direction AS direction, p.context AS context, p.evidence AS evidence, p.refs AS refs
ORDER BY direction, biomarker
