// title: Which response biomarkers were shown in HCC, and which are borrowed from other cancers or from studies that do not say?
// description: Every PREDICTS edge with the disease it was studied in (contextDisease): HCC, another named cancer, or not stated; the review warns that most hyperprogression markers still need validation in HCC.
// params: {}
// expect: {"minRows": 30, "column": "evidenceBase", "includes": ["shown in HCC", "borrowed from another cancer", "cancer not stated"]}
MATCH (b:Biomarker)-[p:PREDICTS]->(x)
OPTIONAL MATCH (d:Disease {id: p.contextDisease})
RETURN b.name AS biomarker,
       CASE WHEN p.contextDisease = 'disease:hcc' THEN 'shown in HCC'
            WHEN d IS NOT NULL THEN 'borrowed from another cancer'
            ELSE 'cancer not stated' END AS evidenceBase,
       d.name AS shownIn, p.contextModel AS model, p.assertion AS assertion, p.endpoint AS endpoint, p.direction AS direction,
       x.name AS predictsFor, p.evidence AS evidence, p.refs AS refs
ORDER BY evidenceBase DESC, biomarker
