// title: Which adverse events does the review tie to individual drugs, with grade and rate?
// description: CAUSES_ADVERSE_EVENT edges that start at a Drug (regimen-level toxicities are a separate question; pooled statements such as the melanoma-trial endocrinopathies sit on the ICI class, not on single drugs); set "drug" to a drug id to filter, or null for all.
// params: {"drug": null}
// expect: {"minRows": 10, "column": "drug", "includes": ["Nivolumab", "Pembrolizumab", "Tremelimumab"], "excludes": ["Avelumab", "Ipilimumab"]}
MATCH (d:Drug)-[r:CAUSES_ADVERSE_EVENT]->(ae:AdverseEvent)
WHERE $drug IS NULL OR d.id = $drug
RETURN d.name AS drug, ae.name AS adverseEvent, r.grade AS grade, r.rate AS ratePercent, r.group AS group, r.assertion AS assertion, r.evidence AS evidence, r.refs AS refs
ORDER BY drug, adverseEvent, ratePercent
