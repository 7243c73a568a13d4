"""Vocabulary candidates from a corpus: ``policykg vocab mine``.

Chinese has no spaces, so a term is found from an *anchor* — an organisation
suffix (局, 委员会, 集团), a tool noun (券, 基金, 贴息, 目录), a field's first or
last word (数据…, 智能…, …产业, …经济); the lists are ``ontology/rules/vocab.yaml``.
From each anchor in a sentence the stem grows away from it, at most a few
characters and never across punctuation, a function character (的, 对, 等) or
an opening verb (设立, 加强).  Every length of stem is a candidate; the corpus
decides which ones are terms, by *accessor variety*: a term is preceded (and a
field term followed) by many different characters, while a fragment of a longer
word is nearly always preceded by the same one (``据局`` by 数, ``立产业投资基金``
by 设).  Candidates seen in at least ``min_df`` documents whose open side no
single character dominates are kept, sorted by document frequency, with one or
two example sentences, and marked with the ontology concept when the vocabulary
already has the term.  Organisation names lose a level prefix or place name
(省, 市委, 武汉市), counted in ``prefixes``; a field term that is a shorter field
term plus a work word (数据标注 + 产业) gives way to the shorter one.

>>> docs = [(f"d{i}.txt", [f"{who}负责发放数据券。", "对使用数据券的企业给予补贴。"])
...         for i, who in enumerate(["市大数据局", "省大数据局", "区大数据局"])]
>>> [(c.term, c.df, c.known) for c in mine_texts(docs, kinds=("tool",))]
[('数据券', 3, 'inst:data-voucher')]
>>> [(c.term, c.prefixes) for c in mine_texts(docs, kinds=("org",))]
[('大数据局', (('区', 1), ('市', 1), ('省', 1)))]
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from policykg.chars import CJK
from policykg.ontology import LEXICON_SCHEMES, vocabulary
from policykg.ontology.rules import alternation, rules

__all__ = ["Candidate", "Example", "KINDS", "mine", "mine_texts", "candidates_in"]

KINDS = ("org", "tool", "field")

#: a term's open side: the share of occurrences the most common neighbour may have
DOMINANCE = 0.5
#: …and the share of occurrences a break must stand on that side (不动产登记 has 动产登记 inside)
MIN_EDGES = 0.1
#: an organisation name with a word of at most SHORT_WORD characters in front, seen less than
#: RARE times as often as the bare name, is the bare name after a verb (提请|常务委员会)
SHORT_WORD = 2
RARE = 0.25
#: the shortest stem: one character is mostly a fragment (业园区, 务局, 信息互)
MIN_STEM = 2
#: the longest stem, per kind (organisation stems are long: 政务服务和数据管理局)
MAX_STEM = {"org": 10, "tool": 8, "field": 6}
_TITLE = re.compile(r"《[^《》]*》")
_WORD_CHAR = re.compile(f"[{CJK}A-Za-z0-9]")
_EDGE = None            # the open side reached a break: a term boundary, never a dominating neighbour


@dataclass(frozen=True, slots=True)
class Example:
    file: str
    sentence: str       # the sentence around the term (at most ~40 characters either side)


@dataclass(slots=True)
class Candidate:
    term: str
    kind: str                                   # org | tool | field
    anchor: str                                 # the suffix, head or first/last word that found it
    df: int                                     # documents it occurs in
    count: int                                  # occurrences
    known: str | None = None                    # the ontology concept (inst:credit) when the term is a label
    prefixes: tuple[tuple[str, int], ...] = ()  # org: level prefixes / places dropped, with counts
    examples: tuple[Example, ...] = ()


# --- reading the rules ------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Anchors:
    kind: str
    rx: re.Pattern[str]                 # the anchors, longest first
    right: bool                         # True: the anchor ends the term (stem grows left)
    not_after: dict[str, frozenset[str]]
    not_before: dict[str, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class _Rules:
    anchors: tuple[_Anchors, ...]
    breaks: frozenset[str]
    org_breaks: frozenset[str]
    org_keeps: frozenset[str]
    openers: re.Pattern[str]
    org_openers: re.Pattern[str]
    field_openers: re.Pattern[str]
    field_opener_before: re.Pattern[str]  # an opener ending where a field term starts (推动|数据标注)
    not_fields: tuple[str, ...]         # org suffixes and tool heads: a term ending in one is no field
    org_suffixes: tuple[str, ...]
    level_prefixes: tuple[str, ...]     # longest first
    generic_tails: tuple[str, ...]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    r = rules("vocab")
    org, tool, fld = r["org"], r["tool"], r["field"]

    def anchors(kind: str, words: list[str], right: bool, spec: dict) -> _Anchors:
        after = {k: frozenset(v) for k, v in (spec.get("not_after") or {}).items()}
        before = {k: tuple(v) for k, v in (spec.get("not_before") or {}).items()}
        return _Anchors(kind, re.compile(alternation(words)), right, after, before)
    breaks = frozenset(r["stem_breaks"])
    return _Rules(
        anchors=(anchors("org", org["suffixes"], True, org), anchors("tool", tool["heads"], True, tool),
                 anchors("field", fld["suffixes"], True, {}), anchors("field", fld["prefixes"], False, fld)),
        breaks=breaks, org_breaks=breaks - set(r["org_stem_keeps"]), org_keeps=frozenset(r["org_stem_keeps"]),
        openers=re.compile(alternation(r["stem_openers"])), org_openers=re.compile(alternation(r["org_stem_openers"])),
        field_openers=re.compile(alternation(r["stem_openers"] + r["field_stem_openers"])),
        field_opener_before=re.compile(f'(?:{alternation(r["stem_openers"] + r["field_stem_openers"])})$'),
        not_fields=tuple(org["suffixes"] + tool["heads"]), org_suffixes=tuple(org["suffixes"] + org["joined_heads"]),
        level_prefixes=tuple(sorted(org["level_prefixes"], key=len, reverse=True)),
        generic_tails=tuple(fld["generic_tails"]))


# --- candidate occurrences in one sentence ------------------------------------------------------

def _stem_left(s: str, end: int, kind: str, R: _Rules) -> tuple[int, bool]:
    """Where a stem ending at ``end`` may start (after the last break, opener or non-word
    character, at most MAX_STEM back), and whether that is a boundary rather than the limit."""
    limit = max(0, end - MAX_STEM[kind])
    breaks = R.org_breaks if kind == "org" else R.breaks
    i = end
    while i > limit and _WORD_CHAR.match(s[i - 1]) and s[i - 1] not in breaks:
        i -= 1
    edge = i > limit or i == 0 or not _WORD_CHAR.match(s[i - 1]) or s[i - 1] in breaks
    openers = {"org": R.org_openers, "field": R.field_openers}.get(kind, R.openers)
    for m in openers.finditer(s, max(0, i - 3), end):     # an opener may straddle a break
        if m.end() > i:
            i, edge = m.end(), True
    return i, edge


def _stem_right(s: str, start: int, R: _Rules) -> tuple[int, bool]:
    """Where a field term's tail after its first word ends: before a break or an opener."""
    limit = min(len(s), start + MAX_STEM["field"])
    i = start
    while i < limit and _WORD_CHAR.match(s[i]) and s[i] not in R.breaks:
        i += 1
    edge = i < limit or i == len(s) or not _WORD_CHAR.match(s[i]) or s[i] in R.breaks
    m = R.openers.search(s, start, i)
    if m is not None:               # …before an opener, whose first character is the neighbour (数据主管|部门)
        i, edge = m.start(), False
    return i, edge


