"""The one registry of namespace prefixes: the project's own and the standard ones, from rdflib.

Everything that writes or reads RDF (the N-Quads writer, Turtle and JSON-LD
serializations, SPARQL's predeclared prefixes, SHACL reports) takes its IRIs
from here.

>>> PREFIXES["skos"], PREFIXES["eli"]
('http://www.w3.org/2004/02/skos/core#', 'http://data.europa.eu/eli/ontology#')
>>> expand("dcterms:title")
'http://purl.org/dc/terms/title'
"""

from __future__ import annotations

from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD, Namespace

from policykg.ontology.vocabulary import NS

__all__ = ["PREFIXES", "STANDARD", "ELI", "expand"]

#: the European Legislation Identifier ontology (rdflib does not ship it)
ELI = Namespace("http://data.europa.eu/eli/ontology#")

STANDARD: dict[str, str] = {"skos": str(SKOS), "dcterms": str(DCTERMS), "org": str(ORG), "prov": str(PROV),
                            "owl": str(OWL), "rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD), "eli": str(ELI)}
#: prefix → namespace IRI, the project's vocabularies first
PREFIXES: dict[str, str] = {**NS, **STANDARD}


def expand(curie: str) -> str:
    """``skos:prefLabel`` → the full IRI (KeyError for an unknown prefix)."""
    prefix, local = curie.split(":", 1)
    return PREFIXES[prefix] + local
