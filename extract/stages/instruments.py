"""Productive instrument names: a carrier or list written with its own name in front.

A park, a platform, a pool, a list or a licence is often named (东方航天港卫星数据产业园,
省公共数据资源登记平台, 全市数据企业库, 危险化学品经营许可证).  The vocabulary knows the generic head
(产业园, 平台, 企业库, 经营许可证); the name in front of it is productive.  ANNOTATION.md keeps a
named tool whole, so the mention grows leftwards from the head over the words in front of it until a
break: punctuation, a function character, a verb or preposition that governs the tool (建设, 依托,
纳入…), a determiner (全市, 各类), an actor or a cited title.  The words are
``ontology/rules/instruments.yaml``.

Two more productive forms: a generic tool head that is no mention alone but is one with a name in
front (水资源使用权确权登记, 水质监测制度, 严重失信主体名单, 机场净空保护标准: ``productive_heads``),
and a carrier named after the tool it serves (省公共数据资源登记平台: ``carrier_suffixes``), which
is one platform, not a registration.

A field named inside the name of such a carrier is no domain mention (算力 in 算力服务券, 数据产业 in
数据产业集聚区): :func:`refine` drops those domain hits.  The topic of an activity stays a field
(数据资产 in 数据资产全过程管理试点, 公共数据 in 公共数据资源登记).

>>> from policykg.extract.stages.matcher import matcher
>>> t = "分类指导东方航天港卫星数据产业园、烟台大数据产业园等数据产业集聚区发展，依托全市数据企业库遴选企业。"
>>> hits = matcher().find(t)
>>> inst, dom = refine(t, 0, len(t), [h for h in hits if h.kind == "instrument"],
...                    [h for h in hits if h.kind == "domain"], [])
>>> [h.text for h in inst]
['东方航天港卫星数据产业园', '烟台大数据产业园', '数据产业集聚区', '数据企业库']
>>> [h.text for h in dom]
[]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from policykg.extract.stages.matcher import Hit, matcher
from policykg.ontology import vocabulary
from policykg.ontology.rules import alternation, rules

__all__ = ["refine", "named_span", "productive_hits", "names_carrier", "procedure_objects"]

_R = rules("instruments")
_HEADS = tuple(sorted(_R["named_heads"], key=len, reverse=True))
_TOPIC = tuple(_R["topic_heads"])
_CARRIERS = tuple(h for h in _HEADS if h not in _TOPIC) + tuple(_R["carrier_suffixes"])
_MAX, _MIN = int(_R["max_name"]), int(_R["min_name"])
_LEVELS = frozenset(_R["level_names"])
# 使用权 is a noun, no break: 水资源使用权确权登记
_BREAK = re.compile(rf"(?:{alternation(_R['break_words'] + _R['object_verbs'])})(?!权)")
_REGIME_BREAK = re.compile(rf"(?:{alternation(_R['break_words'])})(?!权)")
_BREAK_CHARS = frozenset(_R["break_chars"])
_NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z×“”]")
_CARRIER: dict[str, str] = _R["carrier_suffixes"]
_CARRIER_RX = re.compile(alternation(_CARRIER))
_QUOTED: dict[str, str] = _R["quoted_heads"]
_QUOTED_RX = re.compile(rf"“[^“”，；。]{{1,12}}”({alternation(_QUOTED)})(?!{alternation(_R['quoted_not_before'])})")
_PRODUCTIVE: dict[str, str] = _R["productive_heads"]
_PRODUCTIVE_RX = re.compile(alternation(_PRODUCTIVE))
_HEAD_NOT_BEFORE = frozenset(_R["head_not_before"])
_GENERIC_ALONE = frozenset(_R["generic_alone"])
_HEAD_NOT_AFTER = frozenset(_R["head_not_after"])
_GENERIC_NAMES = frozenset(_R["generic_names"])
_ONLY_BEFORE: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in _R["head_only_before"].items()}
_NAME_NOT_START = frozenset(_R["name_not_start"])
_FUNDS = tuple(_R["fund_heads"])
_FUND_FINAL = frozenset(_R["fund_name_final"])
_NAME_ENDS: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in _R["name_ends"].items()}
_NAME_NOT_ENDS: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in _R["name_not_ends"].items()}
_NAME_STARTS: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in _R["name_starts"].items()}
_DATE_CHARS = frozenset(_R["date_chars"])
_COUNT_CHARS = frozenset(_R["count_chars"])
_NUMERALS = frozenset(_R["numerals"])
_BOUND = tuple(_R["bound_words"])
_ABSORBING = tuple(_R["absorbing_heads"])
_PEOPLE_LIST = re.compile(rf"(?:{alternation(_R['people'])})(?:建议|推荐)?名单$")
_STRIP_START: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in _R["strip_start"].items()}
_TOOL_NOT_BEFORE: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in _R["tool_not_before"].items()}
_TOOL_NOT_AFTER: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in _R["tool_not_after"].items()}
_TOPIC_TOOLS = tuple(sorted(_R["topic_tools"], key=len, reverse=True))
_PROPER_HEADS = tuple(_R["proper_heads"])
_OWNER_START = re.compile(rf"(?:{alternation(_R['owner_levels'])})(?!{alternation(_R['owner_level_not_before'])})")
_ATTRIBUTE = re.compile(rf"(?:{alternation(_R['attribute_heads'])})(?!制)")
_AGENT_HEADS = tuple(_R["agent_heads"]) + tuple(_R["document_heads"])
_PLAN: str = _R["plan_head"]
_PROGRAMME_TYPES = frozenset(_R["programme_types"])
_PROCEDURES: dict[str, str] = _R["procedure_objects"]
# 不予办理登记, 进行公示, 申请变更登记, 办理审批手续: the procedure done by a light verb, ending the clause
_PROCEDURE_RX = re.compile(
    rf"(?:{alternation(_R['procedure_verbs'])})(?:{alternation(_R['procedure_determiners'])})?"
    rf"((?:{alternation(_R['procedure_kinds'])})?({alternation(_PROCEDURES)}))"
    rf"(?=(?:{alternation(_R['procedure_followers'])})|[，。；：、）,;:)]|$)")
# 提出注销登记申请: the application for a procedure, 申请 kept in the name
_APPLICATION_RX = re.compile(
    rf"(?:{alternation(_R['application_verbs'])})(?:{alternation(_R['procedure_determiners'])})?"
    rf"((?:{alternation(_R['procedure_kinds'])})?({alternation(_PROCEDURES)}){_R['application_head']})(?!{alternation(_R['application_not_before'])})")


def _bound_word_start(text: str, lo: int, i: int, head: int) -> int | None:
    """The start of a word of ``bound_words`` holding the break character ``text[i]`` and ending before
    ``head`` (长三角, 自由贸易), if there is one."""
    for w in _BOUND:
        for k in range(len(w)):
            a = i - k
            if a >= lo and a + len(w) <= head and text.startswith(w, a):
                return a
    return None


def _walk_left(text: str, lo: int, head: int, blocked: Sequence[tuple[int, int]]) -> int:
    """How far left of ``head`` name characters run (no punctuation, break character or blocked span);
    a word of ``bound_words`` is crossed whole."""
    a = head
    while a > lo and head - a < _MAX + 4 and _NAME_CHAR.match(text[a - 1]) \
            and not any(s < a <= e for s, e in blocked):
        if text[a - 1] in _BREAK_CHARS:
            w = _bound_word_start(text, lo, a - 1, head)
            if w is None:
                break
            a = w
            continue
        a -= 1
    return a


def _named_start(text: str, lo: int, head: int, blocked: Sequence[tuple[int, int]], regime: bool = False,
                 fund: bool = False) -> int:
    """Where the name in front of ``text[head]`` starts (``head`` when there is none); the name of a
    ``regime`` (…制度) may hold the verbs done to a record (水权交易转让制度); a ``fund``'s name ends with
    its purpose (产业发展|投资基金)."""
    a = _walk_left(text, lo, head, blocked)
    if a == head:
        return head
    last = None
    for m in (_REGIME_BREAK if regime else _BREAK).finditer(text, max(lo, a - 3), head):
        if m.end() == head and m.group(0) in _FUND_FINAL and (fund or text.startswith(_FUNDS, head)):
            continue                        # 民办教育发展|专项资金: the purpose ends the fund's name
        last = m                            # the last break before the head
    if last is not None:
        a = max(a, last.end())
    if head - a > _MAX:                     # no break near enough: not sure where the name starts
        return head
    if a > lo and text[a] in _DATE_CHARS and text[a - 1].isdigit():
        a += 1                              # 2025年|“数据要素×”大赛: a date is no part of the name
    if a > lo and text[a] in _COUNT_CHARS and (text[a - 1].isdigit() or text[a - 1] in _NUMERALS):
        a += 1                              # 三个|省级人工智能产业园: a count is no part of the name
    if text[a:a + 1] in _STRIP_START and text[a + 1:a + 2] not in _STRIP_START[text[a]]:
        a += 1                              # 经|个人信息保护认证 (not 经营许可证): a preposition
    while a < head and text[a] in "“”":
        a += 1
    if text[a:a + 1] in _NAME_NOT_START:            # 规范|性文件备案: a bound suffix starts no name
        return head
    name = text[a:head]
    if (len(name.replace("“", "").replace("”", "")) < _MIN and name not in _LEVELS) or name.count("“") != name.count("”"):
        return head
    return a


def names_carrier(h: Hit) -> bool:
    """Is ``h`` a carrier or list that takes a name in front (综合服务平台, 创新中心, 企业库)?"""
    return h.text.endswith(_CARRIERS)


def _with_carrier(text: str, end: int, h: Hit) -> Hit:
    """公共数据资源登记|平台: the carrier named after a tool, with the carrier's concept."""
    m = _CARRIER_RX.match(text, h.end, end)
    if m is None:
        return h
    concept = vocabulary().concept("inst", _CARRIER[m.group(0)])
    return Hit(h.start, m.end(), text[h.start:m.end()], h.kind, (concept,))


