"""One exception hierarchy; every message says what is wrong and, where it can, what to do.

Library code raises these; the CLI turns them into one-line messages and a
non-zero exit status, never a traceback.
"""

from __future__ import annotations

__all__ = ["PolicyKGError", "InputError", "OntologyError", "GraphError", "QueryError",
           "StoreError"]


class PolicyKGError(Exception):
    """Base class.  ``where`` is a file, provision or store the problem is about."""

    def __init__(self, message: str, where: str | None = None):
        super().__init__(message)
        self.message = message
        self.where = where

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class InputError(PolicyKGError):
    """A user's input file cannot be read as a policy document."""


class OntologyError(PolicyKGError):
    """The ontology files are inconsistent (a missing term, an unknown class)."""


class GraphError(PolicyKGError):
    """A build directory is missing, incomplete or from another version."""


class QueryError(PolicyKGError):
    """A SPARQL or Cypher query failed; the message carries the engine's reason."""


class StoreError(PolicyKGError):
    """A database (Neo4j, Oxigraph, LadybugDB) could not be reached or written."""
