"""One document's graph, made from its records alone."""

from __future__ import annotations

import pytest

from policykg.extract.pipeline import run
from policykg.extract.records import record_from_json
from policykg.graph.kg import KG, document_graph, iri

TEXT = ("第十条 省人民政府应当设立人工智能产业投资基金。\n"
        "第十一条 省发展改革委、省财政厅应当发放算力券，降低企业用算成本。")


@pytest.fixture(scope="module")
def doc():
    return run(TEXT, path="jiangsu-demo.txt", front={"title": "江苏省人工智能促进条例", "issuer": "江苏省人民政府"})


def test_graph_from_json_records_equals_graph_from_typed_records(doc):
    typed = list(doc.records())
    again = [record_from_json(r.to_json()) for r in typed]
    assert document_graph(doc, typed).to_json() == document_graph(doc, again).to_json()


def test_issuers_come_from_the_document_not_from_re_extraction(doc):
    kg = document_graph(doc, [])
    issued = [(e.src, e.dst) for e in kg.edges if e.prop == "pkg:issued"]
    assert issued == [(iri("id:actor/jiangsu/government"), iri("id:document/jiangsu-demo"))]


def test_measure_edges(doc):
    kg = document_graph(doc, list(doc.records()))
    uses = sorted((e.src.rsplit("/", 1)[-1], e.dst.rsplit("/", 1)[-1]) for e in kg.edges if e.prop == "pkg:uses")
    assert uses == [("development-reform", "compute-voucher"), ("finance-department", "compute-voucher"),
                    ("government", "industry-development-fund")]
    via = {e.attrs["via"] for e in kg.edges if e.prop == "pkg:uses"}
    # one measure record per agent: 省发展改革委 and 省财政厅 each have their own
    assert len(via) == 3 and all(v.startswith(iri("id:measure/jiangsu-demo/")) for v in via)


def test_kg_json_round_trip(doc):
    kg = document_graph(doc, list(doc.records()))
    assert KG.from_json(kg.to_json()).to_json() == kg.to_json()
