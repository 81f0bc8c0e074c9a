// title: Which canonical entity does a name as written in the review (e.g. a garbled drug name) refer to?
// description: Case-insensitive match of the name against every node's canonical name and synonyms, with the curation note that explains the reading.
// params: {"name": "navulizumab"}
// expect: {"minRows": 1, "maxRows": 1, "column": "canonical", "includes": ["Nivolumab"]}
MATCH (n:Entity)
WHERE toLower(n.name) = toLower($name) OR any(s IN coalesce(n.synonyms, []) WHERE toLower(s) = toLower($name))
RETURN n.name AS canonical, n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS type, n.synonyms AS synonyms, n.curationNote AS curationNote
