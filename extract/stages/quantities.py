"""Quantities: targets (goals) and statistics (observed figures).

``数字经济核心产业增加值达1.8万亿元`` in a plan → a target: value 1800000000000,
unit 元, comparator ≥, year 2027 (from ``到2027年`` or the plan period).
``截至2024年底，5G基站数达425.1万个^[1]`` in a report → a statistic: value
4251000, unit 个, as of 2024-12-31, source 国家数据局 (the footnote).
Forecasts (预测, 有望, 将达) are neither.  Chinese numerals and 万/亿 are read with
cn2an; comparator words come from the ontology's comparator scheme.

>>> parse_number("1.8", "万亿")
1800000000000
>>> parse_number("425.1", "万")
4251000
>>> parse_number("十七", "")
17
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from policykg.extract.document.model import Document, Sentence
from policykg.extract.records import ActorRef, StatisticRecord, TargetRecord, record_id
from policykg.extract.stage import stage
from policykg.extract.stages.actors import resolve_actors
from policykg.extract.stages.issuers import actor_ref
from policykg.extract.stages.mentions import SentenceMentions
from policykg.ontology import vocabulary
from policykg.ontology.rules import alternation, rules

__all__ = ["Quantity", "find_quantities", "parse_number", "plan_period", "doc_kind"]

_RULES = rules("quantities")
_UNIT_ALIASES: dict[str, str] = _RULES["unit_aliases"]
#: magnitude word → multiplier: 万亿 → 10**12
_MAGNITUDES: dict[str, int] = _RULES["magnitudes"]
_NUM = re.compile(
    rf"(?<![A-Za-z0-9.\-/第])(\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+(?=[万亿]))"
    rf"({alternation(_MAGNITUDES)})?(余|多)?({alternation(_RULES['units'])})?({alternation(_RULES['after_figure'])})?")
_FORECAST = re.compile(alternation(_RULES["forecast_words"]))
_TARGET_MARK = re.compile(rf"到20\d\d年|至20\d\d年|20\d\d年前|{alternation(_RULES['target_words'])}")
_STAT_MARK = re.compile(rf"{alternation(_RULES['statistic_words'])}"
                        rf"|\d{{4}}年[^，。；]{{0,20}}(?:{alternation(_RULES['statistic_year_verbs'])})")
_YEAR_GOAL = re.compile(r"(?:到|至|截至)(20\d\d)年(?!底|末|\d+月)|(20\d\d)年前")
_PERIOD = re.compile(r"（(20\d\d)\s*[—\-－–~～至]\s*(20\d\d)年?）|（(20\d\d)年）")
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
_METRIC_TRIM = re.compile(r"^(?:[，、；：]|到20\d\d年|截至20\d\d年(?:\d{1,2}月)?底?|20\d\d年|"
                          rf"{alternation(_RULES['metric_leading_words'])})+")
_METRIC_VERB = re.compile(rf"(?:{alternation(_RULES['metric_verbs'])})$")
_COUNTED_LEAD = re.compile(rf"^(?:{alternation(_RULES['counted_leading_words'])})+")
_RESPECTIVELY_HEAD = re.compile(rf"^.*?({alternation(_RULES['respectively_heads'])})$")
_PLAIN_VERBS = frozenset(_RULES["statistic_plain_verbs"])
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
    import cn2an
    if num and num[0] not in "0123456789":
        base = Decimal(cn2an.cn2an(num, "smart"))
    else:
        base = Decimal(num)
    if mult in _MAGNITUDES:
        value = base * _MAGNITUDES[mult]
    elif mult:
        value = Decimal(str(cn2an.cn2an(f"1{mult}", "smart"))) * base
    else:
        value = base
    return int(value) if value == value.to_integral_value() else float(value)


@lru_cache(maxsize=1)
def _comparator_words() -> list[tuple[str, str]]:
    """(word, notation) for the comparator scheme's cue words, longest first."""
    out = []
    for c in vocabulary().scheme("cmp"):
        for w in c.hidden:
            out.append((w, c.notation))
    return sorted(out, key=lambda p: -len(p[0]))


@lru_cache(maxsize=1)
def _after_figure_comparators() -> dict[str, str]:
    """Comparator words written after a figure (以上, 左右…) → notation, from the comparator scheme."""
    notation = dict(_comparator_words())
    return {w: notation[w] for w in _RULES["after_figure"]}


