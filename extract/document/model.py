"""The typed records passed between the ingestion stages.

read → :class:`RawText` → normalize → :class:`~extract.textmap.MappedText`
→ structure → :class:`Document` (provisions, sentences, footnotes, metadata).
All offsets are character offsets into ``Document.text`` (the normalized
text); ``Document.source_span`` maps them back to ``Document.source``.
"""

from __future__ import annotations

from collections.abc import Iterator
from copy import deepcopy
from dataclasses import dataclass, field, fields
from itertools import groupby
from operator import attrgetter
from typing import Any

from policykg.extract.records import Record
from policykg.textmap import MappedText

__all__ = ["RawText", "DocumentMeta", "Provision", "Sentence", "Footnote", "Document",
           "LEVELS"]

_SENTENCE_ID = attrgetter("sentence_id")

#: Provision levels, outermost first.  Each level's id segment prefix is the
#: second element (``heilongjiang-2024/ch6/art74/p3``).  The ontology's
#: provision-level scheme has one concept per key (a test checks they agree).
LEVELS: dict[str, str] = {
    "title": "title",        # the document title block
    "notice": "notice",      # a transmittal notice before the title (印发通知)
    "preamble": "pre",       # text before the first numbered unit
    "book": "bk",            # 编
    "chapter": "ch",         # 章
    "section": "sec",        # 节
    "article": "art",        # 条
    "part": "pt",            # 一、 / 一. (plans, reports: 篇; decisions: numbered points)
    "item": "it",            # （一） — 项 inside an article, sub-part in a plan
    "number": "n",           # 1. / 1、
    "subnumber": "sn",       # （1）
    "box": "box",            # 专栏 N
    "paragraph": "p",        # 款 — a paragraph of body text
    "enum": "en",            # 一是 / 二是 … inside a paragraph
    "footnote": "fn",        # [1] 数据来源：…
    "closing": "end",        # signature / date block after the body
}


@dataclass(slots=True)
class RawText:
    """A decoded input file.

    ``source`` is the full decoded text of the file (for .docx/.pdf/.html the
    text the reader extracted).  ``body_start`` is where the body begins after
    any front matter.
    """

    path: str
    format: str
    encoding: str
    source: str
    body_start: int = 0
    front_matter: dict[str, Any] = field(default_factory=dict)
    sha256: str = ""


@dataclass(slots=True)
class DocumentMeta:
    title: str = ""
    doc_type: str | None = None           # doc-type concept key, e.g. "regulation"
    doc_type_label: str | None = None     # the matched Chinese label, e.g. "条例"
    issuers: list[str] = field(default_factory=list)
    #: the issuers resolved to actors by the ``issuers`` stage (ActorRef JSON objects)
    issuer_actors: list[dict[str, Any]] = field(default_factory=list)
    adopted: str | None = None            # ISO date the issuing body adopted/passed it
    issued: str | None = None             # ISO date of issue/publication
    effective: str | None = None          # ISO date it takes effect
    jurisdiction: str | None = None       # region key, e.g. "heilongjiang"
    jurisdiction_label: str | None = None  # e.g. "黑龙江省"
    status: str | None = None
    source_url: str | None = None
    source_id: str | None = None          # an id given by the source (front matter ``id``)
    inferred: dict[str, str] = field(default_factory=dict)  # field → how it was found


@dataclass(slots=True)
class Provision:
    id: str
    level: str
    number: int | None
    label: str            # the marker as written, e.g. "第七十四条", "（一）", "专栏 4"
    heading: str          # heading text after the marker, if any
    start: int
    end: int
    parent: str | None
    children: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Sentence:
    id: str
    provision: str
    start: int
    end: int
    text: str
    footnotes: list[str] = field(default_factory=list)   # footnote ids cited here


@dataclass(slots=True)
class Footnote:
    id: str
    number: int
    text: str
    start: int
    end: int
    cited_by: list[str] = field(default_factory=list)    # sentence ids


@dataclass(slots=True)
class Document:
    id: str
    path: str
    format: str
    encoding: str
    sha256: str
    text: str
    mapped: MappedText
    source: str
    meta: DocumentMeta
    provisions: list[Provision] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    #: annotation layers assigned by the extraction stages, in the order they were assigned:
    #: name → list (record layers hold :class:`~policykg.extract.records.Record` items)
    layers: dict[str, list[Any]] = field(default_factory=dict)

    def records(self) -> Iterator[Record]:
        """Every record of every layer, in text order: sentence by sentence, and within a
        sentence layer by layer in the order the stages assigned them."""
        by_sentence: dict[str, list[Record]] = {}      # layer by layer, so each sentence's are in layer order
        for items in self.layers.values():
            if not items or not isinstance(items[0], Record):
                continue
            for sid, run in groupby(items, key=_SENTENCE_ID):     # a layer comes in runs of one sentence
                found = by_sentence.get(sid)
                if found is None:
                    by_sentence[sid] = list(run)
                else:
                    found.extend(run)
        for s in self.sentences:
            found = by_sentence.get(s.id)
            if found:
                yield from found

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Character span in the original (decoded) file for ``text[start:end]``."""
        return self.mapped.source_span(start, end)

    def source_segments(self, start: int, end: int) -> list[tuple[int, int]]:
        """The source spans ``text[start:end]`` came from, in order.

        Usually one span.  A sentence rejoined across a page break that had
        footnotes or a running header in between comes from two or more
        spans; plain blank lines between the halves stay inside one span.
        """
        origin = self.mapped.origin
        segs: list[list[int]] = []
        for i in range(start, end):
            o = origin[i]
            if segs and o > segs[-1][1] - 1:
                gap = self.source[segs[-1][1]:o]
                if not gap.strip() or "\n" not in gap:
                    segs[-1][1] = o + 1
                    continue
            if segs and segs[-1][0] <= o < segs[-1][1]:
                continue
            segs.append([o, o + 1])
        return [(a, b) for a, b in segs]

    def provision(self, pid: str) -> Provision:
        for p in self.provisions:
            if p.id == pid:
                return p
        raise KeyError(pid)

    def level_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for p in self.provisions:
            counts[p.level] = counts.get(p.level, 0) + 1
        return counts

    def to_dict(self, with_source_offsets: bool = True) -> dict[str, Any]:
        """Plain JSON-ready data: metadata, provisions, sentences, footnotes."""
        def spans(d: dict[str, Any]) -> dict[str, Any]:
            if with_source_offsets:
                d["source_start"], d["source_end"] = self.source_span(d["start"], d["end"])
            return d
        return {
            "id": self.id,
            "path": self.path,
            "format": self.format,
            "encoding": self.encoding,
            "sha256": self.sha256,
            "meta": deepcopy(_row(self.meta)),
            "text": self.text,
            "provisions": [spans(_row(p)) for p in self.provisions],
            "sentences": [spans(_row(s)) for s in self.sentences],
            "footnotes": [spans(_row(f)) for f in self.footnotes],
        }


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _row(obj: Any) -> dict[str, Any]:
    """``dataclasses.asdict`` for a flat record (its fields in order, lists copied) without the
    recursive deep copy, which was a sixth of the time of an extraction with its serialization."""
    names = _FIELD_NAMES.get(type(obj))
    if names is None:
        names = _FIELD_NAMES[type(obj)] = tuple(f.name for f in fields(obj))
    row = {}
    for name in names:
        value = getattr(obj, name)
        row[name] = value.copy() if isinstance(value, (list, dict)) else value
    return row
