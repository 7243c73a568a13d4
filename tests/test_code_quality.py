"""Lint, types and layers, so that the README's one test command checks them too.

- ruff (pyflakes, bugbear, complexity ≤ 15, ≤ 60 statements a function, import order) on the
  library folders, and on tests/, benchmarks/ and notebooks/;
- mypy on the library as the installed package ``policykg`` (slow: about 20 s);
- import-linter: the layer and "graph reads records" contracts of pyproject.toml.

Configuration lives in pyproject.toml ([tool.ruff], [tool.mypy], [tool.importlinter]).  The
repository keeps ``extract/``, ``graph/``, ``ontology/`` and ``viz/`` at the top level and
setuptools installs them as ``policykg.extract`` …; mypy and import-linter find a package by
walking one directory, so they read a copy of the library laid out as installed (the mapping is
read from [tool.setuptools.package-dir]).  Every finding is reported with its file (in the
repository's layout) and a count per file.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

try:
    import tomllib
except ImportError:                                    # Python 3.10
    tomllib = pytest.importorskip("tomli")

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"
LIBRARY = ("policykg", "extract", "graph", "ontology", "viz")
OTHERS = ("tests", "benchmarks", "notebooks")


def _run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess:
    import os
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **env}, timeout=600)


def _report(tool: str, findings: list[str], file_of) -> str:
    per_file = Counter(file_of(f) for f in findings)
    counts = "\n".join(f"  {n:3d}  {f}" for f, n in sorted(per_file.items(), key=lambda kv: (-kv[1], kv[0])))
    return f"{tool}: {len(findings)} finding(s)\n{counts}\n\n" + "\n".join(findings)


def _ruff(paths: tuple[str, ...]) -> list[str]:
    r = _run(["-m", "ruff", "check", "--no-cache", "--output-format", "concise", *paths], ROOT)
    assert r.returncode in (0, 1), f"ruff did not run (exit {r.returncode}):\n{r.stderr}"
    return [line for line in r.stdout.splitlines() if re.match(r"^[^\s:][^:]*:\d+:\d+: ", line)]


def test_ruff_on_the_library():
    findings = _ruff(LIBRARY)
    if findings:
        pytest.fail(_report("ruff", findings, lambda f: f.split(":", 1)[0]), pytrace=False)


def test_ruff_on_tests_benchmarks_and_notebooks():
    findings = _ruff(tuple(p for p in OTHERS if (ROOT / p).exists()))
    if findings:
        pytest.fail(_report("ruff", findings, lambda f: f.split(":", 1)[0]), pytrace=False)


@pytest.fixture(scope="module")
def installed_layout(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """A copy of the library's modules laid out as installed: policykg/extract/… (and the way back)."""
    dest = tmp_path_factory.mktemp("installed-layout")
    package_dirs = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["setuptools"]["package-dir"]
    back: dict[str, str] = {}
    for package, folder in package_dirs.items():
        target = dest.joinpath(*package.split("."))
        target.mkdir(parents=True, exist_ok=True)       # real folders only: nothing is written into the repository
        for f in (ROOT / folder).glob("*.py"):
            shutil.copy2(f, target / f.name)
            back[(target / f.name).relative_to(dest).as_posix()] = f.relative_to(ROOT).as_posix()
    return dest, back


def test_the_installed_layout_has_every_module(installed_layout):
    _, back = installed_layout
    assert "policykg/extract/pipeline.py" in back and back["policykg/extract/pipeline.py"] == "extract/pipeline.py"
    modules = {f.relative_to(ROOT).as_posix() for d in LIBRARY for f in (ROOT / d).rglob("*.py")
               if "assets" not in f.parts}             # viz/assets/fonts/make_subset.py is a script, not a module
    assert modules <= set(back.values())


@pytest.mark.slow
def test_mypy(installed_layout, tmp_path):
    dest, back = installed_layout
    r = _run(["-m", "mypy", "--config-file", str(PYPROJECT), "--cache-dir", str(tmp_path / "mypy-cache"),
              "--no-error-summary", "--hide-error-context", "-p", "policykg"], dest, MYPYPATH=str(dest))
    assert r.returncode in (0, 1), f"mypy did not run (exit {r.returncode}):\n{r.stdout}\n{r.stderr}"
    findings = []
    for line in r.stdout.splitlines():
        path, sep, rest = line.partition(":")
        if sep and rest[:1].isdigit() and ": note:" not in line:
            findings.append(f"{back.get(path, path)}:{rest}")
    if findings:
        pytest.fail(_report("mypy", findings, lambda f: f.split(":", 1)[0]), pytrace=False)


def test_import_contracts(installed_layout):
    """Layers cli (with build, api) > viz > graph > extract > ontology > errors/chars/textmap/registry/files,
    and graph/viz never import the extractors (only extract.records and extract.document.model)."""
    dest, _ = installed_layout
    r = _run(["-c", "from importlinter.cli import lint_imports_command; lint_imports_command()",
              str(PYPROJECT), "--no-cache"], dest, PYTHONPATH=str(dest))
    out = r.stdout + r.stderr
    assert "Contracts:" in out, f"import-linter did not run (exit {r.returncode}):\n{out}"
    if r.returncode != 0:
        broken = out.split("Broken contracts", 1)[-1] if "Broken contracts" in out else out
        pytest.fail("import-linter, broken contracts:\n" + re.sub(r"(?m)^-+$\n?", "", broken).strip(), pytrace=False)

