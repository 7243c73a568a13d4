"""Sanctions: the fines of a regulation's 法律责任 chapter — who imposes them, for which breach, how much.

``第四十七条 违反本条例第十九条规定，房地产开发企业…未载明…的，由县级以上人民政府城乡建设主管部门
责令限期改正，逾期未改正的，处三万元以上五万元以下罚款`` → a sanction: imposer 浙江省县级以上人民政府
住房城乡建设部门 (the actor after 由), breach 第十九条 (the article cited, and the measure of that
article it enforces), min 3, max 5, unit 万元.  Multiples (货值金额一倍以上三倍以下 → 1–3 倍) and shares
(单位罚款数额百分之五以上百分之十以下 → 5–10 %) keep their unit; a range written in two units is
converted to the smaller (5000元以上2万元以下 → 5000–20000 元); 处五万元以下罚款 has no minimum.
Only a fine with an amount is a sanction (警告, 吊销, 责令改正 alone are not).

>>> t = "逾期未改正的，处三万元以上五万元以下罚款；可以并处5000元以上2万元以下的罚款。"
>>> [(f.min, f.max, f.unit, t[f.start:f.end]) for f in find_fines(t, 0, len(t))]
[(3, 5, '万元', '处三万元以上五万元以下罚款'), (5000, 20000, '元', '处5000元以上2万元以下的罚款')]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from policykg.extract.document.model import Document
from policykg.extract.document.structure import chinese_number
from policykg.extract.records import MeasureRecord, SanctionRecord, record_id
from policykg.extract.stage import stage
from policykg.extract.stages.actors import Actor
from policykg.ontology.rules import alternation, rules

__all__ = ["Fine", "find_fines", "parse_amount", "CN_NUMERALS"]

_RULES = rules("quantities")
#: the characters of a number written in Chinese
CN_NUMERALS = _CN = "零〇一二两三四五六七八九十百千"
#: one amount of a fine: 三万元, 5000元, 1.5万元, 一倍, 百分之五, 10%
_AMOUNT = re.compile(rf"(百分之)?(\d+(?:\.\d+)?|[{_CN}]+)(万|亿)?(元|倍|%|％)?")
_FINE = re.compile(alternation(_RULES["fine_words"]))
#: a range written with 至: 四至五倍, 百分之一至百分之五, 一万元至五万元 (the first unit may be left out)
_RANGE = re.compile(rf"(百分之)?(\d+(?:\.\d+)?|[{_CN}]+)(万|亿)?(元|倍|%|％)?[至到](百分之)?(\d+(?:\.\d+)?|[{_CN}]+)(万|亿)?(元|倍|%|％)?")
#: the clause a fine stands in starts after the last of these
_CLAUSE_BREAK = re.compile(r"[，；。：]")
_IMPOSER = re.compile(rf"由((?:(?!由)[^，；。]){{2,40}}?)(?:{alternation(_RULES['imposer_verbs'])})")
_BREACH = re.compile(rf"违反(?:本(?:{alternation(_RULES['breach_laws'])}))?"
                     rf"((?:第[{_CN}\d]+条)(?:第[{_CN}\d]+款)?(?:第[{_CN}\d]+项)?)")
_ARTICLE = re.compile(rf"第[{_CN}\d]+条")
_CONDUCT = re.compile(r"([^，；。]{2,60})的，")
_MARKER = re.compile(rf"^第[{_CN}\d]+条\s*")
_MAGNITUDE: dict[str, int] = _RULES["magnitudes"]


@dataclass(slots=True)
class Fine:
    start: int            # the fine phrase: 处…罚款
    end: int
    min: int | float | None
    max: int | float | None
    unit: str


def parse_amount(num: str) -> int | float:
    """``三`` → 3, ``5000`` → 5000, ``1.5`` → 1.5, ``二十`` → 20, ``一百零五`` → 105; a bare ``百`` or
    ``千`` (百日, 千米) is no number (ValueError)."""
    if num[0].isdigit():
        f = float(num)
        return int(f) if f.is_integer() else f
    value = None if num in ("百", "千") else chinese_number(num)
    if value is None:
        raise ValueError(num)
    return value


def _amounts(text: str, a: int, b: int) -> list[tuple[int | float, str, str]]:
    """(value, unit, what follows: 以上/以下/'') for each amount with a unit in ``text[a:b]``."""
    out = []
    for m in _AMOUNT.finditer(text, a, b):
        pct, num, mag, unit = m.group(1), m.group(2), m.group(3) or "", m.group(4) or ""
        if pct:
            unit = "%"
        if not unit:
            continue
        try:
            value = parse_amount(num)
        except (ValueError, KeyError):
            continue
        unit = "%" if unit == "％" else unit
        after = text[m.end():m.end() + 2]
        out.append((value, f"{mag}{unit}" if unit == "元" else unit, after))
    return out


def _range(text: str, a: int, b: int) -> tuple[tuple, tuple] | None:
    """处以…四至五倍的罚款, 百分之一至百分之五: the (low, high) amounts of a range written with 至, the
    low one in the high one's unit when it has none of its own."""
    m = None
    for m in _RANGE.finditer(text, a, b):  # noqa: B007  (the last range before the fine word)
        pass
    if m is None or not (m.group(5) or m.group(8)):
        return None
    unit = "%" if m.group(5) or m.group(8) in ("%", "％") else m.group(8)
    hi_unit = f"{m.group(7) or ''}{unit}" if unit == "元" else unit
    lo_unit = (f"{m.group(3) or ''}元" if m.group(4) else f"{m.group(3) or m.group(7) or ''}元") if unit == "元" else unit
    try:
        lo, hi = parse_amount(m.group(2)), parse_amount(m.group(6))
    except (ValueError, KeyError):
        return None
    if lo_unit != hi_unit:
        return (_to_yuan(lo, lo_unit), "元", "以上"), (_to_yuan(hi, hi_unit), "元", "以下")
    return (lo, lo_unit, "以上"), (hi, hi_unit, "以下")