def _neighbour(s: str, i: int) -> str | None:
    return s[i] if 0 <= i < len(s) and _WORD_CHAR.match(s[i]) else _EDGE


def candidates_in(sentence: str, kinds: Iterable[str] = KINDS) -> Iterator[tuple[str, str, int, int, str | None, str | None]]:
    """(kind, anchor, start, end, left neighbour, right neighbour) of every candidate term in
    a sentence; a neighbour is None where the open side reached a break (a boundary)."""
    R = _rules()
    s = _TITLE.sub(lambda m: "。" * len(m.group(0)), sentence) if "《" in sentence else sentence
    wanted = set(kinds)
    seen: set[tuple[int, int, str]] = set()
    for a in R.anchors:
        if a.kind not in wanted:
            continue
        for m in a.rx.finditer(s):
            head, hs, he = m.group(0), m.start(), m.end()
            if any(s.startswith(w, he) for w in a.not_before.get(head, ())):
                continue
            if hs > 0 and s[hs - 1] in a.not_after.get(head, ()):
                continue
            if a.right:
                lo, edge = _stem_left(s, hs, a.kind, R)
                for st in range(hs - MIN_STEM, lo - 1, -1):   # stems of MIN_STEM… characters
                    key = (st, he, a.kind)
                    if key in seen or (a.kind == "org" and s[st] in R.org_keeps):
                        continue
                    seen.add(key)
                    left = _EDGE if st == lo and edge else _neighbour(s, st - 1)
                    yield a.kind, head, st, he, left, _neighbour(s, he)
            else:
                hi, edge = _stem_right(s, he, R)
                left = _EDGE if (hs == 0 or s[hs - 1] in R.breaks or not _WORD_CHAR.match(s[hs - 1])
                                 or R.field_opener_before.search(s, max(0, hs - 4), hs)) else s[hs - 1]
                for en in range(he + MIN_STEM, hi + 1):
                    key = (hs, en, a.kind)
                    if key in seen or s.endswith(R.not_fields, hs, en):
                        continue
                    seen.add(key)
                    right = _EDGE if en == hi and edge else _neighbour(s, en)
                    yield a.kind, head, hs, en, left, right


