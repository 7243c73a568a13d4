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

from policykg.chars import _CJK_RX, CJK, normalize_chars, normalize_label, to_simplified, traditional_characters
from policykg.ontology.doctypes import title_doc_type
from policykg.ontology.rules import alternation, rules
from policykg.textmap import MappedText, TextBuilder

__all__ = ["normalize", "Normalized", "drop_noise_lines", "normalize_chars",
           "join_paragraphs", "to_simplified", "stands_alone", "normalize_label", "traditional_characters", "CJK"]

# --- pass 1: noise lines ----------------------------------------------------

_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|\d{1,4})\s*$")
_TOC_HEADING = re.compile(r"^\s*[#>\-*\s]*目\s*录\s*$")
_TOC_ENTRY = re.compile(r"^.{2,80}?(?:\t+|\s{2,}|\.{3,}|…{2,}|·{3,}|\s)\s*\d{1,4}\s*$")
_TOC_DOTTED = re.compile(r"^.{2,80}?(?:\.{4,}|…{2,}|·{4,})\s*\d{1,4}\s*$")
_HTML_COMMENT = re.compile(r"^\s*<!--.*-->\s*$")
_NOISE_LAST = frozenset("页-—–－>")
_ORG_LINE = re.compile(rf"^[{CJK}（）()]{{4,40}}(?:{alternation(rules('actors')['cover_line_suffixes'])})$")


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
        # each pattern ends with a digit, 页, a dash or -->: a quick look at the last character first
        if ln and (ln[-1].isdecimal() or ln[-1] in _NOISE_LAST) and \
                (_TOC_DOTTED.match(ln) or _PAGE_NUMBER.match(ln) or _HTML_COMMENT.match(ln)):
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
    kept = 0                        # the text from here to the next dropped line is copied in one piece
    for (s, e), d in zip(spans, drop, strict=True):
        if d:
            b.extend(m, kept, s)
            kept = e                # keep the newline: blank lines carry page-break information
    b.extend(m, kept, len(m.text))
    return b.build()


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
