// One page: the documents 100 at a time in identifier order (SKIP 100, 200… for the next pages)
// date: the issue date, or the adoption date for a regulation adopted by a people's congress
MATCH (p:PolicyDocument) WHERE p.identifier IS NOT NULL
WITH p.identifier AS doc ORDER BY doc SKIP 0 LIMIT 100
MATCH (a:Actor)-[:ISSUED]->(d:PolicyDocument {identifier: doc})
RETURN DISTINCT a.label AS issuer, doc, d.title AS document, coalesce(d.dateIssued, d.dateAdopted) AS date
ORDER BY document, issuer
