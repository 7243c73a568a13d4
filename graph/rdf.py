"""RDF: a document's :class:`~graph.model.KG` as N-Quads in its own named graph.

Graph IRIs: ``https://w3id.org/policykg/id/graph/<doc>`` for a document,
``…/graph/ontology`` for the ontology and vocabularies (with each used
instrument's type and Rothwell–Zegveld category materialized, so SHACL and
SPARQL need no reasoning).  Literals are typed: integers xsd:integer, numbers
xsd:decimal, ``2025-07-12`` xsd:date, ``2023-12`` xsd:gYearMonth, years xsd:gYear,
labels ``@zh``.

**Mentions.**  By default (``mentions="summary"``) a document's graph states which sentence names
which actor, concept or document — one ``<sentence> pkg:mentions <target>`` per distinct pair —
instead of a ``pkg:Mention`` node per span (seven quads each: 40 % of the quads).  The spans with their
character offsets stay in ``extractions.jsonl`` and the property graph (``(:Mention)-[:DENOTES]->``);
``mentions="full"`` (``policykg build --rdf-mentions full``) also writes the Mention nodes, with
``pkg:denotes``, their offsets, text and source sentence, for SPARQL over character offsets.

A document's graph also states how many of its statements support each of its weighted derived
edges (:data:`~policykg.graph.kg.WEIGHTED`), under the edge kind's own weight property, on an IRI
that names the edge (the same in every document that has it) with the edge's two ends —
``<…/id/edge/inDomainWeight/HASH> pkg:inDomainWeight 3 ; rdf:subject inst:x ; rdf:object dom:y`` —
the same number the property graph puts on the edge for this document.  Queries that aggregate over
every measure (instrument × domain, actor × domain, category × document, modality × level) sum
one kind's few rows per document, grouped by the edge IRI, instead of joining every measure, and
look the ends up only for the rows they return.  ``pkg:instrumentTypeUses`` is stated the same way
(category → instrument type: how many of the document's measures use an instrument of both) for the
measures per province, category and type.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from policykg.ontology import load_graph, vocabulary
from policykg.ontology.prefixes import PREFIXES

from .kg import ID, KG, WEIGHTED, iri

__all__ = ["kg_quads", "graph_iri", "ontology_quads", "write_serializations", "write_turtle", "write_jsonld",
           "ONTOLOGY_GRAPH", "nq_escape", "RDF_MENTIONS", "weighted_edge_iri"]

ONTOLOGY_GRAPH = ID + "graph/ontology"
_XSD = PREFIXES["xsd"]
_RDF_TYPE = PREFIXES["rdf"] + "type"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YEAR_MONTH = re.compile(r"^\d{4}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")
_IRI_BASE = "https://w3id.org/policykg/"
_LANG_ZH = {"skos:prefLabel", "dcterms:title"}
_YEAR_PROPS = {"pkg:targetYear"}
_DECIMAL_PROPS = {"pkg:value"}
_DATE_PROPS = {"eli:date_document", "pkg:dateAdopted", "eli:first_date_entry_in_force"}
#: how a document's graph states its mentions: ``summary`` (sentence pkg:mentions target, the default) or
#: ``full`` (that and every Mention node with its offsets)
RDF_MENTIONS = ("summary", "full")


def graph_iri(doc_id: str) -> str:
    return f"{ID}graph/{doc_id}"


def nq_escape(s: str) -> str:
    return (s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
            .replace("\t", "\\t"))


def _literal(prop: str, value) -> str:
    if isinstance(value, bool):
        return f'"{str(value).lower()}"^^<{_XSD}boolean>'
    if prop in _YEAR_PROPS:
        return f'"{int(value):04d}"^^<{_XSD}gYear>'
    if prop in _DECIMAL_PROPS or isinstance(value, float):
        d = Decimal(str(value))
        txt = format(d, "f")
        return f'"{txt}"^^<{_XSD}decimal>'
    if isinstance(value, int):
        return f'"{value}"^^<{_XSD}integer>'
    s = str(value)
    if prop in _DATE_PROPS:
        if _DATE.match(s):
            return f'"{s}"^^<{_XSD}date>'
        if _YEAR_MONTH.match(s):
            return f'"{s}"^^<{_XSD}gYearMonth>'
        if _YEAR.match(s):
            return f'"{s}"^^<{_XSD}gYear>'
    if prop in _LANG_ZH:
        return f'"{nq_escape(s)}"@zh'
    return f'"{nq_escape(s)}"'


#: attributes whose string values are written by :func:`_literal`'s own rules (dates, tagged labels,
#: years, decimals); any other string is a plain literal or, under the project's base, an IRI
_SPECIAL = _LANG_ZH | _YEAR_PROPS | _DECIMAL_PROPS | _DATE_PROPS


def _obj(prop: str, value) -> str:
    kind = type(value)
    if kind is str and prop not in _SPECIAL:      # the common cases first, without the checks of _literal
        if value.startswith(_IRI_BASE):
            return f"<{value}>"
        return f'"{nq_escape(value)}"'
    if kind is int and prop not in _SPECIAL:
        return f'"{value}"^^<{_XSD}integer>'
    if isinstance(value, str) and value.startswith(_IRI_BASE):
        return f"<{value}>"
    return _literal(prop, value)


@functools.lru_cache(maxsize=None)
def _predicate(curie: str) -> str:
    """``pkg:text`` → ``<https://w3id.org/policykg/ontology#text> `` (with the space that follows it)."""
    return f"<{iri(curie)}> "


