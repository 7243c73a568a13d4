"""A build's property graph into FalkorDB at the server's own bulk speed (``GRAPH.BULK``).

Over Bolt, FalkorDB parses every batch's parameters as query text, which bounds a
load at about a thousand rows a second (see :mod:`policykg.graph.bolt`).  Its own
bulk path, the ``falkordb-bulk-loader`` package (PyPI), sends binary-encoded nodes
and relationships over the Redis port into a new graph.  This module writes the
graph as that loader's CSV files — one per label set and per relationship type,
with typed headers (``id:ID``, ``label:STRING``, ``labels:ARRAY``…) — runs the
loader, indexes ``id`` on every key label as the Bolt loader does, and returns the
database's counts for the caller to compare with the build's.  The result is the
graph ``load_bolt`` makes: the same labels, the ``labels`` list property, the same
properties and relationship types, so the saved Cypher queries run unchanged.

>>> from policykg.graph.property import PGraph, PNode
>>> g = PGraph({"a": PNode("a", "Actor", ["Actor", "Department"], {"label": "省数据局", "level": "province"})}, [])
>>> [(name, header) for name, header, _ in node_tables(g)]
[('Actor:Department', ['id:ID', 'label:STRING', 'labels:ARRAY', 'level:STRING'])]
"""

from __future__ import annotations

import contextlib
import csv
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from policykg.errors import StoreError

from .property import KEY_LABELS, PGraph

__all__ = ["BulkResult", "node_tables", "rel_tables", "write_tables", "load_falkordb_bulk", "check_url"]


@dataclass(slots=True)
class BulkResult:
    url: str
    graph: str
    nodes: int = 0
    relationships: int = 0
    seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def rows_per_second(self) -> float:
        return (self.nodes + self.relationships) / self.seconds if self.seconds else 0.0


def check_url(url: str) -> tuple[str, int]:
    """``redis://host:port`` → (host, port); anything else is a one-line error."""
    u = urlparse(url)
    if u.scheme not in ("redis", "rediss") or not u.hostname:
        raise StoreError("not a Redis URL: give redis://HOST:PORT (FalkorDB's own port, not its Bolt port)", url)
    try:
        return u.hostname, u.port or 6379
    except ValueError:
        raise StoreError("the port is not a number", url) from None


def _kind(values: list[Any]) -> str:
    """The loader's column type for a column's values (mixed kinds: STRING)."""
    kinds = set()
    for v in values:
        kinds.add("BOOL" if isinstance(v, bool) else "LONG" if isinstance(v, int)
                  else "DOUBLE" if isinstance(v, float) else "ARRAY" if isinstance(v, list | tuple) else "STRING")
    if kinds <= {"LONG", "DOUBLE"} and "DOUBLE" in kinds:
        return "DOUBLE"
    return kinds.pop() if len(kinds) == 1 else "STRING"


def _cell(v: Any, kind: str) -> str:
    """A value as the loader reads it back: arrays as Python literals, booleans as true/false,
    nothing as an empty field (the loader's NULL)."""
    if v is None:
        return ""
    if kind == "BOOL":
        return "true" if v else "false"
    if isinstance(v, list | tuple):                 # an ARRAY column, or a list among other kinds (STRING)
        return repr(list(v))
    return str(v)


def _table(rows: list[tuple[list[str], dict[str, Any]]], first: list[str]) -> tuple[list[str], list[list[str]]]:
    cols = sorted({k for _, props in rows for k, v in props.items() if v is not None})
    kinds = {c: _kind([props[c] for _, props in rows if props.get(c) is not None]) for c in cols}
    header = first + [f"{c}:{kinds[c]}" for c in cols]
    body = [ends + [_cell(props.get(c), kinds[c]) for c in cols] for ends, props in rows]
    return header, body


def node_tables(g: PGraph) -> Iterator[tuple[str, list[str], list[list[str]]]]:
    """(label string ``Key:Extra…``, header, rows) per label set, key labels in the ontology's order."""
    groups: dict[tuple[str, ...], list[tuple[list[str], dict[str, Any]]]] = {}
    for n in g.nodes.values():
        labels = (n.key, *sorted(x for x in n.labels if x != n.key))
        props = {k: v for k, v in n.props.items() if k != "id"}
        groups.setdefault(labels, []).append(([n.id], {**props, "labels": list(n.labels)}))
    order = {k: i for i, k in enumerate(KEY_LABELS)}
    for labels in sorted(groups, key=lambda ls: (order.get(ls[0], 99), ls)):
        header, body = _table(groups[labels], ["id:ID"])
        yield ":".join(labels), header, body


