"""Actor phrases: from vocabulary hits to resolved, jurisdiction-scoped actors.

A government or department is written in many ways — ``省人民政府``,
``县级以上人民政府数字经济主管部门``, ``县级以上网信部门``, ``省数字经济发展部门``,
``设区的市、县级人民政府发展改革部门``, ``安徽省人民代表大会常务委员会``,
``市发展改革、商务等部门`` — and means a different body in each province.  This
module turns the matcher's hits into :class:`Actor` records with a canonical
label and a deterministic id:

- a government at the document's own level, or one named with its place, is a
  *named* actor (``安徽省人民政府``, id ``actor:anhui/government``);
- other government roles are *generic* and scoped by jurisdiction
  (``安徽省县级以上人民政府``, id ``actor:anhui/county-and-above-government``);
- a department belongs to the government it follows or whose level prefixes it
  (``安徽省人民政府发展改革部门``, ``actor:anhui/government/development-reform``);
  a department coordinated after a government (``县级以上人民政府及有关部门``)
  takes that government's scope;
- named national bodies and categories (中小企业) are the same node everywhere.

>>> from policykg.extract.stages.actors import resolve_actors
>>> [a.label for a in resolve_actors("县级以上人民政府及有关部门应当加强领导", "heilongjiang")]
['黑龙江省县级以上人民政府', '黑龙江省县级以上人民政府有关部门']
>>> [a.label for a in resolve_actors("省人民政府发展改革部门负责统筹协调", "anhui")]
['安徽省人民政府发展改革部门']
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from functools import lru_cache

from policykg.extract.document.metadata import find_region
from policykg.extract.stages.matcher import Hit, matcher
from policykg.extract.text.patterns import guarded
from policykg.ontology import Concept, vocabulary
from policykg.ontology.rules import alternation, rules

__all__ = ["Actor", "resolve_actors", "actors_from_hits", "actor_hits", "department_hits", "org_hits", "org_label",
           "organ_hits", "party_hits", "government_hits", "duty_body_hits", "own_government", "is_own_level", "strip_determiners", "acting_units",
           "role_noun_hits"]

_RULES = rules("actors")
#: level word → government level: 县级以上 → county-and-above (rules/actors.yaml)
_LEVEL_OF_PREFIX: dict[str, str] = _RULES["level_prefixes"]
#: one-character unit word → level: 省 → province
UNIT_WORDS: dict[str, str] = _RULES["unit_words"]
# level words that prefix a role or a department
_LEVEL_PREFIX = re.compile(rf"({alternation(_LEVEL_OF_PREFIX)})$")
# government role for a level
_GOV_OF_LEVEL = {"province": "provincial-government", "city": "municipal-government", "county": "county-government",
                 "township": "township-government", "county-and-above": "county-and-above-government",
                 "city-and-above": "city-and-above-government"}
# between a government and a department that takes its scope: 及, 和, 、, (应当)会同, 确定的, 的
_CONNECTOR = re.compile(rf"^(?:{alternation(_RULES['coordinators'] + _RULES['scope_connectors'])})$")
_LEVEL_COORD = alternation(_RULES["level_coordinators"])
_COORD_LEVEL_WORDS = alternation(_RULES["coordinated_levels"] + _RULES["coordinated_city_words"])
# levels listed before the level word of one role: 省、设区的市|人民政府, 市或者区|卫生健康部门
_COORD_LEVELS = guarded(re.compile(rf"((?:(?:{_COORD_LEVEL_WORDS})(?:{_LEVEL_COORD}))+)$"))
_COORD_LEVEL_ITEM = re.compile(rf"({_COORD_LEVEL_WORDS})(?:{_LEVEL_COORD})")
_COUNTY_UNIT = re.compile(rf"(?:{alternation(_RULES['county_units'])})")
# region labels that do not scope the actor written after them (全国人民代表大会)
_NOT_ACTOR_REGIONS = frozenset(_RULES["deictic"]["not_actor_regions"])


@dataclass(slots=True)
class Actor:
    """A resolved actor mention."""

    start: int
    end: int
    text: str
    id: str
    label: str
    cls: str                       # Actor subclass: GovernmentBody, Department, Enterprise...
    generic: bool                  # GenericActor (role/category) vs NamedActor
    role: str | None = None        # role concept key
    level: str | None = None       # level concept key
    jurisdiction: str | None = None  # region key
    parent: str | None = None      # id of the government a department belongs to
    concept: str | None = None     # named-actor concept key (act:)
    parent_actor: Actor | None = None

    def to_fields(self) -> dict:
        out = {"type": self.cls, "generic": self.generic, "role": self.role, "level": self.level,
               "jurisdiction": self.jurisdiction, "parent": self.parent}
        p = self.parent_actor
        if p is not None:
            out["parent_actor"] = {"label": p.label, "type": p.cls, "generic": p.generic, "role": p.role,
                                   "level": p.level, "jurisdiction": p.jurisdiction}
        return out


@lru_cache(maxsize=None)
def _region(key: str) -> Concept:
    return vocabulary().concept("reg", key)


def _region_level(key: str | None) -> str | None:
    if key is None:
        return None
    return _region(key).attrs.get("governmentLevel")


def _is_municipality(key: str | None) -> bool:
    """北京, 天津, 上海, 重庆: a city whose government is provincial (regions.ttl pkg:regionKind)."""
    return key is not None and _region(key).attrs.get("regionKind") == "直辖市"


@lru_cache(maxsize=None)
def _province_of(key: str) -> str | None:
    """The province a city lies in (its broader region at provincial level)."""
    for c in vocabulary().ancestors(_region(key)):
        if c.attrs.get("governmentLevel") == "province":
            return c.key
    return None


def _relative(level: str, region: str | None) -> tuple[str, str | None]:
    """A level word read in ``region``'s text: 市 in Beijing is the 直辖市 itself (provincial);
    省 in a city's text is the province the city lies in."""
    if region is None:
        return level, region
    if level == "city" and _is_municipality(region):
        return "province", region
    if level == "province" and _region_level(region) == "city":
        return level, _province_of(region) or region
    if _region_level(region) == "county" and level in ("province", "city"):
        return _above_county(level, region)
    return level, region


#: the region kind of a county-level city, whose own text calls it 市 (登封市: 市人民政府 is 登封市人民政府)
_COUNTY_CITY = "县级市"


@lru_cache(maxsize=None)
def _above_county(level: str, region: str) -> tuple[str, str]:
    """省 or 市 in a county-level unit's text: the province or the city it lies in (省 in 景宁畲族自治县 is
    浙江省); 市 in a county of a 直辖市 (彭水苗族土家族自治县) is the 直辖市, a provincial government, and
    in a county-level city's own text (登封市) that city."""
    if level == "city" and _region(region).attrs.get("regionKind") == _COUNTY_CITY:
        return "county", region
    for c in vocabulary().ancestors(_region(region)):
        if c.attrs.get("governmentLevel") == level:
            return level, c.key
        if level == "city" and c.attrs.get("regionKind") == "直辖市":
            return "province", c.key
    return level, region


def _county_unit(written: str) -> str | None:
    """The county unit a name is written with (区人民政府 → 区, 区县（自治县） → 区县)."""
    m = _COUNTY_UNIT.match(written)
    return m.group(0) if m else None


# --- governments and departments -------------------------------------------------------

def _government(level: str, region: str | None, written: str = "") -> Actor:
    """The government of ``level`` in ``region``; ``written`` is the level word or role as written.

    The government at the region's own level is one named body (``安徽省人民政府``; ``市人民政府``
    in Beijing is ``北京市人民政府``); other levels are roles scoped by the region
    (``安徽省县级以上人民政府``; in a city's or 直辖市's text the county unit stays as written:
    ``北京市区人民政府``); with no region, the bare role.
    """
    v = vocabulary()
    level, region = _relative(level, region)
    if level not in _GOV_OF_LEVEL:                   # 国家, 中华人民共和国: the central government's bodies
        return Actor(0, 0, "", "", "国家", "GovernmentBody", False, None, "national", "china")
    if region == "china":                            # a national text: every local government, as written
        return _national_text_government(level, written)
    if region is not None and _region_level(region) == level and level != "national":
        r = _region(region)
        gov = "政府" if r.attrs.get("regionKind") == _SAR else "人民政府"     # 香港特别行政区政府
        return Actor(0, 0, "", f"actor:{r.attrs.get('slug', r.key)}/government", f"{r.pref}{gov}",
                     "GovernmentBody", False, _GOV_OF_LEVEL[level], level, region)
    role = v.concept("role", _GOV_OF_LEVEL[level])
    if region is None:
        return Actor(0, 0, "", f"actor:role/{role.key}", role.pref, "GovernmentBody", True, role.key, level, None)
    r = _region(region)
    label = f"{r.pref}{role.pref}"
    unit = _city_county_unit(level, region, written)
    key = role.key
    if unit:
        label = f"{r.pref}{unit}人民政府"
        key += _UNIT_KEY.get(unit, "")              # 区人民政府 and 县人民政府 of one city: two bodies
    return Actor(0, 0, "", f"actor:{r.attrs.get('slug', r.key)}/{key}", label,
                 "GovernmentBody", True, role.key, level, region)


#: the region kind whose government is 政府, not 人民政府 (香港特别行政区政府, 澳门特别行政区政府)
_SAR = "特别行政区"


def _national_text_government(level: str, written: str) -> Actor:
    """A local government named in a national text is the role as written (县级以上地方人民政府,
    省级人民政府, 省、自治区、直辖市人民政府), not scoped by the country; 政府 reads 人民政府."""
    role = vocabulary().concept("role", _GOV_OF_LEVEL[level])
    w = written.strip()
    if w.endswith("政府"):
        label = w if w.endswith("人民政府") else w[:-2] + "人民政府"
    elif w and w in _LEVEL_OF_PREFIX:                # the level word before a department (省级|网信部门)
        label = f"{w}人民政府"
    else:
        label = role.pref
    key = role.key if label == role.pref else f"{role.key}/{_organ_key(label)}"
    return Actor(0, 0, "", f"actor:role/{key}", label, "GovernmentBody", True, role.key, level, None)


def _city_county_unit(level: str, region: str | None, written: str) -> str | None:
    """The county unit (区, 县, 区县…) a county-level body of a city or 直辖市 keeps as written: its 区 and
    县 bodies are different ones (:data:`_UNIT_KEY`); None elsewhere."""
    if level != "county" or not (_region_level(region) == "city" or _is_municipality(region)):
        return None
    return _county_unit(written)


#: the county unit a label keeps → what it adds to the government's id (县 is the role's own)
_UNIT_KEY = {"区": "/district", "区县": "/district-county", "县（市）": "/county-city"}


def is_own_level(unit_level: str, region: str) -> bool:
    """Does a unit word of ``unit_level`` name the region itself (市 in Beijing, 省 in Anhui)?"""
    return _relative(unit_level, region)[0] == _region_level(region)


def own_government(region: str | None) -> Actor | None:
    """The document's own government (本市, 本省 as a subject; a department named without one)."""
    level = _region_level(region)
    if region is None or level in (None, "national"):
        return None
    return _government(level, region)


def _gov_from_role(role: Concept, region: str | None, explicit_region: bool, written: str = "") -> Actor:
    level = role.attrs.get("governmentLevel")
    if level in _GOV_OF_LEVEL and _GOV_OF_LEVEL[level] == role.key:
        return _government(level, region, written)
    if role.attrs.get("own"):                        # 本级人民政府, a bare 人民政府: the document's government
        own = own_government(region)
        if own is not None:
            return own
        return Actor(0, 0, "", f"actor:role/{role.key}", role.pref, "GovernmentBody", True, role.key, None, None)
    # roles without a single level (各级人民政府, 人民政府办公厅, 街道办事处)
    if region is None or region == "china":
        return Actor(0, 0, "", f"actor:role/{role.key}", role.pref, "GovernmentBody", True, role.key, level, None)
    r = _region(region)
    named = role.key == "government-office"       # the office of that region's government: one body
    return Actor(0, 0, "", f"actor:{r.attrs.get('slug', r.key)}/{role.key}", f"{r.pref}{role.pref}",
                 "GovernmentBody", not named, role.key, level, region)


def _place(gov: Actor) -> str:
    """The place a government's label names (北京市区人民政府 → 北京市区)."""
    return gov.label.removesuffix("人民政府")


def _organ_key(name: str) -> str:
    return "organ-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]


def _department(dept: Concept, gov: Actor | None, region: str | None) -> Actor:
    """A department of ``gov``; without a government, of the region (``黑龙江省有关部门``).

    A department found by pattern whose stem names no role (:func:`organ_hits`) is labelled as
    written: a bureau by its stem (``行政审批政务信息管理局`` → ``…行政审批政务信息管理部门``), a
    commission, office or centre by its name after the place (``重庆市国防动员委员会``).
    """
    cls = dept.attrs.get("actorClass", "Department")
    body = dept.attrs.get("organ") == "body"
    if gov is None:
        if region is None or region == "china":
            return Actor(0, 0, "", f"actor:role/{dept.key}", dept.pref, cls, True, dept.key, None, None)
        r = _region(region)
        return Actor(0, 0, "", f"actor:{r.attrs.get('slug', r.key)}/{dept.key}", f"{r.pref}{dept.pref}", cls, True,
                     dept.key, None, region)
    if gov.level == "national" and not gov.id or gov.id == _STATE_COUNCIL:    # 国务院公安部门 → 公安部
        named = _national_by_role(dept.key)
        if named is not None:
            return _named(named)
        if not gov.id and dept.key == _OTHER_DEPARTMENTS:     # 国家有关部门: the State Council's (国务院有关部门)
            gov = _named(vocabulary().concept("act", _STATE_COUNCIL.removeprefix("actor:")))
        elif not gov.id:
            return Actor(0, 0, "", f"actor:china/{dept.key}", f"国家{dept.pref}", cls, not body, dept.key,
                         "national", "china")
    generic = gov.generic or dept.key == "other-departments"
    pref = _COURTS.get(dept.pref, {}).get(gov.level or "", dept.pref)     # 市法院 → 杭州市中级人民法院
    label = f"{_place(gov)}{pref}" if body else f"{gov.label}{dept.pref}"
    return Actor(0, 0, "", f"{gov.id}/{dept.key}", label, cls, generic, dept.key, gov.level,
                 gov.jurisdiction, gov.id, parent_actor=gov)


#: the State Council, whose departments named by their role are the ministries (国务院民政部门 → 民政部)
_STATE_COUNCIL = "actor:state-council"
_OTHER_DEPARTMENTS = "other-departments"

#: a court or procuratorate written by its level word alone (市法院) → its name at each level
_COURTS: dict[str, dict[str, str]] = _RULES["courts"]


@lru_cache(maxsize=None)
def _national_by_role(role_key: str) -> Concept | None:
    for c in vocabulary().scheme("act"):
        if c.attrs.get("role") == role_key and c.attrs.get("governmentLevel") == "national":
            return c
    return None


