"""Provision labels as a reader cites them ("第十二条第2款", "三、（一）", "专栏1"), from the graph's
``Provision`` nodes and their ``PART_OF`` chain.

>>> provision_label([{"level": "chapter", "marker": "第二章"}, {"level": "article", "marker": "第十二条"},
...                  {"level": "paragraph", "number": 2, "siblings": 3}])
'第十二条第2款'
>>> provision_label([{"level": "part", "marker": "三、"}, {"level": "item", "marker": "（一）"}])
'三、（一）'
>>> provision_label([{"level": "title", "levelLabel": "标题"}])
'标题'
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from policykg.graph.property import PGraph
from policykg.ontology.cypher import LABEL, REL

__all__ = ["provision_label", "provision_labels"]

_CONTAINERS = ("chapter", "section")           # left out when an article below them is cited


def provision_label(chain: list[dict[str, Any]]) -> str:
    """The label of the last provision of ``chain`` (outermost first; each a Provision's properties,
    plus ``siblings``: how many paragraphs its parent has)."""
    has_article = any(p.get("level") == "article" for p in chain)
    parts: list[str] = []
    for i, p in enumerate(chain):
        level = p.get("level")
        if has_article and level in _CONTAINERS:
            continue
        if level == "paragraph":
            if int(p.get("siblings") or 1) > 1:
                unit = "款" if i and chain[i - 1].get("level") == "article" else "段"
                parts.append(f"第{p.get('number')}{unit}")
        elif level == "footnote":
            parts.append("脚注" + str(p.get("marker") or p.get("number") or ""))
        elif p.get("marker"):
            parts.append((" " if parts and level in ("box", "enum") else "") + str(p["marker"]))
        elif not parts and i == len(chain) - 1 and p.get("levelLabel"):
            parts.append(str(p["levelLabel"]))
    return "".join(parts)


def provision_labels(g: PGraph) -> dict[str, str]:
    """Provision id → its label, for every provision of ``g``."""
    parent: dict[str, str] = {}
    for r in g.rels:
        if r.type == REL.PART_OF and r.src in g.nodes and g.nodes[r.src].key == LABEL.Provision:
            parent[r.src] = r.dst
    paragraphs = Counter(parent[p] for p, n in ((p, g.nodes[p]) for p in parent)
                         if n.props.get("level") == "paragraph")
    out = {}
    for pid, node in g.nodes.items():
        if node.key != LABEL.Provision:
            continue
        chain: list[dict[str, Any]] = []
        cur = pid
        while cur in g.nodes and g.nodes[cur].key == LABEL.Provision and len(chain) < 12:
            props = dict(g.nodes[cur].props)
            props["siblings"] = paragraphs.get(parent.get(cur, ""), 0)
            chain.append(props)
            cur = parent.get(cur, "")
        out[pid] = provision_label(chain[::-1])
    return out
