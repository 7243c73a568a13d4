"""Views of the property graph: which nodes and edges to show, with their evidence.

A :class:`View` is plain data (nodes, edges, notes) that the HTML and static
renderers draw.  Every node and edge carries the sentences it comes from, so a
tooltip or the evidence panel can show them.  Above ``limit`` nodes a view
aggregates — measures are folded into weighted actor→instrument,
actor→domain and instrument→domain edges, then the best-connected nodes are
kept — and says so in ``notes``.

Views are :class:`ViewSpec` entries of the registry :data:`VIEWS`, each naming the
options it needs; another package adds one with an entry point in the group
``policykg.views`` naming a :class:`ViewSpec`.

>>> from policykg.api import graph_of_texts
>>> v = instruments_view(graph_of_texts({"demo": "省数据局负责推进公共数据开放。"}))
>>> sorted((v.nodes[e.src].label, e.type, v.nodes[e.dst].label) for e in v.edges)[:1]
[('公共数据开放', 'IN_DOMAIN', '公共数据')]
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from policykg.errors import GraphError
from policykg.graph.property import PGraph
from policykg.ontology.cypher import LABEL, REL
from policykg.registry import Registry

from .provisions import provision_labels
from .style import group_colors, look, style, style_key

if TYPE_CHECKING:
    from .tables import Grid

#: a view-only relation: two actors that are agents of the same measure (not in the ontology)
CO_AGENT = "CO_AGENT"

__all__ = ["Evidence", "VNode", "VEdge", "View", "ViewSpec", "VIEWS", "OPTIONS", "overview", "actors_view", "instruments_view", "ego_view",
           "document_view", "province_view", "make_view", "NODE_LIMIT"]

#: above this many nodes a view aggregates
NODE_LIMIT = 300


@dataclass(slots=True)
class Evidence:
    """A source sentence: its document, provision label (e.g. 第十二条) and the spans of ``text``
    to highlight (the names of the nodes it is evidence for, or the statement's own span)."""
    doc: str
    sentence_id: str | None
    text: str
    provision: str = ""
    marks: tuple[tuple[int, int], ...] = ()


@dataclass(slots=True)
class VNode:
    id: str
    label: str
    kind: str                     # key label (Actor, PolicyInstrument, …)
    style: str                    # style key (Department, instrument-supply, …)
    info: list[str] = field(default_factory=list)        # lines shown under the label in the tooltip
    evidence: list[Evidence] = field(default_factory=list)
    degree: float = 0.0
    group: str | None = None      # province view: which jurisdiction(s)


@dataclass(slots=True)
class VEdge:
    src: str
    dst: str
    type: str
    weight: int = 1
    evidence: list[Evidence] = field(default_factory=list)
    group: str | None = None


@dataclass(slots=True)
class View:
    name: str
    title: str
    nodes: dict[str, VNode] = field(default_factory=dict)
    edges: list[VEdge] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    groups: dict[str, str] = field(default_factory=dict)     # group name → colour (province view)
    grid: Grid | None = None      # a table view (matrix, timeline) instead of a network
    positions: dict[str, tuple[float, float]] = field(default_factory=dict)   # a fixed layout, if any

    def summary(self) -> str:
        """What the view holds, for a one-line report.

        >>> View("x", "x").summary()
        '0 nodes, 0 edges'
        """
        return self.grid.summary() if self.grid else f"{len(self.nodes)} nodes, {len(self.edges)} edges"

    def legend(self) -> list[tuple[str, dict[str, str]]]:
        keys = sorted({n.style for n in self.nodes.values()})
        return [(k, look(k)) for k in keys]


# --- an index over the property graph --------------------------------------------------------

class _Index:
    def __init__(self, g: PGraph):
        self.g = g
        # the graph's one adjacency index (shared with the analysis helpers); a node without
        # relationships reads as {}
        self.out: dict[str, dict[str, list[str]]] = defaultdict(dict, g.adjacency().out)
        self.rel: dict[tuple[str, str, str], dict] = {(r.type, r.src, r.dst): r.props for r in g.rels}
        self._index_documents()
        self._index_statements()
        self._index_derived()
        self._index_mentions()

    def _index_documents(self) -> None:
        g = self.g
        self.doc_node = {n.props["identifier"]: n.id for n in g.nodes.values()
                         if n.key == LABEL.PolicyDocument and n.props.get("identifier")}
        self.corpus_docs = {d for d, nid in self.doc_node.items() if self.out[nid].get(REL.HAS_DOC_TYPE)
                            or g.nodes[nid].props.get("contentHash")}
        self.jurisdiction: dict[str, str | None] = {}
        self.region_node: dict[str, str] = {}
        for d, nid in self.doc_node.items():
            regs = self.out[nid].get(REL.IN_JURISDICTION, [])
            self.jurisdiction[d] = g.nodes[regs[0]].props.get("label") if regs else None
            if regs:
                self.region_node[d] = regs[0]

    def _index_statements(self) -> None:
        """Statements: their sentence, document and provision; where in the sentence each mention is."""
        g = self.g
        labels = provision_labels(g)
        self.sentence: dict[str, Evidence] = {}
        self.spans: dict[str, tuple[int, int]] = {}               # statement → its span in its sentence
        self.names_in: dict[str, list[tuple[int, int, str]]] = defaultdict(list)   # sentence → mentions
        for n in g.nodes.values():
            if n.key not in (LABEL.Measure, LABEL.Target, LABEL.Statistic, LABEL.Mention):
                continue
            s = self.out[n.id].get(REL.FROM_SENTENCE, [])
            sp = g.nodes[s[0]].props if s else {}
            text = sp.get("text", "") if s else n.props.get("text", "")
            prov = self.out[s[0]].get(REL.IN_PROVISION, []) if s else []
            self.sentence[n.id] = Evidence(n.props.get("doc", ""), s[0] if s else None, text,
                                           labels.get(prov[0], "") if prov else "")
            span = _span(n.props, sp, len(text))
            if span:
                self.spans[n.id] = span
                if n.key == LABEL.Mention and s:
                    for d in self.out[n.id].get(REL.DENOTES, []):
                        self.names_in[s[0]].append((span[0], span[1], d))

    def marked(self, statement: str, ends: Iterable[str] = ()) -> Evidence:
        """The evidence of ``statement`` with the names of ``ends`` marked in it (or, when none is
        named there, the statement's own span if it is shorter than the sentence)."""
        ev = self.sentence[statement]
        want = set(ends)
        marks = sorted({(a, b) for a, b, d in self.names_in.get(ev.sentence_id or "", []) if d in want})
        if not marks and statement in self.spans and self.spans[statement] != (0, len(ev.text)):
            marks = [self.spans[statement]]
        return Evidence(ev.doc, ev.sentence_id, ev.text, ev.provision, tuple(_disjoint(marks)))

    def _index_derived(self) -> None:
        """Evidence of the derived edges, from the measures they summarize."""
        self.derived_from: dict[tuple[str, str, str], list[str]] = defaultdict(list)
        for n in self.g.nodes.values():
            if n.key != LABEL.Measure:
                continue
            o = self.out[n.id]
            agents, insts, doms = o.get(REL.HAS_AGENT, []), o.get(REL.USES_INSTRUMENT, []), o.get(REL.CONCERNS_DOMAIN, [])
            for a in agents:
                for i in insts:
                    self.derived_from[(REL.USES, a, i)].append(n.id)
                for d in doms:
                    self.derived_from[(REL.RESPONSIBLE_FOR, a, d)].append(n.id)
            for i in insts:
                for d in doms:
                    self.derived_from[(REL.IN_DOMAIN, i, d)].append(n.id)
            for a, b in _pairs(sorted(set(agents))):
                self.derived_from[(CO_AGENT, a, b)].append(n.id)

    def _index_mentions(self) -> None:
        """Mentions: where each actor, instrument, domain or cited document is named."""
        g = self.g
        self.mentioned: dict[str, list[Evidence]] = defaultdict(list)
        self.cite_evidence: dict[tuple[str, str], list[Evidence]] = defaultdict(list)
        for n in g.nodes.values():
            if n.key == LABEL.Mention and n.id in self.sentence:
                ev = self.marked(n.id)
                for d in self.out[n.id].get(REL.DENOTES, []):
                    self.mentioned[d].append(ev)
                    if g.nodes[d].key == LABEL.PolicyDocument:
                        src = self.doc_node.get(ev.doc)
                        if src:
                            self.cite_evidence[(src, d)].append(ev)

    def label(self, nid: str) -> str:
        n = self.g.nodes[nid]
        p = n.props
        if n.key == LABEL.Measure:
            cue, action = p.get("modalCue") or "", p.get("action") or ""
            return (cue if action in ("", cue) else cue + action) or (p.get("text") or "")[:8]
        if n.key in (LABEL.Target, LABEL.Statistic):
            return f"{p.get('metric') or ''} {p.get('text') or ''}".strip()[:24]
        if n.key == LABEL.PolicyDocument:
            t = p.get("title") or p.get("identifier") or nid
            return t if len(t) <= 18 else t[:17] + "…"
        return p.get("label") or p.get("title") or nid

    def info(self, nid: str) -> list[str]:
        n = self.g.nodes[nid]
        p = n.props
        lines = [look(style_key(n.labels, n.key, p))["legend"]]
        if n.key == LABEL.PolicyDocument:
            lines += [p.get("title") or "", " · ".join(x for x in (p.get("identifier"), p.get("dateIssued")
                                                                   or p.get("dateAdopted")) if x)]
        elif n.key == LABEL.Measure:
            lines.append(f"{p.get('modalityLabel') or p.get('modality')}（{p.get('modalCue')}）")
        elif n.key == LABEL.Target:
            year = p.get("year") or p.get("period") or ""
            lines.append(f"{p.get('metric')}: {p.get('comparatorLabel') or ''}{p.get('text')} · {year}")
        elif n.key == LABEL.PolicyInstrument and p.get("categoryLabel"):
            lines.append(f"{p.get('categoryLabel')} · {p.get('instrumentType') or ''}")
        elif n.key == LABEL.Actor and p.get("levelLabel"):
            lines.append(f"层级: {p['levelLabel']}")
        return [x for x in lines if x]

    def evidence_of_measures(self, measures: Iterable[str], ends: Iterable[str] = ()) -> list[Evidence]:
        """One evidence per distinct sentence of ``measures``, the names of ``ends`` marked."""
        out, seen, ends = [], set(), tuple(ends)
        for m in measures:
            ev = self.sentence.get(m)
            if ev and (ev.doc, ev.text) not in seen:
                seen.add((ev.doc, ev.text))
                out.append(self.marked(m, ends))
        return out

    def statement_ends(self, m: str) -> list[str]:
        """What a statement names: its agents, beneficiaries, instruments and domains."""
        o = self.out[m]
        return [x for t in _STATEMENT_EDGES for x in o.get(t, [])]

    def node(self, nid: str, group: str | None = None) -> VNode:
        n = self.g.nodes[nid]
        ev: list[Evidence] = []
        if nid in self.sentence:
            ev = [self.marked(nid, self.statement_ends(nid))]
        elif n.key == LABEL.Actor:
            ev = self.evidence_of_measures((m for (t, a, _), ms in self.derived_from.items()
                                            if t in (REL.USES, REL.RESPONSIBLE_FOR) and a == nid for m in ms), [nid])
        if not ev:
            ev = _unique(self.mentioned.get(nid, []))
        return VNode(nid, self.label(nid), n.key, style_key(n.labels, n.key, n.props), self.info(nid), ev,
                     group=group)

    def derived(self, types: tuple[str, ...], docs: set[str] | None = None) -> list[VEdge]:
        """Measure-derived edges of ``types``, optionally only from measures of ``docs``."""
        out = []
        for (t, a, b), ms in self.derived_from.items():
            if t not in types:
                continue
            if docs is not None:
                ms = [m for m in ms if self.sentence[m].doc in docs]
            if ms:
                out.append(VEdge(a, b, t, len(ms), self.evidence_of_measures(ms, (a, b))))
        return out


def _span(props: dict, sentence: dict, length: int) -> tuple[int, int] | None:
    """A statement's span relative to its sentence, if both carry offsets and it lies inside."""
    try:
        a = int(props["start"]) - int(sentence["start"])
        b = int(props["end"]) - int(sentence["start"])
    except (KeyError, TypeError, ValueError):
        return None
    return (a, b) if 0 <= a < b <= length else None


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlaps merged.

    >>> _disjoint([(0, 3), (2, 5), (7, 8)])
    [(0, 5), (7, 8)]
    """
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _unique(evs: list[Evidence]) -> list[Evidence]:
    seen, out = set(), []
    for e in evs:
        if (e.doc, e.text) not in seen:
            seen.add((e.doc, e.text))
            out.append(e)
    return out


def _pairs(xs: list[str]):
    for i, a in enumerate(xs):
        for b in xs[i + 1:]:
            yield a, b


def _finish(view: View, idx: _Index, limit: int, what: str = "nodes") -> View:
    """Drop edges to missing nodes and isolated nodes; keep the best-connected ``limit``; size by degree."""
    view.edges = [e for e in view.edges if e.src in view.nodes and e.dst in view.nodes and e.src != e.dst]
    deg: dict[str, float] = defaultdict(float)
    for e in view.edges:
        deg[e.src] += e.weight
        deg[e.dst] += e.weight
    isolated = [n for n in view.nodes if n not in deg and not view.nodes[n].degree < 0]
    if isolated and view.edges:
        for n in isolated:
            del view.nodes[n]
    if len(view.nodes) > limit:
        keep = set(sorted(view.nodes, key=lambda n: (-deg[n], n))[:limit])
        view.notes.append(f"Showing the {limit} best-connected of {len(view.nodes)} {what}; "
                          f"use --limit, or the ego and document views, to see the rest.")
        view.nodes = {k: v for k, v in view.nodes.items() if k in keep}
        view.edges = [e for e in view.edges if e.src in keep and e.dst in keep]
        deg = defaultdict(float)
        for e in view.edges:
            deg[e.src] += e.weight
            deg[e.dst] += e.weight
    for nid, node in view.nodes.items():
        node.degree = deg[nid]
    return view


_STATEMENT_EDGES = (REL.HAS_AGENT, REL.HAS_BENEFICIARY, REL.USES_INSTRUMENT, REL.CONCERNS_DOMAIN)


def _plain_edges(idx: _Index, nodes: set[str], types: tuple[str, ...]) -> list[VEdge]:
    out = []
    for r in idx.g.rels:
        if r.type in types and r.src in nodes and r.dst in nodes:
            if r.type == REL.CITES:
                ev = idx.cite_evidence.get((r.src, r.dst), [])
            elif r.src in idx.sentence:
                ev = [idx.marked(r.src, (r.dst,))]
            elif r.type == REL.CO_ISSUED_WITH:        # the citations that name both issuers
                both = {(x.doc, x.text) for x in idx.mentioned.get(r.dst, [])}
                ev = [x for x in idx.mentioned.get(r.src, []) if (x.doc, x.text) in both]
            else:                                   # hierarchy, roles, issuers: where the first node is named
                ev = _unique(idx.mentioned.get(r.src, []))
            out.append(VEdge(r.src, r.dst, r.type, int(r.props.get("weight", 1) or 1), ev))
    return out


# --- the views ----------------------------------------------------------------------------------

def overview(g: PGraph, limit: int = NODE_LIMIT, per_column: int = 16) -> View:
    """Documents, actors, instruments, domains and targets in columns (measures too in a small graph),
    sized by degree; each column shows its ``per_column`` best-connected nodes and folds the rest."""
    idx = _Index(g)
    view = View("overview", "政策知识图谱 · overview")
    keys = ("PolicyDocument", "Actor", "PolicyInstrument", "Domain", "Measure", "Target")
    nodes = {n.id for n in g.nodes.values() if n.key in keys}
    edges = _plain_edges(idx, nodes, _STATEMENT_EDGES + (REL.ISSUED, REL.CITES, REL.CO_ISSUED_WITH))
    # a measure belongs to its document
    for m, ev in idx.sentence.items():
        if m in nodes and g.nodes[m].key in (LABEL.Measure, LABEL.Target) and ev.doc in idx.doc_node:
            edges.append(VEdge(m, idx.doc_node[ev.doc], REL.IN_DOCUMENT, 1, [ev]))
    n_measures = sum(1 for n in nodes if g.nodes[n].key == LABEL.Measure)
    used = {e.src for e in edges} | {e.dst for e in edges}
    if len(used) > limit:
        nodes = {n for n in nodes if g.nodes[n].key != LABEL.Measure}
        derived = idx.derived((REL.USES, REL.IN_DOMAIN)) + _document_agents(idx)
        edges = [e for e in edges if e.src in nodes and e.dst in nodes and e.type in (REL.ISSUED, REL.CONCERNS_DOMAIN,
                                                                                    REL.IN_DOCUMENT)] + derived
        view.notes.append(f"Aggregated: {n_measures} measures are folded into {len(derived)} weighted edges "
                          f"(document HAS_AGENT actor, actor USES instrument, instrument IN_DOMAIN domain); "
                          f"each edge lists the sentences behind it.")
    view.nodes = {n: idx.node(n) for n in nodes}
    view.edges = edges
    _finish(view, idx, limit)
    from .layout import layered
    return layered(view, ["PolicyDocument", "Actor", "Measure", "PolicyInstrument", "Domain", "Target"], per_column)


def _document_agents(idx: _Index, rel: str = REL.HAS_AGENT) -> list[VEdge]:
    """document → what its measures name through ``rel`` (agents by default), weighted by those measures."""
    by: dict[tuple[str, str], list[str]] = defaultdict(list)
    for m, ev in idx.sentence.items():
        if idx.g.nodes[m].key == LABEL.Measure and ev.doc in idx.doc_node:
            for a in idx.out[m].get(rel, []):
                by[(idx.doc_node[ev.doc], a)].append(m)
    return [VEdge(d, a, rel, len(ms), idx.evidence_of_measures(ms, (a,))) for (d, a), ms in by.items()]


def actors_view(g: PGraph, limit: int = NODE_LIMIT) -> View:
    """Actors joined by shared measures (co-agents), co-issuance and organisational hierarchy."""
    idx = _Index(g)
    view = View("actors", "政策主体网络 · actors")
    edges = [VEdge(a, b, CO_AGENT, len(ms), idx.evidence_of_measures(ms, (a, b)))
             for (t, a, b), ms in idx.derived_from.items() if t == CO_AGENT]
    actors = {n.id for n in g.nodes.values() if n.key == LABEL.Actor}
    edges += _plain_edges(idx, actors, (REL.CO_ISSUED_WITH, REL.SUB_ORGANIZATION_OF))
    linked = {e.src for e in edges} | {e.dst for e in edges}
    agents = {a for (t, a, _) in idx.derived_from if t in (REL.USES, REL.RESPONSIBLE_FOR)}
    alone = len((agents & actors) - linked)
    view.nodes = {n: idx.node(n) for n in linked}
    view.edges = edges
    if alone:
        view.notes.append(f"{alone} actors that act only alone (no shared measure, co-issuance or parent body) "
                          "are not shown; the ego view shows any of them.")
    return _finish(view, idx, limit, "actors")


def instruments_view(g: PGraph, limit: int = NODE_LIMIT, per_column: int = 20) -> View:
    """Instruments × domains, weighted by the measures that use the instrument in the domain."""
    idx = _Index(g)
    view = View("instruments", "政策工具 × 领域 · instruments")
    view.edges = idx.derived((REL.IN_DOMAIN,))
    ends = {e.src for e in view.edges} | {e.dst for e in view.edges}
    view.nodes = {n: idx.node(n) for n in ends}
    _finish(view, idx, limit)
    from .layout import layered
    return layered(view, ["PolicyInstrument", "Domain"], per_column)


def _resolve(g: PGraph, focus: str) -> str:
    if focus in g.nodes:
        return focus
    hits = sorted(n.id for n in g.nodes.values()
                  if focus in (n.props.get("label"), n.props.get("title"), n.props.get("identifier")))
    if len(hits) == 1:
        return hits[0]
    if not hits:
        near = sorted(n.id for n in g.nodes.values() if focus in (n.props.get("label") or ""))[:8]
        hint = f"; did you mean one of: {', '.join(near)}" if near else ""
        raise GraphError(f"no node with id or label '{focus}'{hint}")
    raise GraphError(f"'{focus}' names {len(hits)} nodes; give one id: {', '.join(hits[:8])}")


_EGO_TYPES = (REL.ISSUED, REL.CITES, REL.CO_ISSUED_WITH, REL.SUB_ORGANIZATION_OF, REL.SOURCED_FROM, REL.HAS_ROLE)
_DERIVED = (REL.USES, REL.RESPONSIBLE_FOR, REL.IN_DOMAIN, CO_AGENT)
_STATEMENT_KEYS = ("Measure", "Target", "Statistic")


def ego_view(g: PGraph, focus: str, depth: int = 1, limit: int = NODE_LIMIT, measures: bool | None = None,
             per_column: int = 20) -> View:
    """A node and everything within ``depth`` steps.

    By default measures are folded into weighted edges (an actor's instruments,
    domains and co-agents are one step away, each edge listing its sentences);
    with ``measures=True`` — the default when the focus is itself a measure,
    target or statistic — the steps go through the statement nodes instead.
    """
    idx = _Index(g)
    center = _resolve(g, focus)
    if measures is None:
        measures = g.nodes[center].key in _STATEMENT_KEYS
    edges_all: list[VEdge] = _plain_edges(idx, set(g.nodes), _EGO_TYPES)
    if measures:
        edges_all += _plain_edges(idx, set(g.nodes), _STATEMENT_EDGES)
        for m, ev in idx.sentence.items():            # statements and their documents
            if g.nodes[m].key in _STATEMENT_KEYS and ev.doc in idx.doc_node:
                edges_all.append(VEdge(m, idx.doc_node[ev.doc], REL.IN_DOCUMENT, 1, [ev]))
    else:
        edges_all += idx.derived(_DERIVED)
    adj: dict[str, set[str]] = defaultdict(set)
    for e in edges_all:
        adj[e.src].add(e.dst)
        adj[e.dst].add(e.src)
    order, dist = [center], {center: 0}
    for nid in order:
        if dist[nid] >= depth:
            continue
        for nb in sorted(adj[nid]):
            if nb not in dist:
                dist[nb] = dist[nid] + 1
                order.append(nb)
    view = View("ego", f"{idx.label(center)} · ego network (depth {depth})")
    if not measures:
        view.notes.append("Measures are folded into weighted edges (USES, RESPONSIBLE_FOR, IN_DOMAIN, CO_AGENT); "
                          "click an edge for its sentences, or use --measures to show the measures themselves.")
    if len(order) > limit:
        view.notes.append(f"Showing the {limit} nearest of {len(order)} nodes within {depth} steps.")
        order = order[:limit]
    keep = set(order)
    view.nodes = {n: idx.node(n) for n in order}
    view.nodes[center].degree = -1                 # never dropped as isolated
    view.edges = [e for e in edges_all if e.src in keep and e.dst in keep]
    if len(keep) == 1:
        view.notes.append("This node has no links in this view" +
                          ("" if measures else "; try --measures, a larger --depth or another node") + ".")
    _finish(view, idx, limit + 1)
    from .layout import layered
    return layered(view, ["PolicyDocument", "Actor", "Measure", "Target", "Statistic", "PolicyInstrument", "Domain"],
                   per_column, center=center)


def document_view(g: PGraph, doc: str, limit: int = NODE_LIMIT, per_column: int = 20) -> View:
    """One document: its measures, targets and statistics with their actors, instruments and domains."""
    idx = _Index(g)
    if doc not in idx.doc_node or doc not in idx.corpus_docs:
        raise GraphError(f"no document '{doc}' in this build (documents: {', '.join(sorted(idx.corpus_docs))})")
    dnode = idx.doc_node[doc]
    view = View("document", f"{g.nodes[dnode].props.get('title') or doc} · document")
    statements = {m for m, ev in idx.sentence.items() if ev.doc == doc and g.nodes[m].key in
                  ("Measure", "Target", "Statistic")}
    nodes = set(statements) | {dnode}
    for m in statements:
        for t in _STATEMENT_EDGES + (REL.SOURCED_FROM,):
            nodes.update(idx.out[m].get(t, []))
    for r in g.rels:
        if r.type == REL.ISSUED and r.dst == dnode:
            nodes.add(r.src)
        if r.type == REL.CITES and r.src == dnode:
            nodes.add(r.dst)
    edges = _plain_edges(idx, nodes, _STATEMENT_EDGES + (REL.SOURCED_FROM, REL.ISSUED, REL.CITES))
    edges += [VEdge(m, dnode, REL.IN_DOCUMENT, 1, [idx.sentence[m]]) for m in statements
              if g.nodes[m].key != LABEL.Statistic]
    if len(nodes) > limit:
        n_measures = sum(1 for m in statements if g.nodes[m].key == LABEL.Measure)
        nodes = {n for n in nodes if g.nodes[n].key not in (LABEL.Measure, LABEL.Statistic)}
        derived = idx.derived((REL.USES, REL.RESPONSIBLE_FOR, REL.IN_DOMAIN), {doc})
        derived += [e for e in _document_agents(idx, REL.USES_INSTRUMENT) if e.src == dnode]
        edges = [e for e in edges if e.src in nodes and e.dst in nodes] + derived
        view.notes.append(f"Aggregated: the document's {n_measures} measures are folded into {len(derived)} "
                          "weighted edges; statistics are left out.")
    view.nodes = {n: idx.node(n) for n in nodes}
    view.nodes[dnode].degree = -1
    view.edges = edges
    _finish(view, idx, limit)
    from .layout import layered
    return layered(view, ["Actor", "PolicyDocument", "Measure", "Target", "Statistic", "PolicyInstrument", "Domain"],
                   per_column, center=dnode)


def province_view(g: PGraph, jurisdictions: list[str] | None = None, limit: int = NODE_LIMIT,
                  per_column: int = 16) -> View:
    """Jurisdictions side by side, by colour: each province is a hub linked to the instruments its
    documents' measures use and the domains they concern; what two provinces share sits between them."""
    idx = _Index(g)
    present = sorted({j for d, j in idx.jurisdiction.items() if j and d in idx.corpus_docs})
    wanted = list(jurisdictions) if jurisdictions else present
    unknown = [j for j in wanted if j not in present]
    if unknown:
        raise GraphError(f"no document of jurisdiction {', '.join(unknown)} in this build "
                         f"(jurisdictions: {', '.join(present) or 'none'})")
    view = View("province", " vs ".join(wanted) + " · provinces")
    view.groups = group_colors(wanted)
    shared = "共有"
    member: dict[str, set[str]] = defaultdict(set)
    for j in wanted:
        docs = {d for d, jj in idx.jurisdiction.items() if jj == j and d in idx.corpus_docs}
        hub = idx.region_node[next(iter(docs))]
        member[hub].add(j)
        uses: dict[tuple[str, str], list[str]] = defaultdict(list)
        for m, ev in idx.sentence.items():
            if ev.doc in docs and g.nodes[m].key == LABEL.Measure:
                for t in (REL.USES_INSTRUMENT, REL.CONCERNS_DOMAIN):
                    for x in idx.out[m].get(t, []):
                        uses[(t, x)].append(m)
        for (t, x), ms in uses.items():
            view.edges.append(VEdge(hub, x, t, len(ms), idx.evidence_of_measures(ms, (x,)), j))
            member[x].add(j)
    for nid, js in member.items():
        view.nodes[nid] = idx.node(nid, group=next(iter(js)) if len(js) == 1 else shared)
    if any(n.group == shared for n in view.nodes.values()):
        view.groups[shared] = style()["shared"]
    view.notes.append("Border colour = jurisdiction (" + "、".join(wanted) + "); grey border = used by more than one. "
                      "Each province links to the instruments and domains of its documents' measures "
                      "(edge weight = measures); fill and shape = kind of node.")
    _finish(view, idx, limit)
    if len(wanted) == 2:              # side by side: own | hub | shared | hub | own
        from .layout import layered
        hubs = {view.nodes[idx.region_node[next(d for d, jj in idx.jurisdiction.items() if jj == j
                                                and d in idx.corpus_docs)]].id: i for i, j in enumerate(wanted)}
        place = {wanted[0]: 0, shared: 4, wanted[1]: 8}

        def column_of(n: VNode) -> int:
            if n.id in hubs:
                return 2 + 4 * hubs[n.id]
            return place.get(n.group or shared, 4) + (1 if n.kind == LABEL.Domain else 0) * (1 if n.group == shared else 0)
        layered(view, [], per_column, column_of=column_of)
    return view


# --- the registry ------------------------------------------------------------------------------

#: the options :func:`make_view` passes on, and how to give each on the command line
OPTIONS = {
    "focus": "--focus ID (a node id such as actor:jiangsu/government, or a label)",
    "depth": "--depth N",
    "measures": "--measures",
    "doc": "--doc ID (e.g. --doc jiangsu-2025)",
    "jurisdictions": "--jurisdiction NAME (repeatable)",
}


@dataclass(frozen=True, slots=True)
class ViewSpec:
    """A named view: ``make(g, limit=…, **options)`` gets the options in ``needs``
    (each must be given) and ``takes`` (passed as given, possibly None), names from
    :data:`OPTIONS`; ``help`` is its line in ``policykg viz --help``."""
    name: str
    make: Callable[..., View]
    needs: tuple[str, ...] = ()
    takes: tuple[str, ...] = ()
    help: str = ""


#: view name → :class:`ViewSpec`; entry-point group ``policykg.views``
VIEWS: Registry[ViewSpec] = Registry("policykg.views")


def _view(name: str, make: Callable[..., View], help: str, needs: tuple[str, ...] = (),
          takes: tuple[str, ...] = ()) -> None:
    VIEWS.register(name, ViewSpec(name, make, needs, takes, help))


_view("overview", overview, "documents, actors, instruments, domains, targets (measures folded when large)")
_view("actors", actors_view, "actors linked by shared measures, co-issuance and parent bodies")
_view("instruments", instruments_view, "instruments × domains, weighted by measures")
_view("ego", ego_view, "a node and its neighbourhood (--focus, --depth, --measures)", ("focus",), ("depth", "measures"))
_view("document", document_view, "one document's measures, actors, instruments, targets (--doc)", ("doc",))
_view("province", province_view, "jurisdictions compared by colour (--jurisdiction, repeatable)",
      takes=("jurisdictions",))


def make_view(g: PGraph, name: str, *, focus: str | None = None, depth: int = 1, doc: str | None = None,
              jurisdictions: list[str] | None = None, limit: int = NODE_LIMIT, measures: bool | None = None) -> View:
    """Dispatch by view name through :data:`VIEWS`, checking the options each view needs."""
    if name not in VIEWS:
        raise GraphError(f"unknown view '{name}' (one of: {', '.join(VIEWS.names())})")
    spec = VIEWS.get(name)
    given = {"focus": focus, "depth": depth, "doc": doc, "jurisdictions": jurisdictions, "measures": measures}
    for option in spec.needs:
        if not given.get(option):
            raise GraphError(f"the {name} view needs {OPTIONS.get(option, option)}")
    return spec.make(g, limit=limit, **{k: given.get(k) for k in spec.needs + spec.takes})


def node_size(degree: float) -> float:
    """Node radius for a weighted degree (10 for a leaf, at most 45)."""
    return round(min(45.0, 10 + 4 * math.sqrt(max(degree, 0))), 1)
