"""The command line (policykg/cli.py): build, query commands and their one-line errors.

``policykg ingest`` is tested in test_cli_ingest.py, ``validate`` beside the validation
(graph/test_validate.py), ``load`` beside the Bolt loader (test_neo4j.py).
"""

import json
import shlex
import shutil

import pytest
from click.testing import CliRunner

from policykg.cli import cli


@pytest.mark.slow                      # a real build (stores, exports) of one seed
def test_build_refuses_a_foreign_folder_and_keeps_going_past_bad_files(tmp_path, seeds_dir):
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("my notes")
    r = CliRunner().invoke(cli, ["build", str(seeds_dir / "jiangsu-2025.txt"), "-o", str(foreign)],
                           catch_exceptions=False)
    assert r.exit_code == 1 and "not a policykg build" in r.output
    assert (foreign / "notes.txt").read_text() == "my notes"
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(seeds_dir / "jiangsu-2025.txt", docs)
    (docs / "empty.txt").write_bytes(b"")
    (docs / "binary.txt").write_bytes(bytes(range(256)) * 8)
    r = CliRunner().invoke(cli, ["build", str(docs), "-o", str(tmp_path / "out")], catch_exceptions=False)
    assert r.exit_code == 1
    assert "empty.txt" in r.output and "binary.txt" in r.output
    assert "2 file(s) failed; the build holds the other 1" in r.output
    m = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert [d["id"] for d in m["documents"]] == ["jiangsu-2025"] and len(m["errors"]) == 2


