"""The bundled CJK font: static figures and notebook plots draw Chinese on a machine with no CJK font.

The machine is simulated in a subprocess: fontconfig reads a configuration whose only font folder is
an empty temporary folder (so ``fc-list`` lists nothing), matplotlib builds its font list afresh in an
empty config folder without the system fonts (``MPL_IGNORE_SYSTEM_FONTS``, dropped once the list is
built, since it also stops lookups of added fonts) and does not walk the system font folders.  The
subprocess checks that it sees no CJK font before it draws.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from policykg.viz.static import BUNDLED_FONT

ROOT = Path(__file__).resolve().parents[2]

TEXT = """江苏省人民政府关于推进数据要素市场化配置的通知
一、省财政厅应当设立数字经济发展专项资金，对数据要素企业给予财政补贴和税收优惠。
二、省发展改革委、省工业和信息化厅应当制定算力基础设施建设规划，发放算力券，降低企业用算成本。
三、省数据局负责数据交易平台建设，培育数据经纪人，到2027年数据产业规模达到5000亿元。
"""

SCRIPT = r"""
import json, sys, warnings
from pathlib import Path
warnings.simplefilter("always")
caught = []
warnings.showwarning = lambda message, *args, **kw: caught.append(str(message))

import os
import matplotlib
matplotlib.use("Agg")
from matplotlib import font_manager    # its font list, built afresh, holds only matplotlib's own fonts
# ... but later lookups must search every font added, as on a real machine, and the folder walk of
# findSystemFonts (/usr/share/fonts, ~/.fonts: fontconfig does not govern it) must find nothing
del os.environ["MPL_IGNORE_SYSTEM_FONTS"]
font_manager.X11FontDirectories.clear()
font_manager.OSXFontDirectories.clear()
import matplotlib.pyplot as plt
from matplotlib.font_manager import FontProperties

from policykg.api import graph_of_texts
from policykg.viz import make_view, render_static, use_cjk_font
from policykg.viz.static import BUNDLED_FONT, _has_glyphs, cjk_font

out = Path(sys.argv[1])
own = Path(matplotlib.get_data_path()).resolve()      # matplotlib's own fonts (LastResort maps every code point)
system_cjk = sorted({f for f in [e.fname for e in font_manager.fontManager.ttflist] + font_manager.findSystemFonts()
                     if own not in Path(f).resolve().parents and _has_glyphs(f)})
chosen = cjk_font()
view = make_view(graph_of_texts({"doc": sys.argv[2]}), "instruments")
png = render_static(view, out / "instruments.png", dpi=60)
pdf = render_static(view, out / "instruments.pdf")
matrix = render_static(make_view(graph_of_texts({"doc": sys.argv[2]}), "jurisdiction-instruments"), out / "matrix.png",
                       dpi=60)

family = use_cjk_font()                    # what notebook 02 does, then a pandas/matplotlib chart
fig, ax = plt.subplots(figsize=(4, 3))
ax.bar(["财政补贴", "税收优惠", "算力券"], [3, 2, 1])
ax.set_title("政策工具 × 数据要素（2025—2027年）")
ax.set_xlabel("工具类型")
fig.savefig(out / "notebook.png", dpi=60)
default = font_manager.findfont(FontProperties(family=matplotlib.rcParams["font.family"]))
print(json.dumps({"system_cjk": system_cjk, "chosen": chosen, "bundled": str(BUNDLED_FONT), "family": family,
                  "default": default, "labels": [n.label for n in view.nodes.values()], "warnings": caught,
                  "files": {p.name: p.stat().st_size for p in out.iterdir()}}, ensure_ascii=False))
"""


def _fontless_env(tmp_path: Path) -> dict[str, str]:
    fonts = tmp_path / "no-fonts"
    fonts.mkdir()
    conf = tmp_path / "fonts.conf"
    conf.write_text(f"""<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>{fonts}</dir>
  <cachedir>{tmp_path / "fc-cache"}</cachedir>
</fontconfig>
""", encoding="utf-8")
    (tmp_path / "mpl").mkdir()
    (tmp_path / "home").mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FONTCONFIG", "MPL"))}
    env.update(FONTCONFIG_FILE=str(conf), FONTCONFIG_PATH=str(tmp_path), MPLCONFIGDIR=str(tmp_path / "mpl"),
               MPL_IGNORE_SYSTEM_FONTS="1", HOME=str(tmp_path / "home"), XDG_DATA_HOME=str(tmp_path / "home"),
               POLICYKG_CACHE=str(tmp_path / "cache"), PYTHONIOENCODING="utf-8")
    return env


def test_the_bundled_font_is_there_with_its_licence():
    from policykg.viz.static import _has_glyphs
    assert BUNDLED_FONT.is_file() and BUNDLED_FONT.stat().st_size < 5_000_000
    assert _has_glyphs(str(BUNDLED_FONT))
    licence = (BUNDLED_FONT.parent / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence and "Adobe" in licence


def test_the_bundled_font_covers_the_vocabulary_and_the_views():
    """Every character of the ontology's labels and of the view code is in the subset (no boxes in legends)."""
    from matplotlib.ft2font import FT2Font
    cmap = FT2Font(str(BUNDLED_FONT)).get_charmap()
    text = "".join(p.read_text(encoding="utf-8") for d in ("ontology", "viz") for suffix in ("*.ttl", "*.yaml", "*.py")
                   for p in (ROOT / d).rglob(suffix))
    cjk = {c for c in text if "\u3000" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef"}
    assert cjk and not sorted(c for c in cjk if ord(c) not in cmap)


@pytest.mark.slow
def test_static_figures_draw_chinese_without_a_system_font(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    r = subprocess.run([sys.executable, "-c", SCRIPT, str(out), TEXT], cwd=tmp_path, env=_fontless_env(tmp_path),
                       capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert r.returncode == 0, r.stderr[-3000:]
    got = json.loads(r.stdout.strip().splitlines()[-1])
    if got["system_cjk"]:
        pytest.fail(f"the simulated machine still sees CJK fonts: {got['system_cjk']}")
    assert got["chosen"] == got["bundled"] and Path(got["bundled"]).name == BUNDLED_FONT.name
    assert got["family"] == "PolicyKG Sans SC" and got["default"] == got["bundled"]     # use_cjk_font: the default
    assert any(any("\u4e00" <= c <= "\u9fff" for c in label) for label in got["labels"])
    missing = [w for w in got["warnings"] + r.stderr.splitlines() if "missing from" in w.lower()]
    assert not missing, missing
    assert got["files"]["instruments.png"] > 10_000 and got["files"]["notebook.png"] > 2_000
    assert got["files"]["instruments.pdf"] > 10_000
    assert got["files"]["matrix.png"] > 5_000
