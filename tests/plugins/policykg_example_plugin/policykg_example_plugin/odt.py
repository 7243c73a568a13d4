"""Read OpenDocument text (.odt): a zip archive whose content.xml holds the text.

Paragraphs and headings (``text:p``, ``text:h``) become lines, in document order;
``text:s`` is spaces, ``text:tab`` a tab, ``text:line-break`` a line break; notes
and annotations are left out.  Only the standard library is used; a content.xml
with a DTD or entity declarations is refused, so no entity is ever expanded.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from policykg.errors import InputError
from policykg.extract.document.model import RawText

__all__ = ["read_odt"]

_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_BLOCKS = (_TEXT + "p", _TEXT + "h")
_SKIP = (_TEXT + "note", _OFFICE + "annotation", *_BLOCKS)
_MAX_XML = 64 * 1024 * 1024        # content.xml larger than this (uncompressed) is refused


def _inline(el: ET.Element) -> str:
    out = [el.text or ""]
    for child in el:
        if child.tag == _TEXT + "s":
            out.append(" " * int(child.get(_TEXT + "c", "1")))
        elif child.tag == _TEXT + "tab":
            out.append("\t")
        elif child.tag == _TEXT + "line-break":
            out.append("\n")
        elif child.tag not in _SKIP:
            out.append(_inline(child))
        out.append(child.tail or "")
    return "".join(out)


def read_odt(path: Path, data: bytes) -> RawText:
    """A policykg reader: (path, bytes) → RawText, or InputError."""
    where = str(path)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            info = z.getinfo("content.xml")
            if info.file_size > _MAX_XML:
                raise InputError(f"content.xml is too large ({info.file_size:,} bytes)", where)
            xml = z.read(info)
    except (zipfile.BadZipFile, KeyError, OSError) as e:
        raise InputError(f"not a readable .odt file ({e})", where) from None
    if b"<!DOCTYPE" in xml or b"<!ENTITY" in xml:
        raise InputError("content.xml declares a DTD or entities; refusing to read it", where)
    try:
        root = ET.fromstring(xml)
    except ET.ParseError as e:
        raise InputError(f"content.xml is not well-formed XML ({e})", where) from None
    body = root.find(f"{_OFFICE}body/{_OFFICE}text")
    if body is None:
        raise InputError("not an OpenDocument text (no office:text in content.xml)", where)
    lines: list[str] = []
    _collect(body, lines)
    return RawText(where, "odt", "odt (UTF-8 XML)", "\n".join(lines), 0, {})


def _collect(el: ET.Element, lines: list[str]) -> None:
    """The paragraphs and headings under ``el`` (also inside lists, sections and tables), in order."""
    for child in el:
        if child.tag in _BLOCKS:
            lines.append(_inline(child))
        elif child.tag not in _SKIP:
            _collect(child, lines)
