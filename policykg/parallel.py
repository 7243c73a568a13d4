"""Extract many documents at once: local worker processes, or a Dask cluster.

:func:`extract_many` maps :func:`extract_file` over files and yields the results
**in the order of the files**, whatever the number of workers, so a build's
outputs and ids do not depend on ``--jobs`` or on the cluster.  At most a few
results per worker are in flight, so memory stays bounded by the largest
documents, not by the corpus.

Each document has a time budget (``timeout`` seconds, by default
``POLICYKG_DOC_TIMEOUT`` or :data:`DOC_TIMEOUT`; 0 for none): local workers are
processes (one with ``jobs=1`` too), and the one working on a document past its
budget is killed and replaced; that document's result is the one-line error
"took longer than N s; skipped" and the others come out as if it were not there.
A worker that dies (killed, out of memory) costs only its document.  Workers
are forked from a process that has loaded the vocabulary and the shapes once.

A result is the cache entry of one file as JSON bytes (document, records,
graph), or the one-line error that file gives.  Workers read the file
themselves: on a cluster the paths must be visible to the workers (a shared
file system), as for any Dask job over files; the time budget is not applied
on a cluster.

>>> from pathlib import Path
>>> res = list(extract_many([Path("seeds/jiangsu-2025.txt")], "fp", jobs=1))
>>> res[0][0].name, res[0][1].error is None
('jiangsu-2025.txt', True)
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import Executor, Future
from dataclasses import asdict, dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

import orjson

from policykg.errors import InputError, PolicyKGError
from policykg.extract.document.ingest import ingest
from policykg.extract.pipeline import run
from policykg.graph.kg import KG, document_graph
from policykg.graph.ladybug_update import split
from policykg.graph.nquads import member
from policykg.graph.property import to_property_graph
from policykg.graph.rdf import kg_quads
from policykg.graph.shards import pack
from policykg.graph.validate import validate_document_graph

__all__ = ["Extracted", "extract_entry", "extract_file", "extract_many", "default_jobs", "doc_timeout",
           "DOC_TIMEOUT"]

#: seconds one document may take by default (``POLICYKG_DOC_TIMEOUT``; 0: no limit)
DOC_TIMEOUT = 120.0


@dataclass(frozen=True, slots=True)
class Extracted:
    """One file's extraction, serialized in the worker: ``entry`` (orjson bytes: ``fingerprint``,
    ``doc_id``, ``path``, ``sha256``, ``meta``), ``parts`` — the document's lines of
    extractions.jsonl (``ext``) and documents.jsonl (``doc``) and its N-Quads (``nq``: one gzip member,
    :mod:`policykg.graph.nquads`; ``quads`` lines), for the build's files — and ``cached``, its cache entry's parts compressed (:mod:`policykg.graph.shards`: ``ext``,
    ``doc``, its graph ``kg``, the ``shared`` and ``local`` parts of its property graph and, when
    checked, its SHACL results ``shacl``) — or the reason it could not be read."""

    entry: bytes | None = None
    error: str | None = None
    validate_seconds: float = 0.0
    parts: dict[str, bytes] | None = None
    cached: dict[str, bytes] | None = None
    quads: int = 0


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:                           # not on Linux
        return os.cpu_count() or 1


def extract_entry(path: str | Path, fingerprint: str, shacl: bool = False) -> dict[str, Any]:
    """Run the whole pipeline on one file: its build cache entry (document and records as JSON, graph as
    a :class:`~policykg.graph.kg.KG`, and what the SHACL shapes find in that graph).  Raises InputError for
    a file that cannot be read."""
    doc = run(ingest(path))
    records = list(doc.records())
    kg = document_graph(doc, records)
    t0 = time.perf_counter()
    checked = None
    if shacl:                                        # cached with the document: a rebuild does not redo it
        violations = validate_document_graph(kg)
        checked = {"results": [asdict(v) for v in violations], "seconds": round(time.perf_counter() - t0, 4)}
    return {"fingerprint": fingerprint, "doc_id": doc.id, "path": str(path), "sha256": doc.sha256,
            "document": doc.to_dict(), "records": [r.to_json() for r in records], "kg": kg,
            "shacl": checked}


def _where(e: BaseException) -> str:
    """``KeyError: '城市' at actors.py:1297``: the exception and the innermost frame that raised it."""
    tb = e.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    at = f" at {Path(tb.tb_frame.f_code.co_filename).name}:{tb.tb_lineno}" if tb is not None else ""
    return f"{type(e).__name__}: {e}{at}"


def extract_file(path: str, fingerprint: str, shacl: bool = False) -> Extracted:
    """:func:`extract_entry` in a worker, serialized there (so the parent only concatenates bytes), or the
    file's error as text."""
    try:
        entry = extract_entry(path, fingerprint, shacl)
    except InputError as e:
        return Extracted(error=e.message)
    except Exception as e:                    # noqa: BLE001 — a bug met in one document must not stop the others
        return Extracted(error=f"internal error while extracting it ({_where(e)}); skipped — please report it")
    kg: KG = entry["kg"]                  # its values are JSON's own (str, int, float, bool), so the N-Quads and
    kg_json = orjson.dumps(kg.to_json())  # rows made from it are those a build makes from the cached graph
    parts = {"ext": b"".join(orjson.dumps(r) + b"\n" for r in entry["records"]),
             "doc": orjson.dumps(entry["document"]) + b"\n",
             "nq": "".join(kg_quads(kg)).encode("utf-8")}
    quads = parts["nq"].count(b"\n")
    parts["nq"] = member(parts["nq"])                # compressed here, in parallel: the build only writes it
    shared, local = split(to_property_graph([kg]))   # for LadybugDB updates
    cached = {"ext": parts["ext"], "doc": parts["doc"], "kg": kg_json,
              "shared": orjson.dumps(shared), "local": orjson.dumps(local)}
    if shacl:
        cached["shacl"] = orjson.dumps(entry["shacl"]["results"])
    m = entry["document"]["meta"]
    head = {"fingerprint": fingerprint, "doc_id": entry["doc_id"], "path": entry["path"], "sha256": entry["sha256"],
            "meta": {"title": m["title"], "type": m["doc_type"], "jurisdiction": m["jurisdiction"]}}
    return Extracted(entry=orjson.dumps(head), validate_seconds=entry["shacl"]["seconds"] if shacl else 0.0,
                     parts=parts, cached={k: pack(v) for k, v in cached.items()}, quads=quads)


