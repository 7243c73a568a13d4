"""Measures: actionable clauses with agent, modality, action, instruments, domains, beneficiaries.

The cue words come from the ontology's modality scheme (``skos:hiddenLabel``):
应当/必须 → 义务, 可以 → 授权, 鼓励/支持/引导/推动 → 倡导, 不得/禁止 → 禁止.  The
rules (tests/gold/GUIDE.md, "measure"):

1. a clause with a strong cue (应当, 必须, 可以, 不得, 禁止, 严禁) starts a measure;
2. a soft cue (鼓励, 支持, 引导, 推动, 倡导) at the start of a clause starts one —
   under a strong cue in the same sentence only when it encourages another actor;
3. an explicit government or department subject with a duty verb (负责, 统筹,
   做好…) is a declarative duty, 义务;
4. other clauses continue the current measure; purpose sentences, definitions
   and quoted words make none.

Agents are the subject actors of the measure's first clause (plus 会同 partners),
inherited within a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from policykg.ontology import vocabulary

from policykg.extract.document.model import Document, Sentence
from policykg.extract.records import MeasureRecord, record_id
from policykg.extract.stage import stage
from policykg.extract.stages.actors import Actor
from policykg.extract.stages.mentions import SentenceMentions, quote_spans

__all__ = ["Measure", "find_measures", "cues"]

# under 应当, these start a measure of their own when another actor is encouraged (鼓励高等学校…完善…)
_ENCOURAGES_ACTOR = ("鼓励", "支持", "引导", "倡导", "提倡")
_DUTY = ("负责", "统筹", "主管", "做好", "承担", "组织实施", "组织", "指导", "监督")
_ADVERBIAL = re.compile(
    r"(?:[一二三四五六七八九十]+是)?"
    r"(?:(?:依照|按照|根据|依据)[^，；：]{0,30}(?:法律|法规|规定|要求|需要|实际|情况)(?:的规定)?"
    r"|积极稳妥|积极|大力|全力|加快|进一步|着力|持续|重点|因地制宜|有序|深入|主动|切实|不断|依法依规|依法|"
    r"同时|并且|并|还|也|要|优先|充分|稳步|全面|共同|联合|每年|逐年|逐步|率先|努力|力争)*")
_PURPOSE = re.compile(r"^(?:为了|为)[^。]*(?:制定本|作如下决定|特制定|现提出|提出如下)")
_DEFINITION = re.compile(r"本(?:决定|条例|办法|规定|计划|方案|意见)所称")
_SUBJECT_CONNECTOR = re.compile(r"(?:及其|及|和|与|以及|或者|或|、)")
# a government before 确定的/所属的 only qualifies the department after it: …人民政府确定的其他部门
_QUALIFIER = re.compile(r"(?:确定的|所属的|指定的)")
_PARTNER = re.compile(r"(?:应当)?(?:会同|联合|协同)")


@lru_cache(maxsize=1)
def cues() -> tuple[dict[str, str], tuple[str, ...]]:
    """(strong cue → modality key, soft cues), longest first, from the ontology."""
    strong: dict[str, str] = {}
    soft: list[str] = []
    for c in vocabulary().scheme("mod"):
        for cue in c.hidden:
            if c.key == "encouragement":
                soft.append(cue)
            elif cue != "负责":
                strong[cue] = c.key
    strong = dict(sorted(strong.items(), key=lambda kv: -len(kv[0])))
    return strong, tuple(sorted(soft, key=len, reverse=True))


@lru_cache(maxsize=1)
def _any_cue() -> re.Pattern:
    """Every word that can open a measure: a sentence without one has none (a fast path)."""
    strong, soft = cues()
    words = sorted({*strong, *soft, *_DUTY}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


@dataclass(slots=True)
class Measure:
    start: int
    end: int
    modality: str
    cue: str
    action: str
    agents: list[Actor] = field(default_factory=list)
    partners: list[Actor] = field(default_factory=list)
    subject_span: tuple[int, int] | None = None


_CLAUSE_END = re.compile(r"[，；：]")
_BRACKETS = re.compile(r"[（《【()]")


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clause spans split at ，；： outside brackets and book titles."""
    if not _BRACKETS.search(text, start, end):
        out, s = [], start
        for m in _CLAUSE_END.finditer(text, start, end):
            out.append((s, m.end()))
            s = m.end()
        if s < end:
            out.append((s, end))
        return out
    out, depth, s = [], 0, start
    for i in range(start, end):
        ch = text[i]
        if ch in "（《【(":
            depth += 1
        elif ch in "）》】)" and depth:
            depth -= 1
        elif ch in "，；：" and depth == 0:
            out.append((s, i + 1))
            s = i + 1
    if s < end:
        out.append((s, end))
    return out


