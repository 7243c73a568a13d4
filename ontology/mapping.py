"""Ontology → property-graph names, derived, never typed again by hand.

- a class's Neo4j label is its local name (``pkg:GovernmentBody`` → ``GovernmentBody``),
  and a node carries the labels of its superclasses in the ontology too
  (``GovernmentBody`` → ``GovernmentBody:Actor``);
- an edge property's relationship type is its local name in UPPER_SNAKE_CASE
  (``pkg:usesInstrument`` → ``USES_INSTRUMENT``), an attribute's key its local
  name (``pkg:targetYear`` → ``targetYear``); ``pkg:cypherName`` overrides both.

>>> rel_type("pkg:usesInstrument"), rel_type("pkg:uses"), rel_type("eli:cites")
('USES_INSTRUMENT', 'USES', 'CITES')
>>> node_labels("GovernmentBody")
['GovernmentBody', 'Actor']
>>> property_key("pkg:targetYear"), property_key("pkg:value")
('year', 'value')
"""

from __future__ import annotations

import re

from policykg.errors import OntologyError

from .vocabulary import vocabulary

__all__ = ["rel_type", "node_labels", "property_key", "edge_properties",
           "upper_snake"]


def upper_snake(name: str) -> str:
    """``usesInstrument`` → ``USES_INSTRUMENT``; ``passed_by`` → ``PASSED_BY``."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).replace("-", "_").upper()


def _prop(curie: str) -> dict:
    props = vocabulary().properties
    if curie not in props:
        raise OntologyError(f"property {curie} is not declared in the ontology (ontology/policy.ttl)")
    return props[curie]


def rel_type(curie: str) -> str:
    """Relationship type for an object property used as an edge."""
    p = _prop(curie)
    if p.get("kind") not in ("edge", "derived"):
        raise OntologyError(f"{curie} is an attribute in the ontology (pkg:graphKind '{p.get('kind')}'), not an edge")
    return p.get("cypher") or upper_snake(p["local"])


def property_key(curie: str) -> str:
    """Node property key for a datatype (or attribute-valued) property."""
    p = _prop(curie)
    return p.get("cypher") or p["local"]


def node_labels(cls: str) -> list[str]:
    """The class's label and its ontology superclasses' labels, most specific first."""
    classes = vocabulary().classes
    if cls not in classes:
        raise OntologyError(f"class pkg:{cls} is not declared in the ontology (ontology/policy.ttl)")
    out, todo = [], [cls]
    while todo:
        c = todo.pop(0)
        label = classes[c]["cypher"]
        if label not in out:
            out.append(label)
        todo.extend(s for s in classes[c]["super"] if s in classes)
    return out


def edge_properties() -> dict[str, str]:
    """curie → relationship type for every property the ontology marks as an edge or derived edge."""
    return {c: rel_type(c) for c, p in sorted(vocabulary().properties.items()) if p.get("kind") in ("edge", "derived")}