def _proper_start(text: str, lo: int, head: int, blocked: Sequence[tuple[int, int]]) -> int:
    """The start of a proper name in front of a platform: one that begins with the level or the place of
    its owner (依托|省公共数据资源统一开放平台, 湖北场景创新服务平台), right after a break; ``head`` when
    there is none (数字创意产业大模型|服务平台 is a platform on a topic)."""
    a = _walk_left(text, lo, head, blocked)
    if a == head:
        return head
    starts = [m.start() for m in _OWNER_START.finditer(text, a, head)]
    starts += [r.start for r in matcher().find(text, a, head, kinds=("region",))]
    for p in sorted(starts):
        if p == a or any(m.end() == p for m in _BREAK.finditer(text, max(a, p - 4), p)):
            return p if head - p >= _MIN else head
    return head


def named_span(text: str, lo: int, h: Hit, blocked: Sequence[tuple[int, int]]) -> int:
    """The start of the named instrument ending with hit ``h`` (``h.start`` when it takes no name)."""
    if h.text.endswith(_PROPER_HEADS):
        return _proper_start(text, lo, h.start, blocked)
    if not h.text.endswith(_HEADS):
        return h.start
    return _named_start(text, lo, h.start, blocked, h.text.endswith(_TOPIC), h.text.endswith(_FUNDS))