def _subject(text: str, cs: int, ce: int, actors: list[Actor]) -> tuple[list[Actor], int]:
    """Actors that open the clause, after a modifier ending in 的 (有条件的, 从事数字经济活动的);
    returns (actors, end of the subject)."""
    strong, soft = cues()
    starts = sorted((a for a in actors if cs <= a.start < ce), key=lambda a: (a.start, -a.end))
    pos = cs
    if starts and starts[0].start > cs:
        lead = text[cs:starts[0].start]
        if len(lead) <= 24 and lead.endswith("的") and not any(c in lead for c in (*strong, *soft)):
            pos = starts[0].start
    subj: list[Actor] = []
    while True:
        group = [a for a in starts if a.start == pos and a not in subj]
        if not group:
            break
        subj.extend(group)
        pos = max(a.end for a in group)
        q = _QUALIFIER.match(text, pos, ce)
        if q and any(a.start == q.end() for a in starts):
            subj = [a for a in subj if a not in group]       # the government only qualifies what follows
            pos = q.end()
            continue
        c = _SUBJECT_CONNECTOR.match(text, pos, ce)
        if c and any(a.start == c.end() for a in starts):
            pos = c.end()
    return subj, pos


def _strong_cue(text: str, a: int, b: int) -> tuple[int, str, str] | None:
    strong, _ = cues()
    best = None
    for cue, mod in strong.items():
        p = text.find(cue, a, b)
        if p >= 0 and (best is None or p < best[0]):
            best = (p, cue, mod)
    return best


def _word_at_start(text: str, pos: int, end: int, words) -> tuple[int, str] | None:
    """The first of ``words`` that opens ``text[pos:end]`` after adverbials only."""
    best = None
    for w in words:
        p = text.find(w, pos, end)
        while p >= 0 and p - pos <= 40:
            if _ADVERBIAL.fullmatch(text, pos, p):
                if best is None or p < best[0]:
                    best = (p, w)
                break
            p = text.find(w, p + 1, end)
    return best


def _soft_cue_at(text: str, pos: int, end: int) -> tuple[int, str] | None:
    return _word_at_start(text, pos, end, cues()[1])


def _duty_at(text: str, pos: int, end: int) -> tuple[int, str] | None:
    return _word_at_start(text, pos, end, _DUTY)


_ACTION_SKIP = re.compile(r"(?:依法依规|依法|积极|加快|进一步|大力|全力|切实|主动|按照有关规定|按照国家有关规定|"
                          r"结合本地实际|结合本地|根据实际情况|因地制宜|及时|统一|重点|在[^，；]{0,12}?(?:下|中))*")


def _action(text: str, p: int, end: int) -> str:
    m = _ACTION_SKIP.match(text, p, end)
    p = m.end() if m else p
    return text[p:p + 2] if p + 2 <= end else text[p:end]


