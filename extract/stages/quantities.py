"""Quantities: targets (goals) and statistics (observed figures).

``数字经济核心产业增加值达1.8万亿元`` in a plan → a target: value 1800000000000,
unit 元, comparator ≥, year 2027 (from ``到2027年`` or the plan period).
``截至2024年底，5G基站数达425.1万个^[1]`` in a report → a statistic: value
4251000, unit 个, as of 2024-12-31, source 国家数据局 (the footnote).
Forecasts (预测, 有望, 将达) are neither.  Chinese numerals are read by
:func:`~policykg.extract.stages.sanctions.parse_amount`; comparator words come from the
ontology's comparator scheme.

>>> parse_number("1.8", "万亿")
1800000000000
>>> parse_number("425.1", "万")
4251000
>>> parse_number("十七", "")
17
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import TypedDict

from policykg.extract.document.model import Document, Sentence
from policykg.extract.records import ActorRef, StatisticRecord, TargetRecord, record_id
from policykg.extract.stage import stage
from policykg.extract.stages.actors import resolve_actors
from policykg.extract.stages.issuers import actor_ref
from policykg.extract.stages.mentions import SentenceMentions
from policykg.extract.stages.sanctions import parse_amount
from policykg.extract.text.patterns import guarded
from policykg.ontology import vocabulary
from policykg.ontology.rules import alternation, rules

__all__ = ["Quantity", "find_quantities", "parse_number", "plan_period", "doc_kind", "TO_WHOM"]

_RULES = rules("quantities")
_UNIT_ALIASES: dict[str, str] = _RULES["unit_aliases"]
#: magnitude word → multiplier: 万亿 → 10**12
_MAGNITUDES: dict[str, int] = _RULES["magnitudes"]
_CN = "一二两三四五六七八九十百千"
#: a figure: 3—5个 (a range: lo and num), 1.8万亿元, 百亿元 (a bare magnitude: num empty), 30个以上
_NUM = re.compile(
    rf"(?<![A-Za-z0-9.\-/第{_CN}\ue010])(?:(?P<lo>\d+(?:\.\d+)?)\s?[—－–~～\-至]\s?)?"
    rf"(?P<num>\d+(?:\.\d+)?|(?=[百千万][万亿])|[{_CN}]+(?=[万亿]))"
    rf"(?P<mult>{alternation(_MAGNITUDES)})?(?P<approx>余|多)?(?P<unit>{alternation(_RULES['units'])})?"
    rf"(?P<after>{alternation(_RULES['after_figure'])})?")
#: words a unit begins (18部门, 3条例): no unit there
_UNIT_WORDS = tuple(_RULES["unit_words"])
_QUALIFIER = re.compile(alternation(_RULES["magnitude_qualifier"]))
_FORECAST = re.compile(alternation(_RULES["forecast_words"]))
_NOT_DEADLINE = "".join(f"(?<!{w})" for w in _RULES["deadline_not_after"])     # 截至, 有效期至
_TARGET_MARK = guarded(re.compile(rf"{_NOT_DEADLINE}(?:到|至)20\d\d年|20\d\d年(?:底|末)?前|{alternation(_RULES['target_words'])}"))
_ANNUAL_MARK = re.compile(alternation(_RULES["annual_target_words"]))
_ANNUAL = re.compile(alternation(_RULES["annual_words"]))
_STAT_MARK = re.compile(rf"{alternation(_RULES['statistic_words'])}"
                        rf"|\d{{4}}年[^，。；]{{0,20}}(?:{alternation(_RULES['statistic_year_verbs'])})")
#: a deadline: 到2027年, 到2025年底, 至2026年6月底, 2025年底前, 力争2027年
_YEAR_GOAL = guarded(re.compile(rf"(?:{_NOT_DEADLINE}(?:到|至)|力争|争取)(20\d\d)年|(20\d\d)年(?:底|末)?前"))
#: 到2027年、2030年…分别超过70%、90%: one year per figure
_YEAR_LIST = re.compile(r"(?:到|至)(20\d\d)年((?:、20\d\d年)+)")
_NOT_TARGET_BEFORE = re.compile(rf"(?:{alternation(_RULES['target_not_after'])})$")
_PERIOD = re.compile(r"（(20\d\d)\s*[—\-－–~～至]\s*(20\d\d)年?）|（(20\d\d)年）")
#: 数字青岛2025年行动方案, 若干政策（2025年版）: the one year of a plan
_TITLE_YEAR = re.compile(rf"(20\d\d)年度?(?=(?:{alternation(_RULES['plan_year_title_followers'])}))"
                         rf"|(20\d\d)年度?(?=[^\d《》（）()—\-]{{2,12}}?(?:{alternation(_RULES['plan_year_title_ends'])})(?:》|$))")
_CLAUSE_END = re.compile(r"[，；。：]")
_ITEM_END = re.compile(r"[，；。：、]")
#: 对 introducing whom a figure is for (not 对标, 对接, 对外…)
TO_WHOM = re.compile(r"对(?![标接外照口话比])")
_AS_OF = [
    (re.compile(r"(?:截至|截止)(?:到)?(20\d\d)年底"), lambda m: f"{m.group(1)}-12-31"),
    (re.compile(r"(?:截至|截止)(?:到)?(20\d\d)年(\d{1,2})月底"),
     lambda m: f"{m.group(1)}-{int(m.group(2)):02d}-{calendar.monthrange(int(m.group(1)), int(m.group(2)))[1]:02d}"),
    (re.compile(r"(?:截至|截止)(?:到)?(20\d\d)年(\d{1,2})月(?!底)"), lambda m: f"{m.group(1)}-{int(m.group(2)):02d}"),
    (re.compile(r"(20\d\d)年(?:底|末)"), lambda m: f"{m.group(1)}-12-31"),
    (re.compile(rf"(20\d\d)年(?![\d月]|{alternation(_RULES['year_not_followed_by'])})"), lambda m: m.group(1)),
]
_SOURCE_INLINE = re.compile(rf"(?:根据|(?:^|(?<=[，。；]))据)([^，。；]{{2,30}}?)(?:公开)?"
                            rf"(?:{alternation(_RULES['source_verbs'])})?的?(?:数据|统计)")
_FOOTNOTE_PREFIX = re.compile(rf"^(?:{alternation(_RULES['footnote_source_prefixes'])})[：:]?")
_SKIP_BEFORE = re.compile(r"(?:第|前)$")
_TASK_VERB = re.compile(rf"(?:{alternation(_RULES['task_verbs'])})$")
_COVERAGE = re.compile(alternation(_RULES["coverage_verbs"]))
_TASK_LEAD = re.compile(rf"^(?:{alternation(_RULES['metric_leading_verbs'])})")
_METRIC_TRIM = re.compile(r"^(?:[，、；：]|到20\d\d年|截至20\d\d年(?:\d{1,2}月)?底?|20\d\d年|"
                          rf"{alternation(_RULES['metric_leading_words'])})+")
_METRIC_VERB = re.compile(rf"(?:{alternation(_RULES['metric_verbs'])})$")
_COUNTED_LEAD = re.compile(rf"^(?:{alternation(_RULES['counted_leading_words'])})+")
_RESPECTIVELY_HEAD = re.compile(rf"^.*?({alternation(_RULES['respectively_heads'])})$")
_PLAIN_VERBS = frozenset(_RULES["statistic_plain_verbs"])
#: a verb marked as done (总结了, 形成了), not 为了/除了/了解
_COMPLETED = re.compile(rf"(?<![{''.join(_RULES['completed_not_after'])}])了(?!{alternation(_RULES['completed_not_before'])})")
_TARGET_FLOOR = re.compile(rf"(?:{alternation(_RULES['target_floor_verbs'])})$")
#: dt: key → how its quantities read (report | rules); other types state goals (plan)
_DOC_KINDS = {t: kind for kind, types in rules("structure")["doc_kinds"].items() for t in types}


@dataclass(slots=True)
class Quantity:
    kind: str                     # target | statistic
    start: int
    end: int
    metric: str
    value: int | float
    unit: str
    comparator: str | None
    year: int | None = None
    period: str | None = None
    as_of: str | None = None
    source: str | None = None
    domains: list[str] = field(default_factory=list)


def parse_number(num: str, mult: str) -> int | float:
    """The value of ``num`` scaled by ``mult`` (万, 亿, 万亿…), an int when whole."""
    if not num:                      # 百亿元: the magnitude alone
        base = Decimal(1)
    elif num[0] not in "0123456789":
        base = Decimal(parse_amount(num))
    else:
        base = Decimal(num)
    if mult in _MAGNITUDES:
        value = base * _MAGNITUDES[mult]
    elif mult:
        import cn2an
        value = Decimal(str(cn2an.cn2an(f"1{mult}", "smart"))) * base
    else:
        value = base
    return int(value) if value == value.to_integral_value() else float(value)


@lru_cache(maxsize=1)
def _comparator_words() -> list[tuple[str, str | None]]:
    """(word, notation) for the comparator scheme's cue words, longest first."""
    out = []
    for c in vocabulary().scheme("cmp"):
        for w in c.hidden:
            out.append((w, c.notation))
    return sorted(out, key=lambda p: -len(p[0]))


