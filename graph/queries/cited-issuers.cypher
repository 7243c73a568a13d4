// One page: the documents cited by 100 citing documents at a time, in the citing documents'
// identifier order (SKIP 100, 200… for the next pages)
MATCH (p:PolicyDocument) WHERE p.identifier IS NOT NULL
WITH p.identifier AS doc ORDER BY doc SKIP 0 LIMIT 100
MATCH (:PolicyDocument {identifier: doc})-[:CITES]->(c:PolicyDocument)-[:ISSUED_BY]->(a:Actor)
RETURN DISTINCT c.title AS cited, c.dateIssued AS date, a.label AS issuer, c.issuerCount AS issuerCount
ORDER BY coalesce(date, ""), cited, issuer
