"""The policykg ontology: Turtle files are the truth; this package is their Python face.

- :func:`vocabulary` — the SKOS vocabularies as plain data (the extractor's lexicon);
- :mod:`.namespace` — closed rdflib namespaces generated from the Turtle;
- :mod:`.mapping` — classes → Neo4j labels, properties → relationship types;
- :func:`load_graph` — the whole ontology as an rdflib Graph (for SHACL, SPARQL).
- :mod:`.rules` — the extractor's word lists (``rules/*.yaml``): level prefixes, units, cue contexts.
"""

from .vocabulary import BASE, LEXICON_SCHEMES, NS, SCHEMES, Concept, Vocabulary, load_graph, ttl_files, vocabulary

__all__ = ["BASE", "NS", "SCHEMES", "LEXICON_SCHEMES", "Concept", "Vocabulary", "vocabulary",
           "load_graph", "ttl_files", "shapes_path"]


def shapes_path():
    """Path of the SHACL shapes file."""
    from importlib import resources
    from pathlib import Path
    return Path(str(resources.files("policykg.ontology") / "shapes.ttl"))
