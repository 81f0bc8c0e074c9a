// title: Which drugs fall under a class, including its subclasses (default immune checkpoint inhibitors)?
// description: Drugs IN_CLASS of the chosen DrugClass or of any class beneath it via SUBCLASS_OF; pertuzumab is excluded because it is a HER2 antibody despite the review calling it a PD-1 inhibitor.
// params: {"class": "class:immune-checkpoint-inhibitor"}
// expect: {"minRows": 11, "column": "drug", "includes": ["Nivolumab", "Pembrolizumab", "Atezolizumab", "Durvalumab", "Ipilimumab", "Tremelimumab", "Camrelizumab"], "excludes": ["Pertuzumab", "Sorafenib"]}
MATCH (d:Drug)-[:IN_CLASS]->(c:DrugClass)-[:SUBCLASS_OF*0..]->(root:DrugClass {id: $class})
RETURN d.name AS drug, c.name AS class, d.modality AS modality
ORDER BY class, drug
