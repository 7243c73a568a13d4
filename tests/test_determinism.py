"""The same inputs give byte-identical outputs and ids, whatever the hash seed and ``--jobs`` (issue 13, item 6).

Each build runs ``policykg build`` in a fresh process: ``PYTHONHASHSEED`` 0, 1
and random (set iteration order differs between them), one and two
extraction processes.  ``extractions.jsonl``, ``documents.jsonl`` and
``kg.nq.gz`` must be equal byte for byte, so every id is too.
"""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

ROOT = Path(__file__).resolve().parent.parent
SCALE = ROOT.parent / "shared" / "corpus" / "scale"
CORPUS = ["lawrefbook_dlc/shanghai/上海市专利保护条例.md",
          "data_compliance/local/《厦门市促进数据产业高质量发展若干措施》-9c0d4a27c1.md"]
OUTPUTS = ("extractions.jsonl", "documents.jsonl", "kg.nq.gz")


def _build(corpus: Path, out: Path, seed: str, jobs: int) -> dict[str, bytes]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    r = subprocess.run([sys.executable, "-m", "policykg.cli", "build", str(corpus), "-o", str(out),
                        "--jobs", str(jobs)], capture_output=True, text=True, env=env, timeout=600, check=False)
    assert r.returncode == 0, r.stderr[-2000:]
    return {name: (out / name).read_bytes() for name in (*OUTPUTS, "manifest.json")}


def _fingerprint(outputs: dict[str, bytes]) -> str:
    return orjson.loads(outputs["manifest.json"])["fingerprint"]


@pytest.mark.slow
def test_outputs_and_ids_are_the_same_across_hash_seeds_and_jobs(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in sorted((ROOT / "seeds").glob("*.txt"))[:2]:
        shutil.copy(p, corpus / p.name)
    for name in CORPUS:
        shutil.copy(SCALE / name, corpus / Path(name).name)
    first = _build(corpus, tmp_path / "seed0-jobs1", "0", 1)
    ids = [orjson.loads(line)["id"] for line in first["documents.jsonl"].splitlines()]
    assert len(ids) == 4 and len(set(ids)) == 4
    assert gzip.decompress(first["kg.nq.gz"]).count(b"\n") > 1000
    for seed, jobs in (("1", 2), ("random", 1)):
        other = _build(corpus, tmp_path / f"seed{seed}-jobs{jobs}", seed, jobs)
        assert _fingerprint(other) == _fingerprint(first), "the pipeline's code changed during the test"
        for name in OUTPUTS:
            assert other[name] == first[name], f"{name} differs with PYTHONHASHSEED={seed} --jobs {jobs}"
