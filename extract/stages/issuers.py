"""Stage ``issuers``: the document's issuers (front matter or inferred) resolved to actors.

Each issuer is resolved in its own jurisdiction: the region its name is written
with (``广东省人民政府`` is Guangdong's government in a Shenzhen document), else the
document's region at the level the name's unit word gives (``省人民政府`` in a
Shenzhen document is Guangdong's), else the document's region.  Names written
together without a separator (``上海市数据局上海市财政局``) are one issuer each; a
name the vocabularies do not know whole becomes an organisation of its own, its
class from its suffix.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from policykg.extract.document.metadata import find_region
from policykg.extract.document.model import Document
from policykg.extract.records import ActorRef
from policykg.extract.stage import stage
from policykg.extract.stages.actors import UNIT_WORDS, Actor, org_label, resolve_actors
from policykg.extract.stages.matcher import matcher
from policykg.ontology import vocabulary
from policykg.ontology.rules import alternation, rules

__all__ = ["actor_ref", "resolve_issuer", "issuer_actors", "issuer_region"]

_NOISE = re.compile(r"^[^\u4e00-\u9fff]+")     # 11上海市数据局: a page number joined to a signature
_NATIONAL = re.compile(rf"(?:{alternation(rules('documents')['national_title_prefixes'])})")
_RANK = {"national": 0, "province": 1, "city": 2, "county": 3}


@lru_cache(maxsize=1)
def _class_by_suffix() -> list[tuple[re.Pattern, str]]:
    return [(re.compile(rf"(?:{alternation(words)})$"), cls)
            for cls, words in rules("documents")["issuer_classes"].items()]


def actor_ref(a: Actor) -> ActorRef:
    """The record-level reference to a resolved actor (with its parent government, if any)."""
    p = a.parent_actor
    parent = None if p is None else ActorRef(a.parent or p.id, p.label, p.cls, p.generic, p.role, p.level,
                                             p.jurisdiction)
    return ActorRef(a.id, a.label, a.cls, a.generic, a.role, a.level, a.jurisdiction, a.parent, parent)


def _level(region: str) -> str | None:
    return vocabulary().concept("reg", region).attrs.get("governmentLevel")


def issuer_region(name: str, jurisdiction: str | None) -> str | None:
    """The region an issuer's name belongs to: the one written at its start, else the document's
    region or, when the name's unit word (省, 市, 县, 区) is of a higher level, its ancestor at that level.

    >>> issuer_region("广东省人民政府", "shenzhen"), issuer_region("省人民政府", "shenzhen")
    ('guangdong', 'guangdong')
    >>> issuer_region("市人民政府办公厅", "shenzhen"), issuer_region("市数据局", "beijing")
    ('shenzhen', 'beijing')
    >>> issuer_region("中共中央办公厅", "hunan") is None
    True
    """
    region = find_region(name)
    if region is not None:
        return region.key
    if _NATIONAL.match(name):                    # 中共中央办公厅, 国务院办公厅, 国家数据局: no region's
        return None
    unit = UNIT_WORDS.get(name[:1])
    if jurisdiction is None or unit is None or unit not in _RANK:
        return jurisdiction
    key: str | None = jurisdiction
    seen = set()
    while key is not None and key not in seen:
        seen.add(key)
        level = _level(key)
        if level == unit:
            return key
        if level is None or _RANK.get(level, 9) < _RANK[unit]:
            break
        key = next(iter(vocabulary().concept("reg", key).broader), None)
    return jurisdiction


def _organisation(name: str, region: str | None, found: list[Actor]) -> ActorRef:
    """A name the vocabularies do not know whole: an organisation, classed by what ends it."""
    label = org_label(name)
    tail = next((a for a in found if a.end == len(name)), None)
    cls = tail.cls if tail is not None else next((c for rx, c in _class_by_suffix() if rx.search(name)),
                                                 "Enterprise")
    written = region if find_region(name) is not None else None
    return ActorRef("actor:org/" + hashlib.sha1(label.encode("utf-8")).hexdigest()[:10], label, cls,
                    jurisdiction=written)


def _top(found: list[Actor]) -> list[Actor]:
    """The actors not inside another one, in text order."""
    out: list[Actor] = []
    for a in sorted(found, key=lambda a: (a.start, -a.end)):
        if out and a.start < out[-1].end:
            continue
        out.append(a)
    return out


@lru_cache(maxsize=1)
def _issuer_end() -> re.Pattern:
    return re.compile(rf"(?:{alternation(rules('documents')['title_issuer_suffixes'])})$")


def _phrase_start(a: Actor, regions: list, after: int) -> int:
    """Where the phrase of actor ``a`` starts: at a region written just before it (广东省|人民政府)."""
    r = next((h for h in regions if after <= h.start < a.start <= h.end), None)
    return r.start if r is not None else a.start


def _segments(name: str, jurisdiction: str | None) -> list[str]:
    """Split a name written without separators into one name per issuer: before a full place name
    that follows an issuer's name (上海市数据局|上海市财政局; not 国家金融监督管理总局江西监管局, a
    branch), then at the start of each actor it holds (国家发展改革委|国家数据局)."""
    regions = matcher().find(name, kinds=("region",))
    cuts = [h.start for h in regions
            if h.start > 0 and h.text[-1] in UNIT_WORDS and _issuer_end().search(name, 0, h.start)]
    out = []
    for x, y in zip([0, *cuts], [*cuts, len(name)], strict=True):
        part = name[x:y]
        out += _actor_segments(part, resolve_actors(part, issuer_region(part, jurisdiction)))
    return out


def _actor_segments(name: str, found: list[Actor]) -> list[str]:
    """Split a name at the start of each actor it holds; a name before the first one that ends
    like an issuer is one too (陕西省知识产权局|陕西省工业和信息化厅)."""
    tops = _top(found)
    if not tops:
        return [name]
    regions = matcher().find(name, kinds=("region",))
    bounds, after = [], 0
    for a in tops:
        bounds.append(_phrase_start(a, regions, after))
        after = a.end
    if bounds[0] > 0 and not _issuer_end().search(name[:bounds[0]]):
        bounds[0] = 0
    bounds = sorted(set([0, *bounds, len(name)]))
    return [name[x:y] for x, y in zip(bounds, bounds[1:], strict=False) if name[x:y]]


def _one_issuer(name: str, jurisdiction: str | None) -> ActorRef:
    region = issuer_region(name, jurisdiction)
    found = resolve_actors(name, region)
    best = max(found, key=lambda a: (a.end - a.start, -a.start), default=None)
    if best is not None and best.end >= len(name) - 1:
        regions = matcher().find(name, 0, best.start + 1, kinds=("region",))
        if best.start == 0 or (not best.generic and _phrase_start(best, regions, 0) == 0):
            return actor_ref(best)
    return _organisation(name, region, found)


def issuer_actors(name: str, jurisdiction: str | None) -> list[ActorRef]:
    """The actors one issuer's name names, each resolved in its own jurisdiction.

    >>> [a.label for a in issuer_actors("广东省人民政府", "shenzhen")]
    ['广东省人民政府']
    >>> [a.label for a in issuer_actors("上海市数据局上海市财政局", "shanghai")]
    ['上海市人民政府数据主管部门', '上海市人民政府财政部门']
    """
    name = _NOISE.sub("", name.strip())
    if not name:
        return []
    return [_one_issuer(seg, jurisdiction) for seg in _segments(name, jurisdiction)]


def resolve_issuer(name: str, jurisdiction: str | None) -> ActorRef:
    """An issuer's name as one actor: the vocabulary's if it names one whole, else an organisation."""
    return _one_issuer(name.strip(), jurisdiction)


@stage("issuers", requires=("meta",), assigns=("issuers",), order=5)
def issuers(doc: Document) -> Document:
    refs: list[ActorRef] = []
    for name in doc.meta.issuers:
        refs += [r for r in issuer_actors(name, doc.meta.jurisdiction) if all(r.id != x.id for x in refs)]
    doc.layers["issuers"] = refs
    doc.meta.issuer_actors = [r.to_json() for r in refs]
    return doc
