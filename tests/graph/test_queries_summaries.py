"""The per-document summaries and pages the saved queries read (graph/kg.py, graph/rdf.py, graph/queries/).

Aggregates over every measure read each document's weights of its derived edges (``pkg:<kind>Weight``
on an IRI naming the edge, in the document's graph; the ``weight`` of the edge in the property graph);
listings are paged by document.  These tests hold the summaries to the counts they replace and
the pages to the same rows in both languages.
"""

from __future__ import annotations

import re

import pytest

from policykg.graph.query import run_cypher, run_sparql, saved_query_text

_WEIGHTS = """
    SELECT ?s ?o (SUM(?n) AS ?w) WHERE {
      GRAPH ?g { ?t pkg:%sWeight ?n ; rdf:subject ?s ; rdf:object ?o }
    } GROUP BY ?s ?o"""


@pytest.mark.parametrize("prop, rel", [("inDomain", "IN_DOMAIN"), ("responsibleFor", "RESPONSIBLE_FOR"),
                                       ("mentionsCategory", "MENTIONS_CATEGORY"),
                                       ("modalityAtLevel", "MODALITY_AT_LEVEL")])
def test_the_documents_weights_add_up_to_the_property_graph_weight(seed_build, prop, rel):
    _, rdf = run_sparql(seed_build, _WEIGHTS % prop)
    _, pg = run_cypher(seed_build, f"MATCH (a)-[e:{rel}]->(b) RETURN a.id, b.id, e.weight")
    assert rdf and {(s, o): w for s, o, w in rdf} == {(s, o): w for s, o, w in pg}


def test_weights_count_what_the_full_joins_count(seed_build):
    """Each summary gives the numbers of the query it replaces (the join over every measure or mention)."""
    _, level = run_sparql(seed_build, _WEIGHTS % "modalityAtLevel")
    _, joined = run_sparql(seed_build, """
        SELECT ?md ?l (COUNT(DISTINCT ?m) AS ?n) WHERE {
          GRAPH ?g { ?a pkg:governmentLevel ?l . ?m pkg:agent ?a ; pkg:modality ?md } } GROUP BY ?md ?l""")
    assert sorted(level) == sorted(joined) and len(level) == 10
    _, category = run_sparql(seed_build, """
        SELECT ?doc ?c ?n WHERE { GRAPH ?g { ?t pkg:mentionsCategoryWeight ?n ; rdf:object ?c .
          ?d dcterms:identifier ?doc } }""")
    _, counted = run_cypher(seed_build, """
        MATCH (m:Mention)-[:DENOTES]->(i:PolicyInstrument), (m)-[:FROM_SENTENCE]->(:Sentence)-[:IN_DOCUMENT]->(d)
        RETURN d.identifier, 'rz:' + i.category, count(m)""")   # the mention spans: in the property graph
    assert sorted(category) == sorted(counted) and len(category) == 12
    _, domains = run_sparql(seed_build, _WEIGHTS % "inDomain")
    _, measures = run_sparql(seed_build, """
        SELECT ?i ?dm (COUNT(DISTINCT ?m) AS ?n) WHERE {
          GRAPH ?g { ?m pkg:usesInstrument ?i ; pkg:concernsDomain ?dm } } GROUP BY ?i ?dm""")
    assert sorted(domains) == sorted(measures)


@pytest.mark.parametrize("prop", ["inDomainWeight", "responsibleForWeight", "mentionsCategoryWeight",
                                  "modalityAtLevelWeight", "instrumentTypeUses"])
def test_a_weighted_edge_is_one_iri_in_every_document_that_has_it(seed_build, prop):
    """The queries group one kind's weights by the edge IRI and look its ends up in one document:
    that is right only if an IRI names one (source, target) pair and a pair has one IRI."""
    _, rows = run_sparql(seed_build, """
        SELECT DISTINCT ?t ?s ?o WHERE { GRAPH ?g { ?t pkg:%s ?n ; rdf:subject ?s ; rdf:object ?o } }""" % prop)
    assert rows
    assert len({t for t, _, _ in rows}) == len({(s, o) for _, s, o in rows}) == len(rows)
    _, per_doc = run_sparql(seed_build, """
        SELECT ?g ?t (COUNT(?p) AS ?quads) WHERE { GRAPH ?g { ?t pkg:%s ?n ; ?p ?x } } GROUP BY ?g ?t""" % prop)
    assert {q for _, _, q in per_doc} == {3}          # the weight and the two ends: nothing else


