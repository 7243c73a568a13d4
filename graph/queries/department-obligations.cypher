MATCH (m:Measure)-[:HAS_AGENT]->(a:Actor)
WHERE 'Department' IN a.labels AND m.modality = 'obligation'
MATCH (m)-[:FROM_SENTENCE]->(s:Sentence)-[:IN_DOCUMENT]->(d:PolicyDocument)
RETURN DISTINCT a.label AS department, m.action AS action, d.identifier AS doc, s.text AS sentence
ORDER BY department, doc, sentence