def kg_quads(kg: KG, mentions: str = "summary") -> Iterator[str]:
    """N-Quads lines of one document graph; ``mentions``: one of :data:`RDF_MENTIONS`."""
    if mentions not in RDF_MENTIONS:
        raise ValueError(f"mentions must be one of {', '.join(RDF_MENTIONS)}, not {mentions!r}")
    return iter(_kg_lines(kg, mentions == "summary"))


def _kg_lines(kg: KG, summary: bool) -> list[str]:
    g = f"<{graph_iri(kg.doc)}>"
    end = f" {g} .\n"
    typed = f"<{_RDF_TYPE}> <{iri('pkg:')}"
    spans = {n.iri for n in kg.nodes.values() if "Mention" in n.classes} if summary else set()
    out: list[str] = []
    add = out.append
    for n in kg.nodes.values():
        if n.iri in spans:
            continue
        s = f"<{n.iri}> "
        for c in n.classes:
            add(f"{s}{typed}{c}>{end}")
        for prop, value in n.attrs.items():
            p = _predicate(prop)
            if type(value) is list:
                for v in value:
                    add(f"{s}{p}{_obj(prop, v)}{end}")
            else:
                add(f"{s}{p}{_obj(prop, value)}{end}")
    seen = set()
    for e in kg.edges:
        key = (e.prop, e.src, e.dst)
        if key in seen or e.src in spans:
            continue
        seen.add(key)
        add(f"<{e.src}> {_predicate(e.prop)}<{e.dst}>{end}")
    out += _mention_quads(kg, g)
    out += _tally_quads(kg, g)
    return out


def _mention_quads(kg: KG, g: str) -> Iterator[str]:
    """``<sentence> pkg:mentions <target>`` once per sentence and what its mentions denote, in the order
    the mentions appear."""
    sentence: dict[str, str] = {}
    target: dict[str, str] = {}
    for e in kg.edges:
        if e.prop == "pkg:sourceSentence":
            sentence[e.src] = e.dst
        elif e.prop == "pkg:denotes":
            target[e.src] = e.dst
    p = f"<{iri('pkg:mentions')}>"
    for s, t in dict.fromkeys((sentence[m], t) for m, t in target.items() if m in sentence):
        yield f"<{s}> {p} <{t}> {g} .\n"


_RDF = PREFIXES["rdf"]


def weighted_edge_iri(prop: str, src: str, dst: str) -> str:
    """The IRI naming a weighted edge: ``…/id/edge/inDomainWeight/`` + a hash of its two ends."""
    digest = hashlib.blake2b(f"{src} {dst}".encode(), digest_size=8).hexdigest()
    return f"{ID}edge/{prop.split(':', 1)[1]}/{digest}"


