"""Read policy documents from .txt/.md (with optional YAML front matter), .docx, .pdf and .html.

Every reader returns a :class:`~extract.model.RawText`; bad input raises
:class:`~policykg.errors.InputError` naming the file and the problem.
Readers are found by extension in the registry :data:`READERS`; another package adds
one for a new file type with an entry point in the group ``policykg.readers`` whose
name is the extension, dot included (``".odt" = "mypkg:read_odt"``).
"""

from __future__ import annotations

import codecs
import datetime as _dt
import hashlib
import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from policykg.errors import InputError
from policykg.extract.document.model import RawText
from policykg.registry import Registry

__all__ = ["read", "READERS", "Reader", "supported", "decode"]   # and SUPPORTED, see __getattr__


# --- decoding ----------------------------------------------------------------

_BOMS = [(codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return bad / min(len(text), 20000)


def decode(data: bytes, where: str) -> tuple[str, str]:
    """Decode bytes to text; returns ``(text, encoding)``.

    Order: a byte-order mark; strict UTF-8; then, for bytes that are not
    UTF-8, the Chinese legacy encodings GB18030 (a superset of GBK and
    GB2312) and Big5, chosen by charset-normalizer's coherence measure among
    those that decode strictly.  Nothing is decoded with replacement
    characters: bytes that fit none of them are an error.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc.replace("-sig", " with BOM")
            except UnicodeDecodeError as e:
                raise InputError(f"undecodable bytes at byte {e.start} for its {enc} byte-order mark", where) from None
    if b"\x00" in data[:8192]:
        raise InputError("binary file (NUL bytes), not a text document", where)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        utf8_error = e
    candidates: dict[str, str] = {}
    for enc in ("gb18030", "big5"):
        try:
            candidates[enc] = data.decode(enc)
        except UnicodeDecodeError:
            pass
    if not candidates:
        raise InputError(
            f"undecodable bytes at byte {utf8_error.start}: not UTF-8, GB18030/GBK or Big5 "
            "(re-save the file as UTF-8)", where)
    if len(candidates) > 1:
        from charset_normalizer import from_bytes
        best = from_bytes(data, cp_isolation=list(candidates)).best()
        enc = best.encoding.replace("_", "") if best else "gb18030"
        enc = "big5" if enc.startswith("big5") else "gb18030"
    else:
        enc = next(iter(candidates))
    text = candidates[enc]
    if _control_ratio(text) > 0.01:
        raise InputError("binary file (control bytes), not a text document", where)
    return text, enc


# --- front matter --------------------------------------------------------------

_FRONT = re.compile(r"\A---[ \t]*\r?\n")
_FRONT_END = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M)


def _plain(value: Any) -> Any:
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def split_front_matter(text: str, where: str) -> tuple[dict[str, Any], int]:
    """Parse a leading ``---`` YAML block; returns (mapping, body start offset)."""
    m = _FRONT.match(text)
    if not m:
        return {}, 0
    end = _FRONT_END.search(text, m.end())
    if not end:
        raise InputError("front matter opened with '---' on line 1 is never closed "
                         "(add a closing '---' line)", where)
    import yaml
    block = text[m.end():end.start()]
    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = f" line {mark.line + 2}" if mark is not None else ""
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise InputError(f"front matter is not valid YAML ({problem} at{line or ' unknown line'})", where) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError("front matter must be a mapping of keys to values", where)
    body = end.end()
    if text.startswith("\n", body):
        body += 1
    return _plain(data), body


# --- readers ---------------------------------------------------------------------

def _read_text(path: Path, data: bytes) -> RawText:
    where = str(path)
    text, enc = decode(data, where)
    front, body = split_front_matter(text, where)
    return RawText(str(path), path.suffix.lower().lstrip("."), enc, text, body, front)


def _useful_title(title: str) -> bool:
    """A file-property title worth using: not empty and not 'untitled'/'Microsoft Word - x.doc'."""
    return bool(re.search(r"[\u4e00-\u9fff]", title or "")) and not title.lower().startswith("microsoft")


def _read_docx(path: Path, data: bytes) -> RawText:
    try:
        import docx
        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises several types for broken packages
        raise InputError(f"not a readable .docx file ({type(e).__name__}: {e})", str(path)) from None
    blocks: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            blocks.append("".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")))
        elif tag == "tbl":
            for row in child.iter():
                if row.tag.endswith("}tr"):
                    cells = ["".join(t.text or "" for t in c.iter() if t.tag.endswith("}t"))
                             for c in row if c.tag.endswith("}tc")]
                    blocks.append("\t".join(cells))
    text = "\n".join(blocks)
    front: dict[str, Any] = {}
    title = (document.core_properties.title or "").strip()
    if _useful_title(title):
        front["title"] = title
    return RawText(str(path), "docx", "docx (UTF-8 XML)", text, 0, front)


def _read_pdf(path: Path, data: bytes) -> RawText:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError) as e:
        raise InputError(f"not a readable PDF ({e})", str(path)) from None
    if not "".join(pages).strip():
        raise InputError("the PDF has no text layer (a scan?); run OCR first and ingest the text", str(path))
    # pages are separated by a blank line, as page breaks are in text exports
    text = "\n\n".join(p.strip("\n") for p in pages)
    front: dict[str, Any] = {}
    info = reader.metadata
    if info and info.title and _useful_title(info.title):
        front["title"] = info.title.strip()
    return RawText(str(path), "pdf", "pdf text layer", text, 0, front)


_BLOCK_TAGS = ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
               "article", "table", "blockquote", "pre", "dd", "dt")


def _read_html(path: Path, data: bytes) -> RawText:
    where = str(path)
    m = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", data[:4096], re.I)
    text = None
    enc = ""
    if m:
        declared = m.group(1).decode("ascii").lower()
        try:
            codecs.lookup(declared)
            text, enc = data.decode(declared), declared
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text, enc = decode(data, where)
    from bs4 import BeautifulSoup
    soup = BeautifulSoup(text, "lxml")
    front: dict[str, Any] = {}
    if soup.title and soup.title.get_text(strip=True):
        front["title"] = soup.title.get_text(strip=True)
    canonical = soup.find("link", rel="canonical")
    if canonical and canonical.get("href"):
        front["source_url"] = canonical["href"]
    for tag in soup(["script", "style", "noscript", "nav", "header", "footer", "template"]):
        tag.decompose()
    root = soup.body or soup
    for br in root.find_all("br"):
        br.replace_with("\n")
    for tag in root.find_all(_BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    plain = root.get_text()
    plain = re.sub(r"[ \t\r\f\v]*\n[ \t\r\f\v\n]*", "\n", plain).strip()
    return RawText(where, "html", enc, plain, 0, front)


#: a reader: (the file's path, its bytes) → RawText, or InputError
Reader = Callable[[Path, bytes], RawText]

#: lower-case extension with its dot (".txt") → reader; entry-point group ``policykg.readers``
READERS: Registry[Reader] = Registry("policykg.readers")
for _ext, _reader in ((".txt", _read_text), (".md", _read_text), (".markdown", _read_text), (".text", _read_text),
                      (".docx", _read_docx), (".pdf", _read_pdf), (".html", _read_html), (".htm", _read_html)):
    READERS.register(_ext, _reader)
del _ext, _reader


def supported() -> tuple[str, ...]:
    """The extensions a reader is registered for, plug-ins' included, sorted."""
    return tuple(sorted(READERS.names()))


def __getattr__(name: str) -> Any:
    # SUPPORTED is computed when asked for, so that it includes the readers of plug-ins
    if name == "SUPPORTED":
        return supported()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def read(path: str | Path) -> RawText:
    """Read one file into a :class:`RawText`, or raise :class:`InputError`."""
    path = Path(path)
    where = str(path)
    if not path.exists():
        raise InputError("no such file", where)
    if path.is_dir():
        raise InputError("is a directory (pass it to ingest/build, which read the files inside)", where)
    suffix = path.suffix.lower()
    if suffix not in READERS:
        raise InputError(f"unsupported file type '{path.suffix or '(none)'}' "
                         f"(supported: {', '.join(supported())})", where)
    reader = READERS.get(suffix)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"cannot read the file ({e.strerror})", where) from None
    if not data.strip():
        raise InputError("empty file", where)
    raw = reader(path, data)
    if not raw.source[raw.body_start:].strip():
        raise InputError("no text after the front matter" if raw.body_start else "no text in the file", where)
    raw.sha256 = hashlib.sha256(data).hexdigest()
    return raw
