"""The library's front door for notebooks and scripts: texts or files in, records and graphs out.

>>> doc = run("第五条 省人民政府应当设立人工智能产业投资基金。", path="demo.txt",
...           front={"title": "江苏省人工智能促进条例"})
>>> [(r.kind, r.label) for r in doc.records() if r.kind in ("actor", "measure")]
[('actor', '江苏省人民政府'), ('measure', '江苏省人民政府 · 义务 · 设立')]
>>> g = graph_of_texts({"demo-a": DEMO_A})
>>> g.counts()["Measure"]
6
"""

from __future__ import annotations

from policykg.build import build
from policykg.extract.pipeline import Pipeline, run
from policykg.graph.analysis import (
    DEMO_A,
    DEMO_B,
    co_agency_network,
    co_issuance_network,
    department_centrality,
    instrument_mix,
    load_build,
    measures_frame,
    projection,
)
from policykg.graph.kg import document_graph
from policykg.graph.property import PGraph, to_property_graph
from policykg.graph.tables import load_tables

__all__ = ["run", "Pipeline", "build", "graph_of_texts", "load_build", "projection", "measures_frame",
           "co_issuance_network", "co_agency_network", "instrument_mix", "department_centrality", "load_tables",
           "DEMO_A", "DEMO_B"]


def graph_of_texts(texts: dict[str, str]) -> PGraph:
    """Run the whole pipeline on in-memory texts (``{doc_id: text}``) and return the property graph."""
    kgs = []
    for doc_id, text in texts.items():
        doc = run(text, path=f"{doc_id}.txt", doc_id=doc_id)
        kgs.append(document_graph(doc, list(doc.records())))
    return to_property_graph(kgs)