def test_instrument_type_uses_count_what_the_join_over_every_use_counts(seed_build):
    """instruments-by-province reads the per-document (category, type) counts: the same numbers as the
    query it replaced, a COUNT(DISTINCT measure) over every use of an instrument."""
    _, summed = run_sparql(seed_build, saved_query_text("instruments-by-province", "sparql"))
    _, counted = run_sparql(seed_build, """
        SELECT ?province ?category ?type (COUNT(DISTINCT ?m) AS ?measures) WHERE {
          GRAPH <https://w3id.org/policykg/id/graph/ontology> { ?i pkg:rzCategory ?c ; pkg:instrumentType ?t .
                                                                ?c skos:prefLabel ?category }
          FILTER(lang(?category) = "zh")
          BIND(STRAFTER(STR(?t), "#") AS ?type)
          GRAPH ?g { ?d dcterms:identifier ?id ; pkg:jurisdiction ?r . ?m pkg:usesInstrument ?i }
          GRAPH <https://w3id.org/policykg/id/graph/ontology> { ?r skos:prefLabel ?province }
          FILTER(lang(?province) = "zh")
        } GROUP BY ?province ?category ?type""")
    assert len(summed) > 5 and sorted(summed) == sorted(counted)


def _page(text: str, lang: str, skip: int, size: int) -> str:
    """The saved query with another page: every ``LIMIT n OFFSET k`` / ``SKIP k LIMIT n`` (cited-issuers
    selects the page's documents twice)."""
    if lang == "sparql":
        out, n = re.subn(r"LIMIT \d+ OFFSET 0", f"LIMIT {size} OFFSET {skip}", text)
    else:
        out, n = re.subn(r"SKIP 0 LIMIT \d+", f"SKIP {skip} LIMIT {size}", text)
    assert n in (1, 2)
    return out


@pytest.mark.parametrize("name", ["prohibitions", "sentence-behind-uses", "department-obligations", "issuers",
                                  "category-by-document", "cited-issuers"])
def test_pages_hold_the_same_documents_in_both_languages(seed_build, name):
    """Page 2 of 2-document pages (the seeds are four documents): the same rows in SPARQL and Cypher,
    and the two pages together are the whole listing."""
    def rows(lang, skip, size):
        text = _page(saved_query_text(name, lang), lang, skip, size)
        run = run_sparql if lang == "sparql" else run_cypher
        return sorted(map(repr, run(seed_build, text)[1]))
    second = rows("sparql", 2, 2)
    assert second == rows("cypher", 2, 2)
    assert sorted(rows("sparql", 0, 2) + second) == rows("sparql", 0, 10)



def test_an_actor_labelled_differently_keeps_its_smallest_label_in_any_document_order():
    """One actor id, two labels in two documents (上海市区/县人民代表大会): the property graph keeps the
    smallest, as cited-issuers' MIN does in SPARQL, whether merged whole or folded part by part."""
    from policykg.graph.kg import KG
    from policykg.graph.ladybug_update import fold, split
    from policykg.graph.property import to_property_graph

    iri = "https://w3id.org/policykg/id/actor/shanghai/county/congress"
    kgs = []
    for doc, label in (("a", "上海市县人民代表大会"), ("b", "上海市区人民代表大会")):
        kg = KG(doc)
        kg.node(iri, ["Legislature"], **{"skos:prefLabel": label})
        kgs.append(kg)
    for order in (kgs, kgs[::-1]):
        g = to_property_graph(order)
        folded, _ = fold(split(to_property_graph([kg]))[0] for kg in order)
        assert [n.props["label"] for n in g.nodes.values()] == ["上海市区人民代表大会"]
        assert [n.props["label"] for n in folded.values()] == ["上海市区人民代表大会"]
