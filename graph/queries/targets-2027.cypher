MATCH (t:Target)-[:FROM_SENTENCE]->(:Sentence)-[:IN_DOCUMENT]->(d:PolicyDocument)
WHERE t.year = 2027
OPTIONAL MATCH (t)-[:IN_JURISDICTION]->(r:Region)
OPTIONAL MATCH (t)-[:CONCERNS_DOMAIN]->(dm:Domain)
RETURN DISTINCT dm.label AS domain, r.label AS province, t.metric AS metric, t.comparator AS comparator, t.value AS value,
       t.unit AS unit, t.period AS period, d.identifier AS doc
ORDER BY domain, metric, value