def _named(c: Concept) -> Actor:
    return Actor(0, 0, "", f"actor:{c.key}", c.pref, c.attrs.get("actorClass", "Enterprise"), False, c.attrs.get("role"),
                 c.attrs.get("governmentLevel"), "china" if c.attrs.get("governmentLevel") == "national" else None,
                 concept=c.key)


def _category(c: Concept) -> Actor:
    return Actor(0, 0, "", f"actor:role/{c.key}", c.pref, c.attrs.get("actorClass", "Enterprise"), True, c.key,
                 c.attrs.get("governmentLevel"), None)


def _legislature(role: Concept, region: str | None, explicit: bool, level_word: str = "") -> Actor:
    """The congress body ``role`` of ``region``; a level word below the region's own level names that
    level's bodies (县级|人民代表大会常务委员会 in Zhejiang → 浙江省县级人民代表大会常务委员会)."""
    lvl = _LEVEL_OF_PREFIX.get(level_word)
    if region is None or region == "china":
        label = f"{level_word}{role.pref}" if lvl not in (None, "national") else role.pref
        return Actor(0, 0, "", f"actor:role/{role.key}" + (f"/{lvl}" if label != role.pref else ""), label,
                     "Legislature", True, role.key, lvl, None)
    if lvl is not None and lvl != "national":
        lvl, region = _relative(lvl, region)             # 省人民代表大会 in a city's text: the province's
    r = _region(region)
    if lvl is not None and lvl != "national" and _region_level(region) != lvl:
        key, word = _legislature_level(lvl, region, level_word)
        return Actor(0, 0, "", f"actor:{r.attrs.get('slug', r.key)}/{key}/{role.key}", f"{r.pref}{word}{role.pref}",
                     "Legislature", True, role.key, lvl, region)
    return Actor(0, 0, "", f"actor:{r.attrs.get('slug', r.key)}/{role.key}", f"{r.pref}{role.pref}", "Legislature",
                 False, role.key, r.attrs.get("governmentLevel"), region)


#: one level word per level for congress bodies below the region's own (县（市、区）, 县, 县级 → 县级), so one id
#: has one label in every document
_LEGISLATURE_WORD: dict[str, str] = _RULES["legislature_level_words"]


def _legislature_level(lvl: str, region: str | None, level_word: str) -> tuple[str, str]:
    """The id key and the label's level word of a congress body of level ``lvl`` below ``region``'s own:
    区 and 县 of a city or 直辖市 are two bodies (as their governments), so is an autonomous county's."""
    unit = _city_county_unit(lvl, region, level_word)
    if unit:
        return lvl + _UNIT_KEY.get(unit, ""), unit
    if level_word == "自治县":
        return f"{lvl}/autonomous-county", level_word
    return lvl, _LEGISLATURE_WORD.get(lvl, level_word)


_UNSCOPED = frozenset(_RULES["unscoped_roles"])


def _is_gov_role(c: Concept) -> bool:
    return c.scheme == "role" and c.attrs.get("actorClass") == "GovernmentBody" and "party" not in c.attrs \
        and c.key not in _UNSCOPED


def _is_dept_role(c: Concept) -> bool:
    return c.scheme == "role" and c.attrs.get("actorClass") == "Department"


# --- named organisations found by pattern -----------------------------------------------

#: organisation suffix → actor class (rules/actors.yaml)
ORG_SUFFIXES: dict[str, str] = _RULES["organisation_suffixes"]
_ORG_SUFFIX = alternation(ORG_SUFFIXES)
_ORG = re.compile(rf"([\u4e00-\u9fffA-Za-z0-9（）]{{2,24}}?(?:{_ORG_SUFFIX}))")
_ORG_TAIL = guarded(re.compile(rf"(?:{_ORG_SUFFIX})|等\s*\d+\s*余?\s*家"))
_LEFT_STRIP = re.compile(rf"^(?:{alternation(_RULES['name_leading_words'])})+")
# verbs and prepositions that cannot be inside an organisation's name: the name starts after them
_BOUNDARY = re.compile(rf"(?:{alternation(_RULES['name_boundaries'])})")
_GENERIC_ORG_HEAD = re.compile(rf"^(?:{alternation(_RULES['generic_name_heads'])}|[一二三四五六七八九十]+个|\d+个)")
_LIST_BEFORE_COUNT = re.compile(r"((?:[\u4e00-\u9fffA-Za-z0-9]{2,10}、)+[\u4e00-\u9fffA-Za-z0-9]{2,10})等\s*\d+\s*余?\s*家")


def org_hits(text: str, start: int, end: int, taken: list[tuple[int, int]],
             terms: Collection[tuple[int, int]] = ()) -> list[tuple[int, int, str]]:
    """Named organisations in ``text[start:end]``: (start, end, name).

    A candidate overlapping a ``taken`` span (a vocabulary actor, a book title)
    or lying within a vocabulary term (``智能计算中心`` is a domain, ``制造业创新中心``
    an instrument) is not a name; one that merely contains a term
    (``西部数据交易中心``) is.
    """
    out: list[tuple[int, int, str]] = []
    seg = text[start:end]
    if not _ORG_TAIL.search(seg):
        return out

    def free(a: int, b: int) -> bool:
        return not any(a < tb and ta < b and not _kind_of_name(text, a, b, ta, tb) for ta, tb in taken) \
            and not any(ta <= a and b <= tb for ta, tb in terms)

    for m in _ORG.finditer(seg):
        raw = m.group(1)
        a = start + m.start(1)
        cut = max((x.end() for x in _BOUNDARY.finditer(raw)), default=0)   # …同时依托|西部数据交易中心
        raw, a = raw[cut:], a + cut
        lead = _LEFT_STRIP.match(raw)
        if lead:
            raw, a = raw[lead.end():], a + lead.end()
        # a full place name in front (武汉市长飞光纤公司) is the location, not part of the name;
        # a short one (合肥综合性国家科学中心, 重庆公共数据应用实验室) belongs to the proper name
        region = find_region(raw)
        if region is not None:
            full = region.pref
            if raw.startswith(full) and full[-1] in UNIT_WORDS and len(raw) - len(full) >= 4:
                raw, a = raw[len(full):], a + len(full)
        if len(raw) < 4 or (_GENERIC_ORG_HEAD.match(raw) and not (raw.startswith(_COMPOUND_WORDS)
                                                                  and raw.endswith(_NAMED_KIND_ENDS))) \
                or raw.startswith(("（", "(")):                # 区|域…: 区域大数据产业协会 is a name
            continue
        b = a + len(raw)
        if free(a, b):
            out.append((a, b, raw))
    for m in _LIST_BEFORE_COUNT.finditer(seg):
        pos = start + m.start(1)
        for name in m.group(1).split("、"):
            a = text.find(name, pos)
            if a >= 0 and free(a, a + len(name)) and not _GENERIC_ORG_HEAD.match(name):
                out.append((a, a + len(name), name))
            pos = a + len(name) if a >= 0 else pos
    return out


_NAMED_KINDS = frozenset(_RULES["named_kind_suffixes"])
_NAMED_KIND_ENDS = tuple(_NAMED_KINDS)


def _kind_of_name(text: str, a: int, b: int, ta: int, tb: int) -> bool:
    """Is the taken span ``text[ta:tb]`` the kind a name ends with (陕西省区域大数据产业|协会, 机动车维修业|行业协会):
    the vocabulary's category is then the name's head, not an actor of its own."""
    return a < ta and tb == b and text[ta:tb] in _NAMED_KINDS and _ROLE_STOP.search(text, a, ta) is None


def org_label(name: str) -> str:
    """``长飞光纤公司`` → ``长飞光纤``: a bare 公司 is not part of the name."""
    if name.endswith("公司") and not name.endswith(("有限公司", "集团公司")) and len(name) > 4:
        return name[:-2]
    return name


# --- productive names: departments, offices and party bodies -----------------------------

#: name suffix → how the name is read (rules/actors.yaml organ_suffixes)
_ORGAN_KIND: dict[str, str] = _RULES["organ_suffixes"]
_ORGAN_SUFFIX = re.compile(alternation(_ORGAN_KIND))
_BODY = "body"
_ORGAN_FIELD_VERBS = frozenset(_RULES["organ_field_verbs"])
_PREFIXED_ONLY = frozenset(_RULES["organ_prefixed_only"])
_NOT_NAME_END = re.compile(rf"(?:{alternation(_RULES['organ_not_names'])})$")
_JING = _RULES["organ_stop_jing"]
# 由 after 自 is part of a name (中国（上海）自由贸易试验区管理委员会): rules/actors.yaml stop_not_after
_NOT_AFTER_STOP: dict[str, str] = _RULES["stop_not_after"]


def _stop_alternation(words) -> str:
    """The stop words as a regex alternation, longest first, each guarded by the characters it never follows."""
    return "|".join((f"(?<![{_NOT_AFTER_STOP[w]}])" if w in _NOT_AFTER_STOP else "") + re.escape(w)
                    for w in sorted(words, key=len, reverse=True))


_ORGAN_STOP = guarded(re.compile(rf"{_stop_alternation(_RULES['organ_stops'])}|的|{_JING[0]}(?![{''.join(_JING[1:])}])"
                                 r"|[^\u4e00-\u9fff]"))
# a name ends with one of these characters: 和 after it joins two names (市财政局和市数据局)
_NAME_END_CHARS = frozenset(k[-1] for k in _ORGAN_KIND) | frozenset("府")
_COMPOUNDS = frozenset(_RULES["unit_word_compounds"])
_COMPOUND_WORDS = tuple(_COMPOUNDS)
_COMPOUND_BREAKER = re.compile(alternation(_RULES["unit_word_compound_breakers"]))
_SUFFIX_WORD = re.compile(alternation(_RULES["organ_suffix_continuations"]))
_PARTY_LEVEL: dict[str, str] = _RULES["party_committees"]
_PARTY_OFFICE: dict[str, str] = _RULES["party_offices"]
_PARTY = re.compile(rf"({alternation(_PARTY_LEVEL)})(员会)?({alternation(_PARTY_OFFICE)})?")
_PARTY_LEVEL_RX = re.compile(alternation(_PARTY_LEVEL))
_PREFIX_WORD = re.compile(alternation(list(_LEVEL_OF_PREFIX) + list(_PARTY_LEVEL)))
# 市教委、市科委、市外办: a one-character stem after a level word, when a list mark or a bracket follows
_ONE_CHAR_STEM_SUFFIXES = frozenset(("委", "办"))
_NAME_AFTER = re.compile(r"[、，。；）)等]|$")
_BARE_ORGANS = frozenset(_RULES["organ_bare_suffixes"])
_LIST_MARKS = frozenset("、，（：:")
_LISTED_SUFFIXES = frozenset(("厅", "委", "办"))        # …、民政厅、: a department in a list of them
_ORGAN_HEAD_VERBS = frozenset(_RULES["organ_head_verbs"])
_MAX_STEM = 14           # longest stem of a name after its level word (政务服务和数据管理)
_MAX_BARE_STEM = 10      # … of a name written without one


@lru_cache(maxsize=1)
def _stems() -> dict[str, Concept]:
    """Department stem → role: the ontology's ``pkg:stem`` values."""
    out: dict[str, Concept] = {}
    for c in vocabulary().scheme("role"):
        for st in c.attrs.get("stem", []):
            out.setdefault(st, c)
    return out


@lru_cache(maxsize=1)
def _known_stem_rx() -> re.Pattern:
    return re.compile(alternation(_stems()))


@lru_cache(maxsize=None)
def _role_by_label(label: str) -> Concept | None:
    found = [c for c in vocabulary().lookup(label, "actor") if c.scheme in ("role", "act")]
    return found[0] if found else None


@lru_cache(maxsize=None)
def _synthetic(name: str, body: bool, cls: str = "Department") -> Concept:
    """A department or body the ontology does not list, named as written."""
    return Concept("", "role", _organ_key(name), name,
                   attrs={"actorClass": cls, "organ": "body" if body else "department"})


# words a level word never stands before (乡镇企业行政管理部门 is no township's department)
_LEVEL_NOT_BEFORE = re.compile(alternation(_RULES["level_word_not_before"]))


def _unit_prefix_ok(text: str, start: int, p: int, i: int) -> bool:
    """Is the level word text[p:i] a level here?  Not in 城市, 社区, 市场… (unless the name after
    it starts with a known stem: 市民政局, 市市场监管局)."""
    if _LEVEL_NOT_BEFORE.match(text, i) is not None:
        return False                                          # 乡镇|企业: a kind of enterprise, no level
    if i - p != 1:
        return True
    if p > start and text[p - 1:i] in _COMPOUNDS:
        return False
    if text[p:i + 1] in _COMPOUNDS and _known_stem_rx().match(text, i) is None \
            and _COMPOUND_BREAKER.match(text, i) is None:
        return False                                          # 县城, 市场 (not 县|城乡规划主管部门)
    return True


def _level_prefix_at(text: str, start: int, i: int) -> re.Match | None:
    """The level word (省, 县级以上, 区县（自治县）…) that ends at ``i``, if it is one there."""
    m = _LEVEL_PREFIX.search(text, max(start, i - 10), i)
    if m is None or not _unit_prefix_ok(text, start, m.start(), i):
        return None
    return m


def _party_before(text: str, start: int, i: int) -> bool:
    return any(text.startswith(w, i - len(w)) and i - len(w) >= start for w in _PARTY_LEVEL)


def _organ_concept(stem: str, suffix: str) -> Concept:
    kind = _ORGAN_KIND[suffix]
    known = _role_by_label(stem + suffix)
    if known is not None:
        return known
    bare = _RELATED_AFTER.sub("", _RELATED.sub("", stem))
    if bare != stem and kind == "as_written":               # 有关|土地行政主管部门, 民政等|行政部门: determiners
        return _stems().get(bare) or (vocabulary().concept("role", "other-departments") if not bare
                                      else _organ_concept(bare, suffix))
    if kind != "body" or suffix in ("委员会", "办公室"):
        role = _stems().get(stem)
        if role is not None:
            return role
    if kind == "department":
        if suffix in ("委", "办"):
            return _synthetic(stem + suffix, True)
        return _synthetic(stem + "部门", False)
    return _synthetic(stem + suffix, kind == "body")


_RELATED = re.compile(r"^(?:有关|相关|各)+")
# 民政等(有关)|行政部门: one stem of a list cut short by 等
_RELATED_AFTER = re.compile(r"等(?:有关|相关|其他)?$")


def _stem_ok(text: str, cut: int, i0: int, s_suf: int, e: int, suffix: str) -> bool:
    """Is text[i0:s_suf] long enough to be a stem?  Two characters; one in 市教委、 (a list mark or a
    bracket after); none in 市法院 (a court or procuratorate after its level word)."""
    n = s_suf - i0
    if n >= 2:
        return True
    if n == 0:
        return suffix in _BARE_ORGANS and cut < i0
    return cut < i0 and suffix in _ONE_CHAR_STEM_SUFFIXES and _NAME_AFTER.match(text, e) is not None


