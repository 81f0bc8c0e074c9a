// title: Which biomarkers predict a given endpoint in a given direction for checkpoint inhibitors?
// description: PREDICTS edges filtered by endpoint (response, survival, hyperprogression, toxicity) and direction (favorable, unfavorable, association), pointing at a checkpoint-inhibitor drug or class.
// params: {"endpoint": "response", "direction": "favorable"}
// expect: {"minRows": 6, "column": "biomarker", "includes": ["Tumour-infiltrating lymphocytes (TILs)", "Male sex", "Low MDSC count", "BRCA2 mutation"]}
MATCH (b:Biomarker)-[p:PREDICTS {endpoint: $endpoint, direction: $direction}]->(x)
WHERE x:Drug OR x:DrugClass
RETURN b.name AS biomarker, b.kind AS kind, x.name AS predictsFor, p.contextDisease AS shownIn, p.assertion AS assertion, p.evidence AS evidence, p.refs AS refs
ORDER BY biomarker
