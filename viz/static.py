"""A view as a static PNG, SVG or PDF for papers (networkx layout, matplotlib drawing, CJK font).

matplotlib's default font has no Chinese glyphs and draws boxes; :func:`cjk_font`
finds one that has them (Noto/Source Han Sans CJK, WenQuanYi, SimHei, PingFang,
Microsoft YaHei…) or takes the file given.  On a machine with none it falls back to
the font shipped with the package (:data:`BUNDLED_FONT`, "PolicyKG Sans SC": a subset
of Noto Sans CJK SC under the SIL OFL 1.1, see ``assets/fonts/``), and fails with an
installation hint only if that file is missing too, rather than producing a figure of boxes.
"""

from __future__ import annotations

import os
from pathlib import Path

from policykg.errors import PolicyKGError
from policykg.files import atomic_write

from .style import look, relation_label
from .views import View, node_size

__all__ = ["render_static", "cjk_font", "use_cjk_font", "FONT_FAMILIES", "BUNDLED_FONT"]

#: families tried in order
FONT_FAMILIES = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Micro Hei",
                 "WenQuanYi Zen Hei", "SimHei", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Heiti SC",
                 "AR PL UMing CN", "Droid Sans Fallback")
_PROBE = "政策工具数据要素"
#: the fallback shipped as package data: GB 2312's 6,763 hanzi and every character of the corpus
BUNDLED_FONT = Path(__file__).resolve().parent / "assets" / "fonts" / "PolicyKGSansSC-Regular.otf"


def _has_glyphs(path: str) -> bool:
    try:
        from matplotlib.ft2font import FT2Font
        font = FT2Font(path)
        cmap = font.get_charmap()
        return all(ord(c) in cmap for c in _PROBE)
    except Exception:          # noqa: BLE001 — an unreadable font simply does not qualify
        return False


def cjk_font(path: str | Path | None = None) -> str:
    """Path of a font file with Chinese glyphs: ``path`` if given, else the first installed family that has them,
    else the bundled :data:`BUNDLED_FONT`."""
    if path is not None:
        p = str(path)
        if not os.path.exists(p):
            raise PolicyKGError("no such font file", p)
        if not _has_glyphs(p):
            raise PolicyKGError("this font has no Chinese glyphs (try Noto Sans CJK or WenQuanYi Micro Hei)", p)
        return p
    from matplotlib import font_manager
    by_name: dict[str, str] = {}
    for entry in font_manager.fontManager.ttflist:
        by_name.setdefault(entry.name, entry.fname)
    for family in FONT_FAMILIES:
        if family in by_name and _has_glyphs(by_name[family]):
            return by_name[family]
    for f in font_manager.findSystemFonts():            # any other installed font with the glyphs
        if any(k in f.lower() for k in ("cjk", "wqy", "han", "hei", "song", "ming", "kai")) and _has_glyphs(f):
            return f
    if _has_glyphs(str(BUNDLED_FONT)):                  # no system font: the subset shipped with the package
        return str(BUNDLED_FONT)
    raise PolicyKGError("no font with Chinese glyphs is installed and the bundled one is missing, so a static figure "
                        "would show boxes; reinstall policykg, install a font (Debian/Ubuntu: apt install "
                        "fonts-noto-cjk or fonts-wqy-microhei; macOS and Windows have one) or pass --font PATH",
                        str(BUNDLED_FONT))


def use_cjk_font(path: str | Path | None = None) -> str:
    """Make matplotlib (and pandas plots) draw Chinese: register the CJK font and make it the default.

    Returns the family name.  For notebooks: ``use_cjk_font()`` once, before plotting.
    """
    import matplotlib
    from matplotlib import font_manager
    from matplotlib.font_manager import FontProperties
    f = cjk_font(path)
    font_manager.fontManager.addfont(f)
    name = FontProperties(fname=f).get_name()
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["font.sans-serif"] = [name] + [x for x in matplotlib.rcParams["font.sans-serif"] if x != name]
    matplotlib.rcParams["axes.unicode_minus"] = False
    return name


def _layout(G, seed: int) -> dict:
    """Spring layout per connected component, components packed on shelves (largest first),
    so small groups are not thrown to the margins or piled on top of each other."""
    import math

    import networkx as nx
    comps = sorted((sorted(c) for c in nx.connected_components(G)), key=lambda c: (-len(c), c[0]))
    sides = [1.0 + math.sqrt(len(c)) for c in comps]
    width = max(max(sides, default=1.0), math.sqrt(sum(s * s for s in sides)) * 1.15)
    pos, x, y, row = {}, 0.0, 0.0, 0.0
    for comp, side in zip(comps, sides, strict=True):
        if x > 0 and x + side > width:
            x, y, row = 0.0, y - row, 0.0
        sub = G.subgraph(comp)
        local = (nx.spring_layout(sub, k=1.6 / math.sqrt(len(comp)), iterations=200, seed=seed, weight=None)
                 if len(comp) > 1 else {comp[0]: (0.0, 0.0)})
        for nid, (px, py) in local.items():
            pos[nid] = (x + side / 2 + px * side * 0.42, y - side / 2 + py * side * 0.42)
        x += side
        row = max(row, side)
    return pos


