"""Find vocabulary labels in text with one Aho–Corasick automaton.

The automaton holds every zh label of the lexicon schemes (instruments,
domains, actor roles, named actors, regions).  :meth:`Matcher.find` returns,
per kind, the leftmost-longest non-overlapping matches; matches of different
kinds may overlap (``数据标注基地`` is an instrument containing the domain
``数据标注``, ``算力券`` one containing ``算力``).  Latin labels such as ``AI`` or ``5G`` only match on word
boundaries; a Chinese label crossing a word boundary (``加大数据`` is not ``大数据``, ``数据集团`` not
``数据集``: rules/mentions.yaml ``word_boundaries``) is no match, and the words inside it stay.

>>> m = Matcher.from_vocabulary()
>>> [(h.text, h.kind) for h in m.find("探索发放“算力券”“算法券”，支持数据标注基地建设")]
[('算力', 'domain'), ('算力券', 'instrument'), ('算法券', 'instrument'), ('数据标注', 'domain'), ('数据标注基地', 'instrument')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter

from policykg.extract.records import fast_frozen_init
from policykg.ontology import LEXICON_SCHEMES, Concept, vocabulary
from policykg.ontology.rules import rules

__all__ = ["Matcher", "Hit", "matcher"]

_LATIN = re.compile(r"[A-Za-z0-9]")
_BY_SPAN_KIND = attrgetter("start", "end", "kind")
_BOUNDARIES = rules("mentions")["word_boundaries"]
#: 加大|数据: a match starting with the last character of one of these words crosses a boundary
_CROSS_BEFORE = frozenset(_BOUNDARIES["crossing_before"])
#: 数据|集团: a match ending with the first character of one of these words crosses a boundary
_CROSS_AFTER = frozenset(_BOUNDARIES["crossing_after"])
_CROSS_BEFORE_END = frozenset(w[-1] for w in _CROSS_BEFORE)     # a match starting with one of these…
_CROSS_AFTER_START = frozenset(w[0] for w in _CROSS_AFTER)      # … or ending with one of these is checked


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    text: str
    kind: str                   # instrument | domain | actor | region
    concepts: tuple[Concept, ...]

    @property
    def concept(self) -> Concept:
        return self.concepts[0]


fast_frozen_init(Hit)                  # hits are made by the ten thousand: a cheaper __init__, same fields


class Matcher:
    def __init__(self, lexicon: dict[str, list[Concept]]):
        import ahocorasick
        self._auto = ahocorasick.Automaton()
        by_label: dict[str, dict[str, list[Concept]]] = {}
        for label, concepts in lexicon.items():
            if not label:
                continue
            for c in concepts:
                by_label.setdefault(label, {}).setdefault(c.kind, []).append(c)
        for label, kinds in by_label.items():
            # everything find() needs about a label, computed once: its length, whether it starts or
            # ends with a Latin character, whether it may cross a word boundary, its concepts by kind
            self._auto.add_word(label, (label, len(label), bool(_LATIN.match(label[0])),
                                        bool(_LATIN.match(label[-1])), label[0] in _CROSS_BEFORE_END,
                                        label[-1] in _CROSS_AFTER_START,
                                        tuple((k, tuple(v)) for k, v in kinds.items())))
        self._auto.make_automaton()

    @classmethod
    def from_vocabulary(cls, schemes: tuple[str, ...] = LEXICON_SCHEMES) -> Matcher:
        return cls(vocabulary().lexicon(schemes))

    def find(self, text: str, start: int = 0, end: int | None = None,
             kinds: tuple[str, ...] | None = None) -> list[Hit]:
        """Leftmost-longest matches per kind in ``text[start:end]``, sorted by position."""
        end = len(text) if end is None else end
        n_text = len(text)
        latin = _LATIN.match
        raw: dict[str, list[tuple[int, int, str, tuple[Concept, ...]]]] = {}
        # iter() over the slice: iter(text, start, end) copies the whole text on each call (quadratic)
        for last, (label, n, latin_start, latin_end, cross_before, cross_after, payload) in \
                self._auto.iter(text[start:end]):
            last += start
            s = last - n + 1
            if latin_start and s > 0 and latin(text[s - 1]):
                continue
            if latin_end and last + 1 < n_text and latin(text[last + 1]):
                continue
            if (cross_before and s > start and text[s - 1:s + 1] in _CROSS_BEFORE) or \
                    (cross_after and text[last:last + 2] in _CROSS_AFTER):
                continue
            for kind, concepts in payload:
                if kinds is None or kind in kinds:
                    bucket = raw.get(kind)
                    if bucket is None:
                        bucket = raw[kind] = []
                    bucket.append((s, -n, label, concepts))
        out: list[Hit] = []
        for kind, hits in raw.items():
            hits.sort()                        # by start, longest first (one label per start and length)
            taken_end = -1
            for s, neg_n, label, concepts in hits:
                if s >= taken_end:
                    taken_end = s - neg_n
                    out.append(Hit(s, taken_end, label, kind, concepts))
        if len(raw) > 1:
            out.sort(key=_BY_SPAN_KIND)
        return out


@lru_cache(maxsize=1)
def matcher() -> Matcher:
    """The process-wide matcher over the ontology's lexicon schemes."""
    return Matcher.from_vocabulary()
