MATCH (a:Actor)-[:HAS_ROLE]->(c:Concept)
WHERE c.id = 'role:county-and-above-government'
MATCH (a)-[:IN_JURISDICTION]->(r:Region)
MATCH (m:Measure)-[:HAS_AGENT]->(a)
RETURN r.label AS province, m.modalityLabel AS modality, count(DISTINCT m) AS measures
ORDER BY province, modality
