"""The views for reading on the seed build: the exact numbers behind each matrix and the timeline, the
evidence behind an edge (all of it, with provisions and marked spans), and the fixed column layouts."""

from __future__ import annotations

import pytest

from policykg.viz import VIEWS, make_view, render_static
from policykg.viz.provisions import provision_label

pytestmark = pytest.mark.slow          # the seed build


def test_the_reading_views_are_registered():
    assert {"jurisdiction-instruments", "instruments-domains", "actor-modality", "targets-timeline"} <= set(VIEWS.names())


def _out(g):
    out = {}
    for r in g.rels:
        out.setdefault(r.src, {}).setdefault(r.type, []).append(r.dst)
    return out


def _measures(g, doc_prefix=""):
    return [n for n in g.nodes.values() if n.key == "Measure" and n.props["doc"].startswith(doc_prefix)]


def test_jurisdiction_by_instrument_type(seed_graph):
    """Each cell is recounted here from the graph's own relationships."""
    g, out = seed_graph, _out(seed_graph)
    grid = make_view(g, "jurisdiction-instruments").grid
    assert [r for r, _ in grid.rows][:3] == ["黑龙江省", "江苏省", "安徽省"] and grid.rows[-1][0] == "（未注明辖区）"
    assert [lab for _, lab in grid.cols[:3]] == ["供给型", "环境型", "需求型"]
    assert [b for b, _, _ in grid.bands] == ["合计 by category", "供给型", "环境型", "需求型"]
    assert len({color for _, _, color in grid.bands}) == 4           # distinct colours

    def uses(m, pred):
        return any(pred(g.nodes[i].props) for i in out.get(m.id, {}).get("USES_INSTRUMENT", []))
    for row, doc in (("黑龙江省", "heilongjiang-2024"), ("江苏省", "jiangsu-2025"), ("安徽省", "anhui-2025")):
        ms = _measures(g, doc)
        for cat in ("supply", "environment", "demand"):
            assert grid.count(row, cat) == sum(1 for m in ms if uses(m, lambda p, c=cat: p.get("category") == c))
        pilot = sum(1 for m in ms if uses(m, lambda p: p.get("instrumentType") == "Pilot"))
        assert grid.count(row, "demand/Pilot") == pilot and pilot > 0
        assert grid.totals[row] == sum(1 for m in ms if uses(m, lambda p: True))
    cell = grid.cells[("江苏省", "demand/Pilot")]
    assert all(e.doc == "jiangsu-2025" for e in cell.evidence) and all(e.marks for e in cell.evidence)
    assert ("黑龙江省", "demand/Pilot") in grid.cells and grid.count("黑龙江省", "nope/Nope") == 0


def test_instrument_type_by_domain_area(seed_graph):
    g, out = seed_graph, _out(seed_graph)
    grid = make_view(g, "instruments-domains").grid
    assert grid.rows[0] == ("supply/Platform", "供给型 · 平台载体")
    parent = {r.src: r.dst for r in g.rels if r.type == "BROADER" and r.src.startswith("dom:")}

    def area(d):
        chain = [d]
        while chain[-1] in parent:
            chain.append(parent[chain[-1]])
        return chain[-2] if len(chain) > 1 else chain[-1]
    want = sum(1 for m in _measures(g) if m.props["doc"] != "?"
               and any(g.nodes[i].props.get("instrumentType") == "Platform" and g.nodes[i].props.get("category") == "supply"
                       for i in out.get(m.id, {}).get("USES_INSTRUMENT", []))
               and any(area(d) == "dom:industrial-digitalization" for d in out.get(m.id, {}).get("CONCERNS_DOMAIN", [])))
    assert grid.count("supply/Platform", "dom:industrial-digitalization") == want > 0
    assert len(grid.cols) == len({c for _, c in grid.cells})


