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
    r = CliRunner().invoke(cli, ["build", str(corpus), "-o", str(out), *extra], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return {name: (out / name).read_bytes() for name in ("extractions.jsonl", "documents.jsonl", "kg.nq.gz")}


@pytest.mark.slow
def test_results_come_back_in_the_order_of_the_files(corpus: Path):
    files = sorted(corpus.iterdir())
    def entries(jobs: int) -> list[tuple[str, dict]]:
        out = []
        for p, r in extract_many(files, "fp", jobs=jobs):
            entry = orjson.loads(r.entry)
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


# --- the time budget of one document -----------------------------------------------------------

def _slow_and_dying(monkeypatch):
    """Extraction that hangs on any file named slow*.txt and kills its own process on die*.txt."""
    import os
    import signal
    import time

    import policykg.parallel as worker
    real = worker.run

    def run(doc):
        name = Path(doc.path).name
        if name.startswith("slow"):
            time.sleep(3600)
        if name.startswith("die"):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(doc)
    monkeypatch.setattr(worker, "run", run)


@pytest.fixture()
def with_slow(corpus: Path, tmp_path: Path, monkeypatch) -> list[Path]:
    _slow_and_dying(monkeypatch)
    slow = tmp_path / "slow.txt"
    dies = tmp_path / "die.txt"
    for p in (slow, dies):
        shutil.copy(corpus / "anhui-2025.txt", p)
    return [corpus / "jiangsu-2025.txt", slow, dies, corpus / "anhui-2025.txt"]


@pytest.mark.slow
@pytest.mark.parametrize("jobs", [1, 2])
def test_a_document_over_its_time_budget_is_skipped_and_the_others_come_through(with_slow, jobs):
    import time
    t0 = time.monotonic()
    out = [(p.name, r.error, r.entry is not None) for p, r in extract_many(with_slow, "fp", jobs=jobs, timeout=4)]
    assert out == [("jiangsu-2025.txt", None, True),
                   ("slow.txt", "took longer than 4 s; skipped", False),
                   ("die.txt", "the process extracting it died (killed by signal 9); skipped", False),
                   ("anhui-2025.txt", None, True)]
    assert time.monotonic() - t0 < 60


@pytest.mark.slow
def test_a_build_skips_a_slow_document_in_one_line_and_is_otherwise_the_same(corpus, tmp_path, monkeypatch):
    from policykg.build import build
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("jiangsu-2025.txt", "anhui-2025.txt"):
        shutil.copy(corpus / name, docs / name)
    without = _build(docs, tmp_path / "without")
    _slow_and_dying(monkeypatch)
    shutil.copy(corpus / "anhui-2025.txt", docs / "slow-copy.txt")
    monkeypatch.setenv("POLICYKG_DOC_TIMEOUT", "3")
    result = build([docs], tmp_path / "with")
    assert [str(e) for e in result.errors] == [f"{docs / 'slow-copy.txt'}: took longer than 3 s; skipped"]
    assert {n: (tmp_path / "with" / n).read_bytes() for n in without} == without


@pytest.mark.parametrize("value", ["-1", "soon", "inf"])
def test_a_bad_time_budget_in_the_environment_is_one_line(value, monkeypatch):
    from policykg.errors import PolicyKGError
    from policykg.parallel import doc_timeout
    monkeypatch.setenv("POLICYKG_DOC_TIMEOUT", value)
    with pytest.raises(PolicyKGError) as e:
        doc_timeout()
    assert str(e.value) == f"POLICYKG_DOC_TIMEOUT: must be a number of seconds (0 for no limit), not '{value}'"
    assert doc_timeout(7) == 7
    monkeypatch.setenv("POLICYKG_DOC_TIMEOUT", "0")
    assert doc_timeout() == 0


@pytest.mark.slow
def test_the_cli_time_budget_skips_each_document_in_one_line(tmp_path):
    """A real ``policykg build --doc-timeout`` in its own process: no document fits in 1 ms."""
    import subprocess
    import sys
    docs = [str(ROOT / "seeds" / n) for n in ("jiangsu-2025.txt", "anhui-2025.txt")]
    r = subprocess.run([sys.executable, "-m", "policykg.cli", "build", *docs, "-o", str(tmp_path / "b"),
                        "--doc-timeout", "0.001"], capture_output=True, text=True, timeout=300, check=False)
    assert r.returncode == 1
    assert r.stderr.splitlines()[:2] == [f"error: {d}: took longer than 0.001 s; skipped" for d in docs]


_ORPHAN = r"""
import sys, time
from pathlib import Path
import policykg.parallel as worker
worker._warmed.add(False)                      # no warm-up: the test is about the process, not extraction
def run(doc):
    print("worker", __import__("os").getpid(), flush=True)
    time.sleep(3600)
worker.run = run
list(worker.extract_many([Path(sys.argv[1])], "fp", jobs=1, timeout=600))
"""


def test_a_killed_build_leaves_no_worker_behind(tmp_path):
    """kill -9 of the process that extracts: its worker process dies with it."""
    import os
    import signal
    import subprocess
    import sys
    import time
    parent = subprocess.Popen([sys.executable, "-c", _ORPHAN, str(ROOT / "seeds" / "jiangsu-2025.txt")],
                              stdout=subprocess.PIPE, text=True)
    line = parent.stdout.readline()
    assert line.startswith("worker "), line
    child = int(line.split()[1])
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            break
        with open(f"/proc/{child}/stat") as f:        # a zombie (not yet reaped by init) is gone too
            if f.read().split(") ", 1)[1].startswith("Z"):
                break
        time.sleep(0.1)
    else:
        os.kill(child, signal.SIGKILL)
        pytest.fail("the worker outlived the build")
