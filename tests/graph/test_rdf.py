"""N-Quads with one named graph per document, and Turtle and JSON-LD from them (graph/rdf.py)."""


def test_one_named_graph_per_document(seed_build):
    graphs = {}
    with (seed_build / "kg.nq").open(encoding="utf-8") as fh:
        for line in fh:
            g = line.rstrip(" .\n").rsplit(" ", 1)[-1]
            graphs[g] = graphs.get(g, 0) + 1
    docs = {g for g in graphs if g.startswith("<https://w3id.org/policykg/id/graph/")}
    assert {g.rsplit("/", 1)[-1].rstrip(">") for g in docs} == {"anhui-2025", "heilongjiang-2024",
                                                                 "huaxin-report-2025", "jiangsu-2025", "ontology"}
    assert sum(graphs.values()) == 59117
    lines = (seed_build / "kg.nq").read_text(encoding="utf-8").splitlines()
    assert len(set(lines)) == len(lines)                          # no statement twice in one graph


def test_turtle_and_jsonld_hold_the_same_statements_as_the_nquads(seed_build):
    import rdflib
    quads = rdflib.Dataset()
    quads.parse(seed_build / "kg.nq", format="nquads")
    jsonld = rdflib.Dataset()
    jsonld.parse(seed_build / "kg.jsonld", format="json-ld")
    all_quads = set(quads.quads((None, None, None, None)))
    assert set(jsonld.quads((None, None, None, None))) == all_quads and len(all_quads) > 50000
    merged = {(s, p, o) for s, p, o, _ in quads.quads((None, None, None, None))}
    ttl = rdflib.Graph().parse(seed_build / "kg.ttl")
    assert len(ttl) == len(merged) == 58927
