"""A plain-text regulation of any size, made of real articles of the scale corpus, renumbered.

Articles (paragraphs that start with 第…条) of the corpus's local regulations are
repeated in a fixed order, renumbered 第一条, 第二条, … and grouped into chapters
of twenty, under one title, so the result looks like one long regulation.  The
same size always gives the same text.

    python tests/tools/big_document.py 2000000 /tmp/big-2mb.txt
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCALE = ROOT.parent / "shared" / "corpus" / "scale" / "lawrefbook_dlc"
_ARTICLE = re.compile(r"^第[零一二三四五六七八九十百千]+条\s*(.+)$")
_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五, 12345 → 一万二千三百四十五."""
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    out, zero = "", False
    for value, unit in ((10000, "万"), (1000, "千"), (100, "百"), (10, "十"), (1, "")):
        if value == 10000 and n >= 10000:
            out += chinese_number(n // 10000) + unit
            n %= 10000
            zero = 0 < n < 1000
            continue
        d = n // value
        n %= value
        if d:
            out += ("零" if zero and out else "") + _DIGITS[d] + unit
            zero = False
        elif out:
            zero = True
    return out


def corpus_articles(limit_files: int = 200) -> list[str]:
    """The article bodies (without their number) of the first regulations of the corpus, in order."""
    bodies: list[str] = []
    for f in sorted(SCALE.rglob("*.md"))[:limit_files]:
        for line in f.read_text(encoding="utf-8").splitlines():
            m = _ARTICLE.match(line.strip())
            if m and len(m.group(1)) > 10:
                bodies.append(m.group(1))
    return bodies


def big_document(size: int) -> str:
    """About ``size`` bytes (UTF-8) of one regulation: title, chapters of twenty articles."""
    bodies = corpus_articles()
    parts = ["江苏省大型测试条例\n\n"]
    total, n = len(parts[0].encode()), 0
    while total < size:
        if n % 20 == 0:
            head = f"第{chinese_number(n // 20 + 1)}章　规定\n\n"
            parts.append(head)
            total += len(head.encode())
        body = bodies[n % len(bodies)]
        n += 1
        para = f"第{chinese_number(n)}条　{body}\n\n"
        parts.append(para)
        total += len(para.encode())
    return "".join(parts)


if __name__ == "__main__":
    Path(sys.argv[2]).write_text(big_document(int(sys.argv[1])), encoding="utf-8")