def test_actor_level_by_modality(seed_graph):
    g, out = seed_graph, _out(seed_graph)
    grid = make_view(g, "actor-modality").grid
    assert [r for r, _ in grid.rows][-1] == "（未注明主体）"
    assert {lab for _, lab in grid.cols} <= {"义务", "倡导", "授权", "禁止"} and grid.cols[0][1] == "义务"
    for level in ("县级以上", "省"):
        want = sum(1 for m in _measures(g) if m.props.get("modality") == "obligation"
                   and any(g.nodes[a].props.get("levelLabel") == level for a in out.get(m.id, {}).get("HAS_AGENT", [])))
        assert grid.count(level, "obligation") == want > 0
    none = sum(1 for m in _measures(g) if not out.get(m.id, {}).get("HAS_AGENT"))
    assert sum(grid.count("（未注明主体）", c) for c, _ in grid.cols) == none > 0


def test_targets_timeline(seed_graph):
    grid = make_view(seed_graph, "targets-timeline").grid
    targets = [n for n in seed_graph.nodes.values() if n.key == "Target"]
    years = sorted({int(t.props["year"]) for t in targets})
    assert grid.kind == "timeline" and [c for c, _ in grid.cols][-1] == str(years[-1])
    assert grid.rows[0] == ("issued", "文件发布 issued") and grid.cells[("issued", "2025")].count == 1
    points = {k: c.count for k, c in grid.cells.items() if k[0] != "issued"}
    assert sum(points.values()) == len(targets) == 13               # every target of the build, once
    assert all(col in {str(y) for y in years} for _, col in points)
    cell = next(c for c in grid.cells.values() if "数字经济核心产业增加值 1.8万亿元" in c.items)
    ev = cell.evidence[cell.items.index("数字经济核心产业增加值 1.8万亿元")]
    assert ev.text[ev.marks[0][0]:ev.marks[0][1]] == "1.8万亿元" and ev.provision


def test_an_edge_keeps_every_sentence_with_provision_and_marks(seed_graph):
    v = make_view(seed_graph, "ego", focus="黑龙江省县级以上人民政府")
    e = next(e for e in v.edges if e.type == "USES" and e.dst == "inst:public-service-platform")
    assert e.weight == 7 and len(e.evidence) == 7
    assert [x.provision for x in e.evidence][:3] == ["第二十四条第2款", "第三十八条", "第五十七条"]
    first = e.evidence[0]
    assert [first.text[a:b] for a, b in first.marks] == ["县级以上人民政府", "公共技术服务平台"]


def test_overview_and_ego_open_in_columns_with_folded_leaves(seed_graph):
    v = make_view(seed_graph, "overview")
    assert set(v.positions) == set(v.nodes) and 60 < len(v.nodes) <= 5 * 21
    xs = sorted({x for x, _ in v.positions.values()})
    assert len(xs) == 5                                           # documents, actors, instruments, domains, targets
    more = [n for n in v.nodes.values() if n.id.startswith("more:")]
    assert len(more) == 4 and all(n.label.startswith("+") for n in more)
    column_of = {k: x for k, (x, _) in v.positions.items()}
    for x in xs:
        assert sum(1 for c in column_of.values() if c == x) <= 21
    ego = make_view(seed_graph, "ego", focus="黑龙江省县级以上人民政府")
    center = "actor:heilongjiang/county-and-above-government"
    cx = ego.positions[center][0]
    assert sum(1 for x, _ in ego.positions.values() if x == cx) == 1     # the focus has its own column


def test_provision_labels():
    assert provision_label([{"level": "article", "marker": "第三条"}, {"level": "paragraph", "number": 1,
                                                                      "siblings": 1}]) == "第三条"
    assert provision_label([{"level": "footnote", "marker": "[3]"}]) == "脚注[3]"


@pytest.mark.parametrize("name", ["jurisdiction-instruments", "actor-modality", "targets-timeline"])
def test_table_views_render_static_figures(seed_graph, tmp_path, name):
    from PIL import Image
    view = make_view(seed_graph, name)
    png = render_static(view, tmp_path / f"{name}.png", dpi=60)
    assert Image.open(png).width > 400
    svg = render_static(view, tmp_path / f"{name}.svg")
    assert svg.read_text(encoding="utf-8").startswith("<?xml")
    assert render_static(view, tmp_path / f"{name}.pdf").read_bytes()[:5] == b"%PDF-"