@lru_cache(maxsize=1)
def _after_figure_comparators() -> dict[str, str | None]:
    """Comparator words written after a figure (以上, 左右…) → notation, from the comparator scheme."""
    notation = dict(_comparator_words())
    return {w: notation[w] for w in _RULES["after_figure"]}


def plan_period(title: str) -> tuple[int | None, int | None]:
    """``…三年行动计划（2025-2027年）`` → (2025, 2027); ``（2025年）`` and ``2025年行动方案`` → (2025, 2025)."""
    m = _PERIOD.search(title or "")
    if not m:
        t = _TITLE_YEAR.search(title or "")
        year = t and int(t.group(1) or t.group(2))     # 湖南省2025年政务服务和数据工作要点: the plan's title ends it
        return (year, year) if year else (None, None)
    if m.group(3):
        return int(m.group(3)), int(m.group(3))
    return int(m.group(1)), int(m.group(2))


def doc_kind(doc_type: str | None) -> str:
    """Whether quantities in a document read as goals (plans) or facts (reports)."""
    if doc_type is None:
        return "rules"
    return _DOC_KINDS.get(doc_type, "plan")


def _excluded_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in re.finditer(r"《[^《》]*》|（[^（）]*\d{4}[^（）]*）|“[^“”]{0,12}”",
                                                       text[start:end])]
    return [(a + start, b + start) for a, b in spans]


