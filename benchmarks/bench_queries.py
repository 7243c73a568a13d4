"""Saved-query latency on a build: every saved query in SPARQL (Oxigraph) and Cypher (LadybugDB).

    python benchmarks/bench_queries.py BUILD [--repeat 5] [--timeout 60] [--only NAME ...] [--queries DIR]

For each language a worker process opens the store once and runs every saved query
``--repeat`` times (after ``--warmup`` untimed runs, default 1); ``--queries DIR`` reads
``NAME.rq``/``NAME.cypher`` from DIR instead (to compare other versions of the queries).  The table gives p50/p95 in ms per query and
language, the row count, and whether the two languages return the same rows (compared as
sorted lists of values, as tests/graph/test_query.py does).  A run that takes longer than
``--timeout`` seconds is stopped by ending the worker (an engine cannot always be interrupted
mid-query); the query is reported as ``>S s`` and a new worker opens the store for the next one.

Goal (issue 14): every saved query p50 <= 100 ms and p95 <= 500 ms on the 2,098-document
build, same rows in both languages.  A benchmark, not a test: it prints figures and never fails
on them.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

WORKER = r"""
import hashlib, json, sys, time
from pathlib import Path
from policykg.graph.query import saved_query_text
from policykg.graph.stores import cypher, open_ladybug, open_oxigraph, sparql
build, lang, repeat, warmup, qdir = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
if lang == "sparql":
    store = open_oxigraph(build / "oxigraph")
    run = lambda q: sparql(store, q)
else:
    db, conn = open_ladybug(build / "ladybug")
    run = lambda q: cypher(conn, q)
print(json.dumps({"ready": True}), flush=True)
for line in sys.stdin:
    name = line.strip()
    text = Path(qdir, name + (".rq" if lang == "sparql" else ".cypher")).read_text() if qdir else \
        saved_query_text(name, lang)
    for i in range(repeat + warmup):             # the warm-up runs fill caches and are not timed
        t0 = time.perf_counter()
        cols, rows = run(text)
        dt = time.perf_counter() - t0
        digest = hashlib.sha1(repr(sorted(map(repr, rows))).encode()).hexdigest()
        print(json.dumps({"name": name, "run": i, "seconds": dt, "rows": len(rows), "digest": digest}), flush=True)
