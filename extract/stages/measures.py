"""Measures: who must, may, is urged to or must not do what — one record per clause and agent.

The cue words come from the ontology's modality scheme (``skos:hiddenLabel`` of
``vocab/modality.ttl``: 应当/应/必须/须/要/负责 → 义务, 可以/可/有权/允许/方可/赋予 → 授权,
鼓励/支持/引导/推动 → 倡导, 不得/禁止/严禁 → 禁止); every other word the rules read is in
``rules/modality.yaml``.  The conventions are ANNOTATION.md's (tests/gold/GUIDE.md, "Measures"):

1. a clause with a modal cue (or a two-part cue: 承担…职责, 享有…权利, 是…责任主体) starts a
   measure; a cue word inside another word (应急, 可能, 所有权, 禁止性规定, 负责人) is none;
2. 鼓励/引导 start an encouragement; 支持/推动 + another actor + a verb too, while
   支持/推动 + a thing is the government's own task (义务) — under a modal it continues it;
3. an explicit government subject with a duty verb (负责, 统筹, 实行…), and 由X + a verb
   outside penalty clauses, state a duty;
4. in a plan, 方案, 措施 or 意见, a task clause headed by a task verb (推进…, 建设…) is an
   obligation of the issuing government with no agent — one per clause, while a purpose verb
   (提升…, 实现…) only opens one when none is open;
5. the numbered items under a lead-in (履行下列职责：) take the lead-in's modality;
6. a responsibility bracket （X牵头，Y按职责分工负责） / （责任单位：X、Y） gives each unit a duty
   where it stands and makes the units ``responsible`` for every task it closes (the tasks of
   its item since the previous bracket);
7. other clauses continue the current measure; purpose sentences, definitions, principles,
   goal sentences headed by a deadline, part rubrics and quoted words make none.

Agents are the subject actors of the measure's clause — or of an earlier clause of the
sentence (县级以上人民政府及其有关部门，应当…) — plus 会同 partners; the stage writes one record
per agent.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from policykg.extract.document.model import Document, Provision, Sentence
from policykg.extract.records import MeasureRecord, record_id
from policykg.extract.stage import stage
from policykg.extract.stages.actors import Actor
from policykg.extract.stages.mentions import SentenceMentions, quote_spans
from policykg.extract.text.patterns import guarded
from policykg.ontology import vocabulary
from policykg.ontology.doctypes import title_doc_type
from policykg.ontology.rules import alternation, rules

__all__ = ["Measure", "Lead", "Bracket", "find_measures", "find_brackets", "lead_in", "cues"]

_RULES = rules("modality")
_ACTOR_RULES = rules("actors")


def _alt(key: str) -> str:
    return alternation(_RULES[key])


def _guarded(word: str) -> str:
    """``word`` as a regex that does not match inside the words its guards name."""
    g = _RULES["cue_guards"].get(word, {})
    behind = "".join(f"(?<!{re.escape(w)})" for w in g.get("not_after", ()))
    ahead = f"(?!{alternation(g['not_before'])})" if g.get("not_before") else ""
    return f"{behind}{re.escape(word)}{ahead}"


@lru_cache(maxsize=1)
def cues() -> tuple[dict[str, str], tuple[str, ...]]:
    """(modal cue → modality key, soft cues), longest first, from the ontology."""
    strong: dict[str, str] = {}
    soft: list[str] = []
    for c in vocabulary().scheme("mod"):
        for cue in c.hidden:
            if c.key == "encouragement":
                soft.append(cue)
            else:
                strong[cue] = c.key
    strong = dict(sorted(strong.items(), key=lambda kv: -len(kv[0])))
    return strong, tuple(sorted(soft, key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """The compiled patterns of ``rules/modality.yaml`` and the modality scheme."""

    modal: re.Pattern
    cue: re.Pattern                                     # two-part cues (groups f0, f1…) and modal words (m)
    cue_starts: tuple[str, ...]                         # the words a cue starts with
    framed: tuple[tuple[str, str], ...]                 # (modality, cue) of group f<i>
    soft: re.Pattern
    adverbials: re.Pattern
    task: re.Pattern                                    # a task verb at a position (group v)
    task_any: re.Pattern
    strong_tasks: frozenset[str]
    middle_tasks: frozenset[str]
    continuing: re.Pattern
    declared: re.Pattern
    item_verb: re.Pattern
    preposition: re.Pattern
    object_preposition: re.Pattern
    phrase_end: re.Pattern
    sanction: re.Pattern
    penalty: re.Pattern
    purpose: re.Pattern
    definition: re.Pattern
    principle: re.Pattern
    principle_noun: re.Pattern
    prohibited_thing: re.Pattern
    ying_dui: re.Pattern
    action_skip: re.Pattern
    partner: re.Pattern
    determiners: re.Pattern
    encouraged_det: re.Pattern
    fact_opener: re.Pattern
    goal: re.Pattern
    urged_adverbial: re.Pattern
    gap_stop: re.Pattern
    noun_after_verb: re.Pattern
    narrative: re.Pattern
    no_task_heading: re.Pattern
    lead_in: re.Pattern
    bracket_label: re.Pattern
    bracket_ending: re.Pattern
    modal_of: dict[str, str]


@lru_cache(maxsize=1)
def _lex() -> _Lexicon:
    strong, soft = cues()
    modal = re.compile("|".join(_guarded(w) for w in strong))
    nb = alternation(_RULES["framed_not_before"])
    pairs = [(mod, a, b) for mod, firsts in _RULES["framed_cues"].items() for a, seconds in firsts.items()
             for b in seconds]
    framed = tuple((mod, a + "…" + b) for mod, a, b in pairs)
    cue = re.compile("|".join([f"(?P<f{i}>{_guarded(a)}[^，；。：]{{0,24}}?{re.escape(b)}(?!{nb}))"
                               for i, (_, a, b) in enumerate(pairs)] + [f"(?P<m>{modal.pattern})"]))
    soft_word = f"(?:{alternation(soft)})"
    soft_re = re.compile(f"{soft_word}(?:(?:{_alt('soft_joiners')}){soft_word}|(?:{_alt('soft_joiners')})帮助)?"
                         f"(?!{_alt('soft_noun_followers')})")
    nouns = _alt("basis_nouns")
    basis = (f"(?:{_alt('basis_verbs')})[^，；：]{{0,30}}?(?:{nouns})(?:[、和及与](?:行政|地方性)?(?:{nouns}))*"
             f"(?:的规定|的要求)?")
    adverbials = re.compile(rf"(?:[一二三四五六七八九十]+是)?(?:{basis}|{_alt('adverbials')})*")
    tasks = _RULES["task_verbs"] + _RULES["task_or_purpose_verbs"] + _RULES["weak_task_verbs"]
    task = re.compile(f"(?:{basis}|{_alt('adverbials')})*(?P<v>{alternation(tasks)})")
    declared_words = set(_RULES["duty_verbs"]) | set(_RULES["declared_verbs"]) | set(tasks)
    verbs = declared_words | set(_RULES["item_verbs"])
    penalty = alternation(_RULES["penalty_words"])
    return _Lexicon(
        modal=modal, cue=cue, cue_starts=tuple(dict.fromkeys([a for _, a, _ in pairs] + list(strong))),
        framed=framed, soft=soft_re, adverbials=adverbials, task=task,
        task_any=re.compile(alternation(tasks)), strong_tasks=frozenset(_RULES["task_verbs"]),
        middle_tasks=frozenset(_RULES["task_or_purpose_verbs"]),
        continuing=re.compile(f"(?:{_alt('continuing_words')})"),
        declared=re.compile("|".join(_guarded(w) for w in sorted(declared_words, key=len, reverse=True))),   # not 负责人
        item_verb=re.compile(f"(?:{basis}|{_alt('adverbials')})*(?:{alternation(verbs)})"),
        preposition=re.compile(f"(?!{_alt('not_prepositions')})(?:{_alt('prepositions')})"),
        object_preposition=re.compile(f"(?!{_alt('not_prepositions')})(?:{_alt('object_prepositions')})"),
        phrase_end=re.compile(f"(?:{_alt('phrase_endings')})[，；：。]?$"),
        sanction=re.compile(f"(?:依法|依照[^，；]{{0,12}}规定)?(?:{_alt('sanction_verbs')}"
                            f"|给予[^，；。]{{0,8}}?(?:{_alt('sanction_given_nouns')}))"),
        penalty=re.compile(penalty),
        purpose=re.compile(rf"^(?:为了|为)[^。]*(?:{_alt('purpose_endings')})"),
        definition=re.compile(rf"本(?:{_alt('defining_documents')})所称|(?:^|，)[^，；]{{0,30}}是指(?![导挥引定])"),
        principle_noun=re.compile(_alt("principle_nouns")),
        principle=re.compile(f"(?:{_alt('principle_verbs')})[^；。]*?(?:{_alt('principle_nouns')})(?:[，；。]|$)"),
        prohibited_thing=re.compile(f"[^，；。：的]{{0,4}}(?:的|{_alt('prohibited_things')})"),
        ying_dui=re.compile(f"[^，；。]*?(?:{_alt('ying_dui_predicates')})"),
        action_skip=re.compile(rf"(?:{_alt('action_skip')}|在[^，；]{{0,12}}?(?:下|中))*"),
        partner=re.compile(r"(?:应当)?(?:会同|联合|协同)"),
        determiners=re.compile(f"(?:{alternation(_ACTOR_RULES['determiners'] + _RULES['subject_determiners'])})+"),
        encouraged_det=re.compile(f"(?:{_alt('encouraged_determiners')})*"),
        fact_opener=re.compile(rf"^(?:(?:力争)?(?:到|至)(?:\d{{4}}|“十|本世纪)|(?:{_alt('fact_openers')})|(?:{_alt('goal_words')})"
                               rf"|《[^》]{{2,40}}》(?:[（(]以下简称[^）)]{{1,12}}[）)])?(?:{_alt('title_enactment_verbs')}"
                               rf"|[^，。；《]{{0,10}}?(?:{_alt('title_description_verbs')})))"),
        goal=re.compile(f"(?:{_alt('goal_words')})"),
        urged_adverbial=re.compile(f"[^，；。、的]{{1,4}}?(?:{_alt('urged_adverbials')})"),
        gap_stop=re.compile(f"[，；的]|{_alt('gap_prepositions')}"),
        noun_after_verb=re.compile(f"(?:{_alt('soft_noun_followers')})"),
        narrative=re.compile(f"[^，；。]{{0,14}}?(?:{_alt('narrative_verbs')})"),
        no_task_heading=re.compile(f"^(?:{_alt('no_task_headings')})|^.{{0,4}}(?:{_alt('no_task_headings')})$"),
        lead_in=re.compile(rf"(?:{_alt('lead_in_markers')})(?P<head>[^：，。；]{{0,24}})[^：。；]{{0,30}}[：:]\s*$"),
        bracket_label=re.compile(rf"(?P<label>{alternation(_RULES['bracket_labels'])})\s*[：:]"),
        bracket_ending=re.compile(rf"(?:{alternation(_RULES['bracket_endings'])})\s*$"),
        modal_of=strong,
    )


# --- records of one sentence ---------------------------------------------------------------


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
    #: how the measure was opened: modal (a cue, a duty, 由X), task (a plan's task clause,
    #: 支持/推动 + a thing), soft (an encouragement), item (under a lead-in), unit (a bracket's unit)
    kind: str = "modal"
    responsible: list[Actor] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Lead:
    """A lead-in (履行下列职责：) whose items take its modality; ``neutral`` when its items are
    measures only if they open with a verb (应当包括下列内容：)."""

    modality: str
    cue: str
    neutral: bool = False


@dataclass(slots=True)
class Bracket:
    """A responsibility bracket: its span and the units it names, each with its action."""

    start: int
    end: int
    units: list[tuple[Actor, str]] = field(default_factory=list)
    closed: bool = True
    role: str | None = None          # the action of units still to come when it is not closed


# a clause ends at ，；：, and at a full stop typed as "." between Chinese words (a PDF's 扩大保税进口.优化…)
_CLAUSE_END = guarded(re.compile(r"[，；：]|(?<=[\u4e00-\u9fff”）])\.(?=[\u4e00-\u9fff“（(])"))
_BRACKETS = re.compile(r"[（《【(［〔]")
_OPEN, _CLOSE = "（《【(［〔", "）》】)］〕"
_CLAUSE_CHAR = re.compile("[" + re.escape(_OPEN + _CLOSE) + "，；：.]")
_ENUMERATOR = re.compile(r"\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}\s*[.．、]|[一二三四五六七八九十]{1,3}[、是])\s*")


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
    for m in _CLAUSE_CHAR.finditer(text, start, end):      # only the brackets and stops, not every character
        i, ch = m.start(), m.group(0)
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
        elif depth == 0 and (ch in "，；：" or ch == "." and _CLAUSE_END.match(text, i)):
            out.append((s, i + 1))
            s = i + 1
    if s < end:
        out.append((s, end))
    return out


# an article's rubric in lenticular brackets before its text (第六条【登记范围】登记主体应…; 38 cue clauses in the corpus)
_RUBRIC = re.compile(r"\s*【[^】]{1,20}】\s*")


# an article number the document's structure left in the text (第四条 市绿化行政管理部门主管…; 307 sentences in 379 documents)
_ARTICLE_NUMBER = re.compile(r"\s*第[一二三四五六七八九十百零〇\d]{1,6}条(?![规第至、和的或及中])\s*")


def _skip_enumerator(text: str, cs: int, ce: int) -> int:
    a = _ARTICLE_NUMBER.match(text, cs, ce)
    cs = a.end() if a and a.end() < ce else cs
    m = _ENUMERATOR.match(text, cs, ce)
    p = m.end() if m else cs
    r = _RUBRIC.match(text, p, ce)
    return r.end() if r and r.end() < ce else p


def _subject(text: str, cs: int, ce: int, actors: list[Actor]) -> tuple[list[Actor], int]:
    """Actors that open the clause, after a modifier ending in 的 (有条件的, 从事数字经济活动的)
    or a determiner (任何); coordinated (、和及), in brackets (试点部门（企业）) and nested
    (市、区交通行政管理部门 → 区交通行政管理部门 too).  Returns (actors, end of the subject)."""
    starts = [a for a in actors if cs <= a.start < ce]
    if not starts:
        return [], cs
    lex = _lex()
    pos, relative = _subject_start(text, cs, starts[0].start)
    subj: list[Actor] = []
    qualifiers: list[Actor] = []
    begin = pos
    while True:
        group = [a for a in starts if a.start == pos and a not in subj]
        if not group:
            break
        subj.extend(group)
        pos = max(a.end for a in group)
        q = _QUALIFIER.match(text, pos, ce)
        if q:
            subj = [a for a in subj if a not in group]       # the government only qualifies what follows
            qualifiers += [a for a in starts if min(a.start for a in group) <= a.start < pos]
            pos = q.end()
            if any(a.start == pos for a in starts):
                continue
            break                                            # 省人民政府授权的机构: a body the stage does not know
        if pos < ce and text[pos] in "（(" and any(a.start == pos + 1 for a in starts):
            inner = [a for a in starts if a.start == pos + 1]
            close = max(a.end for a in inner)
            if close < ce and text[close] in "）)":
                subj.extend(inner)
                pos = close + 1
        c = _SUBJECT_CONNECTOR.match(text, pos, ce)
        if c:
            d = lex.determiners.match(text, c.end(), ce)      # 、各专门委员会
            u = _UNKNOWN_CONJUNCT.match(text, c.end(), ce)    # 或者安全员、平台安全监控人员: one the stage does not know
            for nxt in (c.end(), d.end() if d else c.end(), u.end() if u else c.end()):
                if any(a.start == nxt for a in starts):
                    pos = nxt
                    break
    if not subj or relative and not _cue_follows(text, _past_last_conjunct(text, pos, ce)):
        return [], cs                    # 以公平竞争方式选择符合条件的运营机构开展服务: an object, no subject
    if text.startswith("的", pos) and pos < ce - 1:
        # a possessor (…企业事业单位的法定代表人或者主要负责人，为…): the subject is the actor after 的
        return _subject(text, pos + 1, ce, actors) if any(a.start == pos + 1 for a in starts) else ([], cs)
    subj += [a for a in starts if begin <= a.start < pos and a not in subj and a not in qualifiers]
    if pos < ce and text[pos] in "：:":
        pos += 1
    return subj, pos


# the last conjunct of a subject, one the actor stage does not know (…、社会团体以及其他组织应当…)
_LAST_CONJUNCT = re.compile(f"(?:{alternation(_ACTOR_RULES['coordinators'])})[^，；：。的、（）]{{0,6}}?"
                            f"(?:{alternation(_RULES['unknown_subject_heads'])})")


def _past_last_conjunct(text: str, pos: int, ce: int) -> int:
    """After a last conjunct the actor stage does not know (以及其他组织), or ``pos``."""
    m = _LAST_CONJUNCT.match(text, pos, ce)
    return m.end() if m is not None else pos


def _subject_start(text: str, cs: int, first: int) -> tuple[int, bool]:
    """Where the subject begins when the clause's first actor starts at ``first``: after a determiner
    or a modifier ending in 的 (else the clause start, which holds no actor), and whether that modifier
    opens with a preposition (在本省从事…活动的单位: a subject only when a modal follows)."""
    if first == cs:
        return cs, False
    lex = _lex()
    lead = text[cs:first]
    if lex.determiners.fullmatch(lead) or (len(lead) <= 12 and lead.endswith(_PLACE_LEADS) and not lex.cue.search(lead)):
        return first, False              # 相关行业协会…, 南四湖流域所在地县级以上人民政府…
    if _leading_conjuncts(lead):
        return first, True               # 建设、施工单位应当…, 民用航空、铁路主管部门负责…: a subject only before its cue
    body = _after_coordinator(lead)
    if (len(lead) <= 24 and lead.endswith("的") and not lex.modal.search(lead) and not lex.soft.search(lead)
            and not lex.object_preposition.match(lead, body)):
        return first, lex.preposition.match(lead, body) is not None    # not 对信用状况良好的公民: an object
    return cs, False


_PLACE_LEADS = tuple(_RULES["subject_place_leads"])
# conjuncts written before the first actor the actor stage found (建设、, 民用航空、, 省、省辖市和): short words, each
# closed by a joiner
_LEAD_CONJUNCTS = re.compile(f"(?:[^，；：。的（）《》“”、]{{1,6}}?(?:{_alt('subject_conjunct_joiners')}))+")
_NOT_IN_CONJUNCTS = re.compile(alternation(_RULES["prepositions"] + _RULES["subject_conjunct_stops"]))


def _leading_conjuncts(lead: str) -> bool:
    """Is ``lead`` a list of conjuncts of the actor after it (no preposition, no cue)?"""
    lex = _lex()
    return (len(lead) <= 24 and _LEAD_CONJUNCTS.fullmatch(lead) is not None and not _NOT_IN_CONJUNCTS.search(lead)
            and not lex.cue.search(lead) and not lex.soft.search(lead))
# what may stand between a subject and its modal: an alias in brackets (（以下简称经营者）) and a comma
_SUBJECT_TAIL = re.compile(r"(?:[（(][^（）()，。]{0,20}[）)])?[，,]?")


def _cue_follows(text: str, pos: int) -> bool:
    """Does a modal or two-part cue follow the subject ending at ``pos`` (…的单位和个人，应当…)?"""
    lex = _lex()
    p = _SUBJECT_TAIL.match(text, pos).end()      # type: ignore[union-attr]
    a = lex.adverbials.match(text, p)
    return lex.cue.match(text, a.end() if a else p) is not None
_BY_NOT_DUTY = tuple(_RULES["by_not_duty_verbs"])
# 由X、Y等组成的体系 (101 in the corpus): what a thing is made of, no duty
_MADE_OF = re.compile(f"[^，；。：]{{0,16}}?等?(?:{alternation(_RULES['by_not_duty_verbs'][:3])})的")
_NOUN_ITEM_ENDINGS = tuple(_RULES["noun_item_endings"])
_SUBJECT_CONNECTOR = re.compile(f"(?:{alternation(_ACTOR_RULES['coordinators'])})")
# the words before a cue that name someone the actor stage does not know (有关单位和个人应当…, 沿河村（居）民委员会…):
# a noun phrase ending in a head of an organ or role, not opening with a preposition
_UNKNOWN_SUBJECT = re.compile(f"(?!{alternation(_RULES['prepositions'] + _RULES['basis_verbs'] + ['由'])})"
                              f"[^，；：的（）《》]{{1,16}}(?:{alternation(_RULES['unknown_subject_heads'])})")
# a conjunct of a subject the actor stage does not know, before the next conjunct (设置单位或者所有权人、管理人应当…)
_UNKNOWN_CONJUNCT = re.compile(f"[^，；：。的、（）]{{1,6}}?(?:{alternation(_RULES['unknown_subject_heads'] + ['员'])})"
                               f"(?:{_alt('subject_conjunct_joiners')})")
# a clause that adds subjects to those of the clause before (…有关部门，以及…经营管理单位，应当…)
_COORDINATED_CLAUSE = re.compile(r"以及|及(?!时)|和(?!谐)|或者|或(?!许)")


def _after_coordinator(lead: str) -> int:
    m = _COORDINATED_CLAUSE.match(lead)
    return m.end() if m else 0
# a body of the one named after 由 (由…部门或其所在单位…)
_OR_ITS = re.compile(f"(?:{_alt('or_its_joiners')})其[^，；。由]{{1,8}}?(?={_alt('or_its_sanction_verbs')})")
# 其 + a noun before the clause's cue: something of the topic's is the subject (其使用权限不得…; 670 clauses with 其 + a cue)
# what follows an issuer in a document's header (上海市人民政府办公厅文件…, …办公厅关于印发«…»的通知) and
# the opening of a title (《…》, «…»)
_ISSUER_HEADS = tuple(_RULES["issuer_heads"])
_TITLE_OPEN = re.compile("[《«]")
# a verb done to the subject of a condition (…的，应当依法给予补偿, …的，可以从轻处罚), a few words after the modal
_IMPOSED = re.compile(f"[^，；。：]{{0,6}}?(?:{_alt('imposed_verbs')}|给予[^，；。]{{0,8}}?(?:{_alt('sanction_given_nouns')}))"
                      f"(?!决定|结果)")
_APPLIED_FOR = re.compile(_alt("applied_for_verbs"))
# 国家鼓励…, 国家建立…制度: the state as subject, before an adverbial, a cue or a duty verb that no 的 or
# name head follows (not 国家鼓励的重点软件企业, 国家确定的…, 国家开发银行)
_STATE_VERBS = alternation(list(cues()[1]) + _RULES["duty_verbs"] + _RULES["declared_verbs"] + _RULES["task_verbs"])
_STATE = re.compile(f"(?:{_alt('state_subjects')})(?=(?:{_alt('adverbials')})*(?:{_STATE_VERBS})"
                    f"(?!(?:[和与、]?(?:{_STATE_VERBS}))?(?:的|{_alt('state_not_before')})))")
# …but not in a clause of time (国家发布红色预警后，…)
_TIME_CLAUSE = re.compile(f"(?:{_alt('time_clause_ends')})[，；]$")


def _state_subject(text: str, hs: int, ce: int) -> int | None:
    """The end of a 国家 subject at ``hs``, or None."""
    m = _STATE.match(text, hs, ce)
    return m.end() if m is not None and not _TIME_CLAUSE.search(text, hs, ce) else None
_ITS_THING = re.compile(f"其(?![{''.join(_RULES['its_not_before'])}])[^，；：。、]{{1,12}}?(?:{_alt('its_thing_cues')})")
# a government before 确定的/所属的 only qualifies the department after it: …人民政府确定的其他部门
_QUALIFIER = re.compile(f"(?:{_alt('qualifier_words')})")
# a thing as the subject, after an actor that owns it or is listed with it (…、幼儿园专项规划, 编制的应急预案)
# (a conjunct naming someone, 和其他组织收集数据, is a subject with its act)
_THING_SUBJECT = re.compile(f"(?:[、和与及](?:(?!{_alt('unknown_subject_heads')})[^，；：。、的]){{0,10}}"
                            f"|[^，；：。]{{0,12}}的[^，；：。、的]{{0,10}})(?:{_alt('thing_subject_heads')})")
_QUALIFIER_BEFORE = re.compile(f"(?:{_alt('qualifier_words')})$")


def _actors_at(pos: int, ce: int, text: str, actors: list[Actor]) -> tuple[list[Actor], int]:
    """Coordinated actors starting exactly at ``pos`` (会同省财政厅、省数据局…)."""
    found: list[Actor] = []
    begin = pos
    while True:
        group = [a for a in actors if a.start == pos and a not in found]
        if not group:
            return found + [a for a in actors if begin < a.start < pos and a not in found], pos
        found.extend(group)
        pos = max(a.end for a in group)
        c = _SUBJECT_CONNECTOR.match(text, pos, ce)
        if c and any(a.start == c.end() for a in actors):
            pos = c.end()


def _by_actors(text: str, cs: int, ce: int, actors: list[Actor]) -> tuple[list[Actor], int]:
    """由X…: the actors right after a 由 of the clause (由大会秘书处负责, 范围由市国防动员委员会确定)."""
    p = text.find("由", cs, ce)
    while p >= 0:
        found, end = _actors_at(p + 1, ce, text, actors)
        d = None if found else _lex().determiners.match(text, p + 1, ce)
        if d is not None:                                     # 由本级选举委员会…确定
            found, end = _actors_at(d.end(), ce, text, actors)
        if found:
            return found, end
        p = text.find("由", p + 1, ce)
    return [], cs


def _is_government(actors: list[Actor]) -> bool:
    return any(a.cls in ("GovernmentBody", "Department", "Legislature") for a in actors)


def _inside(p: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= p < b for a, b in spans)


@lru_cache(maxsize=1)
def _cue_first() -> re.Pattern:
    """The first characters of the words a cue starts with."""
    return re.compile("[" + "".join(re.escape(c) for c in sorted({w[0] for w in _lex().cue_starts})) + "]")


def _cue_candidates(text: str, start: int, end: int) -> list[tuple[int, re.Match]]:
    """Where a cue pattern matches in ``text[start:end]``, by position: every cue starts with one of
    the words of ``cue_starts``, so the pattern is only tried where one of their first characters is."""
    match = _lex().cue.match
    found: list[tuple[int, re.Match]] = []
    for c in _cue_first().finditer(text, start, end):
        m = match(text, c.start(), end)
        if m is not None:
            found.append((c.start(), m))
    return found


def _position(candidate: tuple[int, re.Match]) -> int:
    return candidate[0]


def _first_cue(text: str, pos: int, ce: int, excluded: list[tuple[int, int]],
               candidates: list[tuple[int, re.Match]]) -> tuple[int, str, str, int] | None:
    """The first modal or two-part cue in ``text[pos:ce]``: (position, cue, modality, end)."""
    lex = _lex()
    for i in range(bisect_left(candidates, pos, key=_position), len(candidates)):   # not from the first each time
        p, m = candidates[i]
        if p < pos or m.end() > ce or (excluded and _inside(p, excluded)):
            if p >= ce:
                break
            continue
        group = m.lastgroup or "m"
        if group != "m":
            if text.startswith(_WHILE, m.end()) or p > 0 and text[p - 1] in _FRAMED_NOT_AFTER:
                continue                         # 在履行法定职责时: a time, not a duty; 为履行…职责: a purpose
            mod, cue = lex.framed[int(group[1:])]
            return p, cue, mod, m.end()
        if _real_cue(text, m, ce):
            return p, m.group(0), lex.modal_of[m.group(0)], m.end()
    return None


_WHILE = ("时", "中", "过程")
_FRAMED_NOT_AFTER = tuple(_RULES["framed_not_after"])


def _real_cue(text: str, m: re.Match, ce: int) -> bool:
    """Guards that need more than one character of context: 禁止交易的数据 (an attribute),
    应对气候变化 (the verb 应对)."""
    word = m.group(0)
    lex = _lex()
    if word == "禁止":
        return not (lex.prohibited_thing.match(text, m.end(), ce) or _prohibited_by_rule(text, m.start(), m.end(), ce))
    if word == "应" and text.startswith("对", m.end()):
        return bool(lex.ying_dui.match(text, m.end() + 1, ce))
    if word == "可" and (_QUALITY.match(text, m.end(), ce) or _ABLE.match(text, m.end(), ce)
                        or _ONE_CHAR_QUALITY.match(text, m.end())):
        return False                                     # 可解释性, 可复用的知识: a quality
    return True


def _prohibited_by_rule(text: str, p: int, end: int, ce: int) -> bool:
    """法律、行政法规禁止发布或者传输的信息: what a rule prohibits, named as a thing."""
    return text.endswith(_PROHIBITING_SOURCES, 0, p) and _QUALIFYING.match(text, end, ce) is not None


_PROHIBITING_SOURCES = tuple(_RULES["prohibiting_sources"])
_QUALIFYING = re.compile(r"[^，；。：]{0,14}?的(?![，；。：]|$)")
_QUALITY = re.compile(r"[^，；。、]{1,3}性")
# 可 + one character closing a phrase (安全可控、来源可查，切实可行。): a quality, not a permission
_ONE_CHAR_QUALITY = re.compile(r"[\u4e00-\u9fff](?:[、，；。”）\n]|$)")
# 可 + a verb + 的 before a noun (更多可复用的专家知识, 可推广的经验): an attribute, not a permission
_ABLE = re.compile(r"[\u4e00-\u9fff]{1,3}的(?![，；。、]|$)")


def _action(text: str, p: int, end: int, actors: list[Actor], fallback: str = "") -> str:
    """The verb phrase at ``p``: adverbials, 会同 partners and 在…下 phrases skipped; a known
    verb when one starts there, else ``fallback`` if given, else two characters (never a comma)."""
    lex = _lex()
    for _ in range(3):
        m = lex.action_skip.match(text, p, end)
        p = m.end() if m else p
        m = lex.adverbials.match(text, p, end)
        p = m.end() if m else p
        pm = lex.partner.match(text, p, end)
        if pm:
            partners, after = _actors_at(pm.end(), end, text, actors)
            if partners:
                p = after
                continue
        break
    v = lex.task.match(text, p, end) or lex.declared.match(text, p, end)
    if v is None and (pre := lex.preposition.match(text, p, end)):
        v, p = _after_object(text, p, pre, end, actors)
    if v is not None:
        verb = v.group("v") if "v" in v.re.groupindex else v.group(0)
        if verb in _RULES["light_verbs"]:                          # 进行记录, 予以修复
            tail = re.match(r"[^，；：。、（）\d]{1,4}", text[v.end():end])
            verb += tail.group(0) if tail else ""
        return verb
    if fallback:                                                   # 负责本行政区域内的…工作: the duty verb itself
        return fallback
    out = []
    for ch in text[p:end]:
        if ch in "，；：。、）)":
            break
        out.append(ch)
        if len(out) == 2:
            break
    return "".join(out)


_CJK = re.compile(r"[\u4e00-\u9fff]")
# the prepositions naming whom an act is done to (向…报送): their object's verb follows it
_TO_WHOM = frozenset(_RULES["to_whom_prepositions"])
_NEAR_VERB = 4        # characters of an adverb before that verb (向务工人员免费|提供)
_OBJECT_GOES_ON = tuple(_RULES["object_goes_on"])


def _after_object(text: str, p: int, pre: re.Match, end: int, actors: list[Actor]) -> tuple[re.Match | None, int]:
    """The verb after a preposition ``pre`` at ``p`` and its object, or None and where the action's two
    characters start."""
    lex = _lex()
    v = None
    obj_end = _past_actor(text, pre.end(), end, actors)            # 向数据处理者|收取, 向市财政局、市数据局|报送
    if obj_end is not None and text.startswith("的", obj_end):
        obj_end = None                                             # 对经营者的违法行为|进行查处: a possessor
    if obj_end is not None:
        m = lex.adverbials.match(text, obj_end, end)
        obj_end = m.end() if m else obj_end
        v = lex.task.match(text, obj_end, end) or lex.declared.match(text, obj_end, end)
    if v is None and obj_end is not None and pre.group(0) in _TO_WHOM and _CJK.match(text, obj_end, end):
        # 向…|提交 (the verb right after whom it is done to, not 报告 in …试验报告); 向…免费|提供
        near = lex.declared.search(text, obj_end, min(end, obj_end + _NEAR_VERB))
        if near is not None or not text.startswith(_OBJECT_GOES_ON, obj_end):
            return near, obj_end
        obj_end = None                  # 向…部门或者其他…部门|报告, 向单位所在地的…: the object goes on
    if v is None:                                                  # 对…进行监督检查, but not 处理 in 数据处理者
        v = _verb_outside(lex.declared, text, p + 1, end, actors)
        if v is None and obj_end is not None and _CJK.match(text, obj_end, end):
            p = obj_end                                            # the two characters after the object
    return v, p


def _past_actor(text: str, p: int, end: int, actors: list[Actor]) -> int | None:
    """The end of the actors named at ``p`` (the object of a preposition), coordinated ones too
    (向市财政局、市数据局报送), or None."""
    found, after = _actors_at(p, end, text, actors)
    return after if found else None


def _verb_outside(verbs: re.Pattern, text: str, p: int, end: int, actors: list[Actor]) -> re.Match | None:
    """The first match of ``verbs`` in ``text[p:end]`` that is not inside an actor's name."""
    for m in verbs.finditer(text, p, end):
        if not any(a.start <= m.start() < a.end for a in actors):
            return m
    return None


