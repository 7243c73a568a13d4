"""Plug-ins extend policykg through entry points, with no core file changed.

The example plug-in ``tests/plugins/policykg_example_plugin`` declares, in its own
``pyproject.toml``, one entry point in each registry group: an ``.odt`` reader, a
``jsonl-nodes`` exporter, a ``degree`` view, an ``examplegraph`` Bolt dialect and a
``deadlines`` extraction stage.

How it is "installed": ``importlib.metadata`` finds distributions by scanning
``sys.path`` for ``*.dist-info`` directories, and a distribution's entry points are
the lines of its ``entry_points.txt``.  So the fixture writes
``policykg_example_plugin-0.1.0.dist-info/{METADATA,entry_points.txt}`` — the entry
points read from the plug-in's own pyproject.toml — into a temporary directory and
puts that directory and the plug-in's source folder on ``sys.path``: what
``pip install`` leaves in site-packages, without copying anything into the
environment.  Nothing is installed (so no other test, and no later run, sees the
plug-in), no build backend or network is needed (``pip install
--no-build-isolation`` depends on the environment's setuptools and wheel), and the
teardown takes both paths off ``sys.path`` again.  The registries load entry points
once, so the fixture calls ``Registry.reload()`` after adding and after removing
the paths.  One test runs a fresh interpreter with the two directories on
``PYTHONPATH``, which finds the plug-in with no help at all.
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from click.testing import CliRunner

from policykg.cli import cli

try:
    import tomllib
except ImportError:                                    # Python 3.10
    tomllib = pytest.importorskip("tomli")

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = ROOT / "tests" / "plugins" / "policykg_example_plugin"
PLUGIN_MODULE = "policykg_example_plugin"
SEED = ROOT / "seeds" / "heilongjiang-2024.txt"


def _registries():
    from policykg.extract.stage import STAGES
    from policykg.extract.text.read import READERS
    from policykg.graph.bolt import DIALECTS
    from policykg.graph.export import EXPORTERS
    from policykg.viz.views import VIEWS
    return READERS, EXPORTERS, VIEWS, DIALECTS, STAGES


def write_dist_info(site: Path) -> Path:
    """A ``.dist-info`` directory in ``site`` declaring the plug-in's entry points (from its pyproject.toml)."""
    project = tomllib.loads((PLUGIN / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    dist = site / f"{PLUGIN_MODULE}-{project['version']}.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {project['name']}\nVersion: {project['version']}\n",
                                   encoding="utf-8")
    lines = []
    for group, entries in project["entry-points"].items():
        lines += [f"[{group}]", *(f"{name} = {target}" for name, target in entries.items()), ""]
    (dist / "entry_points.txt").write_text("\n".join(lines), encoding="utf-8")
    return dist


@pytest.fixture(scope="module")
def plugin_site(tmp_path_factory):
    """The plug-in visible to ``importlib.metadata`` in this interpreter, for this module's tests."""
    site = tmp_path_factory.mktemp("plugin-site")
    write_dist_info(site)
    paths = [str(site), str(PLUGIN)]
    sys.path[:0] = paths
    importlib.invalidate_caches()
    for registry in _registries():
        registry.reload()
    yield site
    for p in paths:
        sys.path.remove(p)
    for name in [m for m in sys.modules if m == PLUGIN_MODULE or m.startswith(PLUGIN_MODULE + ".")]:
        del sys.modules[name]
    importlib.invalidate_caches()
    for registry in _registries():
        registry.reload()
    assert "degree" not in registry_names()["views"]


def registry_names() -> dict[str, list[str]]:
    readers, exporters, views, dialects, stages = _registries()
    return {"readers": readers.names(), "exporters": exporters.names(), "views": views.names(),
            "dialects": dialects.names(), "stages": stages.names()}


@pytest.fixture(scope="module")
def build_dir(plugin_site, tmp_path_factory) -> Path:
    """``policykg build seeds/heilongjiang-2024.txt -o DIR`` with the plug-in present."""
    out = tmp_path_factory.mktemp("plugin-build") / "build"
    r = CliRunner().invoke(cli, ["build", str(SEED), "-o", str(out), "--exports", "overview"], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return out


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


# --- an .odt made the way office suites make them ---------------------------------------------------

_CONTENT = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
            '<office:body><office:text>{}</office:text></office:body></office:document-content>')
_MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?>\n'
             '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
             'manifest:version="1.3"><manifest:file-entry manifest:full-path="/" '
             'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
             '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
             '</manifest:manifest>')