def _purpose_name(name: str, head: str) -> bool:
    """Does ``name`` fit a head that must be named by its purpose (社会养老服务|资金; not 建设|资金)?"""
    ends = _NAME_ENDS.get(head)
    if name.endswith(_NAME_NOT_ENDS.get(head, ())):
        return False                        # 股东|大会: a body, no event
    if head in _NAME_STARTS and not name.startswith(_NAME_STARTS[head]):
        return False                        # 召开选举|大会: a session
    return ends is None or any(name.endswith(e) and len(name) > len(e) for e in ends)


def productive_hits(text: str, start: int, end: int, taken: Sequence[tuple[int, int]],
                    fields: Sequence[tuple[int, int]] = (), tools: Sequence[Hit] = ()) -> list[Hit]:
    """Generic tool heads with a name in front (水质监测制度, 严重失信主体名单) that no vocabulary
    instrument covers; ``taken`` are spans such a name never crosses or overlaps; a name that is a
    field term (``fields``: 数据基础制度) is none; a tool of ``tools`` written right before the head
    is part of the name (场景开放|清单)."""
    out: list[Hit] = []
    for m in _PRODUCTIVE_RX.finditer(text, start, end):
        a, b = m.span()
        if text[b:b + 1] in _HEAD_NOT_BEFORE or text[a - 1:a] in _HEAD_NOT_AFTER or text.startswith((*_AGENT_HEADS, _PLAN), b) or \
                any(s < b and a < e for s, e in taken):
            continue
        before = next((t for t in tools if t.end == a), None) if m.group(0) in _ABSORBING else None
        if before is not None:
            taken = [x for x in taken if x != (before.start, before.end)]
        only = _ONLY_BEFORE.get(m.group(0))
        if only is not None and _NAME_CHAR.match(text, b) and text[b:b + 1] not in only:
            continue                                # 规范管理: a verb, not a code of practice
        n = _named_start(text, start, a, taken, m.group(0) in _TOPIC)
        if n == a or text[n:a] in _GENERIC_NAMES or not _purpose_name(text[n:a], m.group(0)) \
                or any(s <= n and b <= e for s, e in fields):
            continue
        concept = vocabulary().concept("inst", _PRODUCTIVE[m.group(0)])
        out.append(Hit(n, b, text[n:b], "instrument", (concept,)))
    # 节能评估审查 holds 节能评估: the longest name wins
    return [h for h in out if not any(o.start <= h.start and h.end <= o.end and o is not h for o in out)]


