// a mention's `doc` is the identifier of the document it was found in
MATCH (mn:Mention)-[:DENOTES]->(i:PolicyInstrument)
RETURN mn.doc AS doc, i.categoryLabel AS category, count(*) AS mentions
ORDER BY doc, category
