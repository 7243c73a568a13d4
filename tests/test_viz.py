"""Views: what they contain, and how they behave in a real headless Chromium with the network off."""

from __future__ import annotations

import io

import pytest
from click.testing import CliRunner

from policykg.api import graph_of_texts
from policykg.cli import cli
from policykg.viz import VIEWS, html_string, make_view, render_html, render_static
from policykg.viz.html import safe_json

VIEW_ARGS = {"overview": {}, "actors": {}, "instruments": {}, "ego": {"focus": "黑龙江省县级以上人民政府"},
             "document": {"doc": "jiangsu-2025"}, "province": {"jurisdictions": ["江苏省", "黑龙江省"]},
             "jurisdiction-instruments": {}, "instruments-domains": {}, "actor-modality": {}, "targets-timeline": {}}
NETWORKS = [n for n in VIEWS.names() if n in VIEW_ARGS and n not in
            ("jurisdiction-instruments", "instruments-domains", "actor-modality", "targets-timeline")]
TABLES = ["jurisdiction-instruments", "instruments-domains", "actor-modality", "targets-timeline"]

XSS = "<script>alert(1)</script>"
XSS_TEXT = f"江苏省人民政府关于算力券的通知\n一、省财政厅应当发放算力券{XSS}，降低企业用算成本。\n"


class Page:
    """A page opened offline, recording console errors, page errors, dialogs and outside requests."""

    def __init__(self, browser, path):
        self.ctx = browser.new_context(offline=True, viewport={"width": 1400, "height": 900})
        self.page = self.ctx.new_page()
        self.errors, self.outside, self.dialogs = [], [], []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: None if r.url.startswith(("file:", "data:")) else self.outside.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(path.as_uri())
        self.page.wait_for_selector("body[data-stabilized=true]", state="attached", timeout=60_000)

    def close(self):
        self.ctx.close()