def procedure_objects(text: str, start: int, end: int, taken: Sequence[tuple[int, int]],
                      named: Sequence[str] = ()) -> list[Hit]:
    """进行备案, 不予办理登记, 申请变更登记, 办理审批手续: a bare procedure noun after a light verb is the
    procedure, unless a mention already covers it or it repeats a named one of the sentence (``named``:
    公共数据资源登记…进行登记)."""
    out: list[Hit] = []
    for m in [*_PROCEDURE_RX.finditer(text, start, end), *_APPLICATION_RX.finditer(text, start, end)]:
        a, b = m.span(1)
        if any(s < b and a < e for s, e in taken) or any(n.endswith(m.group(1)) for n in named):
            continue
        concept = vocabulary().concept("inst", _PROCEDURES[m.group(2)])
        out.append(Hit(a, b, m.group(1), "instrument", (concept,)))
    return out


def _quoted(text: str, start: int, end: int, hits: list[Hit], blocked: Sequence[tuple[int, int]]) -> list[Hit]:
    """“慕课出海”行动, “数据要素×”大赛: a quoted name before a campaign, contest or platform head is part
    of the mention; a vocabulary hit of the head grows over it, else the name and head are a new one."""
    for m in _QUOTED_RX.finditer(text, start, end):
        a, hs, b = m.start(), m.start(1), m.end()
        if any(s < b and a < e for s, e in blocked):
            continue
        at_head = [h for h in hits if h.start == hs and h.end == b]
        if any(h.start < b and a < h.end for h in hits if h not in at_head):
            continue
        concepts = at_head[0].concepts if at_head else (vocabulary().concept("inst", _QUOTED[m.group(1)]),)
        hits = [h for h in hits if h not in at_head] + [Hit(a, b, text[a:b], "instrument", concepts)]
    return sorted(hits, key=lambda h: (h.start, h.end))


def _word_goes_on(text: str, h: Hit) -> bool:
    """相关监管|工作, 外贸综合服务平台|企业, 执法|人员, 应急处置|方案: the tool word is part of a longer
    word here (an agent, a document)."""
    if text.startswith(_AGENT_HEADS, h.end) or _ATTRIBUTE.match(text, h.end):
        return True                         # 执法|人员, 安全保障|能力
    if any(h.start >= len(v) and text.startswith(v, h.start - len(v)) for v in _TOOL_NOT_AFTER.get(h.text, ())):
        return True                         # 虚假|宣传
    if text.startswith(_PLAN, h.end) and h.concept.instrument_type not in _PROGRAMME_TYPES:
        return True                         # 监督检查|计划: a plan (人才引进|计划 is a programme)
    return any(h.text.endswith(k) and text.startswith(v, h.end) for k, v in _TOOL_NOT_BEFORE.items())