_FRAMING = re.compile(alternation(_RULES["framing_prepositions"]))
_DUTY_VERBS = frozenset(_RULES["duty_verbs"])
_NEXT_CLAUSE_END = re.compile(r"[，；。]")


def _framed_action(text: str, p: int, ce: int, actors: list[Actor], fallback: str = "") -> str:
    """The action at ``p``; when the clause is only a framing phrase (各地要围绕构建…体系，加强…), the
    task verb that opens the next clause.  ``fallback``: see :func:`_action`."""
    action = _action(text, p, ce, actors, fallback)
    m = _lex().adverbials.match(text, p, ce)
    comma = ce if text[ce:ce + 1] == "，" else ce - 1          # the clause span may hold its comma
    if _FRAMING.match(text, m.end() if m else p) is None or text[comma:comma + 1] != "，":
        return action
    nxt_end = _NEXT_CLAUSE_END.search(text, comma + 1)
    nxt = _action(text, comma + 1, nxt_end.start() if nxt_end else len(text), actors)
    return nxt if _lex().task.match(nxt) else action


# --- one sentence --------------------------------------------------------------------------


def find_measures(text: str, sent_start: int, sent_end: int, mentions: SentenceMentions, *, plan: bool = False,
                  lead: Lead | None = None, excluded: list[tuple[int, int]] | None = None,
                  report: bool = False) -> list[Measure]:
    """The measures of ``text[sent_start:sent_end]``.  ``plan``: subjectless task clauses are
    obligations (a plan, 方案, 措施 or 意见); ``lead``: the sentence is an item under a lead-in;
    ``excluded``: spans (responsibility brackets) that hold no cue; ``report``: a narrative
    document, where only cue words state measures and reported tasks have no agent."""
    quotes = quote_spans(text, sent_start, sent_end)
    spans = list(excluded or ()) + quotes
    out: list[Measure] = []
    segment: list[tuple[int, int]] = []
    for cs, ce in _clauses(text, sent_start, sent_end):
        segment.append((cs, ce))
        if text[ce - 1] in "；." or ce >= sent_end:     # a sentence ends at ； (ANNOTATION.md) and at a "." stop
            out += _segment_measures(text, segment, mentions, spans, quotes, plan, lead, report)
            segment = []
    if segment:
        out += _segment_measures(text, segment, mentions, spans, quotes, plan, lead, report)
    return out


