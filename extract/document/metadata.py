"""Document metadata: from front matter where present, inferred from the text otherwise.

Title, document type (from the title's suffix, against the ontology's
doc-type scheme), issuer(s), adoption / issue / effective dates,
jurisdiction (from the title or issuer, against the regions scheme), status
and source URL.  ``DocumentMeta.inferred`` records where each field came from.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from policykg.errors import InputError
from policykg.extract.document.model import DocumentMeta
from policykg.extract.text.normalize import normalize_label
from policykg.ontology import vocabulary
from policykg.ontology.doctypes import title_doc_type
from policykg.ontology.rules import alternation, rules

__all__ = ["title_doc_type", "infer_metadata", "document_id", "find_region", "iso_date", "title_issuers",
           "split_issuers", "is_generic_title", "body_title"]

_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ORGS = rules("actors")
_WORDS = rules("documents")


def iso_date(y: str | int, m: str | int, d: str | int) -> str:
    return f"{int(y):04d}-{int(m):02d}-{int(d):02d}"


_WEB_SUFFIX = re.compile(rf"(?:_|--|——).*$|-[^-（）()]{{2,30}}(?:{alternation(_ORGS['website_suffixes'])})$")


def clean_title(title: str) -> str:
    """Drop web-page suffixes (``…_政策文件_首都之窗``) and unbalanced book-title marks.

    >>> clean_title("河北省人民政府办公厅_br_关于印发河北省推动“人工智能+”行动计划（2025—2027年）的通知--中国安防大数据服务平台")
    '关于印发河北省推动“人工智能+”行动计划（2025—2027年）的通知'
    >>> clean_title("河南省人民政府办公厅关于促进数据产业高质量发展的实施意见_公告通报_河南省发展和改革委员会")
    '河南省人民政府办公厅关于促进数据产业高质量发展的实施意见'
    >>> clean_title("省市场监管局关于印发《江苏省人工智能产业标准体系建设指南（2025版）》的通知苏市监〔2025〕133号")
    '省市场监管局关于印发《江苏省人工智能产业标准体系建设指南（2025版）》的通知'
    >>> clean_title("《武汉市促进数据产业发展若干政策措施》（征求意见稿）")
    '武汉市促进数据产业发展若干政策措施（征求意见稿）'
    """
    parts = [x for x in re.split(r"_br_|_|--|——", title.strip()) if x.strip()]
    typed = [x for x in parts if title_doc_type(x)[0] is not None]
    t = max(typed, key=len) if typed else (parts[0] if parts else title.strip())
    t = _WEB_SUFFIX.sub("", t) or t
    t = re.sub(r"(?<=[知见案法划则定例告要南引单施策])[（(]?[\u4e00-\u9fff]{1,6}[〔\[]\d{4}[〕\]]\d+号[）)]?$",
               "", t) or t   # a trailing document number (苏市监〔2025〕133号)
    if t.startswith("《") and "》" in t:
        t = t[1:].replace("》", "", 1)
    if t.count("《") != t.count("》"):
        t = t.replace("《", "").replace("》", "")
    return t.strip()


_GENERIC = frozenset(_WORDS["generic_titles"])


def is_generic_title(title: str) -> bool:
    """A title that is only a site's section name: ``政策文件_ 福建省数据管理局_ …`` → True."""
    return clean_title(normalize_label(title)) in _GENERIC


