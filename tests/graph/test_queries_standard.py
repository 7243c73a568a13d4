"""The saved SPARQL queries on a plain SPARQL 1.1 store: empty default graph, one named graph per document.

A standard endpoint (Fuseki, GraphDB, ``oxigraph serve`` without ``--union-default-graph``,
SPARQLWrapper against any of them) does not merge the named graphs into the default graph and
predeclares no prefixes.  Every saved ``.rq`` names its graphs (``GRAPH ?g``, the ontology graph)
and declares its prefixes, so it gives the same rows there as ``policykg query`` does.
"""

from __future__ import annotations

import re
import threading

import pytest

from policykg.graph.query import run_saved, saved_queries, saved_query_text
from policykg.graph.stores import _evaluate

ONTOLOGY_GRAPH = "https://w3id.org/policykg/id/graph/ontology"


@pytest.fixture(scope="module")
def store(seed_build):
    import pyoxigraph as ox
    return ox.Store.read_only(str(seed_build / "oxigraph"))


def _rows(store, text: str, *, union: bool) -> tuple[list[str], list[list]]:
    """Rows as a standard endpoint gives them: no predeclared prefixes; union default graph or not."""
    return _evaluate(store.query(text, use_default_graph_as_union=union), threading.Event())


@pytest.mark.parametrize("name", sorted(saved_queries()))
def test_saved_query_gives_the_same_rows_on_a_standard_store(seed_build, store, name):
    text = saved_query_text(name, "sparql")
    cols, standard = _rows(store, text, union=False)
    union_cols, union = _rows(store, text, union=True)
    assert standard, f"{name}: no rows on a store whose default graph is empty"
    assert (cols, _sorted(standard)) == (union_cols, _sorted(union))
    # … and the same as `policykg query` (union default graph, predeclared prefixes)
    saved_cols, saved = run_saved(seed_build, name, "sparql")
    assert (saved_cols, _sorted(saved)) == (cols, _sorted(standard))


def _sorted(rows: list[list]) -> list[str]:
    """Rows as a sorted list (ORDER BY leaves the order of ties to the engine)."""
    return sorted(map(repr, rows))


def test_every_saved_query_names_its_graphs_and_declares_its_prefixes():
    for name in saved_queries():
        text = saved_query_text(name, "sparql")
        body = text[text.index("{"):]
        assert "GRAPH" in body, name
        declared = set(re.findall(r"^PREFIX\s+(\w*):", text, re.M))
        used = set(re.findall(r"(?<![\w?$<#/])([A-Za-z]\w*):\w", re.sub(r"<[^>]*>|\"[^\"]*\"|#[^\n]*", "", body)))
        assert used <= declared, f"{name}: undeclared prefixes {sorted(used - declared)}"


def test_an_empty_default_graph_holds_nothing(store):
    """The premise: what the saved queries find, they find in named graphs."""
    assert not bool(store.query("ASK { ?s ?p ?o }"))
    graphs = {g.value for g in store.named_graphs()}
    assert ONTOLOGY_GRAPH in graphs and "https://w3id.org/policykg/id/graph/jiangsu-2025" in graphs


def _dicts(store, name):
    cols, rows = _rows(store, saved_query_text(name, "sparql"), union=False)
    return [dict(zip(cols, r, strict=True)) for r in rows]


def test_exact_rows_issuers(store):
    assert [(r["issuer"], r["doc"], r["date"]) for r in _dicts(store, "issuers")] == [
        ("华信咨询设计研究院有限公司", "huaxin-report-2025", "2025-12-30"),
        ("安徽省人民代表大会常务委员会", "anhui-2025", "2025-07-12"),
        ("江苏省人民政府办公厅", "jiangsu-2025", "2025-04-11"),
        ("黑龙江省人民代表大会常务委员会", "heilongjiang-2024", "2024-12-19")]


def test_exact_rows_vouchers_and_parameters(store):
    """Only the national report names vouchers and a capped subsidy; it has no jurisdiction (None)."""
    report = "“十五五”区域数字经济发展研究报告"
    assert _dicts(store, "voucher-use") == [{"province": None, "document": report, "instrument": "算力券"},
                                            {"province": None, "document": report, "instrument": "算法券"}]
    params = [(r["instrument"], r["type"], r["value"], r["unit"], r["per"], r["province"], r["document"])
              for r in _dicts(store, "instrument-parameters")]
    assert params == [("补贴", "cap", 30, "万元", None, None, report), ("补贴", "cap", 300, "万元", None, None, report)]


def test_exact_rows_role_across_provinces(store):
    assert [tuple(r.values()) for r in _dicts(store, "role-across-provinces")] == [
        ("安徽省", "义务", 1), ("黑龙江省", "义务", 83), ("黑龙江省", "倡导", 20), ("黑龙江省", "授权", 2)]


def test_exact_rows_jiangsu_2027_compute_target(store):
    """One target, two domains: one row per domain (OPTIONAL lookups stay within the target's graph)."""
    rows = [r for r in _dicts(store, "targets-2027") if r["metric"] == "智算规模"]
    assert [tuple(r.values()) for r in rows] == [
        ("智能算力", "江苏省", "智算规模", "gt", 25, "EFLOPS", None, "jiangsu-2025"),
        ("算力基础设施", "江苏省", "智算规模", "gt", 25, "EFLOPS", None, "jiangsu-2025")]