def _segment_measures(text: str, clauses: list[tuple[int, int]], mentions: SentenceMentions, spans: list[tuple[int, int]],
                      quotes: list[tuple[int, int]], plan: bool, lead: Lead | None, report: bool) -> list[Measure]:
    lex = _lex()
    start, end = clauses[0][0], clauses[-1][1]
    sentence = text[start:end]
    body = sentence[_skip_enumerator(sentence, 0, len(sentence)):]
    if lex.purpose.match(_without_note(sentence)) or ("所称" in sentence or "是指" in sentence) and lex.definition.search(sentence) \
            or lex.fact_opener.match(body) or lead is not None and _CATCH_ALL.search(body.rstrip("，；。：")) \
            or _OTHER_SUCH.match(body):
        return []                                # …; （三）其他依法应当采取的措施: the list's catch-all
    actors = mentions.actors
    scan = _Scan(text, actors, spans, plan=plan, lead=lead, penalty=bool(lex.penalty.search(sentence)), report=report,
                 places=[(h.start, h.end) for h in mentions.regions if start <= h.start < end],
                 candidates=_cue_candidates(text, start, end), starts=[a.start for a in actors])
    for i, (cs, ce) in enumerate(clauses):
        if spans:
            if any(qs <= cs and ce <= qe + 1 for qs, qe in spans) or any(qs < cs < qe for qs, qe in quotes):
                continue                                      # quoted words and brackets make no measure
            cs = max([cs] + [qe for qs, qe in spans if qs <= cs < qe])   # （责任单位：…）加快…: after the bracket
        scan.clause(cs, ce, last=i == len(clauses) - 1)
    if not scan.measures and _DUTY_LEAD.search(sentence):
        scan.duty_lead(start + len(sentence) - len(body), end)
    if not lex.principle_noun.search(sentence):
        return scan.measures
    return [m for m in scan.measures if not _is_principle(text, m)]