def find_quantities(text: str, sent_start: int, sent_end: int, mentions: SentenceMentions, *,
                    doc_type: str | None, title: str, context: str, footnotes: list[str],
                    exclude: Sequence[tuple[int, int]] = (), since: int | None = None,
                    goal_year: int | None = None) -> list[Quantity]:
    """Targets and statistics in one sentence.

    ``context`` is the text of the enclosing goal paragraph before the sentence (a
    goal year stated there carries over); ``footnotes`` the texts of the
    footnotes the sentence cites; ``exclude`` the spans of figures that are
    something else (an instrument's parameters, a fine), never a target;
    ``since`` the year the document was issued (a deadline before it is past);
    ``goal_year`` the paragraph's goal year when the caller has found it (instead of ``context``).
    """
    sentence = text[sent_start:sent_end]
    kind_of_doc = doc_kind(doc_type)
    context_year = goal_year if goal_year is not None else _last_deadline(context)
    if kind_of_doc == "rules" and not _TARGET_MARK.search(sentence) and context_year is None:
        return []
    found = [f for f in _figures(text, sent_start, sent_end) if not any(x <= f[0] < y for x, y in exclude)]
    forecast = _FORECAST.search(sentence)
    if forecast:       # what follows 预测/有望/将达 is a forecast, not a goal or a fact
        found = [f for f in found if f[0] < sent_start + forecast.start()]
    if not found:
        return []
    kind = _statement_kind(sentence, kind_of_doc, context_year is not None)
    if kind is None:
        return []
    as_of = source = None
    deadlines: list[tuple[int, int]] = []
    plan_year = plan_period(title)[1]
    if kind == "target":
        deadlines = [(sent_start + m.start(), int(m.group(1) or m.group(2))) for m in _YEAR_GOAL.finditer(sentence)]
        if deadlines and since is not None and all(y < since for _, y in deadlines):
            kind, deadlines = "statistic", []       # 到2024年底，全省已建成… in a 2025 plan: a past figure
    if kind == "statistic":
        as_of, source = _provenance(sentence, footnotes)
    respectively = _respectively(text, sent_start, sent_end, found)
    years = _respective_years(text, sent_start, sent_end, found) if kind == "target" else {}
    doms = list(dict.fromkeys(h.concept.key for h in mentions.domains if sent_start <= h.start < sent_end))
    out: list[Quantity] = []
    for i, (a, b, num, mult, approx, unit, after, lo) in enumerate(found):
        if _not_counted(text, sent_start, sent_end, found, i, kind, kind_of_doc):
            continue
        if not unit and num:         # 机架数超过900万: no unit, the magnitude is written as one
            unit, mult = mult, ""
        try:
            value = parse_number(lo or num, mult)
        except ValueError:           # a bare 百 that qualifies (超百亿美元市值企业), not a count
            continue
        year = period = None
        if kind == "target":
            year = years.get(i) or _figure_year(deadlines, a, context_year, plan_year)
            period = "每年" if _ANNUAL.search(text, _clause_start(text, sent_start, a), a) else None
            if year is None and period is None:
                continue
        cmp = "≥" if lo else _comparator(text, sent_start, a, approx, after, kind)
        metric = respectively[i] if respectively and i < len(respectively) else _metric(text, sent_start, a, b, kind)
        out.append(Quantity(kind, a, b, metric, value, _UNIT_ALIASES.get(unit, unit), cmp, year, period, as_of,
                            source, list(doms)))
    return out


