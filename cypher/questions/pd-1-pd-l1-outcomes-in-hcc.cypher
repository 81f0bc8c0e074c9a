// title: Every outcome for PD-1 / PD-L1 drugs in HCC, as an evidence table
// description: One row per reported number whose treatment contains a PD-1 or PD-L1 inhibitor (a drug, a regimen or a pooled cohort): drug or regimen, trial with phase, n, design and setting, the outcome's metric, value, unit and group, the claim's assertion, references and evidence. Pooled cohort numbers belong to the pooled group, never to one of its drugs.
// params: {"disease": "disease:hcc", "classes": ["class:pd-1-inhibitor", "class:pd-l1-inhibitor"]}
// expect: {"minRows": 30, "column": "treatment", "includes": ["Nivolumab", "Pembrolizumab", "Atezolizumab + bevacizumab", "Nivolumab + ipilimumab", "Anti-PD-1 antibodies, mixed (real-world cohort of 55)", "PD-1 or PD-L1 inhibitor (pooled, drugs not reported)"], "excludes": ["Penpulimab"]}
MATCH (t:Trial)-[:STUDIES]->(:Disease {id: $disease})
MATCH (t)-[:REPORTS]->(o:Outcome)-[of:OUTCOME_OF]->(x)
WHERE EXISTS { (x)-[:IN_CLASS]->(c:DrugClass) WHERE c.id IN $classes }
   OR EXISTS { (x)-[:INCLUDES]->(c:DrugClass) WHERE c.id IN $classes }
   OR EXISTS { (x)-[:INCLUDES]->(:Drug)-[:IN_CLASS]->(c:DrugClass) WHERE c.id IN $classes }
RETURN x.name AS treatment, x.id AS treatmentId, coalesce(x.pooled, false) AS pooled,
       t.name AS trial, t.id AS trialId, t.phase AS phase, t.n AS n, t.design AS design, t.setting AS setting,
       o.metric AS metric, o.value AS value, o.unit AS unit, o.group AS arm, o.id AS outcomeId,
       of.assertion AS assertion, o.refs AS refs, of.evidence AS evidence, o.curationNote AS note
ORDER BY treatment, trial, metric, arm
