"""``policykg build``: documents → extraction → RDF, stores and exports in one directory.

Each input file is identified by the SHA-256 of its bytes and its path.  Its
structured document, extraction records and graph are cached under
``DIR/.cache`` (with a fingerprint of the pipeline code and ontology), so a
rebuild re-extracts only files whose content changed; files no longer given
drop out of every output.

Outputs are written into a new generation folder ``DIR/.gen/<n>``; the build
switches to it at once by replacing the one symlink ``DIR/.current -> .gen/<n>``
(``os.replace``), and each top-level name is a fixed symlink into it
(``DIR/kg.nq -> .current/kg.nq``), so readers keep opening ``DIR/kg.nq``.  A
build that fails or is killed (even with kill -9) leaves the previous build
whole; its leftovers are removed by the next build.  Two builds into one
directory are serialized by an exclusive lock on ``DIR/.lock``; the second one
is refused with a one-line message.  A directory built before generations
existed (real files at top level) is moved into a generation on the next
build.  The build checks each document's graph against the ontology's SHACL
shapes (those extraction can break; the result is cached with the document) and
reports what violates them in ``BuildResult.violations`` and ``manifest.json``
(``shacl``: counts and the first few, each with its sentence).

This is the application layer: it composes :func:`policykg.extract.pipeline.run`,
:func:`policykg.graph.kg.document_graph`, the stores, the exporters registered in
:data:`policykg.graph.export.EXPORTERS` and the overview view.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import os
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

import policykg
import policykg.ontology
from policykg.errors import InputError
from policykg.extract.document.ingest import expand_paths
from policykg.extract.pipeline import run
from policykg.extract.text.read import read_bytes
from policykg.graph.export import EXPORTERS, write_graph_json
from policykg.graph.kg import KG, document_graph
from policykg.graph.property import PGraph, to_property_graph
from policykg.graph.rdf import kg_quads, ontology_quads, write_serializations
from policykg.graph.stores import load_ladybug, load_oxigraph
from policykg.graph.validate import Violation, validate_document_graph
from policykg.ontology import ttl_files
from policykg.parallel import extract_many
from policykg.viz import make_view, render_html

__all__ = ["build", "BuildResult", "OUTPUTS", "pipeline_fingerprint", "shacl_report"]

#: what a build directory holds besides the exporters' files
CORE_OUTPUTS = ("extractions.jsonl", "documents.jsonl", "kg.nq", "kg.ttl", "kg.jsonld", "oxigraph", "ladybug",
                "graph.json", "overview.html", "manifest.json")


def outputs() -> tuple[str, ...]:
    """Every name a build directory may hold (the exporters' files included)."""
    return CORE_OUTPUTS[:-1] + tuple(e.filename for _, e in EXPORTERS.items() if e.in_build) + CORE_OUTPUTS[-1:]


OUTPUTS = outputs()
ErrorHandler = Callable[[InputError], None]


@dataclass(slots=True)
class BuildResult:
    out_dir: Path
    documents: list[dict[str, Any]] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    reused: int = 0
    extracted: int = 0
    #: what the SHACL shapes find in the build's own output (graph/validate.py ``validate_document_graph``)
    violations: list[Violation] = field(default_factory=list)
    fingerprint: str = ""          # of the pipeline that made the entries (computed once per build)
    quads: int = 0                 # lines written to kg.nq (counted as they are written)

    @property
    def violation_count(self) -> int:
        return sum(1 for v in self.violations if v.severity == "Violation")

    def error(self, e: InputError, on_error: ErrorHandler | None) -> None:
        self.errors.append(e)
        if on_error:
            on_error(e)


def pipeline_fingerprint() -> str:
    """Changes when the extraction code, the graph model, the ontology or its word lists change."""
    root = Path(policykg.__file__).resolve().parent
    extract_dir = Path(run.__code__.co_filename).resolve().parent
    kg_file = Path(document_graph.__code__.co_filename).resolve()
    h = hashlib.sha256(policykg.__version__.encode())
    check = Path(validate_document_graph.__code__.co_filename).resolve()      # the cached SHACL results
    files = sorted(extract_dir.rglob("*.py")) + [kg_file, check, root / "chars.py", root / "textmap.py"] + ttl_files()
    files.append(Path(str(policykg.ontology.shapes_path())))
    rules = Path(policykg.ontology.__file__).resolve().parent / "rules"
    files += sorted(rules.glob("*.yaml")) if rules.is_dir() else []
    for f in files:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def _write_atomic(path: Path, data: bytes) -> None:
    """Write a cache file so that a killed build never leaves a truncated one."""
    tmp = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _file_key(path: Path, data: bytes) -> str:
    return hashlib.sha256(data + b"\0" + str(path).encode("utf-8")).hexdigest()


def _check_out_dir(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise InputError("exists and is not a directory", str(out))
    ours = ("manifest.json", ".cache", ".current", ".gen")
    if out.exists() and any(p.name != ".lock" for p in out.iterdir()) and \
            not any((out / n).exists() for n in ours):
        raise InputError("is a non-empty folder that is not a policykg build; choose another -o", str(out))


def _cached_entry(path: Path, fp: str) -> dict[str, Any] | None:
    if not path.exists():
        return None
    try:
        entry = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None
    return entry if entry.get("fingerprint") == fp else None


class _Writers:
    """The per-document outputs written while documents stream through."""

    def __init__(self, tmp: Path) -> None:
        self.ext = (tmp / "extractions.jsonl").open("wb")
        self.docs = (tmp / "documents.jsonl").open("wb")
        self.nq = (tmp / "kg.nq").open("w", encoding="utf-8")
        self.quads = 0
        self._quads(ontology_quads())

    def _quads(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.nq.write(line)
            self.quads += 1

    def add(self, entry: dict[str, Any], kg: KG) -> None:
        for r in entry["records"]:
            self.ext.write(orjson.dumps(r) + b"\n")
        self.docs.write(orjson.dumps(entry["document"]) + b"\n")
        self._quads(kg_quads(kg))

    def close(self) -> None:
        for fh in (self.ext, self.docs, self.nq):
            fh.close()


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


def _plan(files: list[Path], cache: Path, fp: str, result: BuildResult,
          on_error: ErrorHandler | None) -> list[_Planned]:
    """Each readable file with its cache key, and whether its cache entry can be reused."""
    out = []
    for f in files:
        data = _read_file(f, result, on_error)
        if data is None:
            continue
        key = _file_key(f, data)
        out.append(_Planned(f, key, _cached_entry(cache / f"{key}.json", fp) is not None))
    return out


def _extract_new(planned: list[_Planned], cache: Path, fp: str, result: BuildResult, on_error: ErrorHandler | None,
                 progress: Callable[[str, int, int], None] | None, jobs: int, dask: str | None) -> set[str]:
    """Extract the files whose cache entries are missing or stale (in ``jobs`` processes, or on a Dask
    cluster) and write their entries; the keys that failed."""
    todo = [p for p in planned if not p.cached]
    by_path = {str(p.path): p for p in todo}
    failed: set[str] = set()
    for i, (path, res) in enumerate(extract_many([p.path for p in todo], fp, jobs=jobs, dask=dask)):
        if progress:
            progress(str(path), i, len(todo))
        p = by_path[str(path)]
        if res.entry is None:
            result.error(InputError(res.error or "cannot be read", str(path)), on_error)
            failed.add(p.key)
            continue
        _write_atomic(cache / f"{p.key}.json", res.entry)
        result.extracted += 1
        result.timings["validate"] = result.timings.get("validate", 0.0) + res.validate_seconds
    result.reused += len(planned) - len(todo)
    return failed


def _entry_of(p: _Planned, cache: Path) -> dict[str, Any]:
    entry = orjson.loads((cache / f"{p.key}.json").read_bytes())
    kg_path = cache / f"{p.key}.kg.json"
    if not kg_path.exists():
        _write_atomic(kg_path, orjson.dumps(entry["kg"]))
    return entry


def _extract_all(files: list[Path], cache: Path, tmp: Path, result: BuildResult,
                 progress: Callable[[str, int, int], None] | None, on_error: ErrorHandler | None,
                 jobs: int = 1, dask: str | None = None) -> list[str]:
    """Extract what changed (in parallel), then stream every document, in the order of the files, into
    the per-document outputs; the live cache keys.  The outputs do not depend on ``jobs`` or ``dask``."""
    fp = result.fingerprint = pipeline_fingerprint()
    planned = _plan(files, cache, fp, result, on_error)
    failed = _extract_new(planned, cache, fp, result, on_error, progress, jobs, dask)
    seen_ids: dict[str, str] = {}
    keys: list[str] = []
    writers = _Writers(tmp)
    try:
        for p in planned:
            if p.key in failed:
                continue
            entry = _entry_of(p, cache)
            doc_id = entry["doc_id"]
            if doc_id in seen_ids:
                result.error(InputError(f"document id '{doc_id}' is already used by {seen_ids[doc_id]} "
                                        "(rename one of the files)", str(p.path)), on_error)
                continue
            seen_ids[doc_id] = str(p.path)
            keys.append(p.key)
            writers.add(entry, KG.from_json(entry["kg"]))
            result.violations += [Violation(**v) for v in entry["shacl"]["results"]]
            meta = entry["document"]["meta"]
            result.documents.append({"id": doc_id, "path": str(p.path), "sha256": entry["sha256"],
                                     "title": meta["title"], "type": meta["doc_type"],
                                     "jurisdiction": meta["jurisdiction"]})
    finally:
        writers.close()
        result.quads = writers.quads
    return keys


def _timed(result: BuildResult, name: str, fn: Callable[[], Any]) -> Any:
    t0 = time.perf_counter()
    out = fn()
    result.timings[name] = time.perf_counter() - t0
    return out


def _stores_and_exports(tmp: Path, cache: Path, keys: list[str], result: BuildResult, html: bool) -> PGraph:
    _timed(result, "rdf", lambda: write_serializations(tmp / "kg.nq", tmp))
    _timed(result, "oxigraph", lambda: load_oxigraph(tmp / "oxigraph", tmp / "kg.nq"))  # closed on return

    def property_graph() -> PGraph:
        g = to_property_graph(KG.from_json(orjson.loads((cache / f"{k}.kg.json").read_bytes())) for k in keys)
        write_graph_json(g, tmp / "graph.json")
        return g
    g: PGraph = _timed(result, "property_graph", property_graph)
    _timed(result, "ladybug", lambda: load_ladybug(tmp / "ladybug", g))

    def exports() -> None:
        for _, e in EXPORTERS.items():
            if e.in_build:
                e.write(g, tmp / e.filename)
    _timed(result, "exports", exports)
    if html:
        _timed(result, "overview", lambda: render_html(make_view(g, "overview"), tmp / "overview.html"))
    return g


def _summary(g: PGraph, result: BuildResult) -> dict[str, Any]:
    triples = result.quads
    kinds, rel = g.counts(), g.rel_counts()
    result.counts = {
        "documents": len(result.documents), "actors": kinds.get("Actor", 0),
        "instruments": kinds.get("PolicyInstrument", 0), "domains": kinds.get("Domain", 0),
        "measures": kinds.get("Measure", 0), "targets": kinds.get("Target", 0),
        "statistics": kinds.get("Statistic", 0), "cited documents": rel.get("CITES", 0),
        "triples": triples, "nodes": len(g.nodes), "relationships": len(g.rels)}
    return {"policykg": policykg.__version__, "fingerprint": result.fingerprint,
            "built": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "documents": result.documents,
            "errors": [str(e) for e in result.errors], "counts": result.counts,
            "node_counts": kinds, "relationship_counts": rel, "shacl": shacl_report(result.violations)}


#: how many SHACL results a build's summary and manifest spell out
SHACL_SHOWN = 5


def shacl_report(violations: list[Violation]) -> dict[str, Any]:
    """The SHACL part of the manifest: counts by severity and the first few results with their sentences."""
    return {"violations": sum(1 for v in violations if v.severity == "Violation"),
            "other": sum(1 for v in violations if v.severity != "Violation"),
            "first": [{"severity": v.severity, "focus": v.focus, "path": v.path, "message": v.message,
                       "sentence": v.sentence} for v in violations[:SHACL_SHOWN]]}


# --- generations, the lock and the switch ------------------------------------------------------

GEN_DIR = ".gen"
CURRENT = ".current"
LOCK = ".lock"


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
    """Remove what killed or failed builds left: old-style ``.tmp-*`` folders, generations other than the
    current one, half-made symlinks and cache files (we hold the lock: no other build is running)."""
    keep = _current_gen(out)
    for p in out.glob(".tmp-*"):
        _remove(p)
    for p in out.glob("*.pkg-new"):
        _remove(p)
    for p in (out / ".cache").glob("*.tmp-*"):
        _remove(p)
    gens = out / GEN_DIR
    if gens.is_dir():
        for p in gens.iterdir():
            if p.name != keep:
                _remove(p)


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
    replaced by one rename; outputs not made this time (e.g. --no-html) are dangling links, so absent."""
    for name in outputs():
        _link(out, name, f"{CURRENT}/{name}")
    _link(out, CURRENT, f"{GEN_DIR}/{gen.name}")
    _fsync_dir(out)


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


def _prune_cache(cache: Path, live: set[str]) -> None:
    for stale in cache.glob("*.json"):          # removed or changed files drop out
        if stale.name.split(".", 1)[0] not in live:
            stale.unlink()


def build(paths: Iterable[str | Path], out_dir: str | Path,
          progress: Callable[[str, int, int], None] | None = None,
          on_error: ErrorHandler | None = None, html: bool = True, jobs: int = 1,
          dask: str | None = None) -> BuildResult:
    """Build everything from ``paths`` into ``out_dir``; see the module docstring.

    ``jobs`` processes extract the changed documents (``dask``: the address of a Dask scheduler, or
    ``"local"`` for a LocalCluster, instead); the outputs are the same whatever either is.
    """
    t_start = time.perf_counter()
    out = Path(out_dir)
    _check_out_dir(out)
    files = list(expand_paths(paths))
    try:
        out.mkdir(parents=True, exist_ok=True)
        lock = _lock(out)
    except OSError as e:
        raise _write_error(out, e) from None
    gen: Path | None = None
    switched = False
    try:
        _clean_leftovers(out)
        _migrate(out)
        cache = out / ".cache"
        cache.mkdir(exist_ok=True)
        result = BuildResult(out)
        gen = _next_gen(out)
        keys = _timed(result, "extract",
                      lambda: _extract_all(files, cache, gen, result, progress, on_error, jobs, dask))
        g = _stores_and_exports(gen, cache, keys, result, html)
        result.violations.sort(key=lambda v: (v.severity != "Violation", v.focus, v.path or "", v.message))
        manifest = _summary(g, result)
        result.timings["total"] = time.perf_counter() - t_start
        manifest["timings"] = {k: round(v, 3) for k, v in result.timings.items()}
        (gen / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        _switch(gen, out)
        switched = True
        _clean_leftovers(out)                                   # the previous generation
        _prune_cache(cache, set(keys))
    except OSError as e:
        if switched:                                            # the new build is in place; only tidying failed
            return result
        raise _write_error(out, e) from None
    finally:
        if gen is not None and not switched:
            shutil.rmtree(gen, ignore_errors=True)
        _unlock(lock)
    return result
