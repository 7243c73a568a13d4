"""The research notebooks run top to bottom from a fresh install (each asserts facts it shows)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))


def test_there_are_at_least_four_notebooks_stored_without_outputs():
    import nbformat
    assert len(NOTEBOOKS) >= 4
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        assert all(not c.get("outputs") and c.get("execution_count") is None
                   for c in nb.cells if c.cell_type == "code"), f"{path.name} is stored with outputs"
        assert any("assert " in c.source for c in nb.cells if c.cell_type == "code"), path.name


@pytest.fixture(scope="module")
def notebook_build(seed_build, tmp_path_factory) -> Path:
    """The notebooks' build folder: a copy of the session's seed build, so that their
    ``build([ROOT / "seeds"], BUILD)`` re-reads no file."""
    out = tmp_path_factory.mktemp("notebooks") / "build"
    shutil.copytree(seed_build, out, symlinks=True)
    return out


@pytest.mark.notebook
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs(path, notebook_build, monkeypatch):
    import nbformat
    from nbclient import NotebookClient
    monkeypatch.setenv("POLICYKG_NOTEBOOK_BUILD", str(notebook_build))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}})
    client.execute()          # raises CellExecutionError, naming the cell and the error, if any cell fails
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error"]
    assert errors == []