def find_measures(text: str, sent_start: int, sent_end: int, mentions: SentenceMentions) -> list[Measure]:
    sentence = text[sent_start:sent_end]
    if not _any_cue().search(sentence) or _PURPOSE.match(sentence) or _DEFINITION.search(sentence):
        return []
    quotes = quote_spans(text, sent_start, sent_end)
    clauses = _clauses(text, sent_start, sent_end)
    actors = mentions.actors
    measures: list[Measure] = []
    strong_seen = False
    pending_subject: tuple[list[Actor], tuple[int, int]] | None = None
    for ci, (cs, ce) in enumerate(clauses):
        if any(qs <= cs and ce <= qe + 1 for qs, qe in quotes) or any(qs < cs < qe for qs, qe in quotes):
            continue
        subj, subj_end = _subject(text, cs, ce, actors)
        strong = _strong_cue(text, subj_end if subj else cs, ce)
        if strong and any(qs <= strong[0] < qe for qs, qe in quotes):
            strong = None
        soft = _soft_cue_at(text, subj_end if subj else cs, ce)
        start_new = None           # (modality, cue, cue position)
        if strong:
            start_new = (strong[2], strong[1], strong[0])
        elif soft:
            if not strong_seen or subj:
                start_new = ("encouragement", soft[1], soft[0])
            elif soft[1] in _ENCOURAGES_ACTOR:
                after = soft[0] + len(soft[1])
                if any(after <= a.start < min(ce, after + 14) for a in actors):
                    start_new = ("encouragement", soft[1], soft[0])
        elif subj and _is_government(subj):
            duty = _duty_at(text, subj_end, ce)
            if duty is None and ci + 1 < len(clauses) and subj_end >= ce - 12:
                pending_subject = (subj, (cs, subj_end))
            elif duty is not None:
                start_new = ("obligation", duty[1], duty[0])
        elif pending_subject is not None:
            duty = _duty_at(text, cs, ce)
            if duty is not None:
                subj, (cs0, subj_end0) = pending_subject
                m = Measure(cs0, ce, "obligation", duty[1], _action(text, duty[0], ce), list(subj),
                            subject_span=(cs0, subj_end0))
                measures.append(m)
                pending_subject = None
                continue
        if start_new is None:
            if measures:
                measures[-1].end = ce
            continue
        modality, cue, cue_pos = start_new
        if modality in ("obligation", "authorization", "prohibition") and cue in cues()[0]:
            strong_seen = True
        agents = list(subj) if subj else (list(measures[-1].agents) if measures else [])
        partners = []
        pm = _PARTNER.search(text, cue_pos, min(ce, cue_pos + 8))
        if pm:
            partners = [a for a in actors if a.start == pm.end()]
        action_pos = cue_pos + len(cue)
        action = cue if modality == "encouragement" else _action(text, action_pos, ce)
        if cue in ("负责",):
            action = _action(text, action_pos, ce)
        m = Measure(cs, ce, modality, cue, action, agents + [p for p in partners if p not in agents], partners,
                    subject_span=(cs, subj_end) if subj else None)
        measures.append(m)
        pending_subject = None
    return measures


def _is_government(actors: list[Actor]) -> bool:
    return any(a.cls in ("GovernmentBody", "Department", "Legislature") for a in actors)


# --- the stage ------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _modality_labels() -> dict[str, str]:
    return {c.key: c.pref for c in vocabulary().scheme("mod")}


def _measure_record(doc: Document, s: Sentence, m: SentenceMentions, ms: Measure) -> MeasureRecord:
    text = doc.text
    sub = ms.subject_span or (ms.start, ms.start)
    agent_ids = {a.id for a in ms.agents}
    inside = [x for x in m.actors if ms.start <= x.start < ms.end and not (sub[0] <= x.start < sub[1])
              and x.id not in agent_ids]
    agents = tuple(dict.fromkeys(a.label for a in ms.agents))
    label = f"{'、'.join(agents) or '（未明示）'} · {_modality_labels()[ms.modality]} · {ms.action}"
    return MeasureRecord(
        doc=doc.id, provision=s.provision, sentence_id=s.id, sentence=s.text,
        id=record_id("measure", doc.id, s.id, ms.start, ms.end), label=label, text=text[ms.start:ms.end],
        start=ms.start, end=ms.end, agents=agents, agent_ids=tuple(dict.fromkeys(a.id for a in ms.agents)),
        modality=ms.modality, cue=ms.cue, action=ms.action,
        instruments=tuple(dict.fromkeys(f"inst:{h.concept.key}" for h in m.instruments if ms.start <= h.start < ms.end)),
        domains=tuple(dict.fromkeys(f"dom:{h.concept.key}" for h in m.domains if ms.start <= h.start < ms.end)),
        beneficiaries=tuple(dict.fromkeys(x.label for x in inside)),
        beneficiary_ids=tuple(dict.fromkeys(x.id for x in inside)))


@stage("measures", requires=("sentences", "mentions"), assigns=("measures",), order=20)
def measures(doc: Document) -> Document:
    """Who must, may, is urged to or must not do what: one record per clause and modality."""
    out = []
    for s, m in zip(doc.sentences, doc.layers["mentions"]):
        if "/fn" in s.id:                 # footnotes state sources, not measures
            continue
        out += [_measure_record(doc, s, m, ms) for ms in find_measures(doc.text, s.start, s.end, m)]
    doc.layers["measures"] = out
    return doc
