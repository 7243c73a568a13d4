"""policykg: Chinese policy documents into a knowledge graph with provenance.

Subpackages (top-level folders in the repository):

- :mod:`policykg.extract`  — read, normalize, structure, mentions, resolve, relations
- :mod:`policykg.ontology` — the ontology and vocabularies (Turtle) and their Python face
- :mod:`policykg.graph`    — RDF, property graph, Neo4j, queries, analysis helpers
- :mod:`policykg.viz`      — interactive and static network views
"""

__version__ = "0.1.0"
