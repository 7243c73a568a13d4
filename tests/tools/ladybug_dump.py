"""Every row of a build's LadybugDB, as comparable text: what "incremental == cold, row for row" compares
(tests/test_build.py, tests/graph/test_ladybug_schema.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from policykg.graph.stores import open_ladybug

__all__ = ["ladybug_rows"]


def _plain(v: Any) -> Any:
    """A row's value without LadybugDB's internal ids and empty columns (an updated database keeps the
    columns of the documents it dropped, empty; a database loaded anew has none)."""
    if isinstance(v, dict):
        return sorted((k, _plain(x)) for k, x in v.items() if not k.startswith("_") and x is not None)
    return v


def ladybug_rows(out: Path) -> dict[str, list[str]]:
    """Table name → its rows as sorted text, for the build in ``out``."""
    _db, conn = open_ladybug(out / "ladybug")
    rows = {}
    for name, kind in conn.execute("CALL show_tables() RETURN name, type").get_all():
        q = (f"MATCH (n:{name}) RETURN n" if kind == "NODE" else f"MATCH (a)-[r:{name}]->(b) RETURN a.id, b.id, r")
        rows[name] = sorted(repr([_plain(v) for v in x]) for x in conn.execute(q).get_all())
    return rows
