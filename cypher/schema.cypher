// Checkpoint Atlas schema. Every statement is idempotent (IF NOT EXISTS), so ingest
// applies this file on every run. Statements are separated by semicolons.

// Every node is an :Entity with a unique, stable id.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;

// Lookups the API does by property.
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
CREATE INDEX trial_nct IF NOT EXISTS FOR (n:Trial) ON (n.nctId);
CREATE INDEX outcome_metric IF NOT EXISTS FOR (n:Outcome) ON (n.metric);
CREATE INDEX reference_number IF NOT EXISTS FOR (n:Reference) ON (n.number);
CREATE INDEX mechanism_kind IF NOT EXISTS FOR (n:Mechanism) ON (n.kind);
CREATE INDEX biomarker_kind IF NOT EXISTS FOR (n:Biomarker) ON (n.kind);

// Relationship keys make MERGE of parallel edges of one type deterministic.
CREATE INDEX rel_key_lookup IF NOT EXISTS FOR ()-[r:EVALUATES]-() ON (r.key);

// Search over names and synonyms (synonyms is a list of strings; Neo4j 5 indexes lists).
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.synonyms]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding' } };

// Which dataset a node belongs to: loads find and converge their own items by it.
CREATE INDEX entity_dataset IF NOT EXISTS FOR (n:Entity) ON (n.dataset);

// Load records (not Entities): one per run of the builder.
CREATE INDEX atlas_load_dataset IF NOT EXISTS FOR (l:AtlasLoad) ON (l.dataset);
CREATE INDEX atlas_load_run IF NOT EXISTS FOR (l:AtlasLoad) ON (l.runId);

// Relationship indexes on `key` and `dataset` are created per type by ingest for every
// type a load writes (rel_key_<type>, rel_dataset_<type>): MERGE and removal never scan.
