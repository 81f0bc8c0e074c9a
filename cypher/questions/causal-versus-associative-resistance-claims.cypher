// title: Which resistance claims are shown as causal, and which are only associations, observations in treated patients, preclinical findings or hypotheses?
// description: Every CONFERS_RESISTANCE_TO and OVERCOMES edge with its assertion, the disease and model it was shown in and the evidence, strongest claims first. Set "assertions" to a list (e.g. ["causal"]) to keep only some kinds, or null for all.
// params: {"assertions": null}
// expect: {"minRows": 15, "column": "assertion", "includes": ["causal", "association", "observed-in-treated", "preclinical", "hypothesis", "tested-in"]}
MATCH (m)-[r:CONFERS_RESISTANCE_TO|OVERCOMES]->(x)
WHERE $assertions IS NULL OR r.assertion IN $assertions
OPTIONAL MATCH (d:Disease {id: r.contextDisease})
RETURN r.assertion AS assertion, type(r) AS claim, m.name AS source, x.name AS target,
       coalesce(d.name, r.contextDisease) AS shownIn, r.contextModel AS model, r.evidence AS evidence, r.refs AS refs,
       r.curationNote AS note
ORDER BY CASE r.assertion WHEN 'causal' THEN 0 WHEN 'tested-in' THEN 1 WHEN 'observed-in-treated' THEN 2
           WHEN 'association' THEN 3 WHEN 'preclinical' THEN 4 ELSE 5 END, claim, source, target