def _to_yuan(value: int | float, unit: str) -> int | float:
    v = value * _MAGNITUDE.get(unit[:-1], 1) if unit.endswith("元") and len(unit) > 1 else value
    return int(v) if float(v).is_integer() else v


def find_fines(text: str, start: int, end: int) -> list[Fine]:
    """Each fine with an amount in ``text[start:end]``: 处X以上Y以下(的)罚款, 处Y以下罚款, 处X罚款."""
    out: list[Fine] = []
    for m in _FINE.finditer(text, start, end):
        clause = max((c.end() for c in _CLAUSE_BREAK.finditer(text, start, m.start())), default=start)
        chu = text.rfind("处", clause, m.start())
        a = chu if chu >= 0 else clause
        amounts = _amounts(text, a, m.start())
        if not amounts:
            continue                     # 给予单位罚款处罚的, 处以罚款: no amount
        lo = next((x for x in amounts if x[2].startswith("以上")), None)
        hi = next((x for x in amounts if x[2].startswith("以下")), None)
        if lo is None and hi is None:
            lo, hi = _range(text, a, m.start()) or (amounts[-1], amounts[-1])  # 处二百元罚款: a fixed fine
        unit = hi[1] if hi is not None else lo[1] if lo is not None else ""
        vmin, vmax = (lo[0] if lo else None), (hi[0] if hi else None)
        if lo and hi and lo[1] != hi[1]:  # 5000元以上2万元以下: both in the smaller unit
            unit = "元"
            vmin, vmax = _to_yuan(lo[0], lo[1]), _to_yuan(hi[0], hi[1])
        out.append(Fine(a, m.end(), vmin, vmax, unit))
    return out


# --- who, for what, enforcing which measure --------------------------------------------------


