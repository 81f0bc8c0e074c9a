// title: Which trial identities or identifiers were inferred or corrected by curation?
// description: Trials whose curation note says the identity was inferred or an identifier corrected, with the note and the names as written in the review.
// params: {"terms": ["inferred", "corrected", "added by curation"]}
// expect: {"minRows": 8, "column": "trial", "includes": ["KEYNOTE-224", "CheckMate 9DW", "VEGF Liver 100", "NCT03222076"]}
MATCH (t:Trial)
WHERE t.curationNote IS NOT NULL AND any(s IN $terms WHERE toLower(t.curationNote) CONTAINS toLower(s))
RETURN t.name AS trial, t.nctId AS nctId, t.synonyms AS asWritten, t.curationNote AS note
ORDER BY trial
