"""Extraction throughput and memory on growing corpora, beside jieba's segmentation of the same text.

    python benchmarks/bench_extract.py --corpus ../shared/corpus/scale --docs 330 [--steps 1] [--repeat 3]
    python benchmarks/bench_extract.py --corpus ../shared/corpus/scale [--mb 20] [--steps 3]
    python benchmarks/bench_extract.py [--mb 20] [--steps 3]        (the four seeds repeated)

Builds corpora of growing size in a temporary folder — ``--docs N`` documents spread
evenly over the corpus's sorted .md/.txt files, or the first files in sorted order up
to ``--mb`` megabytes, or the four seeds copied under distinct names — and, for each,
runs read → normalize → structure → extract in a fresh process pinned to one core,
streaming records to a file.  Prints megabytes of input text per second after
start-up (imports, the vocabulary load and one warm-up sentence, which builds the
one-time tables such as the 繁→简 converter, are timed separately), by wall clock and
by the process's CPU time, and the peak resident memory, which stays flat when the
pipeline streams.

In the same process, on the same core, it then segments the same files with jieba's
precise mode (``jieba.lcut``, HMM on; dictionary load excluded) and prints the ratio
of the two CPU-time throughputs (``x jieba``: 3.0 means extraction is three times
faster than segmenting the text).  jieba is in the ``test`` extra; without it the
ratio is left out (``--no-jieba`` leaves it out on purpose).

On a shared machine the figures move with the load: ``--repeat N`` runs each corpus N
times (each in a fresh process) and keeps the best extraction and the best jieba time
(min of N, the README's convention); the load average is printed before and after.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, os, resource, sys, time
t0 = time.perf_counter()
from policykg.extract.document.ingest import iter_documents
from policykg.extract.pipeline import run
from policykg.extract.stages.matcher import matcher
from policykg.ontology import vocabulary
vocabulary(); matcher()
run("第一条 爲了促進數字經濟發展，制定本條例。", path="warm-up.txt")   # one-time tables (繁→简, rule caches)
startup = time.perf_counter() - t0
corpus, out, with_jieba = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
files = sorted(os.path.join(corpus, f) for f in os.listdir(corpus))
size = sum(os.path.getsize(f) for f in files)
n = docs = 0
t1, c1 = time.perf_counter(), time.process_time()
with open(out, "w", encoding="utf-8") as fh:
    for r in iter_documents(files):
        docs += 1
        for rec in run(r.document).records():
            fh.write(rec.dumps() + "\n")
            n += 1
elapsed, cpu = time.perf_counter() - t1, time.process_time() - c1
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
res = {"bytes": size, "docs": docs, "records": n, "startup_s": startup, "seconds": elapsed, "cpu_s": cpu,
       "peak_rss_mb": peak}
if with_jieba:
    import logging
    import jieba
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    texts = [open(f, encoding="utf-8").read() for f in files]
    c2 = time.process_time()
    for t in texts:
        jieba.lcut(t)
    res["jieba_cpu_s"] = time.process_time() - c2
print(json.dumps(res))
"""


def corpus_files(source: Path) -> list[Path]:
    return sorted(p for p in source.rglob("*") if p.suffix in (".md", ".txt"))