def _organ_cut(text: str, lo: int, s_suf: int) -> int:
    """Where a name ending with the suffix at ``s_suf`` may start: after the last stop word (a verb
    that ends the stem, 精神文明建设指导|委员会, stays) or after a 和 that joins two names."""
    cut = lo
    for st in _ORGAN_STOP.finditer(text, lo, s_suf):
        if st.end() < s_suf or st.group(0) not in _ORGAN_HEAD_VERBS:
            cut = st.end()
    k = text.rfind("和", cut, s_suf)
    if k > cut and (text[k - 1] in _NAME_END_CHARS          # 市财政局和|市数据局
                    or _LEVEL_OF_PREFIX.get(text[k - 1:k]) and _PREFIX_WORD.match(text, k + 1)):   # 市和|区…部门
        cut = k + 1
    return cut


# a country with its region in brackets opens a name (中国（上海）自由贸易试验区管理委员会)
_PLACE_BRACKET = re.compile(rf"(?:{alternation(_RULES['name_place_brackets'])})（[\u4e00-\u9fff]{{2,4}}）")


def organ_hits(text: str, start: int, end: int, region_ends: Collection[int] = (),
               terms: Collection[tuple[int, int]] = ()) -> list[Hit]:
    """Department and office names made by the productive pattern level word + stem + 局, 厅, 委,
    委员会, 办, 办公室, 中心, 管委会, 领导小组 (or + 主管部门…): the hit is the stem and suffix
    (``市|政务服务和数据管理局``), the level word or place before it is read when it is resolved.
    The stem names a department role when the ontology knows it (``卫健委`` → 卫生健康部门); a
    name without a level word or place needs a boundary before it (、, ，, 由…)."""
    out: list[Hit] = []
    for m in _ORGAN_SUFFIX.finditer(text, start, end):
        s_suf, e, suffix = m.start(), m.end(), m.group(0)
        nn = _NOT_NAME_END.search(text, max(start, e - 6), e)
        if nn is not None and e - nn.start() > len(suffix):
            continue
        cont = _SUFFIX_WORD.match(text, s_suf)
        if (cont is not None and cont.end() > e) or _party_before(text, start, s_suf):
            continue                                          # 办法, 委托; 省委|办公厅 (party_hits)
        lo = max(start, s_suf - _MAX_STEM - 2)
        cut = _organ_cut(text, lo, s_suf)
        # the first level word, place or party committee after the cut starts the stem (the level
        # words are matched longest first: 县级以上|住房城乡建设主管部门)
        i0 = next((r for r in sorted(region_ends) if cut <= r < s_suf - 1), None)
        for lp in _PREFIX_WORD.finditer(text, max(start, cut - 10), s_suf - (suffix not in _BARE_ORGANS)):
            i = lp.end()
            if i < cut or (i0 is not None and i >= i0):
                continue
            if lp.group(0) in _PARTY_LEVEL:
                i0 = -1
            elif _unit_prefix_ok(text, start, lp.start(), i):
                i0 = i
            break
        if i0 == -1:
            continue                                          # a party office: party_hits
        if i0 is None:
            bounded = cut > lo or lo == start
            listed = suffix in _LISTED_SUFFIXES and text[cut - 1:cut] in _LIST_MARKS and text[cut:s_suf] in _stems()
            if (suffix in _PREFIXED_ONLY and not listed) or not bounded or not 2 <= s_suf - cut <= _MAX_BARE_STEM:
                continue
            i0 = _past_object_verbs(text, cut, s_suf, suffix)  # 拒绝|海洋主管部门
            i0 = _past_leading_words(text, i0, s_suf, _ORGAN_KIND[suffix] != _BODY)  # 阻挠|…部门, 交|法制委员会
        if not _stem_ok(text, cut, i0, s_suf, e, suffix):
            continue
        if suffix == "中心" and any(te == e or (ts <= i0 and e <= te) for ts, te in terms):
            continue                                          # 省级|数据中心: a facility, not a body
        det = _DETERMINER.match(text, i0, s_suf - 2)
        if det is not None:                                   # 各|开发区管委会: the determiner is no part of the name
            i0 = det.end()
        pb = _PLACE_BRACKET.search(text, max(start, i0 - 8), i0)
        if pb is not None and pb.end() == i0:                 # 中国（上海）|自由贸易试验区管理委员会: one name
            i0 = pb.start()
        stem = text[i0:s_suf]
        out.append(Hit(i0, e, text[i0:e], "actor", (_organ_concept(stem, suffix),)))
    return out


@lru_cache(maxsize=None)
def _party_concept(level: str, office: str | None) -> Concept:
    key = "party-committee" if office is None else f"party-committee/{_organ_key(office)}"
    return Concept("", "role", key, office or "", attrs={
        "actorClass": "GovernmentBody" if office is None else "Department", "party": level})


def party_hits(text: str, start: int, end: int) -> list[Hit]:
    """Party committees and their offices: 省委, 市委网信办, 中共北京市委员会 (the place written before
    them is read when they are resolved)."""
    out: list[Hit] = []
    for m in _PARTY.finditer(text, start, end):
        ps = m.start(1)
        if ps > start and text[ps - 1:ps + 1] in _COMPOUNDS:      # 城市委…
            continue
        office = _PARTY_OFFICE.get(m.group(3)) if m.group(3) else None
        if m.group(2) and office is not None:
            continue
        e = m.end()
        if office is None and not m.group(2):                   # 省委人才工作局、: an office the list lacks
            other = _PARTY_OTHER_OFFICE.match(text, e, end)
            if other is not None:
                office, e = other.group(1), other.end(1)
        out.append(Hit(ps, e, text[ps:e], "actor", (_party_concept(_PARTY_LEVEL[m.group(1)], office),)))
    return out


# an office of a party committee by pattern: a stem and an office suffix, then a list mark or a bracket
_PARTY_OTHER_OFFICE = re.compile(rf"([\u4e00-\u9fff]{{1,10}}?(?:{alternation(_RULES['party_office_suffixes'])}))"
                                 r"(?=[、，；。）)：:]|$)")


def _party(text: str, h: Hit, region_hits: list[Hit], jurisdiction: str | None) -> Actor:
    """A party committee or office in the place written before it, else the document's."""
    c = h.concept
    a0, region = h.start, jurisdiction
    reg = next((r for r in region_hits if r.start < h.start <= r.end <= h.start + 1), None)
    if reg is not None and reg.text not in _NOT_ACTOR_REGIONS:
        a0, region = reg.start, reg.concept.key
    if text.startswith("中共", a0 - 2):
        a0 -= 2
    gov = _government(c.attrs["party"], region, h.text)
    base = f"中共{_place(gov)}委" if not gov.generic else f"{_place(gov)}党委"
    office = c.pref
    label = base + (office if office else ("员会" if not gov.generic else ""))
    a = Actor(a0, h.end, text[a0:h.end], f"{gov.id}/{c.key}", label, c.attrs["actorClass"], gov.generic,
              None, gov.level, gov.jurisdiction)
    return a


# --- governments made by pattern: unit word + 人民政府 -------------------------------------

_GOV_UNITS: dict[str, str] = {**_LEVEL_OF_PREFIX, **_RULES["government_units"]}
_GOV_UNIT_BEFORE = re.compile(rf"(?:{alternation(_GOV_UNITS)})$")
_GOV_RELATION_BEFORE = re.compile(rf"(?:{alternation(_RULES['government_relations'])})$")
_PEOPLES_GOV = "人民政府"
# a bare 人民政府 is a government only after a word that cannot end a name (报|人民政府, 经|人民政府,
# 的|人民政府); 中央人民政府 and names the vocabulary lacks are left alone
_BARE_GOV_AFTER = guarded(re.compile(
    rf"(?:{alternation(_RULES['organ_stops'] + _RULES['coordinators'])}|的|报经|报请|[^\u4e00-\u9fff])$"))
#: a government named by its relation to another (本级人民政府) or by no unit at all: the document's
_OWN_GOVERNMENT = Concept("", "role", "own-government", _PEOPLES_GOV, attrs={"actorClass": "GovernmentBody",
                                                                           "own": "true"})


def government_hits(text: str, start: int, end: int) -> list[Hit]:
    """Governments written as a unit word + 人民政府 that the vocabulary does not list: 区（市）人民政府,
    区（县级市）人民政府, 乡（镇）人民政府, 镇人民政府 (the unit's level); 本级人民政府, 上一级人民政府,
    所在地人民政府 and a bare 人民政府 (the document's government).  Levels listed before the unit
    (市、区（市）人民政府) are read when the hit is resolved."""
    out: list[Hit] = []
    i = text.find(_PEOPLES_GOV, start, end)
    while i >= 0:
        e = i + len(_PEOPLES_GOV)
        lo = max(start, i - 8)
        unit = _GOV_UNIT_BEFORE.search(text, lo, i)
        if unit is not None and _unit_prefix_ok(text, start, unit.start(), i):
            level = _GOV_UNITS[unit.group(0)]
            concept = vocabulary().concept("role", _GOV_OF_LEVEL[level]) if level in _GOV_OF_LEVEL else None
            if concept is not None:
                out.append(Hit(unit.start(), e, text[unit.start():e], "actor", (concept,)))
        else:
            rel = _GOV_RELATION_BEFORE.search(text, lo, i)
            a = rel.start() if rel is not None else i
            if rel is not None or a == start or _BARE_GOV_AFTER.search(text, max(start, a - 4), a) is not None:
                out.append(Hit(a, e, text[a:e], "actor", (_OWN_GOVERNMENT,)))
        i = text.find(_PEOPLES_GOV, e, end)
    for m in _SHORT_GOV.finditer(text, start, end):          # 区、县（市）政府: a bracketed unit + 政府
        level = _GOV_UNITS[m.group(1)]
        if level in _GOV_OF_LEVEL:
            out.append(Hit(m.start(), m.end(), m.group(0), "actor", (vocabulary().concept("role", _GOV_OF_LEVEL[level]),)))
    return out


_SHORT_GOV = re.compile(rf"({alternation(u for u in _GOV_UNITS if len(u) > 1 and not u.endswith('级'))})政府")


# --- branches of central agencies ----------------------------------------------------------

_BRANCH = re.compile(alternation(_RULES["branch_suffixes"]))
_AGENCY_BEFORE = re.compile(rf"(?:{alternation(_RULES['central_agencies'])})$")
_LEVEL_WORD_BEFORE = re.compile(rf"(?:{alternation(_LEVEL_OF_PREFIX)})级?$")


def branch_hits(text: str, start: int, end: int, regions: Collection[Hit] = ()) -> list[Hit]:
    """Branches of central agencies: 人民银行河南省分行, 厦门金融监管局, 中国人民银行省级分行 — a place
    (or a level word) before the suffix, the agency optionally before the place; named as written."""
    out: list[Hit] = []
    for m in _BRANCH.finditer(text, start, end):
        s, e = m.span()
        place = next((r for r in regions if r.end == s and r.text not in _NOT_ACTOR_REGIONS), None)
        a = place.start if place is not None else None
        if a is None:
            lw = _LEVEL_WORD_BEFORE.search(text, max(start, s - 6), s)
            if lw is None:
                continue
            a = lw.start()
        ag = _AGENCY_BEFORE.search(text, max(start, a - 12), a)
        if ag is not None:
            a = ag.start()
        elif place is None:
            continue                                          # 省级分行 alone: not a name
        name = text[a:e]
        out.append(Hit(a, e, name, "actor", (_branch(name),)))
    return out


_DISPATCHED = re.compile(alternation(_RULES["dispatched_units"]))


def dispatched_hits(text: str, lex: list[Hit]) -> list[Hit]:
    """国家能源局派出机构, 金融监管总局派出机构: the dispatched unit written right after a named body is
    one body, named as written (rules/actors.yaml dispatched_units)."""
    out = []
    for o in lex:
        m = _DISPATCHED.match(text, o.end) if _is_named_body(o) else None
        if m is not None:
            out.append(Hit(o.start, m.end(), text[o.start:m.end()], "actor", (_branch(text[o.start:m.end()]),)))
    return out


@lru_cache(maxsize=None)
def _branch(name: str) -> Concept:
    return Concept("", "role", _organ_key(name), name, attrs={"actorClass": "Department", "category": "true",
                                                             "branch": "true"})


# --- role nouns made by pattern: 建设单位, 房地产开发企业, 登记机构, 违法者 ---------------------

_ROLE_HEAD: dict[str, str] = _RULES["role_noun_heads"]


def _head_alternative(head: str) -> str:
    """A head as a regex alternative, with the characters that cannot follow it excluded early (人|民)."""
    after = _RULES["role_noun_head_guards"].get(head, {}).get("not_before")
    return re.escape(head) + (f"(?![{''.join(after)}])" if after else "")


# an article number run into its text (第十四条网络交易经营者): no part of a name
_ARTICLE_NUMBER = r"第[一二三四五六七八九十百零〇]+[条款项]"
_ROLE_HEAD_RX = re.compile("|".join(_head_alternative(h) for h in sorted(_ROLE_HEAD, key=len, reverse=True)))
#: the heads that end a role noun wherever they stand (not 商, 方, 人, 代表, which need a context: 商务, 人力资源)
_NAME_HEAD_RX = re.compile(alternation(h for h in _ROLE_HEAD if h not in _RULES["role_noun_head_guards"]))
_NAME_HEAD_END = re.compile(f"(?:{_NAME_HEAD_RX.pattern})$")
# 联合|国… is the verb (联合国内外研究开发机构) unless it begins 联合国 (联合国教科文组织): rules/actors.yaml
_STOP_GUARDS: dict[str, str] = {
    w: "(?!" + "|".join((f"(?!{alternation(g['unless'])})" if g.get("unless") else "") + re.escape(n)
                        for n in g["names"]) + ")"
    for w, g in _RULES["role_noun_stop_guards"].items()}
_ROLE_STOP = guarded(re.compile("|".join(_STOP_GUARDS.get(w, "") + _stop_alternation([w]) for w in sorted(
    _RULES['organ_stops'] + _RULES['role_noun_stops'] + _RULES['determiners'], key=len, reverse=True))
                       + rf"|的|和|{_JING[0]}(?![{''.join(_JING[1:])}])|[^\u4e00-\u9fff]|{_ARTICLE_NUMBER}"))
# words that open a clause before a role noun, never the noun (满足|企业, 因|产权单位; rules/actors.yaml)
_LEADING_KEEPS: dict[str, list[str]] = _RULES["role_noun_leading_char_keeps"]
_LEADING_WORD = guarded(re.compile(rf"(?:{alternation(_RULES['role_noun_leading_words'])})"
                           rf"(?!{alternation(_RULES['role_noun_leading_not_before'])})|"
                           + "|".join(re.escape(c) + (f"(?!{alternation(keep)})" if (keep := _LEADING_KEEPS.get(c)) else "")
                                      for c in _RULES["role_noun_leading_chars"])))
