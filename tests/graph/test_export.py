"""Gephi (GraphML, GEXF) and Neo4j import files of the seed build (graph/export.py)."""

import csv


def test_gephi_and_neo4j_import_files(seed_build, seed_graph):
    import networkx as nx
    G = nx.read_graphml(seed_build / "kg.graphml")
    G = nx.relabel_nodes(G, nx.get_node_attributes(G, "graphId"))       # GraphML ids are NMTOKENs
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
        assert sum(1 for _ in reader) == 176
    assert "neo4j-admin database import full" in (seed_build / "neo4j-import" / "import.sh").read_text()


# --- GEXF 1.2 and GraphML of one seed: valid files, every attribute read back by networkx -------------
#
# Both files are validated with lxml against the official XSDs, kept in tests/graph/xsd/ (sources and
# licences in its README) and loaded offline: a resolver serves every schema the XSDs import from that
# folder and refuses any other.  The structural checks further below add what an XSD cannot say: that
# each attribute value parses as its declared type and that references resolve.

from pathlib import Path

import pytest

GEXF_NS = "{http://www.gexf.net/1.2draft}"
GRAPHML_NS = "{http://graphml.graphdrawing.org/xmlns}"
SEED = Path(__file__).resolve().parents[2] / "seeds" / "heilongjiang-2024.txt"
DOC = "document:heilongjiang-2024"
USES = ("actor:heilongjiang/county-and-above-government", "inst:standard-system")


