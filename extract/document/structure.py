"""Split a normalized document into a tree of provisions and sentences.

Regulations: 编 → 章 → 节 → 条 → 款 (paragraph) → 项 (（一）) → 目 (1.).
Plans, decisions and reports: 一、/一. → （一） → 1. → （1）, with 一是/二是
enumerations inside paragraphs, 专栏 boxes as their own units, footnotes
linked to the sentences that cite them.  The title block, a transmittal notice
before it, unnumbered front sections (前言, 版权声明) and a closing signature
block get their own units, so every character belongs to some sentence.

Ids are the document id plus the path: ``heilongjiang-2024/ch6/art74/p3/s1``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from policykg.extract.document.model import LEVELS, Footnote, Provision, Sentence
from policykg.extract.text.normalize import Normalized, stands_alone
from policykg.ontology.doctypes import title_doc_type
from policykg.ontology.rules import alternation, rules

__all__ = ["parse_structure", "Structure", "chinese_number", "split_sentences", "TitleBlock",
           "find_title_block"]

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def chinese_number(s: str) -> int | None:
    """``'八十六'`` → 86, ``'二十'`` → 20, ``'十'`` → 10, ``'12'`` → 12; None if not a number.

    >>> [chinese_number(x) for x in ("八十六", "十", "二十八", "一百零三", "7", "甲")]
    [86, 10, 28, 103, 7, None]
    """
    if s.isdigit():
        return int(s)
    total, digit = 0, None
    for ch in s:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            total += (digit if digit is not None else 1) * _CN_UNITS[ch]
            digit = None
        else:
            return None
    return total + (digit or 0)


_NUM = "一二三四五六七八九十百零〇两"
# (level, regex); the regex's group 1 is the number, the marker ends at m.end()
_MARKERS: list[tuple[str, re.Pattern]] = [
    ("book", re.compile(rf"^第([{_NUM}\d]+)编")),
    ("chapter", re.compile(rf"^第([{_NUM}\d]+)章")),
    ("section", re.compile(rf"^第([{_NUM}\d]+)节")),
    ("article", re.compile(rf"^第([{_NUM}\d]+)条(?![例件款])")),
    ("part", re.compile(r"^([一二三四五六七八九十]+)[、．.](?![一二三四五六七八九十\d])")),
    ("item", re.compile(r"^（([一二三四五六七八九十]+)）")),
    ("number", re.compile(r"^(\d{1,2})[.．、](?!\d)")),
    ("subnumber", re.compile(r"^（(\d{1,2})）")),
]
_RANK = {"book": 0, "chapter": 1, "section": 2, "article": 3, "part": 4, "item": 5, "number": 6,
         "subnumber": 7}
_BOX = re.compile(r"^专栏\s*(\d+)\s*[：:]?\s*")
_ENUM_START = re.compile(r"([一二三四五六七八九十]+)是")   # used with .match(text, pos)
_ENUM_INLINE = re.compile(r"(?<=[。；：！？])([一二三四五六七八九十]+)是")
_FOOTNOTE_DEF = re.compile(r"^\^?\[(\d{1,3})\]\s*")
_RULES = rules("structure")
_FRONT_HEADINGS = re.compile(rf"^({alternation(_RULES['front_headings'])})$")
_ADOPTION = re.compile(rf"^（.*?\d{{4}}年\d{{1,2}}月\d{{1,2}}日.*?({alternation(_RULES['adoption_note_verbs'])})[^）]*）$"
                       rf"|^\d{{4}}年\d{{1,2}}月\d{{1,2}}日.{{4,60}}({alternation(_RULES['adoption_line_verbs'])})$")
_DATE_LINE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")
_CLOSING = re.compile(r"^(?:\d{4}年\d{1,2}月\d{1,2}日|（此件[^）]{0,10}）|.{2,40}\d{4}年\d{1,2}月\d{1,2}日印发|.{0,30}印发)$")
_PAREN_NOTE = re.compile(r"^（[^（）]{1,20}）$")
_SENT_END = "。！？"
_CLOSERS = "”’）」』】》"
_OPENERS = {"“": "”", "‘": "’", "（": "）", "《": "》", "「": "」", "『": "』", "【": "】"}


_SPLIT_CHARS = re.compile("[" + re.escape("".join(_OPENERS) + _CLOSERS + _SENT_END) + "]")


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans in ``text[start:end]``: split after 。！？ outside quotes and brackets.

    >>> t = "他说“好。走吧。”然后离开。再见"
    >>> [t[s:e] for s, e in split_sentences(t, 0, len(t))]
    ['他说“好。走吧。”然后离开。', '再见']
    """
    spans: list[tuple[int, int]] = []
    depth: list[str] = []
    s = start
    i = start
    while i < end:
        m = _SPLIT_CHARS.search(text, i, end)       # only these characters change anything
        if m is None:
            break
        i = m.start()
        ch = text[i]
        if ch in _OPENERS:
            depth.append(_OPENERS[ch])
        elif depth and ch == depth[-1]:
            depth.pop()
        elif ch in _SENT_END and not depth:
            j = i + 1
            while j < end and (text[j] in _SENT_END or text[j] in _CLOSERS):
                j += 1
            spans.append((s, j))
            s = i = j
            continue
        i += 1
    if len(depth) > 3:   # unbalanced quotes: fall back to plain splitting
        return _split_plain(text, start, end)
    if s < end:
        spans.append((s, end))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _split_plain(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, s = [], start
    for m in re.finditer(r"[。！？]+[”’）」』】》]*", text[start:end]):
        spans.append((s, start + m.end()))
        s = start + m.end()
    if s < end:
        spans.append((s, end))
    return [(a, b) for a, b in spans if text[a:b].strip()]


@dataclass(slots=True)
class Structure:
    provisions: list[Provision] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)


