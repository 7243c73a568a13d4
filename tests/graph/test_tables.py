"""Tidy tables of a build (graph/tables.py): ``policykg export tables`` and ``policykg.load_tables``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from policykg.cli import cli

#: tables whose rows carry the evidence columns
STATEMENTS = ("measures", "targets", "parameters", "statistics", "sanctions", "citations")
#: table → the key label of its nodes in the graph
NODE_TABLES = {"documents": "PolicyDocument", "provisions": "Provision", "sentences": "Sentence", "actors": "Actor",
               "instruments": "PolicyInstrument", "domains": "Domain", "measures": "Measure", "targets": "Target",
               "parameters": "Parameter", "statistics": "Statistic", "sanctions": "Sanction"}


def _export(*args: str):
    return CliRunner().invoke(cli, ["export", "tables", *args], catch_exceptions=False)


@pytest.fixture(scope="module")
def exported(seed_build, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("tables") / "tables"
    r = _export(str(seed_build), "-o", str(out))
    assert r.exit_code == 0, r.output
    assert r.output.strip() == f"tables: 25 file(s) → {out}"
    return out


@pytest.fixture(scope="module")
def tables(exported):
    from policykg.graph.tables import read_tables
    return read_tables(exported)


def test_row_counts_equal_the_builds_counts(tables, seed_build):
    import policykg
    m = json.loads((seed_build / "manifest.json").read_text(encoding="utf-8"))
    c, nodes = m["counts"], m["node_counts"]
    assert {k: len(tables[k]) for k in ("documents", "actors", "instruments", "domains", "targets", "statistics")} \
        == {k: c[k] for k in ("documents", "actors", "instruments", "domains", "targets", "statistics")}
    assert tables["measures"]["id"].nunique() == c["measures"] == 757          # one row per measure × agent
    assert len(tables["provisions"]) == nodes["Provision"] and len(tables["sentences"]) == nodes["Sentence"]
    assert len(tables["parameters"]) == nodes.get("Parameter", 0) == 2
    assert len(tables["sanctions"]) == nodes.get("Sanction", 0) == 0
    cites = tables["citations"][~tables["citations"]["self_reference"]]
    assert len(cites[["doc", "cited"]].drop_duplicates()) == c["cited documents"]
    # policykg.load_tables on the build (no export inside it) makes the same tables in memory
    import pandas as pd
    fresh = policykg.load_tables(seed_build)
    assert list(fresh) == list(tables)
    for name in tables:
        pd.testing.assert_frame_equal(fresh[name], tables[name])


def test_ids_are_the_graphs_node_ids(tables, seed_graph):
    for table, key in NODE_TABLES.items():
        graph_ids = {n.id for n in seed_graph.nodes.values() if n.key == key and not n.props.get("cited")}
        assert set(tables[table]["id"]) == graph_ids, table
    cited = {r.dst for r in seed_graph.rels if r.type == "CITES"}
    assert set(tables["citations"]["cited"]) - {f"document:{d}" for d in tables["documents"]["doc"]} == cited


def test_every_evidence_span_is_the_text_of_its_sentence(tables, seed_build):
    """``text`` is ``sentence_text`` sliced at the offsets, and the document's text sliced at them."""
    texts = {d["id"]: d["text"] for d in map(json.loads, (seed_build / "documents.jsonl").open(encoding="utf-8"))}
    sentences = tables["sentences"].set_index("id")
    n = 0
    for table in STATEMENTS:
        for r in tables[table].itertuples():
            s = sentences.loc[r.sentence]
            assert s["doc"] == r.doc and s["provision"] == r.provision and s["text"] == r.sentence_text
            assert s["text"][r.start - s["start"]:r.end - s["start"]] == r.text == texts[r.doc][r.start:r.end]
            n += 1
    assert n == 757 + 13 + 2 + 117 + 58


