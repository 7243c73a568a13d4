"""One document's knowledge graph in ontology terms — the single source of the RDF and the property graph.

:func:`document_graph` turns a structured :class:`~policykg.extract.document.model.Document`
and its extraction records into a :class:`KG`: nodes (IRI, ontology classes,
attributes) and edges (ontology property, source, target, attributes).  Every
statement node (measure, target, statistic, mention) has ``pkg:sourceSentence``,
``pkg:sourceProvision``, character offsets and its text.  Convenience edges
(``pkg:uses``, ``pkg:inDomain``, ``pkg:responsibleFor``, ``pkg:issued``,
``pkg:coIssuedWith``, ``eli:cites``, ``pkg:mentionsCategory``, ``pkg:modalityAtLevel``)
are derived from the document's own statements, so a document's graph stands on its own and
disappears with it.  Each derived edge carries the statement it comes from (``via``): the
property graph counts them into a ``weight``, the RDF states the per-document count of the
edges in :data:`WEIGHTED` (:func:`policykg.graph.rdf.kg_quads`), so that the saved queries
that aggregate over every measure read a few summary rows per document instead.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from policykg.extract.document.model import Document
from policykg.extract.records import (
    ActorRecord,
    ActorRef,
    CitationRecord,
    MeasureRecord,
    ParameterRecord,
    Record,
    SanctionRecord,
    StatisticRecord,
    TargetRecord,
)
from policykg.ontology import BASE, vocabulary
from policykg.ontology.prefixes import expand

__all__ = ["KG", "Node", "Edge", "document_graph", "iri", "node_iri", "ID", "DERIVED", "WEIGHTED", "cited_key"]

ID = BASE + "id/"
#: derived convenience edges: (property, source kind, target kind)
DERIVED = ("pkg:uses", "pkg:inDomain", "pkg:responsibleFor", "pkg:issued", "pkg:coIssuedWith", "eli:cites",
           "pkg:mentionsCategory", "pkg:modalityAtLevel")
#: derived edges whose weight (how many statements of the document support them) the RDF states
WEIGHTED = ("pkg:inDomain", "pkg:responsibleFor", "pkg:mentionsCategory", "pkg:modalityAtLevel")


@functools.lru_cache(maxsize=1 << 14)      # a few hundred curies, each met on every statement
def iri(curie: str) -> str:
    """``pkg:Measure`` → full IRI; ``inst:compute-voucher`` → its vocabulary IRI."""
    return expand(curie)


def node_iri(kind: str, local: str) -> str:
    """IRI of an instance node: ``node_iri("actor", "anhui/government")``."""
    return f"{ID}{kind}/{local}"


@dataclass(slots=True)
class Node:
    iri: str
    classes: list[str]                                   # pkg class local names
    attrs: dict[str, Any] = field(default_factory=dict)  # curie → value (str, int, float, bool, list)


@dataclass(slots=True)
class Edge:
    prop: str          # curie
    src: str
    dst: str
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class KG:
    doc: str
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)

    def node(self, iri_: str, classes: Iterable[str], **attrs: Any) -> Node:
        n = self.nodes.get(iri_)
        if n is None:
            n = self.nodes[iri_] = Node(iri_, list(dict.fromkeys(classes)))
        else:
            for c in classes:
                if c not in n.classes:
                    n.classes.append(c)
        for k, v in attrs.items():
            if v is not None and v != []:
                n.attrs[k] = v
        return n

    def edge(self, prop: str, src: str, dst: str, **attrs: Any) -> None:
        self.edges.append(Edge(prop, src, dst, {k: v for k, v in attrs.items() if v is not None} if attrs else {}))

    def to_json(self) -> dict[str, Any]:
        return {"doc": self.doc, "nodes": [[n.iri, n.classes, n.attrs] for n in self.nodes.values()],
                "edges": [[e.prop, e.src, e.dst, e.attrs] for e in self.edges]}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> KG:
        kg = cls(d["doc"])
        for iri_, classes, attrs in d["nodes"]:
            kg.nodes[iri_] = Node(iri_, classes, attrs)
        kg.edges = [Edge(p, s, t, a) for p, s, t, a in d["edges"]]
        return kg


def _actor_iri(actor_id: str) -> str:
    return node_iri("actor", actor_id.split(":", 1)[1])


def _concept_iri(cid: str) -> str:
    return iri(cid)


def _prov_iri(pid: str) -> str:
    return node_iri("provision", pid)


def _sent_iri(sid: str) -> str:
    return node_iri("sentence", sid)


def _doc_iri(doc_id: str) -> str:
    return node_iri("document", doc_id)


def _stmt_iri(rec_id: str) -> str:
    kind, rest = rec_id.split(":", 1)
    return node_iri(kind, rest)


def _date_attr(d: str | None) -> str | None:
    return d or None


def document_graph(doc: Document, records: Iterable[Record]) -> KG:
    """The graph of one document from its structure and its extraction records."""
    kg = KG(doc.id)
    issuers = _document_node(kg, doc)
    _structure(kg, doc)
    for r in records:
        _BY_KIND[r.kind](kg, doc, r)
    for x, y in itertools.combinations(sorted(set(issuers)), 2):
        kg.edge("pkg:coIssuedWith", _actor_iri(x), _actor_iri(y), via=_doc_iri(doc.id))
    _modality_levels(kg)
    return kg


def _modality_levels(kg: KG) -> None:
    """``pkg:modalityAtLevel``: a measure's modality → each government level among its agents (once per
    measure and level, so the weight counts measures)."""
    levels: dict[str, dict[str, None]] = {}
    for e in kg.edges:
        if e.prop == "pkg:agent":
            agent = kg.nodes.get(e.dst)
            level = agent.attrs.get("pkg:governmentLevel") if agent is not None else None
            if level:
                levels.setdefault(e.src, {})[level] = None
    for m, lvls in levels.items():
        modality = kg.nodes[m].attrs.get("pkg:modality")
        if not isinstance(modality, str):
            continue
        for level in lvls:
            kg.edge("pkg:modalityAtLevel", modality, level, via=m)


def _document_node(kg: KG, doc: Document) -> list[str]:
    """The document node, its type, jurisdiction and issuers (whose ids it returns)."""
    m = doc.meta
    d_iri = _doc_iri(doc.id)
    kg.node(d_iri, ["PolicyDocument"], **{
        "dcterms:title": m.title or doc.id, "dcterms:identifier": doc.id, "dcterms:source": m.source_url,
        "eli:date_document": _date_attr(m.issued), "pkg:dateAdopted": _date_attr(m.adopted),
        "eli:first_date_entry_in_force": _date_attr(m.effective), "pkg:status": m.status,
        "pkg:contentHash": doc.sha256})
    if m.doc_type:
        kg.edge("pkg:docType", d_iri, iri(f"dt:{m.doc_type}"))
    if m.jurisdiction:
        kg.edge("pkg:jurisdiction", d_iri, iri(f"reg:{m.jurisdiction}"))
    issuers = []
    for d in m.issuer_actors:                     # resolved by the ``issuers`` stage
        a = ActorRef.from_json(d)
        issuers.append(a.id)
        _actor_node(kg, a)
        kg.edge("eli:passed_by", d_iri, _actor_iri(a.id))
        kg.edge("pkg:issued", _actor_iri(a.id), d_iri)
    return issuers


def _structure(kg: KG, doc: Document) -> None:
    d_iri = _doc_iri(doc.id)
    for p in doc.provisions:
        p_iri = _prov_iri(p.id)
        kg.node(p_iri, ["Provision"], **{"pkg:provisionLevel": iri(f"plv:{p.level}"), "eli:number": p.number,
                                         "pkg:marker": p.label or None, "pkg:heading": p.heading or None,
                                         "pkg:startOffset": p.start, "pkg:endOffset": p.end})
        kg.edge("pkg:inDocument", p_iri, d_iri)
        kg.edge("eli:is_part_of", p_iri, _prov_iri(p.parent) if p.parent else d_iri)
    for s in doc.sentences:
        s_iri = _sent_iri(s.id)
        a, b = doc.source_span(s.start, s.end)
        kg.node(s_iri, ["Sentence"], **{"pkg:text": s.text, "pkg:startOffset": s.start, "pkg:endOffset": s.end,
                                        "pkg:sourceStartOffset": a, "pkg:sourceEndOffset": b})
        kg.edge("pkg:inProvision", s_iri, _prov_iri(s.provision))
        kg.edge("pkg:inDocument", s_iri, d_iri)
        for f in s.footnotes:
            kg.edge("pkg:citesFootnote", s_iri, _prov_iri(f))


def _common(r: Record) -> dict[str, Any]:
    return {"pkg:startOffset": r.start, "pkg:endOffset": r.end, "pkg:text": r.text}


def _provenance(kg: KG, node: str, r: Record) -> None:
    kg.edge("pkg:sourceSentence", node, _sent_iri(r.sentence_id))
    kg.edge("pkg:sourceProvision", node, _prov_iri(r.provision))


def _mention(kg: KG, doc: Document, r: Record, target: str) -> None:
    mid = node_iri("mention", f"{doc.id}/{r.start}-{r.end}-{r.kind}")
    kg.node(mid, ["Mention"], **_common(r))
    kg.edge("pkg:denotes", mid, target)
    _provenance(kg, mid, r)


def _actor_mention(kg: KG, doc: Document, r: Record) -> None:
    assert isinstance(r, ActorRecord)
    _actor_node(kg, r.ref())
    _mention(kg, doc, r, _actor_iri(r.id))


def _concept_mention(kg: KG, doc: Document, r: Record) -> None:
    mid = node_iri("mention", f"{doc.id}/{r.start}-{r.end}-{r.kind}")
    new = mid not in kg.nodes
    _mention(kg, doc, r, _concept_iri(r.id))
    concept = vocabulary().concepts.get(_concept_iri(r.id)) if r.kind == "instrument" else None
    category = concept.category if concept is not None else None
    if new and category:              # the document mentions a supply-side / environmental / demand-side tool
        kg.edge("pkg:mentionsCategory", _doc_iri(doc.id), iri(f"rz:{category}"), via=mid)


def _measure(kg: KG, doc: Document, r: Record) -> None:
    assert isinstance(r, MeasureRecord)
    m_iri = _stmt_iri(r.id)
    kg.node(m_iri, ["Measure"], **_common(r), **{"pkg:modality": iri(f"mod:{r.modality}"),
                                                 "pkg:modalCue": r.cue, "pkg:action": r.action or None})
    _provenance(kg, m_iri, r)
    for a in r.agent_ids:
        kg.edge("pkg:agent", m_iri, _actor_iri(a))
    for a in r.beneficiary_ids:
        kg.edge("pkg:beneficiary", m_iri, _actor_iri(a))
    for a in r.responsible_ids:                     # units of a responsibility bracket （责任单位：…）
        kg.edge("pkg:responsibleUnit", m_iri, _actor_iri(a))
    for i in r.instruments:
        kg.edge("pkg:usesInstrument", m_iri, _concept_iri(i))
    for dm in r.domains:
        kg.edge("pkg:concernsDomain", m_iri, _concept_iri(dm))
    # derived convenience edges, each carrying the measure it comes from
    for a in r.agent_ids:
        for i in r.instruments:
            kg.edge("pkg:uses", _actor_iri(a), _concept_iri(i), via=m_iri)
        for dm in r.domains:
            kg.edge("pkg:responsibleFor", _actor_iri(a), _concept_iri(dm), via=m_iri)
    for i in r.instruments:
        for dm in r.domains:
            kg.edge("pkg:inDomain", _concept_iri(i), _concept_iri(dm), via=m_iri)


def _quantity(kg: KG, doc: Document, r: Record) -> None:
    assert isinstance(r, (TargetRecord, StatisticRecord))
    t_iri = _stmt_iri(r.id)
    attrs = {**_common(r), "pkg:metric": r.metric or r.text, "pkg:value": r.value, "pkg:unit": r.unit,
             "pkg:comparator": iri(f"cmp:{_CMP[r.comparator]}") if r.comparator else None}
    if isinstance(r, TargetRecord):
        attrs.update({"pkg:targetYear": r.year, "pkg:period": r.period})
    else:
        attrs.update({"pkg:asOf": r.as_of, "pkg:citedSource": r.source})
    kg.node(t_iri, ["Target" if isinstance(r, TargetRecord) else "Statistic"], **attrs)
    _provenance(kg, t_iri, r)
    for dm in r.domains:
        kg.edge("pkg:concernsDomain", t_iri, _concept_iri(dm))
    if isinstance(r, TargetRecord) and r.jurisdiction:
        kg.edge("pkg:jurisdiction", t_iri, iri(f"reg:{r.jurisdiction}"))
    if isinstance(r, StatisticRecord):
        for a in r.source_actors:
            _actor_node(kg, a)
            kg.edge("pkg:sourceActor", t_iri, _actor_iri(a.id))


def _citation(kg: KG, doc: Document, r: Record) -> None:
    assert isinstance(r, CitationRecord)
    if r.self_reference:                  # the document's own title (现将《…》印发给你们): no other document
        _mention(kg, doc, r, _doc_iri(doc.id))
        return
    c_iri = node_iri("cited", cited_key(r))
    kg.node(c_iri, ["PolicyDocument"], **{"dcterms:title": r.title, "pkg:cited": True,
                                          "eli:date_document": r.date, "pkg:issuerCount": r.issuer_count})
    if r.doc_type:
        kg.edge("pkg:docType", c_iri, iri(f"dt:{r.doc_type}"))
    kg.edge("eli:cites", _doc_iri(doc.id), c_iri)
    _mention(kg, doc, r, c_iri)
    issuers_c = []
    for aid, label in zip(r.issuer_ids, r.issuers, strict=True):
        _actor_stub(kg, aid, label)
        kg.edge("eli:passed_by", c_iri, _actor_iri(aid))
        kg.edge("pkg:issued", _actor_iri(aid), c_iri)
        issuers_c.append(aid)
    for x, y in itertools.combinations(sorted(set(issuers_c)), 2):
        kg.edge("pkg:coIssuedWith", _actor_iri(x), _actor_iri(y), via=c_iri)


def cited_key(r: CitationRecord) -> str:
    """The local id of a cited document (``cited:KEY``): its title's key and, when the citation gives
    it, its date — two documents of one title (通知 of different years) stay two nodes, each with one date."""
    key = r.id.split(":", 1)[1]
    return f"{key}/{r.date}" if r.date else key


def _parameter(kg: KG, doc: Document, r: Record) -> None:
    """A number that defines an instrument; the instrument's concept, when known, HAS_PARAMETER it."""
    assert isinstance(r, ParameterRecord)
    p_iri = _stmt_iri(r.id)
    kg.node(p_iri, ["Parameter"], **_common(r), **{
        "pkg:parameterType": r.parameter_type, "pkg:value": r.value, "pkg:unit": r.unit,
        "pkg:instrumentText": r.instrument_text, "pkg:per": r.per, "pkg:beneficiaryLabel": r.beneficiary})
    _provenance(kg, p_iri, r)
    if r.instrument:
        kg.edge("pkg:hasParameter", _concept_iri(r.instrument), p_iri)
    if doc.meta.jurisdiction:
        kg.edge("pkg:jurisdiction", p_iri, iri(f"reg:{doc.meta.jurisdiction}"))


