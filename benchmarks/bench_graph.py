"""Graph benchmark: build, stores, Bolt loading, query latency.

    python benchmarks/bench_graph.py [--docs PATH ...] [--repeat 20] [--no-bolt]

Prints, for the seeds (or the documents given with ``--docs``):

- build time, cold (empty output folder) and warm (nothing changed);
- triples/s bulk-loaded into Oxigraph and rows/s (nodes + relationships) into LadybugDB;
- relationships/s through the Bolt driver into a FalkorDB server started here,
  batched (the loader's defaults) versus one statement and transaction per row
  (goal: ≥ 20 000 rel/s and ≥ 20× per-row), each into an empty graph;
- p50/p95 latency of every saved query in SPARQL (Oxigraph) and Cypher
  (LadybugDB) with the store open (goal: p50 < 50 ms).

A benchmark, not a test: it prints figures and never fails on them.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _ms(xs: list[float]) -> tuple[float, float]:
    xs = sorted(xs)
    return statistics.median(xs) * 1000, xs[min(len(xs) - 1, int(len(xs) * 0.95))] * 1000


def _best_of(n: int, fn) -> float:
    """Fastest of ``n`` runs of ``fn(i)``, in seconds."""
    times = []
    for i in range(n):
        t0 = time.perf_counter()
        fn(i)
        times.append(time.perf_counter() - t0)
    return min(times)


def bench_build(docs: list[Path], work: Path) -> Path:
    from policykg.build import build
    out = work / "build"
    t0 = time.perf_counter()
    r = build(docs, out)
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    build(docs, out)
    warm = time.perf_counter() - t0
    c = r.counts
    print(f"build        {c['documents']} documents → {c['triples']:,} quads, {c['nodes']:,} nodes, "
          f"{c['relationships']:,} relationships")
    print(f"             cold {cold:.2f}s  (extract {r.timings['extract']:.2f}s, rdf {r.timings['rdf']:.2f}s, "
          f"oxigraph {r.timings['oxigraph']:.2f}s, ladybug {r.timings['ladybug']:.2f}s, "
          f"exports {r.timings['exports']:.2f}s);  warm rebuild {warm:.2f}s")
    return out


def bench_stores(build_dir: Path, work: Path) -> None:
    from policykg.graph.export import read_graph_json
    from policykg.graph.nquads import nquads_path, open_nquads
    from policykg.graph.stores import load_ladybug, load_oxigraph
    nq = nquads_path(build_dir)                       # kg.nq.gz (or kg.nq)
    with open_nquads(nq) as fh:
        quads = sum(1 for _ in fh)
    best = _best_of(3, lambda i: load_oxigraph(work / f"ox{i}", nq))
    print(f"oxigraph     {quads:,} quads bulk-loaded in {best:.3f}s  → {quads / best:,.0f} triples/s")
    g = read_graph_json(build_dir / "graph.json")
    rows = len(g.nodes) + len(g.rels)
    best = _best_of(3, lambda i: load_ladybug(work / f"lb{i}", g))
    print(f"ladybugdb    {rows:,} rows (nodes + relationships) in {best:.3f}s  → {rows / best:,.0f} rows/s")


def _rel_rate(g, server, **kw) -> tuple[float, float, int]:
    """(relationships/s, seconds of the relationship phases, statements)."""
    from policykg.graph.bolt import load_bolt
    marks: dict[str, float] = {}

    def progress(phase: str, done: int, total: int) -> None:
        now = time.perf_counter()
        if phase.startswith("node"):
            marks["nodes_done"] = now
        else:
            marks["rels_done"] = now
    server.clear()
    r = load_bolt(g, server.uri, *server.auth, progress=progress, **kw)
    expected = {**g.counts(), **g.rel_counts()}
    assert r.counts == expected, "counts differ from the build"
    secs = marks["rels_done"] - marks["nodes_done"]
    return len(g.rels) / secs, secs, r.statements


def bench_bolt(build_dir: Path, work: Path) -> None:
    from policykg.graph.export import read_graph_json
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "tools"))
    from falkor_server import FalkorServer
    g = read_graph_json(build_dir / "graph.json")
    with FalkorServer.start(work / "falkordb") as server:
        batched = [_rel_rate(g, server) for _ in range(3)]
        rate, secs, stmts = max(batched)
        print(f"bolt         batched: {len(g.rels):,} relationships in {secs:.2f}s → {rate:,.0f} rel/s "
              f"({stmts:,} statements in all; FalkorDB, one session, ≤3 KB messages)")
        one_rate, one_secs, one_stmts = _rel_rate(g, server, per_row=True)
        print(f"             per row: {len(g.rels):,} relationships in {one_secs:.2f}s → {one_rate:,.0f} rel/s "
              f"({one_stmts:,} statements)  → batched is {rate / one_rate:.0f}× faster")


def bench_queries(build_dir: Path, repeat: int) -> None:
    from policykg.graph.query import saved_queries, saved_query_text
    from policykg.graph.stores import cypher, open_ladybug, open_oxigraph, sparql
    store = open_oxigraph(build_dir / "oxigraph")
    db, conn = open_ladybug(build_dir / "ladybug")
    all_s, all_c = [], []
    print(f"queries      p50 / p95 over {repeat} runs, store open (ms)")
    print(f"             {'query':28s} {'SPARQL':>15s} {'Cypher':>15s}  rows")
    for name in saved_queries():
        qs, qc = saved_query_text(name, "sparql"), saved_query_text(name, "cypher")
        ts, tc = [], []
        for _ in range(repeat):
            t0 = time.perf_counter()
            _, rows = sparql(store, qs)
            ts.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            cypher(conn, qc)
            tc.append(time.perf_counter() - t0)
        all_s += ts
        all_c += tc
        (s50, s95), (c50, c95) = _ms(ts), _ms(tc)
        print(f"             {name:28s} {s50:7.1f} /{s95:6.1f} {c50:7.1f} /{c95:6.1f}  {len(rows)}")
    (s50, s95), (c50, c95) = _ms(all_s), _ms(all_c)
    print(f"             {'all saved queries':28s} {s50:7.1f} /{s95:6.1f} {c50:7.1f} /{c95:6.1f}")
    conn.close()
    db.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", nargs="+", type=Path, default=[ROOT / "seeds"], help="documents (default: seeds/)")
    ap.add_argument("--repeat", type=int, default=20, help="runs per query for the latency figures")
    ap.add_argument("--no-bolt", action="store_true", help="skip the FalkorDB/Bolt part")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="policykg-bench-"))
    try:
        print(f"policykg graph benchmark · Python {sys.version.split()[0]}")
        build_dir = bench_build(args.docs, work)
        bench_stores(build_dir, work)
        if not args.no_bolt:
            bench_bolt(build_dir, work)
        bench_queries(build_dir, args.repeat)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
