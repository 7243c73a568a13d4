"""N-Quads with one named graph per document, and Turtle and JSON-LD from them (graph/rdf.py)."""

from __future__ import annotations

import gzip
import json

import pytest

from policykg.extract.pipeline import run
from policykg.graph.kg import document_graph
from policykg.graph.rdf import kg_quads

TEXT = ("第十条 省人民政府应当设立人工智能产业投资基金。\n"
        "第十一条 省发展改革委、省财政厅应当发放算力券，降低企业用算成本。")
_MENTIONS = "<https://w3id.org/policykg/ontology#mentions>"


def test_one_named_graph_per_document(seed_build):
    graphs = {}
    with gzip.open(seed_build / "kg.nq.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            g = line.rstrip(" .\n").rsplit(" ", 1)[-1]
            graphs[g] = graphs.get(g, 0) + 1
    docs = {g for g in graphs if g.startswith("<https://w3id.org/policykg/id/graph/")}
    assert {g.rsplit("/", 1)[-1].rstrip(">") for g in docs} == {"anhui-2025", "heilongjiang-2024",
                                                                 "huaxin-report-2025", "jiangsu-2025", "ontology"}
    assert sum(graphs.values()) == 39369
    lines = gzip.decompress((seed_build / "kg.nq.gz").read_bytes()).decode("utf-8").splitlines()
    assert len(set(lines)) == len(lines)                          # no statement twice in one graph


def test_turtle_and_jsonld_hold_the_same_statements_as_the_nquads(seed_build):
    import rdflib
    quads = rdflib.Dataset()
    with gzip.open(seed_build / "kg.nq.gz") as f:                   # kg.nq.gz: read as a stream
        quads.parse(source=f, format="nquads")
    jsonld = rdflib.Dataset()
    jsonld.parse(seed_build / "kg.jsonld", format="json-ld")
    all_quads = set(quads.quads((None, None, None, None)))
    assert set(jsonld.quads((None, None, None, None))) == all_quads and len(all_quads) > 30000
    merged = {(s, p, o) for s, p, o, _ in quads.quads((None, None, None, None))}
    ttl = rdflib.Graph().parse(seed_build / "kg.ttl")
    assert len(ttl) == len(merged) == 39040


@pytest.fixture(scope="module")
def kg():
    doc = run(TEXT, path="jiangsu-demo.txt", front={"title": "江苏省人工智能促进条例", "issuer": "江苏省人民政府"})
    return document_graph(doc, list(doc.records()))


def _short(quad: str) -> tuple[str, str]:
    s, _, o, _ = quad.split(" ", 3)
    return s.rsplit("/", 3)[-3] if "/sentence/" in s else s, o.removeprefix("<https://w3id.org/policykg/")[:-1]


def test_a_document_graph_states_which_sentence_names_what_not_each_span(kg):
    quads = list(kg_quads(kg))
    assert not [q for q in quads if "/id/mention/" in q or "#denotes>" in q or "#Mention>" in q]
    assert [_short(q) for q in quads if f" {_MENTIONS} " in q] == [
        ("art10", "id/actor/jiangsu/government"), ("art10", "vocab/instrument/industry-development-fund"),
        ("art11", "id/actor/jiangsu/government/development-reform"),
        ("art11", "id/actor/jiangsu/government/finance-department"), ("art11", "id/actor/role/enterprise"),
        ("art11", "vocab/instrument/compute-voucher")]
    spans = [n for n in kg.nodes.values() if "Mention" in n.classes]
    assert len(spans) == 6 and len(quads) == 140


def test_full_mentions_add_every_span_with_its_offsets_and_nothing_else(kg):
    summary, full = list(kg_quads(kg)), list(kg_quads(kg, "full"))
    extra = [q for q in full if q not in set(summary)]
    assert set(summary) <= set(full) and len(extra) == 6 * 7          # type, offsets, text, denotes, sources
    assert all(q.startswith("<https://w3id.org/policykg/id/mention/jiangsu-demo/") for q in extra)
    assert sum("#denotes>" in q for q in extra) == sum("#startOffset>" in q for q in extra) == 6
    with pytest.raises(ValueError, match="summary, full"):
        list(kg_quads(kg, "spans"))


@pytest.mark.slow
def test_rdf_mentions_is_a_build_setting_kept_until_changed(tmp_path, seeds_dir):
    """``--rdf-mentions full`` writes the spans; a rebuild keeps the setting; switching it redoes the RDF
    from the cache and gives the cold build's kg.nq; voucher-use answers the same in both."""
    from click.testing import CliRunner

    from policykg.build import build
    from policykg.cli import cli
    from policykg.graph.query import run_saved
    files = [seeds_dir / "huaxin-report-2025.txt"]
    out, cold = tmp_path / "b", tmp_path / "cold"
    r = CliRunner().invoke(cli, ["build", str(files[0]), "-o", str(out), "--rdf-mentions", "full", "--json"])
    assert r.exit_code == 0, r.output
    nq = gzip.decompress((out / "kg.nq.gz").read_bytes()).decode("utf-8")
    assert "#denotes> <https://w3id.org/policykg/" in nq and f" {_MENTIONS} " in nq
    assert json.loads((out / "manifest.json").read_text())["options"]["rdf_mentions"] == "full"
    full_rows = run_saved(out, "voucher-use")[1]
    assert build(files, out).unchanged                                     # the setting is kept
    again = build(files, out, rdf_mentions="summary")
    assert not again.unchanged and again.extracted == 0 and not again.incremental
    build(files, cold)
    assert (out / "kg.nq.gz").read_bytes() == (cold / "kg.nq.gz").read_bytes()
    assert b"/id/mention/" not in gzip.decompress((out / "kg.nq.gz").read_bytes())
    assert run_saved(out, "voucher-use")[1] == full_rows == [[None, "“十五五”区域数字经济发展研究报告", "算力券"],
                                                            [None, "“十五五”区域数字经济发展研究报告", "算法券"]]
    r = CliRunner().invoke(cli, ["build", str(files[0]), "-o", str(out), "--rdf-mentions", "spans"])
    assert r.exit_code == 2 and "'spans' is not one of 'summary', 'full'" in r.output
