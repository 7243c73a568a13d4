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
import re
from dataclasses import dataclass
from functools import lru_cache

from policykg.ontology import Concept, vocabulary

from policykg.extract.stages.matcher import Hit, matcher
from policykg.extract.document.metadata import find_region

__all__ = ["Actor", "resolve_actors", "actors_from_hits", "org_hits", "org_label"]

# level words that prefix a role or a department (longest first)
_LEVEL_PREFIX = re.compile(r"(县级以上地方|县级以上|设区的市级以上|设区的市级|设区的市|省级|市级|县级|省|市|县|区|乡镇|国家)$")
_LEVEL_OF_PREFIX = {
    "县级以上地方": "county-and-above", "县级以上": "county-and-above", "设区的市级以上": "city-and-above",
    "设区的市级": "city", "设区的市": "city", "省级": "province", "市级": "city", "县级": "county", "省": "province",
    "市": "city", "县": "county", "区": "county", "乡镇": "township", "国家": "national",
}
# government role for a level
_GOV_OF_LEVEL = {"province": "provincial-government", "city": "municipal-government", "county": "county-government",
                 "township": "township-government", "county-and-above": "county-and-above-government",
                 "city-and-above": "city-and-above-government"}
# between a government and a department that takes its scope: 及, 和, 、, (应当)会同, 确定的, 的
_CONNECTOR = re.compile(r"^(?:及其|及|和|与|以及|或者|或|、|(?:应当|可以)?会同|同|确定的|所属|的)$")
_COORD_LEVELS = re.compile(r"((?:(?:设区的市|省|市|县|县级)、)+)$")
_STEM_LIST = re.compile(r"(省|市|县|区)((?:[\u4e00-\u9fff]{2,8}、)+[\u4e00-\u9fff]{2,8})等部门")


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


def _slug_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


# --- governments and departments -------------------------------------------------------

def _government(level: str, region: str | None) -> Actor:
    """The government of ``level`` in ``region``.

    The government at the region's own level is one named body
    (``安徽省人民政府``); other levels are roles scoped by the region
    (``安徽省县级以上人民政府``); with no region, the bare role.
    """
    v = vocabulary()
    if region is not None and _region_level(region) == level and level != "national":
        r = _region(region)
        return Actor(0, 0, "", f"actor:{r.attrs.get('slug', r.key)}/government", f"{r.pref}人民政府",
                     "GovernmentBody", False, _GOV_OF_LEVEL[level], level, region)
    role = v.concept("role", _GOV_OF_LEVEL[level])
    if region is None:
        return Actor(0, 0, "", f"actor:role/{role.key}", role.pref, "GovernmentBody", True, role.key, level, None)
    r = _region(region)
    return Actor(0, 0, "", f"actor:{r.attrs.get('slug', r.key)}/{role.key}", f"{r.pref}{role.pref}",
                 "GovernmentBody", True, role.key, level, region)


def _gov_from_role(role: Concept, region: str | None, explicit_region: bool) -> Actor:
    level = role.attrs.get("governmentLevel")
    if level in _GOV_OF_LEVEL and _GOV_OF_LEVEL[level] == role.key:
        return _government(level, region)
    # roles without a single level (各级人民政府, 人民政府办公厅)
    if region is None:
        return Actor(0, 0, "", f"actor:role/{role.key}", role.pref, "GovernmentBody", True, role.key, level, None)
    r = _region(region)
    named = role.key == "government-office"       # the office of that region's government: one body
    return Actor(0, 0, "", f"actor:{r.attrs.get('slug', r.key)}/{role.key}", f"{r.pref}{role.pref}",
                 "GovernmentBody", not named, role.key, level, region)


def _department(dept: Concept, gov: Actor | None, region: str | None) -> Actor:
    """A department of ``gov``; without a government, of the region (``黑龙江省有关部门``)."""
    cls = dept.attrs.get("actorClass", "Department")
    if gov is None:
        if region is None:
            return Actor(0, 0, "", f"actor:role/{dept.key}", dept.pref, cls, True, dept.key, None, None)
        r = _region(region)
        return Actor(0, 0, "", f"actor:{r.attrs.get('slug', r.key)}/{dept.key}", f"{r.pref}{dept.pref}", cls, True,
                     dept.key, None, region)
    if gov.level == "national" and not gov.id:
        named = _national_by_role(dept.key)
        if named is not None:
            return _named(named)
        return Actor(0, 0, "", f"actor:china/{dept.key}", f"国家{dept.pref}", cls, True, dept.key, "national", "china")
    generic = gov.generic or dept.key == "other-departments"
    return Actor(0, 0, "", f"{gov.id}/{dept.key}", f"{gov.label}{dept.pref}", cls, generic, dept.key, gov.level,
                 gov.jurisdiction, gov.id, parent_actor=gov)


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


