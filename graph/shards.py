"""A build's per-document cache files, stored compressed.

A build keeps, per document and per part (its metadata, its lines of ``extractions.jsonl`` and
``documents.jsonl``, its graph, the shared and local parts of its property graph, its SHACL
results), one file ``<key>.<part>.z`` in ``DIR/.cache/<fingerprint>/``: the part's bytes
compressed with zlib at level 1 (JSON compresses about tenfold at some 200 MB/s per core; the
extraction workers compress, the build only writes).  Files of the uncompressed kind older builds
kept (``<key>.kg.json``…) are still read (:func:`read_part`), and a build compresses those of the
documents it keeps (:func:`upgrade`), so a cache made before is reused, not extracted again.

>>> import tempfile
>>> from pathlib import Path
>>> d = Path(tempfile.mkdtemp())
>>> write_part(d, "k", "kg", pack(b'{"a": 1}'))
>>> read_part(d, "k", "kg"), has_part(d, "k", "kg"), has_part(d, "k", "local")
(b'{"a": 1}', True, False)
>>> _ = (d / "k.local.json").write_bytes(b"[]")       # the older kind
>>> has_part(d, "k", "local"), upgrade(d, "k.local.json"), sorted(p.name for p in d.iterdir())
(True, True, ['k.kg.z', 'k.local.z'])
"""

from __future__ import annotations

import os
import zlib
from pathlib import Path

__all__ = ["PARTS", "pack", "unpack", "part_path", "has_part", "read_part", "write_part", "is_part_file", "upgrade",
           "write_atomic"]

#: the parts of a cache entry: metadata, lines of extractions.jsonl and documents.jsonl, graph (the shard
#: the property graph is merged from), SHACL results, and the shared and local parts of the property graph
PARTS = ("meta", "ext", "doc", "kg", "shacl", "shared", "local")
_SUFFIX = ".z"
#: the names older builds gave the same parts, uncompressed (read, never written)
_LEGACY = {"meta": ".meta.json", "ext": ".ext.jsonl", "doc": ".doc.json", "kg": ".kg.json", "shacl": ".shacl.json",
           "shared": ".shared.json", "local": ".local.json"}
LEVEL = 1


def pack(data: bytes) -> bytes:
    return zlib.compress(data, LEVEL)


def unpack(data: bytes) -> bytes:
    return zlib.decompress(data)


def part_path(cache: Path, key: str, part: str) -> Path:
    return cache / f"{key}.{part}{_SUFFIX}"


def has_part(cache: Path, key: str, part: str) -> bool:
    """Whether the entry has the part (in either kind of file)."""
    return part_path(cache, key, part).exists() or (cache / f"{key}{_LEGACY[part]}").exists()


def read_part(cache: Path, key: str, part: str) -> bytes:
    """A part's bytes (uncompressed), from the compressed file or else the legacy one; OSError when neither."""
    try:
        return unpack(part_path(cache, key, part).read_bytes())
    except FileNotFoundError:
        return (cache / f"{key}{_LEGACY[part]}").read_bytes()


def write_atomic(path: Path, data: bytes) -> None:
    """Write a file so that a killed process never leaves a truncated one (a ``.tmp-PID`` file renamed)."""
    tmp = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def write_part(cache: Path, key: str, part: str, packed: bytes) -> None:
    """Write a part already compressed (:func:`pack`) so that a killed build never leaves a truncated one."""
    write_atomic(part_path(cache, key, part), packed)


def is_part_file(name: str) -> bool:
    """Whether a file name in a cache folder is a part of the current kind (not a leftover, not legacy)."""
    _, _, rest = name.partition(".")
    part, _, suffix = rest.partition(".")
    return part in PARTS and f".{suffix}" == _SUFFIX


_BY_LEGACY = {suffix: part for part, suffix in _LEGACY.items()}


def upgrade(cache: Path, name: str) -> bool:
    """Rewrite the file ``name`` of the older, uncompressed kind as a part of the current kind (True), or
    leave it (False: not such a file)."""
    key, _, rest = name.partition(".")
    part = _BY_LEGACY.get(f".{rest}")
    if part is None:
        return False
    write_part(cache, key, part, pack((cache / name).read_bytes()))
    (cache / name).unlink()
    return True
