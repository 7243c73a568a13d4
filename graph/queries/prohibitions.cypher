MATCH (m:Measure)-[:FROM_SENTENCE]->(s:Sentence)-[:IN_DOCUMENT]->(d:PolicyDocument)
WHERE m.modality = 'prohibition'
OPTIONAL MATCH (m)-[:HAS_AGENT]->(a:Actor)
RETURN DISTINCT a.label AS agent, d.identifier AS doc, s.text AS sentence
ORDER BY doc, sentence, agent