def _without_note(sentence: str) -> str:
    """The sentence without a leading note （…） or article rubric 【目的依据】 (为…，制定本细则: a purpose)."""
    s = _NOTE.sub("", sentence, count=1)
    r = _RUBRIC.match(s)
    return s[r.end():] if r else s


def _is_principle(text: str, m: Measure) -> bool:
    """…应当遵循…的原则: a principle, no measure."""
    if m.kind != "modal" or m.cue not in cues()[0]:
        return False
    return bool(_lex().principle.match(text, _cue_end(text, m), m.end))


def _cue_end(text: str, m: Measure) -> int:
    p = text.find(m.cue, m.start, m.end)
    return p + len(m.cue) if p >= 0 else m.start


@dataclass(slots=True)
class _Clause:
    """What the clause scan found at the head of one clause."""

    cs: int
    ce: int
    hs: int                     # after an enumerator （一）
    subj: list[Actor]
    subj_end: int
    pos: int                    # after the subject
    hp: int                     # after the adverbials
    last: bool                  # the sentence's last clause
    conditional: bool = False   # …的，
    narrative: bool = False     # X印发《…》
    state: bool = False         # 国家 as the subject (国家建立…制度)
    by: list[Actor] = field(default_factory=list)
    by_end: int = 0


@dataclass(slots=True)
class _Scan:
    """The measures of one sentence, clause by clause."""

    text: str
    actors: list[Actor]
    excluded: list[tuple[int, int]]
    plan: bool = False
    lead: Lead | None = None
    penalty: bool = False
    report: bool = False        # a narrative document (研究报告): who did what is told, not ruled
    candidates: list[tuple[int, re.Match]] = field(default_factory=list)     # cue matches of the segment
    starts: list[int] = field(default_factory=list)      # the actors' start offsets (actors come sorted)
    places: list[tuple[int, int]] = field(default_factory=list)     # region mentions (支持南京、苏州开展…)
    measures: list[Measure] = field(default_factory=list)
    # the subject of an earlier clause, carried to a later cue (县级以上人民政府…，应当…)
    topic: tuple[list[Actor], tuple[int, int]] | None = None
    topic_conditional: bool = False     # the topic is the subject of a condition (当事人…的，应当…)
    # the clause's subject is something an actor owns (专门委员会的审议意见应当…): no agent, not the topic's
    owned: bool = False
    # in a penalty clause, the actors of the last 由X (由…部门责令改正，可以处…罚款)
    imposer: list[Actor] = field(default_factory=list)
    # the actor urged has no verb yet (鼓励金融机构基于…核心资产，开展…): the next clause's verb is its act
    urged_verbless: bool = False

    def _actor_at(self, p: int) -> bool:
        """Is ``p`` inside an actor's name (适用于…的组织和个人, 统称港航管理部门)?"""
        i = bisect_right(self.starts, p)
        return any(a.end > p for a in self.actors[max(0, i - 4):i])

    @property
    def current(self) -> Measure | None:
        return self.measures[-1] if self.measures else None

    def clause(self, cs: int, ce: int, last: bool = False) -> None:
        """Start a measure at this clause, or let it continue the current one."""
        text, lex = self.text, _lex()
        hs = _skip_enumerator(text, cs, ce)
        here = self.actors[bisect_left(self.starts, hs):bisect_left(self.starts, ce)]
        subj, subj_end = _subject(text, hs, ce, here)
        if not subj and here and here[0].start == hs:
            owner, owner_end = _actors_at(hs, ce, text, here)
            self.owned = text.startswith("的", owner_end)
        else:
            # 其使用权限和时限不得超过…, 其供水价格的确定应当…: a thing of the topic's, no agent (not 其他, 其中)
            self.owned = not subj and _ITS_THING.match(text, hs, ce) is not None and not any(
                a.start <= hs + 2 for a in here)
        state = None if subj else _state_subject(text, hs, ce)
        if state is not None:
            self.owned = True                    # 国家鼓励…: no agent, and not an earlier clause's subject
        if subj and self.plan and lex.task.match(text, hs, ce):
            subj, subj_end = [], hs              # 打造一批具有…的头部企业: the object of a task verb
        elif subj and self._thing_subject(subj_end, ce):
            subj, subj_end, self.owned = [], hs, True    # 中小学校、幼儿园专项规划应当…: a thing, no agent
        pos = subj_end if subj else state if state is not None else hs
        head = lex.adverbials.match(text, pos, ce)
        c = _Clause(cs, ce, hs, subj, subj_end, pos, head.end() if head else pos, last,
                    conditional=_CONDITION.search(text, cs, ce) is not None,
                    narrative=bool(subj) and lex.narrative.match(text, subj_end, ce) is not None,
                    state=state is not None)
        c.by, c.by_end = _by_actors(text, pos, ce, self.actors)
        if c.by and self.penalty and not text.startswith(_LIABLE, c.by_end):
            self.imposer = c.by                  # 由…部门责令改正, not 所需费用由违法行为人承担
        if lex.goal.match(text, c.hp, ce):
            pass                                 # 力争…达到…: a goal continues the task before it
        elif (self._cue(c) or self._soft_cue(c) or self._by(c) or self._declared(c) or self._state_duty(c)
                or self._topic_duty(c)
                or self._task(c) or self._item(c)):
            return
        cur = self.current
        if subj and cur is None and not c.narrative:
            if self.topic is not None and _COORDINATED_CLAUSE.match(text, hs, ce):
                subj = self.topic[0] + subj      # …主管部门和…有关部门，以及…的经营管理单位，应当…
                hs = self.topic[1][0]
            self.topic = (subj, (hs, subj_end))
            self.topic_conditional = c.conditional
        if cur is not None:
            cur.end = ce
            self._join_partners(cur, c)

    def _join_partners(self, cur: Measure, c: _Clause) -> None:
        """…应当加强…监督管理，并会同…部门建立…: the partners of a later clause act with the agents."""
        if not cur.agents or cur.modality == "encouragement" or c.subj:
            return
        text, lex = self.text, _lex()
        p = c.hp + 1 if text.startswith("并", c.hp) else c.hp
        pm = lex.partner.match(text, p, c.ce)
        if pm is None:
            return
        partners, _ = _actors_at(pm.end(), c.ce, text, self.actors)
        new = [a for a in partners if a not in cur.agents]
        cur.partners += new
        cur.agents += new

    def _cue(self, c: _Clause) -> bool:
        """A modal or two-part cue (应当, 可以, 不得, 承担…职责; 由X负责)."""
        cue = None if c.conditional else _first_cue(self.text, c.pos, c.ce, self.excluded, self.candidates)
        if cue is None:
            return False
        p, word, mod, end = cue
        lex = _lex()
        cur = self.current
        if "…" in word and not c.subj and cur is not None and cur.kind == "modal" and cur.modality == mod:
            cur.end = c.ce                       # 应当建立…，履行…义务: what the modal requires, one measure
            return True
        if p > c.hp and (lex.soft.match(self.text, c.hp, c.ce) or "…" in word and (
                lex.task.match(self.text, c.hp, c.ce) or lex.declared.match(self.text, c.hp, c.ce))):
            return False      # 鼓励X采购…履行职责所需的…, 督促有关部门依法履行职责: the verb before governs what follows
        agents = c.by if c.by and c.by_end <= p else None
        if agents is None and not c.subj and self.penalty and self.imposer:
            agents = list(self.imposer)              # …由X责令改正，可以处…罚款: X may fine
        if agents is None and not c.subj and p > c.hp and (_UNKNOWN_SUBJECT.fullmatch(self.text, c.hp, p)
                                                            or self.text.startswith("由", c.hp)):
            agents = []                              # …时，有关单位和个人应当…, 由…监管机构负责…: someone unknown
        if agents is None and not c.subj and self._imposed_on_topic(end, c.ce):
            agents = []                              # 当事人…的，应当…进行处罚: done to the topic, not by it
        cur, cs = self.current, c.cs
        if (not c.subj and agents is None and cur is not None and cur.kind == "declared" and cur.end == cs
                and self.topic is not None and cur.agents == self.topic[0] and not self._second_duty(word, cur)):
            self.measures.pop()                      # X办理…，应当…: X is the topic of 应当
            cs = cur.start
        self._open(mod, word, p, end, cs, c.ce, c.subj, c.subj_end, "modal", agents=agents)
        return True

    def _imposed_on_topic(self, p: int, ce: int) -> bool:
        """…的，应当从轻处罚 / 可以免予处罚: after a condition about the topic, a modal whose verb is a penalty
        or a relief done to the topic, not by it."""
        if self.topic is None or not self.topic_conditional or self.current is not None:
            return False
        a = _lex().adverbials.match(self.text, p, ce)
        m = _IMPOSED.match(self.text, a.end() if a else p, ce)
        return m is not None and not _APPLIED_FOR.search(self.text, p, ce)

    def _second_duty(self, word: str, cur: Measure) -> bool:
        """X主管…工作，负责…: a 负责 clause after a duty verb heading the subject's clause is a duty of its
        own (not 在…领导下，负责…, where the verb is not the clause's head)."""
        if word not in _RULES["second_duty_cues"] or cur.subject_span is None or cur.cue in _RULES["second_duty_not_after"]:
            return False
        head = _after_partners(self.text, cur.subject_span[1], cur.end, self.actors)
        return self.text.startswith(cur.cue, head)

    def _soft_cue(self, c: _Clause) -> bool:
        soft = _lex().soft.match(self.text, c.hp, c.ce)
        if soft is None or _inside(c.hp, self.excluded):
            return False
        self._soft(soft, c.cs, c.ce, c.subj, c.subj_end)
        return True

    def _by(self, c: _Clause) -> bool:
        """由X + a verb outside penalty clauses: X's duty (由登记机构予以注销)."""
        if not c.by or self.penalty or c.conditional or self.report or _binding(self.current):
            return False
        verb = _after_partners(self.text, c.by_end, c.ce, self.actors)
        alt = _OR_ITS.match(self.text, verb, c.ce)       # 由卫生行政主管部门或其所在单位追究责任 (13 in the corpus)
        if _lex().sanction.match(self.text, alt.end() if alt else verb, c.ce) or _MADE_OF.match(self.text, verb, c.ce) \
                or self.text[verb:c.ce].rstrip("，；。：").endswith(_BY_NOT_DUTY):
            return False                             # 工作组由…等部门组成, 由…等组成的体系, …由…负责人担任: no duty
        self._open("obligation", "由", verb, verb, c.cs, c.ce, c.subj, c.subj_end, "declared", agents=c.by)
        return True

    def _declared(self, c: _Clause) -> bool:
        """A government subject (any subject in a plan) with a duty verb: 本省实行…, 市财政局会同…建立…."""
        cur = self.current
        if (not c.subj or not (self.plan or _is_government(c.subj) or self._qualified(c.subj[0])) or c.conditional
                or c.narrative or self.penalty or self.report):
            return False
        if _binding(cur) and (cur is None or c.subj_end > c.hs + 24 or set(map(id, c.subj)) <= set(map(id, cur.agents))):
            return False                                 # …负责…，区数据主管部门做好…: a subject of its own
        text, lex = self.text, _lex()
        if text.startswith("的", c.subj_end):
            return False                                 # 人民法院的判决为…: a possessor, not a subject
        verb = _after_partners(text, c.subj_end, c.ce, self.actors)
        if text.startswith(_ISSUER_HEADS, verb):
            return False                                 # X关于印发…的通知, X文件沪府办发…: a header, no duty
        title = _TITLE_OPEN.search(text, verb, c.ce)
        stop = title.start() if title else c.ce
        m = lex.declared.search(text, verb, stop)
        while m is not None and self._actor_at(m.start()):                 # 适用于…的组织和个人: an actor, no verb
            m = lex.declared.search(text, m.end(), stop)
        if m is None or lex.noun_after_verb.match(text, m.end(), c.ce):     # not 资助金额
            return False
        self._open("obligation", m.group(0), m.start(), m.start(), c.cs, c.ce, c.subj, c.subj_end, "declared",
                   action=self._verb_phrase(m.start(), m.group(0), c.ce))
        return True

    def _state_duty(self, c: _Clause) -> bool:
        """国家 + a duty verb (国家建立数据分类分级保护制度, 国家采取措施…): an obligation without agent."""
        if not c.state or c.conditional or self.penalty or self.report or _binding(self.current):
            return False
        m = _lex().declared.match(self.text, c.hp, c.ce)
        if m is None:
            return False
        self._open("obligation", m.group(0), m.start(), m.start(), c.cs, c.ce, [], c.hp, "declared", agents=[],
                   action=self._verb_phrase(m.start(), m.group(0), c.ce))
        return True

    def _thing_subject(self, p: int, ce: int) -> bool:
        """Do the words between the subject actor ending at ``p`` and the clause's modal name a thing the
        actor owns or is listed with (…学校、幼儿园专项规划应当, …单位编制的应急预案应当)?"""
        cue = _first_cue(self.text, p, ce, self.excluded, self.candidates)
        return cue is not None and _THING_SUBJECT.fullmatch(self.text, p, cue[0]) is not None

    def _qualified(self, a: Actor) -> bool:
        """Is the actor a body a government or department names (…人民政府确定的燃气主管部门, 所属的…机构)?"""
        return _QUALIFIER_BEFORE.search(self.text, max(0, a.start - 4), a.start) is not None

    def _topic_duty(self, c: _Clause) -> bool:
        """The duty verb of an earlier clause's government subject: 县级以上人民政府有关部门按照职责分工，做好…"""
        topic = self.topic
        if (c.subj or topic is None or self.current is not None or c.conditional or self.penalty or self.report
                or not (self.plan or _is_government(topic[0]))):
            return False
        text, lex = self.text, _lex()
        m = lex.task.match(text, c.pos, c.ce)
        d = lex.declared.match(text, c.hp, c.ce)
        prep = lex.preposition.match(text, c.hp, c.ce) if m is None and d is None else None
        if prep is not None and not lex.phrase_end.search(text, c.hp, c.ce):
            # …，对…的土地管理情况进行督察: the clause's last duty verb with no 的 after it
            verbs = [v for v in lex.declared.finditer(text, prep.end() + 1, c.ce) if not self._actor_at(v.start())]
            d = verbs[-1] if verbs and not text.startswith("的", verbs[-1].end()) else None
        if m is not None:
            p, word = m.start("v"), m.group("v")
        elif d is not None:
            p, word = d.start(), d.group(0)
        else:
            return False
        self._open("obligation", word, p, p, c.cs, c.ce, c.subj, c.subj_end, "declared",
                   action=self._verb_phrase(p, word, c.ce))
        return True

    def _task(self, c: _Clause) -> bool:
        """A plan's task clause: one per clause headed by a task verb, unless it continues (并…) or
        states the purpose of the task before."""
        cur, lex = self.current, _lex()
        if not self.plan or not (cur is None or cur.kind in ("task", "soft")) \
                or lex.continuing.match(self.text, c.hs, c.ce):
            return False
        if cur is not None and cur.kind == "soft" and self.urged_verbless and not c.subj:
            cur.end = c.ce                       # 支持企业依托…资源，建设…: what the urged actor does
            self.urged_verbless = bool(lex.preposition.match(self.text, c.hp, c.ce)) and \
                not lex.task_any.search(self.text, c.hp, c.ce)          # …，围绕…需求，开展…: not yet
            return True
        verb = self._task_verb(c.pos, c.hp, c.ce, c.last) or (
            _disposal(self.text, c.hp, c.ce) if self.lead is None else None)      # not an item under a lead-in
        if verb is None or not (cur is None or verb[1] in lex.strong_tasks
                                or (verb[1] in lex.middle_tasks or verb[1] in _DISPOSAL_VERBS) and not c.last):
            return False
        self._open("obligation", verb[1], verb[0], verb[0], c.cs, c.ce, c.subj, c.subj_end, "task",
                   action=self._verb_phrase(verb[0], verb[1], c.ce))
        return True

    def _verb_phrase(self, p: int, verb: str, ce: int) -> str:
        """The action of a task verb: the verb, with its object when it is a light verb (给予资助),
        or the verb after it when it is an adverb too (加快构建 → 构建)."""
        if verb in _RULES["light_verbs"]:
            return _action(self.text, p, ce, self.actors)
        if verb in _RULES["adverbials"]:
            nxt = _lex().task.match(self.text, p + len(verb), ce)
            return nxt.group("v") if nxt else verb
        return verb

    def _item(self, c: _Clause) -> bool:
        """An item under a lead-in (履行下列职责：（一）…) takes the lead-in's modality."""
        if self.lead is None or self.current is not None or c.pos >= c.ce - 1 or not self._is_item(c.pos, c.ce):
            return False
        self._open(self.lead.modality, self.lead.cue, c.hp, c.hp, c.cs, c.ce, c.subj, c.subj_end, "item", agents=[])
        return True

    def _task_verb(self, pos: int, hp: int, ce: int, last_clause: bool = False) -> tuple[int, str] | None:
        """The task verb heading the clause: right after adverbials, or after a leading
        prepositional phrase (依托…构建, 对…给予) the clause's last one with no 的 after it
        (not 对…具有示范带动效应的项目，)."""
        text, lex = self.text, _lex()
        m = lex.task.match(text, pos, ce)
        if m:
            p = m.start("v")
            if any(a.start == p and a.end > m.end() for a in self.actors):
                return None                      # 创新主体培育, 建设单位: the word begins an actor's name
            return p, m.group("v")
        prep = lex.preposition.match(text, hp, ce)
        if prep and last_clause and text.startswith("为", hp):
            return None                          # …，为全省经济社会发展注入新动能。: the purpose of the tasks before
        if prep and not lex.phrase_end.search(text, hp, ce):
            last = None
            for v in lex.task_any.finditer(text, prep.end() + 1, ce):
                if v.group(0) in lex.strong_tasks and not _inside(v.start(), self.excluded) \
                        and not self._actor_at(v.start()) and not text.startswith("等", v.end()):
                    last = v                     # not 按照“…、错位发展、…”原则 (quoted), not 对…建设单位 (a name),
                                                 # not 面向…、环保监测等创新应用场景 (a noun in a list)
            if last is not None and text.find("的", last.end(), ce) < 0 and last.end() < ce - 1:
                return last.start(), last.group(0)
        return None

    def _is_item(self, hs: int, ce: int) -> bool:
        """Is this clause an action under the lead-in (not a condition ending in 的)?"""
        lead, text = self.lead, self.text
        assert lead is not None
        body = text[hs:ce].rstrip("，；。：")
        if not body or body.endswith("的") or _CATCH_ALL.search(body):
            return False                                 # …的: a condition
        lex = _lex()
        if body.endswith(_NOUN_ITEM_ENDINGS) and not (lex.item_verb.match(text, hs, ce) or lex.task.match(text, hs, ce)):
            return False                                 # 个人信息保护能力建设情况 (not 报告…情况): a noun
        if lead.neutral:
            return bool(lex.item_verb.match(text, hs, ce))
        return True

    def _soft(self, soft: re.Match, cs: int, ce: int, subj: list[Actor], subj_end: int) -> None:
        """鼓励/引导 encourage; 支持/推动 + another actor + a verb encourage; + a thing they are
        the government's own task, which continues a modal measure."""
        word = soft.group(0)
        cur = self.current
        always = _RULES["always_encourage"] if not _binding(cur) else _RULES["encourage_under_modal"]
        encourage = any(word.startswith(w) for w in always) or (
            any(word.startswith(w) for w in _RULES["encourages_actor"]) and self._urges_actor(soft.end(), ce)) or (
            word.startswith("支持") and self._urges_place(soft.end(), ce)) or (
            word.startswith(("支持", "推动")) and _urges_kind(self.text, soft.end(), ce))
        if not encourage and not subj and cur is not None and cur.kind in ("modal", "item"):
            cur.end = ce
            return
        if encourage:
            self._open("encouragement", word, soft.start(), soft.end(), cs, ce, subj, subj_end, "soft", action=word)
            self.urged_verbless = self._verbless(soft.end(), ce)
        else:
            self._open("obligation", word, soft.start(), soft.start(), cs, ce, subj, subj_end,
                       "declared" if subj else "task")

    def _urges_actor(self, p: int, ce: int) -> bool:
        """支持南京、苏州开展…: an actor right after the cue, and not as a possessor (…的)."""
        text = self.text
        d = _lex().encouraged_det.match(text, p, ce)
        q = d.end() if d else p
        if any(p <= a.start < q for a in self.actors):
            q = p                                # 支持各区设立…: the determiner begins the actor
        n = _QUANTITY.match(text, q, ce)
        q = n.end() if n else q
        lex = _lex()
        if lex.urged_adverbial.match(text, q, ce):
            return True                          # 引导会员依法经营: someone urged to act, named or not
        nxt = next((a for a in self.actors if q <= a.start < min(ce, q + _LIST_GAP + 1)), None)
        if nxt is None or lex.gap_stop.search(text, q, nxt.start):
            return False
        gap = text[q:nxt.start]
        if lex.task_any.search(gap) and not gap.endswith("等"):
            return False                         # 推动建设…企业: a task; but 检测评估、认证等专业机构 is a list of kinds
        if len(gap) > _GAP and not gap.endswith("等"):
            return False                         # 推动技术评估、经纪、咨询等第三方专业化机构发展: a list with 等
        found, end = _actors_at(nxt.start, ce, text, self.actors)
        # the actor ends the clause when its act follows (支持…等数源单位，围绕…，开展…)
        return bool(found) and not text.startswith("的", end) and (end < ce - 1 or text.startswith("，", end))

    def _verbless(self, p: int, ce: int) -> bool:
        """Is the rest of an encouragement clause an actor and a prepositional phrase only, ending at a
        comma (鼓励金融机构基于数据知识产权、数据资产等核心资产，)?"""
        text, lex = self.text, _lex()
        if text[ce - 1] != "，":
            return False
        found = [a for a in self.actors if p <= a.start < ce]
        if not found:
            return False
        end = max(a.end for a in found if a.start == found[0].start)
        if text.startswith("，", end):
            return True                          # 支持…等数源单位，…: the act is in a later clause
        if text.startswith("的", end) or not lex.preposition.match(text, end, ce):
            return False
        return not any(not self._actor_at(v.start()) for v in lex.task_any.finditer(text, end, ce)) \
            and not lex.declared.search(text, end, ce)

    def duty_lead(self, hs: int, end: int) -> None:
        """X的主要职责是： / X工作职责包括：: the duties listed after it are X's (the subject before 的, or none)."""
        text = self.text
        owner, _ = _actors_at(hs, end, text, self.actors)
        d = None if owner else _lex().determiners.match(text, hs, end)     # 县级以上…委员会 begins with 县级
        if d is not None:
            owner, _ = _actors_at(d.end(), end, text, self.actors)
        m = _DUTY_LEAD.search(text, hs, end)
        assert m is not None
        self._open("obligation", "职责", m.start(), m.start(), hs, end, [], hs, "declared", agents=owner, action="履行职责")

    def _urges_place(self, p: int, ce: int) -> bool:
        """支持南京、苏州开展…, 支持武汉、襄阳、宜昌等市州开展试点: places that act, then a task verb."""
        lex = _lex()
        g = _GENERIC_PLACE.match(self.text, p, ce)        # 支持各地因地制宜建设…, 支持有条件的地区探索… (19 in the corpus)
        if g is not None:
            q = g.end()
        else:
            starts = {a: b for a, b in self.places}
            d = lex.encouraged_det.match(self.text, p, ce)
            q = d.end() if d else p
            if q not in starts:
                return False
            while q in starts:
                q = starts[q]
                if self.text.startswith(("、", "和"), q) and q + 1 in starts:
                    q += 1
            u = _PLACE_UNIT.match(self.text, q, ce)
            q = u.end() if u else q
        a = lex.adverbials.match(self.text, q, ce)       # 支持厦门高标准高水平建设数据港
        return lex.task_any.match(self.text, a.end() if a else q, ce) is not None

    def _open(self, modality: str, cue: str, cue_pos: int, after: int, cs: int, ce: int, subj: list[Actor],
              subj_end: int, kind: str, agents: list[Actor] | None = None, action: str | None = None) -> None:
        text = self.text
        start = cs
        span = (cs, subj_end) if subj else None
        topic_end = -1                            # the end of an earlier clause's subject this measure takes
        if agents is None:
            if subj:
                agents = list(subj)
            elif self.owned:
                agents = []
            elif self.topic is not None and not (self.report and kind in ("task", "soft")):
                agents, span = list(self.topic[0]), self.topic[1]
                topic_end = span[1]
            elif self.current is not None and kind in ("modal", "soft"):
                agents = list(self.current.agents)
            else:
                agents = []
        if subj:
            self.topic = (subj, (cs, subj_end))
        partners: list[Actor] = []
        # 会同/联合 partners act with the agents; 支持企业联合高校…: those urged act together, not the encourager
        pm = _lex().partner.search(text, subj_end if subj else cs, min(ce, max(after, cue_pos) + 8)) \
            if agents and modality != "encouragement" else None
        if pm:
            partners, _ = _actors_at(pm.end(), ce, text, self.actors)
        if not partners and topic_end >= 0 and agents and modality != "encouragement" and self.current is None:
            # (a 协同 with no actor after it, 建立…协同监管机制, is no partner phrase)
            tm = _lex().partner.match(text, topic_end, cs)      # X会同Y，建立…: Y acts with the topic X
            partners = _actors_at(tm.end(), cs, text, self.actors)[0] if tm else []
        if action is None:
            action = cue if kind == "soft" else _framed_action(
                text, after, ce, self.actors, cue if cue in _DUTY_VERBS else "")
        if not action.strip("，；：。、 "):
            action = cue.split("…")[0]           # 承担…职责，依法…: the cue itself, never a comma
        self.measures.append(Measure(start, ce, modality, cue, action,
                                     agents + [p for p in partners if p not in agents], partners,
                                     subject_span=span, kind=kind))


