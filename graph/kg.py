"""One document's knowledge graph in ontology terms — the single source of the RDF and the property graph.

:func:`document_graph` turns a structured :class:`~policykg.extract.document.model.Document`
and its extraction records into a :class:`KG`: nodes (IRI, ontology classes,
attributes) and edges (ontology property, source, target, attributes).  Every
statement node (measure, target, statistic, mention) has ``pkg:sourceSentence``,
``pkg:sourceProvision``, character offsets and its text.  Convenience edges
(``pkg:uses``, ``pkg:inDomain``, ``pkg:responsibleFor``, ``pkg:issued``,
``pkg:coIssuedWith``, ``eli:cites``) are derived from the document's own
statements, so a document's graph stands on its own and disappears with it.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from policykg.ontology import BASE, NS, vocabulary

__all__ = ["KG", "Node", "Edge", "document_graph", "iri", "node_iri", "ID", "DERIVED"]

ID = BASE + "id/"
#: derived convenience edges: (property, source kind, target kind)
DERIVED = ("pkg:uses", "pkg:inDomain", "pkg:responsibleFor", "pkg:issued", "pkg:coIssuedWith", "eli:cites")


def iri(curie: str) -> str:
    """``pkg:Measure`` → full IRI; ``inst:compute-voucher`` → its vocabulary IRI."""
    prefix, local = curie.split(":", 1)
    std = {"eli": "http://data.europa.eu/eli/ontology#", "dcterms": "http://purl.org/dc/terms/",
           "org": "http://www.w3.org/ns/org#", "skos": "http://www.w3.org/2004/02/skos/core#",
           "prov": "http://www.w3.org/ns/prov#", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}
    if prefix in std:
        return std[prefix] + local
    return NS[prefix] + local


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
        self.edges.append(Edge(prop, src, dst, {k: v for k, v in attrs.items() if v is not None}))


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


def document_graph(doc, records: list[dict]) -> KG:
    """The graph of one document (``records`` are extraction records as JSON dicts)."""
    v = vocabulary()
    kg = KG(doc.id)
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

    # issuers: resolved like any actor, in the document's jurisdiction
    from policykg.extract.stages.actors import resolve_actors
    issuers = []
    for name in m.issuers:
        found = [a for a in resolve_actors(name, m.jurisdiction) if a.end - a.start >= len(name) - 2]
        if not found:
            from policykg.extract.stages.actors import Actor, org_label
            import hashlib
            label = org_label(name)
            found = [Actor(0, len(name), name, "actor:org/" + hashlib.sha1(label.encode("utf-8")).hexdigest()[:10],
                           label, "Enterprise", False)]
        a = found[0]
        issuers.append(a.id)
        _actor_node(kg, a.id, a.label, a.cls, a.generic, a.role, a.level, a.jurisdiction, a.parent)
        if a.parent_actor is not None:
            pa = a.parent_actor
            _actor_node(kg, a.parent, pa.label, pa.cls, pa.generic, pa.role, pa.level, pa.jurisdiction, None)
        kg.edge("eli:passed_by", d_iri, _actor_iri(a.id))
        kg.edge("pkg:issued", _actor_iri(a.id), d_iri)

    # provisions and sentences
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

    # statements
    for r in records:
        kind = r["kind"]
        s_iri, p_iri = _sent_iri(r["sentence_id"]), _prov_iri(r["provision"])
        common = {"pkg:startOffset": r["start"], "pkg:endOffset": r["end"], "pkg:text": r["text"]}
        if kind in ("actor", "instrument", "domain", "region"):
            target = _mention_target(kg, r, v)
            mid = node_iri("mention", f"{doc.id}/{r['start']}-{r['end']}-{kind}")
            kg.node(mid, ["Mention"], **common)
            kg.edge("pkg:denotes", mid, target)
            kg.edge("pkg:sourceSentence", mid, s_iri)
            kg.edge("pkg:sourceProvision", mid, p_iri)
        elif kind == "measure":
            m_iri = _stmt_iri(r["id"])
            kg.node(m_iri, ["Measure"], **common, **{"pkg:modality": iri(f"mod:{r['modality']}"),
                                                     "pkg:modalCue": r["cue"], "pkg:action": r["action"] or None})
            kg.edge("pkg:sourceSentence", m_iri, s_iri)
            kg.edge("pkg:sourceProvision", m_iri, p_iri)
            for a in r["agent_ids"]:
                kg.edge("pkg:agent", m_iri, _actor_iri(a))
            for a in r["beneficiary_ids"]:
                kg.edge("pkg:beneficiary", m_iri, _actor_iri(a))
            for i in r["instruments"]:
                kg.edge("pkg:usesInstrument", m_iri, _concept_iri(i))
            for dm in r["domains"]:
                kg.edge("pkg:concernsDomain", m_iri, _concept_iri(dm))
            # derived convenience edges, each carrying the measure it comes from
            for a in r["agent_ids"]:
                for i in r["instruments"]:
                    kg.edge("pkg:uses", _actor_iri(a), _concept_iri(i), via=m_iri)
                for dm in r["domains"]:
                    kg.edge("pkg:responsibleFor", _actor_iri(a), _concept_iri(dm), via=m_iri)
            for i in r["instruments"]:
                for dm in r["domains"]:
                    kg.edge("pkg:inDomain", _concept_iri(i), _concept_iri(dm), via=m_iri)
        elif kind in ("target", "statistic"):
            t_iri = _stmt_iri(r["id"])
            attrs = {**common, "pkg:metric": r["metric"] or r["text"], "pkg:value": r["value"],
                     "pkg:unit": r["unit"],
                     "pkg:comparator": iri(f"cmp:{_CMP[r['comparator']]}") if r.get("comparator") else None}
            if kind == "target":
                attrs.update({"pkg:targetYear": r.get("year"), "pkg:period": r.get("period")})
            else:
                attrs.update({"pkg:asOf": r.get("as_of"), "pkg:citedSource": r.get("source")})
            kg.node(t_iri, ["Target" if kind == "target" else "Statistic"], **attrs)
            kg.edge("pkg:sourceSentence", t_iri, s_iri)
            kg.edge("pkg:sourceProvision", t_iri, p_iri)
            for dm in r.get("domains", []):
                kg.edge("pkg:concernsDomain", t_iri, _concept_iri(dm))
            if kind == "target" and r.get("jurisdiction"):
                kg.edge("pkg:jurisdiction", t_iri, iri(f"reg:{r['jurisdiction']}"))
            if kind == "statistic" and r.get("source"):
                for a in resolve_actors(r["source"], None):
                    if not a.generic and a.end - a.start == len(r["source"]):
                        _actor_node(kg, a.id, a.label, a.cls, a.generic, a.role, a.level, a.jurisdiction, a.parent)
                        kg.edge("pkg:sourceActor", t_iri, _actor_iri(a.id))
        elif kind == "citation":
            c_iri = node_iri("cited", r["id"].split(":", 1)[1])
            date = r.get("date")
            kg.node(c_iri, ["PolicyDocument"], **{"dcterms:title": r["title"], "pkg:cited": True,
                                                  "eli:date_document": date, "pkg:issuerCount": r.get("issuer_count")})
            from policykg.ontology.doctypes import title_doc_type
            dt = title_doc_type(r["title"])[0]
            if dt:
                kg.edge("pkg:docType", c_iri, iri(f"dt:{dt}"))
            kg.edge("eli:cites", d_iri, c_iri)
            mid = node_iri("mention", f"{doc.id}/{r['start']}-{r['end']}-citation")
            kg.node(mid, ["Mention"], **common)
            kg.edge("pkg:denotes", mid, c_iri)
            kg.edge("pkg:sourceSentence", mid, s_iri)
            kg.edge("pkg:sourceProvision", mid, p_iri)
            issuers_c = []
            for aid, label in zip(r.get("issuer_ids", []), r.get("issuers", [])):
                _actor_stub(kg, aid, label)
                kg.edge("eli:passed_by", c_iri, _actor_iri(aid))
                kg.edge("pkg:issued", _actor_iri(aid), c_iri)
                issuers_c.append(aid)
            for x, y in itertools.combinations(sorted(set(issuers_c)), 2):
                kg.edge("pkg:coIssuedWith", _actor_iri(x), _actor_iri(y), via=c_iri)
    for x, y in itertools.combinations(sorted(set(issuers)), 2):
        kg.edge("pkg:coIssuedWith", _actor_iri(x), _actor_iri(y), via=d_iri)
    return kg


_CMP = {"≥": "ge", ">": "gt", "=": "eq", "≈": "approx", "≤": "le", "<": "lt"}


def _mention_target(kg: KG, r: dict, v) -> str:
    kind = r["kind"]
    if kind == "actor":
        _actor_node(kg, r["id"], r["label"], r.get("type"), r.get("generic"), r.get("role"), r.get("level"),
                    r.get("jurisdiction"), r.get("parent"))
        pa = r.get("parent_actor")
        if pa and r.get("parent"):
            _actor_node(kg, r["parent"], pa["label"], pa["type"], pa["generic"], pa["role"], pa["level"],
                        pa["jurisdiction"], None)
        return _actor_iri(r["id"])
    return _concept_iri(r["id"])


def _actor_node(kg: KG, aid: str, label: str, cls: str | None, generic: bool | None, role: str | None,
                level: str | None, jurisdiction: str | None, parent: str | None) -> None:
    a_iri = _actor_iri(aid)
    classes = [cls or "Enterprise", "GenericActor" if generic else "NamedActor"]
    kg.node(a_iri, classes, **{"skos:prefLabel": label,
                               "pkg:governmentLevel": iri(f"lvl:{level}") if level else None})
    if role:
        kg.edge("pkg:role", a_iri, iri(f"role:{role}"))
    if jurisdiction:
        kg.edge("pkg:jurisdiction", a_iri, iri(f"reg:{jurisdiction}"))
    if parent:
        kg.edge("org:subOrganizationOf", a_iri, _actor_iri(parent))


def _actor_stub(kg: KG, aid: str, label: str) -> None:
    """An actor known only as an issuer of a cited document: class from its concept when named."""
    key = aid.split(":", 1)[1]
    v = vocabulary()
    c = v.by_scheme.get("act", {}).get(key)
    if c is not None:
        _actor_node(kg, aid, c.pref, c.attrs.get("actorClass"), False, c.attrs.get("role"),
                    c.attrs.get("governmentLevel"), "china" if c.attrs.get("governmentLevel") == "national" else None,
                    None)
    else:
        kg.node(_actor_iri(aid), ["Department", "GenericActor" if key.startswith("role/") else "NamedActor"],
                **{"skos:prefLabel": label})