def render_static(view: View, path: str | Path, font: str | Path | None = None, labels: int = 60,
                  dpi: int = 200, seed: int = 7) -> Path:
    """Draw ``view`` to ``path`` (.png, .svg or .pdf); the ``labels`` best-connected nodes are labelled."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import networkx as nx
    from matplotlib.font_manager import FontProperties
    from matplotlib.lines import Line2D

    path = Path(path)
    if path.suffix.lower() not in (".png", ".svg", ".pdf"):
        raise PolicyKGError("a static figure is .png, .svg or .pdf", str(path))
    fp = FontProperties(fname=cjk_font(font))
    matplotlib.rcParams["svg.fonttype"] = "path"          # glyphs as outlines: the SVG needs no font
    if view.grid is not None:                             # a matrix or timeline: a heatmap, not a network
        from .gridfig import draw_grid
        return _save(draw_grid(view, fp), path, dpi)
    G = nx.Graph()
    for nid in view.nodes:
        G.add_node(nid)
    for e in view.edges:
        if G.has_edge(e.src, e.dst):
            G[e.src][e.dst]["weight"] += e.weight
        else:
            G.add_edge(e.src, e.dst, weight=e.weight, type=e.type)
    # a view laid out in columns keeps its layout (y grows downwards on the page, upwards in matplotlib)
    pos = {n: (x, -y) for n, (x, y) in view.positions.items()} if view.positions else _layout(G, seed)
    columns = bool(view.positions)
    n_columns = len({x for x, _ in view.positions.values()})
    fig, ax = plt.subplots(figsize=(min(16, 4 + 3 * n_columns), 10) if columns else (14, 10))
    ax.set_axis_off()
    widths = [0.4 + 0.5 * min(d["weight"], 8) ** 0.5 for *_, d in G.edges(data=True)]
    nx.draw_networkx_edges(G, pos, ax=ax, width=widths, edge_color="#b0b0b0", alpha=0.6)
    by_marker: dict[str, list[str]] = {}
    for nid, node in view.nodes.items():
        by_marker.setdefault(look(node.style)["marker"], []).append(nid)
    for marker, ids in by_marker.items():
        marked = [view.nodes[i] for i in ids]
        colors = [look(n.style)["color"] for n in marked]
        rims = [view.groups.get(n.group, "#ffffff") if n.group else "#ffffff" for n in marked]
        sizes = [(node_size(0 if n.id.startswith("more:") else n.degree) * (0.9 if columns else 2.2)) ** 2 / 4
                 for n in marked]
        nx.draw_networkx_nodes(G, pos, nodelist=ids, node_color=colors, node_size=sizes, node_shape=marker, ax=ax,
                               edgecolors=rims, linewidths=1.3 if view.groups else 0.6)
    ranked = sorted(view.nodes.values(), key=lambda x: (-x.degree, x.id))[:len(view.nodes) if columns else labels]
    for node in ranked:
        x, y = pos[node.id]
        text = node.label if len(node.label) <= 14 else node.label[:13] + "…"
        if columns:                                      # beside its marker, as in a table
            ax.annotate(text, (x, y), xytext=(7, 0), textcoords="offset points", fontproperties=fp, fontsize=8,
                        ha="left", va="center",
                        bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.75})
            continue
        ax.text(x, y, text, fontproperties=fp, fontsize=8, ha="center", va="bottom",
                bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.6})
    handles = []
    for _key, lk in view.legend():
        handles.append(Line2D([], [], marker=lk["marker"], linestyle="", color=lk["color"], markersize=8,
                              label=lk["legend"]))
    for name, color in view.groups.items():
        handles.append(Line2D([], [], marker="o", linestyle="", markerfacecolor="white", markeredgecolor=color,
                              markeredgewidth=2.5, markersize=9, label=f"{name}（边框 border）"))
    if columns:                                          # beside the columns, not over the first one
        ax.legend(handles=handles, prop=fp, loc="upper center", bbox_to_anchor=(0.5, 0.0), frameon=False, fontsize=9,
                  ncol=min(8, len(handles)))
    else:
        ax.legend(handles=handles, prop=fp, loc="upper left", frameon=False, fontsize=9)
    import textwrap
    title = view.title
    if view.notes:
        note = view.notes[0].split(" (click")[0].split("; click")[0]       # nothing to click on paper
        title += "\n" + "\n".join(textwrap.wrap(note, 120)[:3])
    ax.set_title(title, fontproperties=fp, fontsize=12)
    types = sorted({relation_label(e.type) for e in view.edges})
    ax.text(0.99, 0.01, "边 edges: " + "、".join(types), transform=ax.transAxes, fontproperties=fp, fontsize=8,
            ha="right", va="bottom", color="#666666")
    return _save(fig, path, dpi)


def _save(fig, path: Path, dpi: int) -> Path:
    import matplotlib.pyplot as plt
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with atomic_write(path, "wb") as fh:
            fig.savefig(fh, dpi=dpi, bbox_inches="tight", format=path.suffix.lstrip(".").lower() or "png")
    finally:
        plt.close(fig)
    return path
