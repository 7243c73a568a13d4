// MODALITY_AT_LEVEL's weight: the measures of the modality with an agent at the level
MATCH (md:Concept)-[e:MODALITY_AT_LEVEL]->(l:Concept)
RETURN l.label AS level, md.label AS modality, e.weight AS measures
ORDER BY level, modality
