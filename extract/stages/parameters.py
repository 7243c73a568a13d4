"""Parameters: the numbers that define an instrument — its rate, cap, minimum, amount, duration, threshold.

A subsidy scheme writes its rules as figures: ``按照不超过投入的20%给予最高500万元资助`` → a rate
(20 %) and a cap (500 万元) of the instrument 资助; ``每家企业每年资助金额不超过200万元`` → a cap
per 企业; ``设立总额不低于1000万元的算力服务券`` → a minimum of the voucher; a condition
``交易总金额达到1000万元的，…给予…奖励`` → a threshold; a regulation's ``十五个工作日内`` or
``有效期2年`` → a duration of the procedure it governs.  These are never targets (the quantities
stage leaves their figures alone).

The instrument is, in this order: a voucher (…券) in the figure's clause or set up before it; the
grant noun after a rate or right after an amount (``500万元资助``, ``200万元的建设补助``); the grant
noun before it in the clause (``奖补金额最高不超过20万元``); the nearest grant noun of the sentence.
A duration takes the holder of a validity period (``供热经营许可证的有效期为五年``), the instrument
named in its clause, the grant of its sentence, or the procedure it bounds (``10个工作日内提出变更申请``
→ 变更申请).  The words are in ``ontology/rules/quantities.yaml``.

>>> t = "对举办国际国内知名游戏赛事和活动，按照不超过投入的30%给予最高500万元资助。"
>>> [(p.type, p.value, p.unit, p.instrument) for p in find_parameters(t, 0, len(t), [], [], kind="plan")]
[('rate', 30, '%', '资助'), ('cap', 500, '万元', '资助')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from policykg.extract.document.model import Document
from policykg.extract.records import ParameterRecord, record_id
from policykg.extract.stage import stage
from policykg.extract.stages.actors import Actor
from policykg.extract.stages.matcher import Hit
from policykg.extract.stages.quantities import TO_WHOM, doc_kind
from policykg.extract.stages.sanctions import CN_NUMERALS as _CN
from policykg.extract.stages.sanctions import parse_amount
from policykg.ontology import vocabulary
from policykg.ontology.rules import alternation, rules

__all__ = ["Parameter", "find_parameters"]

_R = rules("quantities")
_MAGNITUDE: dict[str, int] = _R["magnitudes"]
_UNIT_ALIASES: dict[str, str] = _R["unit_aliases"]
_UNIT_KIND = {u: kind for kind, units in _R["parameter_units"].items() for u in units}
_FIG = re.compile(
    rf"(?<![A-Za-z0-9.\-/第月~～{_CN}\ue010])(?<!\d年)(?:(百分之)([{_CN}]+|\d+(?:\.\d+)?)"
    rf"|(\d+(?:\.\d+)?|[{_CN}]+)\s?({alternation(_R['parameter_magnitudes'])})?\s?({alternation(_UNIT_KIND)}))")
# what every _FIG match holds: a numeral, then (a magnitude and) the first character of a unit, or 百分之;
# its leading character class lets the scan skip the sentences without one (most) at C speed
_FIG_HINT = re.compile(rf"[\d{_CN}百](?:\s?(?:{alternation(_R['parameter_magnitudes'])})?\s?"
                       rf"[{''.join(sorted(re.escape(u[0]) for u in _UNIT_KIND))}]|分之)")
_GRANT = re.compile(rf"(?:{alternation(_R['grant_words'])})(?<![债证]券)")
_HEADS = alternation(_R["grant_heads"])
_HEAD = re.compile(_HEADS)
_HEAD_END = re.compile(rf"(?:{_HEADS})$")
_FILLERS = re.compile(rf"(?:\s|{alternation(_R['grant_noun_fillers'])})*")
_NOUN_AFTER = re.compile(rf"[^\W\d_]{{0,4}}?(?:{_HEADS})")
_GRANT_VERB = re.compile(alternation(_R["grant_verbs"]))
# the words a grant noun's modifier starts after (发给|一次性养老补助, 的|伙食补助费): a modifier written after
# anything else (单个资质认证|奖励, 所获标准类|奖励) is not taken
_NOUN_LEFT_BOUND = re.compile(
    rf"(?:{alternation(_R['grant_noun_left_bounds'] + _R['grant_noun_determiners'] + _R['grant_noun_fillers'])})$")
_NOUN_LEAD = re.compile(rf"(?:{alternation(_R['grant_noun_fillers'])})+")
_NOUN_RIGHT = re.compile(rf"(?:{alternation(_R['grant_noun_suffixes'])})(?!额)")
_VOUCHER = re.compile(r"([^\W\d_的、元]{1,4})(?<![债证])券")
_CAP_BEFORE = re.compile(rf"(?:{alternation(_R['cap_before'])})$")
_CAP_AFTER = re.compile(rf"(?:{alternation(_R['cap_after'])})")
_MIN_BEFORE = re.compile(rf"(?:{alternation(_R['minimum_before'])})$")
_MIN_AFTER = re.compile(rf"(?:{alternation(_R['minimum_after'])})")
_DUR_AFTER = re.compile(rf"(?:{alternation(_R['duration_after'])})")
_AND = re.compile(alternation(_R["condition_conjunctions"]))
_THRESHOLD_AFTER = re.compile(alternation(_R["threshold_after"]))
_RECORD = re.compile(rf"内?(?:{alternation(_R['record_words'])})")
_DEADLINE_AFTER = re.compile(alternation(_R["deadline_after"]))
_RATE_CUE = re.compile(alternation(_R["rate_cues"]))
_DEADLINE_UNITS = frozenset(_R["deadline_units"])
_FILING_END = re.compile(rf"(?:{alternation(_R['filing_words'])})(?=\s*$)")
_SHARED_VERB = re.compile(rf"并(?:{alternation(_R['procedure_verbs'])})")
_HEAD_CLOSING = re.compile(rf"(?:{_HEADS})(?=[，；。]|$)")
_TITLE_TOOL = re.compile(rf"^(?:[^\W\d_]{{1,5}}?(?:{alternation(_R['title_place_ends'])}))?([^\W\d_]{{2,12}}?)"
                         rf"(?:{alternation(_R['title_rule_tails'])})")
_BARE_VALIDITY = re.compile(rf"\s*(?:{alternation(_R['instrument_determiners'])})?(?:{alternation(_R['validity_words'])})")
_OWN_DOCUMENT = re.compile(alternation(_R["own_document_words"]))
_HEAD_SET = frozenset(_R["grant_heads"])
_FAILED = re.compile(r"[不未](?!得)")
_OFFICE_ENDS = tuple(_R["office_ends"])
_CITED = re.compile(r"《([^《》]+)》")
_NOTE = re.compile(r"[（(][^（）()]*[）)]")
_LEAD_END = re.compile(rf"(?:{alternation(_R['procedure_leading'])})+$")
_KEPT_HEAD = re.compile(rf"(?:{alternation(_R['kept_heads'])})$")
_NAME_END = re.compile(r"[^\u4e00-\u9fffA-Za-z0-9]")   # a holder is one name, no clause
_THRESHOLD_BEFORE = re.compile(rf"(?:{alternation(_R['threshold_before'])})$")
_THRESHOLD_OF = re.compile(rf"(?:{alternation(_R['threshold_after'])})?的(?:{alternation(_R['threshold_then'])})")
_QUALIFYING = re.compile(rf"(?:{alternation(_R['deadline_after'])})的[^\W\d_]")
_WAGE = re.compile(rf"的?(?:{alternation(_R['wage_leading'])})?(?:{alternation(_R['wage_bases'])})")
_HOLDER_VERB = re.compile(alternation(_R["holder_verbs"]))
_CLASSIFIERS = frozenset(_R["per_classifiers"])
_WAGE_LEAD_END = re.compile(rf"(?:{alternation(_R['wage_leading'])})$")
_BENEFICIARY = re.compile(alternation(_R["grant_noun_beneficiaries"]))
_KEEPING = re.compile(alternation(_R["keeping_verbs"]))
_PROCEDURE_WORDS = frozenset(_R["procedure_verbs"])
_DUR_BEFORE = re.compile(rf"(?:{alternation(_R['duration_before'])})$")
_DUR_NOT_AFTER = re.compile(rf"(?:{alternation(_R['duration_not_after'])})")
_DIST = re.compile(alternation(_R["distance_around"]))
_VALIDITY = re.compile(alternation(_R["validity_words"]))
_VALIDITY_GAP_BREAK = re.compile(alternation(_R["validity_gap_breaks"]))
_DIST_LEAD = re.compile(rf"(?:{alternation(_R['distance_around'])}|的)+")
_KEEPING_END = re.compile(rf"(?:{alternation(_R['keeping_verbs'])})?的?$")
_DETERMINER = re.compile(rf"(?:{alternation(_R['instrument_determiners'])})+")
_KEEP_OR_PROC = re.compile(alternation(_R["keeping_verbs"] + _R["procedure_verbs"]))
_FREQUENCY = re.compile(rf"[{_CN}\d]+次")
_PER = re.compile(rf"(?:{alternation(_R['per_markers'])})(?!年|{alternation(_R['per_stops'])})([^，；。、\d\s]{{1,6}}?)"
                  rf"(?=(?:{alternation(_R['per_stops'])})|[，；。、\d\s])")
_PER_YEAR = re.compile(alternation(_R["per_year"]))
# a procedure verb, not one inside a noun (通知书) nor one that qualifies a noun (实施备案的部门, 审查的结果)
_NOT_AFTER = "".join(f"(?<!{w})" for w in _R["procedure_verb_not_after"])   # 处罚决定: no verb
_PROC_VERB = re.compile(rf"{_NOT_AFTER}(?!{alternation(_R['procedure_verb_nouns'])})(?:{alternation(_R['procedure_verbs'])})(?!的)")
_PROC_LEAD = re.compile(rf"(?:{alternation(_R['procedure_leading'])})+")
_OBJ_END = re.compile(alternation(_R["procedure_object_ends"]))
_ALTERNATIVE = re.compile(alternation(_R["procedure_alternatives"]))
_NO_NAME_START = frozenset(_R["instrument_not_start"])
_DISPOSAL = frozenset(_R["disposal_markers"])
_RECIPIENTS = tuple(_R["recipient_ends"])
_VALID_SUBJECT = re.compile(rf"\s*《([^《》]{{2,30}})》|\s*([^\W\d_]{{2,12}}?)(?={alternation(_R['validity_subject_ends'])})")
_COMPLEMENT = re.compile(alternation(_R["procedure_complements"]))
_EMPTY_OBJECT = re.compile(rf"(?:{alternation(_R['procedure_empty_objects'])})$|(?:{alternation(_R['procedure_whether'])})(?!.*的)"
                           rf"|{alternation(_R['procedure_verb_lists'])}")
_VALID_AFTER = re.compile(rf"(?:{alternation(_R['duration_after'])})?(?:{alternation(_R['validity_after'])})")
# 向…, 对…, and 报/送 whom a filing goes to (报市房屋征收部门备案, 送当地消防救援机构备案), before the verb
_PREP = re.compile(rf"(?:{alternation(_R['procedure_prepositions'] + _R['procedure_sending'])})[^，；。]{{1,40}}?"
                   rf"(?={_PROC_VERB.pattern}|(?:{alternation(_R['filing_words'])})(?:$|[，；。]|并))")
_CLAUSAL = re.compile(alternation(_R["clausal_modifier_words"]))
_FILING = re.compile(alternation(_R["filing_words"]))
_SUBJECT_MODAL = re.compile(rf"[^，；。]{{0,16}}?(?:{alternation(_R['procedure_modals'])})")
_CONDITION_CLAUSE = re.compile(r"\s*对[^，；。]*的\s*$")
_CLAUSE = re.compile(r"[，；。：]")
_ARTICLE_MARK = re.compile(rf"^(?:第[{_CN}\d]+条\s*|【[^】]*】)")
_ZONE_WORD = re.compile(rf"(?:{alternation(_R['zone_words'])})")
_ZONE_SUBJECT = re.compile(rf"([^\W\d_的，；。、]{{0,6}}(?:{alternation(_R['zone_heads'])}))[为是]")
_NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_BOUND = re.compile(alternation(_R["definition_bounds"]))
# the term a definition names and its verb (所称古树|是指…), after a mark (本条例所称) or opening the next sentence
_DEFINED = rf"([^\W\d_，；。、]{{2,12}}?)[，,]?(?:{alternation(_R['definition_verbs'])})"
_DEFINES = re.compile(rf"(?:{alternation(_R['definition_marks'])}){_DEFINED}")
_DEFINES_NEXT = re.compile(rf"\s*{_DEFINED}")
_DEFINES_OPEN = re.compile(rf"\s*([^\W\d_，；。、]{{2,12}}?)[，,]?(?:{alternation(_R['definition_adverbs'])})?"
                           rf"(?:{alternation(_R['definition_opening_verbs'])})")
_CLASSED_AS = re.compile(rf"(?:{alternation(_R['definition_bounds'])})[^，；。]{{0,12}}?的[^，；。]{{1,10}}?"
                         rf"(?:{alternation(_R['classing_verbs'])})([^\W\d_，；。]{{2,10}})(?=[，；。]|$)")
_TAX_RATE = re.compile(rf"的?({alternation(_R['tax_rate_words'])})(?:{alternation(_R['tax_verbs'])})?"
                       rf"([^\W\d_，；。]{{0,8}}税)?")
_DUTY_BOUND = re.compile(alternation(_R["duty_bounds"]))
_MODAL = re.compile(alternation(_R["procedure_modals"]))
_PERSONS = tuple(_R["duty_not_objects"])
_DUTY_VERB = re.compile(alternation(_R["duty_verbs"]))
_MANNER = re.compile(alternation(_R["procedure_manners"]))
_ONCE_END = re.compile(rf"[{_CN}\d]+次(?:以上)?$")
_ONCE = re.compile(rf"[{_CN}\d]+次")            # 审验|一次: the verb stands alone
_OFTEN = re.compile(r"每|至少")                  # 投递邮件每天至少|一次: a frequency of its own
_TO_OBJECT = re.compile(r"对(?![标接外照口话比象])")
_COUNTED_FROM = re.compile(rf"自[^，；。]{{1,30}}?起(?:{alternation(_R['duration_before'])}|为)?")
_PERIOD_OF = re.compile(rf"(?:{alternation(_R['period_verbs'])})$")
_CAUSATIVES = frozenset(_R["procedure_causatives"])
_LIGHT_VERB = re.compile(alternation(_R["procedure_light_verbs"]))
_BARE_GRANTS = frozenset(_R["bare_grant_nouns"])
_NAME_RUN = re.compile(r"[\u4e00-\u9fffA-Za-z]+")
_RANGE_LOWER = re.compile(alternation(_R["range_lower"]))
_RANGE_UPPER = re.compile(alternation(_R["range_upper"]))
_RANGE_UPPER_BEFORE = re.compile(alternation(_R["range_upper_before"]))
_NOT_EVERY = re.compile(rf"(?:{alternation(_R['frequency_not_subjects'])})$")
_CN_MONEY = frozenset(_CN + "元万亿")


@dataclass(slots=True)
class Parameter:
    start: int
    end: int
    type: str                      # rate | cap | minimum | amount | duration | threshold
    value: int | float
    unit: str
    instrument: str                # as written
    inst_start: int = -1           # where the instrument is written (-1: not in the sentence)
    per: str | None = None
    beneficiary: str | None = None
    beneficiary_id: str | None = None


def _figures(text: str, start: int, end: int) -> list[tuple[int, int, int | float, str, str]]:
    """(start, end, value, unit as written, unit kind) of every figure a parameter can have."""
    out: list[tuple[int, int, int | float, str, str]] = []
    if _FIG_HINT.search(text, start, end) is None:
        return out
    for m in _FIG.finditer(text, start, end):
        if m.group(1):
            num, mag, unit = m.group(2), "", "%"
        else:
            num, mag, unit = m.group(3), m.group(4) or "", m.group(5)
        kind = _UNIT_KIND[unit]
        if text.endswith(("（含", "(含"), start, m.start()):
            continue                         # 两名以上（含两名）: the bound said again
        if kind == "duration" and (unit == "年" and len(num) == 4 and num.isdigit()   # 2025年: a date
                                   or text.startswith(("岁", "年"), m.end())):      # 18周岁, 3周年
            continue
        try:
            value = parse_amount(num)
        except (ValueError, KeyError):
            continue
        if not value:
            continue
        unit = _UNIT_ALIASES.get(unit, unit)
        if mag and kind != "money":          # 一万米: the magnitude multiplied out
            value = parse_amount(num) * _MAGNITUDE[mag]
        out.append((m.start(), m.end(), value, f"{mag}{unit}" if kind == "money" else unit, kind))
    return out


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, a = [], start
    for m in _CLAUSE.finditer(text, start, end):
        out.append((a, m.start()))
        a = m.end()
    if a < end:
        out.append((a, end))
    return out


def _is_condition(text: str, a: int, b: int, fig_end: int) -> bool:
    """对…达到1000万元的, 营业收入首次突破10亿元的企业, 对年度营业收入首次突破3000万元、…1亿元，且…的企业:
    a condition a grant is given on (a clause ending in 的, or opening with 对 and granting nothing)."""
    clause = text[a:b].strip()
    if _AND.match(clause) and a > 0:               # 对有效开展业务1年及以上，|且年度服务收入达500万元及以上的服务商
        p = max(text.rfind(c, 0, a - 1) for c in "，；。：") + 1
        if TO_WHOM.match(text[p:a].strip()) and not _GRANT.search(text, p, a):
            return True
    return clause.endswith("的") or (TO_WHOM.match(clause) is not None and
                                     ("的" in text[fig_end:b] or not _GRANT.search(clause)))


def _vouchers(text: str, start: int, end: int, instruments: list[Hit]) -> list[tuple[str, int]]:
    """The vouchers of the sentence, as written: their mentions, else the nouns ending in 券."""
    out = []
    for m in _VOUCHER.finditer(text, start, end):
        hit = next((h for h in instruments if h.start <= m.end() - 1 < h.end), None)
        out.append((hit.text, hit.start) if hit else (m.group(0), m.start()))
    return out


def _whole(text: str, a: int, b: int, lo: int) -> tuple[str, int]:
    """The grant noun whose head is ``text[a:b]`` as written, with its modifier and suffix (伙食补助费,
    一次性养老补助 → 养老补助, 医疗补助金, 职业培训补贴), not reaching before ``lo``: the modifier only
    when a boundary word (发给, 的, 相应…) stands before it (or the clause starts there and the noun ends in
    its suffix), at most 8 characters back."""
    tail = _NOUN_RIGHT.match(text, b)
    if tail:
        b = tail.end()
    for i in range(a, max(lo, a - 8) - 1, -1):           # the modifier text[i:a], shortest first
        # the clause's start bounds a noun with its suffix (丧葬补助金按照…), not a verb (国家需要重点扶持的)
        if _NOUN_LEFT_BOUND.search(text, lo, i) or (tail is not None and (i == lo or not _NAME_CHAR.match(text[i - 1]))):
            whom = list(_BENEFICIARY.finditer(text, i, a))
            if whom:                                       # 给予主要引入企业|奖励: whom it is given to
                i = whom[-1].end()
            lead = _NOUN_LEAD.match(text, i, a)
            return text[lead.end() if lead else i:b], lead.end() if lead else i
        ch = text[i - 1]
        if not _NAME_CHAR.match(ch) or ch in _CN_MONEY and not text.startswith("一次性", i - 1):
            break
    return text[a:b], a


def _grant_noun(text: str, start: int, end: int, fig: tuple, clause: tuple[int, int],
                instruments: list[Hit]) -> tuple[str, int] | None:
    """The instrument a money or rate figure defines: a voucher in its clause or set up before it
    (设立…算力服务券，对…给予最高20万元补助); the grant noun right after the figure (30%租金补贴,
    500万元资助, 200万元的建设补助), else after a rate (按…的30%给予…资助); the grant noun before it in
    its clause (奖补金额最高…);
    the nearest grant noun of the sentence; a voucher after it."""
    a, b = fig[0], fig[1]
    vouchers = _vouchers(text, start, end, instruments)
    here = [v for v in vouchers if clause[0] <= v[1] < clause[1]]
    right = next((v for v in here if b <= v[1] <= b + 1), None)
    if right is not None:                                  # 100万元算力券、100万元模型券: each its own
        return right
    if here:
        return min(here, key=lambda v: abs(v[1] - a))
    earlier = [v for v in vouchers if v[1] < a]
    if earlier:
        return earlier[-1]
    fill = _FILLERS.match(text, b, clause[1])
    m = _NOUN_AFTER.match(text, fill.end() if fill else b, clause[1])
    # 30%租金补贴, 500万元资助, 200万元的建设补助 (a rate's noun has at most two characters before its head:
    # 70%的比例用于奖励 names 奖励)
    if m and not _GRANT_VERB.match(m.group(0)) and (fig[4] != "percent" or m.end() - m.start() <= 4):
        # 专项资金|支持。: one noun (资金支持) when the second head closes the clause (…专项资金支持省级… is a verb)
        tail = _NOUN_RIGHT.match(text, m.end()) or _HEAD_CLOSING.match(text, m.end())
        if tail and tail.re is _HEAD_CLOSING and text[m.end() - 2:tail.end()] not in _HEAD_SET:
            tail = None                           # 创业担保贷款|支持: 支持 is no part of the loan's name
        return (text[m.start():tail.end()] if tail else m.group(0)), m.start()
    if fig[4] == "percent":                               # 按…的20%给予最高500万元资助
        after = _HEAD.search(text, b, clause[1])
        if after:
            return _whole(text, after.start(), after.end(), b)
    before = list(_HEAD.finditer(text, clause[0], a))
    if before:
        return _whole(text, before[-1].start(), before[-1].end(), clause[0])
    after = _HEAD.search(text, b, end)
    if after:
        return _whole(text, after.start(), after.end(), b)
    before = list(_HEAD.finditer(text, start, a))
    if before:
        return _whole(text, before[-1].start(), before[-1].end(), start)
    return vouchers[0] if vouchers else None


def _procedure_span(text: str, fig_end: int, clause: tuple[int, int],
                    nxt: tuple[int, int] | None) -> tuple[int, int]:
    """Where the words a deadline bounds stand: after it in its clause, else in the next comma clause
    after its subject's modal (…之日起五个工作日内，建设单位应当|报…备案), and past a clause saying whom
    it is done for (七个工作日内对符合条件的，|予以登记)."""
    d = _DUR_AFTER.match(text, fig_end, clause[1])
    a, b = d.end() if d else fig_end, clause[1]
    if not text[a:b].strip() and nxt:
        a, b = nxt
        subject = _SUBJECT_MODAL.match(text, a, b)
        if subject:
            a = subject.end()
    if _CONDITION_CLAUSE.match(text[a:b]) and nxt and (a, b) != nxt:
        a, b = nxt
    return a, b


def _lead_end(rest: str, off: int = 0) -> int:
    """Past the modals and adverbs (应当, 及时, 书面…) at ``off``."""
    lead = _PROC_LEAD.match(rest, off)
    return lead.end() if lead else off


def _procedure(text: str, fig_end: int, clause: tuple[int, int], nxt: tuple[int, int] | None,
               topic: tuple[str, int] | None = None) -> tuple[str, int] | None:
    """What a deadline bounds: the object of the procedure verb after it (提出变更申请 → 变更申请),
    else the verb phrase after it, in its clause or the next (五年内，不得挖掘 → 挖掘)."""
    a, b = _procedure_span(text, fig_end, clause, nxt)
    rest = text[a:b]
    off = _lead_end(rest)
    if _FAILED.match(rest, off) and rest.rstrip().endswith("的"):
        return None                   # 接到通知二十日内不提供相关材料的: a failure the rule sanctions, no tool's deadline
    prep = _PREP.match(rest, off)
    if prep:
        off = prep.end()
    later = _later_deadline(rest, off)
    if later is not None:             # 收到报告书之日起十二个工作日内，收到报告表之日起五个工作日内作出…决定
        off = later
    elif _FIG.search(rest):           # 竣工后五年内或者…三年内，不得挖掘: the deadlines share what follows
        if nxt is None or (a, b) == nxt:
            return None
        a, b = nxt
        rest = text[a:b]
        off = _lead_end(rest)
    filing = _FILING.match(rest, off) if prep else None
    if filing:                                     # 报民政部门备案|并说明理由: the filing
        return filing.group(0), a + off
    filed = _FILING_END.search(rest) if rest[off:off + 1] in _DISPOSAL else None
    if filed and not rest[:filed.start()].endswith(_RECIPIENTS + _OFFICE_ENDS):
        filed = None                               # …办理销售备案: the object names the filing
    if filed:                                      # 将重新确定代表名额的情况报…委员会备案: the filing
        return filed.group(0), a + filed.start()
    if rest[off:off + 1] in _DISPOSAL:             # 三十日内将…情况…进行备案: the last verb of the clause
        disposed = _disposed(rest, off, a)
        if disposed is not None:
            return disposed
    verb = _PROC_VERB.search(rest, off)
    if verb and verb.start() - off <= 4:
        return _verb_procedure(text, rest, a, off, verb, (clause[0], fig_end), topic)
    phrase = _ONCE_END.sub("", rest[off:].strip())   # 每六个月核验更新一次 → 核验更新
    if phrase and _MANNER.match(phrase):          # 按照职责分工，|…: how it is done; 按下列方式处理： → 处理
        verbs = list(_PROC_VERB.finditer(phrase))
        last = verbs[-1] if verbs and phrase.endswith(verbs[-1].group(0)) else None
        return (last.group(0), a + rest.find(phrase) + last.start()) if last else None
    if phrase and len(phrase) <= 8 and not _OFTEN.search(phrase) and not _FIG.search(phrase):
        return phrase, a + off
    return None


def _verb_procedure(text: str, rest: str, a: int, off: int, verb: re.Match, before: tuple[int, int],
                    topic: tuple[str, int] | None) -> tuple[str, int]:
    """The procedure of a deadline whose verb ``verb`` stands in ``rest`` (from ``a``): the verb's object,
    else what is done every so often (``before`` is the figure's clause up to its end), else the verb."""
    at = verb.end()
    if verb.group(0) in _CAUSATIVES:             # 组织考古调查勘探发掘单位进行|调查勘探发掘: what they are made to do
        light = _LIGHT_VERB.search(rest, at, min(len(rest), at + 16))
        if light is not None and not _CLAUSE.search(rest, at, light.start()):
            verb, at = light, light.end()
    freq = _FREQUENCY.match(rest, at)             # 每五年组织一次…演练
    if freq:
        at = freq.end()
    obj = _verb_object(rest, at)
    if obj and obj.endswith(_RECIPIENTS):        # 重新答复|代表: whom it is done to, the verb is the procedure
        cut = _OBJ_END.search(obj, 2)             # …unless an object comes first (作出处理|并答复用户)
        obj = obj[:cut.start()] if cut else None
        if obj and obj.endswith(_RECIPIENTS):     # 通知当事人|和利害关系人: a list of recipients
            obj = None
    if obj:
        found = rest.find(obj, at)                # past a dropped 有关 or a shared verb
        return obj, a + (found if found >= 0 else at)
    if freq:                                      # 评估工作每五年开展一次: what comes before 每
        subject = _frequency_subject(text, before[0], before[1])
        if subject is not None:
            return subject
        if topic is not None:                     # 计划和预案，由…每五年编制一次: the topic
            return topic
    if 0 < verb.start() - off <= 2:              # 调查核实: two verbs, one procedure
        return rest[off:verb.end()], a + off
    return verb.group(0), a + verb.start()


def _later_deadline(rest: str, off: int) -> int | None:
    """Where the procedure after the last deadline of ``rest`` starts, when another deadline shares it
    (…之日起五个工作日内|作出是否予以批准的决定); None when no deadline with words after it is there."""
    last = None
    for last in _FIG.finditer(rest, off):  # noqa: B007
        pass
    if last is None:
        return None
    d = _DEADLINE_AFTER.match(rest, last.end())
    if d is None or not rest[d.end():].strip():
        return None
    lead = _PROC_LEAD.match(rest, d.end())
    at = lead.end() if lead else d.end()
    prep = _PREP.match(rest, at)
    return prep.end() if prep else at


def _disposed(rest: str, off: int, a: int) -> tuple[str, int] | None:
    """将…情况…进行备案 (``rest`` from ``a``, 将 at ``off``): what the clause's last procedure verb does —
    its object (备案), or the verb itself when whom it is done to follows (答复|用户)."""
    last = None
    for last in _PROC_VERB.finditer(rest, off + 1):  # noqa: B007
        pass
    if last is None:
        return None
    obj = rest[last.end():].strip()
    if 2 <= len(obj) <= 8 and not _OBJ_END.match(obj) and not obj.endswith(_RECIPIENTS):
        return obj, a + last.end()
    return last.group(0), a + last.start()


def _verb_object(rest: str, at: int) -> str | None:
    """The object after a procedure verb ending at ``at``, at most 12 characters: cut before 并/或者…
    (办理变更登记|并重新申领…); none after a result (办理完毕) or a conjunction (研究办理|并答复代表)."""
    obj = _NOTE.sub("", rest[at:]).strip()       # 形成总结报告（模板见附件3）: a bracketed note is no part of it
    done = _COMPLEMENT.match(obj)
    if done:
        obj = obj[done.end():]
    shared = _SHARED_VERB.match(obj)             # 划定并公布|保护范围: the object both verbs share (not 公布|施行)
    if shared and len(obj) - shared.end() >= 3 and "的" not in obj[shared.end():] \
            and not obj.endswith(_RECIPIENTS):   # not 通知并移交有权处理的部门处理, 处理并告知投诉人
        obj = obj[shared.end():]
    det = _DETERMINER.match(obj)                  # 发布相关公告 → 公告
    if det and len(obj) - det.end() >= 2 and not obj.startswith(("所", "其他")):   # 所确定的…: a 所-clause, below
        obj = obj[det.end():]
    if not obj or _OBJ_END.match(obj) or _EMPTY_OBJECT.match(obj):
        return None                               # 说明情况, 决定是否立案 (not 作出是否…的决定), 核查、处理: the verb
    head = obj.rfind("的")
    if 0 < head <= len(obj) - 3 and (_CLAUSAL.search(obj, 0, head) or obj.startswith("所")):
        # 所确定的招标范围和方式等情况: a 所-clause before 的, too
        # 是否予以批准的决定, 维持或者撤销…原决定的复议决定: a clause before 的, the head noun is the procedure
        return obj[head + 1:]
    alt = _ALTERNATIVE.search(obj, 2)             # 组织评审|或者重新评审: the first of the alternatives
    if alt:
        obj = obj[:alt.start()]
    if len(obj) <= 12:
        return obj
    cut = _OBJ_END.search(obj, 2)
    tail = obj[obj.rfind("的") + 1:] if "的" in obj else ""
    if cut and cut.start() <= 12 and not (cut.group(0) == "的" and 2 <= len(tail) <= 8):
        return obj[:cut.start()]
    # 完成公章、…以及其他遗留事务的移交, 设置具备相对独立职能的安全生产管理机构: a long object's head noun
    return tail if 2 <= len(tail) <= 8 else None


def _kept_object(text: str, hi: int) -> tuple[str, int] | None:
    """What the clause before ``hi`` keeps (妥善保存数据使用全过程记录，|保存期限… → 数据使用全过程记录)."""
    lo = max(text.rfind(c, 0, hi) for c in "。；：") + 1
    verbs = list(_KEEPING.finditer(text, lo, hi))
    if not verbs:
        return None
    obj = text[verbs[-1].end():hi].rstrip("，, ")
    return (obj, verbs[-1].end()) if 2 <= len(obj) <= 20 and not _CLAUSE.search(obj) else None


def _validity_holder(text: str, a: int, fig: int) -> tuple[str, int] | None:
    """供热经营许可证的有效期为五年 → 供热经营许可证; 有关记录保存期限不少于3年 → 记录; 公示期限为5个工作日
    → 公示; 妥善保管登记信息,保存期限不少于20年 → 登记信息 (what the clause before keeps)."""
    m = _VALIDITY.search(text, a, fig)
    if m is None or _VALIDITY_GAP_BREAK.search(text, m.end(), fig) and not _COUNTED_FROM.fullmatch(text, m.end(), fig):
        return None                               # …保存时间|自其退出平台之日起不少于|三年: counted from, still its period
    written = text[a:m.start()]
    if "," in written:                            # 妥善保管登记信息,|保存期限: an ASCII comma ends a clause too
        a += written.rindex(",") + 1
        written = text[a:m.start()]
    if not _KEEPING_END.sub("", written).strip(" ,，"):
        if _KEEPING.match(text, m.start()) or _KEEPING.search(written):   # 保存期限, 保存期: what was kept
            return _kept_object(text, a) if written.strip() or m.start() == a else None
        word = m.group(0).removesuffix("限").removesuffix("期")
        return (word, m.start()) if word in _PROCEDURE_WORDS else None   # 公示期限 → 公示
    np = _KEEPING_END.sub("", written).strip()
    p = a + len(text[a:m.start()]) - len(text[a:m.start()].lstrip())
    obj = None
    for obj in _TO_OBJECT.finditer(np):  # noqa: B007  (the last: 经营者对|平台内经营者身份信息的保存时间)
        pass
    if obj is not None:
        p, np = p + obj.end(), np[obj.end():]
    cut = max(np.rfind("的"), np.rfind(" "))
    if cut >= 0:
        p, np = p + cut + 1, np[cut + 1:]
    det = _DETERMINER.match(np)
    if det:
        p, np = p + det.end(), np[det.end():]
    np = _ARTICLE_MARK.sub("", np)
    heads = list(_HEAD.finditer(np))
    if heads:                                     # …享受社会保险补贴和岗位补贴的期限 → 岗位补贴
        noun, at = _whole(np, heads[-1].start(), heads[-1].end(), 0)
        if at + len(noun) == len(np):
            p, np = p + at, noun
    verbs = list(_HOLDER_VERB.finditer(np))
    if verbs and len(np) - verbs[-1].end() >= 2:  # …养老机构开展养老服务经营活动的期限 → 养老服务经营活动
        p, np = p + verbs[-1].end(), np[verbs[-1].end():]
    return (np, p) if 2 <= len(np) <= 20 and not _FIG.search(np) else None


def _valid_subject(text: str, a: int, fig: int, fig_end: int) -> tuple[str, int] | None:
    """《司法鉴定许可证》自颁发之日起五年内有效 → 司法鉴定许可证: what is valid for that long, the
    clause's subject (a cited title without its marks)."""
    if _VALID_AFTER.match(text, fig_end) is None:
        return None
    m = _VALID_SUBJECT.match(text[a:fig])
    if m is None:
        return None
    name = m.group(1) or m.group(2)
    return name, text.index(name, a)


def _kept_for(text: str, a: int, fig: int) -> tuple[str, int] | None:
    """What is kept for at least a duration (…N年以上) in the clause ``text[a:fig]``: the keeping verb when its
    object follows it (并留存相关数据出境日志记录3年以上 → 留存, as 留存…日志不少于六个月), else the subject it
    keeps (销售台账应当保存二年以上 → 销售台账)."""
    verbs = list(_KEEPING.finditer(text, a, fig))
    if not verbs:
        return None
    v = verbs[-1]
    if text[v.end():fig].strip():
        return v.group(0), v.start()
    np = _LEAD_END.sub("", _ARTICLE_MARK.sub("", text[a:v.start()])).strip()
    det = _DETERMINER.match(np)
    np = np[det.end():] if det else np
    np = np[np.rfind("的") + 1:]
    if 2 <= len(np) <= 12 and not _NAME_END.search(np) and _KEPT_HEAD.search(np):
        return np, text.rfind(np, a, v.start())
    return v.group(0), v.start()                  # 并留存六十日以上: the verb


def _frequency_subject(text: str, a: int, fig_end: int) -> tuple[str, int] | None:
    """The noun phrase before 每 in ``评估工作每五年开展一次``: what is done every so often."""
    p = text.rfind("每", a, fig_end)
    if p < 0:
        return None
    np = _LEAD_END.sub("", _ARTICLE_MARK.sub("", text[a:p]).strip().removesuffix("至少"))   # …计划至少|每五年, …标准应当|每
    if not np or len(np) > 12 or _PROC_VERB.search(np) or _FIG.search(np) or np.endswith(_RECIPIENTS) \
            or _NOT_EVERY.search(np) or np.startswith("对"):
        # 二级工业互联网企业每两年…: who does it; 其他地区每十年…: where; 对燃气设施…每三年: what it is done to
        return None
    return np, p - len(np)


def _kept(text: str, a: int, fig: int) -> tuple[str, int] | None:
    """A duration closing its clause names what is kept or done for that long: 依法留存…日志不少于六个月 → 留存."""
    lead = _PROC_LEAD.match(text, a, fig)
    p = lead.end() if lead else a
    verb = _KEEP_OR_PROC.match(text, p, fig)
    return (verb.group(0), verb.start()) if verb else None


def _topic(text: str, clauses: list[tuple[int, int]], ci: int) -> tuple[str, int] | None:
    """The sentence's topic: its first clause, when it is a bare noun phrase before the clause at ``ci``."""
    if ci == 0:
        return None
    a, b = clauses[0]
    np = _ARTICLE_MARK.sub("", text[a:b]).strip()
    if not np or len(np) > 30 or _PROC_VERB.search(np) or _GRANT.search(np):
        return None
    return np, b - len(np)


def _per(text: str, a: int, clause: int, b: int) -> str | None:
    """每家企业, 单个主体, 同一主体 (in ``text[a:b]``) → 企业, 主体; else 每年/年度 in the figure's own
    clause (from ``clause``) → 年."""
    last = None
    for last in _PER.finditer(text, a, b):  # noqa: B007  (the last one before the figure)
        pass
    if last is not None:
        return last.group(1)
    return "年" if _PER_YEAR.search(text, clause, b) else None


def _beneficiary(text: str, start: int, end: int, actors: list[Actor],
                 whom: tuple[str, int] | None) -> Actor | None:
    """The first actor a grant is given to: 对企业…, 给予提供方…, 向…主体; else the actor heading the clause
    saying whom it is for (对取得数据资产登记证书的企业，…)."""
    for x in actors:
        if start <= x.start < end and (text[x.start - 1:x.start] in ("对", "向") or text[x.start - 2:x.start] == "给予"):
            return x
    if whom is not None:
        at = whom[1] + len(whom[0])
        return next((x for x in actors if x.end == at and x.start >= whom[1] - 4), None)
    return None


def _whom(text: str, clauses: list[tuple[int, int]]) -> tuple[str, int] | None:
    """The head noun of the sentence's clause saying whom a grant is for, as written: 对…案例的项目， → 项目,
    对于当年度符合条件的申报企业， → 申报企业, 对平台牵头建设单位， → 平台牵头建设单位 (what follows its last 的,
    else 对, at most 8 characters)."""
    for a, b in clauses:
        clause = text[a:b]
        lead = len(clause) - len(clause.lstrip())
        m = TO_WHOM.match(clause, lead)
        if m:                                   # 对平台牵头建设单位， (no 的): the clause after 对
            cut = clause.rindex("的") + 1 if "的" in clause else m.end() + (clause[m.end():m.end() + 1] == "于")
            head = clause[cut:].rstrip()
            if 2 <= len(head) <= 8 and _NAME_CHAR.match(head) and not _FIG.search(head):
                return head, a + cut
            return None
    return None


@dataclass(slots=True)
class _Sentence:
    """What the rules of one sentence read: its text span, clauses, grant words and mentions."""

    text: str
    start: int
    end: int
    clauses: list[tuple[int, int]]
    grant: bool                    # the sentence grants money (给予, 补贴, 券…)
    kind: str                      # rules | plan | report
    instruments: list[Hit]
    lead: Sequence[Hit] = field(default_factory=list)   # the tools of the lead-in an item continues
    subject: str | None = None     # the tool the document regulates (its title's 公共数据资源登记)


def _defined(sc: _Sentence, fig: tuple, cb: int) -> tuple[str, int] | None:
    """The class a rule defines by the bound ``fig`` (in a clause ending at ``cb``): 本条例所称古树，是指树龄在一百年以上
    的树木 → 古树; 年综合能源消费总量五千吨标准煤以上的用能单位为重点用能单位 → 重点用能单位."""
    if sc.kind != "rules" or _BOUND.match(sc.text, fig[1]) is None:
        return None
    m = None
    lo = max(sc.start, sc.text.rfind("；", sc.start, fig[0]) + 1)    # …的树木；名木是指…: another definition
    for m in _DEFINES.finditer(sc.text, lo, fig[0]):  # noqa: B007  (the last before the figure)
        pass
    if m is None and lo > sc.start:             # …；古树后备资源是指树龄在五十年以上…: one of a list of definitions
        m = _DEFINES_NEXT.match(sc.text, lo, fig[0])
    if m is None and lo == sc.start:            # 集中式饮用水水源，是指…一千人以上的…: the sentence defines it
        mark = _ARTICLE_MARK.match(sc.text[lo:fig[0]])
        m = _DEFINES_OPEN.match(sc.text, lo + mark.end() if mark else lo, fig[0])
    if m is None:
        m = _CLASSED_AS.match(sc.text, fig[1], cb)
    return (m.group(1), m.start(1)) if m else None


def _duty(sc: _Sentence, fig: tuple) -> tuple[str, int] | None:
    """What a rule obliges above a bound of its condition, as a deadline's procedure is read: 从业人员一百人以上的
    高危生产经营单位…，应当依法设置安全总监 → 安全总监 (none in a grant, where the grant is the tool)."""
    if sc.kind != "rules" or sc.grant or _DUTY_BOUND.match(sc.text, fig[1]) is None:
        return None
    m = _MODAL.search(sc.text, fig[1], sc.end)
    if m is None:
        return None
    stop = _CLAUSE.search(sc.text, m.end(), sc.end)
    end = stop.start() if stop else sc.end
    if _FIG.search(sc.text, m.end(), end):
        return None                               # …应当在十日内…: the duty's own figure bounds it
    setup = _set_up(sc.text, m.end(), end)
    if setup is not None:
        return setup
    found = _procedure(sc.text, m.end(), (m.end(), end), None)
    if found is not None and _PROC_VERB.fullmatch(found[0]):   # 设置|…安全生产管理机构: what is set up
        obj = _verb_object(sc.text[:end], found[1] + len(found[0]))
        found = (obj, sc.text.find(obj, found[1])) if obj and not obj.endswith(_PERSONS) else None
    if found is not None and _OWN_DOCUMENT.search(found[0]):
        return None                               # 应当遵守本条例: the rule itself, no tool
    return found if found is not None and found[0][0] not in "对向" else None   # 提出|对省人民政府…的质询案


def _set_up(text: str, a: int, end: int) -> tuple[str, int] | None:
    """What a duty right after its modal (at ``a``) sets up: 应当建立|基层工会委员会 → 基层工会委员会,
    配备|专职工会工作人员 (its object as a deadline's is read; none when it is whom it is told to)."""
    off = _lead_end(text[a:end])
    verb = _DUTY_VERB.match(text, a + off, end)
    if verb is None:
        return None
    obj = _verb_object(text[:end], verb.end())
    if not obj or obj.endswith(_PERSONS) or not _NAME_CHAR.match(obj):
        return None
    return obj, text.find(obj, verb.end())


def _range_floor(text: str, fig: tuple, figs: list[tuple]) -> bool:
    """The figure opens a range 八十年以上|一百年以下 with the next figure in the same unit: its floor."""
    lower = _RANGE_LOWER.match(text, fig[1])
    if lower is None:
        return False
    nxt = next((f for f in figs if f[0] >= fig[1]), None)
    below = _RANGE_UPPER_BEFORE.match(text, lower.end())      # 五十年以上|不满|一百年
    at = below.end() if below else lower.end()
    return nxt is not None and nxt[0] == at and nxt[3] == fig[3] \
        and (below is not None or _RANGE_UPPER.match(text, nxt[1]) is not None)


def _money_type(sc: _Sentence, fig: tuple, ca: int, cb: int, before: str, after: str) -> str | None:
    """rate, cap, minimum, amount or threshold for a money or percent figure in clause ``ca:cb``."""
    t, b, ukind = sc.text, fig[1], fig[4]
    if ukind == "percent" and _defined(sc, fig, cb):
        return "threshold"                        # 所称主要股东，是指持有…百分之五以上股权
    if ukind == "percent" and _TAX_RATE.match(t, b):
        return "rate"                             # 减按15%的税率征收企业所得税
    grant_here = _GRANT.search(t, ca, cb) is not None
    if sc.grant and _is_condition(t, ca, cb, b) and not _GRANT.search(t, ca, fig[0]) \
            and not _CAP_BEFORE.search(before):
        return "threshold"                        # 对…交易总金额达到1000万元的，…给予…奖励 (never 最高…)
    if sc.grant and _THRESHOLD_BEFORE.search(before) and _THRESHOLD_OF.match(after):
        return "threshold"                        # 合同金额超过20万元的按合同金额的20%给予奖补
    if ukind == "percent":
        if sc.grant and (_MIN_BEFORE.search(before) or _MIN_AFTER.match(after)):
            return "minimum"                      # 提取不低于百分之六十的比例用于奖励, …所占股份的百分之二十以上
        return "rate" if grant_here or (sc.grant and _RATE_CUE.search(before + t[fig[1]:cb])) else None
    if not sc.grant:
        return "threshold" if _duty(sc, fig) else None   # 总投资…万元以上的项目，应当…
    bare = _HEAD_END.sub("", before)              # 每年最高|支持200万元, 最高|补贴5万元: the grant noun between
    if _CAP_BEFORE.search(before) or _CAP_BEFORE.search(bare) or _CAP_AFTER.match(after):
        return "cap"
    if _MIN_BEFORE.search(before) or _MIN_BEFORE.search(bare) or _MIN_AFTER.match(after):
        return "minimum"
    return "amount" if grant_here else None


def _kept_or_plan_deadline(sc: _Sentence, fig: tuple, before: str, after: str) -> bool:
    """How long a thing is kept at least (销售台账应当保存二年以上); a deadline in days, months or hours outside a
    regulation (a plan, an opinion draft, a guide): a rule's procedural deadline all the same (…之日起20个工作日内
    提交首次登记申请), where a plan's 三年内 is its horizon."""
    if _THRESHOLD_AFTER.match(after) and _KEEPING.search(before):
        return True
    return sc.kind != "rules" and not sc.grant and fig[3] in _DEADLINE_UNITS \
        and (_DEADLINE_AFTER.match(after) is not None or before.endswith("提前"))


def _time_or_space_type(sc: _Sentence, fig: tuple, ca: int, cb: int, before: str, after: str) -> str | None:
    """duration or threshold for a time or distance figure in clause ``ca:cb``."""
    if _defined(sc, fig, cb):
        return "threshold"                        # 所称古树，是指树龄在一百年以上的树木
    if fig[4] == "duration":
        return _duration_type(sc, fig, ca, cb, before, after)
    return _bound_type(sc, fig, cb, before, after)


def _duration_type(sc: _Sentence, fig: tuple, ca: int, cb: int, before: str, after: str) -> str | None:
    """duration, threshold, cap or amount for a time figure in clause ``ca:cb``."""
    if sc.grant and (_WAGE.match(after) or after.startswith("、") and _WAGE.search(after)):
        # 发给六个月失业保险金标准的丧葬补助金, 发给一个月、最多不超过十二个月的失业保险金: months of a wage
        bare = _WAGE_LEAD_END.sub("", before)          # 不超过本人|十八个月失业保险金标准
        return "cap" if _CAP_BEFORE.search(bare) else "amount"
    if sc.grant and before.endswith("不足") and _is_condition(sc.text, ca, cb, fig[1]):
        return "threshold"                    # 职工离法定退休年龄不足五年的，…补助金按…
    if before.endswith("每满"):
        return None                           # 每满一年发给一个月: what the amount is counted per
    if sc.kind == "rules" and not sc.grant and _DUTY_BOUND.match(sc.text, fig[1]) and _duty(sc, fig):
        return "threshold"                    # 展会举办三天以上的，…应当设立…处理机构
    if sc.grant and (before.endswith("满") or _THRESHOLD_AFTER.match(after)) and "的" in after \
            or sc.grant and _QUALIFYING.match(after):
        return "threshold"                    # 累计男满三十年…教龄的退休教师, 创立十八个月内的小企业
    if not (sc.kind == "rules" or sc.grant) and _VALIDITY.search(before) and not before.startswith("本"):
        return "duration"                     # a plan's 授权运营期限为2年 (not the document's own 本政策有效期3年)
    if _kept_or_plan_deadline(sc, fig, before, after):
        return "duration"                     # 销售台账应当保存二年以上, an opinion draft's 10个工作日之内完成注销
    if _DUR_NOT_AFTER.match(after) or not (sc.kind == "rules" or sc.grant) \
            or (before.endswith("近") and _RECORD.match(after)):
        return None                           # 近三年未发生重大安全事故的: a clean record, no period of a tool
    if sc.grant and _THRESHOLD_AFTER.match(after) and _is_condition(sc.text, ca, cb, fig[1]):
        return "threshold"                    # 对有效开展业务1年及以上，…的服务商，给予…
    if _DUR_AFTER.match(after) or _DUR_BEFORE.search(before) or _VALIDITY.search(before):
        # 在昆明连续工作满1年的，给予…: a condition of the grant; 七个工作日内|对符合条件的: a deadline
        return "threshold" if sc.grant and _is_condition(sc.text, ca, cb, fig[1]) \
            and not _DEADLINE_AFTER.match(after) else "duration"
    return None


def _bound_type(sc: _Sentence, fig: tuple, cb: int, before: str, after: str) -> str | None:
    """threshold or minimum for a count, size or distance figure in a clause ending at ``cb``."""
    if fig[4] == "count":                         # 处理超过1000万人个人信息的…: who a tool applies to
        if sc.kind == "rules" and sc.instruments and "的" in sc.text[fig[1]:cb] or sc.lead:
            # an item of 符合以下情形之一的，应当申报数据出境安全评估：; 执法人员不得少于两人 is a floor
            return "minimum" if _MIN_BEFORE.search(before) else "threshold"
        return "threshold" if _duty(sc, fig) else None   # 从业人员三百人以上的，应当设置安全生产管理机构
    if fig[4] == "size":                          # 占地二万平方米以上的…工程，应当…: the bound of a duty
        return "threshold" if sc.kind == "rules" and not sc.grant and _duty(sc, fig) else None
    if sc.kind == "rules" and (_DIST.match(after) or _DIST.search(before[-3:])):
        return "threshold"                        # 周边一百米内设置销售网点
    return None


def _zone(text: str, start: int, fig: tuple, clause: tuple[int, int],
          nxt: tuple[int, int] | None) -> tuple[str, int] | None:
    """What a distance bounds: what is set up or done within it (周边一百米内设置销售网点 → 销售网点); for
    a zone (工程的保护范围为…向外延伸二百米以内的区域) the zone the sentence defines (保护范围).  A bare
    verb (…范围内进行|建筑施工、挖坑取土…) or a place word names no tool."""
    around = _DIST_LEAD.match(text, fig[1], clause[1])
    found = _procedure(text, around.end() if around else fig[1], clause, nxt)
    if found is None or _ZONE_WORD.match(found[0]):
        zone = None
        for zone in _ZONE_SUBJECT.finditer(text, start, fig[0]):  # noqa: B007  (the last before the figure)
            pass
        return (zone.group(1), zone.start(1)) if zone else None
    if _PROC_VERB.fullmatch(found[0]) or not _NAME_CHAR.match(found[0]):
        return None
    name, at = found
    if name.startswith("为") and len(name) > 2:              # 十米内|为控制保护区: the zone named
        return name[1:], at + 1
    return name.removesuffix("的"), at                       # …范围内横过机动车道的


def _as_mention(found: tuple[str, int] | None, instruments: list[Hit]) -> tuple[str, int] | None:
    """A procedure whose name ends in a tool's mention is that tool, as the mention writes it
    (开展一次个人信息保护合规审计 → 合规审计); 变更登记申请 stays whole."""
    if found is None:
        return None
    name, at = found
    end = at + len(name)
    head = next((h for h in instruments if at <= h.start and h.end == end), None)
    return (head.text, head.start) if head is not None else found


def _instrument(sc: _Sentence, fig: tuple, ptype: str, ci: int) -> tuple[str, int] | None:
    """The instrument or procedure a parameter defines, as written, and where."""
    t, a, b = sc.text, fig[0], fig[1]
    ca, cb = sc.clauses[ci]
    defined = _defined(sc, fig, cb) if ptype in ("threshold", "minimum") else None
    if defined:
        return defined
    tax = _TAX_RATE.match(t, b) if fig[4] == "percent" else None
    if tax:                                       # 减按15%的税率征收企业所得税 → 企业所得税
        return (tax.group(2), tax.start(2)) if tax.group(2) else (tax.group(1), tax.start(1))
    # the next comma clause (…五年内，不得挖掘); a clause after ； is another rule's
    nxt = sc.clauses[ci + 1] if ci + 1 < len(sc.clauses) and t[cb:cb + 1] == "，" else None
    period = _PERIOD_OF.search(t, ca, a) if ptype == "duration" and t.startswith("后", b) else None
    if period:                                    # 公示七日后，报…审批: how long the notice lasts
        return period.group(0), period.start()
    if ptype == "duration":
        # a tool named before the figure is mostly the event the deadline counts from (自受理行政许可申请
        # 之日起…, 自竣工验收合格之日起…) and one after it whom a report goes to (向商事登记地…报告): the
        # procedure the deadline bounds comes first, a tool of the clause only when none is written
        # a deadline (三十日内作出确认) bounds its procedure even in a sentence that grants (…给予奖励)
        proc = _as_mention(_procedure(t, b, (ca, cb), nxt, _topic(t, sc.clauses, ci)), sc.instruments)
        deadline = _DEADLINE_AFTER.match(t, b, cb) is not None
        every = _frequency_subject(t, ca, b) if t[ca:a].rstrip().endswith("每") else None
        if every is not None and proc is not None and _ONCE.match(t, proc[1] + len(proc[0])) \
                and _PROC_VERB.match(proc[0]) is None:
            proc = every                          # 经纪执业证书每两年审验一次: what is done every so often
        valid = _VALIDITY.search(t, ca, a)
        if not deadline and valid and not _VALIDITY_GAP_BREAK.search(t, valid.end(), a):
            proc = None                           # 有效期3年，|由…制定实施细则: a validity bounds no procedure after it
        kept = _kept_for(t, ca, a) if _THRESHOLD_AFTER.match(t, b) else None
        bare = (sc.subject, -1) if sc.subject and not _OWN_DOCUMENT.search(t, sc.start, sc.end) and _BARE_VALIDITY.fullmatch(_ARTICLE_MARK.sub("", t[ca:a])
                                                                          .removesuffix("最长为")) else None
        return (_validity_holder(t, ca, a) or bare or _valid_subject(t, ca, a, b) or kept or (proc if deadline else None)
                or (_grant_noun(t, sc.start, sc.end, fig, (ca, cb), sc.instruments) if sc.grant else None)
                or proc
                or next(((h.text, h.start) for h in sc.instruments if ca <= h.start < cb), None)
                or _kept(t, ca, a))
    duty = _duty(sc, fig) if ptype == "threshold" and (fig[4] in ("size", "duration") or not (sc.instruments or sc.lead)) \
        else None
    if duty:                                      # …人以上的，应当设置安全生产管理机构 → 安全生产管理机构
        return duty
    if fig[4] == "count":                         # the tool the sentence applies (…应当开展合规审计)
        later = [h for h in sc.instruments if h.start >= b]
        h = later[0] if later else sc.instruments[-1] if sc.instruments else sc.lead[0]
        return h.text, h.start
    if fig[4] == "distance":
        return _zone(t, sc.start, fig, (ca, cb), nxt)
    if fig[4] == "duration":                      # 相当于本人四十个月工资的遗属特别补助金: the benefit after the wage
        after = _HEAD.search(t, b, cb)
        if after:
            return _whole(t, after.start(), after.end(), b)
    noun = _grant_noun(t, sc.start, sc.end, fig, (ca, cb), sc.instruments)
    return _programme(t, sc.clauses) or noun if noun is not None and noun[0] in _BARE_GRANTS else noun


def _programme(text: str, clauses: list[tuple[int, int]]) -> tuple[str, int] | None:
    """The programme a 对-clause names whole, without 的 (对产业创新融合示范应用项目， → 产业创新融合示范应用项目)."""
    for a, b in clauses:
        clause = text[a:b].strip()
        m = TO_WHOM.match(clause)
        if m:
            name = clause[m.end() + (clause[m.end():m.end() + 1] == "于"):].split(",")[0]   # an ASCII comma too
            det = _DETERMINER.match(name)                       # 对相关优质项目 → 优质项目
            name = name[det.end():] if det else name
            ok = 4 <= len(name) <= 16 and "的" not in name and _NAME_RUN.fullmatch(name) is not None
            return (name, text.find(name, a)) if ok else None
    return None


def title_subject(title: str | None) -> str | None:
    """The tool a rules document regulates, from its title: 《江西省公共数据资源登记管理实施细则》 → 公共数据资源登记."""
    if not title:
        return None
    cited = _CITED.search(title)
    m = _TITLE_TOOL.match(cited.group(1) if cited else title)
    return m.group(1) if m else None


def find_parameters(text: str, start: int, end: int, instruments: list[Hit], actors: list[Actor], *,
                    kind: str, lead: Sequence[Hit] = (), subject: str | None = None) -> list[Parameter]:
    """The parameters in one sentence ``text[start:end]`` of a document whose figures read as ``kind``
    (rules, plan or report: :func:`~policykg.extract.stages.quantities.doc_kind`); ``lead`` are the tools
    of the lead-in (…应当进行合规审计：) when the sentence is one of its items."""
    figs = _figures(text, start, end)
    if not figs:
        return []
    sc = _Sentence(text, start, end, _clauses(text, start, end), _GRANT.search(text, start, end) is not None,
                   kind, instruments, lead, subject)
    out: list[Parameter] = []
    ci = 0
    prev: Parameter | None = None
    for fig in figs:
        a, b, value, unit, ukind = fig
        while ci < len(sc.clauses) - 1 and sc.clauses[ci][1] <= a:
            ci += 1
        ca, cb = sc.clauses[ci]
        if "罚款" in text[ca:cb] or (ukind == "money" and "罚" in text[ca:cb]):
            continue                                      # fines are sanctions (a 处罚决定's deadline is not)
        before, after = text[ca:a].replace(" ", ""), text[b:cb].lstrip()
        if ukind in ("money", "percent"):
            listed = before.endswith("、") and prev is not None and prev.end > ca and prev.unit == unit
            # 分别给予最高50万元、100万元…: as the first of the list
            ptype = prev.type if listed and prev is not None else _money_type(sc, fig, ca, cb, before, after)
        else:
            ptype = _time_or_space_type(sc, fig, ca, cb, before, after)
        if ptype is None or (ptype in ("threshold", "duration") and _is_condition(text, ca, cb, b)
                             and "罚" in text[b:end]) or (ukind == "distance" and "罚款" in text[b:end]):
            continue                                      # 面积在1000平方米以上的，处…罚款: a fine's condition
        if ptype == "threshold" and _range_floor(text, fig, figs):
            ptype = "minimum"                             # 八十年以上一百年以下: the floor of the range
        found = _instrument(sc, fig, ptype, ci)
        if found is None or len(found[0]) < 2 or found[0][0] in _NO_NAME_START:
            continue                                      # …三十日以内的: no name of a tool
        whom = _whom(text, sc.clauses) if sc.grant else None
        ben = _beneficiary(text, start, end, actors, whom) if ptype != "duration" or sc.grant else None
        per = _per(text, sc.clauses[max(ci - 1, 0)][0], ca, a) if ptype in ("cap", "amount", "minimum") else None
        if per in _CLASSIFIERS and whom is not None:
            per = whom[0]                                 # 对…案例的项目，每个给予… → per 项目
        prev = Parameter(a, b, ptype, value, unit, found[0], found[1], per,
                         ben.label if ben else None, ben.id if ben else None)
        out.append(prev)
    return out


# --- the stage ------------------------------------------------------------------------


def _concept(p: Parameter, instruments: list[Hit]) -> str | None:
    """The instrument's concept: the mention where it is written, else its label in the vocabulary."""
    hit = next((h for h in instruments if h.start <= p.inst_start < h.end), None)
    if hit is not None:
        return f"inst:{hit.concept.key}"
    found = vocabulary().lookup(p.instrument, "instrument")
    return f"inst:{found[0].key}" if found else None


_TYPE_LABEL = {"rate": "比例", "cap": "上限", "minimum": "下限", "amount": "金额", "duration": "期限", "threshold": "门槛"}


@stage("parameters", requires=("sentences", "mentions"), assigns=("parameters",), order=26)
def parameters(doc: Document) -> Document:
    """The rates, caps, minimums, amounts, durations and thresholds of the instruments (never targets)."""
    kind = doc_kind(doc.meta.doc_type)
    subject = title_subject(doc.meta.title)
    out: list[ParameterRecord] = []
    lead: list[Hit] = []             # the tools of the last lead-in (有下列情形之一的，应当…审计：)
    for s, m in zip(doc.sentences, doc.layers["mentions"], strict=True):
        if "/fn" in s.id:
            continue
        item = "/it" in s.provision or "/sn" in s.provision   # a list item under the lead-in's provision (art5/it3, n1/sn3)
        tools = lead if item else []
        if s.text.rstrip().endswith(("：", ":")):
            lead = m.instruments
        elif not item:
            lead = []
        for p in find_parameters(doc.text, s.start, s.end, m.instruments, m.actors, kind=kind, lead=tools,
                                 subject=subject):
            out.append(ParameterRecord(
                doc=doc.id, provision=s.provision, sentence_id=s.id, sentence=s.text,
                id=record_id("parameter", doc.id, s.id, p.start, p.end),
                label=f"{p.instrument} · {_TYPE_LABEL[p.type]} · {doc.text[p.start:p.end]}",
                text=doc.text[p.start:p.end], start=p.start, end=p.end, instrument=_concept(p, m.instruments + tools),
                instrument_text=p.instrument, parameter_type=p.type, value=p.value, unit=p.unit, per=p.per,
                beneficiary=p.beneficiary))
    doc.layers["parameters"] = out
    return doc
