"""The research notebooks run top to bottom from a fresh install (each asserts facts it shows), and only
read a build they are pointed at (``POLICYKG_BUILD``)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))
TABLES_NOTEBOOK = next(p for p in NOTEBOOKS if "tables" in p.stem)


def test_there_are_at_least_four_notebooks_stored_without_outputs():
    import nbformat
    assert len(NOTEBOOKS) >= 4
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        assert all(not c.get("outputs") and c.get("execution_count") is None
                   for c in nb.cells if c.cell_type == "code"), f"{path.name} is stored with outputs"
        assert any("assert " in c.source for c in nb.cells if c.cell_type == "code"), path.name
        assert 'os.environ.get("POLICYKG_BUILD")' in nb.cells[1].source, path.name


def test_the_tables_notebook_uses_only_load_tables_and_pandas():
    import nbformat
    nb = nbformat.read(TABLES_NOTEBOOK, as_version=4)
    analysis = "\n".join(c.source for c in nb.cells[2:] if c.cell_type == "code")
    imports = [line for line in analysis.splitlines() if line.startswith(("import ", "from "))]
    assert imports == ["import policykg"] and "policykg.load_tables(BUILD)" in analysis
    assert analysis.count("policykg.") == 1


def _run(path: Path, monkeypatch, env: dict[str, str], cells: list | None = None):
    import nbformat
    from nbclient import NotebookClient
    for k in ("POLICYKG_BUILD", "POLICYKG_NOTEBOOK_BUILD"):
        monkeypatch.delenv(k, raising=False)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    nb = nbformat.read(path, as_version=4)
    if cells is not None:
        nb.cells = cells
    client = NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}})
    client.execute()          # raises CellExecutionError, naming the cell and the error, if any cell fails
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error"]
    assert errors == []
    return nb


def _fingerprint(build: Path) -> dict[str, str]:
    """What a rebuild would change: the manifest, the documents, and which generation is current."""
    return {"manifest": hashlib.sha256((build / "manifest.json").read_bytes()).hexdigest(),
            "documents": hashlib.sha256((build / "documents.jsonl").read_bytes()).hexdigest(),
            "current": str((build / ".current").readlink()),
            "files": " ".join(sorted(p.name for p in build.iterdir()))}


@pytest.fixture(scope="module")
def notebook_build(seed_build, tmp_path_factory) -> Path:
    """The notebooks' build: a copy of the session's seed build (they only read it)."""
    out = tmp_path_factory.mktemp("notebooks") / "build"
    shutil.copytree(seed_build, out, symlinks=True)
    return out


@pytest.mark.notebook
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs(path, notebook_build, monkeypatch):
    before = _fingerprint(notebook_build)
    _run(path, monkeypatch, {"POLICYKG_BUILD": str(notebook_build)})
    assert _fingerprint(notebook_build) == before


@pytest.mark.notebook
def test_a_notebook_only_reads_the_users_own_build(seeds_dir, tmp_path, monkeypatch):
    """Pointed at a one-document build, a notebook runs on it and leaves it as it was (it used to
    rebuild it from the four seeds, dropping the user's documents)."""
    from policykg.build import build
    mine = tmp_path / "mine"
    assert not build([seeds_dir / "jiangsu-2025.txt"], mine).errors
    before = _fingerprint(mine)
    nb = _run(TABLES_NOTEBOOK, monkeypatch, {"POLICYKG_BUILD": str(mine)})
    assert _fingerprint(mine) == before
    assert nb.cells[1].outputs[0]["text"] == f"1 documents in {mine}\n"
    rows = nb.cells[2].outputs[0]["data"]["text/plain"]
    assert "documents       1" in rows


@pytest.mark.notebook
def test_the_old_variable_still_names_the_build(notebook_build, monkeypatch):
    import nbformat
    nb = nbformat.read(NOTEBOOKS[0], as_version=4)
    cells = [nb.cells[1], nbformat.v4.new_code_cell("print(BUILD, SEEDS)")]
    out = _run(NOTEBOOKS[0], monkeypatch, {"POLICYKG_NOTEBOOK_BUILD": str(notebook_build)}, cells=cells)
    assert out.cells[1].outputs[0]["text"] == f"{notebook_build} True\n"