def _sanction(kg: KG, doc: Document, r: Record) -> None:
    """A fine: its range, the actor imposing it and the measure it enforces (when they are in the graph)."""
    assert isinstance(r, SanctionRecord)
    s_iri = _stmt_iri(r.id)
    kg.node(s_iri, ["Sanction"], **_common(r), **{
        "pkg:fineMin": float(r.min) if r.min is not None else None,
        "pkg:fineMax": float(r.max) if r.max is not None else None, "pkg:unit": r.unit, "pkg:breach": r.breach})
    _provenance(kg, s_iri, r)
    if r.imposer_id and _actor_iri(r.imposer_id) in kg.nodes:
        kg.edge("pkg:imposedBy", s_iri, _actor_iri(r.imposer_id))
    if r.measure and _stmt_iri(r.measure) in kg.nodes:
        kg.edge("pkg:enforces", s_iri, _stmt_iri(r.measure))


#: one small function per record kind
_BY_KIND: dict[str, Callable[[KG, Document, Record], None]] = {
    "actor": _actor_mention, "instrument": _concept_mention, "domain": _concept_mention,
    "region": _concept_mention, "measure": _measure, "target": _quantity, "statistic": _quantity,
    "citation": _citation, "parameter": _parameter, "sanction": _sanction}


_CMP = {"≥": "ge", ">": "gt", "=": "eq", "≈": "approx", "≤": "le", "<": "lt"}


