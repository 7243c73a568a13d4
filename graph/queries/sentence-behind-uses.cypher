MATCH (a:Actor)<-[:HAS_AGENT]-(m:Measure)-[:USES_INSTRUMENT]->(i:PolicyInstrument)
MATCH (m)-[:FROM_SENTENCE]->(s:Sentence)-[:IN_DOCUMENT]->(d:PolicyDocument)
RETURN DISTINCT a.label AS actor, i.label AS instrument, d.identifier AS doc, s.text AS sentence
ORDER BY actor, instrument, doc, sentence
