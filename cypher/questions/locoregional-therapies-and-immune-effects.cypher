// title: Which locoregional therapies does the review discuss, and what immune effects are linked to them?
// description: Therapy nodes flagged locoregional, with any PROMOTES edges into immune mechanisms or cells and the ICI regimens that include them.
// params: {"locoregional": true}
// expect: {"minRows": 10, "column": "therapy", "includes": ["TACE", "SIRT", "SBRT", "Radiofrequency ablation", "Microwave ablation", "Percutaneous ablation"], "excludes": ["TARE"]}
MATCH (t:Therapy)
WHERE t.locoregional = $locoregional
OPTIONAL MATCH (t)-[:PROMOTES]->(x)
OPTIONAL MATCH (g:Regimen)-[:INCLUDES]->(t)
RETURN t.name AS therapy, t.kind AS kind, collect(DISTINCT x.name) AS promotes, collect(DISTINCT g.name) AS iciRegimens, t.refs AS refs
ORDER BY therapy
