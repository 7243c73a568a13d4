"""Normalize a decoded policy text without losing the way back.

Three passes over a :class:`~extract.textmap.MappedText`, each keeping the
character map:

1. :func:`drop_noise_lines` — table-of-contents entries, page numbers,
   running headers/footers, HTML comments.
2. :func:`normalize_chars` — markdown emphasis, pinyin glosses (``發(fā)展`` →
   ``發展``), traditional → simplified (OpenCC), full/half-width punctuation,
   spaces between CJK characters.
3. :func:`join_paragraphs` — one paragraph per line: page breaks inside a
   sentence are rejoined, footnote definitions are lifted out of the flow and
   moved to the end, footnote references ``^[3]`` are removed from the text
   and returned as positions.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .textmap import MappedText, TextBuilder

__all__ = ["normalize", "Normalized", "drop_noise_lines", "normalize_chars",
           "join_paragraphs", "to_simplified", "stands_alone", "normalize_label", "traditional_characters", "CJK"]

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RX = re.compile(f"[{CJK}]")
# CJK punctuation that counts as "Chinese context" for half-width conversion.
_CJK_PUNCT = "，。、；：？！“”‘’《》（）【】〔〕—…·「」『』"

# --- pass 1: noise lines ----------------------------------------------------

_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|\d{1,4})\s*$")
_TOC_HEADING = re.compile(r"^\s*[#>\-*\s]*目\s*录\s*$")
_TOC_ENTRY = re.compile(r"^.{2,80}?(?:\t+|\s{2,}|\.{3,}|…{2,}|·{3,}|\s)\s*\d{1,4}\s*$")
_TOC_DOTTED = re.compile(r"^.{2,80}?(?:\.{4,}|…{2,}|·{4,})\s*\d{1,4}\s*$")
_HTML_COMMENT = re.compile(r"^\s*<!--.*-->\s*$")
_ORG_LINE = re.compile(rf"^[{CJK}（）()]{{4,40}}(?:有限公司|研究院|设计院|研究中心|委员会|办公厅|办公室|人民政府|局|厅|部)$")


def _lines(m: MappedText) -> list[tuple[int, int]]:
    """(start, end) of every line, end excluding the newline."""
    out, pos = [], 0
    text = m.text
    while True:
        nl = text.find("\n", pos)
        if nl < 0:
            out.append((pos, len(text)))
            return out
        out.append((pos, nl))
        pos = nl + 1


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def drop_noise_lines(m: MappedText) -> MappedText:
    """Remove lines that are not part of the document's text."""
    spans = _lines(m)
    lines = [m.text[s:e] for s, e in spans]
    stripped = [ln.strip() for ln in lines]
    drop = [False] * len(lines)

    # table of contents: a 目录 heading and the page-numbered entries after it
    for i, ln in enumerate(stripped):
        if _TOC_HEADING.match(ln):
            drop[i] = True
            j = i + 1
            while j < len(lines) and (not stripped[j] or _TOC_ENTRY.match(stripped[j])):
                drop[j] = bool(stripped[j])
                j += 1
    for i, ln in enumerate(stripped):
        if _TOC_DOTTED.match(ln) or _PAGE_NUMBER.match(ln) or _HTML_COMMENT.match(ln):
            drop[i] = True

    # running headers/footers: short non-sentence lines repeated three times or more
    counts = Counter(ln for ln in stripped if ln)
    for i, ln in enumerate(stripped):
        if counts[ln] >= 3 and len(ln) <= 30 and not _ends_sentence(ln) and not _starts_marker(ln):
            drop[i] = True

    # a logo/header that abbreviates the organisation named on the cover
    # (华信设计, 华信咨询 for 华信咨询设计研究院有限公司)
    cover = [ln for ln in stripped[:40] if _ORG_LINE.match(ln)]
    if cover:
        for i, ln in enumerate(stripped):
            if (2 <= len(ln) <= 8 and _CJK_RX.match(ln) and not _starts_marker(ln)
                    and all(_CJK_RX.match(c) for c in ln)
                    and any(ln != org and ln[0] == org[0] and _is_subsequence(ln, org) for org in cover)):
                drop[i] = True

    if not any(drop):
        return m
    b = TextBuilder(m.source_length)
    for (s, e), d in zip(spans, drop):
        if not d:
            b.extend(m, s, e)
        if e < len(m.text):
            b.extend(m, e, e + 1)   # keep the newline: blank lines carry page-break information
    return b.build()


# --- pass 2: characters -----------------------------------------------------

_TONE = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN_GLOSS = re.compile(
    rf"(?<=[{CJK}])[（(](?=[a-zü{_TONE}]*[{_TONE}])[a-zü{_TONE}]{{1,6}}[)）]")
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
    trad = _traditional_set()
    if trad.isdisjoint(m.text):        # the usual case: a simplified text, untouched
        return m
    cc = _opencc()

    def conv(match: re.Match) -> str:
        clause = match.group(0)
        return clause if trad.isdisjoint(clause) else cc.convert(clause)
    return m.sub(_CLAUSE, conv)


def _is_cjkish(ch: str) -> bool:
    return bool(ch) and (_CJK_RX.match(ch) is not None or ch in _CJK_PUNCT)


_HALF_PUNCT = re.compile(r"[(),;:?!\n]")


