"""Citations: documents cited by title, with date, issuers and the number of co-issuers.

``2023年12月，国家数据局等十七部门印发《“数据要素×”三年行动计划（2024—2026年）》``
→ title ``“数据要素×”三年行动计划（2024—2026年）``, date 2023-12, issuers
[国家数据局], issuer count 17.  Co-issuers listed with 、 or 与 are each an
issuer; ``同年12月`` takes the year of the previous date in the paragraph,
``同期``/``同步`` the previous citation's date.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from policykg.extract.document.model import Document
from policykg.extract.document.structure import chinese_number
from policykg.extract.records import CitationRecord
from policykg.extract.stage import stage
from policykg.extract.stages.actors import Actor, resolve_actors
from policykg.extract.stages.mentions import SentenceMentions
from policykg.ontology.doctypes import title_doc_type
from policykg.ontology.rules import alternation, rules

__all__ = ["Citation", "find_citations", "is_document_title", "CitationState"]

_DATE = re.compile(r"(20\d\d|19\d\d)年(\d{1,2})月(?:(\d{1,2})日)?")
_SAME_YEAR = re.compile(r"同年(\d{1,2})月")
_SAME_TIME = re.compile(r"同期|同步|同时")
_COUNT = re.compile(rf"等([一二三四五六七八九十百\d]+)(?:个)?(?:{alternation(rules('documents')['co_issuer_nouns'])})"
                    r"|([一二三四五六七八九十\d]+)(?:部委|部门)(?:联合)?")
_REPORT_YEAR = re.compile(r"(?:报告|白皮书|蓝皮书)\s*\d{4}$")


def is_document_title(title: str) -> bool:
    """A 《》 title that names a document (ends with a document type)."""
    if title_doc_type(title)[0] is not None or _REPORT_YEAR.search(title):
        return True
    return bool(re.search(r"条例|法$|规划纲要", title))


@dataclass(slots=True)
class Citation:
    start: int
    end: int
    title: str
    date: str | None
    issuers: list[Actor] = field(default_factory=list)
    issuer_count: int | None = None

    @property
    def id(self) -> str:
        return "cited:" + hashlib.sha1(self.title.encode("utf-8")).hexdigest()[:12]


@dataclass(slots=True)
class CitationState:
    """Carried from sentence to sentence within a document: the last year and date seen."""

    year: str | None = None
    date: str | None = None


def _cn_int(s: str) -> int | None:
    return chinese_number(s)


def find_citations(text: str, sent_start: int, sent_end: int, mentions: SentenceMentions,
                   state: CitationState) -> list[Citation]:
    out: list[Citation] = []
    titles = [t for t in mentions.titles if is_document_title(t[2])]
    dates = [m for m in _DATE.finditer(text, sent_start, sent_end)]
    prev_end = sent_start
    for a, b, title in titles:
        if out and not text[prev_end:a].strip("、和与及"):
            # 《A》《B》 or 《A》、《B》: issued together
            prev = out[-1]
            out.append(Citation(a, b, title, prev.date, list(prev.issuers), prev.issuer_count))
            prev_end = b
            continue
        intro = text[prev_end:a]
        date = None
        before = [m for m in dates if prev_end <= m.start() < a]
        if before:
            m = before[-1]
            date = f"{m.group(1)}-{int(m.group(2)):02d}" + (f"-{int(m.group(3)):02d}" if m.group(3) else "")
        elif (sy := _SAME_YEAR.search(intro)) and state.year:
            date = f"{state.year}-{int(sy.group(1)):02d}"
        elif _SAME_TIME.search(intro) and state.date:
            date = state.date
        issuers = [x for x in mentions.actors if prev_end <= x.start and x.end <= a
                   and (not x.generic or x.cls in ("GovernmentBody", "Department", "Legislature"))]
        for h in _title_head_actors(title):       # 《农业农村部关于大力发展智慧农业的指导意见》
            if all(h.id != x.id for x in issuers):
                issuers.append(h)
        cm = _COUNT.search(intro)
        count = _cn_int(cm.group(1) or cm.group(2)) if cm else None
        out.append(Citation(a, b, title, date, issuers, count))
        prev_end = b
        if date:
            state.date = date
    for m in dates:
        state.year = m.group(1)
    return out


def _title_head_actors(title: str) -> list[Actor]:
    found = resolve_actors(title[:20], None)
    return [a for a in found if a.start == 0 and not a.generic]


# --- the stage ------------------------------------------------------------------------


@stage("citations", requires=("sentences", "mentions"), assigns=("citations",), order=40)
def citations(doc: Document) -> Document:
    """Every outer 《…》 document title, with its date and issuers where the sentence gives them."""
    state = CitationState()
    out = []
    for s, m in zip(doc.sentences, doc.layers["mentions"], strict=True):
        for c in find_citations(doc.text, s.start, s.end, m, state):
            out.append(CitationRecord(
                doc=doc.id, provision=s.provision, sentence_id=s.id, sentence=s.text, id=c.id, label=c.title,
                text=doc.text[c.start:c.end], start=c.start, end=c.end, title=c.title, date=c.date,
                issuers=tuple(a.label for a in c.issuers), issuer_ids=tuple(a.id for a in c.issuers),
                issuer_count=c.issuer_count, doc_type=title_doc_type(c.title)[0]))
    doc.layers["citations"] = out
    return doc