def _odt_paragraph(line: str, heading: bool) -> str:
    """A paragraph as a word processor writes it: spaces as text:s, the article number in a span."""
    parts = [escape(x) for x in line.split(" ")]
    xml = "<text:s/>".join(parts)
    if xml.startswith("第") and "条" in xml[:8]:
        head, rest = xml.split("条", 1)
        xml = f'<text:span text:style-name="T1">{head}条</text:span>{rest}'
    tag = 'text:h text:outline-level="1"' if heading else "text:p"
    return f"<{tag}>{xml}</{tag.split()[0]}>"


def make_odt(path: Path, lines: list[str]) -> Path:
    body = "".join(_odt_paragraph(line, i == 0) for i, line in enumerate(lines))
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")   # first, stored
        z.writestr("META-INF/manifest.xml", _MANIFEST, zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", _CONTENT.format(body), zipfile.ZIP_DEFLATED)
    return path


def seed_lines(until: str = "第十条") -> list[str]:
    lines = [x.strip() for x in SEED.read_text(encoding="utf-8").splitlines() if x.strip()]
    return lines[:next(i for i, x in enumerate(lines) if x.startswith(until))]


# --- the tests ------------------------------------------------------------------------------------------

def test_every_registry_lists_the_plugin_after_the_project_entries(plugin_site):
    names = registry_names()
    assert names["readers"][-1] == ".odt" and ".txt" in names["readers"]
    assert names["exporters"] == ["graphml", "gexf", "neo4j-csv", "graph-json", "ttl", "jsonld", "tables", "jsonl-nodes"]
    assert names["views"] == ["overview", "actors", "instruments", "ego", "document", "province",
                              "jurisdiction-instruments", "instruments-domains", "actor-modality", "targets-timeline",
                              "degree"]
    assert sorted(names["dialects"]) == ["examplegraph", "falkordb", "neo4j"]
    assert names["stages"][-1] == "deadlines"


def test_the_plugin_stage_joins_the_default_pipeline(plugin_site):
    from policykg.extract.pipeline import Pipeline, run
    p = Pipeline()
    assert p.names == ["issuers", "mentions", "measures", "sanctions", "parameters", "quantities", "citations", "deadlines"]
    # 上海市不动产登记若干规定 (scale corpus): a procedural deadline
    text = "第十条 登记机构应当自受理登记申请之日起五个工作日内办结不动产登记手续。"
    doc = run(text, path="x.txt", pipeline=p)
    assert doc.layers["deadlines"] == [("x/art10/p1/s1", "五个工作日内")]
    without = run(text, path="x.txt", pipeline=Pipeline(p.names[:-1]))
    assert list(doc.records()) == list(without.records())      # a layer of its own, records untouched


def test_ingest_reads_a_real_odt(plugin_site, tmp_path):
    from policykg.extract.text.read import SUPPORTED, read
    lines = seed_lines()
    odt = make_odt(tmp_path / "黑龙江省数字经济促进条例.odt", lines)
    raw = read(odt)
    assert raw.format == "odt" and raw.source.splitlines() == lines      # spaces (text:s) and spans come back
    assert ".odt" in SUPPORTED
    r = invoke("ingest", str(odt))
    assert r.exit_code == 0, r.output
    assert "黑龙江省数字经济促进条例" in r.output and "1 of 1 document(s) ingested" in r.output
    # a directory scan picks .odt files up too
    r = invoke("ingest", "--json", str(tmp_path))
    doc = json.loads(r.stdout.splitlines()[0])
    assert r.exit_code == 0 and doc["meta"]["title"] == "黑龙江省数字经济促进条例"


def test_a_broken_odt_is_a_one_line_error(plugin_site, tmp_path):
    (tmp_path / "broken.odt").write_bytes(b"PK\x03\x04 not really a zip")
    r = CliRunner().invoke(cli, ["ingest", str(tmp_path / "broken.odt")])
    assert r.exit_code == 1 and "not a readable .odt file" in r.output and "Traceback" not in r.output
    entity = tmp_path / "entity.odt"
    with zipfile.ZipFile(entity, "w") as z:
        z.writestr("content.xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                                  "<x>&e;</x>")
    r = CliRunner().invoke(cli, ["ingest", str(entity)])
    assert r.exit_code == 1 and "refusing" in r.output and "root:" not in r.output


def test_export_writes_the_plugin_format(build_dir, tmp_path):
    from policykg.graph.export import read_build_graph
    g = read_build_graph(build_dir)
    assert not (build_dir / "kg-nodes.jsonl").exists()              # in_build=False: not part of a build
    r = invoke("export", "jsonl-nodes", str(build_dir))
    assert r.exit_code == 0, r.output
    rows = [json.loads(x) for x in (build_dir / "kg-nodes.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [x["id"] for x in rows] == list(g.nodes)
    r = invoke("export", "jsonl-nodes", str(build_dir), "-o", str(tmp_path / "out" / "nodes.jsonl"))
    assert r.exit_code == 0 and (tmp_path / "out" / "nodes.jsonl").read_bytes() == \
        (build_dir / "kg-nodes.jsonl").read_bytes()


def test_export_of_the_project_formats(build_dir, tmp_path):
    for fmt, name in (("graphml", "x.graphml"), ("gexf", "x.gexf"), ("neo4j-csv", "csv")):
        r = invoke("export", fmt, str(build_dir), "-o", str(tmp_path / name))
        assert r.exit_code == 0, r.output
    r = invoke("export", "graphml", str(build_dir))                  # into the build
    assert r.exit_code == 0, r.output
    assert (tmp_path / "x.graphml").read_bytes() == (build_dir / "kg.graphml").read_bytes()
    assert (tmp_path / "csv" / "import.sh").exists()


def test_viz_draws_the_plugin_view(build_dir, tmp_path):
    out = tmp_path / "degree.html"
    r = invoke("viz", str(build_dir), "--view", "degree", "-o", str(out))
    assert r.exit_code == 0, r.output
    assert "degree:" in r.output and out.exists()
    html = out.read_text(encoding="utf-8")
    assert "黑龙江省" in html


def test_the_plugin_dialect_is_asked_and_recognises_its_server(plugin_site):
    from policykg.graph.bolt import DIALECTS, detect_dialect

    class Summary:
        def __init__(self, agent):
            self.server = type("Server", (), {"agent": agent})()

    class Session:
        def __init__(self, agent, neo4j=False):
            self.agent, self.neo4j = agent, neo4j

        def run(self, statement, params=None):
            if statement.startswith("CALL dbms.components"):
                if not self.neo4j:
                    raise RuntimeError("no such procedure")
                return [{"name": "Neo4j Kernel"}]
            return type("Result", (), {"consume": lambda _self: Summary(self.agent)})()

    assert "examplegraph" in DIALECTS.names()
    assert detect_dialect(Session("ExampleGraph/0.1")).name == "examplegraph"
    assert detect_dialect(Session("Neo4j/5.20.0", neo4j=True)).name == "neo4j"
    assert detect_dialect(Session("Neo4j/5.13.0")).name == "falkordb"      # FalkorDB's agent: the fallback
    assert DIALECTS.get("examplegraph").index_statements(("Actor",)) == ["CREATE INDEX ON :Actor(id)"]


def test_help_lists_the_plugin_entries(plugin_site):
    export_help = invoke("export", "--help").output
    assert "jsonl-nodes" in export_help and "one JSON object per node" in export_help
    viz_help = invoke("viz", "--help").output
    assert "degree" in viz_help and "best-connected" in viz_help
    r = CliRunner().invoke(cli, ["ingest", str(ROOT / "pyproject.toml")])
    assert ".odt" in r.output                                             # the supported types of the error


def test_a_fresh_interpreter_finds_the_plugin(plugin_site):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(plugin_site), str(PLUGIN)])}
    code = ("from policykg.extract.text.read import READERS\nfrom policykg.graph.export import EXPORTERS\n"
            "from policykg.viz.views import VIEWS\nfrom policykg.graph.bolt import DIALECTS\n"
            "print(READERS.names()[-1], EXPORTERS.names()[-1], VIEWS.names()[-1], 'examplegraph' in DIALECTS)")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == [".odt", "jsonl-nodes", "degree", "True"]
    out = subprocess.run([sys.executable, "-m", "policykg.cli", "export", "--help"], env=env, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0 and "jsonl-nodes" in out.stdout, out.stderr


def test_the_core_knows_nothing_of_the_plugin():
    """The plug-in works with no core file changed: no core source names it or its entries."""
    names = (PLUGIN_MODULE, "jsonl-nodes", "examplegraph", "ExampleGraph", "degree_view")
    for folder in ("policykg", "extract", "graph", "viz", "ontology"):
        for f in (ROOT / folder).rglob("*.py"):
            text = f.read_text(encoding="utf-8")
            assert not [n for n in names if n in text], f