def _tally_quads(kg: KG, g: str) -> Iterator[str]:
    """Each weighted derived edge of the document: its weight (the number of distinct statements it
    comes from) under ``pkg:<kind>Weight``, and its ends, in the order the edges first appear."""
    vias: dict[tuple[str, str, str], set[str]] = {}
    for e in kg.edges:
        if e.prop in WEIGHTED:
            vias.setdefault((e.prop, e.src, e.dst), set()).add(str(e.attrs.get("via", "")))
    tallies = {(prop + "Weight", src, dst): len(support) for (prop, src, dst), support in vias.items()}
    tallies |= _type_uses(kg)
    for (prop, src, dst), n in tallies.items():
        t = f"<{weighted_edge_iri(prop, src, dst)}>"
        yield f"{t} <{iri(prop)}> {_literal('pkg:weight', n)} {g} .\n"
        yield f"{t} <{_RDF}subject> <{src}> {g} .\n"
        yield f"{t} <{_RDF}object> <{dst}> {g} .\n"


@functools.cache
def _instrument_kinds() -> dict[str, tuple[str, str]]:
    """Instrument IRI → (its Rothwell–Zegveld category, its type class), as the ontology graph states them."""
    return {c.iri: (iri("rz:" + c.category), iri("pkg:" + c.instrument_type))
            for c in vocabulary().scheme("inst") if c.category and c.instrument_type}


def _type_uses(kg: KG) -> dict[tuple[str, str, str], int]:
    """``pkg:instrumentTypeUses``: how many of the document's measures use an instrument of each
    (category, type) — a measure with two instruments of one type counts once."""
    kinds = _instrument_kinds()
    measures: dict[tuple[str, str], set[str]] = {}
    for e in kg.edges:
        if e.prop == "pkg:usesInstrument" and e.dst in kinds:
            measures.setdefault(kinds[e.dst], set()).add(e.src)
    return {("pkg:instrumentTypeUses", c, t): len(ms) for (c, t), ms in measures.items()}


def ontology_quads() -> Iterator[str]:
    """The ontology and vocabularies, with instrument type and category materialized."""
    g = f"<{ONTOLOGY_GRAPH}>"
    seen: set[str] = set()
    for line in sorted(load_graph().serialize(format="nt").splitlines()):   # sorted: the same bytes every run
        if line.strip():
            quad = f"{line[:-1].rstrip()} {g} .\n"
            seen.add(quad)
            yield quad
    v = vocabulary()
    for c in v.scheme("inst"):
        extra = []
        if c.instrument_type:
            extra.append(f"<{c.iri}> <{iri('pkg:instrumentType')}> <{iri('pkg:' + c.instrument_type)}> {g} .\n")
        if c.category:
            extra.append(f"<{c.iri}> <{iri('pkg:rzCategory')}> <{iri('rz:' + c.category)}> {g} .\n")
        for quad in extra:
            if quad not in seen:             # stated in the vocabulary already: not twice
                seen.add(quad)
                yield quad


def write_turtle(nq: Path, ttl: Path) -> None:
    """Turtle of every statement (the graphs merged), streamed from the build's ``kg.nq.gz`` or ``kg.nq``
    (memory stays flat; a triple stated in several documents' graphs appears once per graph — harmless:
    RDF graphs are sets)."""
    import pyoxigraph as ox

    from .nquads import open_nquads
    with open_nquads(nq) as f:
        triples = (ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(input=f, format=ox.RdfFormat.N_QUADS))
        ox.serialize(triples, str(ttl), ox.RdfFormat.TURTLE, prefixes=_PREFIXES)


def write_jsonld(nq: Path, jsonld: Path) -> None:
    """JSON-LD with the named graphs, streamed from the build's ``kg.nq.gz`` or ``kg.nq``."""
    import pyoxigraph as ox

    from .nquads import open_nquads
    with open_nquads(nq) as f:
        ox.serialize(ox.parse(input=f, format=ox.RdfFormat.N_QUADS), str(jsonld), ox.RdfFormat.JSON_LD)


def write_serializations(nq: Path, out_dir: Path) -> dict[str, Path]:
    """kg.ttl and kg.jsonld in ``out_dir``, streamed from ``kg.nq.gz`` or ``kg.nq``."""
    write_turtle(nq, out_dir / "kg.ttl")
    write_jsonld(nq, out_dir / "kg.jsonld")
    return {"ttl": out_dir / "kg.ttl", "jsonld": out_dir / "kg.jsonld"}


_PREFIXES = PREFIXES