def rel_tables(g: PGraph) -> Iterator[tuple[str, list[str], list[list[str]]]]:
    """(relationship type, header, rows) per type."""
    groups: dict[str, list[tuple[list[str], dict[str, Any]]]] = {}
    for r in g.rels:
        groups.setdefault(r.type, []).append(([r.src, r.dst], {k: v for k, v in r.props.items()}))
    for rtype in sorted(groups):
        header, body = _table(groups[rtype], [":START_ID", ":END_ID"])
        yield rtype, header, body


def write_tables(g: PGraph, folder: Path) -> list[str]:
    """The loader's arguments for ``g`` written as CSV files in ``folder`` (``-N LABELS file`` …)."""
    args: list[str] = []
    for flag, tables in (("-N", node_tables(g)), ("-R", rel_tables(g))):
        for i, (name, header, body) in enumerate(tables):
            path = folder / f"{flag[1].lower()}{i}.csv"
            with path.open("w", encoding="utf-8", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(header)
                w.writerows(body)
            args += [flag, name, str(path)]
    return args


def _client(url: str):
    import importlib.util
    try:
        from falkordb import FalkorDB
        if importlib.util.find_spec("falkordb_bulk_loader") is None:
            raise ImportError
    except ImportError:
        raise StoreError("the FalkorDB bulk path needs falkordb-bulk-loader (pip install 'policykg[falkordb]')",
                         url) from None
    try:
        db = FalkorDB.from_url(url)                 # a user and password in the URL are used
        db.connection.ping()
    except Exception as e:                      # noqa: BLE001 — redis raises several kinds; one line for each
        raise StoreError(f"nothing answers at this address ({type(e).__name__}: {e})", url) from None
    return db


def load_falkordb_bulk(g: PGraph, url: str, graph: str = "policykg", replace: bool = False,
                       workdir: Path | None = None) -> BulkResult:
    """Load ``g`` into a new FalkorDB graph ``graph`` at ``url`` (``redis://host:port``) with the server's
    bulk command; ``replace`` deletes a graph of that name first (else an existing graph is an error:
    the bulk path only makes new graphs).  Returns the database's counts per key label and type."""
    check_url(url)
    db = _client(url)
    if graph in db.list_graphs():
        if not replace:
            raise StoreError(f"a graph named '{graph}' already exists there; --replace loads it anew, "
                             "--graph NAME loads beside it", url)
        db.select_graph(graph).delete()
    t0 = time.perf_counter()
    with contextlib.ExitStack() as stack:
        folder = Path(workdir) if workdir else Path(stack.enter_context(tempfile.TemporaryDirectory(
            prefix="policykg-falkordb-")))
        args = write_tables(g, folder)
        cmd = [sys.executable, "-X", "utf8", "-m", "falkordb_bulk_loader.bulk_insert", graph, "-u", url,
               "-d", "-x", "none", *args]
        proc = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", errors="replace")
    if proc.returncode != 0:
        last = [line for line in (proc.stderr or proc.stdout).splitlines() if line.strip()]
        raise StoreError(f"the bulk loader failed: {last[-1] if last else f'exit status {proc.returncode}'}", url)
    target = db.select_graph(graph)
    for key in KEY_LABELS:                      # every key label, as the Bolt loader's FalkorDB dialect does
        target.query(f"CREATE INDEX FOR (n:`{key}`) ON (n.id)")
    r = BulkResult(url, graph, len(g.nodes), len(g.rels), time.perf_counter() - t0)
    r.counts = database_counts(db, graph, g)
    return r


def database_counts(db, graph: str, g: PGraph) -> dict[str, int]:
    """Nodes per key label and relationships per type of ``graph``, for the labels and types of ``g``."""
    q = db.select_graph(graph).ro_query
    out = {k: q(f"MATCH (n:`{k}`) RETURN count(n)").result_set[0][0] for k in sorted(g.counts())}
    out.update({t: q(f"MATCH ()-[r:`{t}`]->() RETURN count(r)").result_set[0][0] for t in sorted(g.rel_counts())})
    return out
