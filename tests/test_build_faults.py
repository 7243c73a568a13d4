"""Faults during ``policykg build`` (policykg/build.py): kill -9 at any moment leaves the old or the new
build whole, two builds into one directory are serialized by a lock, an output that cannot be written
gives one line and leaves the previous build."""

from __future__ import annotations

import errno
import fcntl
import gzip
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from policykg.build import CORE_OUTPUTS, build
from policykg.errors import InputError

DOCS = {
    "forest.txt": ("广东省森林防火条例", "广东省人民代表大会常务委员会", "2021-09-29",
                   "第十一条 县级以上人民政府有关部门应当为所属的森林火灾扑救人员购买人身意外伤害保险。"),
    "compute.txt": ("江苏省关于支持算力发展的若干措施", "江苏省人民政府", "2025-03-01",
                    "一、各设区市人民政府应当发放算力券，支持中小企业使用算力。"),
    "data.txt": ("安徽省数据要素发展规划", "安徽省人民政府办公厅", "2024-06-01",
                 "第一条 省数据资源管理局应当建立公共数据开放目录。"),
    "ai.txt": ("黑龙江省人工智能产业发展行动方案", "黑龙江省人民政府", "2024-05-20",
               "一、省工业和信息化厅应当组织实施本方案，到2026年全省人工智能核心产业规模达到100亿元。"),
}
FOURTH = "ai.txt"


def _write_doc(folder: Path, name: str) -> None:
    title, author, date, body = DOCS[name]
    (folder / name).write_text(f"---\ntitle: {title}\nauthor: {author}\ndate: '{date}'\n---\n\n{title}\n\n{body}\n",
                               encoding="utf-8")


@pytest.fixture
def docs(tmp_path) -> Path:
    d = tmp_path / "docs"
    d.mkdir()
    for name in DOCS:
        if name != FOURTH:
            _write_doc(d, name)
    return d


def _cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "policykg.cli", *args], capture_output=True, text=True,
                          timeout=timeout, env=os.environ | {"COLUMNS": "200"})


def _issuers(out: Path) -> list:
    r = _cli("query", str(out), "issuers", "--format", "json")
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


_NQ_DOC = re.compile(r'^<https://w3id.org/policykg/id/document/[^>]+> <http://purl.org/dc/terms/identifier> "([^"]+)" ',
                     re.M)


def _documents_agree(out: Path) -> int:
    """The document count, after checking that every output of the build is there and that extractions.jsonl,
    documents.jsonl, kg.nq.gz and manifest.json name the same documents (never a mix of two builds)."""
    for name in CORE_OUTPUTS:
        assert (out / name).exists(), name
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    docs = {d["id"] for d in manifest["documents"]}
    assert len(docs) == manifest["counts"]["documents"]
    ext = {json.loads(line)["doc"] for line in (out / "extractions.jsonl").read_text(encoding="utf-8").splitlines()}
    listed = {json.loads(line)["id"] for line in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()}
    in_nq = set(_NQ_DOC.findall(gzip.decompress((out / "kg.nq.gz").read_bytes()).decode("utf-8")))
    assert ext == listed == in_nq == docs, (ext, listed, in_nq, docs)
    return len(docs)


def _leftovers(out: Path) -> list[str]:
    gens = sorted(p.name for p in (out / ".gen").iterdir())
    extra = [p.name for p in out.iterdir() if p.name.startswith(".tmp") or p.name.endswith(".pkg-new")]
    extra += [p.name for p in (out / ".cache").iterdir() if ".tmp-" in p.name]
    return extra + ([] if gens == [os.readlink(out / ".current").split("/")[-1]] else gens)