def _legislature(role: Concept, region: str | None, explicit: bool) -> Actor:
    if region is None:
        return Actor(0, 0, "", f"actor:role/{role.key}", role.pref, "Legislature", True, role.key, None, None)
    r = _region(region)
    return Actor(0, 0, "", f"actor:{r.attrs.get('slug', r.key)}/{role.key}", f"{r.pref}{role.pref}", "Legislature",
                 False, role.key, r.attrs.get("governmentLevel"), region)


def _is_gov_role(c: Concept) -> bool:
    return c.scheme == "role" and c.attrs.get("actorClass") == "GovernmentBody"


def _is_dept_role(c: Concept) -> bool:
    return c.scheme == "role" and c.attrs.get("actorClass") == "Department"


# --- named organisations found by pattern -----------------------------------------------

_ORG_SUFFIX = ("股份有限公司|有限责任公司|有限公司|集团公司|集团|公司|实验室|研究院|研究所|研究中心|科学中心|计算中心|创新中心"
               "|交易所|交易中心|行业协会|协会|商会|大学|学院|银行")
_ORG = re.compile(rf"([\u4e00-\u9fffA-Za-z0-9（）]{{2,24}}?(?:{_ORG_SUFFIX}))")
_ORG_TAIL = re.compile(rf"(?:{_ORG_SUFFIX})|等\s*\d+\s*余?\s*家")
_LEFT_STRIP = re.compile(
    r"^(?:全力支持|大力支持|支持|鼓励|推动|依托|发挥|建设|打造|引进|培育|组建|成立|设立|联合|通过|由|与|和|及|以|在|对|向|同|将|"
    r"为|是|的|等|本地企业|本地|企业|国家地方共建|共建|率先|积极|加快|指导|会同|牵头|连通了|连通|集聚了|集聚|汇聚|包括|如|例如)+")
# verbs and prepositions that cannot be inside an organisation's name: the name starts after them
_BOUNDARY = re.compile(r"(?:依托|支持|鼓励|推动|建设|打造|引进|培育|组建|成立|设立|联合|通过|连通|集聚|汇聚|包括|例如|发挥|"
                       r"等方向|等领域|方面|聚焦|围绕|面向|同时|以及|并|和|与|及|、)")
_GENERIC_ORG_HEAD = re.compile(r"^(?:国家|全国|省|市|县|区|重点|省级|国家级|市级|新型|相关|各类|有关|其他|本|该|各|一批|首批|"
                               r"数据要素应用场景|数字化转型促进|第三方|专业|高水平|科技|企业|[一二三四五六七八九十]+个|\d+个)")
_LIST_BEFORE_COUNT = re.compile(r"((?:[\u4e00-\u9fffA-Za-z0-9]{2,10}、)+[\u4e00-\u9fffA-Za-z0-9]{2,10})等\s*\d+\s*余?\s*家")


def org_hits(text: str, start: int, end: int, taken: list[tuple[int, int]],
             terms: list[tuple[int, int]] = ()) -> list[tuple[int, int, str]]:
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
        return not any(a < tb and ta < b for ta, tb in taken) and not any(ta <= a and b <= tb for ta, tb in terms)

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
            if raw.startswith(full) and full[-1] in "省市区县" and len(raw) - len(full) >= 4:
                raw, a = raw[len(full):], a + len(full)
        if len(raw) < 4 or _GENERIC_ORG_HEAD.match(raw) or raw.startswith(("（", "(")):
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


def org_label(name: str) -> str:
    """``长飞光纤公司`` → ``长飞光纤``: a bare 公司 is not part of the name."""
    if name.endswith("公司") and not name.endswith(("有限公司", "集团公司")) and len(name) > 4:
        return name[:-2]
    return name


# --- phrases ---------------------------------------------------------------------------