def _actor_node(kg: KG, a: ActorRef) -> None:
    a_iri = _actor_iri(a.id)
    classes = [a.type or "Enterprise", "GenericActor" if a.generic else "NamedActor"]
    kg.node(a_iri, classes, **{"skos:prefLabel": a.label,
                               "pkg:governmentLevel": iri(f"lvl:{a.level}") if a.level else None})
    if a.role:
        kg.edge("pkg:role", a_iri, iri(f"role:{a.role}"))
    if a.jurisdiction:
        kg.edge("pkg:jurisdiction", a_iri, iri(f"reg:{a.jurisdiction}"))
    if a.parent:
        kg.edge("org:subOrganizationOf", a_iri, _actor_iri(a.parent))
    if a.parent_actor is not None and a.parent:
        _actor_node(kg, a.parent_actor)


def _actor_stub(kg: KG, aid: str, label: str) -> None:
    """An actor known only as an issuer of a cited document: class from its concept when named."""
    key = aid.split(":", 1)[1]
    v = vocabulary()
    c = v.by_scheme.get("act", {}).get(key)
    if c is not None:
        level = c.attrs.get("governmentLevel")
        _actor_node(kg, ActorRef(aid, c.pref, c.attrs.get("actorClass"), False, c.attrs.get("role"), level,
                                 "china" if level == "national" else None))
    else:
        kg.node(_actor_iri(aid), ["Department", "GenericActor" if key.startswith("role/") else "NamedActor"],
                **{"skos:prefLabel": label})
