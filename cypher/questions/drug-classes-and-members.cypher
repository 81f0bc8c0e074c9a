// title: Which drug classes are in the graph, how are they nested, and which drugs belong to each?
// description: Every DrugClass with its parent classes (SUBCLASS_OF) and member drugs (IN_CLASS).
// params: {}
// expect: {"minRows": 13, "column": "class", "includes": ["Immune checkpoint inhibitor", "PD-1 inhibitor", "PD-L1 inhibitor", "CTLA-4 inhibitor", "Anti-VEGF antibody", "Tyrosine kinase inhibitor", "EGFR tyrosine kinase inhibitor", "HER2 antibody"]}
MATCH (c:DrugClass)
OPTIONAL MATCH (c)-[:SUBCLASS_OF]->(p:DrugClass)
OPTIONAL MATCH (d:Drug)-[:IN_CLASS]->(c)
RETURN c.name AS class, collect(DISTINCT p.name) AS parents, collect(DISTINCT d.name) AS members, count(DISTINCT d) AS memberCount
ORDER BY class
