"""Mentions in one sentence: vocabulary hits plus named organisations, filtered and resolved.

Rules (see tests/gold/GUIDE.md):

- nothing inside a cited title 《…》 is a mention (the title is a citation);
- a domain or region named inside an actor's name is not a mention
  (``数字经济主管部门``, ``合肥综合性国家科学中心``); an actor category inside a
  longer instrument or domain term is not one either (``企业研发投入奖补``);
- ``全国``/``我国`` are deictic, not region mentions; ``中国`` inside a name
  (``中国式现代化``, ``中国国际…博览会``) neither;
- ``法律、法规`` cited as the legal basis of an action (``根据有关法律、行政法规``)
  are not instruments.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter

from policykg.extract.document.model import Document
from policykg.extract.records import ActorRecord, ActorRef, DomainRecord, InstrumentRecord, RegionRecord
from policykg.extract.stage import stage
from policykg.extract.stages.actors import (
    ORG_SUFFIXES,
    UNIT_WORDS,
    Actor,
    acting_units,
    actor_hits,
    actors_from_hits,
    is_own_level,
    org_hits,
    org_label,
    own_government,
    strip_determiners,
)
from policykg.extract.stages.instruments import names_carrier, refine
from policykg.extract.stages.matcher import Hit, matcher
from policykg.ontology import vocabulary
from policykg.ontology.rules import alternation, rules

__all__ = ["SentenceMentions", "find_mentions", "book_titles", "quote_spans", "alias_definitions"]

_BOOK = re.compile(r"《([^《》]{2,120})》")
_PLACES = rules("actors")["deictic"]
_WORDS = rules("mentions")
_DEICTIC = frozenset(_PLACES["not_region_mentions"])
_OWN_REGION = re.compile(rf"(?:{alternation(_PLACES['own_region_determiners'])})({alternation(UNIT_WORDS)})(?![级委政])")
_CHINA_IN_NAME = re.compile(rf"中国(?={alternation(_PLACES['china_in_name_followers'])})")
# 企业数据, 个人数据, 企业和个人数据 name data, not actors; 企业家 are people
_NOT_ACTOR_AFTER = re.compile(r"(?:(?:和|与|、)(?:个人|企业))?数据|家(?!庭)")
_BASIS = re.compile(rf"(?:{alternation(_WORDS['legal_basis_verbs'])})[^，；。]{{0,12}}$")
_ACTOR_RULES = rules("actors")
# 本市建立…制度: 本市 as the subject of a clause (a clause starts at the sentence or after ，；：)
_SUBJECT_VERB = re.compile(rf"(?:{alternation(_ACTOR_RULES['subject_verbs'])})")
_CLAUSE_START = frozenset("，；：。 \u3000")
# …（以下简称试点部门）: an alias; several may be listed with 、
_ALIAS = re.compile(rf"（(?:{alternation(_ACTOR_RULES['alias_markers'])})[“\"]?([^）”\"《》]{{2,24}}?)[”\"]?）")
_ALIAS_HEAD: dict[str, str] = _ACTOR_RULES["alias_role_heads"]
_ALIAS_HEAD_RX = re.compile(rf"(?:{alternation(_ALIAS_HEAD)})$")
_COUNT_BEFORE = re.compile(r"等?[0-9一二三四五六七八九十]+[个家类项所]?[\u4e00-\u9fff]{0,6}$")


@dataclass(slots=True)
class SentenceMentions:
    start: int
    end: int
    actors: list[Actor] = field(default_factory=list)
    instruments: list[Hit] = field(default_factory=list)
    domains: list[Hit] = field(default_factory=list)
    regions: list[Hit] = field(default_factory=list)
    titles: list[tuple[int, int, str]] = field(default_factory=list)   # 《》 spans (start, end, title)


def book_titles(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    if text.find("《", start, end) < 0:
        return []
    return [(m.start(), m.end(), m.group(1)) for m in _BOOK.finditer(text, start, end)]


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans inside “…” (outermost)."""
    if text.find("“", start, end) < 0:
        return []
    spans: list[tuple[int, int]] = []
    depth, s = 0, start                        # s: where the outermost “ opened (set before it is read)
    for i in range(start, end):
        ch = text[i]
        if ch == "“":
            if depth == 0:
                s = i
            depth += 1
        elif ch == "”" and depth:
            depth -= 1
            if depth == 0:
                spans.append((s, i + 1))
    return spans


