// title: What results have neoadjuvant, perioperative and conversion-therapy studies reported?
// description: Trials whose setting mentions any of the given terms, with each outcome (pathological response, conversion rate, 5-year survival after resection).
// params: {"settings": ["perioperative", "neoadjuvant", "conversion"]}
// expect: {"minRows": 4, "column": "trial", "includes": ["NCT03222076", "TKI + PD-1 antibody conversion study (ASCO 2020)", "Conversion therapy and secondary resection studies"]}
MATCH (t:Trial)-[:REPORTS]->(o:Outcome)
WHERE any(s IN $settings WHERE toLower(coalesce(t.setting, '')) CONTAINS toLower(s))
RETURN t.name AS trial, t.setting AS setting, t.n AS patients, o.metric AS metric, o.value AS value, o.unit AS unit, o.group AS grp, o.curationNote AS note
ORDER BY trial, metric, value