def _dask_client(address: str) -> Any:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise InputError("--dask needs Dask: pip install 'policykg[dask]'", address) from None
    if address == "local":
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
        return Client(cluster)
    try:
        return Client(address, timeout="20s")
    except OSError as e:
        raise InputError(f"cannot reach the Dask scheduler ({e})", address) from None


class _DaskExecutor(Executor):
    """concurrent.futures over a Dask client, so the pool and the cluster share one code path."""

    def __init__(self, address: str) -> None:
        self.client = _dask_client(address)

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def,override]
        return self.client.submit(fn, *args, pure=False, **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        cluster = getattr(self.client, "cluster", None)
        self.client.close()
        if cluster is not None:
            cluster.close()


def _executor(dask: str | None) -> Executor | None:
    return _DaskExecutor(dask) if dask else None


def doc_timeout(timeout: float | None = None) -> float:
    """The time budget of one document in seconds (0: none): ``timeout``, else ``POLICYKG_DOC_TIMEOUT``,
    else :data:`DOC_TIMEOUT`."""
    if timeout is None:
        raw = os.environ.get("POLICYKG_DOC_TIMEOUT", "").strip()
        try:
            timeout = float(raw) if raw else DOC_TIMEOUT
        except ValueError:
            timeout = float("nan")
        if not 0 <= timeout < float("inf"):
            raise PolicyKGError(f"must be a number of seconds (0 for no limit), not {raw!r}",
                                "POLICYKG_DOC_TIMEOUT")
    if not 0 <= timeout < float("inf"):
        raise PolicyKGError(f"the time budget of a document must be 0 or more seconds, not {timeout}")
    return timeout


def extract_many(paths: Iterable[Path], fingerprint: str, jobs: int = 1, dask: str | None = None,
                 timeout: float | None = None, shacl: bool = False) -> Generator[tuple[Path, Extracted], None, None]:
    """``(path, result)`` for each path, in the given order; ``jobs`` local processes, or the Dask
    scheduler at ``dask`` (``"local"`` starts a LocalCluster of two workers).  A document that takes
    longer than ``timeout`` seconds (:func:`doc_timeout`) is skipped with a one-line error.  ``shacl``:
    check each document's graph against the SHACL shapes too (the entry's ``shacl``; else None)."""
    limit = doc_timeout(timeout)
    todo = list(paths)
    if not todo:                                     # nothing to extract: no workers, no cluster
        return
    pool = _executor(dask)
    if pool is not None:
        yield from _on_executor(pool, todo, fingerprint, jobs, shacl)
    elif limit == 0 and jobs == 1:
        for p in todo:
            yield p, extract_file(str(p), fingerprint, shacl)
    else:
        yield from _Workers(fingerprint, jobs, limit, shacl).map(todo)


def _on_executor(pool: Executor, paths: Iterable[Path], fingerprint: str, jobs: int,
                 shacl: bool) -> Iterator[tuple[Path, Extracted]]:
    window = 4 * max(jobs, 2)
    pending: deque[tuple[Path, Future[Extracted]]] = deque()
    try:
        for p in paths:
            pending.append((p, pool.submit(extract_file, str(p), fingerprint, shacl)))
            if len(pending) >= window:
                q, fut = pending.popleft()
                yield q, fut.result()
        while pending:
            q, fut = pending.popleft()
            yield q, fut.result()
    finally:
        for _, fut in pending:
            fut.cancel()
        pool.shutdown()


# --- local worker processes with a time budget per document ----------------------------------

_WARM_TEXT = "测试办法\n\n第一条 为了促进数据产业发展，市人民政府应当制定政策措施，对企业给予资金支持。\n"
_warmed: set[bool] = set()


def _warm_up(shacl: bool) -> None:
    """Load the vocabulary and matchers (and the shapes, with ``shacl``) in this process, so the workers
    forked from it start warm (once per process; a failure here shows again, on a real file, in a worker)."""
    if shacl in _warmed:
        return
    _warmed.add(shacl)
    from policykg.extract.document.ingest import ingest_text
    try:
        doc = run(ingest_text(_WARM_TEXT, path="<warm-up>"))
        kg = document_graph(doc, list(doc.records()))
        if shacl:
            validate_document_graph(kg)
    except Exception:                         # noqa: BLE001,S110 — only a warm-up
        pass


def _die_with_parent() -> None:
    """On Linux, have the kernel kill this worker when the build that started it dies (kill -9)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)    # PR_SET_PDEATHSIG


def _serve(conn: Connection, fingerprint: str, shacl: bool) -> None:
    """A worker: extract each path it is sent until it is sent None, or its parent is gone."""
    _die_with_parent()
    gc.freeze()            # what it was forked with (vocabulary, matchers) is not garbage: collections skip it
    with contextlib.suppress(EOFError, OSError):          # the parent died (kill -9): end quietly
        while (task := conn.recv()) is not None:
            i, path = task
            try:
                res: tuple[int, Extracted | None, str | None] = (i, extract_file(path, fingerprint, shacl), None)
            except Exception as e:            # noqa: BLE001 — a bug: re-raised in the parent
                res = (i, None, f"{type(e).__name__}: {e}")
            conn.send(res)


@dataclass(slots=True)
class _Worker:
    proc: Any
    conn: Connection
    task: int | None = None
    deadline: float = 0.0


class _Workers:
    """``jobs`` worker processes; a task past its deadline costs its worker, which is replaced."""

    def __init__(self, fingerprint: str, jobs: int, timeout: float, shacl: bool = False) -> None:
        self.fingerprint, self.jobs, self.timeout, self.shacl = fingerprint, jobs, timeout, shacl
        methods = multiprocessing.get_all_start_methods()
        self.ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
        self.workers: list[_Worker] = []
        self.done: dict[int, Extracted] = {}

    def _start(self) -> _Worker:
        ours, theirs = self.ctx.Pipe()
        proc = self.ctx.Process(target=_serve, args=(theirs, self.fingerprint, self.shacl), daemon=True)
        proc.start()
        theirs.close()
        w = _Worker(proc, ours)
        self.workers.append(w)
        return w

    def _stop(self, w: _Worker, kill: bool) -> None:
        self.workers.remove(w)
        if not kill:
            with contextlib.suppress(OSError):
                w.conn.send(None)
            w.proc.join(5)
        if w.proc.is_alive():
            w.proc.kill()
            w.proc.join()
        w.conn.close()

    def map(self, paths: list[Path]) -> Iterator[tuple[Path, Extracted]]:
        if self.ctx.get_start_method() == "fork":
            _warm_up(self.shacl)
        window = 4 * max(self.jobs, 2)
        sent = out = 0
        try:
            while out < len(paths):
                while sent < min(len(paths), out + window) and (w := self._idle()) is not None:
                    w.conn.send((sent, str(paths[sent])))
                    w.task, w.deadline = sent, time.monotonic() + (self.timeout or float("inf"))
                    sent += 1
                while out in self.done:
                    yield paths[out], self.done.pop(out)
                    out += 1
                if out < len(paths) and out not in self.done:
                    self._collect()
        finally:
            for w in list(self.workers):
                self._stop(w, kill=w.task is not None)

    def _idle(self) -> _Worker | None:
        idle = next((w for w in self.workers if w.task is None), None)
        if idle is None and len(self.workers) < self.jobs:
            idle = self._start()
        return idle

    def _collect(self) -> None:
        """Wait for a result, a dead worker or the first deadline."""
        busy = [w for w in self.workers if w.task is not None]
        if not busy:
            return
        left = min(w.deadline for w in busy) - time.monotonic()
        ready = wait([w.conn for w in busy], timeout=None if left == float("inf") else max(left, 0))
        now = time.monotonic()
        for w in busy:
            task = w.task
            assert task is not None
            if w.conn in ready:
                self._receive(w, task)
            elif now >= w.deadline:
                self._stop(w, kill=True)
                self.done[task] = Extracted(error=f"took longer than {self.timeout:g} s; skipped")

    def _receive(self, w: _Worker, task: int) -> None:
        try:
            _, res, bug = w.conn.recv()
        except (EOFError, OSError):
            self._stop(w, kill=True)
            code = w.proc.exitcode
            why = f"killed by signal {-code}" if code is not None and code < 0 else f"exit status {code}"
            self.done[task] = Extracted(error=f"the process extracting it died ({why}); skipped")
            return
        if bug is not None:
            raise RuntimeError(f"extracting {task}: {bug}")
        w.task = None
        self.done[task] = res
