// One page: the documents 10 at a time in identifier order (SKIP 10, 20… for the next pages);
// a measure carries its document's identifier (doc), so the page selects measures by it
MATCH (p:PolicyDocument) WHERE p.identifier IS NOT NULL
WITH p.identifier AS doc ORDER BY doc SKIP 0 LIMIT 10
MATCH (m:Measure)
WHERE m.doc = doc
MATCH (a:Actor)<-[:HAS_AGENT]-(m)-[:USES_INSTRUMENT]->(i:PolicyInstrument)
MATCH (m)-[:FROM_SENTENCE]->(s:Sentence)
RETURN DISTINCT a.label AS actor, i.label AS instrument, doc, s.text AS sentence
ORDER BY doc, actor, instrument, sentence
