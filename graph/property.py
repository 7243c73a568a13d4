"""The property graph: the documents' KGs merged, named by the ontology mapping.

Node ids are compact and stable (``actor:anhui/government``, ``inst:compute-voucher``,
``sentence:heilongjiang-2024/ch6/art74/p3/s1``); each node has one *key label*
(its table: PolicyDocument, Provision, Sentence, Actor, PolicyInstrument, Domain,
Region, Measure, Target, Statistic, Mention, Parameter, Sanction, Concept) and the labels of all its
ontology classes (``GovernmentBody:Actor:GenericActor``).  Relationship types and
property keys come from :mod:`policykg.ontology.mapping`.  Derived edges
(USES, IN_DOMAIN, RESPONSIBLE_FOR, ISSUED, CO_ISSUED_WITH, CITES) are merged
across documents with a ``weight`` (how many statements support them).

A concept-valued attribute is stored as its key (``modality: "obligation"``)
with its Chinese label beside it (``modalityLabel: "义务"``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from policykg.ontology import BASE, NS, vocabulary
from policykg.ontology.cypher import LABEL, REL
from policykg.ontology.mapping import node_labels, property_key, rel_type

from .kg import DERIVED, ID, KG

__all__ = ["PGraph", "PNode", "PRel", "to_property_graph", "compact_id", "key_label", "KEY_LABELS", "merge_props"]

#: the tables (key labels) nodes are stored in, in load order
KEY_LABELS = ("PolicyDocument", "Provision", "Sentence", "Actor", "PolicyInstrument", "Domain", "Region", "Concept",
              "Measure", "Target", "Statistic", "Mention", "Parameter", "Sanction")


@dataclass(slots=True)
class PNode:
    id: str
    key: str                      # key label (table)
    labels: list[str]
    props: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class PRel:
    type: str
    src: str
    dst: str
    props: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Adjacency:
    """Relationship targets by source and type (``out``) and sources by target and type (``inc``)."""

    out: dict[str, dict[str, list[str]]]
    inc: dict[str, dict[str, list[str]]]
    n_rels: int = 0

    def targets(self, node: str, rel: str) -> list[str]:
        return self.out.get(node, {}).get(rel, [])

    def sources(self, node: str, rel: str) -> list[str]:
        return self.inc.get(node, {}).get(rel, [])


@dataclass(slots=True)
class PGraph:
    nodes: dict[str, PNode] = field(default_factory=dict)
    rels: list[PRel] = field(default_factory=list)
    _adjacency: Adjacency | None = field(default=None, repr=False, compare=False)

    def adjacency(self) -> Adjacency:
        """The one adjacency index the views and analysis helpers share (built once; the graph
        is not changed after it is built)."""
        if self._adjacency is None or self._adjacency.n_rels != len(self.rels):
            out: dict[str, dict[str, list[str]]] = {}
            inc: dict[str, dict[str, list[str]]] = {}
            for r in self.rels:
                out.setdefault(r.src, {}).setdefault(r.type, []).append(r.dst)
                inc.setdefault(r.dst, {}).setdefault(r.type, []).append(r.src)
            self._adjacency = Adjacency(out, inc, len(self.rels))
        return self._adjacency

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for n in self.nodes.values():
            out[n.key] = out.get(n.key, 0) + 1
        return out

    def rel_counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for r in self.rels:
            out[r.type] = out.get(r.type, 0) + 1
        return out


_PREFIX_OF_NS = sorted(((ns, p) for p, ns in NS.items() if p != "id"), key=lambda x: -len(x[0]))


@lru_cache(maxsize=1 << 18)                  # an IRI is compacted once per edge end: remember the last ones
def compact_id(iri_: str) -> str:
    """``…/id/actor/anhui/government`` → ``actor:anhui/government``; ``…/vocab/domain/ai`` → ``dom:ai``."""
    if iri_.startswith(ID):
        kind, _, rest = iri_[len(ID):].partition("/")
        return f"{kind}:{rest}"
    for ns, p in _PREFIX_OF_NS:
        if iri_.startswith(ns):
            return f"{p}:{iri_[len(ns):]}"
    return iri_


@lru_cache(maxsize=None)
def key_label(cls: str) -> str:
    """The table of a class: its most general pkg ancestor below owl:Thing (Measure stays Measure)."""
    classes = vocabulary().classes
    c = cls
    while True:
        sup = [s for s in classes[c]["super"] if s in classes and s != "Statement"]
        if not sup:
            return classes[c]["cypher"]
        c = sup[0]


@lru_cache(maxsize=1 << 14)
def _concept_value(value: str) -> tuple[str, str | None]:
    """An IRI-valued attribute → (key, zh label)."""
    v = vocabulary()
    c = v.concepts.get(value)
    if c is not None:
        return c.key, c.pref
    return compact_id(value), None


def _props(attrs: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for curie, value in attrs.items():
        key = _property_key(curie)
        if isinstance(value, str) and value.startswith(BASE):
            k, label = _concept_value(value)
            out[key] = k
            if label is not None:
                out[f"{key}Label"] = label
        else:
            out[key] = value
    return out


def _concept_node(g: PGraph, iri_: str) -> PNode | None:
    v = vocabulary()
    c = v.concepts.get(iri_)
    if c is None:
        return None
    nid = compact_id(iri_)
    if nid in g.nodes:
        return g.nodes[nid]
    if c.scheme == "inst":
        labels = node_labels("PolicyInstrument")
        if c.instrument_type:
            labels = [c.instrument_type] + labels
        props = {"label": c.pref, "labelEn": c.en, "altLabels": list(c.alt), "instrumentType": c.instrument_type,
                 "category": c.category, "categoryLabel": v.concept("rz", c.category).pref if c.category else None}
        key = "PolicyInstrument"
    elif c.scheme == "dom":
        labels, key = node_labels("Domain"), "Domain"
        props = {"label": c.pref, "labelEn": c.en, "altLabels": list(c.alt)}
    elif c.scheme == "reg":
        labels, key = node_labels("Region"), "Region"
        lvl = c.attrs.get("governmentLevel")
        props = {"label": c.pref, "labelEn": c.en, "adminCode": c.attrs.get("adminCode"), "level": lvl,
                 "levelLabel": v.concept("lvl", lvl).pref if lvl else None}
    else:
        labels, key = ["Concept"], "Concept"
        props = {"label": c.pref, "labelEn": c.en, "scheme": c.scheme}
    node = g.nodes[nid] = PNode(nid, key, labels, {"iri": iri_, **{k: x for k, x in props.items() if x not in (None, [])}})
    return node


@lru_cache(maxsize=None)
def _rel_type(prop: str) -> str:
    return rel_type(prop)


@lru_cache(maxsize=None)
def _labels(classes: tuple[str, ...]) -> tuple[str, ...]:
    labels: list[str] = []
    for c in classes:
        for label in node_labels(c):
            if label not in labels:
                labels.append(label)
    return tuple(labels)


@lru_cache(maxsize=None)
def _property_key(curie: str) -> str:
    return property_key(curie)


@lru_cache(maxsize=None)
def _node_kind(classes: tuple[str, ...]) -> tuple[tuple[str, ...], str, bool]:
    """A node's labels, key label (table) and whether it is a document's own (it gets a ``doc`` property:
    every table but actors and documents)."""
    key = key_label(classes[0])
    return _labels(classes), key, key not in (LABEL.Actor, LABEL.PolicyDocument)


def _add_node(g: PGraph, doc: str, n) -> None:
    nid = compact_id(n.iri)
    labels, key, own = _node_kind(tuple(n.classes))
    node = g.nodes.get(nid)
    props = _props(n.attrs)
    if node is None:
        g.nodes[nid] = PNode(nid, key, list(labels), {"iri": n.iri, "doc": doc, **props} if own else {"iri": n.iri, **props})
        return
    for label in labels:
        if label not in node.labels:
            node.labels.append(label)
    merge_props(node.props, props)


def merge_props(props: dict, new: dict) -> None:
    """Merge another document's properties of a node into ``props``: the later document's value wins,
    but the label is the smallest of the labels given (an actor id some documents label differently:
    the same label whatever the order the documents come in, and the one SPARQL's MIN gives)."""
    label = props.get("label")
    props.update(new)
    if isinstance(label, str) and isinstance(new.get("label"), str):
        props["label"] = min(label, new["label"])


_DERIVED = frozenset(DERIVED)


def _add_edge(g: PGraph, doc: str, e, plain: dict, derived: dict) -> None:
    src, dst = compact_id(e.src), compact_id(e.dst)
    nodes = g.nodes
    if src not in nodes:
        _concept_node(g, e.src)
    if dst not in nodes:
        _concept_node(g, e.dst)
    k = (_rel_type(e.prop), src, dst)
    if e.prop not in _DERIVED:
        if k not in plain:
            plain[k] = PRel(k[0], src, dst, dict(e.attrs) if e.attrs else {})
        return
    rel = derived.get(k)
    if rel is None:
        rel = derived[k] = PRel(k[0], src, dst, {"weight": 0, "docs": []})
    props = rel.props
    props["weight"] += 1
    if doc not in props["docs"]:
        props["docs"].append(doc)


def _add_hierarchies(g: PGraph, plain: dict) -> None:
    """The concept hierarchies the graph needs: broader chains of domains and regions."""
    v = vocabulary()
    for nid in list(g.nodes):
        node = g.nodes[nid]
        if node.key in (LABEL.Domain, LABEL.Region):
            for b in v.ancestors(v.concepts[node.props["iri"]]):
                _concept_node(g, b.iri)
    for node in list(g.nodes.values()):
        if node.key in (LABEL.Domain, LABEL.Region):
            c = v.concepts[node.props["iri"]]
            for broader_key in c.broader:
                k = (REL.BROADER, node.id, compact_id(v.by_scheme[c.scheme][broader_key].iri))
                plain.setdefault(k, PRel(*k))


def to_property_graph(kgs: Iterable[KG]) -> PGraph:
    """Merge documents' graphs into one property graph: nodes by id, plain edges once, derived
    edges (``USES``, ``IN_DOMAIN``…) once with a ``weight`` and the ``docs`` they come from."""
    g = PGraph()
    plain: dict[tuple[str, str, str], PRel] = {}
    derived: dict[tuple[str, str, str], PRel] = {}
    for kg in kgs:
        for n in kg.nodes.values():
            _add_node(g, kg.doc, n)
        for e in kg.edges:
            _add_edge(g, kg.doc, e, plain, derived)
    _add_hierarchies(g, plain)
    # drop edges whose ends are unknown (an IRI outside the graph and the vocabulary)
    g.rels = [r for r in list(plain.values()) + list(derived.values()) if r.src in g.nodes and r.dst in g.nodes]
    return g