_DISPOSAL_VERBS = frozenset(_RULES["disposal_verbs"])
_DISPOSAL = re.compile(f"(?:{_alt('disposal_markers')})(?!{alternation(_RULES['disposal_not_after'] + _RULES['adverbials'])})"
                       f"[^，；。：“”]{{1,40}}?(?P<v>{_alt('disposal_verbs')})")


def _disposal(text: str, hp: int, ce: int) -> tuple[int, str] | None:
    """将/把 + a thing + 纳入/列入/作为… heading a plan's clause (将…经费纳入财政预算): the task verb."""
    m = _DISPOSAL.match(text, hp, ce)
    return (m.start("v"), m.group("v")) if m is not None else None


def _urges_kind(text: str, p: int, ce: int) -> bool:
    """支持产业互联网平台开展…, 支持示范区建设…节点, 支持各地和有关行业举办…: a body named by its kind (a
    platform, a zone, a sector) that acts — a verb of doing with its object, not 支持…平台建设 (a thing)."""
    m = _URGED_KIND.match(text, p, ce)
    if m is None or len(m.group("np")) > 12 and "等" not in m.group("np"):
        return False
    a = _lex().adverbials.match(text, m.end(), ce)
    return m.group("v") not in _NOUN_TOO or (a.end() if a else m.end()) < ce - 2