# 统筹规划, 规划部署, 规划布局: 规划 as a verb; 示范作用, 示范性: 示范 as a quality
_VERB_BEFORE = re.compile(rf"(?:{alternation(_WORDS['planning_verb_before'])})$")
_VERB_AFTER = re.compile(rf"^(?:{alternation(_WORDS['planning_verb_after'])})")
_QUALITY_AFTER = re.compile(rf"^(?:{alternation(_WORDS['demonstration_quality_after'])})")
_QUALITY_WORDS = frozenset(_WORDS["demonstration_quality_words"])
_LAW_MAKING = re.compile(rf"(?:{alternation(_WORDS['law_making_verbs'])})[^，；。]{{0,14}}$")
_BARE_LAW = frozenset(_WORDS["bare_law_words"])
_SELF = re.compile(r"本$")
_CONTEXTUAL = frozenset(_WORDS["contextual_domains"])
_CATEGORY_CLASSES = frozenset(_WORDS["carrier_owner_classes"])
_SHORTEST_TAILS = tuple(sorted(_WORDS["shortest_field_tails"], key=len, reverse=True))
_LIST_HEADS = tuple(_WORDS["owner_list_heads"])


def _is_instrument_use(text: str, start: int, h: Hit) -> bool:
    """Is this vocabulary hit a policy instrument here, or the same word in another use?"""
    before = text[max(start, h.start - 16):h.start]
    after = text[h.end:h.end + 4]
    if _SELF.search(before):                                   # 制定本行动计划: the document itself
        return False
    key = h.concept.key
    if key == "plan" and h.text == "规划" and (_VERB_BEFORE.search(before) or _VERB_AFTER.match(after)):
        return False
    if key == "demonstration" and h.text in _QUALITY_WORDS and _QUALITY_AFTER.match(after):
        return False
    if key == "legislation" and h.text in _BARE_LAW:
        # a bare 法规 is a tool only where laws are being made (制定完善相关地方性法规), not where
        # an action rests on them (根据有关法律、行政法规) or in 依法规范
        return bool(_LAW_MAKING.search(before)) and not _BASIS.search(before) and not before.endswith("依")
    return True


# 数字政府|建设领导小组, 公共数据|资源授权[运营]协调工作组: a body found by its tail only; the words run
# into its name on the left are the name's, no mention (rules/mentions.yaml body_name_suffixes)
_BODY_SUFFIXES = tuple(_WORDS["body_name_suffixes"])
_BODY_LEVELS = tuple(_WORDS["body_name_levels"])
_NAME_BREAKS = frozenset(rules("instruments")["break_chars"]) | frozenset("，。；：、（）《》“”,;:() ")
_BODY_GAP = int(_WORDS["body_name_gap"])


def _outside_body_names(text: str, actors: list[Actor], inst: list[Hit], dom: list[Hit]) -> tuple[list[Hit], list[Hit]]:
    """The instrument and domain hits that are not the left part of a body's name the actor stage found
    by its tail only (a tail that does not start with a level: 建设领导小组, 运营协调工作组)."""
    dropped: set[int] = set()
    hits = sorted(inst + dom, key=lambda h: h.start, reverse=True)
    for a in actors:
        if not a.text.endswith(_BODY_SUFFIXES) or a.text.startswith(_BODY_LEVELS):
            continue
        left = a.start
        for h in hits:
            gap = text[h.end:left]
            if h.start < left <= h.end + _BODY_GAP and h.end <= a.end and not any(c in _NAME_BREAKS for c in gap):
                dropped.add(id(h))
                left = h.start
    if not dropped:
        return inst, dom
    return [h for h in inst if id(h) not in dropped], [h for h in dom if id(h) not in dropped]


def _inside(a: int, b: int, spans) -> bool:
    return any(s <= a and b <= e for s, e, *_ in spans)


def _strictly_inside(h: Hit, others: list[Hit]) -> bool:
    return any(o.start <= h.start and h.end <= o.end and (o.end - o.start) > (h.end - h.start) for o in others)


def _by_kind(hits: list[Hit]) -> tuple[list[Hit], list[Hit], list[Hit]]:
    """The instrument, domain, and actor-or-region hits, each in text order (one pass)."""
    inst: list[Hit] = []
    dom: list[Hit] = []
    places: list[Hit] = []
    for h in hits:
        kind = h.kind
        if kind == "instrument":
            inst.append(h)
        elif kind == "domain":
            dom.append(h)
        elif kind == "actor" or kind == "region":
            places.append(h)
    return inst, dom, places


