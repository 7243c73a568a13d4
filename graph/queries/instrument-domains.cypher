// The strongest pairs: those whose weight is among the 100 highest (ties at the 100th included):
// cut = the highest weight that at least 100 pairs reach (every pair when there are fewer)
MATCH (:PolicyInstrument)-[e:IN_DOMAIN]->(:Domain)
WITH DISTINCT e.weight AS w
MATCH (:PolicyInstrument)-[f:IN_DOMAIN]->(:Domain)
WHERE f.weight >= w
WITH w, count(f) AS atLeast
WHERE atLeast >= 100
WITH max(w) AS cut
MATCH (i:PolicyInstrument)-[e:IN_DOMAIN]->(d:Domain)
WHERE e.weight >= coalesce(cut, 0)
RETURN i.label AS instrument, d.label AS domain, e.weight AS measures
ORDER BY measures DESC, instrument, domain