def _not_counted(text: str, sent_start: int, sent_end: int, found: list[tuple], i: int, kind: str,
                 kind_of_doc: str) -> bool:
    """Whether figure ``i`` only qualifies or lists: a bare magnitude beside a count (打造百亿元跨境电商园区5个),
    a condition (对研发费用占营收比重高于5%的企业，…), the count closing a list (主要包括…、控制执行软件等4个部分;
    覆盖…等7个街道 is a goal)."""
    a, b, num = found[i][0], found[i][1], found[i][2]
    if not num and _other_figure_in_clause(text, sent_start, sent_end, found, i):
        return True
    if kind_of_doc != "report" and _in_condition(text, sent_start, sent_end, a, b):
        return True
    if kind == "target" and _NOT_TARGET_BEFORE.search(text, sent_start, a):
        return True                               # 支持资金可上浮20%: a rule's change, no goal
    return kind == "target" and text[a - 1:a] == "等" \
        and not _COVERAGE.search(text, _clause_start(text, sent_start, a), a)


def _clause_start(text: str, sent_start: int, a: int) -> int:
    """Where the comma clause holding position ``a`` starts."""
    return max((m.end() for m in _CLAUSE_END.finditer(text, sent_start, a)), default=sent_start)


def _other_figure_in_clause(text: str, sent_start: int, sent_end: int, found: list[tuple], i: int) -> bool:
    """Whether another figure stands in the list item or clause of figure ``i``."""
    a = found[i][0]
    c0 = max((m.end() for m in _ITEM_END.finditer(text, sent_start, a)), default=sent_start)
    m = _ITEM_END.search(text, a, sent_end)
    c1 = m.start() if m else sent_end
    return any(j != i and c0 <= f[0] < c1 for j, f in enumerate(found))


def _in_condition(text: str, sent_start: int, sent_end: int, a: int, b: int) -> bool:
    """Whether the figure ``text[a:b]`` stands in a condition: a clause ending in 的 (营业收入首次突破10亿元的，)
    or one opening with 对 whose figure a 的 follows (对…比重高于5%的企业)."""
    c0 = _clause_start(text, sent_start, a)
    m = _CLAUSE_END.search(text, b, sent_end)
    clause = text[c0:m.start() if m else sent_end].rstrip()
    return clause.endswith("的") or (TO_WHOM.match(clause) is not None and "的" in text[b:m.start() if m else sent_end])


