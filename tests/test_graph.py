"""The graph: triples, stores, saved queries in two languages, incremental rebuilds, SHACL."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from policykg.cli import cli
from policykg.build import OUTPUTS, build
from policykg.graph.query import run_cypher, run_saved, run_sparql, saved_queries

PKG = "https://w3id.org/policykg/ontology#"


def test_build_writes_every_output_with_the_expected_counts(seed_build):
    for name in OUTPUTS:
        assert (seed_build / name).exists(), name
    m = json.loads((seed_build / "manifest.json").read_text(encoding="utf-8"))
    assert m["counts"] == {"documents": 4, "actors": 102, "instruments": 109, "domains": 104, "measures": 363,
                           "targets": 13, "statistics": 116, "cited documents": 55, "triples": 50443,
                           "nodes": 5919, "relationships": 16581}
    assert sorted(d["id"] for d in m["documents"]) == ["anhui-2025", "heilongjiang-2024", "huaxin-report-2025",
                                                       "jiangsu-2025"]
    assert not list(seed_build.glob(".tmp-*"))                    # nothing half-written left behind


def test_one_named_graph_per_document(seed_build):
    graphs = {}
    with (seed_build / "kg.nq").open(encoding="utf-8") as fh:
        for line in fh:
            g = line.rstrip(" .\n").rsplit(" ", 1)[-1]
            graphs[g] = graphs.get(g, 0) + 1
    docs = {g for g in graphs if g.startswith("<https://w3id.org/policykg/id/graph/")}
    assert {g.rsplit("/", 1)[-1].rstrip(">") for g in docs} == {"anhui-2025", "heilongjiang-2024",
                                                                 "huaxin-report-2025", "jiangsu-2025", "ontology"}
    assert sum(graphs.values()) == 50443
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
    assert len(ttl) == len(merged) == 50271


def test_jiangsu_2027_compute_target(seed_build):
    cols, rows = run_saved(seed_build, "targets-2027")
    row = [dict(zip(cols, r)) for r in rows if r[cols.index("metric")] == "智算规模"]
    assert row and row[0]["value"] == 25 and row[0]["unit"] == "EFLOPS" and row[0]["doc"] == "jiangsu-2025"
    assert row[0]["province"] == "江苏省"


def test_heilongjiang_obliges_county_governments_to_use_government_investment_funds(seed_build):
    cols, rows = run_sparql(seed_build, """
        SELECT ?actor ?text WHERE {
          ?m pkg:modality mod:obligation ; pkg:agent ?a ; pkg:usesInstrument inst:government-investment-fund ;
             pkg:sourceSentence ?s .
          ?a skos:prefLabel ?actor . ?s pkg:text ?text ; pkg:inDocument/dcterms:identifier "heilongjiang-2024" .
        }""")
    assert ["黑龙江省县级以上人民政府"] == sorted({r[0] for r in rows})
    assert all("政府投资基金" in r[1] for r in rows)
    # the convenience edge exists and points back to the measures it is derived from
    _, uses = run_cypher(seed_build, """
        MATCH (a:Actor)-[u:USES]->(i:PolicyInstrument {id: 'inst:government-investment-fund'})
        WHERE a.label = '黑龙江省县级以上人民政府' RETURN u.weight, u.docs""")
    assert uses and uses[0][0] >= 1 and uses[0][1] == ["heilongjiang-2024"]


def test_every_edge_leads_back_to_its_sentence_and_characters(seed_build):
    """PROV: a measure's sentence, provision and offsets reproduce the text of the source file."""
    cols, rows = run_sparql(seed_build, """
        SELECT ?m ?text ?start ?end ?stext ?prov WHERE {
          ?m a pkg:Measure ; pkg:text ?text ; pkg:startOffset ?start ; pkg:endOffset ?end ;
             pkg:sourceSentence ?s ; pkg:sourceProvision ?prov . ?s pkg:text ?stext .
        }""")
    assert len(rows) == 363
    docs = {json.loads(line)["id"]: json.loads(line) for line in (seed_build / "documents.jsonl").open()}
    for m, text, start, end, stext, prov in rows:
        doc = docs[m.split(":", 1)[1].split("/")[0]]
        assert doc["text"][start:end] == text
        assert text in stext
        assert prov.startswith(f"provision:{doc['id']}/")


def test_saved_queries_are_non_empty_and_agree_across_sparql_and_cypher(seed_build):
    queries = saved_queries()
    assert len(queries) >= 12
    for name, q in queries.items():
        assert q.languages == ("sparql", "cypher"), name
        s_cols, s_rows = run_saved(seed_build, name, "sparql")
        c_cols, c_rows = run_saved(seed_build, name, "cypher")
        assert s_rows, name
        assert len(s_cols) == len(c_cols), name
        assert sorted(map(repr, s_rows)) == sorted(map(repr, c_rows)), name