# 拒绝|消费者, 举办|学前教育机构: a verb taking the role noun as its object (rules/actors.yaml)
_OBJECT_VERB = re.compile(rf"(?:{alternation(_RULES['role_noun_object_verbs'])})"
                          rf"(?!{alternation(_RULES['role_noun_object_verb_not_before'])})")
_OBJECT_MIN_REST = 2      # characters of modifier that must follow it (受理|部门, 使用|权人 keep theirs)
# … or none, before these heads (反映|企业, 回答|代表: corpus/scale 增加企业 25, 反映代表 9, 回答代表 8 …), except in terms
_BARE_OBJECT_HEADS = frozenset(_RULES["role_noun_object_bare_heads"]["heads"])
_BARE_OBJECT_TERMS = frozenset(_RULES["role_noun_object_bare_heads"]["terms"])
_PLACE_ABBREVIATIONS = frozenset(_RULES["role_noun_place_abbreviations"])
_OBJECT_ADVERB = re.compile(alternation(_RULES["role_noun_object_adverbs"]))
_AGENT_VERBS = frozenset(_RULES["role_noun_agent_verbs"]["verbs"])
_AGENT_VERB_HEADS = frozenset(_RULES["role_noun_agent_verbs"]["heads"])
_AT = "在"
_BAD_MODIFIER = frozenset(_RULES["role_noun_bad_modifiers"])
_KEPT_LEVEL = re.compile(rf"(?:{alternation(_RULES['role_noun_kept_levels'])})$")
_DESIGNATION = re.compile(rf"(?:{alternation(_RULES['role_noun_designations'])})$")
_HEAD_VERBS = frozenset(_RULES["role_noun_head_verbs"])
_HEAD_CONCEPTS = frozenset(_RULES["role_noun_head_concepts"])
_DEPUTY_NOT_BEFORE = re.compile(alternation(_RULES["role_noun_deputy_not_before"]))
#: heads that make an agent noun of the verb before them (申请人, 举报人, 管理人)
_AGENT_HEADS = frozenset(_RULES["role_noun_agent_heads"])
_HEAD_GUARDS: dict[str, dict[str, frozenset[str]]] = {
    head: {k: frozenset(v) for k, v in g.items() if k != "max_modifier"}
    for head, g in _RULES["role_noun_head_guards"].items()}
#: the longest modifier before a guarded head (数字化转型服务|商, not 筛选购买优质服务|商)
_HEAD_MAX_MODIFIER: dict[str, int] = {head: g["max_modifier"] for head, g in _RULES["role_noun_head_guards"].items()
                                      if "max_modifier" in g}
_PASSIVE = "被"
_PASSIVE_HEADS = frozenset(_RULES["role_noun_passive_heads"])
_HEAD_BLOCKER = frozenset(_RULES["role_noun_head_blockers"])
# a count before the head (5万家以上|中小企业, 十七|部门) is no modifier
_COUNT = re.compile(r"[0-9０-９一二三四五六七八九十百千万亿余多几]+[家个所项批类位名方]?(?:以上)?(?![级轮手])")   # not 一级|开发主体,
#                                         三轮|摩托车生产企业, 二手|车经营者; 另一方|当事人 (corpus/scale: 一方当事人 27 docs)
_MAX_MODIFIER = 8
_ORDINAL, _THIRD_PERSON_HEAD = "第", "者"
# stop words that are no verb: an agent noun never ends with them (认证的|人)
_FUNCTION_WORDS = frozenset(_RULES["role_noun_function_words"])
_LABEL_COLON = frozenset("：:")


@lru_cache(maxsize=None)
def _role_noun(name: str, cls: str) -> Concept:
    return Concept("", "role", _organ_key(name), name, attrs={"actorClass": cls, "category": "true"})


@lru_cache(maxsize=None)
def _category_of(name: str) -> Concept | None:
    """The vocabulary's category a role noun ends with (数字经济企业 → 企业, 优势特色平台企业 →
    平台企业): its label; generic legal roles (单位, 组织) do not name one (建设单位 stays whole)."""
    for i in range(1, len(name) - 1):
        c = _role_by_label(name[i:])
        if c is not None and c.scheme == "role" and c.attrs.get("actorClass") not in (
                "Department", "GovernmentBody", "Legislature") and c.key not in _VAGUE_ROLES:
            return c
    return None


_FIELD_END = re.compile(rf"(?:{alternation(_RULES['category_field_ends'])})$")
_SCOPE_START = re.compile(alternation(_RULES["category_scope_starts"]))
_BARE_ACTIVITIES = frozenset(_RULES["category_bare_activities"])


@lru_cache(maxsize=None)
def _names_a_kind(modifier: str) -> bool:
    """Does ``modifier`` make a kind of the category after it (房地产开发|企业, 特大型|企业), not only
    name its field (数字经济|企业, 网信|企业, 人工智能领域|企业) or a scope (境内外|企业, 被假冒|企业)?"""
    if _FIELD_END.search(modifier) or _SCOPE_START.match(modifier) or modifier in _BARE_ACTIVITIES:
        return False
    v = vocabulary()
    return not any(v.lookup(modifier[i:], "domain") or modifier[i:] in _stems() for i in range(len(modifier) - 1))


def _head_ok(text: str, hs: int, e: int, head: str) -> bool:
    """Can the head word at ``hs`` end a role noun here?  Not 或|者, 跨|部门, 人民代表|大会; 商 and 方
    only after the words that make them a party (供应|商, 提供|方; not 协商, 方可); 人 not in 人民, 他人;
    组织 only where a subject or list item ends (慈善组织应当, not 定期组织开展) (rules/actors.yaml
    role_noun_head_guards)."""
    if (head == "者" and text[hs - 1:hs] == "或") or text[hs - 1:hs] in _HEAD_BLOCKER:
        return False
    if head.startswith("代表") and (_NOT_BEFORE["deputy"].match(text, e) or _DEPUTY_NOT_BEFORE.match(text, e)):
        return False
    g = _HEAD_GUARDS.get(head)
    if g is None or _PASSIVE in text[max(0, hs - 3):hs - 1]:
        return True                                           # 被检验方: the party a verb is done to
    return ("after" not in g or text[hs - 2:hs] in g["after"]) and text[hs - 1:hs] not in g.get("not_after", ()) \
        and text[e:e + 1] not in g.get("not_before", ()) \
        and ("before" not in g or any(text.startswith(w, e) for w in g["before"]))


def _after_count(text: str, lo: int, hs: int, cut: int | None) -> int | None:
    """100家以上|企业: a count before the head ends the modifier; an ordinal is no count (第三方评估机构,
    第一责任人, 第三人) except in 第三者 (corpus/scale: 32 of 36 in 第三者责任险, an insurance)."""
    for st in _COUNT.finditer(text, lo, hs):
        if text[st.start() - 1:st.start()] != _ORDINAL or text.startswith(_THIRD_PERSON_HEAD, st.end()):
            cut = max(cut or 0, st.end())
    return cut


def _past_object_verbs(text: str, cut: int, hs: int, head: str = "") -> int:
    """Where the modifier starts after the verbs whose object the role noun is (确需|进行|企业 → 企业 is
    the head alone; 适合|老年人; 拒绝|旅游者): each verb is passed when two characters of modifier
    follow it, so 受理部门 and 申请人 keep their verb.  A place abbreviation after 在 is passed too
    (在京|商事仲裁机构)."""
    if text[cut - 1:cut] == _AT and text[cut:cut + 1] in _PLACE_ABBREVIATIONS and hs - cut > _OBJECT_MIN_REST:
        cut += 1                                          # 在杭|跨境支付机构: the place is no modifier
    while (v := _object_verb(text, cut, hs)) is not None and (hs - v >= _OBJECT_MIN_REST or (
            v == hs and head in _BARE_OBJECT_HEADS and text[cut:v] not in _BARE_OBJECT_TERMS
            and text[cut - 1:cut] != _PASSIVE)):                # 被假冒|企业 keeps its verb
        if head in _AGENT_VERB_HEADS and text[cut:v] in _AGENT_VERBS:
            break                                         # 申请残疾评定|人员, 参加培训|者: the agent of the verb
        cut = v
        lead = _LEADING_WORD.match(text, cut, hs)
        if lead is not None and hs - lead.end() >= _OBJECT_MIN_REST:
            cut = lead.end()
    return cut


def _past_leading_words(text: str, cut: int, hs: int, words: bool) -> int:
    """Where a department's name without a level word starts after the verbs that open its clause
    (遵守|淮阳龙湖管理机构, 阻挠|城市管理行政主管部门, 交|法制委员会; rules/actors.yaml role_noun_leading_words),
    two characters of stem left; not before a field that opens with a verb (优化营商环境工作主管部门).
    Without ``words`` only a one-character verb is passed: a body's own name may open with a verb
    (优化营商环境咨询委员会)."""
    lead = _LEADING_WORD.match(text, cut, hs)
    while (lead is not None and hs - lead.end() >= _OBJECT_MIN_REST and lead.group(0) not in _ORGAN_FIELD_VERBS
           and (words or lead.end() - cut == 1)):
        cut = lead.end()
        lead = _LEADING_WORD.match(text, cut, hs)
    return cut


def _object_verb(text: str, cut: int, hs: int) -> int | None:
    """The end of an object verb at ``cut``, with an adverb before it (必须|使用, 不|侵害), or ``None``."""
    v = _OBJECT_VERB.match(text, cut, hs)
    if v is not None:
        return v.end()
    adv = _OBJECT_ADVERB.match(text, cut, hs)
    if adv is None:
        return None
    v = _OBJECT_VERB.match(text, adv.end(), hs) or _LEADING_WORD.match(text, adv.end(), hs)
    return v.end() if v is not None else None


def role_noun_hits(text: str, start: int, end: int) -> list[Hit]:
    """Role nouns made of a modifier and a head (rules/actors.yaml role_noun_heads): 公路建设单位,
    房地产开发企业, 登记机构, 被征用者.  The modifier runs from a clause boundary or a stop word
    to the head; a bare head is the vocabulary's."""
    out: list[Hit] = []
    for m in _ROLE_HEAD_RX.finditer(text, start, end):
        hs, e = m.start(), m.end()
        if not _head_ok(text, hs, e, m.group(0)):
            continue
        lo = max(start, hs - _MAX_MODIFIER - 1)
        cut = None
        for st in _ROLE_STOP.finditer(text, lo, hs):
            if st.end() < hs or (st.group(0) not in _HEAD_VERBS and not (
                    m.group(0) in _AGENT_HEADS and _CJK_CHAR.match(st.group(0)) and st.group(0) not in _FUNCTION_WORDS)):
                cut = st.end()                                # 动物卫生监督|机构, 申请|人: the verb ends the modifier
        cut = _after_count(text, lo, hs, cut)
        if cut is None:
            if lo != start:
                continue                                          # no boundary: too long to be one term
            cut = start
        lead = _LEADING_WORD.match(text, cut, e)
        while lead is not None and lead.end() <= hs:          # 满足|企业, 保护|举报人: a verb opens the clause
            cut = lead.end()
            lead = _LEADING_WORD.match(text, cut, e)
        cut = _past_object_verbs(text, cut, hs, m.group(0))
        longest = _HEAD_MAX_MODIFIER.get(m.group(0), _MAX_MODIFIER)
        kept = _KEPT_LEVEL.search(text, max(start, cut - 4), cut)
        if kept is not None and m.group(0) != _DEPARTMENT_HEAD and hs - kept.start() <= longest:
            cut = kept.start()                                # 县级以上|工会组织: the level stays in the surface
        mod = text[cut:hs]
        if not 2 <= len(mod) <= longest or (mod in _BAD_MODIFIER and m.group(0) not in _HEAD_GUARDS):
            continue
        if text[e:e + 1] in _LABEL_COLON or _DESIGNATION.search(text, cut, e):
            continue                                          # （责任单位：…）: a label; 文物保护单位: a site
        known = _role_by_label(text[cut:e]) or _category_of(text[cut:e])
        passive = text[cut - 1:cut] == _PASSIVE and m.group(0) in _PASSIVE_HEADS and cut > start
        if known is not None and known.pref == m.group(0) and not passive and _names_a_kind(mod):
            known = None                                      # 房地产开发企业: a kind of 企业, as written
        if passive:
            cut -= 1                                          # 被征用者, 被假冒企业: the party a verb is done to
        if known is None and m.group(0) == _DEPARTMENT_HEAD and (_DEPARTMENT_ROLE_END.search(mod) is None
                                                                  or _field_supervisor(mod)):
            cut = _after_level_word(text, start, cut, hs)     # 市|宗教事务部门: a department of that level's government
            out.append(Hit(cut, e, text[cut:e], "actor", (_synthetic(text[cut:e], False),)))
            continue
        concept = known if known is not None else _role_noun(text[cut:e], _ROLE_HEAD[m.group(0)])
        out.append(Hit(cut, e, text[cut:e], "actor", (concept,)))
        out += _listed_kinds(text, start, cut, e, m.group(0))
    return out


# 设计、施工、监理单位; 建设、施工和监理单位: activity stems listed before one head (rules/actors.yaml)
_KIND_LIST_SEP = re.compile(rf"(?:{alternation(_RULES['role_noun_list_separators'])})$")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
_KIND_LIST_HEADS = frozenset(_RULES["role_noun_list_heads"])
_KIND_ACTIVITIES = frozenset(_RULES["role_noun_list_stems"])
_KIND_STEM = (2, 4)       # characters of a listed stem


def _listed_kinds(text: str, start: int, cut: int, e: int, head: str) -> list[Hit]:
    """The other kinds of a list of activity stems sharing the head of the last one (设计、施工、监理单位 →
    设计单位, 施工单位 besides 监理单位): each is one record whose surface runs from its stem to the head
    (ANNOTATION.md: the smallest span containing a conjunct).  Every stem is two to four characters
    after a list mark, a clause boundary or a stop word, and none names an actor or holds a stop word
    (社会团体、企业事业单位 and 鼓励、支持单位 are no such lists)."""
    lo, hi = _KIND_STEM
    if head not in _KIND_LIST_HEADS or not lo <= e - len(head) - cut <= hi \
            or text[e - len(head) - 2:e - len(head)] not in _KIND_ACTIVITIES:
        return []
    out: list[Hit] = []
    pos = cut
    while (sep := _KIND_LIST_SEP.search(text, max(start, pos - 2), pos)) is not None:
        s = next((k for k in range(sep.start() - hi, sep.start() - lo + 1)
                  if k >= start and _HAN_RUN.fullmatch(text, k, sep.start()) and _stem_starts(text, start, k)
                  and not _stop_opens(text, k, sep.start() - lo)), None)
        if s is None:
            break
        word = text[s:sep.start()]
        if _role_by_label(word) is not None or _ROLE_STOP.search(word) or _NAME_HEAD_RX.search(word) \
                or word[-2:] not in _KIND_ACTIVITIES or _OBJECT_VERB.match(word) or _LEADING_WORD.match(word):
            break
        name = word + head
        concept = _role_by_label(name) or _category_of(name) or _role_noun(name, _ROLE_HEAD[head])
        out.append(Hit(s, e, text[s:e], "actor", (concept,)))
        pos = s
    return out


