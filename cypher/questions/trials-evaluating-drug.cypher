// title: Which trials evaluated a given drug, alone or within a regimen?
// description: Trials with an EVALUATES edge to the drug itself or to a regimen that includes it, with the arm and the trial's phase and size.
// params: {"drug": "drug:nivolumab"}
// expect: {"minRows": 5, "column": "trial", "includes": ["CheckMate 040", "CheckMate 9DW", "NCT03222076", "SBRT + nivolumab retrospective cohort"]}
MATCH (t:Trial)-[e:EVALUATES]->(x)
WHERE x.id = $drug OR EXISTS { (x:Regimen)-[:INCLUDES]->(:Drug {id: $drug}) }
RETURN t.name AS trial, t.phase AS phase, t.n AS patients, t.setting AS setting, x.name AS evaluated, e.arm AS arm
ORDER BY trial, evaluated
