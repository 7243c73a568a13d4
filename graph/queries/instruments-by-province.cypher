// the documents with a jurisdiction first (few), then their measures by the `doc` they carry
MATCH (d:PolicyDocument)-[:IN_JURISDICTION]->(r:Region)
WITH d.identifier AS doc, r.label AS province
MATCH (m:Measure)-[:USES_INSTRUMENT]->(i:PolicyInstrument)
WHERE m.doc = doc
RETURN province, i.categoryLabel AS category, i.instrumentType AS type, count(DISTINCT m) AS measures
ORDER BY province, category, measures DESC, type
