MATCH (m:Measure)-[:HAS_AGENT]->(a:Actor)
WHERE a.levelLabel IS NOT NULL
RETURN a.levelLabel AS level, m.modalityLabel AS modality, count(DISTINCT m) AS measures
ORDER BY level, modality
