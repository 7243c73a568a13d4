"""``policykg build``: documents → extraction → RDF and stores in one directory, incrementally.

Each input file is identified by the SHA-256 of its bytes and its path as given (its *key*; the path is
recorded in ``documents.jsonl``, so a moved file is a new document).  Its structured
document, extraction records and graph are cached under ``DIR/.cache/<fingerprint>/`` (the
fingerprint of the pipeline code and ontology; compressed, :mod:`policykg.graph.shards`), so a rebuild
re-extracts only files whose content changed.

**What a build makes.**  By default: ``extractions.jsonl``, ``documents.jsonl``, ``kg.nq.gz`` (gzip,
one member per document, :mod:`policykg.graph.nquads`; ``kg.nq`` with ``nquads="plain"``), the
Oxigraph store, the LadybugDB database and ``manifest.json``.  The heavy projections (Turtle,
JSON-LD, GraphML, GEXF, neo4j-admin CSV, ``graph.json``, the overview page; :func:`export_names`)
are written when asked for (``exports=``, ``policykg build --exports``) or later by ``policykg export``.

**Incremental.**  The manifest records each document's key and where its lines sit in the three
files.  A rebuild whose inputs, pipeline and options are those of the current build changes nothing
and returns at once (``BuildResult.unchanged``).  Otherwise, when the pipeline is the same, the new
build reuses the previous one: unchanged documents' lines are copied byte for byte from the previous
files (in a thread, while the stores are updated), the Oxigraph store is a hard-link checkpoint of
the previous one in which only the removed and changed documents' named graphs are dropped and the
new ones loaded, LadybugDB is a copy of the previous database updated in place (:mod:`policykg.graph.ladybug_update`: the gone documents' rows
deleted, the shared actors, documents and concepts changed to their new merge, the new documents' rows
copied in), and only new documents are extracted.  The result is the cold build's, byte for byte,
quad for quad and row for row (tested).

**Memory flat in corpus size.**  No stage holds the corpus graph: documents stream through the
extraction workers into the files; Oxigraph bulk-loads ``kg.nq.gz`` a slice at a time
(:data:`policykg.graph.stores.OXIGRAPH_SLICE`), in threads, while LadybugDB is loaded (one small slice at
a time until LadybugDB is done, so the two stores share the cores and memory stays low; their stage times
overlap); LadybugDB is loaded from the documents' cached graph
parts, their own rows spooled to disk table by table and the rows they share (actors, documents,
concepts) merged in memory (:class:`policykg.graph.ladybug_rows.RowSpool`), then copied from Parquet
a row group at a time.  Only the exports asked for merge the whole property graph.

**Nothing lost, nothing half-written.**  Outputs are written into a new generation folder
``DIR/.gen/<n>``; the build switches to it at once by replacing the one symlink
``DIR/.current -> .gen/<n>`` (``os.replace``), and each top-level name is a fixed symlink into it, so
readers keep opening ``DIR/kg.nq.gz``.  A build that fails or is killed (even with kill -9) leaves the
previous build whole; its leftovers are removed by the next build.  The previous generation is
renamed aside after the switch and deleted by a detached process (the build does not wait for it).
Two builds into one directory are serialized by an exclusive lock on ``DIR/.lock``.  A build given fewer files than the current build
holds refuses to drop the others unless ``prune=True`` (``policykg build --prune``,
``policykg remove``).

With ``shacl=True`` each document's graph is checked against the ontology's SHACL shapes (those
extraction can break; cached with the document) and what violates them is reported in
``BuildResult.violations`` and ``manifest.json``; ``policykg validate`` checks a build against every
shape at any time.

This is the application layer: it composes :func:`policykg.extract.pipeline.run`,
:func:`policykg.graph.kg.document_graph`, the stores, the exporters registered in
:data:`policykg.graph.export.EXPORTERS` and the overview view.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import orjson

import policykg
import policykg.ontology
from policykg.errors import InputError
from policykg.extract.document.ingest import expand_paths
from policykg.extract.pipeline import run
from policykg.extract.text.read import read_bytes, supported
from policykg.graph.export import EXPORTERS, read_build_graph, read_manifest
from policykg.graph.kg import KG, document_graph
from policykg.graph.ladybug_rows import (
    RowSpool,
    fold_index,
    index_part,
    read_index,
    rel_key,
    save_index,
    unindex,
    write_rows,
)
from policykg.graph.ladybug_update import split, update_ladybug
from policykg.graph.nquads import FILES as NQ_FILES
from policykg.graph.nquads import NQUADS, decode, encode
from policykg.graph.property import PGraph, to_property_graph
from policykg.graph.rdf import RDF_MENTIONS, graph_iri, kg_quads, ontology_quads
from policykg.graph.shards import has_part, is_part_file, pack, read_part, unpack, upgrade, write_atomic, write_part
from policykg.graph.stores import load_ladybug, load_oxigraph, update_oxigraph
from policykg.graph.validate import Violation, validate_document_graph
from policykg.ontology import ttl_files
from policykg.parallel import extract_many
from policykg.viz import make_view, render_html

__all__ = ["build", "BuildResult", "OUTPUTS", "pipeline_fingerprint", "shacl_report", "export_names",
           "CORE_OUTPUTS", "core_outputs", "built_paths", "export_into", "export_to"]

#: what every build makes (with ``nquads="plain"``: ``kg.nq`` instead of ``kg.nq.gz``, :func:`core_outputs`)
CORE_OUTPUTS = ("extractions.jsonl", "documents.jsonl", NQ_FILES["gzip"], "oxigraph", "ladybug", "manifest.json")


def core_outputs(nquads: str = "gzip") -> tuple[str, ...]:
    """What every build with the N-Quads setting ``nquads`` makes."""
    return tuple(NQ_FILES[nquads] if n == NQ_FILES["gzip"] else n for n in CORE_OUTPUTS)


def _segmented(nquads: str) -> tuple[str, str, str]:
    """The files per-document segments are kept for, in the order of ``manifest["segments"]`` entries."""
    return ("extractions.jsonl", "documents.jsonl", NQ_FILES[nquads])


#: exports the build makes itself besides the registry's: the overview page
_OVERVIEW = ("overview", "overview.html")


def export_names() -> dict[str, str]:
    """Every export a build can make on request: name → file name (the registry's, plus ``overview``)."""
    out = {name: e.filename for name, e in EXPORTERS.items() if e.reads in ("graph", "nq")}
    out[_OVERVIEW[0]] = _OVERVIEW[1]
    return out


def outputs() -> tuple[str, ...]:
    """Every name a build directory may hold."""
    return CORE_OUTPUTS[:-1] + (NQ_FILES["plain"],) + tuple(sorted(set(export_names().values()))) \
        + CORE_OUTPUTS[-1:]


OUTPUTS = outputs()
ErrorHandler = Callable[[InputError], None]
Progress = Callable[[str, int, int], None]


@dataclass(slots=True)
class BuildResult:
    out_dir: Path
    documents: list[dict[str, Any]] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    reused: int = 0
    extracted: int = 0
    #: what the SHACL shapes find in the build's own output (only with ``shacl=True``)
    violations: list[Violation] = field(default_factory=list)
    fingerprint: str = ""          # of the pipeline that made the entries (computed once per build)
    quads: int = 0                 # lines of the N-Quads
    unchanged: bool = False        # nothing to do: the build directory already held this build
    incremental: bool = False      # made from the previous build (only changed documents redone)
    dropped: list[str] = field(default_factory=list)     # paths of documents no longer in the build
    failed_keys: set[str] = field(default_factory=set)   # files that could not be extracted
    #: document id → [offset, length] of its lines in extractions.jsonl, documents.jsonl and kg.nq(.gz)
    segments: dict[str, list[list[int]]] = field(default_factory=dict)

    @property
    def same_text(self) -> list[tuple[str, str]]:
        """(path, earlier path) of each document whose file is byte for byte an earlier one's (both built)."""
        first: dict[str, str] = {}
        out = []
        for d in self.documents:
            if d.get("sha256") in first:
                out.append((d["path"], first[d["sha256"]]))
            elif d.get("sha256"):
                first[d["sha256"]] = d["path"]
        return out

    @property
    def violation_count(self) -> int:
        return sum(1 for v in self.violations if v.severity == "Violation")

    def error(self, e: InputError, on_error: ErrorHandler | None) -> None:
        self.errors.append(e)
        if on_error:
            on_error(e)


@dataclass(frozen=True, slots=True)
class Options:
    exports: tuple[str, ...] = ()
    shacl: bool = False
    rdf_mentions: str = "summary"          # how kg.nq states mentions (policykg.graph.rdf.RDF_MENTIONS)
    nquads: str = "gzip"                   # kg.nq.gz or kg.nq (policykg.graph.nquads.NQUADS)

    def to_json(self) -> dict[str, Any]:
        return {"exports": list(self.exports), "shacl": self.shacl, "rdf_mentions": self.rdf_mentions,
                "nquads": self.nquads}


def pipeline_fingerprint() -> str:
    """Changes when the extraction code, the graph model and its serializations (N-Quads, property-graph
    parts: an incremental build copies an unchanged document's from the previous build), the ontology or
    its word lists change."""
    root = Path(policykg.__file__).resolve().parent
    extract_dir = Path(run.__code__.co_filename).resolve().parent
    kg_file = Path(document_graph.__code__.co_filename).resolve()
    h = hashlib.sha256(policykg.__version__.encode())
    check = Path(validate_document_graph.__code__.co_filename).resolve()      # the cached SHACL results
    graph_dir = kg_file.parent          # what a worker makes of a document: its quads and property-graph parts
    made = [graph_dir / f for f in ("rdf.py", "property.py", "ladybug_update.py")]
    files = sorted(extract_dir.rglob("*.py")) + [kg_file, *made, check, root / "chars.py", root / "textmap.py"] \
        + ttl_files()
    files.append(Path(str(policykg.ontology.shapes_path())))
    rules = Path(policykg.ontology.__file__).resolve().parent / "rules"
    files += sorted(rules.glob("*.yaml")) if rules.is_dir() else []
    for f in files:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def _file_key(path: Path, data: bytes) -> str:
    return hashlib.sha256(data + b"\0" + str(path).encode("utf-8", "surrogateescape")).hexdigest()


def _check_out_dir(out: Path) -> None:
    up = next((p for p in [out, *out.parents] if p.exists() or p.is_symlink()), None)
    if up is not None and not up.is_dir():
        raise InputError("exists and is not a directory; choose another -o", str(up))
    ours = ("manifest.json", ".cache", ".current", ".gen")
    if out.exists() and any(p.name != ".lock" for p in out.iterdir()) and \
            not any((out / n).exists() for n in ours):
        raise InputError("is a non-empty folder that is not a policykg build; choose another -o", str(out))


def _read_file(f: Path, result: BuildResult, on_error: ErrorHandler | None) -> bytes | None:
    """The file's bytes, with the reader's checks (size limit, no FIFOs or devices), or its one-line error."""
    try:
        return read_bytes(f)
    except InputError as e:
        result.error(e, on_error)
    return None


@dataclass(slots=True)
class _Planned:
    path: Path
    key: str
    cached: bool


def _plan(files: list[Path], cache: Path, result: BuildResult, on_error: ErrorHandler | None,
          shacl: bool) -> list[_Planned]:
    """Each readable file with its key, and whether its cache entry can be reused (an entry made
    without the SHACL check does not do for a build that asks for it)."""
    out = []
    for f in files:
        data = _read_file(f, result, on_error)
        if data is None:
            continue
        key = _file_key(f, data)
        cached = has_part(cache, key, "meta") and (not shacl or has_part(cache, key, "shacl"))
        out.append(_Planned(f, key, cached))
    return out


def _store(cache: Path, key: str, head: bytes, packed: dict[str, bytes]) -> None:
    """A document's cache files (their parts compressed by the worker); the metadata last, so an entry is
    whole when it exists."""
    for part, data in packed.items():
        write_part(cache, key, part, data)
    write_part(cache, key, "meta", pack(head))


# --- the per-document files: written, or copied from the previous build ------------------------

class _Thread:
    """``fn`` run in a thread (:meth:`start`, then :meth:`join` raises its error) or here (:meth:`run`)."""

    def __init__(self, fn: Callable[[], Any]) -> None:
        self.fn = fn
        self.error: BaseException | None = None
        self.thread: threading.Thread | None = None

    def run(self) -> None:
        self.fn()

    def _catch(self) -> None:
        try:
            self.fn()
        except BaseException as e:            # noqa: BLE001 — raised again by join()
            self.error = e

    def start(self) -> None:
        self.thread = threading.Thread(target=self._catch, daemon=True)
        self.thread.start()

    def wait(self) -> None:
        """Wait for the thread, if started; its error stays for :meth:`join` (or ``error``)."""
        if self.thread is not None:
            self.thread.join()
            self.thread = None

    def join(self) -> None:
        self.wait()
        if self.error is not None:
            error, self.error = self.error, None
            raise error


class _Writers:
    """extractions.jsonl, documents.jsonl and kg.nq.gz (or kg.nq), written while documents stream through;
    each document's byte range in each file is recorded (``segments``) for the next incremental build.

    An unchanged document's lines are not copied at once: its range is reserved and the copy queued
    (consecutive ranges of the previous file as one), so that :meth:`start` can copy them in a thread
    (in the kernel, ``copy_file_range``) while the stores are updated; :meth:`finish` waits for it."""

    def __init__(self, gen: Path, prev: _Prev | None, nquads: str) -> None:
        names = _segmented(nquads)
        self.fh: list[BinaryIO] = [(gen / name).open("wb") for name in names]
        self.prev = [(prev.gen / name).open("rb") for name in names] if prev else None
        self.pos = [0] * len(names)
        self.queued: list[list[list[int]]] = [[] for _ in names]     # per file: [from, to, length]
        self.segments: dict[str, list[list[int]]] = {}
        self.quads = 0
        self.copier = _Thread(self._copy_all)
        head = self._head(prev, nquads)
        self.quads += decode(head, nquads).count(b"\n")
        self._write(2, head)

    def _head(self, prev: _Prev | None, nquads: str) -> bytes:
        """The ontology's quads that open the N-Quads, as stored: the previous build's (the same pipeline,
        so the same ontology; parsing the ontology takes seconds), else made."""
        if self.prev is None or prev is None:
            return encode("".join(ontology_quads()).encode("utf-8"), nquads)
        ends = [seg[2][0] for seg in prev.manifest["segments"].values()]
        src = self.prev[2]
        src.seek(0)
        return src.read(min(ends)) if ends else src.read()

    def _write(self, i: int, data: bytes) -> None:
        fh = self.fh[i]
        if fh.tell() != self.pos[i]:                 # after a reserved range
            fh.seek(self.pos[i])
        fh.write(data)
        self.pos[i] += len(data)

    def add(self, doc_id: str, ext: bytes, doc: bytes, nq: bytes, quads: int) -> int:
        """Write a new document (``nq``: its N-Quads as stored, ``quads`` lines); its number of quads."""
        seg = []
        for i, data in enumerate((ext, doc, nq)):
            seg.append([self.pos[i], len(data)])
            self._write(i, data)
        self.segments[doc_id] = seg
        self.quads += quads
        return quads

    def copy(self, doc_id: str, prev_seg: list[list[int]], quads: int) -> None:
        """Reserve an unchanged document's lines, to be copied from the previous build's files byte for byte."""
        assert self.prev is not None
        seg = []
        for i, (off, length) in enumerate(prev_seg):
            seg.append([self.pos[i], length])
            runs = self.queued[i]
            if runs and runs[-1][0] + runs[-1][2] == off and runs[-1][1] + runs[-1][2] == self.pos[i]:
                runs[-1][2] += length
            else:
                runs.append([off, self.pos[i], length])
            self.pos[i] += length
        self.quads += quads
        self.segments[doc_id] = seg

    def start(self) -> None:
        """The new documents' lines on disk, then the queued copies in a thread."""
        for fh in self.fh:
            fh.flush()
        self.copier.start()

    def _copy_all(self) -> None:
        assert self.prev is not None or not any(self.queued)
        for i, runs in enumerate(self.queued):
            for off, to, length in runs:
                assert self.prev is not None
                _copy_range(self.prev[i].fileno(), self.fh[i].fileno(), off, to, length)

    def finish(self) -> None:
        """Wait for the copies and close the files; the copy's error, if any."""
        self.close()
        self.copier.join()

    def close(self) -> None:
        self.copier.wait()
        for fh in self.fh + (self.prev or []):
            fh.close()


def _copy_range(src: int, dst: int, offset: int, to: int, length: int) -> None:
    """Copy ``length`` bytes at ``offset`` of the file ``src`` to ``to`` in ``dst`` (descriptors)."""
    done = 0
    try:
        while done < length:
            n = os.copy_file_range(src, dst, length - done, offset + done, to + done)
            if n == 0:
                break
            done += n
    except (AttributeError, OSError):
        pass
    while done < length:                                    # no copy_file_range here: read and write
        data = os.pread(src, min(length - done, 1 << 24), offset + done)
        if not data:
            raise OSError(errno.EIO, "the previous build's file is shorter than its manifest says")
        done += os.pwrite(dst, data, to + done)


# --- one build --------------------------------------------------------------------------------

@dataclass(slots=True)
class _Prev:
    """The current build, as its manifest describes it."""

    gen: Path
    manifest: dict[str, Any]
    by_key: dict[str, dict[str, Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_key = {d["key"]: d for d in self.manifest.get("documents", []) if "key" in d}


def _previous(out: Path, m: dict[str, Any] | None, fp: str, rdf_mentions: str, nquads: str) -> _Prev | None:
    """The current build (its manifest ``m``) when the next one may start from it: same pipeline, RDF
    mentions and N-Quads file (a build that does not record it wrote ``kg.nq``), every output in place."""
    gen = out / CURRENT
    opts = (m or {}).get("options") or {}
    if m is None or m.get("fingerprint") != fp or "segments" not in m \
            or opts.get("rdf_mentions") != rdf_mentions or opts.get("nquads", "plain") != nquads \
            or not all((gen / n).exists() for n in core_outputs(nquads)):
        return None
    return _Prev(gen.resolve(), m)


@dataclass(slots=True)
class _Doc:
    planned: _Planned
    doc_id: str
    new: bool                      # not in the previous build (its lines are written, not copied)


def _nquads(kg_json: bytes, mentions: str, nquads: str) -> tuple[bytes, int]:
    """A document's N-Quads from its cached graph (``kg`` part), with mentions as ``mentions`` says, as
    the file of the setting ``nquads`` stores them; and their number."""
    data = "".join(kg_quads(KG.from_json(orjson.loads(kg_json)), mentions)).encode("utf-8")
    return encode(data, nquads), data.count(b"\n")


@dataclass(slots=True)
class _Stream:
    """One pass over the files in order: extract what is new (in parallel, results in order), write
    every document's lines (copied from the previous build when it had them)."""

    planned: list[_Planned]
    cache: Path
    gen: Path
    prev: _Prev | None
    result: BuildResult
    on_error: ErrorHandler | None
    rdf_mentions: str = "summary"
    nquads: str = "gzip"
    docs: list[_Doc] = field(default_factory=list)
    seen: dict[str, str] = field(default_factory=dict)

    writers: _Writers | None = None

    def run(self, results: Iterator[tuple[Path, Any]], progress: Progress | None, n_todo: int) -> None:
        """Every document's lines written or reserved; the reserved ones are copied in a thread after
        (:meth:`finish` waits for it)."""
        writers = self.writers = _Writers(self.gen, self.prev, self.nquads)
        for p in self.planned:
            if p.cached:
                self._reuse(p, writers)
                continue
            path, res = next(results)
            if progress:
                progress(str(path), self.result.extracted + len(self.result.failed_keys), n_todo)
            self._new(p, res, writers)
        self.result.quads = writers.quads
        self.result.segments = writers.segments
        writers.start()

    def finish(self) -> None:
        """The unchanged documents' lines copied (an error of the copy raised here)."""
        if self.writers is not None:
            self.writers.finish()

    def close(self) -> None:
        if self.writers is not None:
            self.writers.close()

    def _admit(self, p: _Planned, doc_id: str) -> bool:
        """A second file with the same document id is refused."""
        if doc_id in self.seen:
            self.result.error(InputError(f"document id '{doc_id}' is already used by {self.seen[doc_id]} "
                                         "(rename one of the files)", str(p.path)), self.on_error)
            return False
        self.seen[doc_id] = str(p.path)
        return True

    def _record(self, p: _Planned, head: dict[str, Any], quads: int, new: bool) -> None:
        self.docs.append(_Doc(p, head["doc_id"], new))
        self.result.documents.append({"id": head["doc_id"], "path": str(p.path), "sha256": head["sha256"],
                                      **head["meta"], "key": p.key, "quads": quads,
                                      "abspath": os.path.abspath(p.path)})

    def _new(self, p: _Planned, res: Any, writers: _Writers) -> None:
        if res.entry is None:
            self.result.error(InputError(res.error or "cannot be read", str(p.path)), self.on_error)
            self.result.failed_keys.add(p.key)
            return
        _store(self.cache, p.key, res.entry, res.cached)
        self.result.extracted += 1
        self.result.timings["validate"] = self.result.timings.get("validate", 0.0) + res.validate_seconds
        head = orjson.loads(res.entry)
        if self._admit(p, head["doc_id"]):
            parts = res.parts                     # the workers write N-Quads with summarized mentions, gzipped
            if self.rdf_mentions != "summary":
                nq, quads = _nquads(unpack(res.cached["kg"]), self.rdf_mentions, self.nquads)
            else:
                nq, quads = (parts["nq"] if self.nquads == "gzip" else decode(parts["nq"], "gzip")), res.quads
            self._record(p, head, writers.add(head["doc_id"], parts["ext"], parts["doc"], nq, quads), True)

    def _reuse(self, p: _Planned, writers: _Writers) -> None:
        self.result.reused += 1
        old = self.prev.by_key.get(p.key) if self.prev else None
        if old is not None and self.prev is not None:            # in the previous build: copy its lines
            head = {"doc_id": old["id"], "sha256": old["sha256"],
                    "meta": {k: old[k] for k in ("title", "type", "jurisdiction")}}
            if self._admit(p, old["id"]):
                writers.copy(old["id"], self.prev.manifest["segments"][old["id"]], old.get("quads", 0))
                self._record(p, head, old.get("quads", 0), False)
            return
        head = orjson.loads(read_part(self.cache, p.key, "meta"))
        if self._admit(p, head["doc_id"]):                       # cached but not in the previous build
            nq, quads = _nquads(read_part(self.cache, p.key, "kg"), self.rdf_mentions, self.nquads)
            ext, doc = (read_part(self.cache, p.key, part) for part in ("ext", "doc"))
            self._record(p, head, writers.add(head["doc_id"], ext, doc, nq, quads), True)


def _timed(result: BuildResult, name: str, fn: Callable[[], Any]) -> Any:
    t0 = time.perf_counter()
    out = fn()
    result.timings[name] = time.perf_counter() - t0
    return out


#: a build updates the previous store when at most one document in this many is new (else loads it anew)
UPDATE_SHARE = 4


def _oxigraph(gen: Path, docs: list[_Doc], prev: _Prev | None, result: BuildResult, nquads: str,
              pace: tuple[threading.Event, threading.Event] | None = None) -> None:
    """A cold load of the N-Quads (``pace``: the events ``alone`` and ``stop`` of
    :func:`~policykg.graph.stores.load_oxigraph`), or the previous store updated: removed and changed
    documents' graphs dropped, new ones loaded."""
    if prev is None:
        alone, stop = pace or (None, None)
        load_oxigraph(gen / "oxigraph", gen / NQ_FILES[nquads], alone, stop)
        return
    live = {d.doc_id for d in docs}
    gone = [d["id"] for d in prev.manifest["documents"] if d["id"] not in live or
            any(n.doc_id == d["id"] and n.new for n in docs)]
    with (gen / NQ_FILES[nquads]).open("rb") as nq:     # the new documents' lines, one at a time
        def lines(d: _Doc) -> bytes:
            offset, length = result.segments[d.doc_id][2]
            nq.seek(offset)
            return decode(nq.read(length), nquads)
        update_oxigraph(prev.gen / "oxigraph", gen / "oxigraph", [graph_iri(i) for i in gone],
                        (lines(d) for d in docs if d.new))
    result.incremental = True


def _graph(cache: Path, docs: list[_Doc]) -> PGraph:
    return to_property_graph(KG.from_json(orjson.loads(read_part(cache, d.planned.key, "kg"))) for d in docs)


@dataclass(slots=True)
class _Stores:
    """What the store stage leaves for the summary: the node and relationship counts and the LadybugDB
    tables (for the next build's update)."""

    kinds: dict[str, int]
    rels: dict[str, int]
    schema: dict[str, Any]


def _part(cache: Path, key: str, part: str) -> Any:
    return orjson.loads(read_part(cache, key, part))


#: in a generation: which documents hold each shared node and relationship and what they give it
#: (:func:`index_part`; for the next build's LadybugDB update, so it reads only the changed documents' parts)
_INDEX = ".shared-index.sqlite"


def _parts(cache: Path, key: str) -> tuple[Any, Any]:
    """A document's shared and local parts of its property graph (made from its graph, and kept, when the
    cache entry predates them)."""
    if has_part(cache, key, "shared") and has_part(cache, key, "local"):
        return _part(cache, key, "shared"), _part(cache, key, "local")
    shared, local = split(to_property_graph([KG.from_json(_part(cache, key, "kg"))]))
    write_part(cache, key, "shared", pack(orjson.dumps(shared)))
    write_part(cache, key, "local", pack(orjson.dumps(local)))
    return shared, local


#: in a generation: the spool of LadybugDB rows while the database is loaded (removed after)
_SPOOL = ".ladybug-rows"


def _spool(cache: Path, docs: list[_Doc], gen: Path) -> RowSpool:
    """Every document's rows, spooled table by table (:class:`RowSpool`), one document at a time."""
    spool = RowSpool(gen / _SPOOL)
    for d in docs:
        spool.add(d.doc_id, *_parts(cache, d.planned.key))
    return spool


def _load_ladybug(gen: Path, cache: Path, docs: list[_Doc], result: BuildResult) -> _Stores:
    """LadybugDB loaded anew from the documents' parts, streamed (the merged graph is never made), and
    the index of who holds each shared row, for the next build's update."""
    spool: RowSpool = _timed(result, "rows", lambda: _spool(cache, docs, gen))
    save_index(spool.index, gen / _INDEX)      # saved and dropped before the load, the build's memory peak
    spool.drop_index()
    try:
        _timed(result, "ladybug", lambda: load_ladybug(gen / "ladybug", spool))
    finally:
        spool.close()
        shutil.rmtree(gen / _SPOOL, ignore_errors=True)
    return _Stores(spool.counts(), spool.rel_counts(), spool.schema())


class _Ahead:
    """What an incremental build does in a thread while the documents are extracted and their lines copied
    (work that waits on the kernel, not on the interpreter): the previous LadybugDB copied into the new
    generation, and the Arrow modules the in-place update needs imported (with pandas: seconds)."""

    def __init__(self, prev: _Prev | None, gen: Path) -> None:
        self.job: _Thread | None = None
        if prev is not None:
            src, dst = prev.gen / "ladybug", gen / "ladybug"
            self.job = _Thread(lambda: self._run(src, dst))
            self.job.start()

    @staticmethod
    def _run(src: Path, dst: Path) -> None:
        shutil.copyfile(src, dst)
        import pyarrow
        pyarrow.array([0])                     # imports what making an Arrow table imports

    def copied(self) -> bool:
        """Whether the previous database was copied (waits for the thread; on an error the update copies
        the database itself)."""
        self.close()
        return self.job is not None and self.job.error is None

    def close(self) -> None:
        if self.job is not None:
            self.job.wait()


def _update_ladybug(gen: Path, cache: Path, docs: list[_Doc], prev: _Prev, ahead: _Ahead) -> _Stores | None:
    """The previous LadybugDB updated for the documents that went, changed or came (its counts and
    tables when that worked; None when the build must load the database anew).  Only the shared rows those
    documents hold are merged again, from the holders' index (:func:`fold_index`: what each document
    gives each shared row), so only the changed documents' parts are read."""
    schema = prev.manifest.get("ladybug_schema")
    old_docs = prev.manifest["documents"]
    old_key = {d["id"]: d["key"] for d in old_docs}          # an edited document has two versions: its
    new_key = {d.doc_id: d.planned.key for d in docs}        # old part and its new part
    live = set(new_key.values())
    gone = [d["id"] for d in old_docs if d["key"] not in live]
    came = [d.doc_id for d in docs if d.new]
    if schema is None or \
            not all(has_part(cache, old_key[i], "shared") for i in gone) or \
            not all(has_part(cache, new_key[i], p) for i in came for p in ("shared", "local")):
        return None
    if [d["id"] for d in old_docs if d["key"] in live] != [d.doc_id for d in docs if not d.new]:
        return None                  # the documents kept come in another order: the merge of every row may change
    went = [_part(cache, old_key[i], "shared") for i in gone]
    comes = [_part(cache, new_key[i], "shared") for i in came]
    nodes = {n[0] for p in went + comes for n in p["nodes"]}
    rels = {rel_key(r) for p in went + comes for r in p["rels"]}
    index = read_index(prev.gen / _INDEX, nodes, rels)
    if index is None:
        return None
    old = fold_index(index, nodes, rels, {d["id"]: i for i, d in enumerate(old_docs)})
    unindex(index, set(gone), went)
    for i, part in zip(came, comes, strict=True):
        index_part(index, i, part)
    new = fold_index(index, nodes, rels, {d.doc_id: i for i, d in enumerate(docs)})
    locals_ = [_part(cache, new_key[i], "local") for i in came]
    went_locals = [_part(cache, old_key[i], "local") for i in gone if has_part(cache, old_key[i], "local")]
    before = ((prev.manifest["node_counts"], prev.manifest["relationship_counts"]), went_locals) \
        if len(went_locals) == len(gone) and "relationship_counts" in prev.manifest else None   # counts: no recount
    counts = update_ladybug(prev.gen / "ladybug", gen / "ladybug", schema, gone, old, new, locals_, ahead.copied(),
                            before)
    if counts is None:
        return None
    write_rows(prev.gen / _INDEX, gen / _INDEX, index, nodes, rels)
    return _Stores(counts[0], counts[1], schema)


def _stores_and_exports(gen: Path, cache: Path, docs: list[_Doc], prev: _Prev | None,
                        result: BuildResult, options: Options, progress: Progress | None, ahead: _Ahead,
                        lines: Callable[[], None]) -> _Stores:
    """Oxigraph and LadybugDB (each updated from the previous build when it may be, else loaded anew),
    then the exports asked for.  ``lines`` waits until the unchanged documents' lines are copied: an
    update reads only the new documents' lines, a cold load and the exports every line."""
    steps = ["oxigraph", "ladybug", *options.exports]

    def step(name: str) -> None:
        if progress:
            progress(name, steps.index(name), len(steps))
    step("oxigraph")
    alone, stop = threading.Event(), threading.Event()
    oxigraph = _Thread(lambda: _timed(result, "oxigraph", lambda: _oxigraph(gen, docs, prev, result, options.nquads,
                                                                            (alone, stop))))
    if prev is None:
        _timed(result, "copy", lines)
    oxigraph.start()            # both stores at once: Oxigraph loads outside the interpreter, in threads
    step("ladybug")
    try:
        stores = _timed(result, "ladybug", lambda: _update_ladybug(gen, cache, docs, prev, ahead)) if prev else None
        if stores is None:
            ahead.close()
            _remove(gen / "ladybug")             # a copy of the previous database made ahead, not updated
            stores = _load_ladybug(gen, cache, docs, result)
        alone.set()                              # a cold Oxigraph load takes both cores from here
    except BaseException:
        stop.set()                               # the build fails: the store is not finished
        raise
    finally:
        oxigraph.join()
    _give_back_memory()
    if options.exports:                       # only these need the merged graph (asked for)
        _timed(result, "copy", lines)
        merged: list[PGraph] = []

        def graph() -> PGraph:
            if not merged:
                merged.append(_timed(result, "property_graph", lambda: _graph(cache, docs)))
            return merged[0]
        for name in options.exports:
            step(name)
            _timed(result, f"export {name}", lambda n=name: _export(n, graph, gen))  # type: ignore[misc]
    return stores


def _give_back_memory() -> None:
    """Return the memory the store loaders freed to the system (glibc keeps freed memory of other threads'
    arenas; Oxigraph's bulk loader runs in threads), so the next stage starts from what is in use."""
    with contextlib.suppress(OSError, AttributeError):
        import ctypes
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _export(name: str, graph: Callable[[], PGraph], gen: Path, path: Path | None = None) -> list[Path]:
    """Write the export ``name`` of the build in ``gen`` to ``path`` (default: its file in ``gen``);
    ``graph`` gives the property graph when the export is made from it.  The files written."""
    if name == _OVERVIEW[0]:
        out = path or gen / _OVERVIEW[1]
        render_html(make_view(graph(), "overview"), out)
        return [out]
    e = EXPORTERS.get(name)
    if e.reads == "nq":
        return e.write(gen, path or gen / e.filename)
    return e.write(graph(), path or gen / e.filename)


def export_to(out_dir: str | Path, name: str, path: Path) -> list[Path]:
    """Write the export ``name`` (one of :func:`export_names`) of the build in ``out_dir`` to ``path``,
    outside the build (later builds do not rewrite it).  The files written."""
    out = Path(out_dir)
    return _export(name, lambda: read_build_graph(out), out, path)


def _summary(stores: _Stores, result: BuildResult, options: Options) -> dict[str, Any]:
    kinds, rel = stores.kinds, stores.rels
    result.counts = {
        "documents": len(result.documents), "actors": kinds.get("Actor", 0),
        "instruments": kinds.get("PolicyInstrument", 0), "domains": kinds.get("Domain", 0),
        "measures": kinds.get("Measure", 0), "targets": kinds.get("Target", 0),
        "statistics": kinds.get("Statistic", 0), "cited documents": rel.get("CITES", 0),
        "triples": result.quads, "nodes": sum(kinds.values()), "relationships": sum(rel.values())}
    return {"policykg": policykg.__version__, "fingerprint": result.fingerprint,
            "built": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "options": options.to_json(),
            "documents": result.documents, "errors": [str(e) for e in result.errors],
            "failed": sorted(result.failed_keys),
            "counts": result.counts, "node_counts": kinds, "relationship_counts": rel,
            "shacl": shacl_report(result.violations) if options.shacl else None,
            "segments": result.segments, "ladybug_schema": stores.schema}


#: how many SHACL results a build's summary and manifest spell out
SHACL_SHOWN = 5


def shacl_report(violations: list[Violation]) -> dict[str, Any]:
    """The SHACL part of the manifest: counts by severity and the first few results with their sentences."""
    return {"violations": sum(1 for v in violations if v.severity == "Violation"),
            "other": sum(1 for v in violations if v.severity != "Violation"),
            "first": [{"severity": v.severity, "focus": v.focus, "path": v.path, "message": v.message,
                       "sentence": v.sentence} for v in violations[:SHACL_SHOWN]]}


def _violations(docs: list[_Doc], cache: Path) -> list[Violation]:
    out = []
    for d in docs:
        out += [Violation(**v) for v in _part(cache, d.planned.key, "shacl")]
    out.sort(key=lambda v: (v.severity != "Violation", v.focus, v.path or "", v.message))
    return out


# --- generations, the lock and the switch ------------------------------------------------------

GEN_DIR = ".gen"
CURRENT = ".current"
LOCK = ".lock"
CACHE = ".cache"


def _remove(p: Path) -> None:
    if p.is_dir() and not p.is_symlink():
        shutil.rmtree(p)
    elif p.is_symlink() or p.exists():
        p.unlink()


def _current_gen(out: Path) -> str | None:
    """The name of the generation ``DIR/.current`` points to (None before the first build)."""
    try:
        target = os.readlink(out / CURRENT)
    except OSError:
        return None
    return Path(target).name


def _lock(out: Path) -> int:
    """Hold an exclusive lock on ``DIR/.lock`` (released when the process ends, also by kill -9)."""
    fd = os.open(out / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        pid = os.read(fd, 32).decode("ascii", "replace").strip() or "?"
        os.close(fd)
        raise InputError(f"another build is running (pid {pid}); wait for it or build elsewhere", str(out)) from None
    os.ftruncate(fd, 0)
    os.write(fd, str(os.getpid()).encode())
    return fd


def _unlock(fd: int) -> None:
    try:
        os.ftruncate(fd, 0)
    except OSError:
        pass
    os.close(fd)                                                # closing the descriptor releases the lock


def _clean_leftovers(out: Path) -> None:
    """Remove what killed or failed builds left: old-style ``.tmp-*`` folders, half-made symlinks and cache
    files; generations other than the current one (the previous build's, after a switch) are renamed out
    of ``.gen`` and deleted in the background (:func:`_discard`).  We hold the lock: no other build runs."""
    keep = _current_gen(out)
    for p in out.glob(".tmp-*"):
        _remove(p)
    for p in out.glob("*.pkg-new"):
        _remove(p)
    for p in (out / CACHE).rglob("*.tmp-*"):
        _remove(p)
    gens = out / GEN_DIR
    _discard(out, [p for p in gens.iterdir() if p.name != keep] if gens.is_dir() else [])


#: the prefix of a generation being deleted (``DIR/.trash-<n>-<pid>-<ns>``: out of ``.gen``, so it is
#: never taken for a build; what a crash leaves of one is deleted by the next build)
_TRASH = ".trash-"


def _discard(out: Path, paths: list[Path]) -> None:
    """Rename ``paths`` (folders of ``out``) aside at once, then delete them and any earlier ``.trash-*``
    in a detached process, so that a build never waits for gigabytes to be unlinked (seconds)."""
    for p in paths:
        try:
            os.replace(p, out / f"{_TRASH}{p.name}-{os.getpid()}-{time.monotonic_ns()}")
        except OSError:
            _remove(p)
    trash = [str(p) for p in out.glob(f"{_TRASH}*")]
    if not trash:
        return
    try:                 # the shell puts rm in the background and returns: rm outlives the build, no zombie
        subprocess.run(["/bin/sh", "-c", 'rm -rf -- "$@" </dev/null >/dev/null 2>&1 &', "sh", *trash],
                       check=True, timeout=30, start_new_session=True)
    except (OSError, subprocess.SubprocessError):
        for t in trash:
            shutil.rmtree(t, ignore_errors=True)


def _next_gen(out: Path) -> Path:
    gens = out / GEN_DIR
    gens.mkdir(exist_ok=True)
    used = [int(p.name) for p in gens.iterdir() if p.name.isdigit()]
    gen = gens / str(max(used, default=0) + 1)
    gen.mkdir()
    return gen


def _link(out: Path, name: str, target: str) -> None:
    """Make ``DIR/name`` the symlink ``target`` in one step (a new symlink renamed over the old one)."""
    dst = out / name
    if dst.is_symlink() and os.readlink(dst) == target:
        return
    new = out / f"{name}.pkg-new"
    _remove(new)
    os.symlink(target, new)
    os.replace(new, dst)


def _migrate(out: Path) -> None:
    """Move the outputs of a build from before generations (real files at top level) into a generation and
    leave symlinks in their place; resumable if interrupted."""
    legacy = [n for n in outputs() if (out / n).exists() and not (out / n).is_symlink()]
    if not legacy:
        return
    if _current_gen(out) is None:
        _link(out, CURRENT, f"{GEN_DIR}/{_next_gen(out).name}")
    gen = out / GEN_DIR / str(_current_gen(out))
    gen.mkdir(parents=True, exist_ok=True)
    for name in legacy:
        if (gen / name).exists():
            _remove(gen / name)
        os.replace(out / name, gen / name)
        _link(out, name, f"{CURRENT}/{name}")


def _switch(gen: Path, out: Path) -> None:
    """Make ``gen`` the build: every top-level name links through ``.current``, then ``.current`` is
    replaced by one rename; then the links of outputs not made this time (exports not asked for) go."""
    for name in outputs():
        if (gen / name).exists():
            _link(out, name, f"{CURRENT}/{name}")
    _link(out, CURRENT, f"{GEN_DIR}/{gen.name}")
    _fsync_dir(out)
    for name in outputs():                       # the links of outputs this build did not make
        if (out / name).is_symlink() and not (gen / name).exists():
            (out / name).unlink()


def _fsync_dir(d: Path) -> None:
    try:
        fd = os.open(d, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_error(out: Path, e: OSError) -> InputError:
    reason = e.strerror or str(e) or type(e).__name__
    if e.errno in (errno.ENOSPC, errno.EDQUOT):
        reason = "the disk is full"
    elif e.errno == errno.EROFS:
        reason = "the file system is read-only"
    return InputError(f"cannot write the build ({reason}); the previous build is unchanged", str(out))


def _prune_cache(root: Path, fp: str, live: set[str]) -> None:
    """Keep only the current pipeline's entries of the documents in the build."""
    for p in root.iterdir():
        if p.name != fp:
            _remove(p)                    # another pipeline's entries, or the cache of an older policykg
    for stale in (root / fp).iterdir():
        if stale.name.partition(".")[0] not in live:
            stale.unlink()                # a document no longer built
        elif not is_part_file(stale.name) and not upgrade(root / fp, stale.name):
            stale.unlink()                # not a part (a part of the older, uncompressed kind is upgraded)


def built_paths(out_dir: str | Path) -> list[str]:
    """The input paths of the current build in ``out_dir`` (empty when there is none)."""
    m = read_manifest(Path(out_dir))
    return [d["path"] for d in m["documents"]] if m else []


def _check_drops(out: Path, m: dict[str, Any] | None, files: list[Path], prune: bool, result: BuildResult) -> None:
    """Refuse to drop documents of the current build (manifest ``m``) that were not given again, unless
    ``prune``."""
    given = {str(f) for f in files} | {os.path.abspath(f) for f in files}    # as given, or the same file
    built = m["documents"] if m else []
    dropped = [d["path"] for d in built if d["path"] not in given and d.get("abspath") not in given]
    result.dropped = dropped
    if dropped and not prune:
        names = ", ".join(Path(p).name for p in dropped[:3]) + (f" and {len(dropped) - 3} more" if len(dropped) > 3
                                                                else "")
        moved = {Path(p).name for p in dropped} <= {f.name for f in files}
        hint = ("; a document is identified by its path and content, so files moved to another folder are new "
                "documents: add --prune to build them there anew" if moved else
                "; give them too, add --prune to drop them, or use 'policykg add'")
        raise InputError(f"this build holds {len(dropped)} document(s) not given again ({names}){hint}", str(out))


def _unchanged(prev: _Prev | None, planned: list[_Planned], options: Options) -> bool:
    """Whether the build directory already holds exactly this build (same files, pipeline, options)."""
    if prev is None or prev.manifest.get("options") != options.to_json():
        return False
    m = prev.manifest
    built = [(d["path"], d["key"]) for d in m["documents"]]
    failed = set(m.get("failed", []))
    return [(str(p.path), p.key) for p in planned if p.key not in failed] == built


def _result_from_manifest(prev: _Prev, result: BuildResult, t_start: float) -> BuildResult:
    m = prev.manifest
    result.unchanged = True
    result.documents = [d for d in m["documents"]]
    result.counts = dict(m["counts"])
    result.quads = int(m["counts"].get("triples", 0))
    result.reused = len(result.documents)
    if m.get("shacl"):
        result.violations = [Violation(**{**v, "sentence_id": None}) for v in m["shacl"]["first"]]
    result.timings["total"] = time.perf_counter() - t_start
    return result


def build(paths: Iterable[str | Path], out_dir: str | Path, progress: Progress | None = None,
          on_error: ErrorHandler | None = None, jobs: int = 1, dask: str | None = None,
          exports: Iterable[str] = (), shacl: bool = False, prune: bool = False,
          doc_timeout: float | None = None, rdf_mentions: str | None = None, nquads: str | None = None) -> BuildResult:
    """Build everything from ``paths`` into ``out_dir``; see the module docstring.

    ``jobs`` processes extract the changed documents (``dask``: the address of a Dask scheduler, or
    ``"local"`` for a LocalCluster, instead); the outputs are the same whatever either is.  ``exports``:
    names from :func:`export_names` to write as well (``all``; those the build in ``out_dir`` already
    writes are kept, unless ``none`` is among them).  ``prune``: drop the documents of the current
    build that are not among ``paths`` (refused otherwise).  ``doc_timeout``: seconds one document may
    take (:func:`policykg.parallel.doc_timeout`).  ``rdf_mentions``: ``summary`` or ``full``
    (:mod:`policykg.graph.rdf`; default: the current build's, else ``summary``).  ``nquads``: ``gzip``
    (``kg.nq.gz``) or ``plain`` (``kg.nq``; :mod:`policykg.graph.nquads`; default: the current build's, else
    ``gzip``).
    """
    t_start = time.perf_counter()
    out = Path(out_dir)
    _check_out_dir(out)
    paths = list(paths)
    files = list(expand_paths(paths))
    fresh = not out.exists()                    # made by this build: removed again if nothing is built
    exports = tuple(exports)
    _check_exports(e for e in exports if e != "none")                 # a name that does not exist: before anything
    lock = _open(out)
    gen: Path | None = None
    switched = False
    result = BuildResult(out)
    try:
        _clean_leftovers(out)
        _migrate(out)
        m = read_manifest(out)                                  # the current build, read under the lock
        options = _options(m, exports, shacl, rdf_mentions, nquads)
        _check_drops(out, m, files, prune, result)
        fp = result.fingerprint = pipeline_fingerprint()
        cache = out / CACHE / fp
        cache.mkdir(parents=True, exist_ok=True)
        planned = _timed(result, "hash", lambda: _plan(files, cache, result, on_error, shacl))
        _NothingBuilt.check(planned, paths, out, m, result)
        prev = _previous(out, m, fp, options.rdf_mentions, options.nquads)
        if _unchanged(prev, planned, options):
            assert prev is not None
            return _result_from_manifest(prev, result, t_start)
        gen = _next_gen(out)
        n_new = sum(1 for p in planned if not (p.cached and prev is not None and p.key in prev.by_key))
        update = prev is not None and n_new <= max(1, len(planned) // UPDATE_SHARE)
        stream = _Stream(planned, cache, gen, prev, result, on_error, options.rdf_mentions, options.nquads)
        todo = [p.path for p in planned if not p.cached]
        ahead = _Ahead(prev if update else None, gen)
        with contextlib.closing(ahead), contextlib.closing(stream):     # joined however the build ends
            with contextlib.closing(extract_many(todo, fp, jobs=jobs, dask=dask, timeout=doc_timeout,
                                                 shacl=shacl)) as results:
                _timed(result, "extract", lambda: stream.run(results, progress, len(todo)))
            docs, failed = stream.docs, result.failed_keys
            _NothingBuilt.check(docs, paths, out, m, result)
            stores = _stores_and_exports(gen, cache, docs, prev if update else None, result, options,
                                         progress, ahead, stream.finish)
            if "copy" not in result.timings:
                _timed(result, "copy", stream.finish)       # the unchanged lines, copied meanwhile
        _write_manifest(gen, stores, result, options, t_start, _violations(docs, cache) if shacl else [])
        _switch(gen, out)
        switched = True
        _clean_leftovers(out)                                   # the previous generation
        _prune_cache(out / CACHE, fp, {d.planned.key for d in docs} | failed)
    except OSError as e:
        if switched:                                            # the new build is in place; only tidying failed
            return result
        raise _write_error(out, e) from None
    except _NothingBuilt:
        if fresh:
            shutil.rmtree(out, ignore_errors=True)
        raise
    finally:
        if gen is not None and not switched:
            shutil.rmtree(gen, ignore_errors=True)
        _unlock(lock)
    return result


class _NothingBuilt(InputError):
    """No file given could be read or extracted: the build is refused, the previous one kept (a typo in a
    path with ``--prune`` must not leave an empty build)."""

    def __init__(self, paths: list[str | Path], out: Path, had_build: bool, failed: int) -> None:
        kept = "the previous build is kept" if had_build else f"{out} was not made"
        why = f"{failed} file(s) failed" if failed else f"supported: {' '.join(supported())}"
        where = ", ".join(str(p) for p in paths[:3]) + (f" and {len(paths) - 3} more" if len(paths) > 3 else "")
        super().__init__(f"no documents to build ({why}); {kept}", where or str(out))

    @classmethod
    def check(cls, found: list[Any], paths: list[str | Path], out: Path, m: dict[str, Any] | None,
              result: BuildResult) -> None:
        """Refuse the build when nothing was ``found`` to build (``m``: the current build's manifest)."""
        if not found:
            raise cls(paths, out, m is not None, len(result.errors))


def _open(out: Path) -> int:
    """The build directory made and locked (its lock's descriptor), or the one line saying why not."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        return _lock(out)
    except OSError as e:
        raise _write_error(out, e) from None


def _write_manifest(gen: Path, stores: _Stores, result: BuildResult, options: Options, t_start: float,
                    violations: list[Violation]) -> None:
    result.violations = violations
    manifest = _summary(stores, result, options)
    result.timings["total"] = time.perf_counter() - t_start
    manifest["timings"] = {k: round(v, 3) for k, v in result.timings.items()}
    (gen / "manifest.json").write_bytes(_manifest_bytes(manifest))


def _manifest_bytes(manifest: dict[str, Any]) -> bytes:
    """The manifest as UTF-8 JSON; the bytes of a file name that is not UTF-8 (in an error line: such a file
    is refused) written as ``\\udcff`` escapes, as JSON says them, not as invalid text."""
    return json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8", "backslashreplace")


def _with_recorded(m: dict[str, Any] | None, exports: tuple[str, ...]) -> tuple[str, ...]:
    """The exports the current build (manifest ``m``) keeps writing (asked for by earlier builds or
    ``policykg export``), then those asked for now; ``none`` forgets the recorded ones."""
    if "none" in exports:
        return tuple(e for e in exports if e != "none")
    return tuple(((m or {}).get("options") or {}).get("exports", ())) + exports


def _options(m: dict[str, Any] | None, exports: tuple[str, ...], shacl: bool, rdf_mentions: str | None,
             nquads: str | None) -> Options:
    """The options of this build: those given, else the current build's (manifest ``m``), else the defaults."""
    recorded = (m or {}).get("options") or {}
    return Options(_check_exports(_with_recorded(m, exports)), shacl,
                   _check_mentions(rdf_mentions or recorded.get("rdf_mentions") or "summary"),
                   _check_nquads(nquads or recorded.get("nquads") or NQUADS[0]))


def _check_mentions(mode: str) -> str:
    if mode not in RDF_MENTIONS:
        raise InputError(f"no RDF mentions setting '{mode}' (choose from: {', '.join(RDF_MENTIONS)})")
    return mode


def _check_nquads(mode: str) -> str:
    if mode not in NQUADS:
        raise InputError(f"no N-Quads setting '{mode}' (choose from: {', '.join(NQUADS)})")
    return mode


def _check_exports(exports: Iterable[str]) -> tuple[str, ...]:
    """The exports to write: those every build writes (registered ``in_build``), then those asked for."""
    names = export_names()
    out = [name for name, e in EXPORTERS.items() if e.in_build and name in names]
    for e in exports:
        if e == "all":
            out += [n for n in names if n not in out]
            continue
        if e not in names:
            raise InputError(f"no export named '{e}' (choose from: all, {', '.join(sorted(names))})")
        if e not in out:
            out.append(e)
    return tuple(out)


def export_into(out_dir: str | Path, name: str) -> list[Path]:
    """Write the export ``name`` into the current build in ``out_dir`` (under the build lock, into its
    generation, linked at top level), and record it, so the next builds keep writing it."""
    out = Path(out_dir)
    names = export_names()
    if name not in names:
        raise InputError(f"no export named '{name}' (choose from: {', '.join(sorted(names))})")
    try:
        lock = _lock(out)
    except OSError as e:
        raise _write_error(out, e) from None
    try:
        m = read_manifest(out)
        cur = _current_gen(out)
        if m is None or cur is None:
            raise InputError("not a build directory (run 'policykg build PATHS -o DIR' first)", str(out))
        gen = out / GEN_DIR / cur
        tmp = gen / f".{names[name]}.tmp-{os.getpid()}"
        _remove(tmp)
        _export(name, lambda: read_build_graph(out), gen, tmp)
        _remove(gen / names[name])
        os.replace(tmp, gen / names[name])
        _link(out, names[name], f"{CURRENT}/{names[name]}")
        opts = m.setdefault("options", {"exports": [], "shacl": False})
        if name not in opts.setdefault("exports", []):
            opts["exports"].append(name)
            write_atomic(gen / "manifest.json", json.dumps(m, ensure_ascii=False, indent=1).encode("utf-8"))
        return [gen / names[name]]
    except OSError as e:
        raise _write_error(out, e) from None
    finally:
        _unlock(lock)