def test_specific_rows_of_saved_queries(seed_build):
    def rows(name):
        cols, rs = run_saved(seed_build, name)
        return [dict(zip(cols, r)) for r in rs]
    vouchers = rows("voucher-use")          # only the national report names vouchers (算力券 in Shanghai, …)
    assert {(r["province"], r["instrument"]) for r in vouchers} == {(None, "算力券"), (None, "算法券")}
    issuers = {(r["doc"], r["issuer"], r["date"]) for r in rows("issuers")}
    assert issuers == {("jiangsu-2025", "江苏省人民政府办公厅", "2025-04-11"),
                       ("heilongjiang-2024", "黑龙江省人民代表大会常务委员会", "2024-12-19"),
                       ("anhui-2025", "安徽省人民代表大会常务委员会", "2025-07-12"),
                       ("huaxin-report-2025", "华信咨询设计研究院有限公司", "2025-12-30")}
    mix = {(r["province"], r["category"]) for r in rows("instruments-by-province")}
    assert {("黑龙江省", "供给型"), ("黑龙江省", "环境型"), ("江苏省", "需求型")} <= mix


def test_gephi_and_neo4j_import_files(seed_build, seed_graph):
    import networkx as nx
    G = nx.read_graphml(seed_build / "kg.graphml")
    analytic = {"PolicyDocument", "Actor", "PolicyInstrument", "Domain", "Region", "Concept", "Measure", "Target",
                "Statistic"}
    assert G.number_of_nodes() == sum(1 for n in seed_graph.nodes.values() if n.key in analytic)
    assert G.nodes["actor:heilongjiang/county-and-above-government"]["label"] == "黑龙江省县级以上人民政府"
    gexf = nx.read_gexf(seed_build / "kg.gexf")
    assert gexf.number_of_nodes() == G.number_of_nodes()
    actors = seed_build / "neo4j-import" / "nodes_Actor.csv"
    with actors.open(encoding="utf-8") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        assert header[:2] == ["id:ID", ":LABEL"]
        assert sum(1 for _ in reader) == 102
    assert "neo4j-admin database import full" in (seed_build / "neo4j-import" / "import.sh").read_text()


def test_shacl_validation_of_the_seed_build_passes(seed_build):
    from policykg.graph.validate import validate_build
    assert validate_build(seed_build) == []
    r = CliRunner().invoke(cli, ["validate", str(seed_build)])
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


# --- incremental rebuilds ------------------------------------------------------------------------

def test_rebuild_redoes_only_changed_files_and_drops_removed_ones(tmp_path, seeds_dir):
    src = tmp_path / "docs"
    shutil.copytree(seeds_dir, src)
    out = tmp_path / "build"
    first = build([src], out)
    assert (first.extracted, first.reused, len(first.documents)) == (4, 0, 4)
    again = build([src], out)
    assert (again.extracted, again.reused) == (0, 4)
    assert again.counts == first.counts
    # change one file: only it is re-read
    hlj = src / "heilongjiang-2024.txt"
    hlj.write_text(hlj.read_text(encoding="utf-8") + "\n县级以上人民政府应当发放算力券。\n", encoding="utf-8")
    changed = build([src], out)
    assert (changed.extracted, changed.reused) == (1, 3)
    _, rows = run_sparql(out, """SELECT ?t WHERE { ?s pkg:text ?t ; pkg:inDocument/dcterms:identifier "heilongjiang-2024" .
                                 FILTER(CONTAINS(?t, "发放算力券")) }""")
    assert rows == [["县级以上人民政府应当发放算力券。"]]
    # remove one file: it disappears from every output
    (src / "jiangsu-2025.txt").unlink()
    removed = build([src], out)
    assert len(removed.documents) == 3 and removed.extracted == 0
    assert "jiangsu-2025" not in (out / "extractions.jsonl").read_text(encoding="utf-8")
    assert "jiangsu-2025" not in (out / "kg.nq").read_text(encoding="utf-8")
    _, rows = run_cypher(out, "MATCH (d:PolicyDocument {identifier: 'jiangsu-2025'}) RETURN d.id")
    assert rows == []
    assert len(list((out / ".cache").glob("*.json"))) == 6          # per file: extraction and graph


