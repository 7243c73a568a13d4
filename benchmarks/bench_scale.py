"""Build time, memory and incremental rebuilds on growing slices of a corpus.

    python benchmarks/bench_scale.py ../shared/corpus/scale [--sizes 250,500,1000,2098] [--jobs 2]
                                     [--repeat 1] [--out /tmp/bench-scale]

For each size N (the first N files of the corpus in a fixed shuffled order, seed 14) it runs a cold
``policykg build`` in a fresh process and prints wall and CPU time, peak RSS (of the build process and
of its largest extraction worker: ``VmHWM`` and ``ru_maxrss``, and sampled stage by stage), the build's own stage
times (from ``manifest.json``), output size against input size (without and with the build's cache
``.cache``), quads/s into Oxigraph against
``Store.bulk_load`` of the same N-Quads (``kg.nq.gz``, decompressed as it is read) in the same run, and rows/s into LadybugDB against a raw
``COPY`` of the same rows from Parquet files.  For the largest size it then times a rebuild with
nothing changed, a one-document edit, a one-document add and a one-document remove.  Figures are
the minimum of ``--repeat`` runs; the machine's load average is printed with them (a shared machine
is noisy: compare the ratios measured in the same run).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BUILD = r"""
import json, os, resource, sys, threading, time
from pathlib import Path
from policykg.build import build

PAGE = os.sysconf("SC_PAGE_SIZE")


def rss(pid):
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * PAGE
    except (OSError, ValueError, IndexError):
        return 0


def children():
    out = []
    for task in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{task}/children") as f:
                out += [int(x) for x in f.read().split()]
        except OSError:
            pass
    return out


stage = ["hash"]
peaks = {}          # stage -> [parent max, one worker max, workers' sum max] (bytes, sampled)


def sample():
    while True:
        kids = [rss(c) for c in children()]
        p = peaks.setdefault(stage[0], [0, 0, 0])
        p[0], p[1], p[2] = max(p[0], rss(os.getpid())), max([p[1], *kids]), max(p[2], sum(kids))
        time.sleep(0.05)


def progress(what, i, n):
    stage[0] = "extract" if "/" in what or what.endswith((".md", ".txt")) else what


threading.Thread(target=sample, daemon=True).start()
files = [Path(p) for p in json.loads(sys.stdin.read())]
t0, c0 = time.perf_counter(), time.process_time()
r = build(files, sys.argv[2], jobs=int(sys.argv[3]), prune=True, progress=progress)
stage[0] = "end"
time.sleep(0.1)
kids = resource.getrusage(resource.RUSAGE_CHILDREN)
me = resource.getrusage(resource.RUSAGE_SELF)
with open("/proc/self/status") as f:       # this program's own peak (ru_maxrss keeps the peak of the
    hwm = next(int(x.split()[1]) for x in f if x.startswith("VmHWM:"))    # process it was forked from)
print(json.dumps({"wall": time.perf_counter() - t0,
                  "cpu": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime,
                  "rss_mb": hwm / 1024, "worker_rss_mb": kids.ru_maxrss / 1024,
                  "peaks_mb": {k: [round(x / 2**20) for x in v] for k, v in peaks.items()},
                  "docs": len(r.documents),
                  "extracted": r.extracted, "unchanged": r.unchanged, "incremental": r.incremental,
                  "errors": len(r.errors), "timings": r.timings, "counts": r.counts}))
