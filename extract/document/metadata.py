"""Document metadata: from front matter where present, inferred from the text otherwise.

Title, document type (from the title's suffix, against the ontology's
doc-type scheme), issuer(s), adoption / issue / effective dates,
jurisdiction (from the title or issuer, against the regions scheme), status
and source URL.  ``DocumentMeta.inferred`` records where each field came from.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from policykg.extract.document.model import DocumentMeta
from policykg.ontology.doctypes import title_doc_type
from policykg.ontology import vocabulary
from policykg.extract.text.normalize import normalize_label

__all__ = ["title_doc_type", "infer_metadata", "document_id", "find_region", "iso_date"]

_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def iso_date(y: str | int, m: str | int, d: str | int) -> str:
    return f"{int(y):04d}-{int(m):02d}-{int(d):02d}"


_WEB_SUFFIX = re.compile(r"(?:_|--|——).*$|-[^-（）()]{2,30}(?:门户网站|网站|网|厅|局|委员会|人民政府)$")


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
        best = None
        for label, c in _region_labels():
            pos = s.find(label)
            if pos >= 0 and (best is None or pos < best[0]):
                best = (pos, c)
        return best[1] if best else None
    for label, c in _region_labels():
        if s.startswith(label):
            return c
    if s.startswith("深圳经济特区"):
        return vocabulary().concept("reg", "shenzhen")
    return None


_ADOPTED = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日\s*(.{2,60}?)(?:第[一二三四五六七八九十百\d]+次会议|会议)?"
                      r"(?:审议)?(通过|批准)")
_EFFECTIVE = re.compile(r"自(\d{4})年(\d{1,2})月(\d{1,2})日起(?:施行|实施|执行|生效)")
_EFFECTIVE_ON_ISSUE = re.compile(r"自(?:公布|发布|印发)之日起(?:施行|实施|执行|生效)")
_SESSION = re.compile(r"第[一二三四五六七八九十百\d]+届")
_ORG_SIGNATURE = re.compile(r"^(.{2,40}?(?:人民代表大会常务委员会|人民政府办公厅|人民政府办公室|人民政府|委员会|办公厅"
                            r"|办公室|局|厅|部|委|署|院|有限公司|研究院|中心))$")
_ISSUED_INLINE = re.compile(r"^(.{2,40}?)(\d{4})年(\d{1,2})月(\d{1,2})日印发$")
_QUOTED_TITLE = re.compile(r"《([^《》]{6,80})》(?:已经|经).{0,20}(?:同意|通过|研究)")


def _first(front: dict[str, Any], *keys: str) -> Any:
    for k in keys:
        v = front.get(k)
        if v not in (None, "", []):
            return v
    return None


def _date_value(v: Any) -> str | None:
    if v is None:
        return None
    s = str(v).strip()
    m = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})", s)
    if m:
        return iso_date(*m.groups())
    m = _DATE.search(s)
    return iso_date(*m.groups()) if m else None


def infer_metadata(front: dict[str, Any], text: str, title_block_title: str, paragraphs: list[str],
                   last_paragraphs: list[str]) -> DocumentMeta:
    """Fill :class:`DocumentMeta` from front matter, then from the text.

    ``paragraphs`` are the first paragraphs of the normalized text (cover, title
    block, notice), ``last_paragraphs`` the last ones (commencement clause, signature).
    """
    meta = DocumentMeta()
    how = meta.inferred

    def put(field: str, value: Any, source: str) -> None:
        if value not in (None, "", []) and getattr(meta, field) in (None, "", []):
            setattr(meta, field, value)
            how[field] = source

    # --- front matter
    fm_title = _first(front, "title", "LinkTitle")
    if fm_title:
        put("title", clean_title(normalize_label(str(fm_title))), "front matter")
    issuer = _first(front, "issuer", "author", "publisher", "office")
    if issuer:
        meta.issuers = [normalize_label(x) for x in re.split(r"[、,，;；]\s*", str(issuer)) if x.strip()]
        how["issuers"] = "front matter"
    put("issued", _date_value(_first(front, "publication_date", "issued", "date", "publish_date")), "front matter")
    put("effective", _date_value(_first(front, "effective_date", "effective")), "front matter")
    put("status", _first(front, "status"), "front matter")
    urls = _first(front, "urls", "url", "source_url", "original_url", "link")
    if isinstance(urls, list):
        urls = urls[0] if urls else None
    put("source_url", urls, "front matter")
    sid = _first(front, "id")
    put("source_id", str(sid) if sid is not None else None, "front matter")
    fm_type = _first(front, "doc_type", "type")

    # --- text: title
    quoted = next((m.group(1) for p in paragraphs[:8] for m in [_QUOTED_TITLE.search(p)] if m), None)
    put("title", title_block_title or quoted, "title line" if title_block_title else "transmittal notice")

    # adoption note: （2024年12月19日黑龙江省第十四届人民代表大会常务委员会第十九次会议通过）
    for p in paragraphs[:12]:
        m = _ADOPTED.search(p)
        if m and len(p) < 120:
            put("adopted", iso_date(*m.groups()[:3]), "adoption note")
            body = _SESSION.sub("", m.group(4)).strip("（ ")
            body = re.sub(r"第[一二三四五六七八九十百\d]+次.*$", "", body)
            if body and not meta.issuers:
                meta.issuers = [body]
                how["issuers"] = "adoption note"
            break
    # signature line followed by a date line (cover of a report, end of a notice)
    for k, p in enumerate(paragraphs[:20]):
        nxt = paragraphs[k + 1] if k + 1 < len(paragraphs) else ""
        if _ORG_SIGNATURE.match(p) and re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", nxt):
            if not meta.issuers:
                meta.issuers = [p]
                how["issuers"] = "signature"
            put("issued", iso_date(*_DATE.search(nxt).groups()), "signature date")
            break
    for p in reversed(last_paragraphs):
        m = _ISSUED_INLINE.match(p)
        if m:
            if not meta.issuers:
                meta.issuers = [m.group(1)]
                how["issuers"] = "closing line"
            put("issued", iso_date(*m.groups()[1:]), "closing line")
            break
    # effective date from the commencement clause
    for p in reversed(last_paragraphs):
        m = _EFFECTIVE.search(p)
        if m:
            put("effective", iso_date(*m.groups()), "commencement clause")
            break
        if _EFFECTIVE_ON_ISSUE.search(p):
            put("effective", meta.issued or meta.adopted, "commencement clause (on issue)")
            break

    # --- type
    key, label = title_doc_type(meta.title) if meta.title else (None, None)
    if key is None and fm_type:
        key, label = title_doc_type(str(fm_type))
    if key:
        meta.doc_type, meta.doc_type_label = key, label
        how["doc_type"] = "title suffix"
    if meta.title and "征求意见稿" in meta.title:
        put("status", "征求意见稿", "title")

    # --- jurisdiction
    region = find_region(meta.title) if meta.title else None
    src = "title"
    if region is None:
        fm_j = _first(front, "jurisdiction")
        if fm_j:
            region = find_region(str(fm_j))
            src = "front matter"
    if region is None:
        for issuer in meta.issuers:
            region = find_region(issuer)
            if region is not None:
                src = "issuer"
                break
    if region is None and _is_national(meta):
        region, src = vocabulary().concept("reg", "china"), "national issuer or title"
    if region is not None:
        meta.jurisdiction, meta.jurisdiction_label = region.key, region.pref
        how["jurisdiction"] = src
    return meta


_NATIONAL_TITLE = re.compile(r"^(?:中华人民共和国|全国|国家|国务院|中共中央|中央)")


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
    year being the latest date of the version."""
    stem = Path(path).stem.lower()
    if _SLUG.match(stem):
        return stem
    region = meta.jurisdiction or "doc"
    dates = [d for d in (meta.adopted, meta.issued, meta.effective) if d]
    year = max(dates)[:4] if dates else "nd"      # the version: an amended text is a new document
    digest = hashlib.sha1(f"{meta.title}|{Path(path).stem}".encode("utf-8")).hexdigest()[:6]
    return f"{region}-{year}-{digest}"
