"""Citations: documents cited by title, with date, issuers and the number of co-issuers.

``2023年12月，国家数据局等十七部门印发《“数据要素×”三年行动计划（2024—2026年）》``
→ title ``“数据要素×”三年行动计划（2024—2026年）``, date 2023-12, issuers
[国家数据局], issuer count 17.  Co-issuers listed with 、 or 与 are each an
issuer; ``同年12月`` takes the year of the previous date in the paragraph,
``同期``/``同步`` the previous citation's date.  An issuer written in the cited title
(``《广东省人民政府关于…的意见》``, ``《中共中央办公厅、国务院办公厅关于…》``) is one too,
resolved in its own jurisdiction.  An alias (``（以下简称《行动方案》）``) is no citation; the
document's own title (``现将《…》印发给你们``, ``我们组织编制了《…》``, or its title as the
metadata give it) is marked ``self_reference``: it names this document, not another one.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from policykg.extract.document.metadata import title_issuers
from policykg.extract.document.model import Document
from policykg.extract.document.structure import chinese_number
from policykg.extract.records import ActorRef, CitationRecord
from policykg.extract.stage import stage
from policykg.extract.stages.actors import Actor
from policykg.extract.stages.issuers import issuer_actors
from policykg.extract.stages.mentions import SentenceMentions
from policykg.ontology.doctypes import title_doc_type
from policykg.ontology.rules import alternation, rules

__all__ = ["Citation", "find_citations", "is_document_title", "is_own_title", "CitationState"]

_DATE = re.compile(r"(20\d\d|19\d\d)年(\d{1,2})月(?:(\d{1,2})日)?")
_SAME_YEAR = re.compile(r"同年(\d{1,2})月")
_SAME_TIME = re.compile(r"同期|同步|同时")
_COUNT = re.compile(rf"等([一二三四五六七八九十百\d]+)(?:个)?(?:{alternation(rules('documents')['co_issuer_nouns'])})"
                    r"|([一二三四五六七八九十\d]+)(?:部委|部门)(?:联合)?")
_REPORT_YEAR = re.compile(r"(?:报告|白皮书|蓝皮书)\s*\d{4}$")
_DOC_WORDS = rules("documents")
# （以下简称《行动方案》）: a short name for a title just cited
_ALIAS = re.compile(rf"(?:{alternation(_DOC_WORDS['alias_markers'])})[：:]?\s*$")
# 《…》已经省人民政府同意，现印发给你们 / 《…》…，现予公布: the title of the document being issued
_OWN_AFTER = re.compile(rf"^(?:（[^（）]*）)*\s*(?:[^。；《》]{{0,120}}?[，,]\s*)?现(?:予以|予)?"
                        rf"(?:{alternation(_DOC_WORDS['transmittal_verbs'])})")
# 现将《…》印发给你们 / 我们组织编制了《…》
_OWN_BEFORE = re.compile(rf"(?:现将|(?:{alternation(_DOC_WORDS['first_person'])})[^，。；《》]{{0,20}}?"
                         rf"(?:{alternation(_DOC_WORDS['drafting_verbs'])})了?)\s*$")
# 关于印发《…》的通知: a transmittal notice's title holds the title of what it issues
_OWN_IN_TITLE = re.compile(rf"(?:{alternation(_DOC_WORDS['transmittal_verbs'] + _DOC_WORDS['transmittal_title_verbs'])})$")
_OWN_TITLE_END = re.compile(rf"^(?:（[^（）]*）)*(?:意见)?(?:的(?:{alternation(_DOC_WORDS['transmittal_title_types'])}))?$")


def _norm(title: str) -> str:
    return re.sub(r"[\s《》〈〉<>“”\"'·]", "", title).replace("(", "（").replace(")", "）")


def is_own_title(title: str, own: str | None) -> bool:
    """The document's own title, or the title its transmittal notice issues (关于印发《T》的通知).

    >>> is_own_title("湖北省加快发展数据标注产业建设高质量数据集实施方案",
    ...              "省数据局等七部门关于印发《湖北省加快发展数据标注产业建设高质量数据集实施方案》的通知")
    True
    >>> is_own_title("北京市数据条例", "北京市数据条例实施方案")
    False
    """
    if not own:
        return False
    t, o = _norm(title), _norm(own)
    if not t:
        return False
    if t == o:
        return True
    i = o.find(t)
    return i > 0 and bool(_OWN_IN_TITLE.search(o[:i])) and bool(_OWN_TITLE_END.match(o[i + len(t):]))


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
    issuers: list[Actor | ActorRef] = field(default_factory=list)
    issuer_count: int | None = None
    self_reference: bool = False

    @property
    def id(self) -> str:
        return "cited:" + hashlib.sha1(self.title.encode("utf-8")).hexdigest()[:12]


@dataclass(slots=True)
class CitationState:
    """Carried from sentence to sentence within a document: the last year and date seen, and
    what the document knows of itself (its title and region)."""

    year: str | None = None
    date: str | None = None
    own_title: str | None = None
    jurisdiction: str | None = None


def _cn_int(s: str) -> int | None:
    return chinese_number(s)


def find_citations(text: str, sent_start: int, sent_end: int, mentions: SentenceMentions,
                   state: CitationState) -> list[Citation]:
    out: list[Citation] = []
    titles = [t for t in mentions.titles if is_document_title(t[2])
              and not _ALIAS.search(text, max(sent_start, t[0] - 8), t[0])]
    dates = [m for m in _DATE.finditer(text, sent_start, sent_end)]
    prev_end = sent_start
    shared: list[Actor | ActorRef] = []
    for a, b, title in titles:
        own = (is_own_title(title, state.own_title) or bool(_OWN_AFTER.match(text[b:sent_end]))
               or bool(_OWN_BEFORE.search(text, max(sent_start, a - 30), a)))
        if out and not text[prev_end:a].strip("、和与及"):
            # 《A》《B》 or 《A》、《B》: issued together
            prev = out[-1]
            together = list(shared)               # the issuers written before the first title, not its own
            for h in _title_head_actors(title, state.jurisdiction):
                if all(h.id != x.id for x in together):
                    together.append(h)
            out.append(Citation(a, b, title, prev.date, together, prev.issuer_count, own))
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
        issuers: list[Actor | ActorRef] = [
            x for x in mentions.actors if prev_end <= x.start and x.end <= a
            and (not x.generic or x.cls in ("GovernmentBody", "Department", "Legislature"))]
        shared = list(issuers)
        for h in _title_head_actors(title, state.jurisdiction):   # 《农业农村部关于大力发展智慧农业的指导意见》
            if all(h.id != x.id for x in issuers):
                issuers.append(h)
        cm = _COUNT.search(intro)
        count = _cn_int(cm.group(1) or cm.group(2)) if cm else None
        out.append(Citation(a, b, title, date, issuers, count, own))
        prev_end = b
        if date:
            state.date = date
    for m in dates:
        state.year = m.group(1)
    return out


def _title_head_actors(title: str, jurisdiction: str | None) -> list[ActorRef]:
    """The issuers a cited title is headed by, each in its own jurisdiction (《广东省人民政府关于…》 is
    Guangdong's government wherever it is cited; 《省人民政府关于…》 the province of ``jurisdiction``)."""
    out: list[ActorRef] = []
    for name in title_issuers(title):
        out += [r for r in issuer_actors(name, jurisdiction) if all(r.id != x.id for x in out)]
    return out


# --- the stage ------------------------------------------------------------------------


@stage("citations", requires=("sentences", "mentions"), assigns=("citations",), order=40)
def citations(doc: Document) -> Document:
    """Every outer 《…》 document title, with its date and issuers where the sentence gives them."""
    state = CitationState(own_title=doc.meta.title or None, jurisdiction=doc.meta.jurisdiction)
    out = []
    for s, m in zip(doc.sentences, doc.layers["mentions"], strict=True):
        for c in find_citations(doc.text, s.start, s.end, m, state):
            out.append(CitationRecord(
                doc=doc.id, provision=s.provision, sentence_id=s.id, sentence=s.text, id=c.id, label=c.title,
                text=doc.text[c.start:c.end], start=c.start, end=c.end, title=c.title, date=c.date,
                issuers=tuple(a.label for a in c.issuers), issuer_ids=tuple(a.id for a in c.issuers),
                issuer_count=c.issuer_count, doc_type=title_doc_type(c.title)[0],
                self_reference=c.self_reference or None))
    doc.layers["citations"] = out
    return doc