def _widths(m: MappedText) -> MappedText:
    m = m.translate(_FULLWIDTH_ALNUM)
    text = m.text
    chars = list(text)
    n = len(chars)
    changed = False
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
                chars[j], chars[i] = "（", "）"
                changed = True
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
                chars[i] = _HALF_TO_FULL[ch]
                changed = True
    if not changed:
        return m
    return MappedText("".join(chars), m.origin, m.source_length)


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
    m = m.sub(_MD_EMPHASIS, "")
    m = m.sub(_PINYIN_GLOSS, "")
    m = to_simplified(m)
    m = _widths(m)
    m = _drop_cjk_spaces(m)
    return m


# --- pass 3: paragraphs -----------------------------------------------------

_SENTENCE_END = "。；！？：…”’」』）】》.!?;:"
_FOOTNOTE_DEF = re.compile(r"^\^?\[(\d{1,3})\][ \t]*(?=\S)")
_FOOTNOTE_REF = re.compile(r"\^\[(\d{1,3})\]")
_DATE_LINE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")
_MARKER = re.compile(
    r"^(?:第[一二三四五六七八九十百零〇两\d]+[编章节条]|[一二三四五六七八九十]+[、．.]"
    r"|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.．、](?!\d)|专栏\s*\d+|[一二三四五六七八九十]+是"
    r"|附件|附则|附录)")


def _ends_sentence(line: str) -> bool:
    return bool(line) and line[-1] in _SENTENCE_END


def _starts_marker(line: str) -> bool:
    return _MARKER.match(line) is not None


@dataclass(frozen=True, slots=True)
class Normalized:
    text: MappedText
    footnote_refs: list[tuple[int, int]]   # (offset in text, footnote number)


def join_paragraphs(m: MappedText) -> Normalized:
    """One paragraph per line, page breaks rejoined, footnotes moved to the end."""
    text = m.text
    spans = [(s, e) for s, e in _lines(m)]
    # trim each line
    items: list[tuple[int, int]] = []
    for s, e in spans:
        while s < e and text[s] in " \t":
            s += 1
        while e > s and text[e - 1] in " \t":
            e -= 1
        items.append((s, e))

    paragraphs: list[list[tuple[int, int]]] = []   # each: list of line spans forming it
    footnotes: list[tuple[int, int]] = []
    for s, e in items:
        if s == e:
            continue
        line = text[s:e]
        if _FOOTNOTE_DEF.match(line):
            footnotes.append((s, e))
            continue
        if paragraphs and _continues(text, paragraphs[-1], line):
            paragraphs[-1].append((s, e))
        else:
            paragraphs.append([(s, e)])

    b = TextBuilder(m.source_length)
    refs: list[tuple[int, int]] = []

    def emit(parts: list[tuple[int, int]]) -> None:
        for s, e in parts:
            pos = s
            for r in _FOOTNOTE_REF.finditer(text, s, e):
                b.extend(m, pos, r.start())
                refs.append((len(b), int(r.group(1))))
                pos = r.end()
            b.extend(m, pos, e)

    for i, para in enumerate(paragraphs):
        if i:
            b.append("\n", [m.origin[para[0][0]] - 1 if para[0][0] else 0])
        emit(para)
    for s, e in footnotes:
        b.append("\n", [m.origin[s] - 1 if s else 0])
        b.extend(m, s, e)
    return Normalized(b.build(), refs)


_ARTICLE = re.compile(r"^第[一二三四五六七八九十百零〇两\d]+条")
_ENUM_MARKER = re.compile(r"^[一二三四五六七八九十]+是")
_DOC_NUMBER = re.compile(r"〔\d{4}〕\d+号$|\[\d{4}\]\d+号$")
def stands_alone(line: str) -> bool:
    """A heading, title, signature or document number: never continued by the next line.

    Article lines (``第四十九条 …推进智能``) are body text, however short; a
    page-break fragment such as ``…标准化行政主管部门、有关行政主管部门`` is
    not a heading either.
    """
    if _ARTICLE.match(line) or _ENUM_MARKER.match(line):
        return False
    if _starts_marker(line):
        return len(line) <= 40 and not any(p in line for p in "。；！？")
    if len(line) <= 8 and not any(p in line for p in "，、。；！？"):
        return True
    if _ORG_LINE.match(line) or _DOC_NUMBER.search(line):
        return True
    if len(line) >= 6 and not any(p in line for p in "，、。；！？"):
        from .metadata import title_doc_type   # the doc-type scheme's labels (ontology)
        return title_doc_type(line)[0] is not None
    return False


def _continues(text: str, para: list[tuple[int, int]], line: str) -> bool:
    """Does ``line`` continue the paragraph ``para`` across a line or page break?"""
    ps, pe = para[-1]
    prev = _FOOTNOTE_REF.sub("", text[ps:pe])
    if not prev or _ends_sentence(prev):
        return False
    if _starts_marker(line) or _FOOTNOTE_DEF.match(line):
        return False
    if _DATE_LINE.match(line) or _DATE_LINE.match(prev):
        return False
    if len(para) == 1 and stands_alone(prev):
        return False
    return True


def normalize(m: MappedText) -> Normalized:
    """All three passes."""
    return join_paragraphs(normalize_chars(drop_noise_lines(m)))


def normalize_label(label: str) -> str:
    """A vocabulary label in the form the normalized text has (widths, spaces, 繁→简)."""
    return normalize_chars(MappedText.identity(label)).text
