"""The command line (policykg/cli.py): build, query commands and their one-line errors.

``policykg ingest`` is tested in test_cli_ingest.py, ``validate`` beside the validation
(graph/test_validate.py), ``load`` beside the Bolt loader (test_neo4j.py).
"""

import json
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
    for label, value in (("documents", "4"), ("actors", "102"), ("instruments", "109"), ("domains", "104"),
                         ("measures", "363"), ("targets", "13"), ("triples (N-Quads)", "50,443")):
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
    r = CliRunner().invoke(cli, [a.replace("{build}", str(seed_build)) for a in args],
                           catch_exceptions=False)
    assert r.exit_code == 1 and r.output.startswith("error: ") and message in r.output, r.output
    assert "Traceback" not in r.output
