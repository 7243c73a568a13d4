"""A Bolt dialect for a (fictitious) server that announces itself as ``ExampleGraph/x.y``."""

from __future__ import annotations

from policykg.graph.bolt import Dialect, server_agent
from policykg.graph.bolt.dialect import ident
from policykg.graph.property import KEY_LABELS

__all__ = ["EXAMPLE_GRAPH", "ExampleGraphDialect"]


class ExampleGraphDialect(Dialect):
    name = "examplegraph"
    max_param_bytes = 64 * 1024
    max_sessions = 2

    def detect(self, session) -> bool:
        return server_agent(session).startswith("ExampleGraph/")

    def index_statements(self, keys: tuple[str, ...] = KEY_LABELS, existing: set[str] = frozenset()) -> list[str]:
        return [f"CREATE INDEX ON :{ident(k)}(id)" for k in keys if k not in existing]


EXAMPLE_GRAPH = ExampleGraphDialect()
