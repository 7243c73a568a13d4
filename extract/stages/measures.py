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

from policykg.extract.document.model import Document, Sentence
from policykg.extract.records import MeasureRecord, record_id
from policykg.extract.stage import stage
from policykg.extract.stages.actors import Actor
from policykg.extract.stages.mentions import SentenceMentions, quote_spans
from policykg.ontology import vocabulary
from policykg.ontology.rules import alternation, rules

__all__ = ["Measure", "find_measures", "cues"]

_RULES = rules("modality")
# under 应当, these start a measure of their own when another actor is encouraged (鼓励高等学校…完善…)
_ENCOURAGES_ACTOR = frozenset(_RULES["encourages_actor"])
_DUTY = tuple(sorted(_RULES["duty_verbs"], key=len, reverse=True))
_ADVERBIAL = re.compile(
    r"(?:[一二三四五六七八九十]+是)?"
    rf"(?:(?:{alternation(_RULES['basis_verbs'])})[^，；：]{{0,30}}(?:{alternation(_RULES['basis_nouns'])})(?:的规定)?"
    rf"|{alternation(_RULES['adverbials'])})*")
_PURPOSE = re.compile(rf"^(?:为了|为)[^。]*(?:{alternation(_RULES['purpose_endings'])})")
_DEFINITION = re.compile(rf"本(?:{alternation(_RULES['defining_documents'])})所称")
_SUBJECT_CONNECTOR = re.compile(f"(?:{alternation(rules('actors')['coordinators'])})")
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
            elif cue not in _DUTY:          # 负责 states a duty only after a government subject
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


_ACTION_SKIP = re.compile(rf"(?:{alternation(_RULES['action_skip'])}|在[^，；]{{0,12}}?(?:下|中))*")


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
    scan = _Scan(text, mentions.actors, quotes)
    for ci, (cs, ce) in enumerate(clauses):
        if any(qs <= cs and ce <= qe + 1 for qs, qe in quotes) or any(qs < cs < qe for qs, qe in quotes):
            continue                                          # quoted words make no measure
        scan.clause(cs, ce, has_next=ci + 1 < len(clauses))
    return scan.measures


@dataclass(slots=True)
class _Scan:
    """The measures of one sentence, clause by clause."""

    text: str
    actors: list[Actor]
    quotes: list[tuple[int, int]]
    measures: list[Measure] = field(default_factory=list)
    strong_seen: bool = False
    # a government subject whose duty verb comes in the next clause: (subject, subject span)
    pending: tuple[list[Actor], tuple[int, int]] | None = None

    def clause(self, cs: int, ce: int, has_next: bool) -> None:
        """Start a measure at this clause, or let it continue the current one."""
        text = self.text
        subj, subj_end = _subject(text, cs, ce, self.actors)
        strong = _strong_cue(text, subj_end if subj else cs, ce)
        if strong and any(qs <= strong[0] < qe for qs, qe in self.quotes):
            strong = None
        soft = _soft_cue_at(text, subj_end if subj else cs, ce)
        if strong:
            opening = (strong[2], strong[1], strong[0])
        elif soft:
            opening = self._encouragement(soft, subj, ce)
        elif subj and _is_government(subj):
            opening = self._declared_duty(subj, cs, subj_end, ce, has_next)
        elif self.pending is not None and self._finish_pending(cs, ce):
            return
        else:
            opening = None
        if opening is None:
            if self.measures:
                self.measures[-1].end = ce
            return
        self._open(opening, cs, ce, subj, subj_end)

    def _encouragement(self, soft: tuple[int, str], subj: list[Actor], ce: int) -> tuple[str, str, int] | None:
        """A soft cue opens a measure unless a strong cue came first and no other actor is urged."""
        if not self.strong_seen or subj:
            return ("encouragement", soft[1], soft[0])
        if soft[1] in _ENCOURAGES_ACTOR:
            after = soft[0] + len(soft[1])
            if any(after <= a.start < min(ce, after + 14) for a in self.actors):
                return ("encouragement", soft[1], soft[0])
        return None

    def _declared_duty(self, subj: list[Actor], cs: int, subj_end: int, ce: int,
                       has_next: bool) -> tuple[str, str, int] | None:
        """省人民政府负责…: a government subject with a duty verb; without one, the verb may
        come in the next clause."""
        duty = _duty_at(self.text, subj_end, ce)
        if duty is not None:
            return ("obligation", duty[1], duty[0])
        if has_next and subj_end >= ce - 12:
            self.pending = (subj, (cs, subj_end))
        return None

    def _finish_pending(self, cs: int, ce: int) -> bool:
        """The duty verb of the pending subject, in this clause: a measure from the subject on."""
        duty = _duty_at(self.text, cs, ce)
        if duty is None:
            return False
        subj, (cs0, subj_end0) = self.pending
        self.measures.append(Measure(cs0, ce, "obligation", duty[1], _action(self.text, duty[0], ce), list(subj),
                                     subject_span=(cs0, subj_end0)))
        self.pending = None
        return True

    def _open(self, opening: tuple[str, str, int], cs: int, ce: int, subj: list[Actor], subj_end: int) -> None:
        modality, cue, cue_pos = opening
        if modality in ("obligation", "authorization", "prohibition") and cue in cues()[0]:
            self.strong_seen = True
        measures = self.measures
        agents = list(subj) if subj else (list(measures[-1].agents) if measures else [])
        partners = []
        pm = _PARTNER.search(self.text, cue_pos, min(ce, cue_pos + 8))
        if pm:
            partners = [a for a in self.actors if a.start == pm.end()]
        action = cue if modality == "encouragement" else _action(self.text, cue_pos + len(cue), ce)
        measures.append(Measure(cs, ce, modality, cue, action, agents + [p for p in partners if p not in agents],
                                partners, subject_span=(cs, subj_end) if subj else None))
        self.pending = None


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
    for s, m in zip(doc.sentences, doc.layers["mentions"], strict=True):
        if "/fn" in s.id:                 # footnotes state sources, not measures
            continue
        out += [_measure_record(doc, s, m, ms) for ms in find_measures(doc.text, s.start, s.end, m)]
    doc.layers["measures"] = out
    return doc