def _stop_opens(text: str, k: int, last: int) -> bool:
    """Does a stop word start at ``k`` and end by ``last`` (确定|设计、: the stem starts after it)?"""
    m = _ROLE_STOP.match(text, k)
    return m is not None and m.end() <= last


def _stem_starts(text: str, start: int, k: int) -> bool:
    """May a listed stem begin at ``k``: after a list mark or other punctuation, or a stop word?"""
    if k == start or not _HAN_RUN.match(text, k - 1):
        return True
    return any(st.end() == k for st in _ROLE_STOP.finditer(text, max(start, k - 4), k))


# 宗教事务部门, 房屋征收部门: a field's department of the government (not 主管部门, 受理部门: rules/actors.yaml)
_DEPARTMENT_HEAD = "部门"
_DEPARTMENT_ROLE_END = re.compile(rf"(?:{alternation(_RULES['department_role_modifiers'])})$")


_SUPERVISION = tuple(_RULES["department_field_supervision"]["words"])
_NOT_FIELDS = frozenset(_RULES["department_field_supervision"]["not_fields"])


def _field_supervisor(mod: str) -> bool:
    """安全生产|监管部门, 铁路安全|监管部门: a field before the supervising word names a department of
    the government (scoped, as written), unlike 行业监管部门 or 综合监管部门 (roles in a procedure)."""
    field = next((mod[:-len(w)] for w in _SUPERVISION if mod.endswith(w)), "")
    return len(field) >= 2 and field not in _NOT_FIELDS and _DEPARTMENT_ROLE_END.search(field) is None


def _after_level_word(text: str, start: int, cut: int, hs: int) -> int:
    """Where a department's stem starts: after a level word at or across ``cut`` (市|宗教事务,
    县级以上|黄河河务, whose 县级 a stop word cut), else at ``cut``."""
    for i in range(min(hs - 2, cut + 6), cut - 1, -1):
        lp = _level_prefix_at(text, start, i)
        if lp is not None and lp.start() <= cut:
            return i
    return cut


# --- phrases ---------------------------------------------------------------------------

def actors_from_hits(text: str, start: int, end: int, hits: list[Hit], jurisdiction: str | None,
                     blocked: Collection[tuple[int, int]] = ()) -> list[Actor]:
    """Resolve the actor and region hits of ``text[start:end]`` into actors (sorted by position)."""
    region_hits = [h for h in hits if h.kind == "region"]
    lists = _stem_lists(text, start, end)
    out: list[Actor] = []
    prev = _Previous()
    items: list[tuple[int, Hit | _StemList]] = [(h.start, h) for h in hits
                                                 if h.kind == "actor" and not _inside(h, blocked)
                                                 and not any(sl.start <= h.start and h.end <= sl.end for sl in lists)]
    items += [(sl.start, sl) for sl in lists if not _inside(sl, blocked)]
    items.sort(key=lambda x: x[0])
    for _, h in items:
        _resolve_hit(text, start, h, region_hits, jurisdiction, prev, out)
    for i, a in enumerate(out):                               # 上级|数据主管部门, 上一级|国防动员委员会
        rel = _RELATIVE_BEFORE.search(text, max(start, a.start - 3), a.start)
        if rel is not None and (a.cls in ("Department", "GovernmentBody", "Legislature") or a.role in _RELATIVE_ROLES):
            surface = text[rel.start():a.end]                 # another body than the one named: a new actor, so
            out[i] = replace(a, start=rel.start(), text=surface, label=surface,   # a department whose parent
                             id=f"actor:org/{_organ_key(surface)}")              # it was keeps id and label
    out.sort(key=lambda a: (a.start, a.end))
    return out


# a body named by its relation to another (上级数据主管部门): the word stays in the surface
_RELATIVE_BEFORE = re.compile(rf"(?:{alternation(_RULES['relative_bodies'])})$")
_RELATIVE_ROLES = frozenset(_RULES["relative_body_roles"])


@dataclass(slots=True)
class _Previous:
    """What the previous actor phrase leaves to the next one."""

    end: int = -1
    govs: list[Actor] = field(default_factory=list)   # governments it named (for its departments)
    parents: list = field(default_factory=list)       # parents a coordinated department would inherit
    was_gov: bool = False
    sentence_gov: Actor | None = None                 # the last government the sentence named

    def advance(self, end: int, govs: list[Actor], parents: list, coordinated: bool) -> None:
        self.end = end
        self.was_gov = bool(govs)
        self.govs = govs
        if govs:
            self.parents = govs
            self.sentence_gov = govs[-1]
        elif parents and parents != [None]:
            self.parents = parents
        elif not coordinated:
            self.parents = []


def _resolve_hit(text: str, start: int, h: Hit | _StemList, region_hits: list[Hit], jurisdiction: str | None,
                 prev: _Previous, out: list[Actor]) -> None:
    """Append the actor(s) one hit names to ``out``."""
    connector = text[prev.end:h.start] if prev.end >= 0 else None
    coordinated = connector is not None and _CONNECTOR.match(connector) is not None
    if isinstance(h, _StemList):
        pairs = _department_parents(text, start, jurisdiction, False, h.start, connector == "" and prev.was_gov,
                                    coordinated, prev, out, jurisdiction)
        for _, dept in h.items:                              # one surface, the whole list, for every department
            for p, a0 in pairs:                               # (GUIDE: 网信、公安、财政、司法等有关部门 → four records)
                a = _department(dept, p, jurisdiction)
                a.start = min(a0, h.start)
                a.end, a.text = h.end, text[a.start:h.end]
                out.append(a)
        prev.advance(h.end, [], [p for p, _ in pairs], coordinated)
        return
    c = h.concept
    if "category" in c.attrs:
        a = _category(c)
        a.start, a.end, a.text = h.start, h.end, text[h.start:h.end]
        if c.attrs.get("branch"):                             # 人民银行河南省分行: one named body
            a.id, a.generic = f"actor:org/{c.key}", False
        elif (_DIRECT_UNITS.match(a.text) or _KEPT_LEVEL_START.match(a.text)) and jurisdiction not in (None, "china"):
            lv = _KEPT_LEVEL_START.match(a.text)              # 省直单位 (Hunan) → 湖南省省直单位; 省级登记机构 (Shanxi)
            lvl = _LEVEL_OF_PREFIX.get(lv.group(0)) if lv else None                # → 山西省省级登记机构
            key = _relative(lvl, jurisdiction)[1] if lvl else jurisdiction
            r = _region(key or jurisdiction)
            a.id, a.label, a.jurisdiction = f"actor:{r.attrs.get('slug', r.key)}/{c.key}", f"{r.pref}{a.text}", r.key
        out.append(a)
        prev.advance(h.end, [], [], coordinated)
        return
    if "party" in c.attrs:
        a = _party(text, h, region_hits, jurisdiction)
        out.append(a)
        prev.advance(h.end, [], [], coordinated)
        return
    region, explicit, a0 = _written_region(h, region_hits, jurisdiction)
    govs: list[Actor] = []
    parents: list = []
    made: list[tuple[Actor, int]]
    if c.scheme == "act":
        made = [(_named(c), a0)]
        if made[0][0].cls == "GovernmentBody":
            govs = [made[0][0]]
    elif _is_gov_role(c) and (named := _named_unit(text, start, h, explicit, jurisdiction)) is not None:
        made = [named]                                        # 越秀区政府: a district named by its place
        govs = [named[0]]
    elif _is_gov_role(c):
        made = _governments(text, start, h, region, explicit, a0)
        govs = [g for g, _ in made]
    elif c.attrs.get("actorClass") == "Legislature":
        made = _legislatures(text, start, h, region, explicit, a0)
    elif _is_dept_role(c):
        made, parents = _departments(text, start, h, region, explicit, a0, connector == "" and prev.was_gov,
                                     coordinated, prev, out, jurisdiction)
    else:
        made = [_category_or_court(text, start, h, region, explicit, a0, jurisdiction)]
    made = _listed_places(text, start, h, region_hits, made, explicit, jurisdiction) + made
    for m, s in made:
        out.append(_placed(text, start, h, m, s, bool(govs)))
    prev.advance(h.end, govs, parents, coordinated)


def _legislatures(text: str, start: int, h: Hit, region: str | None, explicit: bool,
                  a0: int) -> list[tuple[Actor, int]]:
    """The congress body a role names after its level word (县级|人民代表大会…), with the levels listed
    before that word (区、县人民代表大会常务委员会 → the districts' and the counties' bodies), as for
    governments (市、区人民政府)."""
    lp = None if explicit else _level_prefix_at(text, start, h.start)
    if lp is None:
        if not explicit and h.start > start and text[h.start - 1] in _TOWNSHIP_CHARS:   # 乡|人民代表大会, 镇|…
            return [(_legislature(h.concept, region, explicit, _TOWNSHIP_WORD), h.start - 1)]
        return [(_legislature(h.concept, region, explicit, ""), a0)]
    made = [(_legislature(h.concept, region, explicit, lp.group(1)), lp.start())]
    coord = _COORD_LEVELS.search(text, max(start, lp.start() - 16), lp.start())
    if coord is None or coord.end() != lp.start():
        return made
    return [(_legislature(h.concept, region, explicit, m.group(1) if m.group(1) in _LEVEL_OF_PREFIX else _CITY_WORD),
             coord.start() + m.start(1)) for m in _COORD_LEVEL_ITEM.finditer(coord.group(1))] + made


_CITY_WORD = "市"          # 城市、县人民代表大会…: a city word of the list names the city level
# 乡 and 镇 are no level words of their own (城乡|规划, 城镇|…), but right before a congress body they are
# the township's (镇人民代表大会, 乡、镇人民代表大会主席团: 65 documents of corpus/scale outside the gold set)
_TOWNSHIP_CHARS = frozenset("乡镇")
_TOWNSHIP_WORD = "乡镇"


#: the roles written after a place or a level word as that place's court (省人民检察院, 区人民法院)
_COURT_ROLES = frozenset(_RULES["place_courts"])


def _category_or_court(text: str, start: int, h: Hit, region: str | None, explicit: bool, a0: int,
                       jurisdiction: str | None) -> tuple[Actor, int]:
    """A category; a court or procuratorate after a place or a level word is that place's (北京市人民检察院,
    省人民检察院 in Henan → 河南省人民检察院, 区人民法院 in Shanghai → 上海市区人民法院)."""
    c = h.concept
    if c.key not in _COURT_ROLES:
        return _category(c), a0
    lp = None if explicit else _level_prefix_at(text, start, h.start)
    gov = own_government(region) if explicit else \
        _level_government(lp.group(1), jurisdiction) if lp is not None and jurisdiction not in (None, "china") else None
    if gov is None or gov.level in (None, "national") or not gov.label:
        return _category(c), a0
    label = f"{_place(gov)}{c.pref}"
    return Actor(0, 0, "", f"{gov.id}/{c.key}", label, "GovernmentBody", gov.generic, c.key, gov.level,
                 gov.jurisdiction), (a0 if explicit or lp is None else lp.start())


def _listed_places(text: str, start: int, h: Hit, region_hits: list[Hit], made: list[tuple[Actor, int]],
                   explicit: bool, jurisdiction: str | None = None) -> list[tuple[Actor, int]]:
    """南京、苏州市数据局, 郑州、洛阳市人民政府: each place listed before the one a government or department
    is written with (the one body ``made``) has the same body, its phrase running from the place to the body's end."""
    out: list[tuple[Actor, int]] = []
    c = h.concept
    named = len(made) == 1 and _is_named_county(made[0][0])     # 偃师市、孟津县、洛龙区人民政府: 洛龙区 unlisted
    if not (explicit or named) or len(made) != 1 or not (_is_gov_role(c) or _is_dept_role(c)):
        return out
    last = made[0][0]
    own = last.id == getattr(own_government(last.jurisdiction), "id", None)   # 香港、澳门特别行政区政府
    k = made[0][1] if named else next((r.start for r in region_hits if r.start < h.start <= r.end + 1), h.start)
    while k - 1 > start and text[k - 1] == "、":
        r = next((r for r in region_hits if r.end == k - 1 and r.text not in _NOT_ACTOR_REGIONS), None)
        if r is None:
            unlisted = _unlisted_place(text, start, k - 1, h, _list_city(last, jurisdiction)) \
                if _is_gov_role(c) else None
            if unlisted is None:
                break
            out.insert(0, unlisted)
            k = unlisted[1]
            continue
        key = r.concept.key
        if _is_gov_role(c):
            a = (own_government(key) if own else None) or _gov_from_role(c, key, True, h.text)
        else:
            a = _department(c, _government(_region_level(key) or "province", key), key)
        out.insert(0, (a, r.start))
        k = r.start
    return out


def _is_named_county(a: Actor) -> bool:
    """Is ``a`` a district's or county's government named by a place the regions vocabulary lacks?"""
    return a.role == "county-government" and a.id.startswith("actor:org/")


_GOVERNMENT_WORD = "政府"


def _list_city(last: Actor, jurisdiction: str | None) -> str | None:
    """The city an unlisted district of a list is read in: the document's, unless the list ends with a place
    outside it (吴江区、嘉善县人民政府 in a Shanghai text: 吴江区 is not Shanghai's)."""
    if last.jurisdiction is None or last.jurisdiction == jurisdiction or jurisdiction is None:
        return jurisdiction
    inside = any(c.key == jurisdiction for c in vocabulary().ancestors(_region(last.jurisdiction)))
    return jurisdiction if inside else None


#: the county units a place the regions vocabulary lacks is listed with before a government (梁园区、虞城县人民政府);
#: an unlisted 市 may be a prefecture's, so it ends the list
_UNLISTED_UNITS = frozenset("区县")


def _unlisted_place(text: str, start: int, end: int, h: Hit, jurisdiction: str | None) -> tuple[Actor, int] | None:
    """民权县、梁园区、虞城县人民政府: a district or county the regions vocabulary lacks, listed (ending at
    ``end``, before 、) in front of the government ``h`` names (…人民政府, …政府), has a government of its own."""
    unit = text[end - 1:end]
    if unit not in _UNLISTED_UNITS or end - 1 <= start or not h.text.endswith(_GOVERNMENT_WORD):
        return None
    cut = _place_name_start(text, start, end - 1)
    if cut is None:
        return None
    return _named_county_government(text[cut:end - 1], unit, jurisdiction), cut


_SCOPED_BODY = re.compile(alternation(_RULES["scoped_body_words"]) + "|" +
                          rf"(?:{alternation(_RULES['scoped_committee_ends'])})$")
_AS_WRITTEN_BODY = re.compile(rf"(?:{alternation(_RULES['as_written_body_suffixes'])})$")


