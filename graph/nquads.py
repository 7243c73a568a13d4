"""A build's N-Quads file: ``kg.nq.gz`` (the default) or ``kg.nq`` (``policykg build --nquads plain``).

``kg.nq.gz`` is gzip made of one member per document (and one for the ontology graph that opens it):
the concatenation of gzip members is a valid gzip file, so ``zcat``, :func:`gzip.open` and anything
reading a ``.gz`` stream see one N-Quads file, while a build still knows each document's byte range and
an incremental build copies an unchanged document's member byte for byte.  The extraction workers
compress (:func:`member`, level 1: N-Quads shrink about 18-fold at some 250 MB/s per core), so the
build only writes.  N-Quads repeat long IRIs on every line, which is why the plain file is the largest
output of a build after the SPARQL store.

Readers open either kind with :func:`open_nquads` (a binary stream of N-Quads) and find a build's file
with :func:`nquads_path`.  Oxigraph and rdflib parse a stream (``input=`` / ``source=``), not a
``.gz`` path.

>>> data = member(b"<a:s> <a:p> <a:o> <a:g> .\\n") + member(b"<a:t> <a:p> <a:o> <a:g> .\\n")
>>> decode(data, "gzip").count(b"\\n"), encode(b"x\\n", "plain")
(2, b'x\\n')
"""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import BinaryIO

__all__ = ["NQUADS", "FILES", "member", "encode", "decode", "nquads_path", "open_nquads"]

#: the settings of ``policykg build --nquads``, the default first
NQUADS = ("gzip", "plain")
#: the file each setting writes
FILES = {"gzip": "kg.nq.gz", "plain": "kg.nq"}
LEVEL = 1


def member(data: bytes) -> bytes:
    """``data`` as one gzip member (no file name, time 0: the same bytes in every build)."""
    return gzip.compress(data, LEVEL, mtime=0)


def encode(data: bytes, mode: str) -> bytes:
    """N-Quads as they are stored in the file of the setting ``mode``."""
    return member(data) if mode == "gzip" else data


def decode(data: bytes, mode: str) -> bytes:
    """The N-Quads in bytes stored in the file of the setting ``mode`` (any number of whole members)."""
    return gzip.decompress(data) if mode == "gzip" else data


def nquads_path(build_dir: str | Path) -> Path:
    """The build's N-Quads file: ``kg.nq.gz``, else ``kg.nq`` (the path of the default when neither exists)."""
    d = Path(build_dir)
    gz, plain = d / FILES["gzip"], d / FILES["plain"]
    return plain if plain.exists() and not gz.exists() else gz


def open_nquads(path: str | Path) -> BinaryIO:
    """A binary stream of the N-Quads in ``path`` (decompressed when its name ends in ``.gz``)."""
    p = Path(path)
    if p.suffix == ".gz":
        return gzip.open(p, "rb")          # type: ignore[return-value]
    return p.open("rb")