def front_title(raw: str) -> str:
    """A front-matter title, cleaned; when the cleaned title has no document type, the one of its
    space-separated pieces that has (``…的实施意见 济政办字 济南政府网``), or the title without a
    trailing repeat of its own head (``西安市人民政府办公厅关于…的通知西安市人民政府``).

    >>> front_title("济南市人民政府办公厅关于深化新型智慧城市建设的实施意见 济政办字 济南政府网_济南市人民政府门户网站")
    '济南市人民政府办公厅关于深化新型智慧城市建设的实施意见'
    >>> front_title("西安市人民政府办公厅关于印发公共数据管理办法的通知西安市人民政府")
    '西安市人民政府办公厅关于印发公共数据管理办法的通知'
    """
    t = clean_title(normalize_label(raw))
    if title_doc_type(t)[0] is not None:
        return t
    quoted = re.match(r"^《([^《》]{4,80})》", normalize_label(raw))     # 《T》通过 自…起施行: a news headline
    if quoted and title_doc_type(quoted.group(1))[0] is not None:
        return quoted.group(1)
    pieces = [clean_title(normalize_label(x)) for x in re.split(r"[\s\u3000]+|_+", raw) if x.strip()]
    typed = [x for x in pieces if len(x) >= 6 and title_doc_type(x)[0] is not None]
    if typed:
        return max(typed, key=len)
    for n in range(len(t) // 2, 3, -1):            # …的通知西安市人民政府: the site repeats the head
        if t.endswith(t[:n]) and title_doc_type(t[:-n])[0] is not None:
            return t[:-n]
    return t


def body_title(paragraphs: list[str]) -> str:
    """The title line of a text among its first paragraphs (a line of at most 100 characters, without
    sentence punctuation or a breadcrumb's ``>``, naming a place or written 关于…, that ends with a
    document type); "" if none."""
    for p in paragraphs[:20]:
        if len(p) > 100 or any(ch in p for ch in "，。；：:>") or not ("关于" in p or find_region(p)):
            continue
        if title_doc_type(p)[0] is not None:
            return p
    return ""


@lru_cache(maxsize=1)
def _region_labels() -> list[tuple[str, Any]]:
    pairs = []
    for c in vocabulary().scheme("reg"):
        if c.key == "china":
            continue
        pairs += [(label, c) for label in c.labels]
    return sorted(pairs, key=lambda p: -len(p[0]))


def find_region(text: str, anywhere: bool = False):
    """The region concept named at the start of ``text`` (or anywhere, first occurrence)."""
    s = text.strip().strip("“”\"《》*")
    m = re.match(r"^中国（(.{2,8}?)）", s)
    s = m.group(1) if m else re.sub(r"^(中国|中共)", "", s)
    if anywhere:
        return next((c for i in range(len(s)) if (c := _region_at(s, i)) is not None), None)
    c = _region_at(s, 0)
    if c is not None:
        return c
    if s.startswith("深圳经济特区"):
        return vocabulary().concept("reg", "shenzhen")
    return None


@lru_cache(maxsize=1)
def _region_index() -> tuple[dict[str, Any], tuple[int, ...]]:
    """Region label → its concept (the first in :func:`_region_labels`' order), and the labels'
    lengths, longest first."""
    index: dict[str, Any] = {}
    for label, c in _region_labels():
        index.setdefault(label, c)
    return index, tuple(sorted({len(label) for label in index}, reverse=True))


def _region_at(s: str, i: int) -> Any:
    """The region whose longest label starts ``s`` at ``i`` (one dictionary look-up per label length)."""
    return _region_span(s, i)[0]


def _region_span(s: str, i: int) -> tuple[Any, int]:
    """(region, length of its label) for the longest label starting ``s`` at ``i``; (None, 1) if none."""
    index, lengths = _region_index()
    for n in lengths:
        if i + n <= len(s):
            c = index.get(s[i:i + n])
            if c is not None:
                return c, n
    return None, 1


_ADOPTED = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日\s*(.{2,60}?)(?:第[一二三四五六七八九十百\d]+次会议|会议)?"
                      r"(?:审议)?(通过|批准)")
# 《T》已由天津市第十八届人民代表大会常务委员会第二十二次会议于2025年11月28日通过: a proclamation
_PROCLAIMED = re.compile(r"《([^《》]{4,80})》已(?:由|经)(.{2,40}?)(?:第[一二三四五六七八九十百\d]+次会议)?"
                         r"于(\d{4})年(\d{1,2})月(\d{1,2})日(?:审议)?(?:通过|批准)")
