"""The Neo4j dialect: uniqueness constraints on ``id``, parameters bound by the server,
several sessions allowed, a plain driver close."""

from __future__ import annotations

from collections.abc import Collection

from policykg.graph.property import KEY_LABELS

from .dialect import DIALECTS, Dialect, ident

__all__ = ["Neo4jDialect", "NEO4J"]


class Neo4jDialect(Dialect):
    name = "neo4j"

    def detect(self, session) -> bool:
        """Neo4j answers ``dbms.components()``."""
        try:
            list(session.run("CALL dbms.components() YIELD name RETURN name"))
            return True
        except Exception:          # noqa: BLE001 — any refusal means "not Neo4j"
            return False

    def index_statements(self, keys: tuple[str, ...] = KEY_LABELS, existing: Collection[str] = frozenset()) -> list[str]:
        """``IF NOT EXISTS`` makes them idempotent, so ``existing`` is not needed.

        >>> NEO4J.index_statements(("Actor",))
        ['CREATE CONSTRAINT policykg_actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE']
        """
        return [f"CREATE CONSTRAINT policykg_{k.lower()}_id IF NOT EXISTS FOR (n:{ident(k)}) REQUIRE n.id IS UNIQUE"
                for k in keys]


NEO4J = Neo4jDialect()
DIALECTS.register(NEO4J.name, NEO4J)
