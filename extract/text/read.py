"""Read policy documents from .txt/.md (with optional YAML front matter), .docx, .pdf and .html.

Every reader returns a :class:`~extract.model.RawText`; bad input raises
:class:`~policykg.errors.InputError` naming the file and the problem in one line.
Readers are found by extension in the registry :data:`READERS`; another package adds
one for a new file type with an entry point in the group ``policykg.readers`` whose
name is the extension, dot included (``".odt" = "mypkg:read_odt"``).

Limits
------
Hostile or accidental input (50 MB of random bytes, a named pipe, YAML "billion
laughs", a PDF compression bomb) is refused with a message instead of exhausting
memory or time.  The module constants are the defaults; environment variables,
read at every call, change them:

==========================  =============  ====================================================
constant                    default        what it bounds (environment variable)
==========================  =============  ====================================================
``MAX_FILE_MB``             64             size of an input file, checked before it is read
                                           (``POLICYKG_MAX_FILE_MB``)
``MAX_TEXT_CHARS``          8 000 000      characters of decoded or extracted text, about 24 MB
                                           of Chinese UTF-8 (``POLICYKG_MAX_TEXT_CHARS``)
``MAX_UNPACKED_MB``         256            uncompressed size of a .docx package
                                           (``POLICYKG_MAX_UNPACKED_MB``)
``MAX_FRONT_MATTER_CHARS``  100 000        the YAML front-matter block
``MAX_YAML_DEPTH``          32             nesting of front-matter lists and mappings
``MAX_CONTROL_SHARE``       0.01           share of control characters above which a text
                                           file is taken for binary
==========================  =============  ====================================================

And these rules:

- only regular files are opened: named pipes, sockets and devices are refused after a
  ``stat``, without being opened (a pipe would block forever, a device could have side
  effects); a path whose name is not valid UTF-8 is refused (rename it);
- text-likeness before decoding: NUL bytes mean binary unless the text is UTF-16/32
  (with a byte-order mark, or UTF-16 without one, recognised by where its NUL bytes
  fall); more than ``MAX_CONTROL_SHARE`` control bytes mean binary;
- front matter is parsed by a safe loader that refuses anchors and aliases (no
  "billion laughs", no recursive structures) and nesting deeper than
  ``MAX_YAML_DEPTH``; an impossible date (2025-02-30, month 13, hour 25) is one line;
- HTML is read through lxml's parser events: no tree is built and nothing recurses, so
  any nesting depth costs linear time; a ``<meta charset>`` that names no usable text
  encoding is ignored;
- .docx packages are unpacked only up to ``MAX_UNPACKED_MB``, and a part that declares
  a DTD or entities (``<!DOCTYPE``, ``<!ENTITY``: external entities) is refused;
- PDF streams are decompressed under pypdf's limits (75 MB a stream), a bomb is a
  message; an encrypted PDF is opened with the empty password or refused with a message
  (AES needs the ``cryptography`` package, a dependency).
"""

from __future__ import annotations

import codecs
import datetime as _dt
import errno
import hashlib
import io
import logging
import os
import re
import stat
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from policykg.errors import InputError, PolicyKGError
from policykg.extract.document.model import RawText
from policykg.registry import Registry

__all__ = ["read", "read_bytes", "READERS", "Reader", "supported", "decode", "max_file_bytes", "max_text_chars",
           "max_unpacked_bytes", "MAX_FILE_MB", "MAX_TEXT_CHARS", "MAX_UNPACKED_MB", "MAX_FRONT_MATTER_CHARS",
           "MAX_YAML_DEPTH", "MAX_CONTROL_SHARE"]   # and SUPPORTED, see __getattr__


# --- limits ---------------------------------------------------------------------

MAX_FILE_MB = 64
MAX_TEXT_CHARS = 8_000_000
MAX_UNPACKED_MB = 256
MAX_FRONT_MATTER_CHARS = 100_000
MAX_YAML_DEPTH = 32
MAX_CONTROL_SHARE = 0.01
_MB = 1024 * 1024


