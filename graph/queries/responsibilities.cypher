// The strongest pairs: those whose weight is among the 100 highest (ties at the 100th included):
// cut = the highest weight that at least 100 pairs reach (every pair when there are fewer)
MATCH (:Actor)-[e:RESPONSIBLE_FOR]->(:Domain)
WITH DISTINCT e.weight AS w
MATCH (:Actor)-[f:RESPONSIBLE_FOR]->(:Domain)
WHERE f.weight >= w
WITH w, count(f) AS atLeast
WHERE atLeast >= 100
WITH max(w) AS cut
MATCH (a:Actor)-[e:RESPONSIBLE_FOR]->(d:Domain)
WHERE e.weight >= coalesce(cut, 0)
RETURN a.label AS actor, d.label AS domain, e.weight AS measures
ORDER BY measures DESC, actor, domain
