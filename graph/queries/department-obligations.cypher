MATCH (a:Actor)<-[:HAS_AGENT]-(m:Measure)-[:FROM_SENTENCE]->(s:Sentence)
WHERE m.modality = 'obligation' AND 'Department' IN a.labels
RETURN DISTINCT a.label AS department, m.action AS action, m.doc AS doc, s.text AS sentence
ORDER BY department, doc, sentence
