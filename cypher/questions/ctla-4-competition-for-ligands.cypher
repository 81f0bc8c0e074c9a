// title: What does CTLA-4 compete with, and for which ligands?
// description: BINDS edges from the chosen receptor that record a competitor, with the other receptors that bind the same ligands and the cells carrying those ligands.
// params: {"receptor": "target:ctla-4"}
// expect: {"minRows": 2, "column": "ligand", "includes": ["CD80", "CD86"]}
MATCH (r:Target {id: $receptor})-[b:BINDS]->(l:Target)
WHERE b.competesWith IS NOT NULL
OPTIONAL MATCH (other:Target)-[:BINDS]->(l) WHERE other <> r
OPTIONAL MATCH (l)-[:EXPRESSED_ON]->(cell:CellType)
RETURN l.name AS ligand, b.competesWith AS competesWith, collect(DISTINCT other.name) AS otherBinders, collect(DISTINCT cell.name) AS ligandOn, b.effect AS effect, b.evidence AS evidence, b.refs AS refs
ORDER BY ligand