def test_exact_rows_of_the_seeds(tables):
    params = tables["parameters"].sort_values("value", ascending=False)
    assert params[["instrument_id", "instrument", "instrument_text", "parameter_type", "value", "unit", "doc",
                   "text"]].values.tolist() == [
        ["inst:subsidy", "补贴", "补助", "cap", 300.0, "万元", "huaxin-report-2025", "300万元"],
        ["inst:subsidy", "补贴", "补助", "cap", 30.0, "万元", "huaxin-report-2025", "30万元"]]
    cap = params.iloc[0]
    assert (cap["id"], cap["provision"], cap["start"], cap["end"]) == (
        "parameter:huaxin-report-2025/b1cc9455b8", "provision:huaxin-report-2025/pt3/it3/box8/p1/en2", 17833, 17838)
    assert "给予最高300万元补助" in cap["sentence_text"]
    m = tables["measures"]
    fund = m[m["instrument_ids"].fillna("").str.contains("inst:government-investment-fund")
             & (m["doc"] == "heilongjiang-2024")]
    row = fund.iloc[0]
    assert (row["agent_id"], row["agent"], row["agent_level"], row["agent_class"], row["modality"],
            row["modality_label"], row["cue"], row["jurisdiction"]) == (
        "actor:heilongjiang/county-and-above-government", "黑龙江省县级以上人民政府", "county-and-above",
        "GovernmentBody", "obligation", "义务", "应当", "heilongjiang")
    target = tables["targets"].set_index("metric").loc["智算规模"]
    assert (target["value"], target["unit"], target["year"], target["doc"]) == (25.0, "EFLOPS", 2027, "jiangsu-2025")
    inst = tables["instruments"].set_index("id").loc["inst:subsidy"]
    assert (inst["label"], inst["category"], inst["category_label"], inst["parameters"]) == ("补贴", "supply", "供给型", 2)
    docs = tables["documents"].set_index("doc")
    assert docs.loc["jiangsu-2025", "jurisdiction_label"] == "江苏省" and docs["provisions"].sum() == 682


def test_csv_is_the_same_table(exported, tables):
    import pandas as pd
    csv = pd.read_csv(exported / "measures.csv", encoding="utf-8-sig")
    assert list(csv.columns) == list(tables["measures"].columns)
    assert csv["id"].tolist() == tables["measures"]["id"].tolist()
    assert (exported / "measures.csv").read_bytes()[:3] == b"\xef\xbb\xbf"        # Excel reads it as UTF-8


def test_load_tables_reads_a_current_export_and_ignores_a_stale_one(seed_build, tmp_path):
    import pandas as pd

    import policykg
    build = tmp_path / "build"
    shutil.copytree(seed_build, build, symlinks=True)
    before = sorted(p.name for p in build.iterdir())
    assert len(policykg.load_tables(build)["measures"]) == 757
    assert sorted(p.name for p in build.iterdir()) == before               # made in memory: nothing written
    r = _export(str(build), "--format", "parquet")
    assert r.exit_code == 0 and r.output.strip() == f"tables: 13 file(s) → {build / 'tables'}"
    one = pd.read_parquet(build / "tables" / "measures.parquet").head(1)
    one.to_parquet(build / "tables" / "measures.parquet", index=False)
    assert len(policykg.load_tables(build)["measures"]) == 1                 # the export is read
    stamp = json.loads((build / "tables" / "tables.json").read_text(encoding="utf-8"))
    stamp["built"] = "2000-01-01T00:00:00+0000"                              # as if the build changed since
    (build / "tables" / "tables.json").write_text(json.dumps(stamp), encoding="utf-8")
    assert len(policykg.load_tables(build)["measures"]) == 757


def test_formats_and_replacing_an_export(seed_build, tmp_path):
    out = tmp_path / "t"
    assert _export(str(seed_build), "-o", str(out), "--format", "csv").exit_code == 0
    assert sorted(p.suffix for p in out.iterdir()) == [".csv"] * 12 + [".json"]
    assert _export(str(seed_build), "-o", str(out), "--format", "parquet").exit_code == 0
    assert sorted(p.suffix for p in out.iterdir()) == [".json"] + [".parquet"] * 12
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t"]               # no temporary folder left


def test_one_line_errors(tmp_path, seed_build):
    r = _export(str(tmp_path / "nope"), "-o", str(tmp_path / "t"))
    assert r.exit_code == 1 and r.output == \
        f"error: {tmp_path / 'nope'}: no such build directory (run 'policykg build PATHS -o DIR')\n"
    blocker = tmp_path / "file"
    blocker.write_text("x")
    r = _export(str(seed_build), "-o", str(blocker / "tables"))
    assert r.exit_code == 1 and r.output.startswith(f"error: {blocker / 'tables'}: cannot write the tables (")
    assert r.output.endswith("); nothing was written\n") and r.output.count("\n") == 1
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep")
    r = _export(str(seed_build), "-o", str(mine))
    assert r.exit_code == 1 and r.output == \
        f"error: {mine}: is a non-empty folder that is not a tables export; choose another -o\n"
    assert [p.name for p in mine.iterdir()] == ["notes.txt"]
    r = CliRunner().invoke(cli, ["export", "gexf", str(seed_build), "--format", "csv"])
    assert r.exit_code == 1 and "--format chooses the files of 'export tables'" in r.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "mine"]
