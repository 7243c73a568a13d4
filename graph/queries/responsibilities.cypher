MATCH (a:Actor)-[e:RESPONSIBLE_FOR]->(d:Domain)
RETURN a.label AS actor, d.label AS domain, e.weight AS measures
ORDER BY measures DESC, actor, domain