@pytest.mark.slow          # a dozen builds in subprocesses
def test_kill_9_at_any_moment_of_a_rebuild_leaves_the_old_or_the_new_build(docs, tmp_path):
    out = tmp_path / "build"
    build([docs], out, jobs=1)
    old = _issuers(out)
    _write_doc(docs, FOURTH)
    t0 = time.monotonic()
    r = _cli("build", str(docs), "-o", str(out), "--jobs", "1")
    full = time.monotonic() - t0
    assert r.returncode == 0, r.stderr
    new = _issuers(out)
    assert new != old and _documents_agree(out) == 4
    states = {3: old, 4: new}
    # from here on each run goes from one build to the other: 4 → 3 → 4 …, killed after these delays
    delays = [0.3, 0.6, 1.0, 1.5, 2.0] + [full * f for f in (0.5, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98)]
    seen = []
    for delay in delays:
        (docs / FOURTH).unlink() if (docs / FOURTH).exists() else _write_doc(docs, FOURTH)
        p = subprocess.Popen([sys.executable, "-m", "policykg.cli", "build", str(docs), "-o", str(out),
                              "--jobs", "1", "--prune"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        p.send_signal(signal.SIGKILL)
        p.wait()
        n = _documents_agree(out)
        assert _issuers(out) == states[n], delay
        seen.append((round(delay, 2), n))
    print("kill after (s) → documents:", seen, f"(a full rebuild takes {full:.1f}s)")
    r = _cli("build", str(docs), "-o", str(out), "--jobs", "1", "--prune")
    assert r.returncode == 0, r.stderr
    assert _documents_agree(out) == (4 if (docs / FOURTH).exists() else 3)
    assert _leftovers(out) == []


#: a build in a subprocess that kills itself (SIGKILL) at a named point of the final switch or after it
_KILL_AT = textwrap.dedent("""
    import os, signal, sys
    import policykg.build as b
    point, n = sys.argv[3].split(":")
    calls, switching = [0], [False]
    def die_at(name, real):
        def f(*a, **k):
            if switching[0] and point == name:
                calls[0] += 1
                if calls[0] == int(n):
                    os.kill(os.getpid(), signal.SIGKILL)
            return real(*a, **k)
        return f
    real_switch = b._switch
    def switch(gen, out):
        switching[0] = True
        real_switch(gen, out)
    os.replace, os.unlink = die_at("replace", os.replace), die_at("unlink", os.unlink)
    b._fsync_dir = die_at("fsync", b._fsync_dir)
    b.subprocess.run = die_at("run", b.subprocess.run)      # starts the detached deletion of the old generation
    b._switch = switch
    b.build([sys.argv[1]], sys.argv[2])
""")


@pytest.mark.slow          # a build per point
def test_kill_9_at_each_step_of_the_switch(docs, tmp_path):
    """Deterministic: the rebuild kills itself just before the one rename that switches generations (the old
    build stays), just after it, before the old generation is set aside and before its deletion is started
    (the new build is in place); the next build tidies up."""
    out = tmp_path / "build"
    build([docs], out, jobs=1)
    old = _issuers(out)
    _write_doc(docs, FOURTH)
    for point, expected in (("replace:1", 3), ("fsync:1", 4), ("replace:2", 4), ("run:1", 4)):
        if expected == 4 and _documents_agree(out) == 4:      # go back to the old build first
            (docs / FOURTH).unlink()
            build([docs], out, jobs=1, prune=True)
            _write_doc(docs, FOURTH)
        r = subprocess.run([sys.executable, "-c", _KILL_AT, str(docs), str(out), point], capture_output=True)
        assert r.returncode == -signal.SIGKILL, r.stderr.decode()
        assert _documents_agree(out) == expected, point
        if expected == 3:
            assert _issuers(out) == old
    assert list(out.glob(".trash-*"))                        # set aside, its deletion not started
    r = _cli("build", str(docs), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert _documents_agree(out) == 4 and _leftovers(out) == [] and _trash_gone(out)


def test_a_second_build_into_a_locked_directory_is_refused_in_one_line(docs, tmp_path):
    out = tmp_path / "build"
    out.mkdir()
    fd = os.open(out / ".lock", os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os.write(fd, b"4242")
        r = _cli("build", str(docs), "-o", str(out))
    finally:
        os.close(fd)
    assert r.returncode == 1
    assert r.stderr.strip().splitlines() == [
        f"error: {out}: another build is running (pid 4242); wait for it or build elsewhere"], r.stderr
    with pytest.raises(InputError, match="another build is running"):
        fd = os.open(out / ".lock", os.O_RDWR)
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        try:
            build([docs], out)
        finally:
            os.close(fd)


def test_an_output_under_a_file_gives_one_line(docs, tmp_path):
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    r = _cli("build", str(docs), "-o", str(tmp_path / "plain" / "build"))
    assert r.returncode == 1
    lines = r.stderr.strip().splitlines()
    assert lines == [f"error: {tmp_path / 'plain'}: exists and is not a directory; choose another -o"], r.stderr


@pytest.mark.slow          # two builds
@pytest.mark.parametrize("err", [errno.EROFS, errno.ENOSPC])
def test_a_read_only_or_full_disk_leaves_the_previous_build(docs, tmp_path, monkeypatch, err):
    out = tmp_path / "build"
    build([docs], out, jobs=1)
    before = {n: (out / n).read_bytes() for n in ("extractions.jsonl", "kg.nq.gz", "manifest.json")}
    _write_doc(docs, FOURTH)
    import policykg.build as b

    def failing(real):
        def fail(*a, **k):
            real(*a, **k)
            raise OSError(err, os.strerror(err))
        return fail
    for name in ("load_ladybug", "update_ladybug"):     # a load anew, or the update in place (the tables fit)
        monkeypatch.setattr(b, name, failing(getattr(b, name)))
    with pytest.raises(InputError) as e:
        build([docs], out, jobs=1)
    reason = "read-only" if err == errno.EROFS else "disk is full"
    assert str(e.value) == f"{out}: cannot write the build (the file system is {reason}); the previous build " \
                           "is unchanged" if err == errno.EROFS else reason in str(e.value)
    assert "\n" not in str(e.value)
    assert {n: (out / n).read_bytes() for n in before} == before
    assert _documents_agree(out) == 3 and _leftovers(out) == []
    monkeypatch.undo()
    build([docs], out, jobs=1)
    assert _documents_agree(out) == 4


@pytest.mark.slow          # two builds
def test_a_build_directory_from_before_generations_is_migrated(docs, tmp_path):
    out = tmp_path / "build"
    build([docs], out, jobs=1)
    legacy = tmp_path / "legacy"                    # real files at top level, as builds used to leave them
    legacy.mkdir()
    for name in CORE_OUTPUTS + (".cache",):
        src = out / name
        (shutil.copytree(src, legacy / name) if src.is_dir() else shutil.copy(src, legacy / name))
    (legacy / ".tmp-12345").mkdir()                 # what a killed build of the old kind left
    old_manifest = (legacy / "manifest.json").read_text(encoding="utf-8")
    _write_doc(docs, FOURTH)
    result = build([docs], legacy, jobs=1)
    assert (result.extracted, result.reused) == (1, 3)  # the cache was kept
    assert all((legacy / n).is_symlink() for n in CORE_OUTPUTS)
    assert _documents_agree(legacy) == 4 and _leftovers(legacy) == []
    assert (legacy / "manifest.json").read_text(encoding="utf-8") != old_manifest
    assert not (legacy / ".tmp-12345").exists()


def _trash_gone(out: Path, seconds: float = 30) -> bool:
    """Whether the folders a build set aside for deletion (``.trash-*``) are gone within ``seconds``."""
    end = time.monotonic() + seconds
    while list(out.glob(".trash-*")) and time.monotonic() < end:
        time.sleep(0.05)
    return not list(out.glob(".trash-*"))


@pytest.mark.slow          # three builds
def test_the_previous_generation_is_deleted_in_the_background_and_a_crashed_deletion_by_the_next_build(docs, tmp_path):
    out = tmp_path / "build"
    build([docs], out, jobs=1)
    first = os.readlink(out / ".current").split("/")[-1]
    _write_doc(docs, FOURTH)
    build([docs], out, jobs=1)
    assert _leftovers(out) == [] and first not in {p.name for p in (out / ".gen").iterdir()}   # set aside at once
    assert _trash_gone(out)                                          # and deleted by the detached process
    stale = out / ".trash-7-123-456"                                 # what a crash during a deletion leaves
    (stale / "oxigraph").mkdir(parents=True)
    (stale / "kg.nq.gz").write_bytes(b"x" * 1000)
    (docs / FOURTH).unlink()
    build([docs], out, jobs=1, prune=True)
    assert _trash_gone(out) and _documents_agree(out) == 3


@pytest.mark.slow          # two builds
def test_a_failed_copy_of_the_unchanged_lines_leaves_the_previous_build(docs, tmp_path, monkeypatch):
    out = tmp_path / "build"
    build([docs], out, jobs=1)
    before = {n: (out / n).read_bytes() for n in ("extractions.jsonl", "kg.nq.gz", "manifest.json")}
    _write_doc(docs, FOURTH)
    import policykg.build as b

    def failing(*a, **k):                     # in the thread that copies the unchanged documents' lines
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(b, "_copy_range", failing)
    with pytest.raises(InputError, match="the disk is full"):
        build([docs], out, jobs=1)
    assert {n: (out / n).read_bytes() for n in before} == before
    assert _documents_agree(out) == 3 and _leftovers(out) == []


def test_a_bug_met_in_one_document_skips_it_and_builds_the_others(docs, tmp_path, monkeypatch):
    import policykg.parallel as par
    real = par.extract_entry

    def buggy(path, *a, **k):                 # as 山东省城乡规划条例 met a KeyError in a rule of the actor stage
        if path.endswith("forest.txt"):
            raise KeyError("城市")
        return real(path, *a, **k)
    monkeypatch.setattr(par, "extract_entry", buggy)
    errors: list[InputError] = []
    result = build([docs], tmp_path / "build", jobs=1, doc_timeout=0, on_error=errors.append)
    assert [(Path(e.where or "").name, e.message) for e in errors] == [
        ("forest.txt", "internal error while extracting it (KeyError: '城市' at test_build_faults.py:"
         f"{buggy.__code__.co_firstlineno + 2}); skipped — please report it")]
    assert _documents_agree(tmp_path / "build") == 2 and result.counts["documents"] == 2
