"""Exports of the property graph: JSON (for loaders and views), GraphML and GEXF (Gephi),
and CSV files in the ``neo4j-admin database import`` format.

The file exports are :class:`Exporter` entries of the registry :data:`EXPORTERS`
(``policykg export FORMAT BUILD`` lists them and writes one into a build at any time;
``policykg build --exports NAME`` writes it with the build; a build always writes those marked
``in_build``).  Another package adds a format with an entry point in the group
``policykg.exporters`` naming an :class:`Exporter`.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from policykg.errors import GraphError
from policykg.registry import Registry

from .property import KEY_LABELS, PGraph, PNode, PRel
from .shards import has_part, part_path, read_part

__all__ = ["write_graph_json", "read_graph_json", "to_networkx", "write_graphml", "write_gexf", "graphml_id",
           "write_neo4j_csv", "Exporter", "EXPORTERS", "read_manifest", "shard_path", "read_build_graph"]


@dataclass(frozen=True, slots=True)
class Exporter:
    """A file export of the property graph.

    ``write(g, path)`` writes to ``path`` (a file, or a directory for a
    multi-file format) and returns the files written; ``filename`` is the name
    of that path inside a build directory; ``in_build``: whether every
    ``policykg build`` writes it (the others on request: ``build --exports NAME``); ``help``: one line for ``policykg export --help``;
    ``reads``: ``"graph"`` (``write(g, path)``), ``"nq"`` (``write(build_dir, path)``: made from the
    build's N-Quads, ``kg.nq.gz`` or ``kg.nq``, such as Turtle) or ``"build"`` (``write(build_dir, path, **options)``: a format
    made from the build's records, such as the tables).
    """
    name: str
    write: Callable[..., list[Path]]
    filename: str
    in_build: bool = False
    help: str = ""
    reads: str = "graph"


#: format name → :class:`Exporter`; entry-point group ``policykg.exporters``
EXPORTERS: Registry[Exporter] = Registry("policykg.exporters")


def exporter(name: str, filename: str, help: str, in_build: bool = False):
    """Register the decorated ``write(g, path) -> list[Path]`` as the exporter ``name``."""
    def deco(write: Callable[[PGraph, Path], list[Path]]) -> Callable[[PGraph, Path], list[Path]]:
        EXPORTERS.register(name, Exporter(name, write, filename, in_build, help))
        return write
    return deco


def write_graph_json(g: PGraph, path: Path) -> None:
    import orjson
    data = {"nodes": [{"id": n.id, "key": n.key, "labels": n.labels, "props": n.props} for n in g.nodes.values()],
            "rels": [{"type": r.type, "src": r.src, "dst": r.dst, "props": r.props} for r in g.rels]}
    path.write_bytes(orjson.dumps(data))


def read_manifest(build_dir: Path) -> dict[str, Any] | None:
    """A build directory's ``manifest.json`` (None when there is none or it cannot be read)."""
    import orjson
    try:
        return orjson.loads((Path(build_dir) / "manifest.json").read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None


def shard_path(cache: Path, key: str) -> Path:
    """Where a build keeps one document's graph (its KG as JSON, compressed: :mod:`policykg.graph.shards`)."""
    return part_path(cache, key, "kg")


def read_build_graph(build_dir: str | Path) -> PGraph:
    """The property graph of a build: its ``graph.json`` when the build wrote one, else merged from
    the per-document graphs the build keeps (``.cache/<fingerprint>/<key>.kg.json``)."""
    import orjson

    from .kg import KG
    from .property import to_property_graph
    build_dir = Path(build_dir)
    if (build_dir / "graph.json").exists():
        return read_graph_json(build_dir / "graph.json")
    m = read_manifest(build_dir)
    if m is None:
        raise GraphError("no manifest.json here: is this a build directory? (run 'policykg build PATHS -o DIR')",
                         str(build_dir))
    cache = build_dir / ".cache" / str(m.get("fingerprint"))
    docs = m.get("documents", [])
    missing = [d["path"] for d in docs if not has_part(cache, d.get("key", ""), "kg")]
    if missing:
        raise GraphError(f"the build's cache lacks the graph of {missing[0]}; rebuild it with 'policykg build'",
                         str(build_dir))
    return to_property_graph(KG.from_json(orjson.loads(read_part(cache, d["key"], "kg"))) for d in docs)


def read_graph_json(path: Path) -> PGraph:
    import orjson

    if not path.exists():
        raise GraphError("no graph.json here: is this a build directory? (run 'policykg build PATHS -o DIR')",
                         str(path.parent))
    data = orjson.loads(path.read_bytes())
    g = PGraph()
    for n in data["nodes"]:
        g.nodes[n["id"]] = PNode(n["id"], n["key"], n["labels"], n["props"])
    g.rels = [PRel(r["type"], r["src"], r["dst"], r["props"]) for r in data["rels"]]
    return g


def _scalar(v: Any) -> Any:
    if isinstance(v, list):
        return "; ".join(str(x) for x in v)
    if isinstance(v, bool):
        return v
    return v


def to_networkx(g: PGraph, keys: tuple[str, ...] | None = None):
    """A networkx MultiDiGraph of the property graph (optionally only some key labels).

    Node attributes are the properties plus ``key`` and ``labels``; edge
    attributes are ``type`` plus the properties.
    """
    import networkx as nx
    G = nx.MultiDiGraph()
    for n in g.nodes.values():
        if keys is None or n.key in keys:
            G.add_node(n.id, key=n.key, labels=n.labels, **n.props)
    for r in g.rels:
        if r.src in G and r.dst in G:
            G.add_edge(r.src, r.dst, key=r.type, type=r.type, **r.props)
    return G


#: the analytic layer written for Gephi (provisions, sentences and mentions are left to the stores)
_GEPHI_KEYS = ("PolicyDocument", "Actor", "PolicyInstrument", "Domain", "Region", "Concept", "Measure", "Target",
               "Statistic")

#: node attribute names networkx or GEXF reserve (``key`` becomes ``networkx_key``; ``id``, ``pid``,
#: ``start``/``end`` (dynamics), ``viz``, ``spells``, ``parents``, ``slices`` are read as GEXF structure)
#: → the name written instead.  ``label`` is kept: it is the GEXF node label and reads back as ``label``.
_NODE_ATTR_RENAMES = {"key": "table", "id": "nodeId", "type": "nodeType", "start": "spanStart",
                      "end": "spanEnd", "pid": "pidProp", "viz": "vizProp", "spells": "spellsProp",
                      "parents": "parentsProp", "slices": "slicesProp", "networkx_key": "networkxKeyProp"}
#: edge attribute names reserved the same way (the edge ``type`` of GEXF 1.2 is its kind:
#: directed/undirected/mutual, so the relation is written as ``relation``)
_EDGE_ATTR_RENAMES = {"type": "relationType", "key": "keyProp", "id": "edgeId", "start": "spanStart",
                      "end": "spanEnd", "viz": "vizProp", "spells": "spellsProp", "slices": "slicesProp",
                      "networkx_key": "networkxKeyProp", "relation": "relationProp"}


def _analytic_digraph(g: PGraph):
    """A networkx DiGraph of the analytic layer, with attribute values GraphML and GEXF can hold.

    Node attributes are the properties (reserved names renamed, see :data:`_NODE_ATTR_RENAMES`)
    plus ``table`` (the key label), ``labels`` and ``label``; edge attributes are ``relation``
    (the relationship type) plus the properties.
    """
    import networkx as nx
    keys = _GEPHI_KEYS
    G = nx.DiGraph()
    for n in g.nodes.values():
        if n.key in keys:
            attrs = {_NODE_ATTR_RENAMES.get(k, k): _scalar(v) for k, v in n.props.items() if v is not None}
            attrs["table"] = n.key
            attrs["labels"] = ";".join(n.labels)
            attrs.setdefault("label", n.props.get("label") or n.props.get("title") or n.props.get("text", n.id)[:40])
            G.add_node(n.id, **attrs)
    for r in g.rels:
        if r.src in G and r.dst in G:
            attrs = {_EDGE_ATTR_RENAMES.get(k, k): _scalar(v) for k, v in r.props.items() if v is not None}
            attrs["relation"] = r.type
            G.add_edge(r.src, r.dst, **attrs)
    _unify_attribute_types(G)
    return G


def _gexf_digraph(g: PGraph):
    """The analytic DiGraph for GEXF: ``weight`` is GEXF's own edge weight, a float (Gephi's
    layouts use it; networkx reads it back as float), so it is written as one."""
    G = _analytic_digraph(g)
    for *_, d in G.edges(data=True):
        if "weight" in d:
            d["weight"] = float(d["weight"])
    return G


#: characters a GraphML id keeps as they are (the XSD types ids as NMTOKEN, which has no "/"): ASCII
#: letters and digits, ":", "_", ".", "-" and the CJK ideographs; any other is written ``_xHHHH_``
_NMTOKEN_KEEP = re.compile(r"[A-Za-z0-9:_.\-\u4e00-\u9fa5]")
_ESCAPE_LIKE = re.compile(r"x[0-9A-F]{4,6}_")


def graphml_id(node_id: str) -> str:
    """A node id as a GraphML id (an XML NMTOKEN): ``actor:anhui/government`` → ``actor:anhui_x002F_government``
    (the escape of .NET's XmlConvert.EncodeName; a ``_`` that would read as one is escaped too).  The
    GraphML node keeps the graph's id in its attribute ``graphId``."""
    out = []
    for i, c in enumerate(node_id):
        if _NMTOKEN_KEEP.match(c) and not (c == "_" and _ESCAPE_LIKE.match(node_id, i + 1)):
            out.append(c)
        else:
            out.append(f"_x{ord(c):04X}_")
    return "".join(out)


def _graphml_digraph(g: PGraph):
    """The analytic DiGraph for GraphML: node ids made NMTOKENs (:func:`graphml_id`), the graph's id in
    ``graphId`` (``nx.relabel_nodes(G, nx.get_node_attributes(G, "graphId"))`` gives the graph's ids back)."""
    import networkx as nx
    G = _analytic_digraph(g)
    for n, d in G.nodes(data=True):
        d["graphId"] = n
    return nx.relabel_nodes(G, {n: graphml_id(n) for n in G})


@exporter("graphml", "kg.graphml", "GraphML of the analytic layer (documents, actors, instruments, domains, "
          "regions, measures, targets, statistics), for Gephi, yEd or networkx")
def write_graphml(g: PGraph, path: Path) -> list[Path]:
    import networkx as nx
    nx.write_graphml(_graphml_digraph(g), path)
    return [path]


@exporter("gexf", "kg.gexf", "GEXF 1.2 of the analytic layer, for Gephi")
def write_gexf(g: PGraph, path: Path) -> list[Path]:
    from networkx.readwrite.gexf import GEXFWriter
    writer = GEXFWriter(version="1.2draft")
    writer.add_graph(_gexf_digraph(g))
    for graph in writer.xml.iter("graph"):       # networkx writes name="", which GEXF 1.2 does not have
        graph.attrib.pop("name", None)
    writer.write(path)
    return [path]


def _unify_attribute_types(G) -> None:
    """GraphML and GEXF declare one type per attribute: an attribute holding both
    integers and decimals (a target of 25 and one of 30.2) becomes float, one mixing
    numbers and text becomes text, so Gephi and networkx read every value back."""
    for items in (list(G.nodes(data=True)), [(None, d) for *_, d in G.edges(data=True)]):
        kinds: dict[str, set[type]] = {}
        for _, d in items:
            for k, v in d.items():
                kinds.setdefault(k, set()).add(bool if isinstance(v, bool) else type(v))
        for k, ts in kinds.items():
            if len(ts) < 2:
                continue
            cast = float if ts <= {int, float} else str
            for _, d in items:
                if k in d:
                    d[k] = cast(d[k])


_NEO4J_TYPES = {int: "long", float: "double", bool: "boolean"}


@exporter("neo4j-csv", "neo4j-import", "a directory of CSV files and import.sh for an offline "
          "'neo4j-admin database import'")
def write_neo4j_csv(g: PGraph, out: Path) -> list[Path]:
    """One CSV per key label and per relationship type, headers in neo4j-admin import syntax,
    and ``import.sh`` with the command line."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    node_files, rel_files = [], []
    for table in KEY_LABELS:
        rows = [n for n in g.nodes.values() if n.key == table]
        if not rows:
            continue
        cols = sorted({k for n in rows for k in n.props})
        header = ["id:ID", ":LABEL"] + [_typed(c, rows, lambda n, c=c: n.props.get(c)) for c in cols]
        path = out / f"nodes_{table}.csv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(header)
            for n in rows:
                w.writerow([n.id, ";".join(n.labels)] + [_cell(n.props.get(c)) for c in cols])
        written.append(path)
        node_files.append(path.name)
    by_type: dict[str, list[PRel]] = {}
    for r in g.rels:
        by_type.setdefault(r.type, []).append(r)
    for t, rels in sorted(by_type.items()):
        cols = sorted({k for r in rels for k in r.props})
        header = [":START_ID", ":END_ID", ":TYPE"] + [_typed(c, rels, lambda r, c=c: r.props.get(c)) for c in cols]
        path = out / f"relationships_{t}.csv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(header)
            for r in rels:
                w.writerow([r.src, r.dst, r.type] + [_cell(r.props.get(c)) for c in cols])
        written.append(path)
        rel_files.append(path.name)
    script = out / "import.sh"
    args = " \\\n  ".join([f"--nodes={f}" for f in node_files] + [f"--relationships={f}" for f in rel_files])
    script.write_text("#!/bin/sh\n# Offline bulk import into an empty Neo4j database (stop the database first).\n"
                      'cd "$(dirname "$0")"\n'
                      f"neo4j-admin database import full --array-delimiter=';' --overwrite-destination \\\n  {args} \\\n"
                      "  ${1:-neo4j}\n", encoding="utf-8")
    script.chmod(0o755)
    written.append(script)
    return written


def _typed(col: str, items, get) -> str:
    kinds = {type(v) for v in (get(x) for x in items) if v is not None}
    if kinds and all(k is list for k in kinds):
        return f"{col}:string[]"
    if kinds == {bool}:
        return f"{col}:boolean"
    if kinds and kinds <= {int}:
        return f"{col}:long"
    if kinds and kinds <= {int, float}:
        return f"{col}:double"
    return col


def _cell(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, list):
        return ";".join(str(x).replace(";", "；") for x in v)
    if isinstance(v, bool):
        return "true" if v else "false"
    return v


def _write_graph_json(g: PGraph, path: Path) -> list[Path]:
    write_graph_json(g, path)
    return [path]


EXPORTERS.register("graph-json", Exporter(
    "graph-json", _write_graph_json, "graph.json", in_build=False,
    help="the property graph as one JSON file (nodes and relationships with their properties)"))


def _write_turtle(build_dir: Path, path: Path, **_: Any) -> list[Path]:
    from .nquads import nquads_path
    from .rdf import write_turtle
    write_turtle(nquads_path(build_dir), path)
    return [path]


def _write_jsonld(build_dir: Path, path: Path, **_: Any) -> list[Path]:
    from .nquads import nquads_path
    from .rdf import write_jsonld
    write_jsonld(nquads_path(build_dir), path)
    return [path]


EXPORTERS.register("ttl", Exporter("ttl", _write_turtle, "kg.ttl", in_build=False, reads="nq",
                                   help="Turtle: every statement, the documents' graphs merged"))
EXPORTERS.register("jsonld", Exporter("jsonld", _write_jsonld, "kg.jsonld", in_build=False, reads="nq",
                                      help="JSON-LD with one named graph per document"))


def _write_tables(build_dir: Path, out: Path, **options: Any) -> list[Path]:
    from .tables import export_tables
    return export_tables(build_dir, out, **options)


EXPORTERS.register("tables", Exporter(
    "tables", _write_tables, "tables", in_build=False, reads="build",
    help="tidy tables for pandas and R (Parquet and CSV): documents, provisions, sentences, actors, instruments, "
         "domains, measures, targets, parameters, statistics, sanctions, citations"))