_COMMENCE = alternation(_WORDS["commencement_verbs"])
_EFFECTIVE = re.compile(rf"自(\d{{4}})年(\d{{1,2}})月(\d{{1,2}})日起(?:{_COMMENCE})")
_EFFECTIVE_ON_ISSUE = re.compile(rf"自(?:公布|发布|印发)之日起(?:{_COMMENCE})")
_SESSION = re.compile(r"第?[一二三四五六七八九十百\d]+届")
# what is left around the body's name in an adoption note: 经…, …第四, …2024年
_NOTE_EDGES = re.compile(r"^(?:经|由)|(?:第[一二三四五六七八九十百\d]*|\d{4}年)$")
_ORG_SIGNATURE = re.compile(rf"^(.{{2,40}}?(?:{alternation(_ORGS['signature_suffixes'])}))$")
_ISSUED_INLINE = re.compile(r"^(.{2,40}?)(\d{4})年(\d{1,2})月(\d{1,2})日印发$")
_QUOTED_TITLE = re.compile(r"《([^《》]{6,80})》(?:已经|经).{0,20}(?:同意|通过|研究)")


def _first(front: dict[str, Any], *keys: str) -> Any:
    for k in keys:
        v = front.get(k)
        if v not in (None, "", []):
            return v
    return None


# 2025-03-01, 2025/3/1, 2025.03.01, 20250301 (a YAML date or datetime reads as the first)
_FRONT_DATE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)|^(\d{4})(\d{2})(\d{2})$")


def _date_value(v: Any) -> str | None:
    if v is None:
        return None
    s = str(v).strip()
    if not s:
        return None
    m = _FRONT_DATE.match(s) or _DATE.search(s)
    if not m:
        raise InputError(f"front matter: unreadable date '{s[:40]}' (write it as YYYY-MM-DD)")
    ymd = [g for g in m.groups() if g is not None]
    try:                           # a quoted '2025-13-45' is refused like an unquoted one (read.py)
        datetime.date(*map(int, ymd))
    except ValueError as e:
        raise InputError(f"front matter: impossible date '{s[:40]}' ({e})") from None
    return iso_date(*ymd)


def infer_metadata(front: dict[str, Any], text: str, title_block_title: str, paragraphs: list[str],
                   last_paragraphs: list[str]) -> DocumentMeta:
    """Fill :class:`DocumentMeta` from front matter, then from the text.

    ``paragraphs`` are the first paragraphs of the normalized text (cover, title
    block, notice), ``last_paragraphs`` the last ones (commencement clause, signature).
    """
    meta = DocumentMeta()
    fm_type = _from_front_matter(meta, front)
    quoted = next((m.group(1) for p in paragraphs[:8] for m in [_QUOTED_TITLE.search(p)] if m), None)
    if is_generic_title(str(_first(front, "title", "LinkTitle") or "")):
        _put(meta, "title", body_title(paragraphs), "title line")
    _put(meta, "title", title_block_title or quoted, "title line" if title_block_title else "transmittal notice")
    from_front = bool(meta.issuers)                   # the front matter's issuers win
    _from_adoption_note(meta, paragraphs)
    _from_signature(meta, paragraphs)
    _from_closing_line(meta, last_paragraphs)
    _from_commencement_clause(meta, last_paragraphs)
    _from_issuing_line(meta, paragraphs)
    _from_red_header(meta, paragraphs)
    if not from_front and meta.title:
        _from_title_head(meta, title_issuers(meta.title))
    _set_doc_type(meta, fm_type)
    found = _jurisdiction(meta, front) or _dominant_place(text)
    if found is not None:
        region, src = found
        meta.jurisdiction, meta.jurisdiction_label = region.key, region.pref
        meta.inferred["jurisdiction"] = src
    return meta


def _put(meta: DocumentMeta, field: str, value: Any, source: str) -> None:
    """Set ``field`` from ``source`` unless it is already set (the first source wins)."""
    if value not in (None, "", []) and getattr(meta, field) in (None, "", []):
        setattr(meta, field, value)
        meta.inferred[field] = source


def _put_issuer(meta: DocumentMeta, issuer: str, source: str) -> None:
    if not meta.issuers:
        meta.issuers = [issuer]
        meta.inferred["issuers"] = source


_TITLE_HEAD = re.compile(rf"^(.{{2,60}}?)(?:{alternation(_WORDS['title_head_ends'])})")
_CO_ISSUERS = re.compile(rf"等[一二三四五六七八九十百\d]*个?(?:{alternation(_WORDS['co_issuer_nouns'])})$")
_ISSUER_END = re.compile(rf"(?:{alternation(_WORDS['title_issuer_suffixes'])})$")
_ISSUER_SEP = re.compile(r"[、，,；;\s]+")


