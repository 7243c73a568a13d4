// date: the issue date, or the adoption date for a regulation adopted by a people's congress
MATCH (a:Actor)-[:ISSUED]->(d:PolicyDocument)
WHERE d.identifier IS NOT NULL
RETURN DISTINCT a.label AS issuer, d.identifier AS doc, d.title AS document,
       coalesce(d.dateIssued, d.dateAdopted) AS date
ORDER BY document, issuer