@dataclass(slots=True)
class TitleBlock:
    title_index: int | None      # paragraph index of the (first) title line
    title_end: int               # paragraph index after the title block
    title: str


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        e = pos + len(line)
        if line.strip():
            out.append((pos, e))
        pos = e + 1
    return out


def _marker(text: str) -> tuple[str, int, str, int] | None:
    """(level, number, label, end of marker) for a paragraph that starts a provision."""
    for level, rx in _MARKERS:
        m = rx.match(text)
        if m:
            n = chinese_number(m.group(1))
            if n is None:
                continue
            end = m.end()
            while end < len(text) and text[end] == " ":
                end += 1
            return level, n, m.group(0), end
    return None


def _norm_title(s: str) -> str:
    return re.sub(r"[\s“”\"'《》*]", "", s)


def find_title_block(text: str, paras: list[tuple[int, int]], known_title: str | None = None,
                     limit: int = 40) -> TitleBlock:
    """Locate the title line(s) and the lines that belong with them (adoption note, issuer, date)."""
    first_marker = next((i for i, (s, e) in enumerate(paras[:limit]) if _marker(text[s:e])
                         or _BOX.match(text[s:e])), min(len(paras), limit))
    idx = None
    if known_title:
        want = _norm_title(known_title)
        for i, (s, e) in enumerate(paras[:limit]):
            line = _norm_title(text[s:e])
            if line and (line == want or (len(want) >= 6 and want in line and len(line) < len(want) + 12)):
                idx = i
                break
    if idx is None:
        for i, (s, e) in enumerate(paras[:first_marker]):
            line = text[s:e]
            if len(line) <= 80 and not any(p in line for p in "，。；") and title_doc_type(line)[0]:
                idx = i
                break
    if idx is None and paras:
        s, e = paras[0]
        if len(text[s:e]) <= 60 and "。" not in text[s:e] and first_marker > 0:
            idx = 0
    if idx is None:
        return TitleBlock(None, 0, "")
    s, e = paras[idx]
    title = text[s:e]
    end = idx + 1
    while end < len(paras) and end < first_marker:
        line = text[paras[end][0]:paras[end][1]]
        if _ADOPTION.match(line) or _DATE_LINE.match(line) or _PAREN_NOTE.match(line) or (
                stands_alone(line) and not _FRONT_HEADINGS.match(line) and len(line) <= 40
                and not _marker(line)):
            end += 1
        else:
            break
    return TitleBlock(idx, end, title)


