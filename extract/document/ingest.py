"""read → normalize → structure → metadata: one file in, one :class:`Document` out.

:func:`ingest` does one file; :func:`iter_documents` a batch of paths (files
or directories), yielding a result per file so that one bad file never stops
the others.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from policykg.errors import InputError, PolicyKGError
from policykg.extract.document.metadata import document_id, infer_metadata, is_generic_title
from policykg.extract.document.model import Document
from policykg.extract.document.structure import _paragraphs, find_title_block, parse_structure
from policykg.extract.text.normalize import normalize
from policykg.extract.text.read import READERS, read
from policykg.textmap import MappedText

__all__ = ["ingest", "ingest_text", "expand_paths", "iter_documents", "Result"]


def ingest(path: str | Path, doc_id: str | None = None) -> Document:
    """Read and structure one file.  Raises :class:`InputError` for bad input."""
    raw = read(path)
    return ingest_text(raw.source, path=str(path), body_start=raw.body_start, front=raw.front_matter,
                       fmt=raw.format, encoding=raw.encoding, sha256=raw.sha256, doc_id=doc_id)


def ingest_text(source: str, path: str = "<text>", body_start: int = 0, front: dict | None = None,
                fmt: str = "txt", encoding: str = "utf-8", sha256: str = "",
                doc_id: str | None = None) -> Document:
    """Structure already-decoded text (``source`` is the whole file, body from ``body_start``)."""
    front = front or {}
    body = MappedText.identity(source[body_start:], offset=body_start, source_length=len(source))
    norm = normalize(body)
    text = norm.text.text
    if not text.strip():
        raise InputError("no text left after normalization", path)
    paras = _paragraphs(text)
    first = [text[s:e] for s, e in paras[:40]]
    last = [text[s:e] for s, e in paras[-12:]]
    fm_title = front.get("title") or front.get("LinkTitle")
    if fm_title and is_generic_title(str(fm_title)):     # 政策文件: a site's section, not the title
        fm_title = None
    tb = find_title_block(text, paras, str(fm_title) if fm_title else None)
    meta = infer_metadata(front, text, tb.title, first, last)
    if not sha256:
        import hashlib
        sha256 = hashlib.sha256(source.encode("utf-8")).hexdigest()
    did = doc_id or document_id(path, meta)
    structure = parse_structure(did, norm, meta.title or None)
    return Document(id=did, path=path, format=fmt, encoding=encoding, sha256=sha256, text=text,
                    mapped=norm.text, source=source, meta=meta, provisions=structure.provisions,
                    sentences=structure.sentences, footnotes=structure.footnotes)


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named directly, and supported files inside directories (recursively, sorted).

    Hidden files and folders are skipped; files of other types inside a
    directory are skipped silently (a file named directly is always tried).
    Symbolic links to folders are not followed (no cycles).  What cannot be
    walked is yielded itself, so that :func:`~policykg.extract.text.read.read`
    reports it on one line: a folder that cannot be listed, a name that is not
    valid UTF-8 (a folder's once, not each file's inside it), and a link of a
    supported type that loops or points nowhere.  A file reached twice (named
    itself and inside a folder also named, or by two names of one path) is
    yielded once.
    """
    seen: set[str] = set()
    for p in paths:
        p = Path(p)
        for f in (_walk(p) if p.is_dir() else (p,)):
            real = os.path.realpath(f)
            if real not in seen:
                seen.add(real)
                yield f


def _utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _is_dir(entry: os.DirEntry, follow: bool) -> bool:
    try:
        return entry.is_dir(follow_symlinks=follow)
    except OSError:
        return False


def _walk(top: Path) -> Iterator[Path]:
    """The supported files under ``top``, sorted; iterative, so any depth is fine."""
    if not _utf8(str(top)):
        yield top
        return
    found: list[Path] = []
    folders = [top]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError:
            found.append(folder)                  # read() says why it cannot be listed
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = folder / entry.name
            if _is_dir(entry, follow=False):
                (folders if _utf8(entry.name) else found).append(path)
            elif path.suffix.lower() in READERS and not _is_dir(entry, follow=True):
                found.append(path)                # files, and pipes, links, … that read() refuses
    yield from sorted(found)


@dataclass(slots=True)
class Result:
    path: str
    document: Document | None = None
    error: InputError | None = None


def iter_documents(paths: Iterable[str | Path]) -> Iterator[Result]:
    """One :class:`Result` per file; input errors are captured, not raised."""
    seen_ids: dict[str, str] = {}
    for f in expand_paths(paths):
        try:
            doc = ingest(f)
        except InputError as e:               # named by its file, when the stage that raised it did not
            yield Result(str(f), error=e if e.where else InputError(e.message, str(f)))
            continue
        except PolicyKGError:                 # not about this file (a bad limit in the environment): stop
            raise
        except Exception as e:            # a bug must not stop the batch, nor reach a user as a traceback
            yield Result(str(f), error=InputError(
                f"internal error while reading it ({type(e).__name__}: {' '.join(str(e).split())[:200]}); "
                "please report it with the file", str(f)))
            continue
        if doc.id in seen_ids:
            yield Result(str(f), error=InputError(
                f"document id '{doc.id}' is already used by {seen_ids[doc.id]} (rename one of the files)", str(f)))
            continue
        seen_ids[doc.id] = str(f)
        yield Result(str(f), document=doc)