_URGED_KIND = re.compile(f"(?P<np>[^，；。：的“”]{{0,24}}?(?:{_alt('urged_kind_heads')}))"
                         f"(?:{_alt('adverbials')})*(?P<v>{_alt('urged_kind_verbs')})")
_NOUN_TOO = frozenset(_RULES["urged_kind_nouns_too"])


def _binding(m: Measure | None) -> bool:
    """Does ``m`` bind the clauses after it (a modal, a declared duty, an item), so that a task
    verb or 支持 + a thing continues it?"""
    return m is not None and m.kind in ("modal", "declared", "item")


# a lead-in naming duties without 下列 (X的主要职责是：, 工作组工作职责包括：; 82 in the corpus)
_DUTY_LEAD_VERB = guarded(re.compile(f"(?:{_alt('duty_lead_modifiers')})?职责(?:{_alt('duty_lead_verbs')})[：:]\\s*$"))
_BARE_DUTY_LEAD = re.compile(f"(?:{_alt('duty_lead_modifiers')})职责[：:]\\s*$")


class _DutyLead:
    """X的主要职责是： / 工作组工作职责包括： / 市绿化行政管理部门主要职责： (no verb, and no 下列 before it)."""

    @staticmethod
    def search(text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        end = len(text) if end is None else end
        m = _DUTY_LEAD_VERB.search(text, start, end)
        if m is None and not _lex().lead_in.search(text, start, end):
            m = _BARE_DUTY_LEAD.search(text, start, end)
        return m


_DUTY_LEAD = _DutyLead()

# the last item of a list of duties: 法律、法规规定的其他职责 (a noun phrase, no measure)
# a list's last item naming what else a modal covers (（四）其他依法应当约谈的情形。, 其他应当公示的信息。: ~200)
_OTHER_SUCH = re.compile(f"(?:{_alt('catch_all_words')})"
                         f"(?:{_alt('catch_all_by_law')}|(?:{_alt('catch_all_per')})[^，；。]{{0,10}}(?:{_alt('catch_all_per_end')}))?"
                         f"(?:{_alt('catch_all_modals')})[^，；。]{{1,24}}的[^，；。的]{{1,8}}[。；]?$")
_CATCH_ALL = re.compile(f"(?:{alternation(_RULES['catch_all_words'])})[^，；。]{{0,12}}$")

# …等市州 after the places urged (支持武汉、襄阳、宜昌等市州开展试点)
_PLACE_UNIT = re.compile(f"等?(?:{_alt('place_units')})?")

# places named by kind, not by name, that 支持 urges to act (支持各地…建设, 支持有条件的地区探索…)
_GENERIC_PLACE = re.compile(f"(?:{_alt('urged_generic_places')})")

# 每年推动1万余家企业开展…: a number of actors after the cue
_QUANTITY = re.compile(r"\d+(?:\.\d+)?[万千百]?余?[家个批所名户]?(?:以上)?")
# 由X + one of these in a penalty clause makes X the one liable, not the one who fines (费用由违法行为人承担)
_LIABLE = tuple(_RULES["liability_verbs"])
_GAP = 6          # characters of a qualifier before the actor urged (支持制造业重点企业发挥…)
_LIST_GAP = 24    # … or of a list of kinds ending in 等 (推动技术评估、经纪、咨询等第三方专业化机构发展)

# a conditional clause (…需要搬迁的，; 在特定时间内禁止…活动的，): its cue words state no measure
_CONDITION = re.compile(r"的[，；]$")


def _after_partners(text: str, p: int, ce: int, actors: list[Actor]) -> int:
    """Past adverbials and a 会同X of a subject (市财政局会同市数据局建立…)."""
    lex = _lex()
    m = lex.adverbials.match(text, p, ce)
    p = m.end() if m else p
    pm = lex.partner.match(text, p, ce)
    if pm:
        _, end = _actors_at(pm.end(), ce, text, actors)
        if end > pm.end():
            return end
    return p


# --- lead-ins and responsibility brackets --------------------------------------------------


def lead_in(text: str, start: int, end: int, measures: list[Measure]) -> Lead | None:
    """The lead-in at the end of a sentence (…履行下列职责：, 其主要职责是：), with the modality of the
    sentence's last measure; none for conditions (有下列情形之一的) and lists of things (下列材料：)."""
    lex = _lex()
    if measures and _DUTY_LEAD.search(text, start, end):
        return Lead(measures[-1].modality, measures[-1].cue)
    m = lex.lead_in.search(text, start, end)
    if m is None or not measures or "之一" in text[m.start():end]:
        return None
    head = m.group("head").strip()
    # the measure whose clause holds 下列 (可以采取下列措施，支持…开展…活动：: the measures are authorized, 5 in the corpus)
    last = next((x for x in reversed(measures) if x.start <= m.start() < x.end), measures[-1])
    actions, neutral = _RULES["lead_in_actions"], _RULES["lead_in_neutral"]
    if any(head.startswith(w) or head.endswith(w) for w in actions):
        return Lead(last.modality, last.cue)
    if any(head.endswith(w) for w in neutral):
        return Lead(last.modality, last.cue, neutral=True)
    if any(head.startswith(w) for w in neutral):       # 按照下列要求对…添加显式标识：
        return Lead(last.modality, last.cue)
    return None


def find_brackets(text: str, start: int, end: int, actors: list[Actor],
                  pending: Bracket | None = None) -> tuple[list[Bracket], Bracket | None]:
    """The responsibility brackets of a sentence and the bracket left open at its end.
    ``pending``: a bracket opened by an earlier sentence (（牵头单位： …), continued here."""
    out: list[Bracket] = []
    p = start
    if pending is not None and not _continues(text, start, end, actors):
        pending.closed = True                # the text broke off inside it: it ends where it stopped
        out.append(pending)
        pending = None
    if pending is not None:
        close = _closing(text, start, end)
        stop = close if close is not None else end
        pending.units += _units(text, start, stop, actors, pending.role)
        pending.role = _role_at_end(text, start, stop, pending.role)
        pending.end = stop + 1 if close is not None else end
        if close is None:
            return out, pending
        pending.closed = True
        out.append(pending)
        p = close + 1
    while True:
        o = _next_open(text, p, end)
        if o is None:
            return out, None
        close = _closing(text, o + 1, end)
        stop = close if close is not None else end
        inner = text[o + 1:stop]
        if not _is_responsibility(inner, close is None):
            p = (close + 1) if close is not None else end
            if close is None:
                return out, None
            continue
        units = _units(text, o + 1, stop, actors, None)
        b = Bracket(o, stop + 1 if close is not None else end, units, closed=close is not None,
                    role=_role_at_end(text, o + 1, stop, None))
        if close is None:
            return out, b
        out.append(b)
        p = close + 1


_OPENER = re.compile(r"[（(［【〔\[]")                  # [责任单位：…] too
# a bracket that names no one in particular (其他相关部门配合, 各有关单位按职责分工负责): no unit (GUIDE.md)
_VAGUE_UNIT = re.compile(r"(?:其他)?(?:各)?(?:相关|有关)(?:部门|单位)")
# a note in brackets opening a sentence (（此件正文公开，附件依申请公开）为贯彻落实…)
_NOTE = re.compile(r"^[（(][^（）()]{0,20}[）)]")
_PIECE_LABEL = re.compile(r"[^：:，。；（）()]{0,8}[：:]")        # 完成时限：, 配合单位：


def _continues(text: str, start: int, end: int, actors: list[Actor]) -> bool:
    """Does a sentence continue the bracket an earlier one left open?  Only when it opens with a
    unit (市财政局…；), a label (配合单位：, 完成时限：) or a closing bracket, or is nothing but the
    bracket's tail (…各区、县（市）政府］); a sentence that opens with a task (加强…。) means the text
    broke off inside the bracket."""
    s = start
    while s < end and text[s].isspace():
        s += 1
    close = _closing(text, s, end)
    if close is not None and not text[close + 1:end].strip("。；;，,） \n"):
        return True
    d = _lex().determiners.match(text, s, end)
    if any(a.start in (s, d.end() if d else s) for a in actors):
        return True
    return s >= end or text[s] in _CLOSE or _PIECE_LABEL.match(text, s, end) is not None


def _next_open(text: str, p: int, end: int) -> int | None:
    m = _OPENER.search(text, p, end)
    return m.start() if m else None


def _closing(text: str, p: int, end: int) -> int | None:
    """The position of the bracket closing at depth 0 from ``p``."""
    depth = 0
    for i in range(p, end):
        ch = text[i]
        if ch in "（(［【〔[":
            depth += 1
        elif ch in "）)］】〕]":
            if depth == 0:
                return i
            depth -= 1
    return None


def _is_responsibility(inner: str, open_: bool) -> bool:
    lex = _lex()
    if lex.bracket_label.search(inner):
        return True
    if open_:
        return False
    return any(lex.bracket_ending.search(seg) for seg in re.split(r"[，；;,]", inner))


def _units(text: str, a: int, b: int, actors: list[Actor], role: str | None) -> list[tuple[Actor, str]]:
    """Each unit named in ``text[a:b]`` with its action: segments split at ，；, a label
    (牵头单位：) naming the action of the units after it, an ending (…牵头) of those before."""
    lex = _lex()
    labels = _RULES["bracket_labels"]
    endings = _RULES["bracket_endings"]
    out: list[tuple[Actor, str]] = []
    seg_start = a
    for i in range(a, b + 1):
        if i < b and text[i] not in "，；;,":
            continue
        s, e = seg_start, i
        seg_start = i + 1
        lm = None
        for m in lex.bracket_label.finditer(text, s, e):
            lm = m
        if lm is not None:
            role = labels[lm.group("label")]
            s = lm.end()
        elif re.match(r"\s*[^：:，；]{0,8}[：:]", text[s:e]):
            role = None                                     # 完成时限：… names no unit
            continue
        em = lex.bracket_ending.search(text, s, e)
        seg_role = endings[em.group(0).strip()] if em else role
        if seg_role is None:
            continue
        named = [x for x in actors if s <= x.start and x.end <= e and not _VAGUE_UNIT.fullmatch(x.text)]
        out += [(x, seg_role) for x in _outermost(named)]
    return out


def _outermost(actors: list[Actor]) -> list[Actor]:
    """The actors not inside a longer single name (…领导小组办公室, not also its 领导小组; but 县（市）政府 inside
    the list 区、县（市）政府 stays)."""
    return [x for x in actors if not any(y is not x and y.start <= x.start and x.end <= y.end
                                         and y.end - y.start > x.end - x.start and not _LISTED.search(y.text)
                                         for y in actors)]


_LISTED = re.compile("[、和及与]")


def _role_at_end(text: str, a: int, b: int, role: str | None) -> str | None:
    """The action of units that follow in the next sentence (配合单位： at the end of a piece)."""
    lex = _lex()
    labels = _RULES["bracket_labels"]
    last = None
    for m in lex.bracket_label.finditer(text, a, b):
        last = m
    if last is None:
        return role
    rest = text[last.end():b]
    return labels[last.group("label")] if not re.search(r"[：:]", rest) else None


# --- the stage ------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _modality_labels() -> dict[str, str]:
    return {c.key: c.pref for c in vocabulary().scheme("mod")}


_LEVELS_BELOW_ITEM = ("paragraph", "enum")
_ITEM_LEVELS = ("item", "number", "subnumber", "enum")
_RUBRIC_LEVELS = ("part", "chapter", "section", "book", "preamble", "title")


def _task_document(doc: Document) -> bool:
    """A plan, 方案, 措施 or 意见 (or a notice transmitting one), or a 办法 running a funding programme
    (资金管理办法): its task clauses are obligations."""
    kinds = set(_RULES["task_doc_types"])
    if doc.meta.doc_type in kinds:
        return True
    if doc.meta.doc_type in _RULES["programme_doc_types"]:       # a funding programme's 办法
        return any(w in (doc.meta.title or "") for w in _RULES["programme_title_words"])
    if doc.meta.doc_type == "notice":
        title = re.sub(r"(?:的)?通知(?:[-—_－].*)?$", "", doc.meta.title or "")   # …的通知-通知公告
        return title_doc_type(title)[0] in kinds
    if doc.meta.doc_type is None and doc.meta.title:          # …的意见2025年第25号国务院公报: a web page's tail
        m = _TASK_TITLE.match(doc.meta.title)
        return m is not None and title_doc_type(m.group(0))[0] in kinds
    return False


# a title up to the last word that names a task document (意见, 方案…), whatever a web page added after it
_TASK_TITLE = re.compile(rf"^.*(?:{_alt('task_title_words')})")


@dataclass(slots=True)
class _DocContext:
    doc: Document
    by_id: dict[str, Provision]
    plan: bool
    report: bool

    def container(self, pid: str) -> str:
        """The nearest provision above paragraphs and enumerations (an item, an article…)."""
        p = self.by_id.get(pid)
        while p is not None and p.level in _LEVELS_BELOW_ITEM and p.parent:
            p = self.by_id.get(p.parent)
        return p.id if p is not None else pid

    def is_rubric(self, s: Sentence) -> bool:
        """A part or chapter heading (一、总体要求; 第二章…) or the title: no measure."""
        p = self.by_id.get(s.provision)
        return p is not None and (p.level == "title" or s.id.endswith("/h") and p.level in _RUBRIC_LEVELS)

    def no_tasks(self, s: Sentence) -> bool:
        """Under a goal or principle heading (二、主要目标): goals and principles, no measures."""
        lex = _lex()
        p = self.by_id.get(s.provision)
        while p is not None:
            if p.heading and lex.no_task_heading.search(p.heading):
                return True
            p = self.by_id.get(p.parent) if p.parent else None
        return False

    def item_under(self, s: Sentence, scope: str, lead_sentence: Sentence) -> bool:
        """Is ``s`` an item below the lead-in's provision ``scope``?"""
        if not _within(s.provision, scope):
            return False
        if s.provision == lead_sentence.provision:
            return bool(_ENUMERATOR.match(s.text))
        p = self.by_id.get(s.provision)
        while p is not None and p.id != scope:
            if p.level in _ITEM_LEVELS:
                return True
            p = self.by_id.get(p.parent) if p.parent else None
        return bool(_ENUMERATOR.match(s.text))


def _within(pid: str, scope: str) -> bool:
    return pid == scope or pid.startswith(scope + "/")


@dataclass(slots=True)
class _Task:
    measure: Measure
    provision: str


def _doc_measures(doc: Document) -> list[tuple[Sentence, SentenceMentions, list[Measure]]]:
    """Every sentence's measures, with responsibility brackets resolved over the document."""
    ctx = _DocContext(doc, {p.id: p for p in doc.provisions}, _task_document(doc),
                      doc.meta.doc_type in _RULES["narrative_doc_types"])
    text = doc.text
    out: list[tuple[Sentence, SentenceMentions, list[Measure]]] = []
    open_tasks: list[_Task] = []           # tasks since the last bracket
    pending: Bracket | None = None         # a bracket still open at the end of a sentence…
    pending_tasks: list[_Task] = []        # …and the tasks it closes
    waited = 0
    lead: tuple[Lead, str, Sentence] | None = None
    for s, m in zip(doc.sentences, doc.layers["mentions"], strict=True):
        if "/fn" in s.id or ctx.is_rubric(s):
            continue
        if lead is not None and not ctx.item_under(s, lead[1], lead[2]):
            lead = None
        if pending is not None and waited >= _BRACKET_PIECES:
            _assign(pending_tasks, pending)      # never closed: what it named so far
            pending = None
        continued = pending
        brackets, pending = find_brackets(text, s.start, s.end, m.actors, pending)
        waited = waited + 1 if pending is not None and pending is continued else 0
        spans = [(b.start, b.end) for b in brackets] + ([(pending.start, pending.end)] if pending else [])
        goal = ctx.plan and ctx.no_tasks(s)      # 二、主要目标: goals, not measures
        ms = [] if goal else find_measures(text, s.start, s.end, m, plan=ctx.plan, lead=lead[0] if lead else None,
                                           excluded=spans, report=ctx.report)
        new_lead = lead_in(text, s.start, s.end, ms)
        if new_lead is not None:
            lead = (new_lead, ctx.container(s.provision), s)
        units = [Measure(a.start, a.end, "obligation", role, role, [a], kind="unit")
                 for b in brackets + ([pending] if pending is not None else [])
                 for a, role in b.units if s.start <= a.start < s.end]
        here = [_Task(x, s.provision) for x in ms]
        scope = ctx.container(s.provision)
        for b in brackets:
            if b is continued:
                _assign(pending_tasks, b)
                continue
            closed = open_tasks + [t for t in here if t.measure.start < b.start]
            _assign([t for t in closed if _within(t.provision, scope)], b)
            open_tasks, here = [], [t for t in here if t.measure.start >= b.end]
        if pending is not None and pending is not continued:
            closed = open_tasks + [t for t in here if t.measure.start < pending.start]
            pending_tasks = [t for t in closed if _within(t.provision, scope)]
            open_tasks, here = [], []
        open_tasks += here
        out.append((s, m, sorted(ms + units, key=lambda x: (x.start, x.end))))
    if pending is not None:
        _assign(pending_tasks, pending)
    return out


_BRACKET_PIECES = 4        # sentences a bracket may run over (（牵头单位：\n市财政局…；\n完成时限：…）)


def _assign(tasks: list[_Task], b: Bracket) -> None:
    units = list({(a.start, a.id): a for a, _ in b.units}.values())
    for t in tasks:
        t.measure.responsible = units


class _ByStart:
    """A sentence's hits (actors, instruments, domains) found by where they start: the hits starting in
    ``[start, end)``, in their own order, by bisection — a sentence of thousands of comma clauses would
    otherwise scan every hit of the sentence for each of its clauses."""

    def __init__(self, hits: list) -> None:
        self.hits = hits
        self.order = sorted(range(len(hits)), key=lambda i: hits[i].start)
        self.starts = [hits[i].start for i in self.order]

    def within(self, start: int, end: int) -> list:
        lo, hi = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [self.hits[i] for i in sorted(self.order[lo:hi])]


def _keys(prefix: str, hits: list) -> tuple[str, ...]:
    """The distinct ``prefix + concept key`` of the hits, in order."""
    return tuple(dict.fromkeys([prefix + h.concepts[0].key for h in hits])) if hits else ()


def _measure_records(doc: Document, s: Sentence, by_start: tuple[_ByStart, _ByStart, _ByStart],
                     ms: Measure) -> list[MeasureRecord]:
    """One record per agent (or one without an agent); ``by_start``: the sentence's actors, instruments
    and domains."""
    text = doc.text
    a0, a1 = ms.start, ms.end
    sub = ms.subject_span or (a0, a0)
    agent_ids = {a.id for a in ms.agents}
    resp = ms.responsible
    units = {(a.start, a.id) for a in resp} if resp else set()      # named by a bracket: responsible, not helped
    actors, instruments, domains = by_start
    inside = [x for x in actors.within(a0, a1) if not (sub[0] <= x.start < sub[1])
              and x.id not in agent_ids and (x.start, x.id) not in units]
    common: dict[str, Any] = dict(
        doc=doc.id, provision=s.provision, sentence_id=s.id, sentence=s.text, text=text[a0:a1],
        start=a0, end=a1, modality=ms.modality, cue=ms.cue, action=ms.action,
        instruments=_keys("inst:", instruments.within(a0, a1)), domains=_keys("dom:", domains.within(a0, a1)),
        beneficiaries=tuple(dict.fromkeys([x.label for x in inside])) if inside else (),
        beneficiary_ids=tuple(dict.fromkeys([x.id for x in inside])) if inside else (),
        responsible=tuple(dict.fromkeys([a.text for a in resp])) if resp else (),
        responsible_ids=tuple(dict.fromkeys([a.id for a in resp])) if resp else ())
    modality = _modality_labels()[ms.modality]
    out = []
    for i, group in enumerate(_by_surface(ms.agents, actors.hits) or [[]]):
        a = group[0] if group else None
        name = "、".join(dict.fromkeys(x.label for x in group)) or "（未明示）"
        label = f"{name} · {modality} · {ms.action}"
        parts: tuple[Any, ...] = (s.id, a0, a1) if i == 0 else (s.id, a0, a1, a.id if a else i)
        out.append(MeasureRecord(id=record_id("measure", doc.id, *parts), label=label,
                                 agents=tuple(dict.fromkeys(x.label for x in group)),
                                 agent_ids=tuple(dict.fromkeys(x.id for x in group)), **common))
    return out


def _by_surface(agents: list[Actor], sentence_actors: list[Actor]) -> list[list[Actor]]:
    """The agents grouped by the words that name them: a written list the actor stage reads as several
    bodies (市场监管、药品监管…等部门: one actor per department, one span) is one subject, one record —
    but not a body the sentence names elsewhere in other words (区网信、数据部门…，区数据主管部门…), which
    keeps a record of its own."""
    listed = [a for a in agents if _LISTED_KINDS.search(a.text)]
    named_elsewhere = {b.id for a in listed for b in sentence_actors if b.id == a.id and (b.start, b.end) != (a.start, a.end)} \
        if listed else set()
    groups: dict[tuple[int, int] | str, dict[str, Actor]] = {}
    for a in agents:
        listed_here = a.id not in named_elsewhere and _LISTED_KINDS.search(a.text) is not None
        key = (a.start, a.end) if listed_here else a.id      # 有关部门 of two governments: two records
        groups.setdefault(key, {}).setdefault(a.id, a)
    return [list(g.values()) for g in groups.values()]


_LISTED_KINDS = re.compile("[、，]")


@stage("measures", requires=("sentences", "mentions"), assigns=("measures",), order=20)
def measures(doc: Document) -> Document:
    """Who must, may, is urged to or must not do what: one record per clause, modality and agent."""
    out: list[MeasureRecord] = []
    for s, m, ms in _doc_measures(doc):
        if ms:
            by_start = (_ByStart(m.actors), _ByStart(m.instruments), _ByStart(m.domains))
            for x in ms:
                out += _measure_records(doc, s, by_start, x)
    doc.layers["measures"] = out
    return doc