class _Builder:
    def __init__(self, doc_id: str, text: str):
        self.doc_id = doc_id
        self.text = text
        self.out = Structure()
        self.by_id: dict[str, Provision] = {}
        self.para_count: dict[str, int] = {}
        self.sentence_count: dict[str, int] = {}

    def unique(self, pid: str) -> str:
        if pid not in self.by_id:
            return pid
        k = 2
        while f"{pid}~{k}" in self.by_id:
            k += 1
        return f"{pid}~{k}"

    def add(self, level: str, number: int | None, label: str, heading: str, start: int, end: int,
            parent: Provision | None, segment: str | None = None) -> Provision:
        seg = segment if segment is not None else f"{LEVELS[level]}{number if number is not None else ''}"
        base = parent.id if parent else self.doc_id
        pid = self.unique(f"{base}/{seg}")
        p = Provision(pid, level, number, label, heading, start, end, parent.id if parent else None)
        self.out.provisions.append(p)
        self.by_id[pid] = p
        if parent:
            parent.children.append(pid)
        return p

    def extend(self, p: Provision, end: int) -> None:
        """Grow ``p`` and its ancestors to cover up to ``end``."""
        node: Provision | None = p
        while node is not None:
            if end > node.end:
                node.end = end
            node = self.by_id.get(node.parent) if node.parent else None

    def sentences(self, owner: Provision, start: int, end: int, heading: bool = False) -> None:
        if heading:
            if self.text[start:end].strip():
                sid = f"{owner.id}/h"
                self.out.sentences.append(Sentence(sid, owner.id, start, end, self.text[start:end]))
            return
        n = self.sentence_count.get(owner.id, 0)
        for a, b in split_sentences(self.text, start, end):
            n += 1
            self.out.sentences.append(Sentence(f"{owner.id}/s{n}", owner.id, a, b, self.text[a:b]))
        self.sentence_count[owner.id] = n

    def paragraph(self, container: Provision, start: int, end: int) -> Provision:
        """A body paragraph (款) of ``container``, with its enumerations and sentences."""
        k = self.para_count.get(container.id, 0) + 1
        self.para_count[container.id] = k
        para = self.add("paragraph", k, "", "", start, end, container)
        self.extend(container, end)
        text = self.text
        cuts: list[tuple[int, int, str]] = []     # (pos, number, label)
        m = _ENUM_START.match(text, start)
        expected = None
        if m:
            n = _enum_number(m)
            cuts.append((start, n, m.group(0)))
            expected = n + 1
        for m in _ENUM_INLINE.finditer(text, start, end):
            n = _enum_number(m)
            if n == 1 or n == expected:
                cuts.append((m.start(), n, m.group(0)))
                expected = n + 1
        if not cuts:
            self.sentences(para, start, end)
            return para
        if cuts[0][0] > start:
            self.sentences(para, start, cuts[0][0])
        for i, (pos, n, label) in enumerate(cuts):
            stop = cuts[i + 1][0] if i + 1 < len(cuts) else end
            en = self.add("enum", n, label, "", pos, stop, para, segment=f"en{i + 1}")
            self.sentences(en, pos, stop)
        return para


def _enum_number(m: re.Match[str]) -> int:
    """The number of an enumeration marker (``二是`` → 2): group 1 is Chinese numerals only."""
    n = chinese_number(m.group(1))
    assert n is not None, m.group(1)
    return n


def _heading_of(rest: str) -> str | None:
    """A short first sentence that titles an item: ``繁荣数据要素市场。积极…`` → 繁荣数据要素市场."""
    m = re.match(r"^([^，。；：、]{2,20})。", rest)
    return m.group(1) if m else None


def parse_structure(doc_id: str, norm: Normalized, known_title: str | None = None) -> Structure:
    text = norm.text.text
    b = _Builder(doc_id, text)
    paras = _paragraphs(text)
    fn_start = _footnotes_start(text, paras)
    body = paras[:fn_start]
    close_start = _closing_start(text, body)
    tb = find_title_block(text, body[:close_start], known_title)
    first = _add_title_block(b, body, tb)
    refs = sorted(norm.footnote_refs)
    outline = _Outline(b, refs)
    for s, e in body[first:close_start]:
        outline.line(s, e)
    if close_start < len(body):
        closing = b.add("closing", None, "", "", body[close_start][0], body[-1][1], None, segment="end")
        for s, e in body[close_start:]:
            b.sentences(closing, s, e)
    _link_footnotes(b, refs, _add_footnotes(b, paras[fn_start:]))
    b.out.sentences.sort(key=lambda x: x.start)
    return b.out