def find_mentions(text: str, start: int, end: int, jurisdiction: str | None,
                  aliases: dict[str, Actor] | None = None) -> SentenceMentions:
    """All mentions in ``text[start:end]`` (a sentence of a document's normalized text); ``aliases``
    are the actor aliases the document has set up so far (:func:`alias_definitions`)."""
    out = SentenceMentions(start, end)
    out.titles = book_titles(text, start, end)
    hits = matcher().find(text, start, end)
    if out.titles:
        hits = [h for h in hits if not _inside(h.start, h.end, out.titles)]
    inst, dom, places = _by_kind(hits)
    terms_hits = inst + dom
    terms = [(h.start, h.end) for h in terms_hits]
    inst_spans = terms[:len(inst)]
    # the vocabulary's actors, department names made by pattern, generic roles in context
    hits = actor_hits(text, start, end, places, terms, inst_spans)
    if out.titles:
        hits = [h for h in hits if not _inside(h.start, h.end, out.titles)]
    orgs = org_hits(text, start, end, [(h.start, h.end) for h in hits if h.kind == "actor"] +
                    [(s, e) for s, e, _ in out.titles], terms)
    starts = {h.start for h in hits if h.kind == "actor"}        # 人民政府|数据主管部门: a department, no data owner
    actor_hits_ = [h for h in hits if h.kind == "actor" and not _strictly_inside(h, terms_hits)
                   and not (h.concept.scheme == "role" and h.end not in starts and _NOT_ACTOR_AFTER.match(text, h.end))]
    # a sub-institute found by pattern right after its parent: 中国科学院|工业人工智能研究院
    merged = []
    for a, b, name in orgs:
        parent = next((h for h in actor_hits_ if h.end == a and h.concept.scheme == "act"), None)
        if parent is not None:
            actor_hits_.remove(parent)
            a, name = parent.start, text[parent.start:b]
        merged.append((a, b, name))
    orgs = merged
    actor_hits_ = [h for h in actor_hits_ if not any(a < h.start and h.end == b for a, b, _ in orgs)]   # …产业|协会
    region_hits = [h for h in hits if h.kind == "region"]
    actors = actors_from_hits(text, start, end, actor_hits_ + region_hits, jurisdiction)
    for a, b, name in orgs:
        label = org_label(name)
        aid = "actor:org/" + hashlib.sha1(label.encode("utf-8")).hexdigest()[:10]
        actors.append(Actor(a, b, name, aid, label, _org_class(name), False))
    strip_determiners(text, actors)
    if aliases:
        actors = _with_aliases(text, start, end, actors, aliases, out.titles)
    own_matches = list(_OWN_REGION.finditer(text, start, end)) if jurisdiction is not None else []
    own_subjects = _own_region_subjects(text, start, own_matches, jurisdiction) \
        if own_matches and jurisdiction is not None else []
    actors += own_subjects
    spans = [(x.start, x.end) for x in actors]
    actors += [u for u in acting_units(text, start, end, jurisdiction, region_hits)
               if not any(a < u.end and u.start < b for a, b in spans)]
    actors.sort(key=_BY_SPAN)
    carriers = {h.start for h in inst if names_carrier(h)}
    # 企业|综合服务平台, 排污企业|名单: a category written into a carrier's or a list's name is no actor
    actors = [a for a in actors if not (a.generic and a.level is None and a.cls in _CATEGORY_CLASSES
                                        and (a.end in carriers or text.startswith(_LIST_HEADS, a.end)))]
    out.actors = actors
    actor_spans = [(x.start, x.end) for x in actors]
    # a field inside an actor's name, or running into it (网络|数据处理者), is no domain
    out.domains = [h for h in dom if not any(a < h.end and h.start < b for a, b in actor_spans)]
    out.domains = [_shortest(h) for h in out.domains]
    if any(h.text in _CONTEXTUAL for h in out.domains) and all(h.text in _CONTEXTUAL for h in out.domains):
        out.domains = []                     # 优化营商环境: no digital field named beside it
    out.instruments = [h for h in inst if not _inside(h.start, h.end, actor_spans) and _is_instrument_use(text, start, h)]
    out.instruments, out.domains = refine(text, start, end, out.instruments, out.domains,
                                          actor_spans + [(s, e) for s, e, _ in out.titles])
    if any(a.text.endswith(_BODY_SUFFIXES) for a in actors):
        out.instruments, out.domains = _outside_body_names(text, actors, out.instruments, out.domains)
    out.regions = []
    if own_matches and jurisdiction is not None:        # 本省, 全省: the document's own region
        own = vocabulary().concept("reg", jurisdiction)
        for mm in own_matches:
            if is_own_level(UNIT_WORDS[mm.group(1)], jurisdiction) and \
                    not any(a.start == mm.start() and a.end == mm.end() for a in own_subjects):
                out.regions.append(Hit(mm.start(), mm.end(), mm.group(0), "region", (own,)))
    for h in region_hits:
        if h.text in _DEICTIC or _inside(h.start, h.end, actor_spans) or _inside(h.start, h.end, inst_spans):
            continue
        if h.text == "中国" and (_CHINA_IN_NAME.match(text, h.start) or text[max(0, h.start - 2):h.start] == "数字"):
            continue                         # 中国式现代化, 数字中国: not the place
        out.regions.append(h)
    return out