def spread(files: list[Path], n: int) -> list[Path]:
    """``n`` files spread evenly over ``files`` (every genre and jurisdiction of a sorted corpus)."""
    n = min(n, len(files))
    return [files[i * len(files) // n] for i in range(n)]


def make_corpus(folder: Path, megabytes: float, source: Path | None = None, docs: int | None = None) -> None:
    if source is not None and docs is not None:     # real text: n documents spread over the corpus
        for i, f in enumerate(spread(corpus_files(source), docs)):
            shutil.copyfile(f, folder / f"{i:05d}{f.suffix}")
        return
    if source is not None:                     # real text: the corpus's files, in sorted order
        total = 0
        for i, f in enumerate(corpus_files(source)):
            if total >= megabytes * 1_000_000:
                return
            dst = folder / f"{i:05d}{f.suffix}"
            shutil.copyfile(f, dst)
            total += dst.stat().st_size
        return
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    total, i = 0, 0
    while total < megabytes * 1_000_000:
        for s in seeds:
            dst = folder / f"copy{i:04d}-{s.name}"
            shutil.copyfile(s, dst)
            total += dst.stat().st_size
        i += 1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=20, help="size of the largest corpus (default 20)")
    ap.add_argument("--docs", type=int, help="number of documents of the largest corpus (with --corpus; "
                                             "overrides --mb)")
    ap.add_argument("--steps", type=int, default=3, help="number of corpus sizes (default 3)")
    ap.add_argument("--corpus", type=Path, help="a folder of real documents to draw the text from")
    ap.add_argument("--no-jieba", action="store_true", help="do not segment the text with jieba for the ratio")
    ap.add_argument("--repeat", type=int, default=1, help="runs per corpus size, best of them kept (default 1)")
    args = ap.parse_args()
    if args.repeat < 1:
        print("error: --repeat: must be at least 1", file=sys.stderr)
        return 1
    if args.docs is not None and args.corpus is None:
        print("error: --docs: needs --corpus", file=sys.stderr)
        return 1
    if args.corpus is not None and not args.corpus.is_dir():
        print(f"error: {args.corpus}: not a folder", file=sys.stderr)
        return 1
    with_jieba = not args.no_jieba and importlib.util.find_spec("jieba") is not None
    if not args.no_jieba and not with_jieba:
        print("note: jieba is not installed (pip install jieba, or the project's [test] extra); "
              "the ratio to jieba is left out", file=sys.stderr)
    print(f"load average {_load()} (before)")
    print(f"{'corpus MB':>10} {'docs':>6} {'records':>9} {'start-up s':>11} {'extract s':>10} "
          f"{'MB/s':>7} {'MB/s cpu':>9} {'jieba MB/s':>11} {'x jieba':>8} {'peak RSS MB':>12}")
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(1, args.steps + 1):
            corpus = Path(tmp) / f"corpus{k}"
            corpus.mkdir()
            docs = None if args.docs is None else max(1, args.docs * k // args.steps)
            make_corpus(corpus, args.mb * k / args.steps, args.corpus, docs)
            out = Path(tmp) / f"out{k}.jsonl"
            cmd = [sys.executable, "-c", CHILD, str(corpus), str(out), "1" if with_jieba else "0"]
            if shutil.which("taskset"):
                cmd = ["taskset", "-c", "0", *cmd]
            r = best_of([json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True)
                                    .stdout.strip().splitlines()[-1]) for _ in range(args.repeat)])
            mb = r["bytes"] / 1e6
            cpu_mbs = mb / r["cpu_s"]
            jieba_mbs = mb / r["jieba_cpu_s"] if "jieba_cpu_s" in r else None
            jcol = f"{jieba_mbs:>11.2f} {cpu_mbs / jieba_mbs:>8.2f}" if jieba_mbs else f"{'-':>11} {'-':>8}"
            print(f"{mb:>10.1f} {r['docs']:>6} {r['records']:>9} {r['startup_s']:>11.2f} "
                  f"{r['seconds']:>10.1f} {mb / r['seconds']:>7.2f} {cpu_mbs:>9.2f} {jcol} {r['peak_rss_mb']:>12.0f}",
                  flush=True)
            shutil.rmtree(corpus)
            out.unlink()
    print(f"load average {_load()} (after)")
    return 0


def best_of(runs: list[dict]) -> dict:
    """The fastest of several runs of one corpus: its extraction figures, and the fastest jieba time."""
    best = dict(min(runs, key=lambda r: r["cpu_s"]))
    if "jieba_cpu_s" in best:
        best["jieba_cpu_s"] = min(r["jieba_cpu_s"] for r in runs)
    return best


def _load() -> str:
    """The 1, 5 and 15 minute load averages (what ``uptime`` shows)."""
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


if __name__ == "__main__":
    sys.exit(main())