@pytest.fixture(scope="module")
def hlj_build(tmp_path_factory) -> Path:
    """One seed built once for this module (``policykg build SEED -o DIR``)."""
    from click.testing import CliRunner

    from policykg.cli import cli
    out = tmp_path_factory.mktemp("hlj") / "build"
    result = CliRunner().invoke(cli, ["build", str(SEED), "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def hlj_graph(hlj_build):
    from policykg.graph.export import read_build_graph
    return read_build_graph(hlj_build)


@pytest.fixture(scope="module")
def hlj_files(hlj_graph, tmp_path_factory) -> dict[str, Path]:
    """The seed's GEXF and GraphML, written by the exporters (``policykg export gexf|graphml``)."""
    from policykg.graph.export import EXPORTERS
    out = tmp_path_factory.mktemp("hlj-exports")
    files = {fmt: out / EXPORTERS.get(fmt).filename for fmt in ("gexf", "graphml")}
    for fmt, path in files.items():
        EXPORTERS.get(fmt).write(hlj_graph, path)
    return files


def _same(read: dict, written: dict, what: str) -> None:
    """Every written attribute is read back with its value and its Python type."""
    for k, v in written.items():
        assert k in read, f"{what}: attribute {k!r} lost"
        assert read[k] == v and type(read[k]) is type(v), f"{what}.{k}: wrote {v!r}, read {read[k]!r}"


def _check_round_trip(G, written) -> None:
    assert set(G.nodes) == set(written.nodes)
    assert set(G.edges) == set(written.edges)
    for n, d in written.nodes(data=True):
        _same(G.nodes[n], d, n)
        assert set(G.nodes[n]) == set(d)
    for u, v, d in written.edges(data=True):
        read = dict(G.edges[u, v])
        read.pop("id", None)            # read_gexf adds the GEXF edge id
        _same(read, d, f"{u}->{v}")
        assert set(read) == set(d)


def _check_known_values(G, weight_type: type) -> None:
    assert G.nodes[DOC]["title"] == "黑龙江省数字经济促进条例"
    assert G.nodes[DOC]["table"] == "PolicyDocument"
    measures = [d for _, d in G.nodes(data=True) if d["table"] == "Measure"]
    assert measures and all(isinstance(d["modality"], str) and d["modality"] for d in measures)
    m = G.nodes["measure:heilongjiang-2024/b9e5ba9aee"]
    assert (m["modality"], m["modalCue"], m["spanStart"], m["spanEnd"]) == ("obligation", "应当", 200, 280)
    assert type(m["spanStart"]) is int
    e = G.edges[USES]
    assert e["relation"] == "USES" and e["weight"] == 6 and type(e["weight"]) is weight_type
    assert e["docs"] == "heilongjiang-2024"
    for _, d in G.nodes(data=True):
        assert not {"key", "networkx_key", "start", "end", "type"} & set(d)
    for *_, d in G.edges(data=True):
        assert "type" not in d and "relation" in d


def test_analytic_graph_keeps_every_property(hlj_graph):
    """Every property of an analytic node or edge is in the graph written, under its (renamed) name."""
    from policykg.graph.export import _EDGE_ATTR_RENAMES, _GEPHI_KEYS, _NODE_ATTR_RENAMES, _analytic_digraph, _scalar
    G = _analytic_digraph(hlj_graph)
    for n in hlj_graph.nodes.values():
        if n.key in _GEPHI_KEYS:
            d = G.nodes[n.id]
            assert d["table"] == n.key and d["labels"] == ";".join(n.labels)
            for k, v in n.props.items():
                if v is not None:      # a value may have been unified to float or text
                    got = d[_NODE_ATTR_RENAMES.get(k, k)]
                    assert got == _scalar(v) or str(got) == str(_scalar(v)), (n.id, k)
    pairs: dict[tuple[str, str], set[str]] = {}
    for r in hlj_graph.rels:
        if r.src in G and r.dst in G:
            pairs.setdefault((r.src, r.dst), set()).add(r.type)
    assert set(pairs) == set(G.edges)
    for pair, types in pairs.items():       # a DiGraph keeps one edge per pair
        assert G.edges[pair]["relation"] in types
    rel = next(r for r in hlj_graph.rels if (r.src, r.dst) == USES)
    assert G.edges[USES]["relation"] == rel.type == "USES"
    assert set(_EDGE_ATTR_RENAMES) >= {"type", "key", "id", "start", "end"}


def test_gexf_round_trips_every_attribute(hlj_files, hlj_graph):
    import networkx as nx

    from policykg.graph.export import _gexf_digraph
    G = nx.read_gexf(hlj_files["gexf"])
    _check_round_trip(G, _gexf_digraph(hlj_graph))
    _check_known_values(G, float)       # GEXF's own edge weight is a float


def test_graphml_round_trips_every_attribute(hlj_files, hlj_graph):
    import networkx as nx

    from policykg.graph.export import _graphml_digraph
    G = nx.read_graphml(hlj_files["graphml"])
    _check_round_trip(G, _graphml_digraph(hlj_graph))
    _check_known_values(nx.relabel_nodes(G, nx.get_node_attributes(G, "graphId")), int)


_GEXF_TYPES = {"integer": int, "long": int, "double": float, "float": float, "string": str, "anyURI": str,
               "liststring": str, "boolean": lambda v: {"true": 1, "false": 0, "1": 1, "0": 0}[v]}
_GRAPHML_TYPES = {"int": int, "long": int, "float": float, "double": float, "string": str,
                  "boolean": lambda v: {"true": 1, "false": 0}[v.lower()]}


def _parses(value, atype: str, types: dict) -> bool:
    try:
        types[atype](value)
        return True
    except (KeyError, ValueError, TypeError, AttributeError):
        return False


def _unique_ids(elements, what: str, problems: list[str], required: bool = True) -> set[str]:
    seen: set[str] = set()
    for el in elements:
        i = el.get("id")
        if (i is None and required) or (i is not None and i in seen):
            problems.append(f"{what} id {i}: missing or duplicate")
        seen.add(i)
    return seen


def _gexf_declarations(graph, problems: list[str]) -> dict[str, dict[str, str]]:
    """class → attribute id → type, from the <attributes> blocks."""
    declared: dict[str, dict[str, str]] = {"node": {}, "edge": {}}
    titles: dict[str, set[str]] = {"node": set(), "edge": set()}
    for attrs in graph.findall(f"{GEXF_NS}attributes"):
        cls = attrs.get("class")
        if cls not in declared or attrs.get("mode", "static") not in {"static", "dynamic"}:
            problems.append(f"attributes class={cls} mode={attrs.get('mode')}")
            continue
        for a in attrs.findall(f"{GEXF_NS}attribute"):
            aid, title, atype = a.get("id"), a.get("title"), a.get("type")
            if aid is None or title is None or aid in declared[cls] or title in titles[cls]:
                problems.append(f"{cls} attribute id={aid} title={title}: missing or duplicate")
            if atype not in _GEXF_TYPES:
                problems.append(f"{cls} attribute {title}: type {atype}")
            declared[cls][aid] = atype
            titles[cls].add(title)
    return declared


def _gexf_attvalues(el, declared: dict[str, str], problems: list[str]) -> None:
    for av in el.iterfind(f"{GEXF_NS}attvalues/{GEXF_NS}attvalue"):
        atype = declared.get(av.get("for"))
        if atype is None:
            problems.append(f"{el.get('id')}: attvalue for undeclared attribute {av.get('for')}")
        elif not _parses(av.get("value"), atype, _GEXF_TYPES):
            problems.append(f"{el.get('id')}: {av.get('value')!r} is not {atype}")
        if av.get("start") is not None or av.get("end") is not None:
            problems.append(f"{el.get('id')}: dynamic attvalue in a static graph")


def _gexf_problems(path: Path) -> list[str]:
    """What the GEXF 1.2draft XSD (and its data types) would reject in ``path``."""
    from lxml import etree
    problems: list[str] = []
    root = etree.parse(str(path)).getroot()
    if root.tag != f"{GEXF_NS}gexf" or root.get("version") != "1.2":
        problems.append(f"root {root.tag} version {root.get('version')}")
    graph = root.find(f"{GEXF_NS}graph")
    if graph.get("defaultedgetype", "undirected") not in {"directed", "undirected", "mutual"}:
        problems.append(f"defaultedgetype {graph.get('defaultedgetype')}")
    if graph.get("mode", "static") != "static" or graph.get("timeformat") is not None:
        problems.append("dynamic graph: offsets written as GEXF time (start/end)")
    declared = _gexf_declarations(graph, problems)
    nodes = graph.findall(f"{GEXF_NS}nodes/{GEXF_NS}node")
    node_ids = _unique_ids(nodes, "node", problems)
    for node in nodes:
        if node.get("start") is not None or node.get("end") is not None:
            problems.append(f"node {node.get('id')} has start/end")
        _gexf_attvalues(node, declared["node"], problems)
    edges = graph.findall(f"{GEXF_NS}edges/{GEXF_NS}edge")
    _unique_ids(edges, "edge", problems)
    for edge in edges:
        eid = edge.get("id")
        if edge.get("type", "directed") not in {"directed", "undirected", "mutual"}:
            problems.append(f"edge {eid}: type {edge.get('type')!r}")
        if edge.get("source") not in node_ids or edge.get("target") not in node_ids:
            problems.append(f"edge {eid}: unknown end")
        if edge.get("weight") is not None and not _parses(edge.get("weight"), "float", _GEXF_TYPES):
            problems.append(f"edge {eid}: weight {edge.get('weight')!r}")
        _gexf_attvalues(edge, declared["edge"], problems)
    return problems


def _graphml_keys(root, problems: list[str]) -> dict[str, tuple[str, str]]:
    """key id → (for, attr.type)."""
    keys: dict[str, tuple[str, str]] = {}
    names: set[tuple[str, str]] = set()
    for k in root.findall(f"{GRAPHML_NS}key"):
        kid, kfor, name, ktype = k.get("id"), k.get("for", "all"), k.get("attr.name"), k.get("attr.type")
        if kid is None or kid in keys:
            problems.append(f"key id {kid}: missing or duplicate")
        if kfor not in {"graph", "node", "edge", "hyperedge", "port", "endpoint", "graphml", "all"}:
            problems.append(f"key {kid}: for={kfor}")
        if name is None or (kfor, name) in names:
            problems.append(f"key {kid}: attr.name {name} missing or duplicate")
        if ktype not in _GRAPHML_TYPES:
            problems.append(f"key {kid}: attr.type {ktype}")
        keys[kid] = (kfor, ktype)
        names.add((kfor, name))
    return keys


def _graphml_data(el, kind: str, keys: dict[str, tuple[str, str]], problems: list[str]) -> None:
    for d in el.findall(f"{GRAPHML_NS}data"):
        key = keys.get(d.get("key"))
        if key is None or key[0] not in {kind, "all"}:
            problems.append(f"{el.get('id')}: data key {d.get('key')} undeclared for {kind}")
        elif not _parses(d.text or "", key[1], _GRAPHML_TYPES):
            problems.append(f"{el.get('id')}: {d.text!r} is not {key[1]}")


def _graphml_problems(path: Path) -> list[str]:
    """What the GraphML 1.0 XSD (key/keyref constraints and attr.type) would reject in ``path``."""
    from lxml import etree
    problems: list[str] = []
    root = etree.parse(str(path)).getroot()
    if root.tag != f"{GRAPHML_NS}graphml":
        problems.append(f"root {root.tag}")
    keys = _graphml_keys(root, problems)
    graphs = root.findall(f"{GRAPHML_NS}graph")
    if len(graphs) != 1 or graphs[0].get("edgedefault") not in {"directed", "undirected"}:
        problems.append("one graph with edgedefault directed/undirected expected")
    nodes = graphs[0].findall(f"{GRAPHML_NS}node")
    node_ids = _unique_ids(nodes, "node", problems)
    for node in nodes:
        _graphml_data(node, "node", keys, problems)
    edges = graphs[0].findall(f"{GRAPHML_NS}edge")
    _unique_ids(edges, "edge", problems, required=False)
    for edge in edges:
        if edge.get("source") not in node_ids or edge.get("target") not in node_ids:
            problems.append(f"edge {edge.get('source')}->{edge.get('target')}: unknown end")
        if edge.get("directed", "true") not in {"true", "false"}:
            problems.append(f"edge directed={edge.get('directed')}")
        _graphml_data(edge, "edge", keys, problems)
    return problems


def test_gexf_is_valid_gexf_1_2(hlj_files):
    assert _gexf_problems(hlj_files["gexf"]) == []


def test_graphml_is_valid_graphml(hlj_files):
    assert _graphml_problems(hlj_files["graphml"]) == []


def test_structural_checks_catch_the_old_faults(tmp_path):
    """The checks reject what the exporter used to write: the relation as the edge type, a
    node's text offsets as GEXF start/end (a dynamic graph)."""
    import networkx as nx
    G = nx.DiGraph()
    G.add_node("a", key="Measure", start=1, end=5)
    G.add_node("b", key="Actor")
    G.add_edge("a", "b", type="USES", weight=2)
    nx.write_gexf(G, tmp_path / "bad.gexf")
    problems = _gexf_problems(tmp_path / "bad.gexf")
    assert any("type 'USES'" in p for p in problems)
    assert any("start/end" in p for p in problems)
    (tmp_path / "bad.graphml").write_text(
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="d0" for="node" attr.name="x" '
        'attr.type="integer"/><graph edgedefault="directed"><node id="a"><data key="d1">1</data></node>'
        '<node id="a"/><edge source="a" target="z"/></graph></graphml>', encoding="utf-8")
    problems = _graphml_problems(tmp_path / "bad.graphml")
    assert len(problems) == 4, problems


# --- the official XSDs -------------------------------------------------------------------------------

XSD = Path(__file__).resolve().parent / "xsd"
#: the GEXF 1.2 schema files are those of the final 1.2 (namespace http://www.gexf.net/1.2); networkx and
#: Gephi write the 1.2draft namespace, whose schema is the same text under that namespace
_GEXF_DRAFT = ("http://www.gexf.net/1.2", "http://www.gexf.net/1.2draft")


def _xsd(folder: str, main: str, rewrite: tuple[str, str] | None = None):
    """The XMLSchema of ``xsd/FOLDER/MAIN``, every import and include read from that folder (offline)."""
    from lxml import etree
    here = XSD / folder

    def text(name: str) -> str:
        t = (here / name).read_text(encoding="utf-8")
        return t.replace(*rewrite) if rewrite else t

    class Local(etree.Resolver):
        def resolve(self, url, pubid, context):
            name = url.rsplit("/", 1)[-1]
            if not (here / name).is_file():
                raise AssertionError(f"the schema asks for {url}, which is not in {here}")
            return self.resolve_string(text(name), context, base_url=str(here / name))

    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(Local())
    return etree.XMLSchema(etree.fromstring(text(main).encode("utf-8"), parser, base_url=str(here / main)))


def _xsd_errors(schema, path: Path) -> list[str]:
    from lxml import etree
    schema.validate(etree.parse(str(path)))
    return [f"line {e.line}: {e.message}" for e in schema.error_log]


@pytest.fixture(scope="module")
def gexf_xsd():
    return _xsd("gexf-1.2", "gexf.xsd", _GEXF_DRAFT)


@pytest.fixture(scope="module")
def graphml_xsd():
    return _xsd("graphml-1.0", "graphml.xsd")


def test_gexf_and_graphml_are_valid_against_their_xsds(hlj_files, gexf_xsd, graphml_xsd):
    assert _xsd_errors(gexf_xsd, hlj_files["gexf"]) == []
    assert _xsd_errors(graphml_xsd, hlj_files["graphml"]) == []


def test_the_xsds_reject_what_the_exporter_used_to_write(tmp_path, gexf_xsd, graphml_xsd):
    """networkx's own output for the old graph: the relation as the GEXF edge type, a graph name, and
    node ids with "/" (not NMTOKENs) in GraphML."""
    import networkx as nx
    G = nx.DiGraph()
    G.add_edge("actor:anhui/government", "inst:subsidy", type="USES")
    nx.write_gexf(G, tmp_path / "old.gexf")
    nx.write_graphml(G, tmp_path / "old.graphml")
    gexf = _xsd_errors(gexf_xsd, tmp_path / "old.gexf")
    assert any("'name' is not allowed" in e for e in gexf)
    assert any("'USES' is not an element of the set" in e for e in gexf)
    assert any("'actor:anhui/government' is not a valid value of the atomic type 'xs:NMTOKEN'" in e
               for e in _xsd_errors(graphml_xsd, tmp_path / "old.graphml"))


def test_graphml_ids_are_nmtokens_that_decode_to_the_graph_ids():
    from policykg.graph.export import graphml_id
    assert graphml_id("actor:anhui/government") == "actor:anhui_x002F_government"
    assert graphml_id("dom:ai") == "dom:ai" and graphml_id("中文/x") == "中文_x002F_x"
    assert graphml_id("a_x002F_b") == "a_x005F_x002F_b"                 # never read as an escape
