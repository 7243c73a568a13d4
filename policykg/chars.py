"""Character normalization: widths, spaces, markdown marks, traditional → simplified, with offset maps.

A leaf module (it imports nothing else of the project but :mod:`policykg.textmap`), shared
by the readers' normalization and by the ontology, which compares its labels in the form
the normalized text has.
"""

from __future__ import annotations

import re
from functools import lru_cache

from policykg.textmap import MappedText

__all__ = ["CJK", "normalize_chars", "normalize_label", "to_simplified", "traditional_characters"]

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RX = re.compile(f"[{CJK}]")
#: CJK punctuation next to which spaces are dropped
_CJK_PUNCT = "，。、；：？！“”‘’《》（）【】〔〕—…·「」『』"


_TONE = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN_GLOSS = re.compile(
    rf"(?<=[{CJK}])[（(](?=[a-zü{_TONE}]*[{_TONE}])[a-zü{_TONE}]{{1,6}}[)）]")
_TONE_MARK = re.compile(f"[{_TONE}]")
_MD_EMPHASIS = re.compile(r"\*\*|__(?=\S)|(?<=\S)__")
_MD_LINE_PREFIX = re.compile(r"(?m)^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+(?=[（(一二三四五六七八九十\d第]))")
_INLINE_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = {0x3000: " ", 0xA0: " ", 0x2002: " ", 0x2003: " ", 0x2009: " ", 0x202F: " ", 0x0B: " ",
           0x0C: "\n", 0x0D: "\n", 0x2028: "\n", 0x2029: "\n"}
# full-width letters and digits become ASCII; the full-width space handled above
_FULLWIDTH_ALNUM = {c: chr(c - 0xFEE0) for c in list(range(0xFF10, 0xFF1A)) + list(range(0xFF21, 0xFF3B))
                    + list(range(0xFF41, 0xFF5B))}
_FULLWIDTH_ALNUM.update({0xFF05: "%", 0xFF0E: ".", 0xFF0B: "+", 0xFF1D: "=", 0xFF0F: "/"})
_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_SPACE_RUN = re.compile(r"[ \t]+")
# «上海市服务贸易促进指导目录»: guillemets some sites use for title marks 《》 around a CJK title
_GUILLEMET_TITLE = re.compile("«([^«»\n]*[\u4e00-\u9fff][^«»\n]*)»")


@lru_cache(maxsize=1)
def _opencc():
    import opencc  # imported lazily: most texts are already simplified
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _traditional_set() -> frozenset[str]:
    """Every CJK character OpenCC converts on its own (computed once, ~0.1 s)."""
    cc = _opencc()
    chars = [chr(c) for c in range(0x3400, 0xA000)] + [chr(c) for c in range(0xF900, 0xFB00)]
    return frozenset(ch for ch in chars if cc.convert(ch) != ch)


def _is_traditional(ch: str) -> bool:
    return ch in _traditional_set()


def traditional_characters(text: str) -> set[str]:
    """Characters of ``text`` that OpenCC would convert to simplified on their own."""
    return set(text) & _traditional_set()


_CLAUSE = re.compile(r"[^，。；：？！、\n,;:?!]+")


def to_simplified(m: MappedText) -> MappedText:
    """Convert traditional characters to simplified.

    Only clauses that contain a character OpenCC converts on its own are
    converted (with OpenCC's phrase tables), so simplified text is never
    touched: OpenCC would otherwise turn the simplified ``一批覆盖`` into
    ``一批复盖``.
    """
    trad = _traditional_rx()
    if trad.search(m.text) is None:        # the usual case: a simplified text, untouched
        return m
    cc = _opencc()

    def conv(match: re.Match) -> str:
        clause = match.group(0)
        return clause if trad.search(clause) is None else cc.convert(clause)
    return m.sub(_CLAUSE, conv)


@lru_cache(maxsize=1)
def _traditional_rx() -> re.Pattern:
    """A character class of :func:`_traditional_set` (searching is ~20× faster than ``isdisjoint``)."""
    runs: list[list[int]] = []
    for c in sorted(map(ord, _traditional_set())):
        if runs and runs[-1][1] == c - 1:
            runs[-1][1] = c
        else:
            runs.append([c, c])
    return re.compile("[" + "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in runs) + "]")


def _is_cjkish(ch: str) -> bool:
    return bool(ch) and (_CJK_RX.match(ch) is not None or ch in _CJK_PUNCT)


_HALF_PUNCT = re.compile(r"[(),;:?!\n]")


def _widths(m: MappedText) -> MappedText:
    m = m.translate(_FULLWIDTH_ALNUM)
    text = m.text
    n = len(text)
    full: dict[int, str] = {}          # position → full-width character (no list of every character: memory)
    # parentheses: a pair becomes full-width when it follows a CJK character or encloses one
    stack: list[int] = []
    candidates = [p.start() for p in _HALF_PUNCT.finditer(text)]
    for i in candidates:
        ch = text[i]
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            j = stack.pop()
            inner = text[j + 1:i]
            if (j > 0 and _is_cjkish(text[j - 1])) or _CJK_RX.search(inner):
                full[j], full[i] = "（", "）"
        elif ch == "\n":
            stack.clear()
    for i in candidates:
        ch = text[i]
        if ch in ",;:?!":
            prev = text[i - 1] if i else ""
            nxt = text[i + 1] if i + 1 < n else ""
            if ch == ":" and text.startswith("//", i + 1):
                continue
            if _is_cjkish(prev) or (ch in ",;" and _is_cjkish(nxt)):
                full[i] = _HALF_TO_FULL[ch]
    if not full:
        return m
    parts, last = [], 0
    for i in sorted(full):
        parts += [text[last:i], full[i]]
        last = i + 1
    parts.append(text[last:])
    return MappedText("".join(parts), m.origin, m.source_length)


def _drop_cjk_spaces(m: MappedText) -> MappedText:
    """Delete runs of spaces next to a CJK character or CJK punctuation.

    ``2025 年 3 月 1 日`` → ``2025年3月1日``, ``第一章 总 则`` → ``第一章总则``;
    ``City Fly`` keeps its space.
    """
    text = m.text

    def repl(match: re.Match) -> str:
        s, e = match.span()
        prev = text[s - 1] if s else "\n"
        nxt = text[e] if e < len(text) else "\n"
        if prev == "\n" or nxt == "\n":
            return ""
        if _is_cjkish(prev) or _is_cjkish(nxt):
            return ""
        return " "
    return m.sub(_SPACE_RUN, repl)


def normalize_chars(m: MappedText) -> MappedText:
    m = m.translate(_SPACES)
    m = m.sub(_ZERO_WIDTH, "")
    m = m.sub(_INLINE_HTML_COMMENT, "")
    m = m.sub(_MD_LINE_PREFIX, "")
    if "**" in m.text or "__" in m.text:           # the patterns' look-behinds make them slow to scan for
        m = m.sub(_MD_EMPHASIS, "")
    if _TONE_MARK.search(m.text) is not None:        # a pinyin gloss has a tone mark
        m = m.sub(_PINYIN_GLOSS, "")
    m = to_simplified(m)
    if "«" in m.text:
        m = m.sub(_GUILLEMET_TITLE, lambda g: f"《{g.group(1)}》")
    m = _widths(m)
    m = _drop_cjk_spaces(m)
    return m




def normalize_label(label: str) -> str:
    """A vocabulary label in the form the normalized text has (widths, spaces, 繁→简)."""
    return normalize_chars(MappedText.identity(label)).text
