// One page: the documents 100 at a time in identifier order (SKIP 100, 200… for the next pages);
// MENTIONS_CATEGORY's weight: the document's instrument mentions of the category
MATCH (p:PolicyDocument) WHERE p.identifier IS NOT NULL
WITH p.identifier AS doc ORDER BY doc SKIP 0 LIMIT 100
MATCH (:PolicyDocument {identifier: doc})-[e:MENTIONS_CATEGORY]->(c:Concept)
RETURN doc, c.label AS category, e.weight AS mentions
ORDER BY doc, category