def _last_deadline(context: str) -> int | None:
    """The last goal year stated in the goal paragraph before the sentence."""
    year = None
    for m in _YEAR_GOAL.finditer(context):
        year = int(m.group(1) or m.group(2))
    return year


def _figure_year(deadlines: list[tuple[int, int]], a: int, context_year: int | None,
                 plan_year: int | None) -> int | None:
    """A goal's year: the sentence's last deadline before the figure (到2025年底…；到2027年… gives each
    figure its own), else its first deadline, else the goal paragraph's, else the plan's last year."""
    before = [y for p, y in deadlines if p < a]
    if before:
        return before[-1]
    if deadlines:
        return deadlines[0][1]
    return context_year if context_year is not None else plan_year


def _figures(text: str, sent_start: int, sent_end: int) -> list[tuple]:
    """Figures with a unit or magnitude: (start, end, number, magnitude, 余/多, unit, word after)."""
    excluded = _excluded_spans(text, sent_start, sent_end)
    found = []
    for m in _NUM.finditer(text, sent_start, sent_end):
        figure = _figure(text, sent_start, sent_end, m, excluded)
        if figure is not None:
            found.append(figure)
    return found


def _figure(text: str, sent_start: int, sent_end: int, m: re.Match, excluded: list[tuple[int, int]]) -> tuple | None:
    a, b = m.start(), m.end()
    num, mult, approx, unit, after = m["num"], m["mult"] or "", m["approx"], m["unit"], m["after"]
    lo = m["lo"]
    if any(s <= a < e for s, e in excluded):
        return None
    if unit and text.startswith(_UNIT_WORDS, m.start("unit")):
        return None                               # 18部门联合印发: a word, not a unit
    if not num and not (mult and unit):
        return None                               # a bare magnitude counts only with its unit: 百亿元
    if _QUALIFIER.match(text, b):
        return None                               # 千亿级产业集群, 10万级: a class, not a figure
    if lo and not unit:
        return None                               # 2025-2027: years, not a range of a count
    if not unit and not mult and text[a - 2:a] == "连续" and text.startswith("年", b):
        unit, b = "年", b + 1                    # 连续12年
    if b < sent_end and re.match(r"[A-Za-z年月日号批届次期]", text[b]) and not unit:
        return None
    if _SKIP_BEFORE.search(text, max(sent_start, a - 2), a):
        return None                               # 第55次, 前10名: ordinals
    if not unit and not mult:
        return None
    if unit in ("次",) and not mult and not (after and num.isdigit()):
        return None                               # 一次性, 第3次; but 1000次以上 is a count
    if text[a - 2:a - 1].isdigit() and text[a - 1:a] == " ":
        return None                               # 118 79亿元: a number broken by the page, unreadable
    if lo and unit == "年":
        return None                               # 2025—2027年: a period
    return (a, b, num, mult, approx, unit or "", after, lo)


def _statement_kind(sentence: str, kind_of_doc: str, in_goal: bool = False) -> str | None:
    """target, statistic, or None (a figure in a rule that states no goal).  ``in_goal``: the
    paragraph before the sentence states a deadline (到2028年，…。网络节点数量突破500个)."""
    marked = _TARGET_MARK.search(sentence) or (kind_of_doc != "rules" and _ANNUAL_MARK.search(sentence))
    if marked and _COMPLETED.search(sentence) and not _YEAR_GOAL.search(sentence) and not in_goal:
        marked = None             # 明确了…工作目标，…提出了18项工作任务: what a plan did, no goal without a deadline
    if marked and not re.search(r"截至|截止", sentence):
        return "target"
    if _STAT_MARK.search(sentence) or kind_of_doc == "report":
        return "statistic"
    if _COMPLETED.search(sentence):
        return None               # 凝练总结了6个方面41个典型场景: what was done, no goal (and no dated fact)
    if kind_of_doc == "plan" or in_goal:
        return "target"
    return None


def _provenance(sentence: str, footnotes: list[str]) -> tuple[str | None, str | None]:
    """A statistic's (as-of date, source): the footnotes it cites, else a source named inline."""
    as_of = next((fmt(mm) for rx, fmt in _AS_OF if (mm := rx.search(sentence))), None)
    if footnotes:
        return as_of, "；".join(_FOOTNOTE_PREFIX.sub("", f).strip() for f in footnotes)
    si = _SOURCE_INLINE.search(sentence)
    return as_of, si.group(1) if si else None


