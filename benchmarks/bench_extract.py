"""Extraction throughput and memory on growing corpora: real corpus text, or the seeds repeated.

    python benchmarks/bench_extract.py --corpus ../shared/corpus/scale [--mb 20] [--steps 3]
    python benchmarks/bench_extract.py [--mb 20] [--steps 3]        (the four seeds repeated)

Builds corpora of growing size (the corpus's .md/.txt files in sorted order, or
the four seeds copied under distinct names) in a temporary folder and, for each, runs read → normalize → structure → extract in
a fresh process on one core, streaming records to a file.  Prints megabytes of
input text per second after start-up (imports and the vocabulary load are
timed separately) and the peak resident memory, which stays flat when the
pipeline streams.
"""

from __future__ import annotations

import argparse
import json
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
startup = time.perf_counter() - t0
corpus, out = sys.argv[1], sys.argv[2]
files = sorted(os.path.join(corpus, f) for f in os.listdir(corpus))
size = sum(os.path.getsize(f) for f in files)
n = docs = 0
t1 = time.perf_counter()
with open(out, "w", encoding="utf-8") as fh:
    for r in iter_documents(files):
        docs += 1
        for rec in run(r.document).records():
            fh.write(rec.dumps() + "\n")
            n += 1
elapsed = time.perf_counter() - t1
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"bytes": size, "docs": docs, "records": n, "startup_s": startup, "seconds": elapsed,
                  "peak_rss_mb": peak}))
"""


def make_corpus(folder: Path, megabytes: float, source: Path | None = None) -> None:
    if source is not None:                     # real text: the corpus's files, in sorted order
        total = 0
        for i, f in enumerate(sorted(p for p in source.rglob("*") if p.suffix in (".md", ".txt"))):
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
    ap.add_argument("--steps", type=int, default=3, help="number of corpus sizes (default 3)")
    ap.add_argument("--corpus", type=Path, help="a folder of real documents to draw the text from")
    args = ap.parse_args()
    print(f"{'corpus MB':>10} {'docs':>6} {'records':>9} {'start-up s':>11} {'extract s':>10} "
          f"{'MB/s':>7} {'peak RSS MB':>12}")
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(1, args.steps + 1):
            mb = args.mb * k / args.steps
            corpus = Path(tmp) / f"corpus{k}"
            corpus.mkdir()
            make_corpus(corpus, mb, args.corpus)
            out = Path(tmp) / f"out{k}.jsonl"
            res = subprocess.run(["taskset", "-c", "0", sys.executable, "-c", CHILD, str(corpus), str(out)]
                                 if shutil.which("taskset") else [sys.executable, "-c", CHILD, str(corpus), str(out)],
                                 capture_output=True, text=True, check=True)
            r = json.loads(res.stdout.strip().splitlines()[-1])
            mbs = r["bytes"] / 1e6 / r["seconds"]
            print(f"{r['bytes'] / 1e6:>10.1f} {r['docs']:>6} {r['records']:>9} {r['startup_s']:>11.2f} "
                  f"{r['seconds']:>10.1f} {mbs:>7.2f} {r['peak_rss_mb']:>12.0f}")
            shutil.rmtree(corpus)
            out.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
