// title: What immune-regulatory and anti-tumour effects do members of a drug class have (default TKIs)?
// description: PROMOTES and SUPPRESSES edges from drugs IN_CLASS of the chosen DrugClass (or its subclasses), e.g. TKIs reducing MDSCs and Tregs and activating NK and T cells.
// params: {"class": "class:tki"}
// expect: {"minRows": 7, "column": "affected", "includes": ["Myeloid-derived suppressor cell", "Regulatory T cell", "NK cell activation", "T-cell activation", "Angiogenesis"]}
MATCH (d:Drug)-[:IN_CLASS]->(:DrugClass)-[:SUBCLASS_OF*0..]->(:DrugClass {id: $class})
MATCH (d)-[r:PROMOTES|SUPPRESSES]->(x)
RETURN x.name AS affected, type(r) AS effect, collect(DISTINCT d.name) AS drugs, collect(DISTINCT r.source) AS sources
ORDER BY effect, affected