def _comparator(text: str, sent_start: int, a: int, approx: str | None, after: str | None, kind: str) -> str | None:
    if after:                                   # 30个以上, 5%左右
        return _after_figure_comparators()[after]
    if approx:                                  # 100余家, 20多个
        return ">"
    before = text[max(sent_start, a - 4):a]
    for word, notation in _comparator_words():
        if before.endswith(word):
            if kind == "statistic" and word in _PLAIN_VERBS:
                return None
            return notation
    if kind == "target" and _TARGET_FLOOR.search(before):
        return "≥"
    return "=" if kind == "target" else None    # a goal's plain count: 覆盖14个市州


def _metric(text: str, sent_start: int, a: int, b: int, kind: str) -> str:
    """The noun phrase a figure measures: before a verb (``X达N``) or after a task verb (``建设N个X``,
    ``新增不少于3个行业专区``), and after the figure when nothing names it before (``力争全市100%的三级综合医院``)."""
    left_start = a
    while left_start > sent_start and text[left_start - 1] not in "，。；：、（）“”":
        left_start -= 1
    raw = text[left_start:a]
    left = _METRIC_VERB.sub("", raw)
    core = _METRIC_TRIM.sub("", left)
    # 建设30个以上行业高质量数据集: the thing counted follows the number
    if _TASK_VERB.search(left) or _TASK_VERB.search(raw) or not core.strip():
        right_end = b
        while right_end < len(text) and text[right_end] not in "，。；：、（）":
            right_end += 1
        right = _COUNTED_LEAD.sub("", text[b:right_end].replace("“", "").replace("”", ""))
        right = re.sub(r"(?:建设|发展|转型)$", "", right)
        if right:
            return _cut(right)
    return _cut(_TASK_LEAD.sub("", core) or core or raw)      # 打造百亿元跨境电商园区5个


def _cut(metric: str, limit: int = 40) -> str:
    """At most ``limit`` characters, cut after a word boundary (、，的和与及) rather than inside a word."""
    if len(metric) <= limit:
        return metric
    p = max(metric.rfind(ch, 0, limit) for ch in "、，的和与及")
    return metric[:p] if p > limit // 2 else metric[:limit]


def _respective_years(text: str, sent_start: int, sent_end: int, found: list) -> dict[int, int]:
    """``到2027年、2030年…应用普及率分别超过70%、90%`` → figure index → its own year, in order (when the
    figures after 分别 are as many as the years)."""
    m = _YEAR_LIST.search(text, sent_start, sent_end)
    p = text.find("分别", m.end(), sent_end) if m else -1
    if m is None or p < 0:
        return {}
    years = [int(m.group(1))] + [int(y) for y in re.findall(r"20\d\d", m.group(2))]
    after = [i for i, f in enumerate(found) if f[0] > p]
    return dict(zip(after, years, strict=True)) if len(after) == len(years) else {}


def _respectively(text: str, sent_start: int, sent_end: int, found: list) -> list[str] | None:
    """``手机、微型计算机和彩电产量分别同比增长7.8%、2.7%和4.6%`` → one metric per figure."""
    p = text.find("分别", sent_start, sent_end)
    if p < 0:
        return None
    left = p
    while left > sent_start and text[left - 1] not in "，。；：":
        left -= 1
    phrase = text[left:p]
    items = [x for x in re.split(r"[、和与及]", phrase) if x]
    after = [f for f in found if f[0] > p]
    if len(items) < 2 or len(after) != len(items) or len(after) != len(found):
        return None
    verb = re.sub(r"[\d.%％万亿]+.*$", "", text[p + 2:after[0][0]])
    tail = _RESPECTIVELY_HEAD.sub(r"\1", items[-1]) if len(items[-1]) > 2 else ""
    return [f"{it}{tail if not it.endswith(tail) else ''}{verb}" for it in items]


# --- the stage ------------------------------------------------------------------------