def split_issuers(names: str) -> list[str]:
    """``国家发展改革委、国家数据局`` / ``中共中央 国务院`` → one name each (names written together
    without a separator are split when they are resolved to actors)."""
    return [x for x in _ISSUER_SEP.split(names) if x]


def title_issuers(title: str) -> list[str]:
    """The issuers a title is headed by: ``广东省人民政府关于加快数字政府建设的意见`` → [广东省人民政府];
    ``中共中央办公厅、国务院办公厅关于…`` → both; ``湖南省数据局等5部门印发《…》的通知`` → [湖南省数据局];
    none when the head is no issuer (``北京市关于…的实施方案``, ``关于…的意见``).

    >>> title_issuers("郑州市人民代表大会常务委员会关于修改部分地方性法规的决定")
    ['郑州市人民代表大会常务委员会']
    >>> title_issuers("关于促进企业数据资源开发利用的意见"), title_issuers("天津市关于加快数据标注产业发展的行动方案")
    ([], [])
    """
    m = _TITLE_HEAD.match(title.strip())
    if not m or any(ch in m.group(1) for ch in "《〈<“\"的"):
        return []
    head = _CO_ISSUERS.sub("", m.group(1)).removesuffix("联合").strip()
    names = split_issuers(head)
    return names if names and all(_ISSUER_END.search(n) for n in names) else []


def _from_title_head(meta: DocumentMeta, names: list[str]) -> None:
    """The issuers a title is headed by win over those of a signature or a closing line (which may
    name only the last of several); a signature that spells one of them out in full
    (广西壮族自治区工业和信息化厅 for the title's 自治区工业和信息化厅) gives its fuller name."""
    if not names:
        return
    def fuller(f: str, n: str) -> bool:                 # a place name in front, not another issuer
        return (len(f) > len(n) and f.endswith(n) and not _ISSUER_END.search(f[:-len(n)])
                and find_region(f) is not None)
    found = meta.issuers
    meta.issuers = [next((f for f in found if fuller(f, n)), n) for n in names]
    meta.inferred["issuers"] = "title"


def _from_front_matter(meta: DocumentMeta, front: dict[str, Any]) -> Any:
    """Fields the front matter gives; returns its document type, if any (used after the title's)."""
    fm_title = _first(front, "title", "LinkTitle")
    if fm_title and not is_generic_title(str(fm_title)):
        _put(meta, "title", front_title(str(fm_title)), "front matter")
    issuer = _first(front, "issuer", "author", "publisher", "office")
    if issuer:
        meta.issuers = split_issuers(normalize_label(str(issuer)))
        meta.inferred["issuers"] = "front matter"
    _put(meta, "issued", _date_value(_first(front, "publication_date", "issued", "date", "publish_date")),
         "front matter")
    _put(meta, "effective", _date_value(_first(front, "effective_date", "effective")), "front matter")
    _put(meta, "status", _first(front, "status"), "front matter")
    urls = _first(front, "urls", "url", "source_url", "original_url", "link")
    if isinstance(urls, list):
        urls = urls[0] if urls else None
    _put(meta, "source_url", urls, "front matter")
    sid = _first(front, "id")
    _put(meta, "source_id", str(sid) if sid is not None else None, "front matter")
    return _first(front, "doc_type", "type")


def _from_adoption_note(meta: DocumentMeta, paragraphs: list[str]) -> None:
    """（2024年12月19日黑龙江省第十四届人民代表大会常务委员会第十九次会议通过）: date and body."""
    for p in paragraphs[:12]:
        m = _ADOPTED.search(p)
        # a short note, or the first of several adoption lines that the text joined into one paragraph
        if m and (len(p) < 120 or m.start() <= 1):
            _put(meta, "adopted", iso_date(*m.groups()[:3]), "adoption note")
            body = _SESSION.sub("", m.group(4)).strip("（ ")
            body = re.sub(r"第?[一二三四五六七八九十百\d]+次.*$", "", body)
            body = _NOTE_EDGES.sub("", body)
            if body:
                _put_issuer(meta, body, "adoption note")
            return
    for p in paragraphs[:12]:
        m = _PROCLAIMED.search(p)
        if m and normalize_label(m.group(1)) == meta.title:       # the document's own title, not a cited one
            _put(meta, "adopted", iso_date(*m.groups()[2:]), "proclamation")
            _put_issuer(meta, _SESSION.sub("", m.group(2)).strip(), "proclamation")
            return