@lru_cache(maxsize=1)
def _field_labels() -> frozenset[str]:
    return frozenset(vocabulary().lexicon(("dom",)))


def _shortest(h: Hit) -> Hit:
    """算力|基础设施 → 算力 (ANNOTATION.md: the shortest surface naming the field), the concept kept."""
    tail = next((t for t in _SHORTEST_TAILS if h.text.endswith(t) and h.text[:-len(t)] in _field_labels()), None)
    return h if tail is None else Hit(h.start, h.end - len(tail), h.text[:-len(tail)], h.kind, h.concepts)


def _own_region_subjects(text: str, start: int, matches: list[re.Match], jurisdiction: str) -> list[Actor]:
    """本市建立…制度, 本省实行…: the document's own region (``matches`` of ``_OWN_REGION`` in the
    sentence) as the subject of a clause is its government.  As a modifier (本市企业, 全省数字经济)
    it is not an actor."""
    gov = own_government(jurisdiction)
    if gov is None:
        return []
    out = []
    for mm in matches:
        a = mm.start()
        if not is_own_level(UNIT_WORDS[mm.group(1)], jurisdiction):
            continue
        if a > start and text[a - 1] not in _CLAUSE_START:
            continue
        if _SUBJECT_VERB.match(text, mm.end()) is None:
            continue
        out.append(Actor(a, mm.end(), mm.group(0), gov.id, gov.label, gov.cls, gov.generic, gov.role, gov.level,
                         gov.jurisdiction))
    return out


def _alias_actor(alias: str, target: Actor | None) -> Actor:
    if target is not None:
        return Actor(0, 0, alias, target.id, target.label, target.cls, target.generic, target.role, target.level,
                     target.jurisdiction, target.parent, target.concept, target.parent_actor)
    head = _ALIAS_HEAD_RX.search(alias)
    cls = _ALIAS_HEAD[head.group(0)] if head else "Enterprise"
    aid = "actor:alias/" + hashlib.sha1(alias.encode("utf-8")).hexdigest()[:10]
    return Actor(0, 0, alias, aid, alias, cls, True)


def alias_definitions(text: str, start: int, end: int, actors: list[Actor]) -> dict[str, Actor]:
    """Actor aliases a sentence sets up: 国家金融监督管理总局（以下简称金融监管总局） → the actor before
    the parenthesis; …等10个部门（以下简称试点部门） → a category named by the alias.  An alias that
    names neither (一个文件、一个系统) is none."""
    out: dict[str, Actor] = {}
    if text.find("简称", start, end) < 0 and text.find("统称", start, end) < 0:
        return out
    for m in _ALIAS.finditer(text, start, end):
        before = next((a for a in actors if a.end == m.start()), None)
        if before is not None and _COLLECTIVE.match(text, m.start() + 1) and _has_conjunct(text, start, before, actors):
            before = None                                     # A和B（以下统称C）: C names both, not B
        for alias in m.group(1).split("、"):
            if len(alias) < 2:
                continue
            if before is not None and not _COUNT_BEFORE.search(text, max(start, m.start() - 12), m.start()):
                out[alias] = _alias_actor(alias, before)
            elif _ALIAS_HEAD_RX.search(alias) and not vocabulary().lookup(alias, "actor"):
                out[alias] = _alias_actor(alias, None)        # …组织（以下统称政府部门）: the role it already is
    return out


# （以下统称…）: one name for the several actors before it (rules/actors.yaml alias_collective_markers)
_COLLECTIVE = re.compile(alternation(_ACTOR_RULES["alias_collective_markers"]))
_CONJUNCTION = re.compile(alternation(_ACTOR_RULES["coordinators"]))


def _has_conjunct(text: str, start: int, before: Actor, actors: list[Actor]) -> bool:
    """Is another actor coordinated with ``before`` earlier in its clause (市邮政管理部门和…派出机构)?"""
    clause = max(text.rfind(c, start, before.start) for c in "，；：。")
    return any(clause < a.start and a.end < before.start and _CONJUNCTION.search(text, a.end, before.start)
               for a in actors)


