"""Layouts that read: nodes in columns by kind (documents → actors → instruments → domains), the
best-connected ``per_column`` of each column kept and the rest folded into one "+N more" node, each
column ordered to follow its neighbours (barycentre sweeps) so edges run mostly level.

The positions go on :attr:`View.positions`; the HTML page then draws them as they are (no physics) and
fits them to the window, and the static figure uses them too.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable

from .views import VEdge, View, VNode

__all__ = ["layered", "MORE"]

#: prefix of the id of a folded node
MORE = "more:"
_WIDTH = 200.0          # between columns (at least)
_ROW = 46.0             # between nodes of a column


def _degrees(view: View) -> dict[str, float]:
    deg: dict[str, float] = defaultdict(float)
    for e in view.edges:
        deg[e.src] += e.weight
        deg[e.dst] += e.weight
    return deg


def _fold(view: View, column: dict[str, int], per_column: int, keep: set[str]) -> None:
    """Keep the ``per_column`` best-connected nodes of each column; fold the others into one node."""
    deg = _degrees(view)
    members: dict[int, list[str]] = defaultdict(list)
    for nid, col in column.items():
        members[col].append(nid)
    into: dict[str, str] = {}
    for col, ids in members.items():
        ranked = sorted(ids, key=lambda n: (n not in keep, -deg[n], n))
        folded = ranked[per_column:]
        if len(folded) < 2:
            continue
        first = view.nodes[folded[0]]
        kind_label = first.info[0] if first.info else first.kind
        agg = f"{MORE}{col}"
        names = [view.nodes[n].label for n in folded]
        styles = Counter(view.nodes[n].style for n in folded)     # drawn as the kind it folds, not a new kind
        view.nodes[agg] = VNode(agg, f"+{len(folded)} 其他 more", first.kind, styles.most_common(1)[0][0],
                                [f"{len(folded)} more {kind_label} (folded; see the ego view of each)",
                                 "、".join(names[:40]) + ("…" if len(names) > 40 else "")], [])
        column[agg] = col
        for n in folded:
            into[n] = agg
            del view.nodes[n]
            del column[n]
    if not into:
        return
    merged: dict[tuple[str, str, str], VEdge] = {}
    for e in view.edges:
        src, dst = into.get(e.src, e.src), into.get(e.dst, e.dst)
        if src == dst:
            continue
        k = (src, dst, e.type)
        if k in merged:
            m = merged[k]
            m.weight += e.weight
            seen = {(x.doc, x.text) for x in m.evidence}
            m.evidence += [x for x in e.evidence if (x.doc, x.text) not in seen]
        else:
            merged[k] = VEdge(src, dst, e.type, e.weight, list(e.evidence), e.group)
    view.edges = list(merged.values())


def _order(view: View, column: dict[str, int]) -> dict[int, list[str]]:
    """Each column's nodes top to bottom: by weight first, then two barycentre sweeps."""
    deg = _degrees(view)
    cols: dict[int, list[str]] = defaultdict(list)
    for nid, col in column.items():
        cols[col].append(nid)
    for col in cols:
        cols[col].sort(key=lambda n: (n.startswith(MORE), -deg[n], n))
    nbrs: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for e in view.edges:
        nbrs[e.src].append((e.dst, e.weight))
        nbrs[e.dst].append((e.src, e.weight))
    keys = sorted(cols)
    for sweep in (keys[1:], keys[-2::-1], keys[1:]):
        for col in sweep:
            rank = {n: i / max(1, len(cols[c]) - 1) for c in cols if c != col for i, n in enumerate(cols[c])}

            def bary(n: str, rank: dict[str, float] = rank, col: int = col) -> tuple:
                pts = [(rank[m], w) for m, w in nbrs[n] if m in rank and abs(column[m] - col) == 1]
                tot = sum(w for _, w in pts)
                return (n.startswith(MORE), sum(r * w for r, w in pts) / tot if tot else 0.5, -deg[n], n)
            cols[col].sort(key=bary)
    return cols


def layered(view: View, kinds: list[str], per_column: int = 30, center: str | None = None,
            column_of: Callable[[VNode], int] | None = None) -> View:
    """Put ``view``'s nodes in columns by kind (``kinds`` left to right; others last), ``center`` alone in
    a column after its kind's (or in the column ``column_of`` gives); fold each column beyond
    ``per_column`` nodes; store the positions."""
    column: dict[str, int] = {}
    for nid, node in view.nodes.items():
        if column_of is not None:
            column[nid] = column_of(node)
            continue
        col = kinds.index(node.kind) if node.kind in kinds else len(kinds)
        column[nid] = col * 2 + (1 if center and nid == center else 0)
    before = len(view.nodes)
    _fold(view, column, per_column, {center} if center else set())
    if len(view.nodes) < before:
        view.notes.append(f"Each column shows its {per_column} best-connected nodes; the other "
                          f"{before - len(view.nodes) + sum(1 for n in view.nodes if n.startswith(MORE))} are "
                          "folded into a \"+N more\" node (in the HTML view, click it for their names; edges keep their "
                          "sentences).")
    deg = _degrees(view)
    for nid, node in view.nodes.items():
        node.degree = deg[nid]
    cols = _order(view, column)
    used = sorted(cols)
    height = max(len(v) for v in cols.values()) * _ROW if cols else 0
    width = min(600.0, max(_WIDTH, 1.4 * height / max(1, len(used) - 1)))   # fill a landscape window
    top_degree = max(deg.values(), default=1.0) or 1.0

    def half(col: int) -> float:                  # half the widest label of a column, in layout units
        return max(min(12, len(view.nodes[n].label)) * (13 + 9 * (max(deg[n], 0) / top_degree) ** 0.5) / 2 + 8
                   for n in cols[col])
    x = 0.0
    for k, col in enumerate(used):
        ids = cols[col]
        if k:                                     # a lone node (a hub, the focus) needs only part of a gap
            lone = len(ids) == 1 or len(cols[used[k - 1]]) == 1
            x += max(width * (0.6 if lone else 1.0), half(used[k - 1]) + half(col) + 40)
        step = height / max(1, len(ids)) if len(ids) > 1 else 0
        top = -(step * (len(ids) - 1)) / 2
        for i, nid in enumerate(ids):
            view.positions[nid] = (x, top + i * step)
    return view
