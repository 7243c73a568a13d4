"""Bolt dialects: what a server needs beyond the generic batched loader.

A :class:`Dialect` says how to recognise its server, which index or constraint
statements to create, how large a message and how many sessions the server
takes, whether string parameters must be encoded, how long a silent connection
may be waited for, and how to close the driver.  The loader asks every dialect
of the registry :data:`DIALECTS` in turn (:func:`detect_dialect`); one marked
``fallback`` is asked last and takes a server no other dialect recognises.

Another package adds a dialect with an entry point in the group
``policykg.dialects`` naming a :class:`Dialect` instance.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from typing import Any

from policykg.errors import StoreError
from policykg.graph.property import KEY_LABELS
from policykg.registry import Registry

__all__ = ["Dialect", "DIALECTS", "detect_dialect", "server_agent", "ident"]

_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def ident(name: str) -> str:
    """``name`` if it is a plain label, type or property name, else StoreError (it is written into Cypher)."""
    if not _IDENT.match(name):
        raise StoreError(f"'{name}' is not a plain label or type name; refusing to write it into Cypher")
    return name


class Dialect:
    """A Bolt server that binds parameters, takes messages of any size and any number of
    sessions, and closes cleanly; subclasses override what differs."""

    #: the registry name, also reported as ``LoadResult.dialect``
    name: str = "bolt"
    #: asked after every other dialect; chosen when none of them recognises the server
    fallback: bool = False
    #: bytes of parameters per Bolt message (``None``: no limit)
    max_param_bytes: int | None = None
    #: concurrent sessions one load may use (``None``: as many as asked for)
    max_sessions: int | None = None
    #: seconds of silence after which a connection is given up and its transaction
    #: retried (``None``: wait as long as the driver does)
    stall_seconds: float | None = None
    #: whether a session may name a database (``load neo4j --database``)
    databases: bool = True

    def detect(self, session) -> bool:
        """Whether the server behind ``session`` speaks this dialect."""
        return False

    def index_statements(self, keys: tuple[str, ...] = KEY_LABELS, existing: Collection[str] = frozenset()) -> list[str]:
        """Statements that index ``id`` of every key label (not those in ``existing``), run before any data."""
        return []

    def existing_indexes(self, session) -> set[str]:
        """Key labels whose ``id`` is already indexed."""
        return set()

    def encoder(self, session) -> Callable[[Any], Any] | None:
        """A function applied to every row before it is sent, or None (rows go as they are)."""
        return None

    def read_deadline(self, stall_seconds: float | None) -> float | None:
        """The read timeout for a load: ``stall_seconds`` if given (0: none), else the dialect's."""
        if stall_seconds is None:
            return self.stall_seconds
        return stall_seconds or None

    def close(self, driver) -> None:
        """Close the driver."""
        driver.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r}>"


#: dialect name → :class:`Dialect`; entry-point group ``policykg.dialects``
DIALECTS: Registry[Dialect] = Registry("policykg.dialects")


def detect_dialect(session) -> Dialect:
    """The first registered dialect that recognises the server; fallback dialects are asked last,
    and the first of them is chosen when no dialect answers yes."""
    dialects = sorted((d for _, d in DIALECTS.items()), key=lambda d: d.fallback)
    for d in dialects:
        if d.detect(session):
            return d
    fallbacks = [d for d in dialects if d.fallback]
    if not fallbacks:
        raise StoreError("no Bolt dialect recognises this server")
    return fallbacks[0]


def server_agent(session) -> str:
    """The server's Bolt agent string (``Neo4j/5.13.0``), or "" when it cannot be had.

    Note that FalkorDB 4.16 announces itself as ``Neo4j/5.13.0``.
    """
    try:
        return session.run("RETURN 1 AS one").consume().server.agent or ""
    except Exception:          # noqa: BLE001 — a server that cannot say is no server of this name
        return ""