@lru_cache(maxsize=64)
def _alias_rx(names: tuple[str, ...]) -> re.Pattern:
    return re.compile(alternation(names))


def _with_aliases(text: str, start: int, end: int, actors: list[Actor], aliases: dict[str, Actor],
                  titles) -> list[Actor]:
    """The aliases written in the sentence, each the actor it stands for; an alias wins over an
    actor found inside it (试点企业 over 企业)."""
    rx = _alias_rx(tuple(aliases))
    found = []
    for m in rx.finditer(text, start, end):
        a, b = m.span()
        if _inside(a, b, titles) or any(x.start <= a and b <= x.end and x.end - x.start > b - a for x in actors):
            continue
        t = aliases[m.group(0)]
        found.append(Actor(a, b, m.group(0), t.id, t.label, t.cls, t.generic, t.role, t.level, t.jurisdiction,
                           t.parent, t.concept, t.parent_actor))
    if not found:
        return actors
    kept = [x for x in actors if not any(f.start <= x.start and x.end <= f.end for f in found)]
    return kept + found


_ORG_SUFFIXES_LONGEST_FIRST = sorted(ORG_SUFFIXES, key=len, reverse=True)
_BY_SPAN = attrgetter("start", "end")


def _org_class(name: str) -> str:
    """The actor class of a named organisation, by its longest suffix (rules/actors.yaml)."""
    for suffix in _ORG_SUFFIXES_LONGEST_FIRST:
        if name.endswith(suffix):
            return ORG_SUFFIXES[suffix]
    return "Enterprise"


# --- the stage ------------------------------------------------------------------------

def _parent_ref(a: Actor) -> ActorRef | None:
    """``actor_ref(a).parent_actor``, without building the actor's own reference."""
    p = a.parent_actor
    return None if p is None else ActorRef(a.parent or p.id, p.label, p.cls, p.generic, p.role, p.level,
                                           p.jurisdiction)



@stage("mentions", requires=("sentences",), assigns=("mentions", "actors", "instruments", "domains", "regions"),
       order=10)
def mentions(doc: Document) -> Document:
    """Mentions of every sentence (layer ``mentions``, one :class:`SentenceMentions` per sentence)
    and their records (layers ``actors``, ``instruments``, ``domains``, ``regions``)."""
    v = vocabulary()
    found = []
    aliases: dict[str, Actor] = {}
    for s in doc.sentences:
        m = find_mentions(doc.text, s.start, s.end, doc.meta.jurisdiction, aliases)
        new = alias_definitions(doc.text, s.start, s.end, m.actors)
        if new:
            aliases.update(new)
            m = find_mentions(doc.text, s.start, s.end, doc.meta.jurisdiction, aliases)
        found.append(m)
    actors, instruments, domains, regions = [], [], [], []
    did = doc.id
    for s, m in zip(doc.sentences, found, strict=True):
        prov, sid, stext = s.provision, s.id, s.text          # every record of the sentence carries these
        for a in m.actors:
            actors.append(ActorRecord(doc=did, id=a.id, label=a.label, text=a.text, start=a.start, end=a.end,
                                      provision=prov, sentence_id=sid, sentence=stext, type=a.cls,
                                      generic=a.generic, role=a.role, level=a.level, jurisdiction=a.jurisdiction,
                                      parent=a.parent, parent_actor=_parent_ref(a)))
        for h in m.instruments:
            c = h.concept
            instruments.append(InstrumentRecord(doc=did, id=f"inst:{c.key}", label=c.pref, text=h.text,
                                                start=h.start, end=h.end, provision=prov, sentence_id=sid,
                                                sentence=stext, type=c.instrument_type, category=c.category))
        for h in m.domains:
            c = h.concept
            domains.append(DomainRecord(doc=did, id=f"dom:{c.key}", label=c.pref, text=h.text, start=h.start,
                                        end=h.end, provision=prov, sentence_id=sid, sentence=stext,
                                        broader=tuple(b.key for b in v.ancestors(c))))
        for h in m.regions:
            c = h.concept
            regions.append(RegionRecord(doc=did, id=f"reg:{c.key}", label=c.pref, text=h.text, start=h.start,
                                        end=h.end, provision=prov, sentence_id=sid, sentence=stext,
                                        code=c.attrs.get("adminCode"), level=c.attrs.get("governmentLevel")))
    doc.layers.update(mentions=found, actors=actors, instruments=instruments, domains=domains, regions=regions)
    return doc