"""


class Worker:
    """A child process holding one open store; answers one query name at a time."""

    def __init__(self, build: Path, lang: str, repeat: int, warmup: int, queries: Path | None) -> None:
        args = [str(build), lang, str(repeat), str(warmup), str(queries or "")]
        self.proc = subprocess.Popen([sys.executable, "-c", WORKER, *args],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()
        self.read(None)                          # {"ready": true} once the store is open

    def _pump(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(line)
        self.lines.put("")                       # the worker ended

    def read(self, timeout: float | None) -> dict | None:
        try:
            line = self.lines.get(timeout=timeout)
        except queue.Empty:
            return None
        if not line:
            raise RuntimeError(f"worker ended (exit {self.proc.wait()})")
        return json.loads(line)

    def stop(self) -> None:
        self.proc.kill()
        self.proc.wait()


def run_query(worker: Worker, name: str, repeat: int, warmup: int, timeout: float) -> dict:
    """Timings and row digest of one query; ``timed_out`` when a run exceeds ``timeout``."""
    worker.proc.stdin.write(name + "\n")
    worker.proc.stdin.flush()
    times, rows, digest = [], 0, ""
    for i in range(repeat + warmup):
        t0 = time.perf_counter()
        msg = worker.read(timeout)
        if msg is None:
            return {"timed_out": True, "seconds": [time.perf_counter() - t0]}
        if i >= warmup:
            times.append(msg["seconds"])
        rows, digest = msg["rows"], msg["digest"]
    return {"timed_out": False, "seconds": times, "rows": rows, "digest": digest}


def bench_language(build: Path, lang: str, names: list[str], a: argparse.Namespace) -> dict[str, dict]:
    out: dict[str, dict] = {}
    repeat, warmup, timeout = a.repeat, a.warmup, a.timeout
    worker = Worker(build, lang, repeat, warmup, a.queries)
    for name in names:
        try:
            out[name] = run_query(worker, name, repeat, warmup, timeout)
        except RuntimeError as e:                # the worker failed on this query (an error, not a timeout)
            out[name] = {"timed_out": False, "error": str(e), "seconds": []}
        if out[name]["timed_out"] or "error" in out[name]:
            worker.stop()
            worker = Worker(build, lang, repeat, warmup, a.queries)
        print(f"  {lang:6s} {name:28s} {_cell(out[name], timeout)}", file=sys.stderr, flush=True)
    worker.stop()
    return out


def _pct(xs: list[float]) -> tuple[float, float]:
    xs = sorted(xs)
    return statistics.median(xs) * 1000, xs[min(len(xs) - 1, round(0.95 * (len(xs) - 1)))] * 1000


def _cell(r: dict, timeout: float) -> str:
    if "error" in r:
        return "error"
    if r["timed_out"]:
        return f">{timeout:g} s"
    p50, p95 = _pct(r["seconds"])
    return f"{p50:9.1f} {p95:9.1f} {r['rows']:7d}"


def report(names: list[str], results: dict[str, dict[str, dict]], timeout: float) -> str:
    head = f"{'query':28s} {'sparql p50':>10s} {'p95':>9s} {'rows':>7s}   {'cypher p50':>10s} {'p95':>9s} " \
           f"{'rows':>7s}  same  goal"
    lines = [head, "-" * len(head)]
    met = 0
    for name in names:
        s, c = results["sparql"].get(name), results["cypher"].get(name)
        same = "-" if not s or not c or "digest" not in s or "digest" not in c else \
            ("yes" if s["digest"] == c["digest"] else "NO")
        ok = same == "yes" and all(_within_goal(r) for r in (s, c))
        met += ok
        lines.append(f"{name:28s} {_cell(s, timeout) if s else '':>28s}   {_cell(c, timeout) if c else '':>28s}  "
                     f"{same:4s}  {'ok' if ok else 'MISS'}")
    lines.append(f"{met}/{len(names)} queries within p50 <= 100 ms, p95 <= 500 ms in both languages with the same rows")
    return "\n".join(lines)


def _within_goal(r: dict | None) -> bool:
    if not r or r.get("timed_out") or "error" in r:
        return False
    p50, p95 = _pct(r["seconds"])
    return p50 <= 100 and p95 <= 500


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("build", type=Path, help="a build directory (policykg build ... -o BUILD)")
    ap.add_argument("--repeat", type=int, default=5, help="timed runs per query and language (default 5)")
    ap.add_argument("--warmup", type=int, default=1, help="untimed runs before the timed ones (default 1)")
    ap.add_argument("--queries", type=Path, help="read NAME.rq / NAME.cypher from this folder instead")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds before one run is stopped (default 60)")
    ap.add_argument("--only", nargs="*", help="only these saved queries")
    ap.add_argument("--lang", choices=("sparql", "cypher", "both"), default="both")
    ap.add_argument("--json", type=Path, help="also write the raw timings here")
    a = ap.parse_args(argv)
    if not (a.build / "manifest.json").exists():
        print(f"error: {a.build}: not a policykg build directory (no manifest.json)", file=sys.stderr)
        return 1
    from policykg.graph.query import saved_queries
    names = a.only or sorted(saved_queries())
    langs = ("sparql", "cypher") if a.lang == "both" else (a.lang,)
    results: dict[str, dict[str, dict]] = {"sparql": {}, "cypher": {}}
    for lang in langs:
        results[lang] = bench_language(a.build, lang, names, a)
    load = os.getloadavg()
    print(f"{a.build}  {a.queries or 'saved queries'}  repeat={a.repeat}  warmup={a.warmup}  timeout={a.timeout:g} s  load average {load[0]:.2f} {load[1]:.2f} "
          f"{load[2]:.2f}  (ms; rows)")
    print(report(names, results, a.timeout))
    if a.json:
        a.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
