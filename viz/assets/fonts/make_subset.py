"""Make the bundled CJK font: a subset of Noto Sans CJK SC Regular (SIL OFL 1.1).

Run once by a maintainer; the result, ``PolicyKGSansSC-Regular.otf``, is committed beside this
script with its licence (``OFL.txt``) and shipped as package data.  ``policykg.viz.static`` falls back
to it when no system font has Chinese glyphs.

Source: the ``Noto Sans CJK SC`` face (index 2) of ``NotoSansCJK-Regular.ttc`` from Debian's
``fonts-noto-cjk`` package (``apt-get install fonts-noto-cjk``; version 2.004, OFL 1.1).

Character set.  The 8,105 characters of 通用规范汉字表 (2013) are not available from any package on
this machine or on PyPI, so the subset keeps the union of

* the 6,763 hanzi of GB 2312 (一级 3,755 + 二级 3,008), enumerated from Python's own ``gb2312`` codec;
* every character of the scale corpus (``/work/shared/corpus/scale/**/*.md``, 2,098 Chinese laws and
  policy documents), of ``seeds/`` and of the project's own ontology and viz text (labels, legends);
* printable ASCII, Latin-1 punctuation and the punctuation, symbol, number-form, arrow, maths,
  enclosed-numeral, geometric-shape, CJK-punctuation, enclosed-CJK and full-width blocks;

less anything the source font lacks (control characters, private-use, other scripts).

The family is renamed "PolicyKG Sans SC": a Modified Version under the OFL should not pass for the
original (upstream reserves the name "Source"; "Noto" is Google's trademark), and a system
"Noto Sans CJK SC" is then never shadowed by the subset.  The copyright and licence records are kept.

Usage::

    python viz/assets/fonts/make_subset.py [--source TTC] [--corpus DIR ...]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
OUTPUT = HERE / "PolicyKGSansSC-Regular.otf"
FAMILY = "PolicyKG Sans SC"
POSTSCRIPT = "PolicyKGSansSC-Regular"
SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
SOURCE_FACE = "Noto Sans CJK SC"
CORPUS = [Path("/work/shared/corpus/scale")]
#: the repository's own texts whose characters end up in figures
OWN_TEXT = [ROOT / "seeds", ROOT / "ontology", ROOT / "viz"]
TEXT_SUFFIXES = {".md", ".txt", ".ttl", ".yaml", ".py", ".rq", ".html", ".js", ".css"}
BLOCKS = [
    (0x0020, 0x007E),   # ASCII
    (0x00A0, 0x00FF),   # Latin-1 punctuation and symbols (· × ÷ ° § ±)
    (0x2000, 0x206F),   # general punctuation (— … ‘ ’ “ ” ‰ ※)
    (0x2100, 0x214F),   # letterlike symbols (℃ №)
    (0x2150, 0x218F),   # number forms (Ⅰ Ⅱ ⅰ)
    (0x2190, 0x21FF),   # arrows
    (0x2200, 0x22FF),   # mathematical operators (≤ ≥ ≠ ∶)
    (0x2460, 0x24FF),   # enclosed alphanumerics (① ⑴ ⒈)
    (0x25A0, 0x25FF),   # geometric shapes (■ □ ● ○ ◆ △)
    (0x3000, 0x303F),   # CJK symbols and punctuation (、。《》【】〔〕)
    (0x3200, 0x32FF),   # enclosed CJK letters and months (㈠ ㈡)
    (0xFE30, 0xFE4F),   # CJK compatibility forms
    (0xFF00, 0xFFEF),   # half- and full-width forms (，：；（）)
]
VERTICAL_AND_LOCALE = {"locl", "vert", "vrt2", "vhal", "vkrn", "vpal", "valt", "vchw", "vjmo"}


def gb2312_hanzi() -> set[str]:
    """The 6,763 hanzi of GB 2312: rows 0xB0–0xF7 of the EUC-CN code table."""
    out = set()
    for hi in range(0xB0, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                out.add(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return out


def text_chars(folders: list[Path]) -> set[str]:
    out: set[str] = set()
    for folder in folders:
        if not folder.exists():
            raise SystemExit(f"no such folder: {folder}")
        for p in sorted(folder.rglob("*")):
            if p.is_file() and p.suffix in TEXT_SUFFIXES:
                out.update(p.read_text(encoding="utf-8", errors="ignore"))
    return out


def wanted(corpus: list[Path]) -> set[str]:
    chars = gb2312_hanzi() | text_chars(corpus) | text_chars(OWN_TEXT)
    for lo, hi in BLOCKS:
        chars.update(chr(c) for c in range(lo, hi + 1))
    return {c for c in chars if c.isprintable() or c == " "}


def _face(source: Path):
    from fontTools.ttLib import TTCollection, TTFont
    if source.suffix.lower() in (".ttc", ".otc"):
        for i, font in enumerate(TTCollection(str(source)).fonts):
            if font["name"].getDebugName(1) == SOURCE_FACE:
                return TTFont(str(source), fontNumber=i)
        raise SystemExit(f"{source} has no face {SOURCE_FACE!r}")
    return TTFont(str(source))


def _rename(font) -> None:
    """New family and PostScript names, keeping the copyright (0) and licence (13, 14) records."""
    name = font["name"]
    version = name.getDebugName(5) or ""
    new = {1: FAMILY, 2: "Regular", 3: f"{POSTSCRIPT};{version.split(';')[0]}", 4: FAMILY, 6: POSTSCRIPT,
           16: FAMILY, 17: "Regular"}
    name.names = [r for r in name.names if r.nameID not in new]
    for name_id, text in new.items():
        name.setName(text, name_id, 3, 1, 0x409)       # Windows, Unicode BMP, en-US
        name.setName(text, name_id, 1, 0, 0)           # Mac, Roman, English
    name.names = [r for r in name.names if r.nameID in (0, 1, 2, 3, 4, 5, 6, 13, 14, 16, 17)]
    cff = font["CFF "].cff
    cff.fontNames = [POSTSCRIPT]
    top = cff.topDictIndex[0]
    if hasattr(top, "FullName"):
        top.FullName = FAMILY
    if hasattr(top, "FamilyName"):
        top.FamilyName = FAMILY


def make(source: Path, corpus: list[Path], output: Path) -> tuple[int, int]:
    from fontTools import subset
    font = _face(source)
    cmap = font.getBestCmap()
    chars = sorted(c for c in wanted(corpus) if ord(c) in cmap)
    options = subset.Options()
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
    options.name_languages = ["*"]
    options.notdef_outline = True
    # horizontal text only, in the SC forms the cmap already gives: the other locales' locl forms and
    # the vertical alternates would double the glyph count
    options.layout_features = [f for f in options.layout_features if f not in VERTICAL_AND_LOCALE]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in chars])
    subsetter.subset(font)
    _rename(font)
    font.save(str(output))
    return len(chars), sum(1 for c in chars if "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, default=SOURCE, help="Noto Sans CJK .ttc/.otf (default: Debian's)")
    ap.add_argument("--corpus", type=Path, nargs="*", default=CORPUS, help="folders of texts to cover")
    ap.add_argument("-o", "--output", type=Path, default=OUTPUT)
    args = ap.parse_args(argv)
    n, hanzi = make(args.source, args.corpus, args.output)
    print(f"{args.output}: {n} characters ({hanzi} hanzi), {args.output.stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
