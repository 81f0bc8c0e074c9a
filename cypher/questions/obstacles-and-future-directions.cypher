// title: What obstacles and future directions for ICI therapy of HCC does the review name?
// description: Mechanisms recorded from the Conclusions as obstacles (SUPPRESSES edges in that section) and the future-direction list kept on the immune checkpoint inhibitor class.
// params: {"section": "Conclusions and perspectives", "class": "class:immune-checkpoint-inhibitor"}
// expect: {"minRows": 8, "column": "item", "includes": ["Organ-specific immunity", "Immunosuppressive microcirculation"]}
MATCH (m:Mechanism)-[r:SUPPRESSES]->()
WHERE r.section = $section
RETURN 'obstacle' AS kind, m.name AS item, r.evidence AS detail
UNION
MATCH (c:DrugClass {id: $class})
UNWIND coalesce(c.futureDirections, []) AS direction
RETURN 'future direction' AS kind, direction AS item, null AS detail