def _from_signature(meta: DocumentMeta, paragraphs: list[str]) -> None:
    """A signature line followed by a date line (cover of a report, end of a notice)."""
    for k, p in enumerate(paragraphs[:20]):
        nxt = paragraphs[k + 1] if k + 1 < len(paragraphs) else ""
        if _ORG_SIGNATURE.match(p) and re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", nxt):
            date = _DATE.search(nxt)
            assert date is not None, nxt   # the line is a date (fullmatch above) and _DATE matches every date
            lines, j = [p], k - 1          # a signature of several lines (co-issuers)
            while j >= 0 and len(lines) < 4 and _ORG_SIGNATURE.match(paragraphs[j]):
                lines.insert(0, paragraphs[j])
                j -= 1
            if len(lines) > 1 and find_region(p) is None and find_region(lines[0]) is not None:
                _put(meta, "issuers", lines, "signature")     # the last line names no place, the first does
            _put_issuer(meta, p, "signature")
            _put(meta, "issued", iso_date(*date.groups()), "signature date")
            return


_RED_HEADER = re.compile(rf"(?:^|(?<=[^\u4e00-\u9fff]))([\u4e00-\u9fff]{{2,30}}?(?:{alternation(_ORGS['signature_suffixes'])}))"
                         rf"(?:{alternation(_WORDS['red_header_words'])})(?![\u4e00-\u9fff]{{0,3}}[，。；])")
_ISSUING = re.compile(rf"(?:^|[，,：:])([^，。；,：:《》]{{2,60}}?)(?:{alternation(_WORDS['issuing_verbs'])})了?《([^《》]{{4,80}})》")


def _from_red_header(meta: DocumentMeta, paragraphs: list[str]) -> None:
    """浙江省人民政府文件: the red header at the head of a printed document names its issuer (alone
    on its line, or after the document's serial number ``ZJSP00－2025－0004``)."""
    for p in paragraphs[:4]:
        m = _RED_HEADER.search(p)
        if m and find_region(m.group(1)) is not None:
            _put_issuer(meta, m.group(1), "red header")
            return


def _from_issuing_line(meta: DocumentMeta, paragraphs: list[str]) -> None:
    """近日，中共安徽省委办公厅、安徽省人民政府办公厅印发了《T》 (T the document's own title): its issuers."""
    if not meta.title:
        return
    for p in paragraphs[:12]:
        for m in _ISSUING.finditer(p):
            if normalize_label(m.group(2)).strip() != meta.title.strip("《》"):
                continue
            head = re.sub(r"^[^\u4e00-\u9fff]*(?:近日|日前|近期)?", "", m.group(1))
            names = split_issuers(head)
            if any(n in _WORDS["first_person"] for n in names):     # 我局印发了《…》
                return
            if names and all(_ISSUER_END.search(n) for n in names):
                if not meta.issuers:
                    meta.issuers = names
                    meta.inferred["issuers"] = "issuing line"
                return
    return None


def _dominant_place(text: str) -> tuple[Any, str] | None:
    """The region a text names far more often than any other (at least 3 times and 3 times as often
    as the next): the last resort for a text that names its jurisdiction nowhere else."""
    counts: dict[str, int] = {}
    concepts: dict[str, Any] = {}
    i = 0
    while i < len(text):
        c, n = _region_span(text, i)
        i += n
        if c is not None:
            counts[c.key] = counts.get(c.key, 0) + 1
            concepts[c.key] = c
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][0] == "china":
        return None
    top, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    if n >= 3 and n >= 3 * second:
        return concepts[top], "body's dominant place"
    return None


