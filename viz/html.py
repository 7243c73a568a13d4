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

from .style import look, relation_label
from .views import View, node_size

__all__ = ["render_html", "html_string", "notebook_html", "safe_json"]

_EDGE_LABELS_MAX = 150      # relation labels shown by default up to this many edges


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
            "page_css": (here / "view.css").read_text(encoding="utf-8"),
            "template": (here / "template.html").read_text(encoding="utf-8"),
            "pyvis": getattr(pyvis, "__version__", "0.3.2"), "vis": "9.1.2"}


_FONT = ('"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",'
         '"WenQuanYi Zen Hei",sans-serif')


def _tooltip(lines: list[str], evidence) -> str:
    out = [x for x in lines if x]
    for ev in evidence[:3]:
        text = ev.text if len(ev.text) <= 160 else ev.text[:159] + "…"
        out.append(f"《{ev.doc}》{text}")
    if len(evidence) > 3:
        out.append(f"… {len(evidence) - 3} more (click)")
    return "\n".join(out)


def _network(view: View):
    """The pyvis Network of a view, and the evidence map keyed by node/edge id."""
    from pyvis.network import Network
    net = Network(height="100%", width="100%", directed=True, cdn_resources="remote")
    evidence: dict[str, list[dict]] = {}
    for n in view.nodes.values():
        lk = look(n.style)
        color = view.groups.get(n.group, lk["color"]) if n.group else lk["color"]
        label = n.label if len(n.label) <= 16 else n.label[:15] + "…"
        extra = {"font": {"color": "#ffffff", "strokeWidth": 0}} if lk["shape"] == "box" else {}
        net.add_node(n.id, label=label, title=_tooltip([n.label] + n.info, n.evidence), shape=lk["shape"],
                     color=color, size=node_size(n.degree), styleKey=n.style, fullLabel=n.label,
                     infoLines=n.info, borderWidth=2 if n.group else 1, **extra)
        evidence[n.id] = [{"doc": e.doc, "sentence_id": e.sentence_id, "text": e.text} for e in n.evidence]
    for i, e in enumerate(view.edges):
        eid = f"e{i}"
        head = f"{view.nodes[e.src].label} —{e.type}→ {view.nodes[e.dst].label}  (×{e.weight})"
        color = view.groups.get(e.group, "#9a9a9a") if e.group else "#9a9a9a"
        net.add_edge(e.src, e.dst, id=eid, title=_tooltip([head], e.evidence), value=e.weight,
                     rel=relation_label(e.type), type=e.type, weight=e.weight,
                     color={"color": color, "opacity": 0.75})
        evidence[eid] = [{"doc": x.doc, "sentence_id": x.sentence_id, "text": x.text} for x in e.evidence]
    n_nodes = len(view.nodes)
    net.set_options(json.dumps({
        "nodes": {"font": {"face": _FONT, "size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "scaling": {"label": {"enabled": False}}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "smooth": False,
                  "font": {"face": _FONT, "size": 10, "color": "#777777", "strokeWidth": 2, "align": "middle"},
                  "scaling": {"min": 1, "max": 6}},
        "physics": {"solver": "forceAtlas2Based", "forceAtlas2Based": {"gravitationalConstant": -60,
                    "springLength": 90, "avoidOverlap": 0.4},
                    "stabilization": {"enabled": True, "iterations": 400 if n_nodes < 200 else 250, "fit": True}},
        "layout": {"improvedLayout": n_nodes <= 100, "randomSeed": 7},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False, "multiselect": True},
    }))
    return net, evidence


def html_string(view: View) -> str:
    """The whole page as a string."""
    import jinja2

    a = _assets()
    net, evidence = _network(view)
    nodes, edges, _, _, _, options = net.get_network_data()
    options = json.loads(options) if isinstance(options, str) else options
    counts = Counter(n.style for n in view.nodes.values())
    neutral = "#9a9a9a"                     # when colour means jurisdiction, the legend shows shapes only
    legend = [{"key": k, "label": lk["legend"], "color": neutral if view.groups else lk["color"],
               "shape": lk["shape"], "count": counts[k]} for k, lk in view.legend()]
    data = {"title": view.title, "nodes": nodes, "edges": edges, "options": options, "evidence": evidence,
            "legend": legend, "groups": [{"name": k, "color": v} for k, v in view.groups.items()],
            "notes": view.notes}
    env = jinja2.Environment(autoescape=True)
    return env.from_string(a["template"]).render(
        title=view.title, notes=view.notes, n_nodes=len(view.nodes), n_edges=len(view.edges),
        edge_labels=len(view.edges) <= _EDGE_LABELS_MAX, data_json=safe_json(data), vis_js=a["vis_js"],
        vis_css=a["vis_css"], page_js=a["page_js"], page_css=a["page_css"], version=policykg.__version__,
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
