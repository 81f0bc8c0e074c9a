// title: Which drug names were corrected or inferred from the review's garbled text, and why?
// description: Drugs carrying a curation note, with the as-written forms kept as synonyms; covers certain, likely and inferred readings and the review's own errors (e.g. pertuzumab as a PD-1 inhibitor).
// params: {}
// expect: {"minRows": 10, "column": "drug", "includes": ["Nivolumab", "Pembrolizumab", "Camrelizumab", "Sintilimab", "Ipilimumab", "Tremelimumab", "Axitinib", "Pertuzumab", "Onartuzumab"]}
MATCH (d:Drug)
WHERE d.curationNote IS NOT NULL
RETURN d.name AS drug, d.synonyms AS asWritten, d.curationNote AS note
ORDER BY drug