def _imposer(text: str, a: int, b: int, actors: list[Actor]) -> Actor | None:
    """The actor after the last 由 before the fine in ``text[a:b]`` (由X责令改正/处…)."""
    found = None
    for m in _IMPOSER.finditer(text, a, b):
        found = next((x for x in actors if m.start(1) <= x.start < m.end(1)), found)
    return found


def _breach(text: str, a: int, b: int) -> str | None:
    """The provision cited as breached (违反本条例第十九条规定 → 第十九条), the last one before ``b``."""
    found = None
    for m in _BREACH.finditer(text, a, b):
        found = m.group(1)
    return found


def _conduct(text: str, a: int, b: int) -> str | None:
    """The conduct punished: the last …的， condition before the fine, without the article marker."""
    found = None
    for m in _CONDUCT.finditer(text, a, b):
        found = _MARKER.sub("", m.group(1)).strip()
    return found or None


def _article_measures(doc: Document) -> dict[str, list[MeasureRecord]]:
    """Article label (第十九条) → the measures stated in that article, in text order."""
    articles = {p.id: p.label for p in doc.provisions if p.level == "article"}
    out: dict[str, list[MeasureRecord]] = {}
    for r in doc.layers.get("measures", []):
        pid = r.provision
        while pid and pid not in articles:
            pid = pid.rsplit("/", 1)[0] if "/" in pid else ""
        if pid:
            out.setdefault(articles[pid], []).append(r)
    return out


def _enforced(measures: dict[str, list[MeasureRecord]], breach: str | None) -> str | None:
    """The measure the cited article states: its prohibition or duty first."""
    if not breach:
        return None
    m = _ARTICLE.match(breach)
    cands = measures.get(m.group(0), []) if m else []
    for modality in ("prohibition", "obligation"):
        for r in cands:
            if r.modality == modality:
                return r.id
    return cands[0].id if cands else None


@stage("sanctions", requires=("sentences", "mentions", "measures"), assigns=("sanctions",), order=25)
def sanctions(doc: Document) -> Document:
    """Fines with an amount or range, with their imposer, breach and the measure they enforce."""
    out: list[SanctionRecord] = []
    prov_start = {p.id: p.start for p in doc.provisions}
    parent = {p.id: p.parent for p in doc.provisions}
    levels = {p.id: p.level for p in doc.provisions}
    by_article: dict[str, list[MeasureRecord]] | None = None
    all_actors: list[Actor] = []
    for m in doc.layers["mentions"]:
        all_actors.extend(m.actors)
    actor_starts = [x.start for x in all_actors]
    for s in doc.sentences:
        if "/fn" in s.id or "罚" not in s.text:
            continue
        fines = find_fines(doc.text, s.start, s.end)
        if not fines:
            continue
        if by_article is None:
            by_article = _article_measures(doc)
        # the article the sentence stands in: where an earlier sentence may name the imposer or breach
        art: str = s.provision
        while art and levels.get(art) not in ("article", None):
            up = parent.get(art)
            if not up:
                break
            art = up
        scope = prov_start.get(art, s.start) if levels.get(art) == "article" else prov_start.get(s.provision, s.start)
        lo, hi = bisect.bisect_left(actor_starts, scope), bisect.bisect_left(actor_starts, s.end)
        actors = all_actors[lo:hi]
        for f in fines:
            imp = _imposer(doc.text, s.start, f.start, actors) or _imposer(doc.text, scope, s.start, actors)
            cited = _breach(doc.text, s.start, f.start) or _breach(doc.text, scope, s.start)
            breach = cited or _conduct(doc.text, s.start, f.start)
            text = doc.text[f.start:f.end]
            out.append(SanctionRecord(
                doc=doc.id, provision=s.provision, sentence_id=s.id, sentence=s.text,
                id=record_id("sanction", doc.id, s.id, f.start, f.end), label=text, text=text,
                start=f.start, end=f.end, imposer=imp.label if imp else None, imposer_id=imp.id if imp else None,
                breach=breach, min=f.min, max=f.max, unit=f.unit, measure=_enforced(by_article, cited)))
    doc.layers["sanctions"] = out
    return doc