def _footnotes_start(text: str, paras: list[tuple[int, int]]) -> int:
    """Index of the first footnote definition (normalize.join_paragraphs moved them to the end)."""
    fn_start = len(paras)
    while fn_start > 0 and _FOOTNOTE_DEF.match(text[paras[fn_start - 1][0]:paras[fn_start - 1][1]]):
        fn_start -= 1
    return fn_start


def _closing_start(text: str, body: list[tuple[int, int]]) -> int:
    """Index of the closing block — date / 印发 / （此件公开） lines at the end — or ``len(body)``."""
    close_start = len(body)
    while close_start > 0:
        s, e = body[close_start - 1]
        line = text[s:e]
        if _CLOSING.match(line) or (stands_alone(line) and len(line) <= 30 and not _marker(line)
                                     and close_start < len(body)):
            close_start -= 1
        else:
            break
    if close_start < len(body) and not any(_CLOSING.match(text[s:e]) for s, e in body[close_start:]):
        return len(body)
    return close_start


def _add_title_block(b: _Builder, body: list[tuple[int, int]], tb: TitleBlock) -> int:
    """Units for a transmittal notice before the title and for the title block; returns the
    index of the first paragraph after them."""
    if tb.title_index is None:
        return 0
    if tb.title_index > 0:
        notice = b.add("notice", None, "", "", body[0][0], body[tb.title_index - 1][1], None, segment="notice")
        for s, e in body[:tb.title_index]:
            b.paragraph(notice, s, e)
    s0, e0 = body[tb.title_index]
    title = b.add("title", None, "", b.text[s0:e0], s0, body[tb.title_end - 1][1], None, segment="title")
    for s, e in body[tb.title_index:tb.title_end]:
        b.sentences(title, s, e)
    return tb.title_end


_HEADED = ("book", "chapter", "section")     # levels whose marker line is a heading