def test_build_summary_table(seed_build_copy, seeds_dir):
    """The table after a build (here a rebuild of the shared seed build, which re-reads no file)."""
    r = CliRunner().invoke(cli, ["build", str(seeds_dir), "-o", str(seed_build_copy)], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    for label, value in (("documents", "4"), ("actors", "176"), ("instruments", "117"), ("domains", "106"),
                         ("measures", "757"), ("targets", "13"), ("triples (N-Quads)", "39,369")):
        line = next(x for x in r.output.splitlines() if f" {label} " in x)
        assert line.split("│")[2].strip() == value, line
    assert "time" in r.output


def test_sparql_and_cypher_commands_in_three_formats(seed_build, tmp_path):
    runner = CliRunner()

    def invoke(args):
        return runner.invoke(cli, args, catch_exceptions=False)
    q = "SELECT ?l WHERE { ?d a pkg:PolicyDocument ; dcterms:identifier ?l } ORDER BY ?l"
    r = invoke(["sparql", str(seed_build), q, "--format", "csv"])
    assert r.exit_code == 0
    assert r.stdout.splitlines()[:5] == ["l", "anhui-2025", "heilongjiang-2024", "huaxin-report-2025", "jiangsu-2025"]
    f = tmp_path / "q.cypher"
    f.write_text("MATCH (t:Target) WHERE t.year = 2027 AND t.unit = 'EFLOPS' RETURN t.metric AS metric, t.value AS v")
    r = invoke(["cypher", str(seed_build), "--file", str(f), "--format", "json"])
    assert r.exit_code == 0
    assert {"metric": "智算规模", "v": 25.0} in json.loads(r.stdout)
    r = invoke(["query", str(seed_build), "issuers"])
    assert r.exit_code == 0 and "江苏省人民政府办公厅" in r.stdout
    r = invoke(["query", "--list"])
    assert r.exit_code == 0 and "instruments-by-province" in r.stdout
    r = invoke(["query", "--show", "targets-2027", "--lang", "cypher"])
    assert r.exit_code == 0 and r.stdout.startswith("MATCH")


NARROW = {"COLUMNS": "80", "FORCE_COLOR": None, "TTY_COMPATIBLE": None}   # an 80-column terminal, no colour


def test_tables_fit_the_terminal_and_wide_shows_whole_cells(seed_build):
    from rich.cells import cell_len
    runner = CliRunner(env=NARROW)
    r = runner.invoke(cli, ["query", str(seed_build), "issuers"], catch_exceptions=False)
    assert r.exit_code == 0
    assert r.stdout.splitlines() == [
        "┏━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━┓",
        "┃ issuer               ┃ doc                ┃ document            ┃ date       ┃",
        "┡━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━┩",
        "│ 华信咨询设计研究院…  │ huaxin-report-2025 │ “十五五”区域数字经… │ 2025-12-30 │",
        "│ 安徽省人民代表大会…  │ anhui-2025         │ 安徽省人民代表大会… │ 2025-07-12 │",
        "│ 江苏省人民政府办公厅 │ jiangsu-2025       │ 江苏省数字经济高质… │ 2025-04-11 │",
        "│ 黑龙江省人民代表大…  │ heilongjiang-2024  │ 黑龙江省数字经济促… │ 2024-12-19 │",
        "└──────────────────────┴────────────────────┴─────────────────────┴────────────┘"]
    assert r.stderr == ("4 row(s); long cells cut to fit 80 columns (--wide shows them whole)\n"
                        "page 1: documents 1–4 of 4 in identifier order; the last page\n")
    r = runner.invoke(cli, ["query", str(seed_build), "issuers", "--wide"], catch_exceptions=False)
    lines = r.stdout.splitlines()
    assert lines[4] == ("│ 安徽省人民代表大会常务委员会   │ anhui-2025         │ "
                        "安徽省人民代表大会常务委员会关于进一步促进数字经济高质量发展的决定 │ 2025-07-12 │")
    assert len({cell_len(x) for x in lines}) == 1 and r.stderr == ("4 row(s)\n"
                                                     "page 1: documents 1–4 of 4 in identifier order; the last page\n")
    whole = "安徽省人民代表大会常务委员会关于进一步促进数字经济高质量发展的决定" * 2     # 132 columns
    for args in (["sparql", str(seed_build), "SELECT (CONCAT(?t, ?t) AS ?tt) WHERE { "
                                               "?d dcterms:identifier 'anhui-2025' ; dcterms:title ?t }"],
                 ["cypher", str(seed_build), "MATCH (d:PolicyDocument) WHERE d.id CONTAINS 'anhui' "
                                               "RETURN d.title + d.title AS tt"]):
        r = runner.invoke(cli, args, catch_exceptions=False)             # one column: cut to the width too
        assert r.exit_code == 0 and whole not in r.stdout and max(map(cell_len, r.stdout.splitlines())) == 80, r.output
        r = runner.invoke(cli, [*args, "--wide"], catch_exceptions=False)
        assert whole in r.stdout
        for fmt in ("csv", "json"):                                     # never cut
            r = runner.invoke(cli, [*args, "--format", fmt], catch_exceptions=False)
            assert whole in r.stdout, (fmt, r.stdout)


def test_fit_widths_keeps_narrow_columns_whole():
    from policykg.cli import _clip, _fit_widths
    assert _fit_widths([5, 40, 30], 100) == [5, 40, 30]
    assert _fit_widths([5, 40, 30], 50) == [5, 23, 22]
    assert _clip("江苏省人民政府", 7) == "江苏省…" and _clip("abc\nabcdef", 4) == "abc\nabc…"


@pytest.mark.parametrize("args, message", [
    (["sparql", "{build}", "SELECT ?x WHERE { ?x a foo:Bar }"],
     "error: SPARQL syntax error at line 1, column 31: undeclared prefix 'foo:'"),
    (["sparql", "{build}", "SELECT ?x WHERE {\n  ?x a pkg:Actor"],
     "error: SPARQL syntax error at line 2, column 17: unexpected end of query"),
    (["cypher", "{build}", "MATCH (a:Actor RETURN a"], "error: Cypher syntax error at line 1, column 16: unexpected 'RETURN'"),
    (["cypher", "{build}", "MATC (a) RETURN a"], "error: Cypher syntax error at line 1, column 1: unexpected 'MATC'"),
])
def test_syntax_errors_are_one_line_with_the_position(seed_build, args, message):
    r = CliRunner().invoke(cli, [a.replace("{build}", str(seed_build)) for a in args], catch_exceptions=False)
    assert r.exit_code == 1 and r.stdout == "" and r.stderr == message + "\n"


@pytest.mark.parametrize("args, message", [
    (["sparql", "{build}", "SELEC ?x"], "SPARQL syntax error"),
    (["cypher", "{build}", "MATCH (x:Nope) RETURN x"], "Cypher query failed"),
    (["sparql", "{build}"], "give either a SPARQL query string or --file"),
    (["cypher", "{build}", "--file", "/nonexistent/q.cypher"], "no such file"),
    (["query", "{build}", "no-such-query"], "no saved query 'no-such-query'"),
    (["query", "{build}", "targets-2027", "--page", "2"], "this saved query is not paged"),
    (["sparql", "/nonexistent/build", "SELECT * {}"], "no such build directory"),
    (["validate", "/nonexistent/build"], "not a policykg build directory"),
])
def test_query_errors_are_one_line(seed_build, args, message):
    r = CliRunner().invoke(cli, [a.replace("{build}", str(seed_build)) for a in args],
                           catch_exceptions=False)
    assert r.exit_code == 1 and r.output.startswith("error: ") and message in r.output, r.output
    assert "Traceback" not in r.output


@pytest.mark.parametrize("lang", ["sparql", "cypher"])
def test_a_paged_listing_gives_its_pages(seed_build, lang):
    runner = CliRunner()
    base = ["query", str(seed_build), "prohibitions", "--lang", lang, "--format", "json"]
    one = runner.invoke(cli, base, catch_exceptions=False)
    assert one.exit_code == 0 and one.stderr == "page 1: documents 1–4 of 4 in identifier order; the last page\n"
    rows = json.loads(one.stdout)
    assert len(rows) > 0 and {r["doc"] for r in rows} <= {"anhui-2025", "heilongjiang-2024", "huaxin-report-2025",
                                                          "jiangsu-2025"}
    two = runner.invoke(cli, base + ["--page", "2"], catch_exceptions=False)
    assert two.exit_code == 0 and json.loads(two.stdout) == []          # four documents: one page
    assert two.stderr == "page 2: past the last page (the build holds 4 document(s); the last page is 1)\n"


def test_explain_prints_what_each_stage_found_in_one_sentence():
    # lawrefbook_dlc/guangdong/广东省森林防火条例(2021-09-29).md (第二条)
    r = CliRunner().invoke(cli, ["explain", "城市绿化区火灾的预防、扑救及灾后处置，执行《中华人民共和国消防法》等法律、法规的规定。",
                                 "--doc-type", "条例", "--jurisdiction", "广东省"], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert lines[:2] == ["document: title=广东省条例 · type=regulation · jurisdiction=guangdong",
                         "sentence s1 [0-43]: 城市绿化区火灾的预防、扑救及灾后处置，执行《中华人民共和国消防法》等法律、法规的规定。"]
    assert lines[-2:] == ["citations › citations: 1",
                          "  citation [21-33] 《中华人民共和国消防法》 → 中华人民共和国消防法  doc_type=law"]
    assert "mentions › actors: none" in lines and "measures › measures: none" in lines


def test_explain_lists_every_registered_stage_and_runs_its_help_examples():
    from policykg.extract.pipeline import default_pipeline
    runner = CliRunner()
    help_text = runner.invoke(cli, ["explain", "--help"]).output
    examples = [x.strip() for x in help_text.split("Examples:")[1].splitlines() if x.strip().startswith("policykg explain")]
    assert len(examples) == 3
    for example in examples:
        r = runner.invoke(cli, shlex.split(example)[1:], catch_exceptions=False)
        assert r.exit_code == 0, (example, r.output)
        for st in default_pipeline().stages:            # a stage registered tomorrow shows up with no change here
            assert any(line.startswith(f"{st.name} › ") for line in r.output.splitlines()), (example, st.name)
    # seeds/heilongjiang-2024.txt (第二十三条, its first clause)
    r = runner.invoke(cli, ["explain", "县级以上人民政府及有关部门应当支持数字技术创新产品和服务的应用推广。",
                            "--jurisdiction", "heilongjiang"], catch_exceptions=False)
    assert any(line.startswith("  actor [0-8] 县级以上人民政府 → 黑龙江省县级以上人民政府  type=GovernmentBody")
               for line in r.output.splitlines()), r.output


@pytest.mark.parametrize("args, message", [
    (["explain", "本条例自2025年1月1日起施行。", "--doc-type", "poem"], "unknown document type 'poem'"),
    (["explain", "本条例自2025年1月1日起施行。", "--jurisdiction", "Atlantis"], "unknown jurisdiction 'Atlantis'"),
    (["explain", "  "], "give a sentence to explain"),
])
def test_explain_errors_are_one_line(args, message):
    r = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert r.exit_code == 1 and r.output.startswith("error: ") and message in r.output, r.output
