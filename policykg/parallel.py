"""Extract many documents at once: a local process pool, or a Dask cluster.

:func:`extract_many` maps :func:`extract_file` over files and yields the results
**in the order of the files**, whatever the number of workers, so a build's
outputs and ids do not depend on ``--jobs`` or on the cluster.  At most a few
results per worker are in flight, so memory stays bounded by the largest
documents, not by the corpus.

A result is the cache entry of one file as JSON bytes (document, records,
graph), or the one-line error that file gives.  Workers read the file
themselves: on a cluster the paths must be visible to the workers (a shared
file system), as for any Dask job over files.

>>> from pathlib import Path
>>> res = list(extract_many([Path("seeds/jiangsu-2025.txt")], "fp", jobs=1))
>>> res[0][0].name, res[0][1].error is None
('jiangsu-2025.txt', True)
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import orjson

from policykg.errors import InputError
from policykg.extract.document.ingest import ingest
from policykg.extract.pipeline import run
from policykg.graph.kg import document_graph
from policykg.graph.validate import validate_document_graph

__all__ = ["Extracted", "extract_entry", "extract_file", "extract_many", "default_jobs"]


@dataclass(frozen=True, slots=True)
class Extracted:
    """One file's cache entry (orjson bytes), or the reason it could not be read."""

    entry: bytes | None = None
    error: str | None = None
    validate_seconds: float = 0.0


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:                           # not on Linux
        return os.cpu_count() or 1


def extract_entry(path: str | Path, fingerprint: str) -> dict[str, Any]:
    """Run the whole pipeline on one file: its build cache entry (document, records, graph, and what
    the SHACL shapes find in that graph).  Raises InputError for a file that cannot be read."""
    doc = run(ingest(path))
    records = list(doc.records())
    kg = document_graph(doc, records)
    t0 = time.perf_counter()
    violations = validate_document_graph(kg)         # cached with the document: a rebuild does not redo it
    shacl = {"results": [asdict(v) for v in violations], "seconds": round(time.perf_counter() - t0, 4)}
    return {"fingerprint": fingerprint, "doc_id": doc.id, "path": str(path), "sha256": doc.sha256,
            "document": doc.to_dict(), "records": [r.to_json() for r in records], "kg": kg.to_json(),
            "shacl": shacl}


def extract_file(path: str, fingerprint: str) -> Extracted:
    """:func:`extract_entry` in a worker: the entry as bytes, or the file's error as text."""
    try:
        entry = extract_entry(path, fingerprint)
    except InputError as e:
        return Extracted(error=e.message)
    return Extracted(entry=orjson.dumps(entry), validate_seconds=entry["shacl"]["seconds"])


def _dask_client(address: str) -> Any:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise InputError("--dask needs Dask: pip install 'dask[distributed]'", address) from None
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


def _executor(jobs: int, dask: str | None) -> Executor | None:
    if dask:
        return _DaskExecutor(dask)
    return ProcessPoolExecutor(max_workers=jobs) if jobs > 1 else None


def extract_many(paths: Iterable[Path], fingerprint: str, jobs: int = 1,
                 dask: str | None = None) -> Iterator[tuple[Path, Extracted]]:
    """``(path, result)`` for each path, in the given order; ``jobs`` local processes, or the Dask
    scheduler at ``dask`` (``"local"`` starts a LocalCluster of two workers)."""
    pool = _executor(jobs, dask)
    if pool is None:
        for p in paths:
            yield p, extract_file(str(p), fingerprint)
        return
    window = 4 * max(jobs, 2)
    pending: deque[tuple[Path, Future[Extracted]]] = deque()
    try:
        for p in paths:
            pending.append((p, pool.submit(extract_file, str(p), fingerprint)))
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