def _from_closing_line(meta: DocumentMeta, last_paragraphs: list[str]) -> None:
    """…办公厅2025年3月1日印发: issuer and date in one closing line."""
    for p in reversed(last_paragraphs):
        m = _ISSUED_INLINE.match(p)
        if m:
            _put_issuer(meta, m.group(1), "closing line")
            _put(meta, "issued", iso_date(*m.groups()[1:]), "closing line")
            return


def _from_commencement_clause(meta: DocumentMeta, last_paragraphs: list[str]) -> None:
    """自2025年3月1日起施行 / 自印发之日起施行: the effective date."""
    for p in reversed(last_paragraphs):
        m = _EFFECTIVE.search(p)
        if m:
            _put(meta, "effective", iso_date(*m.groups()), "commencement clause")
            return
        if _EFFECTIVE_ON_ISSUE.search(p):
            _put(meta, "effective", meta.issued or meta.adopted, "commencement clause (on issue)")
            return


def _set_doc_type(meta: DocumentMeta, fm_type: Any) -> None:
    """The type from the title's suffix, else from the front matter's type; a draft's status."""
    key, label = title_doc_type(meta.title) if meta.title else (None, None)
    if key is None and fm_type:
        key, label = title_doc_type(str(fm_type))
    if key:
        meta.doc_type, meta.doc_type_label = key, label
        meta.inferred["doc_type"] = "title suffix"
    if meta.title and "征求意见稿" in meta.title:
        _put(meta, "status", "征求意见稿", "title")


def _jurisdiction(meta: DocumentMeta, front: dict[str, Any]) -> tuple[Any, str] | None:
    """(region concept, where it came from): the title, the front matter, an issuer, a national body;
    None if none of them names a region."""
    region = find_region(meta.title) if meta.title else None
    if region is not None:
        return region, "title"
    cited = re.search(r"《([^》]+)》", meta.title or "")       # 地方法规-《大连市…方案》: a site's category first
    region = find_region(cited.group(1)) if cited else None
    if region is not None:
        return region, "title"
    fm_j = _first(front, "jurisdiction")
    if fm_j:
        region = find_region(str(fm_j))
        if region is not None:
            return region, "front matter"
        china = vocabulary().concept("reg", "china")
        if str(fm_j).strip() in china.labels:                 # 全国, 中华人民共和国: a national text
            return china, "front matter"
    for issuer in meta.issuers:
        region = find_region(issuer)
        if region is not None:
            return region, "issuer"
    if _is_national(meta):
        return vocabulary().concept("reg", "china"), "national issuer or title"
    region = find_region(meta.title, anywhere=True) if meta.title else None     # 2025年数字云南建设工作要点
    if region is not None:
        return region, "title"
    return None


_NATIONAL_TITLE = re.compile(rf"^(?:{alternation(_WORDS['national_title_prefixes'])})")


def _is_national(meta: DocumentMeta) -> bool:
    """A national document: its title or an issuer names a national body."""
    if meta.title and _NATIONAL_TITLE.match(meta.title):
        return True
    v = vocabulary()
    for issuer in meta.issuers:
        for c in v.lookup(issuer, "actor"):
            if c.attrs.get("governmentLevel") == "national":
                return True
    return False


_SLUG = re.compile(r"^[a-z0-9][a-z0-9._-]{0,60}$")


def document_id(path: str, meta: DocumentMeta) -> str:
    """A stable id: the file name when it is already a slug (``heilongjiang-2024.txt``),
    else ``<region>-<year>-<hash of title and file name>`` (``shanghai-2021-3f9a1c``), the
    year being that of the version's issue or adoption (the later of the two: an amended
    text is a new document), never of its entry into force unless no other date is known."""
    stem = Path(path).stem.lower()
    if _SLUG.match(stem):
        return stem
    region = meta.jurisdiction or "doc"
    dates = [d for d in (meta.adopted, meta.issued) if d] or [d for d in (meta.effective,) if d]
    year = max(dates)[:4] if dates else "nd"
    digest = hashlib.sha1(f"{meta.title}|{Path(path).stem}".encode("utf-8")).hexdigest()[:6]
    return f"{region}-{year}-{digest}"
