MATCH (a:Actor)<-[:HAS_AGENT]-(m:Measure)-[:USES_INSTRUMENT]->(i:PolicyInstrument)
MATCH (m)-[:FROM_SENTENCE]->(s:Sentence)
RETURN DISTINCT a.label AS actor, i.label AS instrument, m.doc AS doc, s.text AS sentence
ORDER BY actor, instrument, doc, sentence
