MATCH (mn:Mention)-[:DENOTES]->(i:PolicyInstrument)
MATCH (mn)-[:FROM_SENTENCE]->(:Sentence)-[:IN_DOCUMENT]->(d:PolicyDocument)
RETURN d.identifier AS doc, i.categoryLabel AS category, count(mn) AS mentions
ORDER BY doc, category
