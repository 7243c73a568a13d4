MATCH (m:Measure)-[:FROM_SENTENCE]->(s:Sentence)
WHERE m.modality = 'prohibition'
OPTIONAL MATCH (m)-[:HAS_AGENT]->(a:Actor)
RETURN DISTINCT a.label AS agent, m.doc AS doc, s.text AS sentence
ORDER BY doc, sentence, agent