# --- mining --------------------------------------------------------------------------------------

@dataclass(slots=True)
class _Stats:
    kind: str
    anchor: str
    right: bool
    count: int = 0
    df: int = 0
    last_doc: int = -1
    left: Counter = field(default_factory=Counter)
    right_n: Counter = field(default_factory=Counter)
    left_edges: int = 0
    right_edges: int = 0
    examples: list[Example] = field(default_factory=list)
    example_docs: set[int] = field(default_factory=set)
    prefixes: Counter = field(default_factory=Counter)


def _window(sentence: str, start: int, end: int, width: int = 40) -> str:
    a, b = max(0, start - width), min(len(sentence), end + width)
    return ("…" if a else "") + sentence[a:b] + ("…" if b < len(sentence) else "")


def _closed(counts: Counter, edges: int, total: int) -> bool:
    """An open side is a term boundary when no single neighbour takes more than DOMINANCE of
    the occurrences and a break stands there in at least MIN_EDGES of them."""
    return edges >= MIN_EDGES * total and (not counts or max(counts.values()) <= DOMINANCE * total)


def mine_texts(docs: Iterable[tuple[str, Iterable[str]]], kinds: Iterable[str] = KINDS, min_df: int = 3,
               top: int | None = 200, new_only: bool = False) -> list[Candidate]:
    """Candidates from ``(file, sentences)`` pairs: at most ``top`` per kind, most documents first."""
    kinds = tuple(k for k in KINDS if k in set(kinds))
    corpus = [(name, [str(x) for x in sents]) for name, sents in docs]
    df = _document_frequency(corpus, kinds)
    stats = _neighbours(corpus, kinds, {key for key, n in df.items() if n >= min_df})
    kept = {key: st for key, st in stats.items() if _closed(st.left, st.left_edges, st.count)
            and (st.right or _closed(st.right_n, st.right_edges, st.count))}
    out = _fold_orgs([key for key in kept if key[0] == "org"], kept)
    out += [_candidate(term, kept[(k, term)]) for k, term in kept if k != "org"]
    out = _drop_generic_tails(out)
    for c in out:
        c.known = _known(c)
    if new_only:
        out = [c for c in out if c.known is None]
    out.sort(key=lambda c: (KINDS.index(c.kind), -c.df, -c.count, c.term))
    return out if top is None else _top(out, top)


def _top(cands: list[Candidate], top: int) -> list[Candidate]:
    """The first ``top`` candidates of each kind."""
    rank: Counter = Counter()
    out = []
    for c in cands:
        rank[c.kind] += 1
        if rank[c.kind] <= top:
            out.append(c)
    return out


def _document_frequency(corpus: list[tuple[str, list[str]]], kinds: tuple[str, ...]) -> Counter:
    """Pass 1: in how many documents each (kind, candidate string) occurs."""
    df: Counter = Counter()
    for _name, sents in corpus:
        df.update({(k, s[a:b]) for s in sents for k, _h, a, b, _l, _r in candidates_in(s, kinds)})
    return df


def _neighbours(corpus: list[tuple[str, list[str]]], kinds: tuple[str, ...],
                frequent: set[tuple[str, str]]) -> dict[tuple[str, str], _Stats]:
    """Pass 2: occurrences, neighbours, prefixes and examples of the frequent candidates."""
    stats: dict[tuple[str, str], _Stats] = {}
    for d, (name, sents) in enumerate(corpus):
        for s in sents:
            for k, head, a, b, left, right in candidates_in(s, kinds):
                if (k, s[a:b]) not in frequent:
                    continue
                st = stats.get((k, s[a:b]))
                if st is None:
                    st = stats[(k, s[a:b])] = _Stats(k, head, s[a:b].endswith(head))
                _count(st, d, s, a, left, right)
                if d not in st.example_docs and len(st.examples) < 2:
                    st.example_docs.add(d)
                    st.examples.append(Example(name, _window(s, a, b)))
    return stats


def _count(st: _Stats, d: int, s: str, a: int, left: str | None, right: str | None) -> None:
    st.count += 1
    if st.last_doc != d:
        st.last_doc, st.df = d, st.df + 1
    if left is _EDGE:
        st.left_edges += 1
    else:
        st.left[left] += 1
    if right is _EDGE:
        st.right_edges += 1
    else:
        st.right_n[right] += 1
    if st.kind == "org":
        p = _prefix_before(s, a)
        if p:           # a level prefix or place name: a boundary, which may still dominate (市|场监管局)
            st.prefixes[p] += 1
            if left is not _EDGE:
                st.left_edges += 1


