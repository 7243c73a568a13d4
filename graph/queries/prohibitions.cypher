// One page: the documents 10 at a time in identifier order (SKIP 10, 20… for the next pages);
// the page's documents are matched again by identifier (LadybugDB forgets the order of a page
// carried as nodes into an OPTIONAL MATCH) and their prohibitions reached through their sentences
MATCH (p:PolicyDocument) WHERE p.identifier IS NOT NULL
WITH p.identifier AS doc ORDER BY doc SKIP 0 LIMIT 10
MATCH (:PolicyDocument {identifier: doc})<-[:IN_DOCUMENT]-(s:Sentence)<-[:FROM_SENTENCE]-(m:Measure)
WHERE m.modality = 'prohibition'
OPTIONAL MATCH (m)-[:HAS_AGENT]->(a:Actor)
RETURN DISTINCT a.label AS agent, doc, s.text AS sentence
ORDER BY doc, sentence, agent
