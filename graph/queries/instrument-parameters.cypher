MATCH (i:PolicyInstrument)-[:HAS_PARAMETER]->(p:Parameter)-[:FROM_SENTENCE]->(s:Sentence)-[:IN_DOCUMENT]->(d:PolicyDocument)
WHERE p.parameterType IN ['rate', 'cap']
OPTIONAL MATCH (d)-[:IN_JURISDICTION]->(r:Region)
RETURN DISTINCT i.label AS instrument, p.parameterType AS type, p.value AS value, p.unit AS unit, p.per AS per,
       r.label AS province, d.title AS document, s.text AS sentence
ORDER BY instrument, type, province, document, value
