"""The Turtle files (policy.ttl, shapes.ttl, vocab/*.ttl) parse, validate data, and name every term the code uses."""

import re
from pathlib import Path

import pytest
import rdflib

from policykg.ontology import load_graph, shapes_path, ttl_files

ROOT = Path(__file__).resolve().parents[2]
PKG = "https://w3id.org/policykg/ontology#"


@pytest.mark.parametrize("path", ttl_files() + [shapes_path()], ids=lambda p: p.name)
def test_turtle_parses(path):
    g = rdflib.Graph().parse(path, format="turtle")
    assert len(g) > 10


def _shacl(data: str):
    from pyshacl import validate
    g = rdflib.Graph().parse(data=data, format="turtle")
    g += load_graph()      # the build does the same: vocabulary triples travel with the data
    return validate(g, shacl_graph=str(shapes_path()), inference="none", allow_warnings=True)


_PREFIXES = """@prefix pkg: <https://w3id.org/policykg/ontology#> . @prefix mod: <https://w3id.org/policykg/vocab/modality/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> . @prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix id: <https://w3id.org/policykg/id/> .
@prefix inst: <https://w3id.org/policykg/vocab/instrument/> . @prefix rz: <https://w3id.org/policykg/vocab/rz/> .
"""


_GOOD = _PREFIXES + """
id:doc a pkg:PolicyDocument ; dcterms:title "黑龙江省数字经济促进条例" .
id:p a pkg:Provision ; pkg:inDocument id:doc ; pkg:provisionLevel <https://w3id.org/policykg/vocab/provision-level/paragraph> .
id:s a pkg:Sentence ; pkg:inProvision id:p ; pkg:text "县级以上人民政府应当……发挥政府投资基金引导作用。" ;
    pkg:startOffset 10 ; pkg:endOffset 40 .
id:a a pkg:GovernmentBody , pkg:GenericActor ; skos:prefLabel "黑龙江省县级以上人民政府"@zh .
id:m a pkg:Measure ; pkg:sourceSentence id:s ; pkg:startOffset 10 ; pkg:endOffset 40 ;
    pkg:modality mod:obligation ; pkg:agent id:a ; pkg:usesInstrument inst:government-investment-fund .
inst:government-investment-fund pkg:rzCategory rz:supply ; pkg:instrumentType pkg:Fund .
id:t a pkg:Target ; pkg:sourceSentence id:s ; pkg:startOffset 1 ; pkg:endOffset 5 ;
    pkg:metric "智算规模" ; pkg:value "25"^^xsd:decimal ; pkg:unit "EFLOPS" ; pkg:targetYear "2027"^^xsd:gYear .
"""


def test_shacl_accepts_a_conforming_graph():
    conforms, _, text = _shacl(_GOOD)
    assert conforms, text


def test_shacl_rejects_a_broken_graph_with_the_expected_messages():
    broken = _GOOD.replace("pkg:modality mod:obligation ;", "").replace('pkg:unit "EFLOPS" ;', "")
    broken = broken.replace("id:a a pkg:GovernmentBody , pkg:GenericActor", "id:a a pkg:Actor")
    conforms, _, text = _shacl(broken)
    assert not conforms
    assert "A measure has exactly one modality" in text
    assert "A target needs a unit." in text
    assert "An actor needs a type" in text


def test_every_ontology_term_the_code_uses_exists():
    """Scan the code, queries and notebooks for pkg: terms and PKG.X attributes."""
    declared = {str(s)[len(PKG):] for s in load_graph().all_nodes() if str(s).startswith(PKG)}
    used = set()
    files = [p for d in ("policykg", "extract", "graph", "viz", "notebooks") for p in (ROOT / d).rglob("*")
             if p.suffix in (".py", ".rq", ".cypher", ".ipynb", ".md") and "namespace.py" not in p.name]
    assert files
    for f in files:
        text = f.read_text(encoding="utf-8")
        used |= set(re.findall(r"\bpkg:([A-Za-z_][A-Za-z0-9_]*)", text))
        used |= set(re.findall(r"\bPKG\.([A-Za-z_][A-Za-z0-9_]*)", text))
    assert used, "no ontology terms found in the code"
    assert sorted(used - declared) == []