def _departments(text: str, start: int, h: Hit, region: str | None, explicit: bool, a0: int, after_gov: bool,
                 coordinated: bool, prev: _Previous, out: list[Actor],
                 jurisdiction: str | None) -> tuple[list[tuple[Actor, int]], list]:
    """The department(s) a department hit names, each with where its phrase starts, and their parents."""
    c = h.concept
    pairs: list[tuple[Actor | None, int]]
    if c.attrs.get("organ") == "body" and _AS_WRITTEN_BODY.search(h.text) and _SCOPED_BODY.search(h.text) is None \
            and _ZONE_BODY.match(h.text) is None and _no_scope_written(text, start, explicit, a0, after_gov,
                                                                       coordinated, prev):
        pairs, region = [(None, a0)], None                    # 代表资格审查委员会, 选举委员会: as written
    else:
        pairs = _department_parents(text, start, region, explicit, a0, after_gov, coordinated, prev, out, jurisdiction)
    return [(_written_national(_department(c, p, region), p, h), s) for p, s in pairs], [p for p, _ in pairs]


def _no_scope_written(text: str, start: int, explicit: bool, a0: int, after_gov: bool, coordinated: bool,
                      prev: _Previous) -> bool:
    """Is a body's name written with no place, level word or government to scope it (选举委员会,
    专利复审委员会), while none came before it in the sentence?"""
    return not (explicit or after_gov or (coordinated and prev.parents) or prev.sentence_gov is not None
                or _level_prefix_at(text, start, a0) is not None)


def _placed(text: str, start: int, h: Hit, m: Actor, s: int, gov: bool) -> Actor:
    """``m`` given its span (from ``s`` to the hit's end) and, for a body, the label its span decides."""
    if gov and text[max(start, s - 2):s] in ("有关", "相关"):
        s -= 2                                                # 相关|区政府: 有关 stays in the surface
    m.start, m.end, m.text = s, h.end, text[s:h.end]
    if h.concept.attrs.get("organ") != "body":
        return m
    if m.jurisdiction is None and m.level != "national":
        m.label = m.text                                      # 市城运办 in a text of no place
    elif _named_zone(m.text):
        m.label = _DETERMINER.sub("", m.text, count=1) if _DETERMINER.match(m.text) else m.text
        m.id, m.generic = f"actor:org/{_organ_key(m.label)}", False          # 临港新片区管委会: one named body
    return m


_ZONE_BODY = re.compile(rf"^(?:{alternation(_RULES['zone_bodies']['qualifiers'])})?(.*?(?:{alternation(_RULES['zone_bodies']['kinds'])}))"
                        rf"(?:{alternation(_RULES['zone_bodies']['heads'])})$")
_GENERIC_ZONES = frozenset(_RULES["zone_bodies"]["generic"])


def _named_zone(name: str) -> bool:
    """Is ``name`` the managing body of a zone named by its own name (临港新片区管委会, 枣庄高新区管委会),
    not of a kind of zone (开发区管委会, 市属经济开发区管理委员会)?"""
    m = _ZONE_BODY.match(name)
    return m is not None and m.group(1) not in _GENERIC_ZONES


# units directly under a government (省直单位, 市直机关): the document's own
_DIRECT_UNITS = re.compile(r"[省市区县]直")
# a role noun that keeps its level word (省级登记机构, 县级以上工会组织) is a kind of that level in the document's region
_KEPT_LEVEL_START = re.compile(alternation(_RULES["role_noun_kept_levels"]))


def _named_unit(text: str, start: int, h: Hit, explicit: bool, jurisdiction: str | None = None) -> tuple[Actor, int] | None:
    """越秀区政府, 浦东新区政府: a county government written after the name of its place (a place the
    regions vocabulary does not list) is that one government, labelled by its full name: in a city's
    or 直辖市's text the city's name first (广州市越秀区人民政府, 上海市浦东新区人民政府)."""
    unit = _county_unit(h.text)
    if explicit or unit is None or h.start - start < 2 or h.text[len(unit):len(unit) + 1] == "级":
        return None
    cut = _place_name_start(text, start, h.start)
    if cut is None:
        return None
    return _named_county_government(text[cut:h.start], unit, jurisdiction), cut


def _place_name_start(text: str, start: int, end: int) -> int | None:
    """Where the name of a place the regions vocabulary does not list starts, written right before a county
    unit word at ``end`` (越秀|区政府, 梁园|区、): up to four characters after the last stop word,
    coordinator or determiner; None when what is left names no place (本级, 县级, 有关…)."""
    b = end
    while b > max(start, end - 4) and _CJK_ONE.match(text, b - 1):
        b -= 1
    cut = b
    for st in _ORGAN_STOP.finditer(text, b, end):
        cut = st.end()
    for st in _COORDINATOR.finditer(text, cut, end):
        cut = st.end()
    m = _DETERMINER.match(text, cut, end)
    if m is not None:
        cut = m.end()
    name = text[cut:end]
    if len(name) < 2 or name in _RULES["government_relations"] or _LEVEL_PREFIX.search(name) \
            or text[end - 1:end + 1] in _COMPOUNDS - {"新区"} \
            or _ORGAN_SUFFIX.search(name) or _NAME_HEAD_RX.search(name):
        return None
    return cut


def _named_county_government(name: str, unit: str, jurisdiction: str | None) -> Actor:
    """The government of a district or county named by its place (越秀 + 区): in a city's or 直辖市's
    text a 区 has the city's name first (广州市越秀区人民政府)."""
    city = _region(jurisdiction).pref if unit == "区" and (_region_level(jurisdiction) == "city"
                                                          or _is_municipality(jurisdiction)) else ""
    label = f"{city}{name}{unit}人民政府"
    return Actor(0, 0, "", f"actor:org/{_organ_key(label)}", label, "GovernmentBody", False,
                 "county-government", "county", None)


def _written_national(a: Actor, parent: Actor | None, h: Hit) -> Actor:
    """国家林业和草原局, 国家密码管理局: a national body the ontology does not name is labelled as written."""
    if parent is not None and parent.level == "national" and not parent.id and a.concept is None \
            and h.concept.attrs.get("organ") != "body" and h.text != a.label.removeprefix("国家"):
        if _ORGAN_SUFFIX.search(h.text) is not None and not h.text.endswith("部门"):
            a.label = f"国家{h.text}"
    return a


def _written_region(h: Hit, region_hits: list[Hit], jurisdiction: str | None) -> tuple[str | None, bool, int]:
    """A region written in front of the role (安徽省人民政府, 上海市经信委, 广东省政府):
    (region, whether written, start of the phrase)."""
    reg = next((r for r in region_hits if (h.start - 1 <= r.end <= h.start or (r.end == h.start + 1 and h.text
                                                                             and r.text[-1:] == h.text[0]))
                and r.start < h.start), None)             # 上海市|人民政府: the place's unit word begins the role
    if reg is not None and reg.text not in _NOT_ACTOR_REGIONS and h.concept.scheme != "act":
        return reg.concept.key, True, reg.start
    return jurisdiction, False, h.start


def _governments(text: str, start: int, h: Hit, region: str | None, explicit: bool,
                 a0: int) -> list[tuple[Actor, int]]:
    """The government a role names, with the levels listed before it (省、设区的市级人民政府); each
    listed level's phrase runs from its level word to the end of the role."""
    if explicit and region is not None and a0 < h.start and text[a0:h.start + 1] == _region(region).pref \
            and _GOV_OF_LEVEL.get(str(h.concept.attrs.get("governmentLevel"))) == h.concept.key:
        own = own_government(region)                  # 香港特别行政|区政府: the unit word ends the place's name,
        if own is not None:                           # so the place's own government (not a 区's)
            return [(own, a0)]
    made = [(_gov_from_role(h.concept, region, explicit, h.text), a0)]
    coord = _COORD_LEVELS.search(text, max(start, h.start - 16), h.start)
    if coord is not None and coord.end() == h.start and not explicit:
        extra = [(_government(_LEVEL_OF_PREFIX.get(m.group(1), "city"), region, m.group(1)), coord.start() + m.start(1))
                 for m in _COORD_LEVEL_ITEM.finditer(coord.group(1))]
        return extra + made
    return made


def _department_parents(text: str, start: int, region: str | None, explicit: bool, a0: int, after_gov: bool,
                        coordinated: bool, prev: _Previous, out: list[Actor],
                        jurisdiction: str | None) -> list[tuple[Actor | None, int]]:
    """The governments a department belongs to (``None``: none), each with where its phrase starts."""
    if after_gov:                                            # 省人民政府发展改革部门
        parents = list(prev.govs)
        for g in parents:
            if g in out:
                out.remove(g)
        return [(g, g.start) for g in parents]
    if explicit:                                             # 上海市经信委
        return [(_government(_region_level(region) or "province", region), a0)]
    prefix = _level_prefix_at(text, start, a0)
    if prefix is not None:                                   # 县级以上网信部门, 国家数据主管部门, 市、区交通…部门
        pairs: list[tuple[Actor | None, int]] = []
        coord = _COORD_LEVELS.search(text, max(start, prefix.start() - 16), prefix.start())
        if coord is not None and coord.end() == prefix.start():
            pairs += [(_level_government(m.group(1), region), coord.start() + m.start(1))
                      for m in _COORD_LEVEL_ITEM.finditer(coord.group(1))]
        return pairs + [(_level_government(prefix.group(1), region), prefix.start())]
    if text[max(start, a0 - len(_ALL_LEVELS)):a0] == _ALL_LEVELS:   # 各级网信部门: every level's government's
        gov = _gov_from_role(vocabulary().concept("role", "all-levels-government"), region, False)
        return [(gov, a0)]                                   # the surface drops 各级 (tune gold: 政务数据主管部门)
    if coordinated and prev.parents:                         # 县级以上人民政府及有关部门
        return [(p, a0) for p in prev.parents]
    if prev.sentence_gov is not None and _region_level(jurisdiction) not in (None, "national") \
            and prev.sentence_gov.role not in _NO_DEPARTMENTS:
        return [(prev.sentence_gov, a0)]                     # 县级以上人民政府应当组织水行政主管部门…
    return [(own_government(jurisdiction) if region == jurisdiction else None, a0)]


#: the word before a department that makes it every level's (各级数据管理部门 17 documents of corpus/scale,
#: 各级建设行政主管部门 19, 各级网信部门 9): the department of 各级人民政府
_ALL_LEVELS = "各级"

#: governments whose sentence does not make the departments it names theirs (乡、镇人民政府 or 街道办事处
#: … 由有关部门处理: the city's or county's departments, not 上海市乡镇人民政府有关部门)
_NO_DEPARTMENTS = frozenset(_RULES["governments_without_departments"])


_CITY_WORDS = frozenset(_RULES["coordinated_city_words"])


def _level_government(word: str, region: str | None) -> Actor:
    lvl = "city" if word in _CITY_WORDS else _LEVEL_OF_PREFIX[word]      # 城市、县城乡规划主管部门
    if lvl == "national":
        return Actor(0, 0, "", "", "国家", "GovernmentBody", False, None, "national", "china")
    return _government(lvl, region, word)


# --- lists of department stems with one head (发展改革、财政、国土资源等部门) --------------

_STEM_LIST_HEAD = alternation(_RULES["stem_list_heads"])
# the shared head after the last stem (…、国土资源|等部门); the stems are read backwards from it
_STEM_HEAD = re.compile(rf"(?<=[\u4e00-\u9fff])(等)?({_STEM_LIST_HEAD})")
#: what every head ends with (部门): a sentence without it has no stem list
_STEM_HEAD_TAIL = os.path.commonprefix([h[::-1] for h in _RULES["stem_list_heads"]])[::-1]
_CJK_ONLY = re.compile(r"[\u4e00-\u9fff]{2,10}")
_CJK_ONE = re.compile(r"[\u4e00-\u9fff]")


@dataclass(slots=True)
class _StemList:
    start: int
    end: int
    items: list[tuple[int, Concept]]          # (start of the stem, department role)


_MAX_FIRST_ITEM = 10      # characters of the first item read back from its 、


def _list_items(text: str, start: int, hs: int) -> tuple[list[str], int] | None:
    """The items before a shared head at ``hs``, separated by 、 (read backwards from the head):
    (items, where the first starts); the first item is the run of characters before its 、."""
    k = text.rfind("、", max(start, hs - 9), hs)
    if k < 0:
        return None
    stems = [text[k + 1:hs]]
    while True:
        j = text.rfind("、", max(start, k - 11), k)
        item = text[j + 1:k] if j >= 0 else ""
        if len(item) >= 2 and _CJK_ONLY.fullmatch(item):
            stems.insert(0, item)
            k = j
            continue
        b = k
        while b > max(start, k - _MAX_FIRST_ITEM) and _CJK_ONE.match(text, b - 1):
            b -= 1
        if k - b < 2:
            return None
        stems.insert(0, text[b:k])
        if not all(_CJK_ONLY.fullmatch(st) for st in stems) or len(stems[-1]) > 8:
            return None
        return stems, b


def _first_stem_cut(text: str, start: int, first: str, list_start: int) -> int:
    """Where the first stem starts inside the first item: after a stop word (组织|发展改革), at a
    level word, else at the longest known stem ending the item."""
    cut = 0
    for st in _ORGAN_STOP.finditer(first):
        cut = st.end()
    k = first.rfind("和", cut)
    if k > cut and first[k - 1] in _NAME_END_CHARS:         # 水行政主管部门和|发展改革
        cut = k + 1
    km = _known_stem_rx().search(first, cut)
    if km is not None and km.end() == len(first) and km.start() > cut and \
            _level_prefix_at(text, start, list_start + km.start()) is not None:
        return km.start()
    if _level_prefix_at(text, start, list_start + cut) is None:
        tail = next((first[j:] for j in range(cut, len(first) - 1) if first[j:] in _stems()), None)
        if tail is not None:
            return len(first) - len(tail)
        lp = _PREFIX_WORD.match(first, cut)                   # 市|房屋、土地行政管理部门: the level word is read later
        if lp is not None and lp.group(0) in _LEVEL_OF_PREFIX and len(first) - lp.end() >= 2 \
                and _unit_prefix_ok(text, start, list_start + cut, list_start + lp.end()):
            return lp.end()
    return cut


