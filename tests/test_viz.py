"""Views: what they contain, and how they behave in a real headless Chromium with the network off."""

from __future__ import annotations

import io
import os
import shutil

import pytest
from click.testing import CliRunner

from policykg.api import graph_of_texts
from policykg.cli import cli
from policykg.viz import VIEWS, html_string, make_view, render_html, render_static
from policykg.viz.html import safe_json

CHROMIUM = os.environ.get("POLICYKG_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")

VIEW_ARGS = {"overview": {}, "actors": {}, "instruments": {}, "ego": {"focus": "黑龙江省县级以上人民政府"},
             "document": {"doc": "jiangsu-2025"}, "province": {"jurisdictions": ["江苏省", "黑龙江省"]}}

XSS = "<script>alert(1)</script>"
XSS_TEXT = f"江苏省人民政府关于算力券的通知\n一、省财政厅应当发放算力券{XSS}，降低企业用算成本。\n"


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM:
        pytest.fail("Chromium not found: apt install chromium (the .ci/run script does this) "
                    "or set POLICYKG_CHROMIUM to a Chromium binary")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM,
                              args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield b
        b.close()


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
    for name in VIEWS.names():
        v = make_view(seed_graph, name, **VIEW_ARGS[name])
        assert v.nodes and v.edges, name
        assert all(e.src in v.nodes and e.dst in v.nodes for e in v.edges), name
        with_evidence = sum(1 for e in v.edges if e.evidence)
        assert with_evidence / len(v.edges) > 0.5, name


def test_overview_aggregates_above_the_limit_and_says_so(seed_graph):
    v = make_view(seed_graph, "overview")
    assert len(v.nodes) <= 300
    assert not any(n.kind == "Measure" for n in v.nodes.values())
    assert v.notes[0].startswith("Aggregated: 754 measures are folded into")
    small = make_view(seed_graph, "overview", limit=50)
    assert len(small.nodes) == 50 and any("best-connected of" in n for n in small.notes)


def test_uses_edge_lists_the_sentences_behind_it(seed_graph):
    v = make_view(seed_graph, "ego", focus="黑龙江省县级以上人民政府")
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
    assert html.replace(_assets()["vis_js"], "").count("<script") == 3   # data, vis-network, page script


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
@pytest.mark.parametrize("name", VIEWS.names())
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
        assert p.evaluate("document.scripts.length") == 3
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
        assert page.dialogs == []
    finally:
        page.close()


@pytest.mark.browser
def test_search_focuses_a_node_and_shows_its_evidence(browser, seed_graph, tmp_path):
    view = make_view(seed_graph, "instruments")
    page = Page(browser, render_html(view, tmp_path / "inst.html"))
    try:
        p = page.page
        p.fill("#search", "母基金")
        p.dispatch_event("#search", "change")
        assert p.evaluate("window.policykg.network.getSelectedNodes()") == ["inst:fund-of-funds"]
        assert "母基金" in p.locator("#evidence-body h3").inner_text()
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
        assert page.page.evaluate("window.policykg.nodes.length") > 100
    finally:
        page.close()
