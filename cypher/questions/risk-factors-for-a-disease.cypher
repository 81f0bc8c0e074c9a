// title: What are the risk factors for a given disease (default HCC)?
// description: RiskFactor nodes with a RISK_FACTOR_FOR edge to the chosen Disease, with the review's references.
// params: {"disease": "disease:hcc"}
// expect: {"minRows": 8, "column": "riskFactor", "includes": ["Hepatitis B virus infection", "Hepatitis C virus infection", "Alcohol", "Tobacco", "Obesity", "Diabetes", "Genetic factors", "Long noncoding RNA"]}
MATCH (r:RiskFactor)-[e:RISK_FACTOR_FOR]->(:Disease {id: $disease})
RETURN r.name AS riskFactor, r.synonyms AS alsoCalled, e.evidence AS evidence, e.refs AS refs
ORDER BY riskFactor