def _env_number(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = float("nan")
    if not 0 < value < float("inf"):
        raise PolicyKGError(f"must be a positive number, not {raw!r}", name)
    return value


def _max_file_mb() -> float:
    return _env_number("POLICYKG_MAX_FILE_MB", MAX_FILE_MB)


def _max_unpacked_mb() -> float:
    return _env_number("POLICYKG_MAX_UNPACKED_MB", MAX_UNPACKED_MB)


def max_file_bytes() -> int:
    """The largest input file read, in bytes: ``POLICYKG_MAX_FILE_MB`` or :data:`MAX_FILE_MB` MB."""
    return int(_max_file_mb() * _MB)


def max_text_chars() -> int:
    """The longest text read, in characters: ``POLICYKG_MAX_TEXT_CHARS`` or :data:`MAX_TEXT_CHARS`."""
    return int(_env_number("POLICYKG_MAX_TEXT_CHARS", MAX_TEXT_CHARS))


def max_unpacked_bytes() -> int:
    """The largest unpacked .docx, in bytes: ``POLICYKG_MAX_UNPACKED_MB`` or :data:`MAX_UNPACKED_MB` MB."""
    return int(_max_unpacked_mb() * _MB)


def _one_line(message: object, limit: int = 300) -> str:
    """A third-party error message on one line, shortened."""
    text = " ".join(str(message).split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


# --- decoding ----------------------------------------------------------------

_BOMS = [(codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]

#: bytes that do not occur in text: C0 controls other than \t \n \v \f \r (NUL is checked apart), and DEL
_CONTROL_BYTES = bytes(b for b in range(1, 32) if b not in b"\t\n\v\f\r") + b"\x7f"
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_SAMPLE = 65536


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:20000]
    return len(_CONTROL_CHARS.findall(sample)) / len(sample)


def _byte_sample(data: bytes) -> bytes:
    """The beginning, middle and end of ``data`` (all of it when small)."""
    if len(data) <= 3 * _SAMPLE:
        return data
    mid = len(data) // 2
    return data[:_SAMPLE] + data[mid:mid + _SAMPLE] + data[-_SAMPLE:]


def _control_byte_share(sample: bytes) -> float:
    return (len(sample) - len(sample.translate(None, _CONTROL_BYTES))) / len(sample) if sample else 0.0


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text without a byte-order mark: its NUL bytes (the high bytes of ASCII characters)
    fall on one parity only.  Random bytes and runs of NUL bytes put them on both."""
    if len(data) % 2:
        return None
    sample = data[:_SAMPLE]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > 9 * even:
        enc = "utf-16-le"
    elif even > 9 * odd:
        enc = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(enc)
    except UnicodeDecodeError:
        return None
    if "\x00" in text or _control_ratio(text) > MAX_CONTROL_SHARE:
        return None
    return text, enc


def _damaged_utf8(data: bytes, error: UnicodeDecodeError, where: str) -> None:
    """Raise when ``data`` is UTF-8 up to ``error`` (many multi-byte characters decoded before it):
    then it is damaged UTF-8, not a legacy encoding to be guessed into mojibake."""
    before = data[max(0, error.start - _SAMPLE):error.start]
    if len(before) - len(before.translate(None, bytes(range(128, 256)))) < 30:
        return
    if error.end >= len(data) and error.reason == "unexpected end of data":
        raise InputError(f"truncated UTF-8: the file ends inside a character (byte {error.start}); "
                         "was it cut off? Save or download it again", where)
    raise InputError(f"invalid UTF-8 at byte {error.start} (the text before it is UTF-8); "
                     "re-save the file as UTF-8", where)


def decode(data: bytes, where: str) -> tuple[str, str]:
    """Decode bytes to text; returns ``(text, encoding)``.

    Order: a byte-order mark; NUL bytes (binary, unless UTF-16 without a
    byte-order mark); the share of control bytes (binary above
    :data:`MAX_CONTROL_SHARE`); strict UTF-8 (damaged or truncated UTF-8 is an
    error, not guessed); then, for bytes that are not UTF-8, the Chinese legacy
    encodings GB18030 (a superset of GBK and GB2312) and Big5, chosen by
    charset-normalizer's coherence measure among those that decode strictly.
    Nothing is decoded with replacement characters: bytes that fit none of
    them are an error.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as e:
                raise InputError(f"undecodable bytes at byte {e.start} for its {enc} byte-order mark", where) from None
            if "\x00" in text or _control_ratio(text) > MAX_CONTROL_SHARE:
                raise InputError(f"binary file (control characters after a {enc} byte-order mark), "
                                 "not a text document", where)
            return text, enc.replace("-sig", " with BOM")
    if b"\x00" in data:
        guessed = _utf16_without_bom(data)
        if guessed:
            return guessed
        raise InputError("binary file (NUL bytes), not a text document", where)
    if _control_byte_share(_byte_sample(data)) > MAX_CONTROL_SHARE:
        raise InputError("binary file (control bytes), not a text document", where)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        utf8_error = e
    _damaged_utf8(data, utf8_error, where)
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
    if _control_ratio(text) > MAX_CONTROL_SHARE:
        raise InputError("binary file (control bytes), not a text document", where)
    return text, enc


# --- front matter --------------------------------------------------------------

_FRONT = re.compile(r"\A---[ \t]*\r?\n")
_FRONT_END = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M)
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


class _FrontMatterProblem(Exception):
    """A refused front matter: ``message`` at ``mark`` (a YAML position, line counted from 0)."""

    def __init__(self, message: str, mark: Any):
        super().__init__(message)
        self.message = message
        self.mark = mark


_LOADER: Any = None


def _loader() -> Any:
    """A ``yaml.SafeLoader`` that refuses anchors, aliases and deep nesting, and reports a value its
    constructor cannot build (an impossible date, an integer of 5000 digits) as a problem at its line."""
    global _LOADER
    if _LOADER is not None:
        return _LOADER
    import yaml

    class Loader(yaml.SafeLoader):
        depth = 0

        def compose_node(self, parent: Any, index: Any) -> Any:
            event = self.peek_event()
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
                raise _FrontMatterProblem("YAML anchors and aliases (&name, *name) are not accepted",
                                          event.start_mark)
            self.depth += 1
            try:
                if self.depth > MAX_YAML_DEPTH:
                    raise _FrontMatterProblem(f"nested more than {MAX_YAML_DEPTH} levels deep", event.start_mark)
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1

        def construct_object(self, node: Any, deep: bool = False) -> Any:
            return _construct_checked(super().construct_object, node, deep)

    _LOADER = Loader
    return Loader


def _construct_checked(construct: Any, node: Any, deep: bool) -> Any:
    """``construct(node, deep)``, a value its constructor cannot build reported at its line."""
    try:
        return construct(node, deep)
    except (ValueError, OverflowError) as e:
        value = _one_line(node.value, 60) if isinstance(node.value, str) else node.tag
        what = "impossible date" if node.tag == _TIMESTAMP_TAG else "value that cannot be read:"
        raise _FrontMatterProblem(f"{what} '{value}' ({_one_line(e, 80)})", node.start_mark) from None


_FAST_LOADER: Any = None
#: what the libyaml loader is not trusted with (the checked loader refuses anchors and aliases and
#: limits nesting): &, *, tags, flow collections, indented lines — a block without them nests no
#: deeper than mapping → list → scalar
_NOT_FLAT = re.compile(r"[&*!\[{]|^[ \t]", re.M)


def _fast_loader() -> Any:
    """libyaml's safe loader with the same constructor checks (None without libyaml)."""
    global _FAST_LOADER
    if _FAST_LOADER is None:
        import yaml
        _FAST_LOADER = False
        if getattr(yaml, "__with_libyaml__", False):
            class FastLoader(yaml.CSafeLoader):  # type: ignore[name-defined,misc]
                def construct_object(self, node: Any, deep: bool = False) -> Any:
                    return _construct_checked(super().construct_object, node, deep)

            _FAST_LOADER = FastLoader
    return _FAST_LOADER or None


def _plain(value: Any) -> Any:
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def _load_front_matter(block: str, where: str) -> Any:
    import yaml
    fast = _fast_loader() if _NOT_FLAT.search(block) is None else None
    if fast is not None:
        try:
            return yaml.load(block, Loader=fast)  # noqa: S506 - a CSafeLoader subclass
        except Exception:  # noqa: BLE001, S110 - the checked loader below says what is wrong
            pass
    try:
        return yaml.load(block, Loader=_loader())  # noqa: S506 - a SafeLoader subclass
    except _FrontMatterProblem as e:
        raise InputError(f"front matter line {e.mark.line + 2}: {e.message}", where) from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = f" line {mark.line + 2}" if mark is not None else ""
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise InputError(f"front matter is not valid YAML ({problem} at{line or ' unknown line'})", where) from None
    except RecursionError:
        raise InputError("front matter is nested too deeply", where) from None


def split_front_matter(text: str, where: str) -> tuple[dict[str, Any], int]:
    """Parse a leading ``---`` YAML block; returns (mapping, body start offset)."""
    m = _FRONT.match(text)
    if not m:
        return {}, 0
    end = _FRONT_END.search(text, m.end())
    if not end:
        raise InputError("front matter opened with '---' on line 1 is never closed "
                         "(add a closing '---' line)", where)
    block = text[m.end():end.start()]
    if len(block) > MAX_FRONT_MATTER_CHARS:
        raise InputError(f"front matter too long: {len(block):,} characters, more than the limit of "
                         f"{MAX_FRONT_MATTER_CHARS:,}", where)
    data = _load_front_matter(block, where)
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
    _check_length(len(text), where)
    front, body = split_front_matter(text, where)
    return RawText(str(path), path.suffix.lower().lstrip("."), enc, text, body, front)


def _useful_title(title: str) -> bool:
    """A file-property title worth using: not empty and not 'untitled'/'Microsoft Word - x.doc'."""
    return bool(re.search(r"[\u4e00-\u9fff]", title or "")) and not title.lower().startswith("microsoft")


_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)")