def _stem_lists(text: str, start: int, end: int) -> list[_StemList]:
    """网信、公安部门; 市发展改革、商务等部门; 交通运输、水行政等主管部门: one department per stem,
    each from its stem to the shared head.  The first stem is cut at a stop word (组织|发展改革);
    a list whose stems the ontology does not know at all is no list of departments."""
    out: list[_StemList] = []
    if text.find(_STEM_HEAD_TAIL, start, end) < 0 or (text.find("、", start, end) < 0 and text.find("等", start, end) < 0):
        return out
    for hm in _STEM_HEAD.finditer(text, start, end):
        head = hm.group(2)
        found = _list_items(text, start, hm.start())
        if found is None:
            one = _one_stem_before_deng(text, start, hm) if hm.group(1) else None
            if one is not None:                               # 民政等行政部门: a list of one
                out.append(one)
            continue
        stems, list_start = found
        cut = _first_stem_cut(text, start, stems[0], list_start)
        if cut == 0 and len(stems[0]) >= _MAX_FIRST_ITEM and _CJK_ONE.match(text, list_start - 1):
            continue                                          # 县|级以上人口和计划生育、…: its start is out of reach
        stems[0] = stems[0][cut:]
        if len(stems[0]) < 2 or not any(st in _stems() or _role_by_label(st + head) for st in stems) \
                or any(_ORGAN_SUFFIX.search(st) or _NAME_HEAD_END.search(st) for st in stems):
            continue                                          # an item that is a name itself: no stem list
        pos = list_start + cut
        items = []
        for st in stems:
            dept = _role_by_label(st + head) or _stems().get(st) or _synthetic(st + "部门", False)
            items.append((pos, dept))
            pos += len(st) + 1
        out.append(_StemList(list_start + cut, hm.end(), items))
    return out


def _one_stem_before_deng(text: str, start: int, hm: re.Match) -> _StemList | None:
    """民政等行政部门, 财政等有关部门: the one known stem written right before 等 and a shared head,
    the longest such stem after a level word, a stop word or the start of the clause."""
    for n in range(min(_MAX_BARE_STEM, hm.start() - start), 1, -1):
        a = hm.start() - n
        st = text[a:hm.start()]
        if st in _stems() and (a == start or not _CJK_ONE.match(text, a - 1) or _level_prefix_at(text, start, a)
                               or _ORGAN_STOP.search(text, max(start, a - 2), a)):
            return _StemList(a, hm.end(), [(a, _role_by_label(st + hm.group(2)) or _stems()[st])])
    return None


@lru_cache(maxsize=1)
def _stem_department_rx() -> re.Pattern:
    return re.compile(rf"(?:{alternation(_stems())})(?:工作)?(?:行政)?(?:主管|管理)?部门")


def department_hits(text: str, start: int, end: int) -> list[Hit]:
    """Departments written as ``<stem>工作主管部门`` (大数据工作主管部门, 发展改革行政主管部门)
    that the vocabulary's labels do not list; the stems are the ontology's ``pkg:stem``."""
    out: list[Hit] = []
    if text.find("部门", start, end) < 0:                      # every such name ends with 部门
        return out
    rx = _known_stem_rx()
    for m in _stem_department_rx().finditer(text, start, end):
        word = m.group(0)
        st = rx.match(word)
        dept = _stems().get(st.group(0)) if st else None
        if dept is not None:
            a = m.start() - 2 if text[max(start, m.start() - 2):m.start()] in ("有关", "相关") else m.start()
            out.append(Hit(a, m.end(), text[a:m.end()], "actor", (dept,)))      # 有关|土地行政主管部门
    others = vocabulary().concept("role", "other-departments")
    out += [Hit(m.start(1), m.end(1), m.group(1), "actor", (others,)) for m in _LEVEL_DEPARTMENTS.finditer(text, start, end)]
    return out


# 市级部门, 区级部门: the departments of that level's government (rules/actors.yaml level_departments)
_LEVEL_DEPARTMENTS = re.compile(rf"(?:{alternation(_RULES['level_departments']['levels'])})"
                                rf"({alternation(_RULES['level_departments']['heads'])})"
                                rf"(?!{alternation(_RULES['level_departments']['not_before'])})")


_DUTY_BODY = re.compile("|".join(
    rf"(?:{alternation(d['before'])})[\u4e00-\u9fff、]{{2,{d['longest']}}}?(?:{alternation(d['after'])})"
    rf"的(?:{alternation(_RULES['duty_body_heads'])})" for d in _RULES["duty_bodies"].values()))
_LEGISLATURE_BODY = re.compile(rf"[\u4e00-\u9fff]{{0,6}}?(?:{alternation(_RULES['legislature_body_suffixes'])})")


def duty_body_hits(text: str, start: int, end: int, lex: Collection[Hit] = ()) -> list[Hit]:
    """Departments named by their duty (负有安全生产监督管理职责的部门, 负责侨务工作的机构) and the
    working bodies of a congress's committees (常务委员会法制工作机构, 人大常委会代表工作机构): named as
    written, the first a department of the government before it or of the document's."""
    out = [Hit(m.start(), m.end(), m.group(0), "actor", (_synthetic(m.group(0), False),))
           for m in _DUTY_BODY.finditer(text, start, end)]
    for o in lex:
        if o.concept.attrs.get("actorClass") != "Legislature" or o.concept.key in _HEAD_CONCEPTS:
            continue                                          # not 代表|工作机构: deputies are persons
        m = _LEGISLATURE_BODY.match(text, o.end, end)
        if m is not None:
            name = o.concept.pref + m.group(0) if o.concept.scheme == "role" else text[o.start:m.end()]
            out.append(Hit(o.start, m.end(), text[o.start:m.end()], "actor", (_legislature_body(name),)))
    return out


@lru_cache(maxsize=None)
def _legislature_body(name: str) -> Concept:
    return Concept("", "role", _organ_key(name), name, attrs={"actorClass": "Legislature"})


def _dept_by_stem(stem: str) -> Concept | None:
    return _stems().get(stem)


def _inside(h: Hit | _StemList, spans) -> bool:
    return any(a <= h.start and h.end <= b for a, b in spans)


# --- all actor hits of a sentence --------------------------------------------------------

_GENERIC = _RULES["generic_roles"]
_COORDINATED_ONLY = frozenset(_GENERIC["coordinated_only"])
_NOT_BEFORE = {k: re.compile(alternation(v)) for k, v in _GENERIC["not_before"].items()}
_NOT_AFTER_CHARS = {k: frozenset(v) for k, v in _GENERIC["not_after"].items()}
_PEOPLE = frozenset(_GENERIC["people"]["roles"])
_PEOPLE_NEXT = frozenset(_GENERIC["people"]["next"])
_VAGUE_AFTER = re.compile(rf"(?:{alternation(_GENERIC['vague_after'])})$")
_VAGUE_ROLES = frozenset(_GENERIC["vague_roles"])
_HEAD_ROLES = frozenset(_GENERIC["head_roles"])
_BARE_AFTER = re.compile(rf"(?:{alternation(_GENERIC['bare_after'])})$")
_ROLE_STOP_END = re.compile(rf"(?:{alternation(_RULES['role_noun_stops'])})$")
_COORDINATOR = re.compile(rf"(?:{alternation(_RULES['coordinators'])})")
_DETERMINER = re.compile(rf"(?:{alternation(_RULES['determiners'])})")
_KEEP_DETERMINER = re.compile(rf"(?:{alternation(_RULES['determiner_kept_before'])})")
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")


_SUBJ = _GENERIC["subject_only"]
_SUBJECT_ONLY = frozenset(_SUBJ["roles"])
_LIST_WORD = alternation(_SUBJ["list_words"])
# what may come between a subject institution and its modal: more names joined by list words
_SUBJECT_TAIL = re.compile(rf"(?:(?:{_LIST_WORD})[^\W\d等的]{{1,8}}?)*?(?:等[^\W\d的]{{0,4}}?)?"
                           rf"(?:{alternation(_SUBJ['modals'])})")
_SUBJECT_BEFORE = re.compile(rf"(?:^|[，。；：、（）\s]|{_LIST_WORD}|等|{alternation(_RULES['determiners'])})$")


def _as_subject(text: str, start: int, end: int, h: Hit) -> bool:
    """学校应当…, 学校、幼儿园应当…: the institution opens a clause or a list and a modal follows the list."""
    if h.start > start and _SUBJECT_BEFORE.search(text, max(start, h.start - 6), h.start) is None:
        return False
    m = _SUBJECT_TAIL.match(text, h.end, min(end, h.end + _SUBJ["max_list"]))
    return m is not None and "的" not in m.group(0)


_LISTED_KINDS = frozenset(_SUBJ["listed"])
_LIST_MARK = "、"


def _listed_with_actor(text: str, h: Hit, actor_spans: list[tuple[int, int]]) -> bool:
    """人大代表、政协委员、社会公众、新闻媒体、第三方机构对…: a role of rules/actors.yaml subject_only.listed
    between 、 marks with an actor right beside it is one of the actors listed."""
    if h.concept.key not in _LISTED_KINDS:
        return False
    return (text[h.start - 1:h.start] == _LIST_MARK and any(b == h.start - 1 for _, b in actor_spans)) or (
        text[h.end:h.end + 1] == _LIST_MARK and any(a == h.end + 1 for a, _ in actor_spans))


def _generic_role_ok(text: str, start: int, end: int, h: Hit, actor_spans: list[tuple[int, int]]) -> bool:
    """A bare generic role (组织, 单位, 个人) is an actor only where the rules say so."""
    c = h.concept
    if c.scheme != "role":
        return True
    rx = _NOT_BEFORE.get(c.key)
    if rx is not None and rx.match(text, h.end) is not None:
        return False
    if text[h.start - 1:h.start] in _NOT_AFTER_CHARS.get(c.key, ()):
        return False                                          # 所|代表: a verb here
    if c.key in _PEOPLE and h.end < end and text[h.end] not in _PEOPLE_NEXT and _CJK_CHAR.match(text[h.end]):
        return False                                          # 居民|身份证, 业主|大会: a modifier
    if c.key in _SUBJECT_ONLY and not _as_subject(text, start, end, h) and not _listed_with_actor(text, h, actor_spans):
        return False                                          # 在学校, 学校周边: a place
    if c.key in _VAGUE_ROLES and _VAGUE_AFTER.search(text, max(start, h.start - 3), h.start):
        return False
    if c.key in _HEAD_ROLES and h.start > start and _CJK_CHAR.match(text[h.start - 1]) \
            and _BARE_AFTER.search(text, max(start, h.start - 3), h.start) is None:
        return False                                          # 牵头单位, 建设单位: a longer term
    if c.key in _COORDINATED_ONLY:
        if h.start > start and _CJK_CHAR.match(text[h.start - 1]) \
                and _BARE_AFTER.search(text, max(start, h.start - 3), h.start) is None \
                and _ROLE_STOP_END.search(text, max(start, h.start - 4), h.start) is None:
            return False                                      # 地方金融|组织 (not 支持|组织): a longer term
        after = _COORDINATOR.match(text, h.end, end)
        before = any(b <= h.start and _COORDINATOR.fullmatch(text, b, h.start) for _, b in actor_spans)
        if not before and not (after and any(a == after.end() for a, _ in actor_spans)) \
                and not text.startswith("任何", h.start - 2):
            return False
    return True


def _strip_determiner(text: str, a: Actor) -> None:
    """各区人民政府 → 区人民政府, 任何单位 → 单位 (各区, 各市 and 各级人民政府 keep theirs)."""
    m = _DETERMINER.match(text, a.start, a.end)
    if m is None:
        return
    rest = a.end - m.end()
    if rest >= 2 and _KEEP_DETERMINER.match(text, m.end()) is None:
        a.start = m.end()
        a.text = text[a.start:a.end]


def actor_hits(text: str, start: int, end: int, hits: list[Hit] | None = None,
               terms: Collection[tuple[int, int]] = (), tools: Collection[tuple[int, int]] = ()) -> list[Hit]:
    """The actor and region hits of ``text[start:end]``: the vocabulary's, department names made by
    pattern (:func:`department_hits`, :func:`organ_hits`, :func:`party_hits`) where they are longer
    (a shorter lexicon suffix never wins over the full name), generic roles in their contexts.
    ``terms`` are the sentence's instrument and domain spans, ``tools`` its instrument spans (a
    role noun named by a tool, 示范单位, is the tool's)."""
    if hits is None:
        hits = matcher().find(text, start, end, kinds=("actor", "region"))
    regions = [h for h in hits if h.kind == "region"]
    lex = [h for h in hits if h.kind == "actor"]
    party = party_hits(text, start, end) if _PARTY_LEVEL_RX.search(text, start, end) else []
    made = [h for h in branch_hits(text, start, end, regions) + dispatched_hits(text, lex)
            if not any(o.start <= h.start and h.end <= o.end and o.end - o.start > h.end - h.start for o in lex)]
    known = lex + made
    made += [h for h in government_hits(text, start, end)
             if not any(o.start <= h.start and h.end <= o.end or (o.start < h.end and h.start < o.end and
                                                                   o.start < h.start) for o in known + regions)]
    known = lex + made
    made += [h for h in department_hits(text, start, end) + duty_body_hits(text, start, end, lex)
             if not any(o.start <= h.start and h.end <= o.end for o in known)]
    # a name without a level word or place before it loses to the vocabulary's name ending at the same
    # place (组织|水行政主管部门: the verb is not part of the name)
    known = lex + made
    # a named body before the stem (国务院|畜牧行政主管部门) starts it as a place does
    organs = [h for h in organ_hits(text, start, end, {r.end for r in regions} | {o.end for o in lex if _is_named_body(o)},
                                    terms)
              if not any(o.start <= h.start and h.end <= o.end for o in known)
              and not any(p.start < h.end and h.start < p.end for p in party)
              and (_prefixed(text, start, h, regions) or not any(o.end == h.end and o.start > h.start for o in lex))]
    # 公安机关|交通管理部门: a stem's department inside a longer name is that name's part
    made = [h for h in made if not any(o.start < h.start and o.end == h.end and _NAME_PREFIX.fullmatch(text, o.start, h.start)
                                       for o in organs)] + organs
    made += [h for h in bracket_alternative_hits(text, start, end)
             if not any(o.start <= h.start and h.end <= o.end and o.end - o.start > h.end - h.start for o in lex + made)]
    made += decision_body_hits(text, start, end) if text.find(_DECISION["verb"], start, end) >= 0 else []
    known, beside = lex + made, made + party + regions
    made += [h for h in role_noun_hits(text, start, end)
             if not any(o.start <= h.start and h.end <= o.end for o in known)
             and not any(o.start < h.end and h.start < o.end for o in beside)
             and not any(h.start <= o.start and o.end <= h.end and _is_body(o.concept)
                         and not (o.concept.key in _HEAD_CONCEPTS and o.end - o.start <= 2) for o in lex)
             and not any(ts < h.end and h.start < te and not _tool_agent(h, te) for ts, te in tools)
             and not any(o.end == h.end and h.start < o.start and o.concept.key in _PEOPLE for o in lex)]
    longer = made + party
    lex = [h for h in lex if not any(o.start <= h.start and h.end <= o.end and o.end - o.start > h.end - h.start
                                     for o in longer)
           and not any(p.start < h.end and h.start < p.end for p in party)]
    acts = sorted(lex + longer, key=lambda h: (h.start, h.end))
    acts = [h for h in acts if not (h.concept.attrs.get("actorClass") == "Legislature" and _SESSION_AFTER.match(text, h.end))]
    acts = [h for h in acts if not _definition_genus(text, start, end, h)]
    spans = [(h.start, h.end) for h in acts]
    acts = [h for h in acts if _generic_role_ok(text, start, end, h, spans)]
    acts = [_with_field(text, start, h, terms, acts + regions) for h in acts]
    acts = [_with_kinds_listed(text, start, h, acts + regions) for h in acts]
    acts += bare_government_hits(text, start, end, acts) if text.find(_BARE_GOV, start, end) >= 0 else []
    return sorted(acts + regions, key=lambda h: (h.start, h.end))