def _tool_only(h: Hit) -> Hit:
    """公共数据资源|授权运营 → 授权运营: the tool without the topic written in front of it."""
    t = next((t for t in _TOPIC_TOOLS if h.text.endswith(t) and len(h.text) > len(t)), None)
    return h if t is None else Hit(h.end - len(t), h.end, t, h.kind, h.concepts)


def refine(text: str, start: int, end: int, instruments: list[Hit], domains: list[Hit],
           blocked: Sequence[tuple[int, int]]) -> tuple[list[Hit], list[Hit]]:
    """The sentence's instrument hits with their names in front, the productive names no vocabulary
    hit covers, and the domain hits that are not inside a named carrier.  ``blocked`` are spans a name
    never crosses (actors, titles)."""
    # an actor running into a tool word (数据[企业]库) is no break: the tool's name absorbs it
    crossing = {(a, b) for a, b in blocked for h in instruments if a < h.start < b < h.end}
    # a tool written right before a named head is part of the name (场景创新|试验区, 场景开放|清单)
    named = [h for h in instruments if h.text.endswith(_ABSORBING)]
    # …but a zone or a carrier before a list stays its own tool (自由贸易试验区|数据出境负面清单)
    absorbed = [g for g in instruments if any(h.start == g.end for h in named) and not g.text.endswith(_ABSORBING)]
    stops = [x for x in blocked if x not in crossing] + [(h.start, h.end) for h in instruments if h not in absorbed]
    out: list[Hit] = []
    for h in instruments:
        if _word_goes_on(text, h):
            continue
        c = _with_carrier(text, end, h)
        a = _named_start(text, start, c.start, stops) if c is not h else named_span(text, start, h, stops)
        h = c
        if a != h.start:
            out.append(Hit(a, h.end, text[a:h.end], h.kind, h.concepts))
        elif h.text not in _GENERIC_ALONE:
            out.append(h)
    out = [h for h in out if not any(o.start <= h.start and h.end <= o.end and o.end - o.start > h.end - h.start
                                     for o in out)]
    if _PRODUCTIVE_RX.search(text, start, end):
        found = productive_hits(text, start, end, list(blocked) + [(h.start, h.end) for h in out],
                                [(d.start, d.end) for d in domains], out)
        out = [h for h in out if not any(p.start <= h.start and h.end <= p.end for p in found)] + found
        out.sort(key=lambda h: (h.start, h.end))
    if text.find("”", start, end) >= 0:
        out = _quoted(text, start, end, out, blocked)
    if _PROCEDURE_RX.search(text, start, end) or _APPLICATION_RX.search(text, start, end):
        out = sorted(out + procedure_objects(text, start, end, list(blocked) + [(h.start, h.end) for h in out],
                                             [h.text for h in out]), key=lambda h: (h.start, h.end))
    out = [h for h in out if not _PEOPLE_LIST.search(h.text)]       # 成员名单, 候选人建议名单: no tool
    out = [_tool_only(h) for h in out]
    # the fields inside a carrier's name are no domain mentions (also a productive or quoted one:
    # “数据要素×”大赛); a regime's topic is (个人信息保护制度)
    spans = [(h.start, h.end) for h in out if h.text.endswith(_CARRIERS)]
    kept = [d for d in domains if not any(s <= d.start and d.end <= e and (e - s) > (d.end - d.start)
                                          for s, e in spans)]
    return out, [d for d in kept if not _into_carrier(d, out)]


def _into_carrier(d: Hit, tools: Sequence[Hit]) -> bool:
    """Does the field ``d`` run into a generic carrier word (数据[服务]平台, 电子[信息]平台: the word
    belongs to the platform's name, no field; a carrier named by a field, 离岸数据|[数据]交易平台,
    leaves it one)?"""
    return any(d.start < t.start < d.end < t.end and t.text in _CARRIER for t in tools)