def _drawn_fraction(png: bytes) -> tuple[float, int]:
    """Share of non-white pixels and number of distinct colours in a screenshot."""
    from PIL import Image
    img = Image.open(io.BytesIO(png)).convert("RGB")
    small = img.resize((img.width // 4, img.height // 4))
    raw = small.tobytes()
    px = [tuple(raw[i:i + 3]) for i in range(0, len(raw), 3)]
    drawn = sum(1 for r, g, b in px if r < 235 or g < 235 or b < 235)
    return drawn / len(px), len(set(px))


# --- contents -------------------------------------------------------------------------------------

def test_every_view_has_nodes_edges_and_evidence(seed_graph):
    for name in NETWORKS:
        v = make_view(seed_graph, name, **VIEW_ARGS[name])
        assert v.nodes and v.edges, name
        assert all(e.src in v.nodes and e.dst in v.nodes for e in v.edges), name
        with_evidence = sum(1 for e in v.edges if e.evidence)
        assert with_evidence / len(v.edges) > 0.5, name


def test_overview_aggregates_above_the_limit_and_says_so(seed_graph):
    v = make_view(seed_graph, "overview")
    assert len(v.nodes) <= 300
    assert not any(n.kind == "Measure" for n in v.nodes.values())
    n_measures = sum(1 for n in seed_graph.nodes.values() if n.key == "Measure")
    assert v.notes[0].startswith(f"Aggregated: {n_measures} measures are folded into")
    assert any("best-connected nodes; the other" in n for n in v.notes)


def test_uses_edge_lists_the_sentences_behind_it(seed_graph):
    from policykg.viz.views import ego_view
    v = ego_view(seed_graph, "黑龙江省县级以上人民政府", per_column=1000)       # nothing folded
    assert not any(n.startswith("more:") for n in v.nodes)
    fund = next(e for e in v.edges if e.type == "USES" and e.dst == "inst:government-investment-fund")
    assert fund.evidence and all("政府投资基金" in x.text and x.doc == "heilongjiang-2024" for x in fund.evidence)


def test_province_view_colours_shared_and_own_nodes(seed_graph):
    v = make_view(seed_graph, "province", jurisdictions=["江苏省", "黑龙江省"])
    assert set(v.groups) == {"江苏省", "黑龙江省", "共有"}
    assert v.nodes["reg:jiangsu"].group == "江苏省" and v.nodes["reg:heilongjiang"].group == "黑龙江省"
    assert any(n.group == "共有" for n in v.nodes.values())


def test_view_errors_name_what_is_missing(seed_build):
    runner = CliRunner()
    r = runner.invoke(cli, ["viz", str(seed_build), "--view", "ego"])
    assert r.exit_code == 1 and "needs --focus" in r.output
    r = runner.invoke(cli, ["viz", str(seed_build), "--view", "document", "--doc", "nope"])
    assert r.exit_code == 1 and "no document 'nope'" in r.output and "jiangsu-2025" in r.output
    r = runner.invoke(cli, ["viz", str(seed_build), "--view", "ego", "--focus", "不存在的机关"])
    assert r.exit_code == 1 and "no node with id or label" in r.output


def test_document_text_is_escaped_in_the_page():
    g = graph_of_texts({"xss": XSS_TEXT})
    html = html_string(make_view(g, "document", doc="xss"))
    assert XSS not in html and "<script>alert" not in html
    assert safe_json(XSS).strip('"') in html                    # the text is there, as \\u003cscript\\u003e…
    from policykg.viz.html import _assets
    assert html.replace(_assets()["vis_js"], "").count("<script") == 4   # data, vis-network, evidence, page


def test_static_figure_draws_chinese_glyphs(seed_graph, tmp_path):
    """The PNG's labels are drawn with a CJK font: rendering a label with it differs from tofu boxes."""
    from PIL import Image

    from policykg.viz.static import _has_glyphs, cjk_font
    font = cjk_font()
    assert _has_glyphs(font)
    out = render_static(make_view(seed_graph, "actors"), tmp_path / "actors.png", dpi=80)
    img = Image.open(out)
    assert img.width > 600 and img.height > 400
    svg = render_static(make_view(seed_graph, "instruments"), tmp_path / "inst.svg")
    assert svg.read_text(encoding="utf-8").startswith("<?xml")


# --- in a real browser ---------------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("name", NETWORKS)
def test_view_opens_offline_and_draws(browser, seed_graph, tmp_path, name):
    view = make_view(seed_graph, name, **VIEW_ARGS[name])
    path = render_html(view, tmp_path / f"{name}.html")
    page = Page(browser, path)
    try:
        assert page.errors == []
        assert page.outside == []                                  # nothing fetched from outside the file
        assert page.page.evaluate("window.policykg.nodes.length") == len(view.nodes)
        assert page.page.evaluate("window.policykg.edges.length") == len(view.edges)
        assert page.page.evaluate("window.policykg.network.physics.physicsEnabled") is False   # settled, stopped
        drawn, colours = _drawn_fraction(page.page.locator("#network").screenshot())
        assert drawn > 0.01 and colours > 8, (drawn, colours)
        legend = page.page.locator("#legend-items li").count()
        assert legend >= len(view.legend())
    finally:
        page.close()


@pytest.mark.browser
def test_script_in_a_document_stays_text_in_the_browser(browser, tmp_path):
    g = graph_of_texts({"xss": XSS_TEXT})
    view = make_view(g, "document", doc="xss")
    measure = next(n for n in view.nodes.values() if n.kind == "Measure")
    page = Page(browser, render_html(view, tmp_path / "xss.html"))
    try:
        p = page.page
        assert page.dialogs == [] and page.errors == []
        assert p.evaluate("document.scripts.length") == 4
        title = p.evaluate(f"window.policykg.nodes.get({measure.id!r}).title")
        assert XSS in title                                       # shown as text in the tooltip
        # open the evidence panel the way a user does, and look at what it holds
        p.evaluate(f"window.policykg.network.selectNodes([{measure.id!r}])")
        pos = p.evaluate(f"window.policykg.network.canvasToDOM(window.policykg.network.getPosition({measure.id!r}))")
        box = p.locator("#network").bounding_box()
        p.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
        panel = p.locator("#evidence-body")
        assert XSS in panel.inner_text()
        assert panel.locator("script").count() == 0
        assert XSS not in panel.inner_html() and "&lt;script&gt;" in panel.inner_html()
        assert page.dialogs == []
    finally:
        page.close()


@pytest.mark.browser
def test_search_focuses_a_node_and_shows_its_evidence(browser, seed_graph, tmp_path):
    view = make_view(seed_graph, "instruments")
    page = Page(browser, render_html(view, tmp_path / "inst.html"))
    try:
        p = page.page
        p.fill("#search", "公共服务平台")
        p.dispatch_event("#search", "change")
        assert p.evaluate("window.policykg.network.getSelectedNodes()") == ["inst:public-service-platform"]
        assert "公共服务平台" in p.locator("#evidence-body h3").inner_text()
        # a node folded into "+N more" is found in its fold, whose panel names it
        fold = next(n for n in view.nodes.values() if n.id.startswith("more:") and "实训基地" in n.info[1].split("、"))
        p.fill("#search", "实训基地")
        p.dispatch_event("#search", "change")
        assert p.evaluate("window.policykg.network.getSelectedNodes()") == [fold.id]
        assert "实训基地" in p.locator("#evidence-body").inner_text()
        # hiding a legend entry hides those nodes
        p.locator("#legend-items li", has_text="领域").first.click()
        hidden = p.evaluate("window.policykg.nodes.get({filter: n => n.hidden}).length")
        assert hidden == sum(1 for n in view.nodes.values() if n.style == "Domain")
    finally:
        page.close()


@pytest.mark.browser
def test_build_writes_an_overview_page(browser, seed_build):
    page = Page(browser, seed_build / "overview.html")
    try:
        assert page.errors == [] and page.outside == []
        assert page.page.evaluate("window.policykg.nodes.length") > 60
        # drawn in fixed columns: every node has a position, physics is off, the drawing fits the window
        assert page.page.evaluate("window.policykg.nodes.get({filter: n => n.x === undefined}).length") == 0
        assert page.page.evaluate("window.policykg.data.options.physics.enabled") is False
    finally:
        page.close()


@pytest.mark.browser
def test_evidence_panel_pages_through_every_sentence(browser, seed_graph, tmp_path):
    """A weight-7 edge: "1–5 of 7", then "6–7 of 7", each sentence with its provision and marked names."""
    view = make_view(seed_graph, "ego", focus="黑龙江省县级以上人民政府")
    i, edge = next((i, e) for i, e in enumerate(view.edges)
                   if e.type == "USES" and e.dst == "inst:public-service-platform")
    assert edge.weight == 7
    page = Page(browser, render_html(view, tmp_path / "ego.html"))
    try:
        p = page.page
        p.evaluate(f"window.policykg.show('edge', 'e{i}')")
        body = p.locator("#evidence-body")
        assert body.locator(".pager .count").inner_text() == "1–5 of 7"
        assert body.locator("li").count() == 5
        assert body.locator("li .provision").first.inner_text() == edge.evidence[0].provision == "第二十四条第2款"
        assert body.locator("li").first.locator("mark").all_inner_texts() == ["县级以上人民政府", "公共技术服务平台"]
        assert p.locator(".pager .prev").is_disabled()
        p.click(".pager .next")
        assert body.locator(".pager .count").inner_text() == "6–7 of 7"
        assert body.locator("li").count() == 2 and p.locator(".pager .next").is_disabled()
        assert body.locator("li").last.locator(".sentence").inner_text() == edge.evidence[6].text
        p.click(".pager .prev")
        assert body.locator(".pager .count").inner_text() == "1–5 of 7"
        assert page.errors == [] and page.outside == []
    finally:
        page.close()


@pytest.mark.browser
@pytest.mark.parametrize("name", TABLES)
def test_table_view_opens_offline_and_a_cell_lists_its_sentences(browser, seed_graph, tmp_path, name):
    view = make_view(seed_graph, name)
    grid = view.grid
    page = Page(browser, render_html(view, tmp_path / f"{name}.html"))
    try:
        p = page.page
        assert page.errors == [] and page.outside == []
        assert p.locator("table.heat tbody tr").count() == len(grid.rows) + (grid.kind == "heat")
        assert p.locator("td.hit").count() == len(grid.cells)
        (r, c), cell = max(((k, v) for k, v in grid.cells.items() if v.evidence), key=lambda kv: (kv[1].count, kv[0]))
        td = p.locator(f'td[data-row="{r}"][data-col="{c}"]')
        if grid.kind == "heat":
            assert td.inner_text() == str(cell.count)
        td.click()
        body = p.locator("#evidence-body")
        n = len(cell.evidence)
        assert body.locator(".pager .count").inner_text() == f"1–{min(5, n)} of {n}"
        assert body.locator("li .sentence").first.inner_text() == cell.evidence[0].text
        assert body.locator("li mark").count() >= 1
    finally:
        page.close()


@pytest.mark.browser
def test_hostile_text_stays_text_in_a_table_view(browser, tmp_path):
    g = graph_of_texts({"xss": XSS_TEXT})
    view = make_view(g, "jurisdiction-instruments")
    html = html_string(view)
    assert XSS not in html
    page = Page(browser, render_html(view, tmp_path / "xss-table.html"))
    try:
        p = page.page
        p.locator("td.hit").first.click()
        body = p.locator("#evidence-body")
        assert XSS in body.inner_text() and body.locator("script").count() == 0
        assert page.dialogs == [] and page.errors == [] and p.evaluate("document.scripts.length") == 3
    finally:
        page.close()