class _Outline:
    """The body between the title block and the closing block, line by line: numbered
    provisions nest by rank, 专栏 boxes hold the paragraphs up to their source note, and
    text before the first numbered provision makes preamble units."""

    def __init__(self, b: _Builder, refs: list[tuple[int, int]]):
        self.b = b
        self.text = b.text
        self.refs = refs
        self.stack: list[Provision] = []       # open numbered containers, outermost first
        self.box: Provision | None = None
        self.pre: Provision | None = None
        self.pre_count = 0
        self.last_article = 0
        self.chapters_seen = 0

    def line(self, s: int, e: int) -> None:
        line = self.text[s:e]
        mk = self._marker(line)
        if mk:
            self._numbered(mk, line, s, e)
            return
        bm = _BOX.match(line)
        if bm:
            self._open_box(bm, line, s, e)
        elif self.box is not None:
            self.b.paragraph(self.box, s, e)
            if self._ends_with_ref(s, e):
                self.box = None
        elif not self.stack:
            self._front(line, s, e)
        else:
            self.b.paragraph(self._container(), s, e)

    def _marker(self, line: str) -> tuple[str, int, str, int] | None:
        """The line's provision marker, unless it is an article number that does not advance."""
        mk = _marker(line)
        if not mk:
            return None
        level, n = mk[0], mk[1]
        if level == "article":
            if n <= self.last_article:
                return None
            self.last_article = n
        elif level == "chapter" and n == 1 and self.chapters_seen:
            self._drop_table_of_contents()
        return mk

    def _drop_table_of_contents(self) -> None:
        """A second 第一章: a table of contents listed the chapters first; drop the empty ones."""
        b = self.b
        heads = [p for p in b.out.provisions if p.level in ("chapter", "section")]
        empties = [p for p in heads if not p.children]
        if len(empties) != len(heads):
            return
        for p in empties:
            b.out.provisions.remove(p)
            b.by_id.pop(p.id, None)
        b.out.sentences = [x for x in b.out.sentences if x.provision not in {p.id for p in empties}]
        self.stack.clear()

    def _numbered(self, mk: tuple[str, int, str, int], line: str, s: int, e: int) -> None:
        level, n, label, mend = mk
        rank = _RANK[level]
        while self.stack and _RANK[self.stack[-1].level] >= rank:
            self.stack.pop()
        self.box = None
        parent = self.stack[-1] if self.stack else None
        if level == "chapter":
            self.chapters_seen += 1
        rest = line[mend:]
        heading = _marker_heading(level, line, rest)
        prov = self.b.add(level, n, label, heading, s, e, parent)
        self.stack.append(prov)
        self.pre = None
        if rest:
            if level in _HEADED or heading == rest:
                self.b.sentences(prov, s + mend, e, heading=True)
            else:
                self.b.paragraph(prov, s + mend, e)
        self.b.extend(prov, e)

    def _open_box(self, bm: re.Match, line: str, s: int, e: int) -> None:
        parent = self.stack[-1] if self.stack else None
        self.box = self.b.add("box", int(bm.group(1)), bm.group(0).rstrip("：: "), line[bm.end():], s, e, parent)
        if line[bm.end():]:
            self.b.sentences(self.box, s + bm.end(), e, heading=True)
        if parent:
            self.b.extend(parent, e)

    def _ends_with_ref(self, s: int, e: int) -> bool:
        """Does the paragraph end with a footnote reference (a box's source note)?"""
        return any(s < pos <= e and not self.text[pos:e].strip("。！？”） ") for pos, _ in self.refs)

    def _front(self, line: str, s: int, e: int) -> None:
        """Text before the first numbered provision: a 前言-like heading opens a preamble unit."""
        is_heading = bool(_FRONT_HEADINGS.match(line.replace(" ", "")))
        if is_heading or self.pre is None:
            self.pre_count += 1
            self.pre = self.b.add("preamble", self.pre_count, "", line if is_heading else "", s, e, None)
            if is_heading:
                self.b.sentences(self.pre, s, e, heading=True)
                return
        self.b.paragraph(self.pre, s, e)

    def _container(self) -> Provision:
        """The provision a body paragraph belongs to: in a regulation, a paragraph after an
        article's items is the article's next 款."""
        container = self.stack[-1]
        if container.level in ("item", "number", "subnumber"):
            art = next((p for p in reversed(self.stack) if p.level == "article"), None)
            if art is not None:
                while self.stack[-1] is not art:
                    self.stack.pop()
                container = art
        return container


def _marker_heading(level: str, line: str, rest: str) -> str:
    """The heading of a numbered provision: the rest of a 章/节 line or of a line that
    stands alone, else a short first sentence (not for articles)."""
    if level in _HEADED or (rest and stands_alone(line) and level != "article"):
        return rest
    if level != "article":
        return _heading_of(rest) or ""
    return ""


def _add_footnotes(b: _Builder, paras: list[tuple[int, int]]) -> dict[int, Footnote]:
    """A unit per footnote definition; returns number → (first) footnote."""
    fn_by_number: dict[int, Footnote] = {}
    text = b.text
    for s, e in paras:
        m = _FOOTNOTE_DEF.match(text[s:e])
        assert m is not None, "_footnotes_start keeps only footnote definitions"
        n = int(m.group(1))
        prov = b.add("footnote", n, f"[{n}]", "", s, e, None)
        fn = Footnote(prov.id, n, text[s + m.end():e], s, e)
        b.out.footnotes.append(fn)
        fn_by_number.setdefault(n, fn)
        b.sentences(prov, s + m.end(), e)
    return fn_by_number


def _link_footnotes(b: _Builder, refs: list[tuple[int, int]], fn_by_number: dict[int, Footnote]) -> None:
    """Link each footnote reference to the sentence it is in, both ways."""
    if not refs:
        return
    sents = sorted(b.out.sentences, key=lambda x: x.start)
    starts = [x.start for x in sents]
    for pos, n in refs:
        fn = fn_by_number.get(n)
        if fn is None:
            continue
        k = bisect.bisect_left(starts, pos) - 1   # last sentence starting before pos
        if k < 0:
            continue
        sent = sents[k]
        if fn.id not in sent.footnotes:
            sent.footnotes.append(fn.id)
        if sent.id not in fn.cited_by:
            fn.cited_by.append(sent.id)