def plan_period(title: str) -> tuple[int | None, int | None]:
    """``…三年行动计划（2025-2027年）`` → (2025, 2027); ``（2025年）`` → (2025, 2025)."""
    m = _PERIOD.search(title or "")
    if not m:
        return None, None
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
                    doc_type: str | None, title: str, context: str, footnotes: list[str]) -> list[Quantity]:
    """Targets and statistics in one sentence.

    ``context`` is the text of the enclosing paragraph before the sentence (a
    goal year stated there carries over); ``footnotes`` the texts of the
    footnotes the sentence cites.
    """
    sentence = text[sent_start:sent_end]
    kind_of_doc = doc_kind(doc_type)
    if kind_of_doc == "rules" and not _TARGET_MARK.search(sentence):
        return []
    found = _figures(text, sent_start, sent_end)
    forecast = _FORECAST.search(sentence)
    if forecast:       # what follows 预测/有望/将达 is a forecast, not a goal or a fact
        found = [f for f in found if f[0] < sent_start + forecast.start()]
    if not found:
        return []
    kind = _statement_kind(sentence, kind_of_doc)
    if kind is None:
        return []
    year = period = as_of = source = None
    if kind == "target":
        year, period = _goal_time(sentence, context, title)
        if year is None and period is None:
            return []
    else:
        as_of, source = _provenance(sentence, footnotes)
    respectively = _respectively(text, sent_start, sent_end, found)
    doms = list(dict.fromkeys(h.concept.key for h in mentions.domains if sent_start <= h.start < sent_end))
    out: list[Quantity] = []
    for i, (a, b, num, mult, approx, unit, after) in enumerate(found):
        try:
            value = parse_number(num, mult)
        except ValueError:           # 超百亿美元市值: a bare 百 qualifies, it does not count
            continue
        cmp = _comparator(text, sent_start, a, approx, after, kind)
        metric = respectively[i] if respectively and i < len(respectively) else _metric(text, sent_start, a, b, kind)
        out.append(Quantity(kind, a, b, metric, value, _UNIT_ALIASES.get(unit, unit), cmp, year, period, as_of,
                            source, list(doms)))
    return out


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
    num, mult, approx, unit, after = m.group(1), m.group(2) or "", m.group(3), m.group(4), m.group(5)
    if any(s <= a < e for s, e in excluded):
        return None
    if b < sent_end and re.match(r"[A-Za-z年月日号批届次期]", text[b]) and not unit:
        return None
    if _SKIP_BEFORE.search(text, max(sent_start, a - 2), a):
        return None                               # 第55次, 前10名: ordinals
    if not unit and not mult and text[a - 2:a] == "连续" and text.startswith("年", b):
        unit, b = "年", b + 1                    # 连续12年
    elif not unit and not mult:
        return None
    if unit in ("次",) and not mult:
        return None
    return (a, b, num, mult, approx, unit or "", after)


def _statement_kind(sentence: str, kind_of_doc: str) -> str | None:
    """target, statistic, or None (a figure in a rule that states no goal)."""
    if _TARGET_MARK.search(sentence) and not re.search(r"截至|截止", sentence):
        return "target"
    if _STAT_MARK.search(sentence) or kind_of_doc == "report":
        return "statistic"
    if kind_of_doc == "plan":
        return "target"
    return None


def _goal_time(sentence: str, context: str, title: str) -> tuple[int | None, str | None]:
    """A goal's (year, period): 到2027年 in the sentence or its paragraph, else the plan's last year; 每年."""
    year = period = None
    goal = _YEAR_GOAL.search(sentence) or _YEAR_GOAL.search(context)
    if goal:
        year = int(goal.group(1) or goal.group(2))
    if re.search(r"每年|年均", sentence):
        period = "每年"
    if year is None:
        year = plan_period(title)[1]
    return year, period


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
    return None


def _metric(text: str, sent_start: int, a: int, b: int, kind: str) -> str:
    """The noun phrase a figure measures: before a verb (``X达N``) or after a task verb (``建设N个X``)."""
    left_start = a
    while left_start > sent_start and text[left_start - 1] not in "，。；：、（）“”":
        left_start -= 1
    left = text[left_start:a]
    # 建设30个以上行业高质量数据集: the thing counted follows the number
    if _TASK_VERB.search(left) or not left.strip():
        right_end = b
        while right_end < len(text) and text[right_end] not in "，。；：、（）“”":
            right_end += 1
        right = _COUNTED_LEAD.sub("", text[b:right_end])
        right = re.sub(r"(?:建设|发展|转型)$", "", right)
        if right:
            return right[:40]
    left = _METRIC_VERB.sub("", left)
    left = _METRIC_TRIM.sub("", left)
    return (left or text[left_start:a])[:40]


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


def _quantity_record(doc: Document, s: Sentence, q: Quantity) -> TargetRecord | StatisticRecord:
    common = dict(doc=doc.id, provision=s.provision, sentence_id=s.id, sentence=s.text,
                  id=record_id(q.kind, doc.id, s.id, q.start, q.end), label=q.metric, text=doc.text[q.start:q.end],
                  start=q.start, end=q.end, metric=q.metric, value=q.value, unit=q.unit, comparator=q.comparator,
                  domains=tuple(f"dom:{d}" for d in q.domains))
    if q.kind == "target":
        return TargetRecord(**common, year=q.year, period=q.period, jurisdiction=doc.meta.jurisdiction)
    return StatisticRecord(**common, as_of=q.as_of, source=q.source, source_actors=_source_actors(q.source))


@stage("quantities", requires=("sentences", "mentions"), assigns=("quantities",), order=30)
def quantities(doc: Document) -> Document:
    """Quantified targets and observed statistics (one layer, in text order)."""
    fn_text = {f.id: f.text for f in doc.footnotes}
    prov_start = {p.id: p.start for p in doc.provisions}
    out: list[TargetRecord | StatisticRecord] = []
    for s, m in zip(doc.sentences, doc.layers["mentions"], strict=True):
        if "/fn" in s.id:
            continue
        context = doc.text[prov_start.get(s.provision, s.start):s.start]
        for q in find_quantities(doc.text, s.start, s.end, m, doc_type=doc.meta.doc_type, title=doc.meta.title,
                                 context=context, footnotes=[fn_text[f] for f in s.footnotes if f in fn_text]):
            out.append(_quantity_record(doc, s, q))
    doc.layers["quantities"] = out
    return doc
