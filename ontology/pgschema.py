"""The property graph's tables, from the ontology: every column a node table may have and every
(FROM, TO) pair of tables a relationship type may join, whatever the corpus.

A store that must create its tables before the rows come (LadybugDB) makes them from this, so a
document that brings a kind of node or relationship no earlier document had fits the tables as they
are (an incremental build only adds rows).  :func:`render` writes it into ``ontology/cypher.py``
(``python -m policykg.ontology.generate``).

Where a property may be, in the ontology (``policy.ttl``) and its shapes (``shapes.ttl``):

- ``rdfs:domain`` / ``rdfs:range`` (a class, or an ``owl:unionOf`` of classes);
- a shape's ``sh:targetClass`` with ``sh:property [ sh:path P ]`` (also inside ``sh:or``; ``sh:class`` is
  the range; an ``sh:inversePath`` swaps the two);
- ``pkg:graphDomain`` / ``pkg:graphRange`` (annotations, repeatable): the classes whose property-graph
  nodes carry an attribute or start / end an edge, where the ontology does not say it otherwise (the reused
  terms of other vocabularies, whose own domains this ontology does not restate; a property of several classes).

A class stands for its table, its key label: the most general ``pkg:`` class above it (``pkg:Statement``
skipped: GovernmentBody → Actor, Fund → PolicyInstrument, Measure → Measure); ``pkg:Statement`` for its
subclasses' tables; ``skos:Concept`` for the table Concept: the concepts of the vocabularies the ontology
gives no class of their own (modalities, levels, document types, roles…), not those of its subclasses
PolicyInstrument, Domain and Region, which are named where meant.  Every table has ``iri``; a node only one document has (a provision, a
sentence, a statement) has its document's id, ``doc``; a concept also its English label, ``labelEn``.  A
concept-valued attribute is its key and its label (``modality``, ``modalityLabel``).  A derived edge
(``pkg:graphKind "derived"``) has ``weight`` and ``docs``.

>>> nodes, rels = tables()
>>> nodes["Target"]["year"], nodes["Statistic"]["citedSource"], nodes["Measure"]["modalityLabel"]
('INT64', 'STRING', 'STRING')
>>> ("Target", "Region") in rels["IN_JURISDICTION"]["pairs"], rels["USES"]["cols"]
(True, {'docs': 'STRING[]', 'weight': 'INT64'})
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .mapping import property_key, rel_type
from .vocabulary import NS, load_graph, vocabulary

__all__ = ["tables", "render", "CONCEPT_TABLES", "LOCAL_TABLES"]

_SKOS = "http://www.w3.org/2004/02/skos/core#"
_SH = "http://www.w3.org/ns/shacl#"
_OWL = "http://www.w3.org/2002/07/owl#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
#: the tables of concepts (skos:Concept): the three the ontology subclasses, then every other vocabulary's
CONCEPT_TABLES = ("PolicyInstrument", "Domain", "Region", "Concept")
#: the classes whose nodes belong to one document (their tables have ``doc``)
LOCAL_TABLES = ("Provision", "Sentence", "Statement")
#: xsd range → column type (anything else: STRING)
_TYPES = {"integer": "INT64", "int": "INT64", "decimal": "DOUBLE", "double": "DOUBLE", "boolean": "BOOLEAN",
          "gYear": "INT64"}
#: columns whose values are lists
_LISTS = {"altLabels": "STRING[]", "docs": "STRING[]"}

Columns = dict[str, str]


@lru_cache(maxsize=1)
def _key_tables() -> dict[str, tuple[str, ...]]:
    """pkg class (local name) → its tables (one; pkg:Statement → its subclasses')."""
    classes = vocabulary().classes

    def key(c: str) -> str:
        while True:
            sup = [s for s in classes[c]["super"] if s in classes and s != "Statement"]
            if not sup:
                return str(classes[c]["cypher"])
            c = sup[0]
    out: dict[str, tuple[str, ...]] = {c: (key(c),) for c in classes if c != "Statement"}
    out["Statement"] = tuple(sorted({key(c) for c, v in classes.items() if "Statement" in v["super"]}))
    return out


def _tables_of(iri: str) -> tuple[str, ...]:
    if iri == _SKOS + "Concept":
        return ("Concept",)
    if iri.startswith(NS["pkg"]):
        return _key_tables().get(iri[len(NS["pkg"]):], ())
    return ()


def _classes(g, node) -> list[str]:
    """A class, or the members of its owl:unionOf, as IRIs."""
    import rdflib
    union = g.value(node, rdflib.URIRef(_OWL + "unionOf"))
    if union is None:
        return [str(node)] if isinstance(node, rdflib.URIRef) else []
    return [str(c) for c in rdflib.collection.Collection(g, union)]


def _declared(g) -> dict[str, tuple[set[str], set[str]]]:
    """property IRI → (domain class IRIs, range class IRIs) from rdfs and pkg:graphDomain / pkg:graphRange."""
    import rdflib
    out: dict[str, tuple[set[str], set[str]]] = {}
    for i, preds in enumerate(((_RDFS + "domain", NS["pkg"] + "graphDomain"), (_RDFS + "range", NS["pkg"] + "graphRange"))):
        for p in preds:
            for s, o in g.subject_objects(rdflib.URIRef(p)):
                out.setdefault(str(s), (set(), set()))[i].update(_classes(g, o))
    return out


def _shaped(out: dict[str, tuple[set[str], set[str]]]) -> None:
    """Add to ``out`` the domains and ranges the SHACL shapes give (shapes of an sh:targetClass)."""
    import rdflib

    from . import shapes_path
    g = rdflib.Graph().parse(str(shapes_path()), format="turtle")
    sh = rdflib.Namespace(_SH)
    for shape, target in g.subject_objects(sh.targetClass):
        todo = list(g.objects(shape, sh.property))
        for alt in (*g.objects(shape, sh["or"]), *g.objects(shape, sh.xone)):
            todo += list(rdflib.collection.Collection(g, alt))
        for prop in todo:
            path, cls = g.value(prop, sh.path), g.value(prop, sh["class"])
            inverse = g.value(path, sh.inversePath) if path is not None else None
            ends = [str(target)], [str(cls)] if cls is not None else []
            if inverse is not None:
                path, ends = inverse, (ends[1], ends[0])
            if isinstance(path, rdflib.URIRef):
                entry = out.setdefault(str(path), (set(), set()))
                entry[0].update(ends[0])
                entry[1].update(ends[1])


def _curie(iri: str) -> str | None:
    props = vocabulary().properties
    return next((c for c, p in props.items() if p["iri"] == iri), None)


def _node_columns(where: dict[str, tuple[set[str], set[str]]]) -> dict[str, Columns]:
    props = vocabulary().properties
    tables = sorted({t for ts in _key_tables().values() for t in ts} | set(CONCEPT_TABLES))
    nodes: dict[str, Columns] = {t: {"iri": "STRING"} for t in tables}
    for t in [t for c in LOCAL_TABLES for t in _key_tables()[c]]:
        nodes[t]["doc"] = "STRING"
    for t in CONCEPT_TABLES:
        nodes[t]["labelEn"] = "STRING"
    for iri, (domain, _range) in sorted(where.items()):
        curie = _curie(iri)
        if curie is None or props[curie].get("kind") != "attribute":
            continue
        key = property_key(curie)
        ty = _LISTS.get(key) or _TYPES.get(props[curie].get("range") or "", "STRING")
        for t in sorted({t for c in domain for t in _tables_of(c)}):
            nodes[t][key] = ty
            if props[curie].get("object"):          # a concept: its key and its label
                nodes[t][f"{key}Label"] = "STRING"
    return {t: dict(sorted(cols.items())) for t, cols in nodes.items()}


def _rel_tables(where: dict[str, tuple[set[str], set[str]]]) -> dict[str, dict[str, Any]]:
    props = vocabulary().properties
    rels: dict[str, dict[str, Any]] = {}
    for curie, p in sorted(props.items()):
        if p.get("kind") not in ("edge", "derived"):
            continue
        domain, range_ = where.get(p["iri"], (set(), set()))
        pairs = sorted({(a, b) for c in domain for a in _tables_of(c) for d in range_ for b in _tables_of(d)})
        cols = {"docs": "STRING[]", "weight": "INT64"} if p["kind"] == "derived" else {}
        entry = rels.setdefault(rel_type(curie), {"pairs": [], "cols": cols})
        entry["pairs"] = sorted(set(entry["pairs"]) | set(pairs))
    return dict(sorted(rels.items()))


@lru_cache(maxsize=1)
def tables() -> tuple[dict[str, Columns], dict[str, dict[str, Any]]]:
    """``(nodes, rels)``: node table → {column: type}; relationship type → {"pairs": [(from, to)…],
    "cols": {column: type}} (``id`` and ``labels``, which every node table has, left out)."""
    where = _declared(load_graph())
    _shaped(where)
    return _node_columns(where), _rel_tables(where)


def render() -> list[str]:
    """The lines of ``ontology/cypher.py`` that hold :func:`tables`."""
    nodes, rels = tables()
    out = ["", "", "#: node table (key label) → {column: LadybugDB type}: every column the ontology allows",
           "#: (generated from its domains, shapes and pkg:graphDomain; see policykg.ontology.pgschema)",
           "NODE_TABLES: Final[dict[str, dict[str, str]]] = {"]
    out += [f"    {t!r}: {cols!r}," for t, cols in nodes.items()]
    out += ["}", "#: relationship type → every (from, to) pair of tables the ontology allows, and its columns",
            "REL_TABLES: Final[dict[str, dict[str, Any]]] = {"]
    for t, r in rels.items():
        out.append(f"    {t!r}: {{'pairs': {[tuple(p) for p in r['pairs']]!r}, 'cols': {r['cols']!r}}},")
    out.append("}")
    return out
