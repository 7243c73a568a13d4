"""The build's stores as the server holds them: opened read-only once, reopened after a rebuild.

A build switches its ``.current`` link to a new generation; the server notices on the next
request and opens the new generation's stores, so ``policykg build`` and ``policykg serve`` on
one folder work together.  LadybugDB connections are not shared between threads: every Cypher
query holds the lock.  The property graph that the interactive views draw is read from
LadybugDB (every node table and relationship table), once per generation.
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policykg.errors import QueryError
from policykg.graph.property import KEY_LABELS, PGraph, PNode, PRel
from policykg.graph.query import check_build
from policykg.graph.stores import cypher, open_ladybug, open_oxigraph

__all__ = ["BuildStores", "graph_from_ladybug"]

_ABSENT = re.compile(r"Binder exception: (Cannot find property \w+ for|Table \w+ does not exist)")


@dataclass
class _Generation:
    key: str
    store: Any                       # pyoxigraph.Store, read-only
    db: Any
    conn: Any
    graph: PGraph | None = None
    columns: dict[str, set[str]] = field(default_factory=dict)


class BuildStores:
    """Read-only access to one build directory's Oxigraph store and LadybugDB database."""

    def __init__(self, build_dir: Path) -> None:
        check_build(build_dir)
        self.build_dir = build_dir
        self._lock = threading.RLock()
        self._gen: _Generation | None = None
        self._current()                          # open now: a broken build fails at start, not on a request

    def _key(self) -> str:
        link = self.build_dir / ".current"
        return os.readlink(link) if link.is_symlink() else str(self.build_dir.resolve())

    def _current(self) -> _Generation:
        key = self._key()
        with self._lock:
            if self._gen is None or self._gen.key != key:
                old = self._gen
                store = open_oxigraph(self.build_dir / "oxigraph")
                db, conn = open_ladybug(self.build_dir / "ladybug")
                self._gen = _Generation(key, store, db, conn)
                if old is not None:
                    old.conn.close()
                    old.db.close()
            return self._gen

    @property
    def store(self):
        """The Oxigraph store (thread-safe for reading)."""
        return self._current().store

    def cypher(self, query: str, params: dict | None = None, timeout: float | None = None
               ) -> tuple[list[str], list[list[Any]]]:
        with self._lock:
            return cypher(self._current().conn, query, params, timeout=timeout)

    def read(self, query: str, params: dict | None = None) -> list[list[Any]]:
        """The rows of a query the app itself wrote; none when the build lacks a table or column it
        names (LadybugDB's schema has only what the build's graph has: a corpus without parameters
        has no ``Parameter.start``, one without instruments no ``USES_INSTRUMENT`` table)."""
        try:
            return self.cypher(query, params)[1]
        except QueryError as e:
            if _ABSENT.search(str(e)):
                return []
            raise

    def columns(self, table: str) -> set[str]:
        """The columns of a LadybugDB node table (a corpus may lack optional ones such as ``altLabels``)."""
        with self._lock:
            gen = self._current()
            if table not in gen.columns:
                _, rows = cypher(gen.conn, f"CALL table_info('{table}') RETURN name")
                gen.columns[table] = {r[0] for r in rows}
            return gen.columns[table]

    def graph(self) -> PGraph:
        """The build's property graph, read from LadybugDB (for the views)."""
        with self._lock:
            gen = self._current()
            if gen.graph is None:
                gen.graph = graph_from_ladybug(gen.conn)
            return gen.graph

    def close(self) -> None:
        with self._lock:
            if self._gen is not None:
                self._gen.conn.close()
                self._gen.db.close()
                self._gen = None


def _props(value: dict[str, Any], skip: tuple[str, ...]) -> dict[str, Any]:
    return {k: v for k, v in value.items() if v is not None and not k.startswith("_") and k not in skip}


def graph_from_ladybug(conn) -> PGraph:
    """Every node and relationship of a build's LadybugDB database as a :class:`PGraph`."""
    g = PGraph()
    _, tables = cypher(conn, "CALL show_tables() RETURN name, type")
    node_tables = [t for t in KEY_LABELS if [t, "NODE"] in tables]
    for table in node_tables:
        _, rows = cypher(conn, f"MATCH (n:{table}) RETURN n")
        for (n,) in rows:
            props = _props(n, ("id", "labels"))
            if isinstance(props.get("number"), str) and props["number"].isdigit():   # a STRING column
                props["number"] = int(props["number"])
            g.nodes[n["id"]] = PNode(n["id"], table, list(n["labels"] or []), props)
    rel_tables = sorted(name for name, kind in tables if kind == "REL")
    for rel in rel_tables:
        _, rows = cypher(conn, f"MATCH (a)-[r:{rel}]->(b) RETURN a.id, b.id, r")
        g.rels.extend(PRel(rel, a, b, _props(r, ())) for a, b, r in rows)
    return g
