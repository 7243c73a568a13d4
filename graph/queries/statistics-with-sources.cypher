MATCH (st:Statistic)-[:FROM_SENTENCE]->(:Sentence)-[:IN_DOCUMENT]->(d:PolicyDocument)
RETURN DISTINCT d.identifier AS doc, st.metric AS metric, st.value AS value, st.unit AS unit, st.asOf AS asOf,
       st.citedSource AS source
ORDER BY doc, coalesce(asOf, ""), metric, value
