MATCH (i:PolicyInstrument)-[e:IN_DOMAIN]->(d:Domain)
RETURN i.label AS instrument, d.label AS domain, e.weight AS measures
ORDER BY measures DESC, instrument, domain
