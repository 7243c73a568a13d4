"""Load a build into a server speaking Bolt and Cypher: Neo4j, FalkorDB, or a plug-in's dialect.

- :mod:`.loader` — the generic batched ``UNWIND … MERGE`` loader, :func:`load_bolt`;
- :mod:`.dialect` — :class:`Dialect` and the registry :data:`DIALECTS` (entry-point
  group ``policykg.dialects``);
- :mod:`.neo4j` and :mod:`.falkordb` — the two dialects of the project;
- :mod:`.reach` — why a server cannot be used, one exit status per reason.
"""

from . import falkordb, neo4j  # noqa: F401 — registers the dialects (Neo4j first, FalkorDB the fallback)
from .dialect import DIALECTS, Dialect, detect_dialect, server_agent
from .falkordb import FALKORDB_PARAM_BYTES, FALKORDB_STALL_SECONDS, pastes_parameters, quote_strings
from .loader import (
                     PHASES,
                     LoadResult,
                     batches,
                     check_uri,
                     close_driver,
                     graph_counts,
                     index_statements,
                     load_bolt,
                     node_statement,
                     piece_statement,
                     plan,
                     rel_statement,
)
from .reach import BoltError, LoginRefused, NotBolt, NotListening, ServerLost, probe

__all__ = ["load_bolt", "LoadResult", "check_uri", "close_driver", "graph_counts", "Dialect", "DIALECTS",
           "detect_dialect", "server_agent", "node_statement", "rel_statement", "piece_statement", "index_statements",
           "batches", "plan", "PHASES", "quote_strings", "pastes_parameters", "FALKORDB_PARAM_BYTES",
           "FALKORDB_STALL_SECONDS", "BoltError", "LoginRefused", "NotListening", "NotBolt", "ServerLost", "probe"]
