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
    g = _union_graph(seed_build / "kg.nq")
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
