"""``policykg validate``: the ontology's SHACL shapes run over a built graph.

Every violation is reported with the sentence it comes from, so a researcher
can see at once whether the extractor or the document is at fault: a statement
(measure, target, statistic, mention) points to its ``pkg:sourceSentence``; a
sentence is its own source; a provision shows its first sentence; an actor or
instrument shows the first measure sentence that uses it; a document shows its
title.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib.namespace import DCTERMS

from policykg.errors import GraphError
from policykg.ontology import shapes_path
from policykg.ontology.namespace import PKG

__all__ = ["Violation", "validate_build", "validate_graph"]


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
    ds = rdflib.Dataset()
    try:
        ds.parse(nq, format="nquads")
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
    """Validate ``DIR/kg.nq`` (which carries the ontology graph beside the documents' graphs)."""
    nq = Path(build_dir) / "kg.nq"
    if not Path(build_dir).is_dir() or not (Path(build_dir) / "manifest.json").exists():
        raise GraphError("not a policykg build directory (run 'policykg build PATHS -o DIR')", str(build_dir))
    if not nq.exists():
        raise GraphError("the build has no kg.nq; rebuild it", str(build_dir))
    return validate_graph(_union_graph(nq))