def test_build_refuses_a_foreign_folder_and_keeps_going_past_bad_files(tmp_path, seeds_dir):
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("my notes")
    r = CliRunner().invoke(cli, ["build", str(seeds_dir / "jiangsu-2025.txt"), "-o", str(foreign)])
    assert r.exit_code == 1 and "not a policykg build" in r.output
    assert (foreign / "notes.txt").read_text() == "my notes"
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(seeds_dir / "jiangsu-2025.txt", docs)
    (docs / "empty.txt").write_bytes(b"")
    (docs / "binary.txt").write_bytes(bytes(range(256)) * 8)
    r = CliRunner().invoke(cli, ["build", str(docs), "-o", str(tmp_path / "out")])
    assert r.exit_code == 1
    assert "empty.txt" in r.output and "binary.txt" in r.output
    assert "2 file(s) failed; the build holds the other 1" in r.output
    m = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert [d["id"] for d in m["documents"]] == ["jiangsu-2025"] and len(m["errors"]) == 2


def test_build_summary_table(tmp_path, seeds_dir):
    r = CliRunner().invoke(cli, ["build", str(seeds_dir), "-o", str(tmp_path / "b")])
    assert r.exit_code == 0, r.output
    for label, value in (("documents", "4"), ("actors", "102"), ("instruments", "109"), ("domains", "104"),
                         ("measures", "363"), ("targets", "13"), ("triples (N-Quads)", "50,443")):
        line = next(x for x in r.output.splitlines() if f" {label} " in x)
        assert line.split("│")[2].strip() == value, line
    assert "time" in r.output


# --- query commands ------------------------------------------------------------------------------

def test_sparql_and_cypher_commands_in_three_formats(seed_build, tmp_path):
    runner = CliRunner()
    q = "SELECT ?l WHERE { ?d a pkg:PolicyDocument ; dcterms:identifier ?l } ORDER BY ?l"
    r = runner.invoke(cli, ["sparql", str(seed_build), q, "--format", "csv"])
    assert r.exit_code == 0
    assert r.stdout.splitlines()[:5] == ["l", "anhui-2025", "heilongjiang-2024", "huaxin-report-2025", "jiangsu-2025"]
    f = tmp_path / "q.cypher"
    f.write_text("MATCH (t:Target) WHERE t.year = 2027 AND t.unit = 'EFLOPS' RETURN t.metric AS metric, t.value AS v")
    r = runner.invoke(cli, ["cypher", str(seed_build), "--file", str(f), "--format", "json"])
    assert r.exit_code == 0
    assert {"metric": "智算规模", "v": 25.0} in json.loads(r.stdout)
    r = runner.invoke(cli, ["query", str(seed_build), "issuers"])
    assert r.exit_code == 0 and "江苏省人民政府办公厅" in r.stdout
    r = runner.invoke(cli, ["query", "--list"])
    assert r.exit_code == 0 and "instruments-by-province" in r.stdout
    r = runner.invoke(cli, ["query", "--show", "targets-2027", "--lang", "cypher"])
    assert r.exit_code == 0 and r.stdout.startswith("MATCH")


@pytest.mark.parametrize("args, message", [
    (["sparql", "{build}", "SELEC ?x"], "SPARQL syntax error"),
    (["cypher", "{build}", "MATCH (x:Nope) RETURN x"], "Cypher query failed"),
    (["sparql", "{build}"], "give either a SPARQL query string or --file"),
    (["cypher", "{build}", "--file", "/nonexistent/q.cypher"], "no such file"),
    (["query", "{build}", "no-such-query"], "no saved query 'no-such-query'"),
    (["sparql", "/nonexistent/build", "SELECT * {}"], "no such build directory"),
    (["validate", "/nonexistent/build"], "not a policykg build directory"),
])
def test_query_errors_are_one_line(seed_build, args, message):
    r = CliRunner().invoke(cli, [a.replace("{build}", str(seed_build)) for a in args])
    assert r.exit_code == 1 and r.output.startswith("error: ") and message in r.output, r.output
    assert "Traceback" not in r.output


def test_analysis_helpers_on_the_seeds(seed_graph):
    from policykg.graph.analysis import department_centrality, instrument_mix, measures_frame
    mix = instrument_mix(seed_graph)
    assert list(mix.columns) == ["supply", "environment", "demand"]
    assert mix.loc["黑龙江省"].sum() > 0 and mix.loc["江苏省", "demand"] > 0
    df = measures_frame(seed_graph)
    assert len(df) == 363 and set(df["modality"]) == {"obligation", "authorization", "encouragement", "prohibition"}
    cent = department_centrality(seed_graph)
    assert cent["measures"].min() >= 1 and (cent["betweenness"] >= 0).all()
    assert "黑龙江省县级以上人民政府" in cent.index
