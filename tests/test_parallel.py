"""Extraction in several processes and on a Dask cluster gives the same build as one process."""

from __future__ import annotations

import shutil
from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner

from policykg.cli import cli
from policykg.parallel import extract_many

ROOT = Path(__file__).resolve().parent.parent
SCALE = ROOT.parent / "shared" / "corpus" / "scale"
# two short real documents of the scale corpus (a regulation, a set of measures) beside two seeds
CORPUS = ["lawrefbook_dlc/shanghai/上海市专利保护条例.md", "data_compliance/local/《厦门市促进数据产业高质量发展若干措施》-9c0d4a27c1.md"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("corpus")
    shutil.copy(ROOT / "seeds" / "jiangsu-2025.txt", d / "jiangsu-2025.txt")
    shutil.copy(ROOT / "seeds" / "anhui-2025.txt", d / "anhui-2025.txt")
    for name in CORPUS:
        shutil.copy(SCALE / name, d / Path(name).name)
    return d


def _build(corpus: Path, out: Path, *extra: str) -> dict[str, bytes]:
    r = CliRunner().invoke(cli, ["build", str(corpus), "-o", str(out), "--no-html", *extra], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return {name: (out / name).read_bytes() for name in ("extractions.jsonl", "documents.jsonl", "kg.nq")}


@pytest.mark.slow
def test_results_come_back_in_the_order_of_the_files(corpus: Path):
    files = sorted(corpus.iterdir())
    def entries(jobs: int) -> list[tuple[str, dict]]:
        out = []
        for p, r in extract_many(files, "fp", jobs=jobs):
            entry = orjson.loads(r.entry)
            entry["shacl"].pop("seconds")                 # how long the check took: the one thing that varies
            out.append((p.name, entry))
        return out
    one = entries(1)
    assert [n for n, _ in one] == [p.name for p in files]
    assert entries(2) == one


@pytest.mark.slow
def test_jobs_and_a_dask_local_cluster_give_byte_identical_outputs(corpus: Path, tmp_path: Path):
    single = _build(corpus, tmp_path / "one", "--jobs", "1")
    assert _build(corpus, tmp_path / "two", "--jobs", "2") == single
    assert _build(corpus, tmp_path / "dask", "--dask", "local") == single


def test_an_unreachable_scheduler_is_one_line(corpus: Path, tmp_path: Path):
    r = CliRunner().invoke(cli, ["build", str(corpus), "-o", str(tmp_path / "b"), "--dask", "tcp://127.0.0.1:9"])
    assert r.exit_code == 1
    assert r.output.strip().splitlines()[-1].startswith("error: tcp://127.0.0.1:9: cannot reach the Dask scheduler")
