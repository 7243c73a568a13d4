MATCH (mn:Mention)-[:DENOTES]->(i:PolicyInstrument)
WHERE i.instrumentType = 'Voucher'
MATCH (mn)-[:FROM_SENTENCE]->(:Sentence)-[:IN_DOCUMENT]->(d:PolicyDocument)
OPTIONAL MATCH (d)-[:IN_JURISDICTION]->(r:Region)
RETURN DISTINCT r.label AS province, d.title AS document, i.label AS instrument
ORDER BY coalesce(province, ""), document, instrument
