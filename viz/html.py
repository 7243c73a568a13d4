"""A view as one self-contained HTML file (pyvis network, vis-network inlined, no CDN).

pyvis assembles the network (nodes, edges, physics options); the page is our
own template because pyvis's pulls vis-network, Bootstrap and Tom Select from
CDNs and shows a blank page offline.  vis-network's JavaScript and CSS are
read from the pyvis package and inlined, so the file opens anywhere and no
request leaves the machine (a Content-Security-Policy in the page forbids it).

Document text reaches the page only as JSON in a ``<script type=application/json>``
block with ``<``, ``>`` and ``&`` escaped, and is put on screen with
``textContent`` / vis-network's text tooltips, never parsed as HTML.
"""

from __future__ import annotations

import json
from collections import Counter
from functools import lru_cache
from importlib import resources
from pathlib import Path

import policykg
from policykg.files import atomic_write

from .style import HEAT, heat_color, look, relation_label, style
from .views import View, node_size

__all__ = ["render_html", "html_string", "notebook_html", "safe_json"]

_EDGE_LABELS_MAX = 150      # relation labels shown by default up to this many edges
_BOX_LABEL = 12             # characters of a label in a fixed (column) layout; the full one is in the panel


def safe_json(data) -> str:
    """JSON that can sit inside a ``<script>`` element: no ``</script>``, no HTML markup.

    >>> safe_json({"t": "<script>alert(1)</script> & co"})
    '{"t": "\\\\u003cscript\\\\u003ealert(1)\\\\u003c/script\\\\u003e \\\\u0026 co"}'
    """
    s = json.dumps(data, ensure_ascii=False)
    return (s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


@lru_cache(maxsize=1)
def _assets() -> dict[str, str]:
    import pyvis
    lib = Path(pyvis.__file__).resolve().parent / "lib" / "vis-9.1.2"
    here = resources.files("policykg.viz") / "assets"
    vis_js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    if "</script" in vis_js.lower():                      # cannot happen with 9.1.2; guard the inlining
        raise RuntimeError("vis-network.min.js contains '</script'; cannot inline it")
    return {"vis_js": vis_js, "vis_css": (lib / "vis-network.css").read_text(encoding="utf-8"),
            "page_js": (here / "view.js").read_text(encoding="utf-8"),
            "evidence_js": (here / "evidence.js").read_text(encoding="utf-8"),
            "table_js": (here / "table.js").read_text(encoding="utf-8"),
            "table": (here / "table.html").read_text(encoding="utf-8"),
            "page_css": (here / "view.css").read_text(encoding="utf-8"),
            "template": (here / "template.html").read_text(encoding="utf-8"),
            "pyvis": getattr(pyvis, "__version__", "0.3.2"), "vis": "9.1.2"}


_FONT = ('"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",'
         '"WenQuanYi Zen Hei",sans-serif')


def _tooltip(lines: list[str], evidence) -> str:
    out = [x for x in lines if x]
    for ev in evidence[:3]:
        text = ev.text if len(ev.text) <= 160 else ev.text[:159] + "…"
        out.append(f"《{ev.doc}》{ev.provision + ' ' if ev.provision else ''}{text}")
    if len(evidence) > 3:
        out.append(f"… {len(evidence) - 3} more (click)")
    return "\n".join(out)


class EvidenceTable:
    """Sentences stored once (doc, provision, text); each node, edge or cell lists ``[row, marks]``."""

    def __init__(self) -> None:
        self.rows: list[dict] = []
        self._row: dict[tuple[str, str], int] = {}

    def refs(self, evidence) -> list[list]:
        out = []
        for ev in evidence:
            key = (ev.doc, ev.text)
            if key not in self._row:
                self._row[key] = len(self.rows)
                self.rows.append({"doc": ev.doc, "provision": ev.provision, "sentence_id": ev.sentence_id,
                                  "text": ev.text})
            out.append([self._row[key], [list(m) for m in ev.marks]])
        return out


def _tint(color: str, keep: float = 0.28) -> str:
    """``color`` mixed with white (``keep`` of the colour), for box backgrounds that keep text legible.

    >>> _tint("#000000", 0.5)
    '#808080'
    """
    rgb = [int(color[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - (255 - c) * keep):02x}" for c in rgb)


def _node_color(view: View, n, lk: dict):
    """Fill by kind; in a view coloured by group (province) the group colour is the border, so the legend's
    kinds keep their own colours."""
    if not n.group:
        return lk["color"]
    return {"background": lk["color"], "border": view.groups.get(n.group, "#777777"),
            "highlight": {"background": lk["color"], "border": "#000000"}}


def _network(view: View, table: EvidenceTable):
    """The pyvis Network of a view, and the evidence map keyed by node/edge id."""
    from pyvis.network import Network
    net = Network(height="100%", width="100%", directed=True, cdn_resources="remote")
    evidence: dict[str, list[list]] = {}
    top = max((n.degree for n in view.nodes.values()), default=1.0) or 1.0
    for n in view.nodes.values():
        lk = look(n.style)
        color = _node_color(view, n, lk)
        label = n.label if len(n.label) <= 16 else n.label[:15] + "…"
        extra: dict = {"font": {"color": "#ffffff", "strokeWidth": 0}} if lk["shape"] == "box" else {}
        size = node_size(n.degree)
        shape, border = lk["shape"], 3 if n.group else 1
        if n.id in view.positions:            # a fixed layout: labelled boxes, text size by importance
            label = n.label if len(n.label) <= _BOX_LABEL else n.label[:_BOX_LABEL - 1] + "…"
            share = 0.2 if n.id.startswith("more:") else (max(n.degree, 0) / top) ** 0.5
            rim = view.groups.get(n.group or "", lk["color"]) if n.group else lk["color"]
            shape, border = "box", 3 if n.group else 2
            color = {"background": _tint(lk["color"]), "border": rim,
                     "highlight": {"background": "#fff3b0", "border": "#000000"}}
            extra = {"font": {"size": round(13 + 9 * share), "color": "#1a1a1a", "strokeWidth": 0},
                     "margin": 4, "x": view.positions[n.id][0], "y": view.positions[n.id][1], "physics": False}
        net.add_node(n.id, label=label, title=_tooltip([n.label] + n.info, n.evidence), shape=shape,
                     color=color, size=size, styleKey=n.style, fullLabel=n.label,
                     infoLines=n.info, borderWidth=border, **extra)
        evidence[n.id] = table.refs(n.evidence)
    for i, e in enumerate(view.edges):
        eid = f"e{i}"
        head = f"{view.nodes[e.src].label} —{e.type}→ {view.nodes[e.dst].label}  (×{e.weight})"
        color = view.groups.get(e.group, "#9a9a9a") if e.group else "#9a9a9a"
        net.add_edge(e.src, e.dst, id=eid, title=_tooltip([head], e.evidence), value=e.weight,
                     rel=relation_label(e.type), type=e.type, weight=e.weight,
                     color={"color": color, "opacity": 0.4 if view.positions else 0.75})
        evidence[eid] = table.refs(e.evidence)
    n_nodes = len(view.nodes)
    physics: dict = {"solver": "forceAtlas2Based", "forceAtlas2Based": {"gravitationalConstant": -60,
                     "springLength": 90, "avoidOverlap": 0.4},
                     "stabilization": {"enabled": True, "iterations": 400 if n_nodes < 200 else 250, "fit": True}}
    if view.positions:
        physics = {"enabled": False}
    net.set_options(json.dumps({
        "nodes": {"font": {"face": _FONT, "size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "scaling": {"label": {"enabled": False}}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "smooth": False,
                  "font": {"face": _FONT, "size": 10, "color": "#777777", "strokeWidth": 2, "align": "middle"},
                  "scaling": {"min": 1, "max": 6, "label": {"enabled": False}}},
        "physics": physics,
        "layout": {"improvedLayout": n_nodes <= 100 and not view.positions, "randomSeed": 7},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False, "multiselect": True},
    }))
    return net, evidence


def _grid_data(view: View) -> dict:
    """The JSON of a table view: rows, columns, bands, and each cell's count, colour and evidence."""
    grid = view.grid
    assert grid is not None
    table = EvidenceTable()
    top = max((c.count for (r, _), c in grid.cells.items() if grid.kind == "heat" or r != "issued"), default=0)
    cells = {}
    for (r, c), cell in grid.cells.items():
        bg, ink = heat_color(cell.count, top) if grid.kind == "heat" else (("#f3f3f3", "#222222") if r == "issued"
                                                                             else ("#eaf3fb", "#222222"))
        cells[f"{r}\u0001{c}"] = {"count": cell.count, "color": bg, "ink": ink, "items": cell.items,
                                  "evidence": table.refs(cell.evidence)}
    row_color = {r: look(f"instrument-{r.split('/', 1)[0]}")["color"] for r, _ in grid.rows if "/" in r}
    col_color = {c: look(f"instrument-{c.split('/', 1)[0]}")["color"] for c, _ in grid.cols if "/" in c}
    col_color.update({c: look(f"instrument-{c}")["color"] for c, _ in grid.cols if c in style()["instrument"]["categories"]})
    return {"title": view.title, "kind": grid.kind, "unit": grid.unit, "row_title": grid.row_title,
            "col_title": grid.col_title, "max": top, "scale": list(HEAT[1:]),
            "rows": [{"key": r, "label": lab, "color": row_color.get(r), "total": grid.totals.get(r, 0)}
                     for r, lab in grid.rows],
            "cols": [{"key": c, "label": lab, "color": col_color.get(c), "total": grid.totals.get(c, 0)}
                     for c, lab in grid.cols],
            "bands": [{"label": b, "span": n, "color": color} for b, n, color in grid.bands],
            "cells": cells, "sentences": table.rows, "notes": view.notes}


def _grid_page(view: View) -> str:
    import jinja2
    a = _assets()
    env = jinja2.Environment(autoescape=True)
    return env.from_string(a["table"]).render(
        title=view.title, notes=view.notes, summary=view.summary(), data_json=safe_json(_grid_data(view)),
        page_css=a["page_css"], evidence_js=a["evidence_js"], table_js=a["table_js"], version=policykg.__version__)


def _column_heads(view: View) -> list[dict]:
    """A heading over each column of a fixed layout: the kind of most of its nodes (and their group)."""
    from policykg.ontology import vocabulary
    cols: dict[float, list] = {}
    for nid, (x, y) in view.positions.items():
        cols.setdefault(x, []).append((y, view.nodes[nid]))
    out = []
    for x, items in sorted(cols.items()):
        kinds = Counter(n.kind for _, n in items if not n.id.startswith("more:"))
        if not kinds:
            continue
        kind = kinds.most_common(1)[0][0]
        label = (vocabulary().classes.get(kind) or {}).get("zh") or kind
        groups = {n.group for _, n in items if not n.id.startswith("more:")}
        if len(items) > 1 and len(groups) == 1 and None not in groups:
            label = f"{groups.pop()} · {label}" if len(kinds) == 1 else str(groups.pop())
        elif len(items) == 1:
            label = ""
        out.append({"x": x, "y": min(y for y, _ in items) - 46, "label": label})
    return [c for c in out if c["label"]]


def html_string(view: View) -> str:
    """The whole page as a string."""
    import jinja2

    if view.grid is not None:
        return _grid_page(view)
    a = _assets()
    table = EvidenceTable()
    net, evidence = _network(view, table)
    nodes, edges, _, _, _, options = net.get_network_data()
    options = json.loads(options) if isinstance(options, str) else options
    counts = Counter(n.style for n in view.nodes.values())
    legend = [{"key": k, "label": lk["legend"], "color": lk["color"],
               "shape": lk["shape"], "count": counts[k]} for k, lk in view.legend()]
    data = {"title": view.title, "nodes": nodes, "edges": edges, "options": options, "evidence": evidence,
            "columns": _column_heads(view),
            "sentences": table.rows,
            "legend": legend, "groups": [{"name": k, "color": v} for k, v in view.groups.items()],
            "notes": view.notes}
    env = jinja2.Environment(autoescape=True)
    return env.from_string(a["template"]).render(
        title=view.title, notes=view.notes, n_nodes=len(view.nodes), n_edges=len(view.edges),
        edge_labels=len(view.edges) <= _EDGE_LABELS_MAX and not view.positions, data_json=safe_json(data), vis_js=a["vis_js"],
        vis_css=a["vis_css"], page_js=a["page_js"], evidence_js=a["evidence_js"], page_css=a["page_css"], version=policykg.__version__,
        pyvis_version=a["pyvis"], vis_version=a["vis"])


def render_html(view: View, path: str | Path) -> Path:
    """Write the page to ``path`` (atomically) and return it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    page = html_string(view)
    with atomic_write(path) as fh:
        fh.write(page)
    return path


def notebook_html(view: View, height: int = 640) -> str:
    """An ``<iframe srcdoc=…>`` with the page, for ``IPython.display.HTML`` in a notebook."""
    import html as _html
    return (f'<div class="policykg-view"><iframe srcdoc="{_html.escape(html_string(view), quote=True)}" '
            f'style="width:100%;height:{height}px;border:1px solid #ddd" sandbox="allow-scripts"></iframe></div>')
