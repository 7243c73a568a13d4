"""User mistakes a newcomer made (review r19): each ends in one ``error: <file>: <reason>`` line and a
non-zero status, never a traceback, and never replaces the previous build by an empty or worse one."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from policykg.cli import cli

DOC = "---\ntitle: {title}\nauthor: 江苏省人民政府\ndate: '{date}'\n---\n\n{title}\n\n一、各设区市人民政府应当发放算力券，支持中小企业使用算力。\n"


def _doc(folder: Path, name: str, date: str = "2025-03-01") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    p = folder / name
    p.write_text(DOC.format(title=f"江苏省关于支持算力发展的若干措施{name[:1]}", date=date), encoding="utf-8")
    return p


def _cli(*args: str | bytes, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "policykg.cli", *args], capture_output=True, text=True,
                          errors="backslashreplace", timeout=300, cwd=cwd, env=os.environ | {"COLUMNS": "200"})


def _err_lines(r: subprocess.CompletedProcess) -> list[str]:
    assert "Traceback" not in r.stderr, r.stderr
    return [line for line in r.stderr.splitlines() if line.startswith("error:")]


def _current(out: Path) -> str:
    return os.readlink(out / ".current")


@pytest.mark.slow          # a build
def test_a_name_that_is_not_utf8_is_one_line_and_the_other_files_build(tmp_path):
    d = tmp_path / "d"
    _doc(d, "good.txt")
    bad = os.fsencode(d) + b"/bad\xff\xfe.txt"
    with open(bad, "wb") as fh:
        fh.write((d / "good.txt").read_bytes())
    out = tmp_path / "o"
    r = _cli("build", str(d), "-o", str(out))
    assert r.returncode == 1
    assert _err_lines(r) == [f"error: {d}/bad\\xff\\xfe.txt: the name is not valid UTF-8; rename it "
                             "(e.g. convmv -f gbk -t utf-8)"]
    assert r.stderr.splitlines()[-1] == "1 file(s) failed; the build holds the other 1"
    m = json.loads((out / "manifest.json").read_bytes().decode("utf-8"))       # valid UTF-8 JSON
    assert [doc["path"] for doc in m["documents"]] == [str(d / "good.txt")]
    assert m["errors"] == [f"{os.fsdecode(bad)}: the name is not valid UTF-8; rename it (e.g. convmv -f gbk -t utf-8)"]


@pytest.fixture(scope="module")
def small_build(tmp_path_factory) -> tuple[Path, Path]:
    """Two documents built with plain N-Quads: (input folder, build directory)."""
    from policykg.build import build
    root = tmp_path_factory.mktemp("small")
    d = root / "docs"
    _doc(d, "a.txt")
    _doc(d, "b.txt")
    out = root / "build"
    result = build([d], out, nquads="plain")
    assert not result.errors and len(result.documents) == 2
    return d, out


@pytest.mark.slow          # a build (module fixture)
def test_nothing_to_build_keeps_the_previous_build_and_makes_no_empty_one(small_build, tmp_path):
    d, built = small_build
    out = tmp_path / "P"
    shutil.copytree(built, out, symlinks=True)
    before = (_current(out), sorted(p.name for p in (out / ".gen").iterdir()))
    typo = d.parent / "typo"
    r = _cli("build", str(typo), "-o", str(out), "--prune")
    assert r.returncode == 1
    assert _err_lines(r) == [f"error: {typo}: no such file",
                             f"error: {typo}: no documents to build (1 file(s) failed); the previous build is kept"]
    assert (_current(out), sorted(p.name for p in (out / ".gen").iterdir())) == before
    assert len(json.loads((out / "manifest.json").read_text(encoding="utf-8"))["documents"]) == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    r = _cli("build", str(empty), "-o", str(out), "--prune")
    assert _err_lines(r) == [f"error: {empty}: no documents to build (supported: .docx .htm .html .markdown .md .pdf "
                             ".text .txt); the previous build is kept"] and r.returncode == 1
    assert _current(out) == before[0]
    new = tmp_path / "NEW"
    r = _cli("build", "/nonexistent", "-o", str(new))
    assert _err_lines(r) == ["error: /nonexistent: no such file",
                             f"error: /nonexistent: no documents to build (1 file(s) failed); {new} was not made"]
    assert r.returncode == 1 and not new.exists()
    (tmp_path / "bad.docx").write_bytes(b"garbage")
    r = _cli("build", str(tmp_path / "bad.docx"), "-o", str(new))          # the only file fails
    assert r.returncode == 1 and not new.exists()
    assert _err_lines(r)[-1] == f"error: {tmp_path / 'bad.docx'}: no documents to build (1 file(s) failed); {new} was not made"


def test_a_moved_folder_is_refused_with_a_hint_and_readme_says_what_identifies_a_document(small_build, tmp_path):
    d, built = small_build
    out = tmp_path / "P"
    shutil.copytree(built, out, symlinks=True)
    moved = tmp_path / "moved"
    shutil.copytree(d, moved)
    r = CliRunner().invoke(cli, ["build", str(moved), "-o", str(out)])
    assert (r.exit_code, r.stderr) == (1, f"error: {out}: this build holds 2 document(s) not given again (a.txt, b.txt); "
                                          "a document is identified by its path and content, so files moved to another "
                                          "folder are new documents: add --prune to build them there anew\n")
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    assert "identified by its file's content hash (SHA-256) and its path as given" in readme


def test_a_quoted_impossible_date_is_refused_like_an_unquoted_one(tmp_path):
    for quoted in (True, False):
        f = tmp_path / f"q{quoted}.md"
        text = DOC.format(title="测试通知", date="2025-13-45")
        f.write_text(text if quoted else text.replace("'2025-13-45'", "2025-13-45"), encoding="utf-8")
        r = CliRunner().invoke(cli, ["extract", str(f), "-o", str(tmp_path / "x.jsonl")])
        where = "front matter" if quoted else "front matter line 4"
        assert r.exit_code == 1 and r.stderr.splitlines()[0] == (
            f"error: {f}: {where}: impossible date '2025-13-45' (month must be in 1..12)"), r.stderr


def test_front_matter_dates_are_read_in_common_forms_and_an_unreadable_one_is_one_line(tmp_path):
    from policykg.extract.document.ingest import ingest
    for written in ("2025/3/1", "2025.03.01", "20250301", "2025年3月1日"):
        f = tmp_path / "ok.md"
        f.write_text(DOC.format(title="测试通知", date=written), encoding="utf-8")
        assert ingest(f).meta.issued == "2025-03-01", written
    for written in ("not-a-date", "2025-03"):
        f = tmp_path / "bad.md"
        f.write_text(DOC.format(title="测试通知", date=written), encoding="utf-8")
        r = CliRunner().invoke(cli, ["extract", str(f), "-o", str(tmp_path / "y.jsonl")])
        assert r.exit_code == 1 and r.stderr.splitlines()[0] == (
            f"error: {f}: front matter: unreadable date '{written}' (write it as YYYY-MM-DD)"), r.stderr


@pytest.mark.slow          # validates a build
def test_validate_reports_an_ill_typed_literal_without_a_traceback(small_build, tmp_path):
    _, built = small_build
    out = tmp_path / "P"
    shutil.copytree(built, out, symlinks=True)
    nq = (out / "kg.nq").resolve()
    text = nq.read_text(encoding="utf-8")
    date = '"2025-03-01"^^<http://www.w3.org/2001/XMLSchema#date>'
    assert date in text
    nq.write_text(text.replace(date, date.replace("2025-03-01", "2025-13-45"), 1), encoding="utf-8")
    r = _cli("validate", str(out))
    assert r.returncode == 1 and "Traceback" not in r.stderr and "conforms" not in r.stderr, r.stderr
    assert "  '2025-13-45' is not a valid xsd:date" in r.stdout.splitlines()
    assert r.stderr.splitlines()[-1].startswith("1 violation(s)")


def test_an_output_under_a_file_is_one_line_for_every_command(seed_build, tmp_path):
    afile = tmp_path / "afile"
    afile.write_text("", encoding="utf-8")
    seeds = Path(__file__).parents[1] / "seeds"
    for args in (["extract", str(seeds / "anhui-2025.txt"), "-o", str(afile / "x.jsonl")],
                 ["viz", str(seed_build), "-o", str(afile / "x.html")],
                 ["viz", str(seed_build), "-o", str(afile / "y" / "x.png")],
                 ["export", "gexf", str(seed_build), "-o", str(afile / "x.gexf")],
                 ["build", str(seeds), "-o", str(afile)],
                 ["build", str(seeds), "-o", str(afile / "b")]):
        r = CliRunner().invoke(cli, args)
        assert (r.exit_code, r.stderr) == (1, f"error: {afile}: exists and is not a directory; choose another -o\n"), \
            (args, r.stderr)
    assert afile.read_text(encoding="utf-8") == ""


def test_a_bad_pdf_is_one_line_without_pypdf_noise(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"\xce\xcf garbage")
    r = _cli("ingest", str(bad))
    assert r.returncode == 1
    assert r.stderr == f"error: {bad}: not a readable PDF (Stream has ended unexpectedly)\n"


def test_ctrl_c_while_options_are_read_is_error_interrupted(seed_build, monkeypatch):
    from policykg.graph.export import EXPORTERS

    def interrupted():
        raise KeyboardInterrupt
    monkeypatch.setattr(EXPORTERS, "names", interrupted)
    r = CliRunner().invoke(cli, ["export", "gexf", str(seed_build)])
    assert (r.exit_code, r.stderr) == (1, "error: interrupted\n")


def test_eval_shows_a_dash_where_nothing_is_scored(tmp_path):
    gold = Path(__file__).parent / "gold" / "dev.jsonl"
    empty = tmp_path / "none.jsonl"
    empty.write_text("", encoding="utf-8")
    r = CliRunner().invoke(cli, ["eval", str(gold), "--pred", str(empty), "--json"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)
    assert rows and all(row["predicted"] == 0 and row["precision"] is None for row in rows)
    assert all(row["recall"] == 0.0 and row["f1"] == 0.0 for row in rows if row["gold"])
    r = CliRunner(env={"COLUMNS": "200"}).invoke(cli, ["eval", str(gold), "--pred", str(empty)])
    actor = next(line for line in r.stdout.splitlines() if line.startswith("│ actor "))
    assert [c.strip() for c in actor.strip("│").split("│")][1:4] == ["—", "0.000", "0.000"]


def test_the_dask_hint_names_the_extra(monkeypatch):
    from policykg.errors import InputError
    from policykg.parallel import _dask_client
    monkeypatch.setitem(sys.modules, "dask.distributed", None)          # as if Dask were not installed
    with pytest.raises(InputError) as e:
        _dask_client("local")
    assert str(e.value) == "local: --dask needs Dask: pip install 'policykg[dask]'"


@pytest.mark.server
def test_load_with_a_database_name_on_falkordb_is_refused_before_anything_is_written(empty_falkordb, seed_build,
                                                                                     monkeypatch):
    monkeypatch.setenv("NEO4J_URI", empty_falkordb.uri)
    monkeypatch.setenv("NEO4J_USERNAME", "falkordb")
    r = CliRunner().invoke(cli, ["load", "neo4j", str(seed_build), "--password", "", "--database", "policy"])
    assert (r.exit_code, r.stderr) == (1, "error: this server (falkordb) has no databases: a load cannot go to "
                                          "'policy'; load without --database (unset NEO4J_DATABASE)\n"), r.output
    assert empty_falkordb.run("MATCH (n) RETURN count(n) AS c") == [{"c": 0}]