def _candidate(term: str, st: _Stats, prefixes: tuple[tuple[str, int], ...] = ()) -> Candidate:
    return Candidate(term, st.kind, st.anchor, st.df, st.count, None, prefixes, tuple(st.examples))


def _prefix_before(s: str, i: int) -> str | None:
    """The place name (武汉市, 湖北省) or level prefix (省, 市委) written right before ``s[i:]``."""
    v = vocabulary()
    for n in range(min(i, 6), 1, -1):
        if v.lookup(s[i - n:i], "region"):
            return s[i - n:i]
    return next((p for p in _rules().level_prefixes if s.startswith(p, max(0, i - len(p)), i)), None)


def _is_prefix(word: str) -> bool:
    return word in _rules().level_prefixes or bool(vocabulary().lookup(word, "region"))


def _coordinated(term: str, kept: dict[tuple[str, str], _Stats]) -> bool:
    """专门委员会和常务委员会: two names joined, the second a name of its own."""
    R = _rules()
    for i, ch in enumerate(term):
        if ch in R.org_keeps and ("org", term[i + 1:]) in kept:
            first = term[:i]
            if ("org", first) in kept or first.endswith(R.org_suffixes):
                return True
    return False


def _fold_orgs(keys: list[tuple[str, str]], kept: dict[tuple[str, str], _Stats]) -> list[Candidate]:
    """省大数据局, 市大数据局 → 大数据局 with prefixes 省, 市: a name that is a kept name with a
    level prefix or place name in front gives way to it, and so does one with a short word in
    front that it is rarely seen with (提请|常务委员会, 报市|人民代表大会常务委员会)."""
    out = []
    for _, term in keys:
        if _coordinated(term, kept) or _extended(term, kept):
            continue
        st = kept[("org", term)]
        pre = tuple(sorted(st.prefixes.items(), key=lambda kv: (-kv[1], kv[0])))
        out.append(_candidate(term, st, pre))
    return out


def _extended(term: str, kept: dict[tuple[str, str], _Stats]) -> bool:
    i = next((i for i in range(1, len(term) - 2) if ("org", term[i:]) in kept), None)
    if i is None:
        return False
    word = term[:i]
    p = next((word[j:] for j in range(len(word)) if _is_prefix(word[j:])), "")
    word = word[:len(word) - len(p)]
    return not word or (len(word) <= SHORT_WORD and kept[("org", term)].count < RARE * kept[("org", term[i:])].count)


def _drop_generic_tails(cands: list[Candidate]) -> list[Candidate]:
    """A field term that is a shorter field candidate + a work word (数据标注产业) gives way to it."""
    tails = _rules().generic_tails
    fields = {c.term for c in cands if c.kind == "field"}
    return [c for c in cands if c.kind != "field"
            or not any(c.term.endswith(t) and c.term[:-len(t)] in fields for t in tails)]


_PREFERRED = {"org": ("act", "role"), "tool": ("inst",), "field": ("dom",)}


def _known(c: Candidate) -> str | None:
    """The concept whose label the term is (else a prefixed form of it, 省数据局): its own kind's
    scheme first, then any lexicon scheme, then any; else the domain the term is a label of plus
    a work word."""
    v = vocabulary()
    order = _PREFERRED[c.kind] + LEXICON_SCHEMES
    for forms in ([c.term], [p + c.term for p, _ in c.prefixes]):
        found = [x for f in forms for x in v.lookup(f)]
        if found:
            best = min(found, key=lambda x: order.index(x.scheme) if x.scheme in order else len(order))
            return f"{best.scheme}:{best.key}"
    for tail in _rules().generic_tails:      # 算力中心: the field 算力 and a work word (the shortest surface)
        head = c.term[:-len(tail)]
        if c.term.endswith(tail) and head and v.lookup(head, "domain"):
            return "dom:" + v.lookup(head, "domain")[0].key
    return None


def mine(paths: Iterable[str | Path], kinds: Iterable[str] = KINDS, min_df: int = 3, top: int | None = 200,
         new_only: bool = False, errors: list[str] | None = None) -> list[Candidate]:
    """Candidates from the documents under ``paths`` (read as ``policykg ingest`` reads them);
    files that cannot be read are skipped and listed in ``errors``."""
    from policykg.extract.document.ingest import iter_documents
    roots = [Path(p) for p in paths]

    def shown(path: str) -> str:
        p = Path(path)
        for r in roots:
            if r.is_dir():
                try:
                    return p.relative_to(r).as_posix()
                except ValueError:
                    continue
        return p.name

    def texts() -> Iterator[tuple[str, list[str]]]:
        for r in iter_documents(roots):
            if r.document is None:
                if errors is not None:
                    errors.append(f"{r.path}: {r.error}")
                continue
            yield shown(r.document.path), [s.text for s in r.document.sentences]
    return mine_texts(texts(), kinds=kinds, min_df=min_df, top=top, new_only=new_only)