"""


def corpus_files(root: Path) -> list[Path]:
    files = sorted(p for p in root.rglob("*") if p.suffix in (".md", ".txt") and p.name not in ("README.md",))
    random.Random(14).shuffle(files)
    return files


def run_build(files: list[Path], out: Path, jobs: int) -> dict:
    r = subprocess.run([sys.executable, "-c", BUILD, "-", str(out), str(jobs)],
                       input=json.dumps([str(f) for f in files]), capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"build failed:\n{r.stderr[-2000:]}")
    return json.loads(r.stdout.strip().splitlines()[-1])


def du(path: Path) -> int:
    total = 0
    for p in path.rglob("*"):
        if p.is_file() and not p.is_symlink():
            total += p.stat().st_size
    return total


def oxigraph_native(nq: Path, scratch: Path) -> float:
    """Seconds for pyoxigraph's own bulk loader on the build's N-Quads (a stream: it reads no .gz path)."""
    import pyoxigraph as ox

    from policykg.graph.nquads import open_nquads
    d = scratch / "ox-native"
    shutil.rmtree(d, ignore_errors=True)
    t0 = time.perf_counter()
    s = ox.Store(str(d))
    with open_nquads(nq) as f:
        s.bulk_load(input=f, format=ox.RdfFormat.N_QUADS)
    s.flush()
    s.optimize()
    del s
    secs = time.perf_counter() - t0
    shutil.rmtree(d, ignore_errors=True)
    return secs


def ladybug_native(build_dir: Path, scratch: Path) -> tuple[float, int]:
    """Seconds for LadybugDB's own COPY of the build's rows from Parquet files (the schema included,
    writing the files not), and the rows copied."""
    import ladybug as lb
    import pyarrow.parquet as papq

    from policykg.graph.export import read_build_graph
    from policykg.graph.stores import ladybug_columns, ladybug_frames, ladybug_schema
    g = read_build_graph(build_dir)
    schema = ladybug_columns(g)
    pq = scratch / "parquet"
    shutil.rmtree(pq, ignore_errors=True)
    pq.mkdir(parents=True)
    copies, rows = [], 0
    for i, (table, options, df) in enumerate(ladybug_frames(g, schema)):    # the build's own rows
        f = pq / f"{i}.parquet"
        papq.write_table(df, f)                                            # an Arrow table
        copies.append(f"COPY {table} FROM '{f}'{options}")
        rows += len(df)
    ddl = ladybug_schema(schema)
    del g
    db_path = scratch / "lb-native"
    if db_path.exists():
        db_path.unlink()
    t0 = time.perf_counter()
    db = lb.Database(str(db_path))
    conn = lb.Connection(db)
    conn.execute("CALL auto_checkpoint=false")
    for stmt in ddl + copies:
        conn.execute(stmt)
    conn.execute("CHECKPOINT")
    conn.close()
    db.close()
    secs = time.perf_counter() - t0
    db_path.unlink()
    shutil.rmtree(pq, ignore_errors=True)
    return secs, rows


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def cold(files: list[Path], scratch: Path, jobs: int, repeat: int) -> tuple[dict, Path]:
    best = None
    out = scratch / f"build-{len(files)}"
    for _ in range(repeat):
        shutil.rmtree(out, ignore_errors=True)
        r = run_build(files, out, jobs)
        if best is None or r["wall"] < best["wall"]:
            best = r
    assert best is not None
    return best, out


def report_cold(n: int, files: list[Path], r: dict, out: Path, scratch: Path) -> None:
    size_in = sum(f.stat().st_size for f in files)
    size_out = du(out / ".current") if (out / ".current").exists() else du(out)
    size_cache = du(out / ".cache") if (out / ".cache").exists() else 0
    t = r["timings"]
    quads = r["counts"]["triples"]
    from policykg.graph.nquads import nquads_path
    ox_native = oxigraph_native(nquads_path(out), scratch)
    lb_native, rows = ladybug_native(out, scratch)
    print(f"\n## {n} documents ({size_in / 1e6:.1f} MB of text; load {load()})")
    print(f"cold build: {r['wall']:.1f} s wall, {r['cpu']:.1f} s CPU, {r['docs']} documents, {r['errors']} errors")
    print(f"peak RSS: build process {r['rss_mb']:.0f} MB (VmHWM), largest extraction worker (ru_maxrss) "
          f"{r['worker_rss_mb']:.0f} MB")
    print("peak RSS by stage (sampled every 50 ms; MB: build process / largest worker / workers together): "
          + ", ".join(f"{k} {p}/{w}/{ws}" for k, (p, w, ws) in r["peaks_mb"].items() if k != "end"))
    print("stages (s): " + ", ".join(f"{k} {v:.1f}" for k, v in t.items() if k != "total"))
    print(f"output: {size_out / 1e6:.0f} MB = {size_out / size_in:.0f}× the input; with the cache "
          f"(.cache, {size_cache / 1e6:.0f} MB): {(size_out + size_cache) / 1e6:.0f} MB = "
          f"{(size_out + size_cache) / size_in:.0f}×")
    gen = out / ".current" if (out / ".current").exists() else out
    print("output by file (MB): " + ", ".join(f"{p.name} {(du(p) if p.is_dir() else p.stat().st_size) / 1e6:.1f}"
                                             for p in sorted(gen.iterdir())))
    print(f"Oxigraph: {quads / t['oxigraph']:,.0f} quads/s in the build vs {quads / ox_native:,.0f} quads/s "
          f"bulk_load of the same N-Quads (ratio {t['oxigraph'] / ox_native:.2f}; loaded beside LadybugDB, "
          f"one slice at a time until it is done: the stage times overlap)")
    print(f"LadybugDB: {rows / t['ladybug']:,.0f} rows/s in the build vs {rows / lb_native:,.0f} rows/s raw COPY "
          f"from Parquet (ratio {t['ladybug'] / lb_native:.2f})")


def incremental(files: list[Path], scratch: Path, jobs: int) -> None:
    """No change, then one document edited (a copy of the first file with one sentence more, under the
    same name in another folder: a new path, so it counts as removing one and adding one), one added,
    one removed — each a rebuild of the build of ``files``."""
    out = scratch / f"build-{len(files)}"
    src = scratch / "edited"
    src.mkdir(exist_ok=True)
    edited = src / files[0].name
    extra = "\n县级以上人民政府应当加强数据安全保护。\n"
    edited.write_text(files[0].read_text(encoding="utf-8") + extra, encoding="utf-8")
    spare = src / f"added-{files[1].name}"
    spare.write_text(files[1].read_text(encoding="utf-8") + extra, encoding="utf-8")
    print(f"\n## incremental, {len(files)} documents (load {load()})")
    steps = [("no change", files), ("edit one document", [edited] + files[1:]),
             ("add one document", [edited] + files[1:] + [spare]), ("remove one document", [edited] + files[1:])]
    for what, fs in steps:
        r = run_build(fs, out, jobs)
        how = "unchanged" if r["unchanged"] else "incremental" if r["incremental"] else "cold"
        print(f"{what}: {r['wall']:.2f} s wall ({how}, {r['extracted']} extracted; peak RSS {r['rss_mb']:.0f} MB; "
              "stages: " + ", ".join(f"{k} {v:.2f}" for k, v in r["timings"].items() if k != "total") + ")")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--sizes", default="250,500,1000,2098")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--out", type=Path, default=None, help="scratch folder (default: a temporary one)")
    args = ap.parse_args()
    files = corpus_files(args.corpus)
    sizes = [min(int(s), len(files)) for s in args.sizes.split(",")]
    scratch = args.out or Path(tempfile.mkdtemp(prefix="bench-scale-"))
    scratch.mkdir(parents=True, exist_ok=True)
    print(f"# bench_scale: {args.corpus} ({len(files)} files), jobs {args.jobs}, {os.cpu_count()} cores, "
          f"load {load()}")
    walls = {}
    for n in sizes:
        r, out = cold(files[:n], scratch, args.jobs, args.repeat)
        report_cold(n, files[:n], r, out, scratch)
        walls[n] = r["wall"]
    if len(sizes) > 1:
        a, b = sizes[-2], sizes[-1]
        print(f"\ntime ratio {b}/{a} documents: {walls[b] / walls[a]:.2f} (linear: {b / a:.2f})")
    incremental(files[:sizes[-1]], scratch, args.jobs)
    if args.out is None:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
