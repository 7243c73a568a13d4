"""``policykg viz BUILD --view degree``: the best-connected actors, instruments, domains and documents."""

from __future__ import annotations

from collections import Counter

from policykg.graph.property import PGraph
from policykg.viz.style import style_key
from policykg.viz.views import NODE_LIMIT, VEdge, View, ViewSpec, VNode

__all__ = ["DEGREE", "degree_view", "TOP"]

#: at most this many nodes (fewer if --limit is lower)
TOP = 30
_KEYS = ("PolicyDocument", "Actor", "PolicyInstrument", "Domain", "Region")


def degree_view(g: PGraph, limit: int = NODE_LIMIT) -> View:
    degree: Counter[str] = Counter()
    for r in g.rels:
        degree[r.src] += 1
        degree[r.dst] += 1
    ranked = sorted((n for n in g.nodes.values() if n.key in _KEYS), key=lambda n: (-degree[n.id], n.id))
    top = ranked[:min(limit, TOP)]
    keep = {n.id for n in top}
    view = View("degree", f"度数最高的 {len(top)} 个节点 · degree")
    for n in top:
        label = n.props.get("label") or n.props.get("title") or n.id
        view.nodes[n.id] = VNode(n.id, label, n.key, style_key(n.labels, n.key, n.props),
                                 [f"degree {degree[n.id]}"], degree=float(degree[n.id]))
    view.edges = [VEdge(r.src, r.dst, r.type) for r in g.rels if r.src in keep and r.dst in keep and r.src != r.dst]
    view.notes.append(f"The {len(top)} actors, instruments, domains, regions and documents with the most "
                      "relationships in the whole graph.")
    return view


DEGREE = ViewSpec("degree", degree_view, help="the best-connected actors, instruments, domains and documents")
