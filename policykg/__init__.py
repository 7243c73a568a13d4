"""policykg: Chinese policy documents into a knowledge graph with provenance.

Subpackages (top-level folders in the repository):

- :mod:`policykg.extract`  — read, normalize, structure, mentions, resolve, relations
- :mod:`policykg.ontology` — the ontology and vocabularies (Turtle) and their Python face
- :mod:`policykg.graph`    — RDF, property graph, Neo4j, queries, analysis helpers
- :mod:`policykg.viz`      — interactive and static network views
"""

__version__ = "0.1.0"


def __getattr__(name: str):
    """``policykg.load_tables(BUILD)``: the tables of a build as pandas DataFrames (imported on first use,
    so that ``import policykg`` stays light)."""
    if name == "load_tables":
        from policykg.graph.tables import load_tables
        return load_tables
    raise AttributeError(f"module 'policykg' has no attribute {name!r}")
