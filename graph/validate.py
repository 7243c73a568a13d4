"""``policykg validate``: the ontology's SHACL shapes run over a built graph.

Every violation is reported with the sentence it comes from, so a researcher
can see at once whether the extractor or the document is at fault: a statement
(measure, target, statistic, mention) points to its ``pkg:sourceSentence``; a
sentence is its own source; a provision shows its first sentence; an actor or
instrument shows the first measure sentence that uses it (else a sentence that
mentions it); a document shows its title.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib.namespace import DCTERMS

from policykg.errors import GraphError
from policykg.ontology import load_graph, shapes_path
from policykg.ontology.namespace import PKG

from .kg import KG
from .rdf import kg_quads, ontology_quads

__all__ = ["Violation", "validate_build", "validate_graph", "validate_document_graph", "STRUCTURAL_SHAPES"]

#: Shapes every node meets by the way graph/kg.py makes it (a provision's document and level, a
#: sentence's text and offsets, a statement's source sentence and offsets, what a sentence mentions):
#: ``policykg validate`` checks them, the check a build runs on its own output leaves them out, which
#: keeps it a fraction of the build's time (tests/graph/test_validate.py checks the seed build against
#: every shape).
STRUCTURAL_SHAPES = ("ProvisionShape", "SentenceShape", "MentionsShape", "StatementShape")
_SHAPES_NS = "https://w3id.org/policykg/shapes#"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"


@dataclass(frozen=True, slots=True)
class Violation:
    focus: str                 # IRI of the node that fails
    path: str | None           # the property, when the shape names one
    message: str
    severity: str              # Violation, Warning, Info
    sentence_id: str | None    # IRI of the source sentence, when there is one
    sentence: str | None       # its text (or the document title)


def _union_graph(nq: Path):
    import rdflib

    from .nquads import open_nquads
    ds = rdflib.Dataset()
    try:
        with open_nquads(nq) as f:                  # kg.nq.gz or kg.nq
            ds.parse(source=f, format="nquads")
    except Exception as e:                      # noqa: BLE001 — rdflib raises many kinds
        raise GraphError(f"cannot read the N-Quads ({e})", str(nq)) from None
    g = rdflib.Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def _source(g, focus) -> tuple[str | None, str | None]:
    DCT = DCTERMS.title
    sent = g.value(focus, PKG.sourceSentence)
    if sent is None and (focus, None, PKG.Sentence) in g:
        sent = focus
    if sent is None:
        sent = next(iter(g.subjects(PKG.inProvision, focus)), None)
    if sent is None:
        for pred in (PKG.agent, PKG.beneficiary, PKG.usesInstrument, PKG.concernsDomain):
            m = next(iter(g.subjects(pred, focus)), None)
            if m is not None:
                sent = g.value(m, PKG.sourceSentence)
                break
    if sent is None:                                   # a sentence that names it
        sent = next(iter(g.subjects(PKG.mentions, focus)), None)
    if sent is not None:
        text = g.value(sent, PKG.text)
        return str(sent), str(text) if text is not None else None
    title = g.value(focus, DCT)
    return None, str(title) if title is not None else None


def validate_graph(g) -> list[Violation]:
    """SHACL-validate an rdflib graph holding data and ontology; the violations, sorted."""
    from pyshacl import validate
    from rdflib import RDF, URIRef
    from rdflib.namespace import SH

    _, report, _ = validate(g, shacl_graph=str(shapes_path()), inference="none", allow_warnings=True)
    out = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(r, SH.focusNode)
        path = report.value(r, SH.resultPath)
        msg = report.value(r, SH.resultMessage)
        sev = report.value(r, SH.resultSeverity)
        sid, text = _source(g, focus)
        out.append(Violation(str(focus), str(path) if isinstance(path, URIRef) else None,
                             str(msg) if msg is not None else "constraint not met",
                             str(sev).rsplit("#", 1)[-1] if sev is not None else "Violation", sid, text))
    return sorted(out, key=lambda v: (v.severity != "Violation", v.focus, v.path or "", v.message))


def validate_build(build_dir: Path) -> list[Violation]:
    """Validate ``DIR/kg.nq.gz`` or ``DIR/kg.nq`` (which carries the ontology graph beside the documents' graphs)."""
    from .nquads import nquads_path
    nq = nquads_path(build_dir)
    if not Path(build_dir).is_dir() or not (Path(build_dir) / "manifest.json").exists():
        raise GraphError("not a policykg build directory (run 'policykg build PATHS -o DIR')", str(build_dir))
    if not nq.exists():
        raise GraphError(f"the build has no {nq.name}; rebuild it", str(build_dir))
    with _quiet_literals():
        g = _union_graph(nq)
        found = _ill_typed(g) + validate_graph(g)
    return sorted(found, key=lambda v: (v.severity != "Violation", v.focus, v.path or "", v.message))


@contextlib.contextmanager
def _quiet_literals() -> Iterator[None]:
    """rdflib's warning (with a traceback) for each literal its datatype cannot read, silenced:
    :func:`_ill_typed` reports them as violations."""
    log = logging.getLogger("rdflib.term")
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        yield
    finally:
        log.setLevel(level)


def _ill_typed(g) -> list[Violation]:
    """A violation for each literal that is not a value of its datatype (``"2025-13-45"^^xsd:date``)."""
    from rdflib import Literal
    out = []
    for s, p, o in g:
        if isinstance(o, Literal) and o.ill_typed:
            kind = str(o.datatype).rsplit("#", 1)[-1]
            sid, text = _source(g, s)
            out.append(Violation(str(s), str(p), f"'{o}' is not a valid xsd:{kind}", "Violation", sid, text))
    return out


# --- the check a build runs on its own output ---------------------------------------------

@lru_cache(maxsize=1)
def _output_shapes():
    """The shapes graph without the structural shapes; the predicates the rest read; the classes
    they target or require (with their subclasses)."""
    import rdflib
    from rdflib import RDF, RDFS
    from rdflib.namespace import SH

    g = rdflib.Graph().parse(str(shapes_path()))
    for name in STRUCTURAL_SHAPES:
        shape = rdflib.URIRef(_SHAPES_NS + name)
        for _, _, o in list(g.triples((shape, None, None))):
            _drop_tree(g, o)
        g.remove((shape, None, None))
    preds = {RDF.type, RDFS.subClassOf}
    for p in (SH.path, SH.inversePath, SH.targetObjectsOf, SH.targetSubjectsOf):
        preds.update(o for o in g.objects(None, p) if isinstance(o, rdflib.URIRef))
    named = {o for p in (SH.targetClass, SH["class"]) for o in g.objects(None, p)}
    ont = load_graph()
    classes = set(named)
    for c in named:
        classes.update(ont.transitive_subjects(RDFS.subClassOf, c))
    return g, frozenset(str(p) for p in preds), frozenset(str(c) for c in classes)


def _drop_tree(g, node) -> None:
    """Remove the blank nodes (property shapes, lists) hanging from ``node``."""
    from rdflib import BNode
    if not isinstance(node, BNode):
        return
    for _, _, o in list(g.triples((node, None, None))):
        _drop_tree(g, o)
    g.remove((node, None, None))


def _term(t):
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef
    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if isinstance(t, ox.BlankNode):
        return BNode(t.value)
    if t.language:
        return Literal(t.value, lang=t.language)
    return Literal(t.value, datatype=URIRef(t.datatype.value))


def _keep(q, preds: frozenset[str], classes: frozenset[str]) -> bool:
    p = q.predicate.value
    return p in preds and (p != _RDF_TYPE or q.object.value in classes)


@lru_cache(maxsize=1)
def _ontology_index() -> tuple[dict[str, list], list]:
    """The ontology's statements the output shapes read: by subject (a vocabulary concept's type,
    category…), and the class hierarchy every document graph needs."""
    import pyoxigraph as ox
    _, preds, classes = _output_shapes()
    by_subject: dict[str, list] = {}
    hierarchy = []
    for q in ox.parse(input="".join(ontology_quads()), format=ox.RdfFormat.N_QUADS):
        if not _keep(q, preds, classes):
            continue
        t = (_term(q.subject), _term(q.predicate), _term(q.object))
        if q.predicate.value == _SUBCLASS:
            hierarchy.append(t)
        else:
            by_subject.setdefault(q.subject.value, []).append(t)
    return by_subject, hierarchy


def validate_document_graph(kg: KG) -> list[Violation]:
    """SHACL-validate one document's graph as a build does: against the shapes extraction can
    break (all but :data:`STRUCTURAL_SHAPES`), over the statements they read and the ontology's
    statements about the concepts the document uses; each violation with its source sentence.
    A build caches the result with the document, so a rebuild validates only what changed;
    ``policykg validate`` also checks what documents share (an actor typed differently by two)."""
    import pyoxigraph as ox
    import rdflib
    from pyshacl import validate
    from rdflib import RDF, URIRef
    from rdflib.namespace import SH

    shapes, preds, classes = _output_shapes()
    by_subject, hierarchy = _ontology_index()
    quads = list(ox.parse(input="".join(kg_quads(kg)), format=ox.RdfFormat.N_QUADS))
    g = rdflib.Graph()
    for t in hierarchy:
        g.add(t)
    used: set[str] = set()
    for q in quads:
        if isinstance(q.object, ox.NamedNode):
            used.add(q.object.value)
        if _keep(q, preds, classes):
            g.add((_term(q.subject), _term(q.predicate), _term(q.object)))
    for iri in used:
        for t in by_subject.get(iri, ()):
            g.add(t)
    conforms, report, _ = validate(g, shacl_graph=shapes, inference="none", allow_warnings=True, inplace=True)
    if conforms:
        return []
    found = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        focus, path = report.value(r, SH.focusNode), report.value(r, SH.resultPath)
        msg, sev = report.value(r, SH.resultMessage), report.value(r, SH.resultSeverity)
        found.append((str(focus), str(path) if isinstance(path, URIRef) else None,
                      str(msg) if msg is not None else "constraint not met",
                      str(sev).rsplit("#", 1)[-1] if sev is not None else "Violation"))
    sources = _sources(quads, {f for f, *_ in found})
    out = [Violation(f, p, m, sev, *sources.get(f, (None, None))) for f, p, m, sev in found]
    return sorted(out, key=lambda v: (v.severity != "Violation", v.focus, v.path or "", v.message))


_POINTERS = {str(PKG.agent), str(PKG.beneficiary), str(PKG.usesInstrument), str(PKG.concernsDomain),
             str(PKG.denotes)}
_MENTIONS = str(PKG.mentions)


def _sources(quads, focuses: set[str]) -> dict[str, tuple[str | None, str | None]]:
    """focus → (source sentence IRI, its text), read from the document's quads: the focus's own
    ``pkg:sourceSentence``, else that of a statement pointing to it (an actor's measure or mention), else
    a sentence that mentions it; (None, title) for a document."""
    src, title, text = str(PKG.sourceSentence), str(DCTERMS.title), str(PKG.text)
    sent: dict[str, str] = {}
    titles: dict[str, str] = {}
    pointed: dict[str, str] = {}                   # focus → a statement that points to it
    named: dict[str, str] = {}                     # focus → a sentence that mentions it
    for q in quads:
        s, p = q.subject.value, q.predicate.value
        if s in focuses and p == src:
            sent[s] = q.object.value
        elif s in focuses and p == title:
            titles[s] = q.object.value
        elif p in _POINTERS and q.object.value in focuses:
            pointed.setdefault(q.object.value, s)
        elif p == _MENTIONS and q.object.value in focuses:
            named.setdefault(q.object.value, s)
    stmt_sent = {q.subject.value: q.object.value for q in quads
                 if q.predicate.value == src and q.subject.value in set(pointed.values())}
    for f, stmt in pointed.items():
        if f not in sent and stmt in stmt_sent:
            sent[f] = stmt_sent[stmt]
    for f, sentence in named.items():
        sent.setdefault(f, sentence)
    wanted = set(sent.values())
    texts = {q.subject.value: q.object.value for q in quads if q.predicate.value == text and q.subject.value in wanted}
    return {f: ((sent[f], texts.get(sent[f])) if f in sent else (None, titles.get(f))) for f in focuses}
