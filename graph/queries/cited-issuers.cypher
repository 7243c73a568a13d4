MATCH (c:PolicyDocument)-[:ISSUED_BY]->(a:Actor)
WHERE c.cited = true
RETURN DISTINCT c.title AS cited, c.dateIssued AS date, a.label AS issuer, c.issuerCount AS issuerCount
ORDER BY date, cited, issuer
