"""SHACL validation of a build, with violations traced to their sentences (graph/validate.py)."""

from click.testing import CliRunner

from policykg.cli import cli
from policykg.graph.query import run_sparql

PKG = "https://w3id.org/policykg/ontology#"


def test_shacl_validation_of_the_seed_build_passes(seed_build):
    from policykg.graph.validate import validate_build
    assert validate_build(seed_build) == []
    r = CliRunner().invoke(cli, ["validate", str(seed_build)], catch_exceptions=False)
    assert r.exit_code == 0 and "conforms" in r.output


def test_shacl_violations_name_the_source_sentence(seed_build):
    import rdflib

    from policykg.graph.validate import _union_graph, validate_graph
    g = _union_graph(seed_build / "kg.nq.gz")
    m = rdflib.URIRef("https://w3id.org/policykg/id/measure/jiangsu-2025/" +
                      next(iter(run_sparql(seed_build, """SELECT ?m WHERE { ?m a pkg:Measure ;
                           pkg:sourceSentence/pkg:inDocument/dcterms:identifier "jiangsu-2025" } LIMIT 1""")[1]))[0]
                      .split("/", 1)[1])
    g.remove((m, rdflib.URIRef(PKG + "modality"), None))
    found = validate_graph(g)
    assert len(found) == 1
    v = found[0]
    assert v.focus == str(m) and v.path == PKG + "modality" and v.message.startswith("A measure has exactly one")
    assert v.sentence and v.sentence_id.startswith("https://w3id.org/policykg/id/sentence/jiangsu-2025/")


def test_only_a_sentence_mentions_and_only_what_a_graph_names(seed_build):
    import rdflib

    from policykg.graph.validate import _union_graph, validate_graph
    g = _union_graph(seed_build / "kg.nq.gz")
    mentions = rdflib.URIRef(PKG + "mentions")
    sentence, target = next(iter(g.subject_objects(mentions)))
    measure = next(iter(g.subjects(rdflib.RDF.type, rdflib.URIRef(PKG + "Measure"))))
    g.add((measure, mentions, target))
    g.add((sentence, mentions, rdflib.Literal("算力券")))
    found = sorted((v.focus == str(measure), v.message) for v in validate_graph(g))
    assert found == [(False, "A sentence mentions an actor, a concept (instrument, domain, region) or a document."),
                     (False, "A sentence mentions an actor, a concept (instrument, domain, region) or a document."),
                     (True, "Only a sentence mentions something (pkg:mentions).")]


def test_a_node_only_named_by_a_sentence_is_traced_to_that_sentence():
    """In a document's own check an actor no statement points to (here: its measures' beneficiary edges
    gone) shows the sentence that mentions it."""
    from policykg.extract.pipeline import run
    from policykg.graph.kg import document_graph
    from policykg.graph.validate import validate_document_graph
    doc = run("第十一条 省发展改革委、省财政厅应当发放算力券，降低企业用算成本。", path="jiangsu-demo.txt",
              front={"title": "江苏省人工智能促进条例", "issuer": "江苏省人民政府"})
    kg = document_graph(doc, list(doc.records()))
    enterprise = "https://w3id.org/policykg/id/actor/role/enterprise"
    kg.edges = [e for e in kg.edges if e.prop != "pkg:beneficiary"]
    del kg.nodes[enterprise].attrs["skos:prefLabel"]
    [v] = validate_document_graph(kg)
    assert (v.focus, v.message) == (enterprise, "An actor needs a label.")
    assert v.sentence_id == "https://w3id.org/policykg/id/sentence/jiangsu-demo/art11/p1/s1"
    assert v.sentence == "省发展改革委、省财政厅应当发放算力券，降低企业用算成本。"