def _check_docx_package(data: bytes, where: str) -> None:
    """Refuse a .docx that unpacks beyond the limit or whose XML declares a DTD or entities."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        infos = package.infolist()
        unpacked = sum(i.file_size for i in infos)
        limit = max_unpacked_bytes()
        if unpacked > limit:
            raise InputError(f"the .docx unpacks to {unpacked:,} bytes, more than the limit of {_max_unpacked_mb():g} MB "
                             "(POLICYKG_MAX_UNPACKED_MB); a ZIP bomb?", where)
        for info in infos:
            if not info.filename.lower().endswith((".xml", ".rels")):
                continue
            part = package.read(info)
            if _DTD.search(part.replace(b"\x00", b"") if b"\x00" in part[:4] else part):
                raise InputError(f"part {info.filename} declares a DTD or entities (<!DOCTYPE>, <!ENTITY>), which "
                                 "Word never writes; refused (external entities could read other files)", where)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, NotImplementedError) as e:
        raise InputError(f"not a readable .docx file ({type(e).__name__}: {_one_line(e)})", where) from None


def _docx_text(element: Any) -> str:
    """The text of the ``w:t`` elements under ``element`` (entities, comments and PIs have no string tag)."""
    return "".join(t.text or "" for t in element.iter() if isinstance(t.tag, str) and t.tag.endswith("}t"))


def _docx_blocks(document: Any) -> list[str]:
    blocks: list[str] = []
    for child in document.element.body.iterchildren():
        if not isinstance(child.tag, str):
            continue
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            blocks.append(_docx_text(child))
        elif tag == "tbl":
            for row in child.iter():
                if isinstance(row.tag, str) and row.tag.endswith("}tr"):
                    blocks.append("\t".join(_docx_text(c) for c in row
                                            if isinstance(c.tag, str) and c.tag.endswith("}tc")))
    return blocks


def _read_docx(path: Path, data: bytes) -> RawText:
    where = str(path)
    _check_docx_package(data, where)
    try:
        import docx
        document = docx.Document(io.BytesIO(data))
        text = "\n".join(_docx_blocks(document))
        title = (document.core_properties.title or "").strip()
    except Exception as e:  # python-docx and lxml raise many types for broken packages
        raise InputError(f"not a readable .docx file ({type(e).__name__}: {_one_line(e)})", where) from None
    front: dict[str, Any] = {}
    if _useful_title(title):
        front["title"] = title
    return RawText(where, "docx", "docx (UTF-8 XML)", text, 0, front)


def _pdf_pages(reader: Any, where: str) -> list[str]:
    if reader.is_encrypted and not reader.decrypt(""):
        raise InputError("the PDF is encrypted with a password; decrypt it first (e.g. qpdf --decrypt "
                         "--password=PASSWORD in.pdf out.pdf) and ingest the result", where)
    pages: list[str] = []
    total = 0
    for page in reader.pages:
        pages.append(page.extract_text() or "")
        total += len(pages[-1])
        _check_length(total, where)
    return pages


def _pdf_error(e: Exception, where: str) -> InputError:
    from pypdf import errors
    if isinstance(e, errors.DependencyError):
        return InputError(f"the PDF is encrypted and cannot be decrypted here ({_one_line(e)})", where)
    if type(e).__name__ == "LimitReachedError":
        return InputError("a compressed stream of the PDF expands beyond pypdf's decompression limit; "
                          "a compression bomb?", where)
    if isinstance(e, errors.FileNotDecryptedError):
        return InputError("the PDF is encrypted with a password; decrypt it first and ingest the result", where)
    if isinstance(e, errors.PyPdfError):
        return InputError(f"not a readable PDF ({_one_line(e)})", where)
    return InputError(f"not a readable PDF ({type(e).__name__}: {_one_line(e)})", where)


def _read_pdf(path: Path, data: bytes) -> RawText:
    where = str(path)
    try:
        from pypdf import PdfReader
        logging.getLogger("pypdf").setLevel(logging.ERROR)   # its warnings ("EOF marker not found"): noise
        reader = PdfReader(io.BytesIO(data))
        pages = _pdf_pages(reader, where)
        info = reader.metadata
        title = info.title if info and info.title else ""
    except InputError:
        raise
    except Exception as e:  # pypdf raises many types for malformed files
        raise _pdf_error(e, where) from None
    if not "".join(pages).strip():
        raise InputError("the PDF has no text layer (a scan?); run OCR first and ingest the text", where)
    # pages are separated by a blank line, as page breaks are in text exports
    text = "\n\n".join(p.strip("\n") for p in pages)
    front: dict[str, Any] = {}
    if title and _useful_title(title):
        front["title"] = title.strip()
    return RawText(where, "pdf", "pdf text layer", text, 0, front)


_BLOCK_TAGS = frozenset(("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
                         "article", "table", "blockquote", "pre", "dd", "dt"))
_HIDDEN_TAGS = frozenset(("script", "style", "noscript", "nav", "header", "footer", "template"))


class _HtmlText:
    """An lxml parser target collecting a page's visible text, title and canonical link.

    No tree is built and nothing recurses: time and memory are linear in the page
    whatever its nesting.  Text inside ``<script>``, ``<style>``, navigation, headers and
    footers is dropped; block elements and ``<br>`` become line breaks.  The text is that
    of ``<body>`` (of the whole page when it has none).
    """

    def __init__(self) -> None:
        self.hidden = 0                  # open hidden elements (script, nav, …) around the current point
        self.in_body = 0
        self.saw_body = False
        self.body: list[str] = []
        self.page: list[str] = []
        self.title: list[str] | None = None   # the first <title>'s strings, while it is open and after
        self.in_title = False
        self.canonical: str | None = None

    def _out(self, text: str) -> None:
        if not self.hidden:
            (self.body if self.in_body else self.page).append(text)

    def start(self, tag: Any, attrib: Any) -> None:
        tag = tag.lower() if isinstance(tag, str) else ""
        if tag == "body":
            self.in_body += 1
            self.saw_body = True
        elif tag == "title" and self.title is None:
            self.title, self.in_title = [], True
        elif tag == "link" and self.canonical is None and "canonical" in (attrib.get("rel") or "").lower().split():
            self.canonical = attrib.get("href") or None
        if tag in _HIDDEN_TAGS:
            self.hidden += 1
        elif tag in _BLOCK_TAGS:
            self._out("\n")

    def end(self, tag: Any) -> None:
        tag = tag.lower() if isinstance(tag, str) else ""
        if tag in _HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCK_TAGS and tag != "br":
            self._out("\n")
        if tag == "body":
            self.in_body = max(0, self.in_body - 1)
        elif tag == "title":
            self.in_title = False

    def data(self, text: str) -> None:
        if self.in_title and self.title is not None:
            self.title.append(text)
        self._out(text)

    def close(self) -> _HtmlText:
        return self


_META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", re.I)


def _declared_charset(data: bytes) -> tuple[str, str] | None:
    """The text as its ``<meta charset>`` says, when that names a text encoding that decodes it cleanly."""
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    declared = m.group(1).decode("ascii").lower()
    try:
        if not codecs.lookup(declared)._is_text_encoding:    # e.g. "rot13", "base64"
            return None
        text = data.decode(declared)
    except (LookupError, UnicodeError, ValueError):         # unknown, "undefined", or wrong for these bytes
        return None
    if "\x00" in text or _control_ratio(text) > MAX_CONTROL_SHARE:
        return None
    return text, declared


def _read_html(path: Path, data: bytes) -> RawText:
    where = str(path)
    declared = _declared_charset(data)
    text, enc = declared if declared else decode(data, where)     # markup: bounded by the file size
    from lxml import etree
    target = _HtmlText()
    try:
        parser = etree.HTMLParser(target=target, huge_tree=True, no_network=True)
        parser.feed(text)
        parser.close()
    except (etree.LxmlError, ValueError) as e:
        raise InputError(f"not readable HTML ({_one_line(e)})", where) from None
    front: dict[str, Any] = {}
    title = "".join(target.title or []).strip()
    if title:
        front["title"] = title
    if target.canonical:
        front["source_url"] = target.canonical
    plain = "".join(target.body if target.saw_body else target.page)
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


# --- files ---------------------------------------------------------------------------

_NOT_REGULAR = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
                (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def _check_length(n: int, where: str) -> None:
    limit = max_text_chars()
    if n > limit:
        raise InputError(f"text too long: more than {limit:,} characters (POLICYKG_MAX_TEXT_CHARS)", where)


def _check_name(where: str) -> None:
    try:
        where.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError("the name is not valid UTF-8; rename it (e.g. convmv -f gbk -t utf-8)", where) from None


def _os_error(e: OSError, path: Path, where: str) -> InputError:
    if e.errno == errno.ELOOP:
        return InputError(f"symbolic link loop ({e.strerror})", where)
    if e.errno == errno.ENOENT and os.path.islink(path):
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        return InputError(f"broken symbolic link (its target {target} does not exist)", where)
    if e.errno in (errno.ENOENT, errno.ENOTDIR):
        return InputError("no such file", where)
    return InputError(f"cannot read the file ({e.strerror})", where)


def _stat(path: Path, where: str) -> os.stat_result:
    try:
        return os.stat(path)
    except OSError as e:
        raise _os_error(e, path, where) from None


def _directory(path: Path, where: str) -> InputError:
    try:
        with os.scandir(path):
            pass
    except OSError as e:
        return InputError(f"cannot list the folder ({e.strerror})", where)
    return InputError("is a directory (pass it to ingest/build, which read the files inside)", where)


def _too_large(size: int, where: str) -> InputError:
    return InputError(f"file too large: {size:,} bytes, more than the limit of {_max_file_mb():g} MB "
                      "(POLICYKG_MAX_FILE_MB)", where)


def _read_regular(path: Path, where: str, st: os.stat_result) -> bytes:
    """The bytes of a regular file of at most :func:`max_file_bytes`; anything else is refused unopened."""
    for test, kind in _NOT_REGULAR:
        if test(st.st_mode):
            raise InputError(f"not a regular file but {kind}; only regular files are read", where)
    limit = max_file_bytes()
    if st.st_size > limit:
        raise _too_large(st.st_size, where)
    # O_NONBLOCK: should a pipe replace the file after the stat, opening it does not block either
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                raise InputError("not a regular file (it changed while being opened)", where)
            # read(n) allocates n bytes first: ask for the stat's size (+1), and the rest only if it grew
            data = fh.read(min(st.st_size, limit) + 1)
            if len(data) > st.st_size:
                data += fh.read(limit + 1 - len(data))
    except OSError as e:
        raise _os_error(e, path, where) from None
    if len(data) > limit:
        raise _too_large(len(data), where)
    return data


def _input_stat(path: Path) -> tuple[str, os.stat_result]:
    """The checks every input path passes first (a UTF-8 name, it exists, not a directory)."""
    where = str(path)
    _check_name(where)
    st = _stat(path, where)
    if stat.S_ISDIR(st.st_mode):
        raise _directory(path, where)
    return where, st


def read_bytes(path: str | Path) -> bytes:
    """The bytes of one input file, under the same rules as :func:`read` (a UTF-8 name, a regular
    file, at most :func:`max_file_bytes`); anything else raises :class:`InputError`."""
    path = Path(path)
    where, st = _input_stat(path)
    return _read_regular(path, where, st)


def read(path: str | Path) -> RawText:
    """Read one file into a :class:`RawText`, or raise :class:`InputError`."""
    path = Path(path)
    where, st = _input_stat(path)
    suffix = path.suffix.lower()
    if suffix not in READERS:
        raise InputError(f"unsupported file type '{path.suffix or '(none)'}' "
                         f"(supported: {', '.join(supported())})", where)
    reader = READERS.get(suffix)
    data = _read_regular(path, where, st)
    if not data:
        raise InputError("empty file", where)
    if not data.strip():
        raise InputError("empty file (only white space)", where)
    raw = reader(path, data)
    _check_length(len(raw.source), where)
    if not raw.source[raw.body_start:].strip():
        raise InputError("no text after the front matter" if raw.body_start else "no text in the file", where)
    raw.sha256 = hashlib.sha256(data).hexdigest()
    return raw