_BARE_GOV = "政府"
_BARE_GOV_RULES = _RULES["bare_government"]
_BARE_GOV_BEFORE = frozenset(_BARE_GOV_RULES["before"])
_BARE_GOV_LIST = re.compile(alternation(_BARE_GOV_RULES["joins"]))
_BARE_GOV_CLOSE = frozenset(_BARE_GOV_RULES["closes"])
_BARE_GOV_NOT = re.compile(alternation(_BARE_GOV_RULES["not_before"]))
_BARE_GOV_VERB = re.compile(rf"(?:{alternation(_BARE_GOV_RULES['verbs'])})$")
_BARE_GOV_MODAL = re.compile(alternation(_BARE_GOV_RULES["modals"]))


def bare_government_hits(text: str, start: int, end: int, acts: list[Hit]) -> list[Hit]:
    """A bare 政府 listed with other actors (由政府、企业事业单位…, 政府及有关部门应当…, 会员与政府、社会) or
    the subject of a modal (…，政府应当给予适当补偿): the document's government (rules/actors.yaml bare_government).  Not 政府有关部门, 政府引导, 政府和
    社会资本合作."""
    out: list[Hit] = []
    starts = {h.start for h in acts}
    ends = {h.end for h in acts}
    i = text.find(_BARE_GOV, start, end)
    while i >= 0:
        e = i + len(_BARE_GOV)
        opened = i == start or text[i - 1] in _BARE_GOV_BEFORE or _BARE_GOV_VERB.search(text, max(start, i - 3), i) is not None
        j = _BARE_GOV_LIST.match(text, e)
        before_actor = (j is not None and j.end() in starts and not _BARE_GOV_NOT.match(text, e)) or (
            _BARE_GOV_MODAL.match(text, e) is not None and (i == start or text[i - 1] in _BARE_GOV_BEFORE))
        after_actor = i - 1 in ends and text[i - 1] in _BARE_GOV_BEFORE and text[e:e + 1] in _BARE_GOV_CLOSE
        if opened and (before_actor or after_actor) and not any(h.start < e and i < h.end for h in acts):
            out.append(Hit(i, e, _BARE_GOV, "actor", (_OWN_GOVERNMENT,)))
        i = text.find(_BARE_GOV, e, end)
    return out


_DECISION = _RULES["decision_bodies"]
_DECISION_BODY = re.compile(rf"{_DECISION['verb']}(?:{alternation(_DECISION['decisions'])})的"
                            rf"(?:{alternation(_DECISION['heads'])})")


def decision_body_hits(text: str, start: int, end: int) -> list[Hit]:
    """作出处罚决定的机关, 作出具体行政行为的部门: the body named by the decision it made (rules/actors.yaml
    decision_bodies) — one actor over the whole phrase, as written."""
    out: list[Hit] = []
    for m in _DECISION_BODY.finditer(text, start, end):
        head = next(h for h in sorted(_DECISION["heads"], key=len, reverse=True) if m.group(0).endswith(h))
        out.append(Hit(m.start(), m.end(), m.group(0), "actor", (_role_noun(m.group(0), _DECISION["heads"][head]),)))
    return out


_BRACKET_ALTERNATIVES: dict[str, list[str]] = _RULES["bracket_alternatives"]
_BRACKET_ALTERNATIVE_RX = re.compile(alternation(_BRACKET_ALTERNATIVES))


def bracket_alternative_hits(text: str, start: int, end: int) -> list[Hit]:
    """村（居）民委员会: two kinds written as one, the other's first character in brackets
    (rules/actors.yaml bracket_alternatives) — one hit per kind, each over the whole surface."""
    out: list[Hit] = []
    if text.find("（", start, end) < 0 and text.find("(", start, end) < 0:
        return out
    for m in _BRACKET_ALTERNATIVE_RX.finditer(text, start, end):
        for label in _BRACKET_ALTERNATIVES[m.group(0)]:
            c = _role_by_label(label)
            if c is not None:
                out.append(Hit(m.start(), m.end(), m.group(0), "actor", (c,)))
    return out


_DENG = "等"
_KINDS_ITEM = (1, 6)          # characters of a kind listed before 等
_KINDS_SEP = re.compile(r"[、和及或]")
_KINDS_COMMA = re.compile("、")


def _with_kinds_listed(text: str, start: int, h: Hit, others: list[Hit]) -> Hit:
    """广播、电视、报刊、网站等|新闻媒体: a list of kinds (not actors) closed by 等 before a role is
    part of its surface (ANNOTATION.md keeps 网络、电视等交易平台提供者 whole; corpus/scale: 等新闻媒体
    in 73 documents).  Each item is one to six characters after a list mark, the first one starting
    the clause (加强对供水、供电等|公用企事业单位 keeps its surface)."""
    if text[h.start - 1:h.start] != _DENG or _is_dept_role(h.concept) or _is_gov_role(h.concept):
        return h
    lo, hi = _KINDS_ITEM
    pos, items, sep = h.start - 1, 0, _KINDS_SEP
    while True:
        k = next((k for k in range(pos - lo, max(start, pos - hi) - 1, -1) if sep.match(text, k - 1, k)), None)
        if k is None:                                     # the first item starts the clause
            k = next((k for k in range(max(start, pos - hi), pos - lo + 1)
                      if k == start or not _HAN_RUN.match(text, k - 1)), None)
            k = None if k is None else _past_openers(text, k, pos)
        if k is None or not _kind_item(text, k, pos) or text[pos - 1] in h.text:
            return h                                      # 技师学院、高级技工学校等|职业院校: kinds of the head
        items += 1
        if not sep.match(text, k - 1, k):
            break
        pos, sep = k - 1, _KINDS_COMMA                    # 和/及/或 only before the last item (普及 is a word)
    if items < 2 or any(o is not h and k <= o.start < h.start for o in others):
        return h
    return Hit(k, h.end, text[k:h.end], h.kind, h.concepts)


_KIND_LIST_PREPOSITIONS = frozenset(_RULES["kind_list_prepositions"])


def _past_openers(text: str, k: int, pos: int) -> int | None:
    """Where the first listed kind starts past a preposition opening the clause (由|供水、排水…), or
    ``None`` when a verb or another stop word opens it (推动|技术评估、经纪…等机构, 本市鼓励|电力…: the
    role is an object there and keeps its own surface)."""
    if text[k] in _KIND_LIST_PREPOSITIONS and not _stop_word_at(text, k, pos):
        k += 1
    return None if _stop_word_at(text, k, pos) or _stop_word_at(text, k + 1, pos) else k   # 推动|…, 并引导|…


def _stop_word_at(text: str, k: int, pos: int) -> bool:
    """Does a stop word of two or more characters start at ``k`` (从事, 推动, 本市)?"""
    st = _ROLE_STOP.match(text, k, pos)
    return st is not None and st.end() - k >= 2


def _kind_item(text: str, k: int, pos: int) -> bool:
    """Is ``text[k:pos]`` a listed kind: Chinese characters, no verb first, no 的, no actor's head
    (普通中小学校 and 中等职业学校 are actors of their own), not the 以 of 以及."""
    item = text[k:pos]
    return k < pos and _HAN_RUN.fullmatch(item) is not None and "的" not in item and item[-1] != "以" \
        and _role_by_label(item) is None and not _NAME_HEAD_RX.search(item) \
        and not _OBJECT_VERB.match(item) and not _LEADING_WORD.match(item)


_MAX_FIELD = 4


def _with_field(text: str, start: int, h: Hit, terms: Collection[tuple[int, int]], others: list[Hit]) -> Hit:
    """公共数据|主管部门, 政务数据|主管部门: a field term the vocabulary's department name begins inside
    (数据主管部门) is part of its surface — the department is still the government's (label unchanged),
    and its field word is no domain of the sentence."""
    if not _is_dept_role(h.concept):
        return h
    for ts, te in terms:
        if max(start, h.start - _MAX_FIELD) <= ts < h.start < te <= h.end and \
                not any(o is not h and o.start < h.start and ts < o.end for o in others):
            return Hit(ts, h.end, text[ts:h.end], h.kind, h.concepts)
    return h


_TOOL_AGENT_HEAD = re.compile(rf"(?:{alternation(_RULES['role_noun_tool_agent_heads'])})$")
_TOOL_AGENT_GAP: dict[str, int] = _RULES["role_noun_tool_agent_gaps"]


def _tool_agent(h: Hit, tool_end: int) -> bool:
    """执法|人员, 教育培训|机构: a role noun whose head does the work of the tool in its modifier is
    no part of the tool (示范|单位 is: rules/actors.yaml role_noun_tool_agent_heads)."""
    m = _TOOL_AGENT_HEAD.search(h.text)
    gap = _TOOL_AGENT_GAP.get(m.group(0)) if m is not None else None
    return m is not None and tool_end <= h.start + m.start() and (gap is None or h.start + m.start() - tool_end <= gap)


_DEFINITION = re.compile(alternation(_RULES["definition_words"]))
_CLAUSE_END = frozenset("。；;")


def _definition_genus(text: str, start: int, end: int, h: Hit) -> bool:
    """…是指…的法人组织。: the category that closes a definition after 的 is its genus, no actor."""
    if text[h.start - 1:h.start] != "的" or not (h.end >= end or text[h.end] in _CLAUSE_END) or _is_body(h.concept):
        return False
    ends = [d.end() for d in _DEFINITION.finditer(text, start, h.start)]
    return bool(ends) and not any(c in _CLAUSE_END for c in text[ends[-1]:h.start])


# 在市人民代表大会闭会期间: a congress naming a time, not an actor (rules/actors.yaml session_times)
_SESSION_AFTER = re.compile(alternation(_RULES["session_times"]))


# what a longer name may have before a stem's department (公安机关|交通管理部门): no level word, no 和/、
_NAME_PREFIX = re.compile(r"[^\W\d和及或与、]{2,}")


def _is_body(c: Concept) -> bool:
    """A government, department, legislature or named actor (not a category)."""
    return c.scheme == "act" or c.attrs.get("actorClass") in ("Department", "GovernmentBody", "Legislature")


def _is_named_body(h: Hit) -> bool:
    """国务院, 工业和信息化部: a named government body of the vocabulary."""
    return h.concept.scheme == "act" and h.concept.attrs.get("actorClass") in ("GovernmentBody", "Department")


def _prefixed(text: str, start: int, h: Hit, regions: list[Hit]) -> bool:
    """Is a level word or a place written right before the name?"""
    return any(r.end == h.start for r in regions) or _level_prefix_at(text, start, h.start) is not None


# --- units and places acting as governments ---------------------------------------------

_BARE_UNIT: dict[str, str] = _RULES["bare_units"]
_BARE_UNIT_RX = re.compile(alternation(_BARE_UNIT))
_SUBJECT_VERB = re.compile(alternation(_RULES["subject_verbs"]))
_UNIT_FOLLOW = re.compile(rf"(?:{alternation(_RULES['subject_verbs'] + _RULES['unit_subject_modals'])})")
_CLAUSE_OPENERS = frozenset("，；：。 \u3000（")
_PLACE_BEFORE = re.compile(rf"(?:{alternation(_RULES['place_actor_before'])})$")
_PLACE_AFTER = re.compile(alternation(_RULES["place_actor_after"]))
_PLACE_JOIN = re.compile(rf"(?:{alternation(_RULES['coordinators'])})")
# 各区、各部门应当…: a bare unit listed before another 各-subject of the clause (rules/actors.yaml)
_UNIT_LIST_FOLLOW = re.compile(rf"(?:{alternation(_RULES['bare_unit_list_joins'])})各[\u4e00-\u9fff（）]{{1,8}}?"
                               rf"(?:{_UNIT_FOLLOW.pattern})")


def _clause_start(text: str, start: int, a: int) -> bool:
    return a == start or text[a - 1] in _CLAUSE_OPENERS or _PLACE_BEFORE.search(text, max(start, a - 4), a) is not None


def acting_units(text: str, start: int, end: int, jurisdiction: str | None,
                 region_hits: Collection[Hit] = ()) -> list[Actor]:
    """Units and places acting as governments: 各区要…, 市州结合实际… (the governments of that level in
    the document's place) and 支持南京、苏州开展… (each place's government)."""
    out: list[Actor] = []
    if not region_hits and _BARE_UNIT_RX.search(text, start, end) is None:
        return out
    for m in _BARE_UNIT_RX.finditer(text, start, end):
        a, b = m.span()
        urged = _PLACE_BEFORE.search(text, max(start, a - 4), a) is not None
        if not _clause_start(text, start, a) or (_UNIT_FOLLOW.match(text, b) is None and not (
                urged and (text.startswith("、", b) or _PLACE_AFTER.match(text, b)))
                and _UNIT_LIST_FOLLOW.match(text, b) is None):
            continue                                          # 各区要…; 支持各区建设…; 鼓励地方、园区…打造
        level = _BARE_UNIT[m.group(0)]
        word = m.group(0)
        s0 = a + 1 if word.startswith("各") and len(word) > 2 else a           # 各县（市、区） → 县（市、区）
        if level == "all-levels":
            gov = _gov_from_role(vocabulary().concept("role", "all-levels-government"), jurisdiction, False)
        else:
            gov = _government(level, jurisdiction, word.removeprefix("各"))
        gov.start, gov.end, gov.text = s0, b, text[s0:b]
        out.append(gov)
    places = sorted((r for r in region_hits if r.concept.attrs.get("governmentLevel") in ("province", "city", "county")
                     and r.text not in _NOT_ACTOR_REGIONS), key=lambda r: r.start)
    i = 0
    while i < len(places):
        chain = [places[i]]
        while i + 1 < len(places) and _PLACE_JOIN.fullmatch(text, chain[-1].end, places[i + 1].start):
            i += 1
            chain.append(places[i])
        i += 1
        if _PLACE_BEFORE.search(text, max(start, chain[0].start - 4), chain[0].start) is None or \
                _PLACE_AFTER.match(text, chain[-1].end) is None:
            continue
        for r in chain:
            gov = _government(r.concept.attrs["governmentLevel"], r.concept.key)
            gov.start, gov.end, gov.text = r.start, r.end, r.text
            out.append(gov)
    return out


def resolve_actors(text: str, jurisdiction: str | None) -> list[Actor]:
    """Resolve the actors of a piece of text (convenience for tests and notebooks)."""
    out = actors_from_hits(text, 0, len(text), actor_hits(text, 0, len(text)), jurisdiction)
    for a in out:
        _strip_determiner(text, a)
    return out


def strip_determiners(text: str, actors: list[Actor]) -> None:
    """Drop the determiners of each actor's surface (各, 任何, 本级…; see rules/actors.yaml)."""
    for a in actors:
        _strip_determiner(text, a)