def actors_from_hits(text: str, start: int, end: int, hits: list[Hit], jurisdiction: str | None,
                     blocked: list[tuple[int, int]] = ()) -> list[Actor]:
    """Resolve the actor and region hits of ``text[start:end]`` into actors (sorted by position)."""
    actor_hits = [h for h in hits if h.kind == "actor" and not _inside(h, blocked)]
    region_hits = [h for h in hits if h.kind == "region"]
    out: list[Actor] = []
    prev_end = -1
    prev_govs: list[Actor] = []      # governments the previous phrase named (for its departments)
    prev_parents: list = []          # parents a coordinated department would inherit
    prev_was_gov = False
    for h in actor_hits:
        c = h.concept
        a0 = h.start
        # a region written in front of the role: 安徽省人民政府, 上海市经信委, 广东省政府
        region, explicit = jurisdiction, False
        reg = next((r for r in region_hits if h.start - 1 <= r.end <= h.start and r.start < h.start), None)
        if reg is not None and reg.text not in ("全国", "我国", "中国") and c.scheme != "act":
            region, explicit, a0 = reg.concept.key, True, reg.start
        prefix = None
        if not explicit:
            prefix = _LEVEL_PREFIX.search(text, max(start, a0 - 8), a0)
            if prefix is not None and prefix.end() != a0:
                prefix = None
        connector = text[prev_end:h.start] if prev_end >= 0 else None
        coordinated = connector is not None and _CONNECTOR.match(connector) is not None
        govs: list[Actor] = []
        parents: list = []
        if c.scheme == "act":
            made = [_named(c)]
            if made[0].cls == "GovernmentBody":
                govs = made
        elif _is_gov_role(c):
            made = [_gov_from_role(c, region, explicit)]
            coord = _COORD_LEVELS.search(text, max(start, h.start - 12), h.start)
            if coord is not None and coord.end() == h.start:       # 省、设区的市级人民政府
                extra = [_government(_LEVEL_OF_PREFIX.get(w, "city"), region)
                         for w in coord.group(1).split("、") if w]
                made = extra + made
                a0 = coord.start()
            govs = made
        elif c.attrs.get("actorClass") == "Legislature":
            made = [_legislature(c, region, explicit)]
        elif _is_dept_role(c):
            if prev_was_gov and connector == "":                     # 省人民政府发展改革部门
                parents = list(prev_govs)
                for g in parents:
                    if g in out:
                        out.remove(g)
                a0 = min(g.start for g in parents)
            elif explicit:                                           # 上海市经信委
                parents = [_government(_region_level(region) or "province", region)]
            elif prefix is not None:                                 # 县级以上网信部门, 国家数据主管部门
                lvl = _LEVEL_OF_PREFIX[prefix.group(1)]
                parents = [_government(lvl, region) if lvl != "national" else
                           Actor(0, 0, "", "", "国家", "GovernmentBody", False, None, "national", "china")]
                a0 = prefix.start()
            elif coordinated and prev_parents:                       # 县级以上人民政府及有关部门
                parents = list(prev_parents)
            else:
                parents = [None]
            made = [_department(c, p, region) for p in parents]
        else:
            made = [_category(c)]
        for m in made:
            m.start, m.end, m.text = a0, h.end, text[a0:h.end]
            out.append(m)
        prev_end = h.end
        prev_was_gov = bool(govs)
        prev_govs = govs
        if govs:
            prev_parents = govs
        elif parents and parents != [None]:
            prev_parents = parents
        elif not coordinated:
            prev_parents = []
    # 市发展改革、商务等部门: departments named by their stems
    for m in _STEM_LIST.finditer(text, start, end):
        gov = _government(_LEVEL_OF_PREFIX[m.group(1)], jurisdiction)
        for stem in m.group(2).split("、"):
            dept = _dept_by_stem(stem)
            if dept is not None:
                a = _department(dept, gov, jurisdiction)
                a.start, a.end, a.text = m.start(), m.end(), m.group(0)
                out.append(a)
    out.sort(key=lambda a: (a.start, a.end))
    return out


@lru_cache(maxsize=1)
def _stem_department_rx() -> re.Pattern:
    stems = sorted({st for c in vocabulary().scheme("role") for st in c.attrs.get("stem", [])}, key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(map(re.escape, stems))})(?:工作)?(?:行政)?(?:主管|管理)?部门")


def department_hits(text: str, start: int, end: int) -> list[Hit]:
    """Departments written as ``<stem>工作主管部门`` (大数据工作主管部门, 发展改革行政主管部门)
    that the vocabulary's labels do not list; the stems are the ontology's ``pkg:stem``."""
    out = []
    for m in _stem_department_rx().finditer(text, start, end):
        word = m.group(0)
        stem = next((st for st in sorted({st for c in vocabulary().scheme("role") for st in c.attrs.get("stem", [])},
                                         key=len, reverse=True) if word.startswith(st)), None)
        dept = _dept_by_stem(stem) if stem else None
        if dept is not None:
            out.append(Hit(m.start(), m.end(), word, "actor", (dept,)))
    return out


@lru_cache(maxsize=None)
def _dept_by_stem(stem: str) -> Concept | None:
    for c in vocabulary().scheme("role"):
        if stem in c.attrs.get("stem", []):
            return c
    return None


def _inside(h: Hit, spans) -> bool:
    return any(a <= h.start and h.end <= b for a, b in spans)


def resolve_actors(text: str, jurisdiction: str | None) -> list[Actor]:
    """Resolve the actors of a piece of text (convenience for tests and notebooks)."""
    hits = matcher().find(text, kinds=("actor", "region"))
    return actors_from_hits(text, 0, len(text), hits, jurisdiction)