def _source_actors(source: str | None) -> tuple[ActorRef, ...]:
    """The named actors a statistic's source names whole (国家统计局, 中国信通院…)."""
    if not source:
        return ()
    return tuple(actor_ref(a) for a in resolve_actors(source, None)
                 if not a.generic and a.end - a.start == len(source))


class _QuantityFields(TypedDict):
    """The fields a target and a statistic record share."""

    doc: str
    provision: str
    sentence_id: str
    sentence: str
    id: str
    label: str
    text: str
    start: int
    end: int
    metric: str
    value: int | float
    unit: str
    comparator: str | None
    domains: tuple[str, ...]


def _quantity_record(doc: Document, s: Sentence, q: Quantity) -> TargetRecord | StatisticRecord:
    common = _QuantityFields(doc=doc.id, provision=s.provision, sentence_id=s.id, sentence=s.text,
                  id=record_id(q.kind, doc.id, s.id, q.start, q.end), label=q.metric, text=doc.text[q.start:q.end],
                  start=q.start, end=q.end, metric=q.metric, value=q.value, unit=q.unit, comparator=q.comparator,
                  domains=tuple(f"dom:{d}" for d in q.domains))
    if q.kind == "target":
        return TargetRecord(**common, year=q.year, period=q.period, jurisdiction=doc.meta.jurisdiction)
    return StatisticRecord(**common, as_of=q.as_of, source=q.source, source_actors=_source_actors(q.source))


def _goal_scope(doc: Document) -> dict[str, int]:
    """Provision id → where the goal paragraph a sentence of it reads its year from starts: a
    paragraph's parent (the part 二、主要目标 whose first paragraph says 到2028年), else itself."""
    by_id = {p.id: p for p in doc.provisions}
    out = {}
    for p in doc.provisions:
        parent = by_id.get(p.parent) if p.parent else None
        out[p.id] = parent.start if p.level == "paragraph" and parent is not None and parent.level != "preamble" \
            else p.start
    return out


def _deadlines(text: str) -> tuple[list[int], list[int]]:
    """(positions, years) of every deadline of the document outside 《》 titles, in text order."""
    titles = [(m.start(), m.end()) for m in re.finditer(r"《[^《》]*》", text)]
    pos, years = [], []
    for m in _YEAR_GOAL.finditer(text):
        i = bisect.bisect_right(titles, (m.start(), len(text))) - 1
        if i >= 0 and titles[i][0] <= m.start() < titles[i][1]:
            continue
        pos.append(m.start())
        years.append(int(m.group(1) or m.group(2)))
    return pos, years


@stage("quantities", requires=("sentences", "mentions", "parameters", "sanctions"), assigns=("quantities",),
       order=30)
def quantities(doc: Document) -> Document:
    """Quantified targets and observed statistics (one layer, in text order).  The figures of the
    instruments' parameters and of fines are neither."""
    fn_text = {f.id: f.text for f in doc.footnotes}
    scope = _goal_scope(doc)
    since = int(doc.meta.issued[:4]) if doc.meta.issued and doc.meta.issued[:4].isdigit() else None
    dl_pos, dl_year = _deadlines(doc.text)
    taken: dict[str, list[tuple[int, int]]] = {}
    for r in doc.layers.get("parameters", []) + doc.layers.get("sanctions", []):
        taken.setdefault(r.sentence_id, []).append((r.start, r.end))
    out: list[TargetRecord | StatisticRecord] = []
    for s, m in zip(doc.sentences, doc.layers["mentions"], strict=True):
        if "/fn" in s.id:
            continue
        lo, hi = bisect.bisect_left(dl_pos, scope.get(s.provision, s.start)), bisect.bisect_left(dl_pos, s.start)
        goal_year = dl_year[hi - 1] if hi > lo else None
        for q in find_quantities(doc.text, s.start, s.end, m, doc_type=doc.meta.doc_type, title=doc.meta.title,
                                 context="", footnotes=[fn_text[f] for f in s.footnotes if f in fn_text],
                                 exclude=taken.get(s.id, ()), since=since, goal_year=goal_year):
            out.append(_quantity_record(doc, s, q))
    doc.layers["quantities"] = out
    return doc
