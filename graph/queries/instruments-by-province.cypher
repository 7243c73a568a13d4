MATCH (m:Measure)-[:USES_INSTRUMENT]->(i:PolicyInstrument)
MATCH (m)-[:FROM_SENTENCE]->(:Sentence)-[:IN_DOCUMENT]->(:PolicyDocument)-[:IN_JURISDICTION]->(r:Region)
RETURN r.label AS province, i.categoryLabel AS category, i.instrumentType AS type, count(DISTINCT m) AS measures
ORDER BY province, category, measures DESC, type
