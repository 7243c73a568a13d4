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

import re
from dataclasses import dataclass, field
from functools import lru_cache

from policykg.extract.document.metadata import find_region
from policykg.extract.stages.matcher import Hit, matcher
from policykg.ontology import Concept, vocabulary
from policykg.ontology.rules import alternation, rules

__all__ = ["Actor", "resolve_actors", "actors_from_hits", "org_hits", "org_label"]

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
_COORD_LEVELS = re.compile(rf"((?:(?:{alternation(_RULES['coordinated_levels'])})、)+)$")
_STEM_LIST = re.compile(rf"({alternation(UNIT_WORDS)})((?:[\u4e00-\u9fff]{{2,8}}、)+[\u4e00-\u9fff]{{2,8}})等部门")
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

#: organisation suffix → actor class (rules/actors.yaml)
ORG_SUFFIXES: dict[str, str] = _RULES["organisation_suffixes"]
_ORG_SUFFIX = alternation(ORG_SUFFIXES)
_ORG = re.compile(rf"([\u4e00-\u9fffA-Za-z0-9（）]{{2,24}}?(?:{_ORG_SUFFIX}))")
_ORG_TAIL = re.compile(rf"(?:{_ORG_SUFFIX})|等\s*\d+\s*余?\s*家")
_LEFT_STRIP = re.compile(rf"^(?:{alternation(_RULES['name_leading_words'])})+")
# verbs and prepositions that cannot be inside an organisation's name: the name starts after them
_BOUNDARY = re.compile(rf"(?:{alternation(_RULES['name_boundaries'])})")
_GENERIC_ORG_HEAD = re.compile(rf"^(?:{alternation(_RULES['generic_name_heads'])}|[一二三四五六七八九十]+个|\d+个)")
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
            if raw.startswith(full) and full[-1] in UNIT_WORDS and len(raw) - len(full) >= 4:
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
    region_hits = [h for h in hits if h.kind == "region"]
    out: list[Actor] = []
    prev = _Previous()
    for h in hits:
        if h.kind == "actor" and not _inside(h, blocked):
            _resolve_hit(text, start, h, region_hits, jurisdiction, prev, out)
    out += _stem_list_departments(text, start, end, jurisdiction)
    out.sort(key=lambda a: (a.start, a.end))
    return out


@dataclass(slots=True)
class _Previous:
    """What the previous actor phrase leaves to the next one."""

    end: int = -1
    govs: list[Actor] = field(default_factory=list)   # governments it named (for its departments)
    parents: list = field(default_factory=list)       # parents a coordinated department would inherit
    was_gov: bool = False

    def advance(self, end: int, govs: list[Actor], parents: list, coordinated: bool) -> None:
        self.end = end
        self.was_gov = bool(govs)
        self.govs = govs
        if govs:
            self.parents = govs
        elif parents and parents != [None]:
            self.parents = parents
        elif not coordinated:
            self.parents = []


def _resolve_hit(text: str, start: int, h: Hit, region_hits: list[Hit], jurisdiction: str | None,
                 prev: _Previous, out: list[Actor]) -> None:
    """Append the actor(s) one hit names to ``out``."""
    c = h.concept
    region, explicit, a0 = _written_region(h, region_hits, jurisdiction)
    connector = text[prev.end:h.start] if prev.end >= 0 else None
    coordinated = connector is not None and _CONNECTOR.match(connector) is not None
    govs: list[Actor] = []
    parents: list = []
    if c.scheme == "act":
        made = [_named(c)]
        if made[0].cls == "GovernmentBody":
            govs = made
    elif _is_gov_role(c):
        made, a0 = _governments(text, start, h, region, explicit, a0)
        govs = made
    elif c.attrs.get("actorClass") == "Legislature":
        made = [_legislature(c, region, explicit)]
    elif _is_dept_role(c):
        parents, a0 = _department_parents(text, start, region, explicit, a0, connector == "" and prev.was_gov,
                                          coordinated, prev, out)
        made = [_department(c, p, region) for p in parents]
    else:
        made = [_category(c)]
    for m in made:
        m.start, m.end, m.text = a0, h.end, text[a0:h.end]
        out.append(m)
    prev.advance(h.end, govs, parents, coordinated)


def _written_region(h: Hit, region_hits: list[Hit], jurisdiction: str | None) -> tuple[str | None, bool, int]:
    """A region written in front of the role (安徽省人民政府, 上海市经信委, 广东省政府):
    (region, whether written, start of the phrase)."""
    reg = next((r for r in region_hits if h.start - 1 <= r.end <= h.start and r.start < h.start), None)
    if reg is not None and reg.text not in _NOT_ACTOR_REGIONS and h.concept.scheme != "act":
        return reg.concept.key, True, reg.start
    return jurisdiction, False, h.start


def _governments(text: str, start: int, h: Hit, region: str | None, explicit: bool,
                 a0: int) -> tuple[list[Actor], int]:
    """The government a role names, with the levels listed before it (省、设区的市级人民政府)."""
    made = [_gov_from_role(h.concept, region, explicit)]
    coord = _COORD_LEVELS.search(text, max(start, h.start - 12), h.start)
    if coord is not None and coord.end() == h.start:
        extra = [_government(_LEVEL_OF_PREFIX.get(w, "city"), region) for w in coord.group(1).split("、") if w]
        return extra + made, coord.start()
    return made, a0


def _department_parents(text: str, start: int, region: str | None, explicit: bool, a0: int, after_gov: bool,
                        coordinated: bool, prev: _Previous, out: list[Actor]) -> tuple[list, int]:
    """The governments a department belongs to (``[None]``: none named), and where its phrase starts."""
    if after_gov:                                            # 省人民政府发展改革部门
        parents = list(prev.govs)
        for g in parents:
            if g in out:
                out.remove(g)
        return parents, min(g.start for g in parents)
    if explicit:                                             # 上海市经信委
        return [_government(_region_level(region) or "province", region)], a0
    prefix = _LEVEL_PREFIX.search(text, max(start, a0 - 8), a0)
    if prefix is not None and prefix.end() == a0:            # 县级以上网信部门, 国家数据主管部门
        lvl = _LEVEL_OF_PREFIX[prefix.group(1)]
        parent = _government(lvl, region) if lvl != "national" else \
            Actor(0, 0, "", "", "国家", "GovernmentBody", False, None, "national", "china")
        return [parent], prefix.start()
    if coordinated and prev.parents:                         # 县级以上人民政府及有关部门
        return list(prev.parents), a0
    return [None], a0


def _stem_list_departments(text: str, start: int, end: int, jurisdiction: str | None) -> list[Actor]:
    """市发展改革、商务等部门: departments named by their stems."""
    out = []
    for m in _STEM_LIST.finditer(text, start, end):
        gov = _government(_LEVEL_OF_PREFIX[m.group(1)], jurisdiction)
        for stem in m.group(2).split("、"):
            dept = _dept_by_stem(stem)
            if dept is not None:
                a = _department(dept, gov, jurisdiction)
                a.start, a.end, a.text = m.start(), m.end(), m.group(0)
                out.append(a)
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
