"""Hostile input (issue 13): every case of ``make_corpus.py`` through ``policykg ingest`` in its own process.

Each case runs alone under a time limit and a memory cap (the peak resident set size of
the command, its ``VmHWM``, polled every 5 ms): the exit status is 1 for a bad
file and 0 for a good one, stderr is exactly the one line of the table in
``make_corpus.py`` (naming the file and the reason), and no traceback ever shows.  Then
``policykg ingest DIR`` over the whole corpus: every good document is read, every bad
one reported exactly once.

Unreadable files under root: root reads a chmod-000 file.  The commands run with the
capabilities CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH dropped from their bounding set
(``prctl(PR_CAPBSET_DROP)``), so that permissions bind root as any user; where that is
not allowed, the unreadable cases are skipped and only the message is checked, with a
mocked ``PermissionError`` (``test_permission_denied_message``).

Set ``HOSTILE_TABLE=FILE`` to write the table case → message → time → peak RSS.
"""

from __future__ import annotations

import ctypes
import importlib.util
import json
import os
import re
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from policykg.errors import InputError

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("hostile_make_corpus", HERE / "make_corpus.py")
make_corpus = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = make_corpus
_spec.loader.exec_module(make_corpus)

MB = 1024 * 1024
TIMEOUT = 30                # seconds, each case
DIR_TIMEOUT = 180           # seconds, the whole directory
RSS_CAP = 512 * MB          # peak resident set size of one `policykg ingest`, each case and the whole directory
COMMAND = [sys.executable, "-m", "policykg.cli", "ingest"]
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0

_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 1, 2


def _drop_read_anything() -> None:
    """preexec_fn: without these two capabilities root is bound by file permissions like any user."""
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def _permissions_bind() -> bool:
    """Whether a chmod-000 file is unreadable to the commands this test runs."""
    with tempfile.TemporaryDirectory() as d:
        f = Path(d) / "locked"
        f.write_text("x")
        f.chmod(0)
        try:
            r = subprocess.run([sys.executable, "-c", f"open({str(f)!r}).read()"], capture_output=True,
                               preexec_fn=_drop_read_anything if IS_ROOT else None, timeout=30)
        except (OSError, subprocess.SubprocessError):
            return False
        finally:
            f.chmod(0o600)
        return r.returncode != 0 and b"PermissionError" in r.stderr


PERMISSIONS_BIND = _permissions_bind()


def _peak_rss(process) -> int:
    """The process's peak resident set size so far: ``VmHWM`` of /proc/PID/status where there is one (the
    high-water mark of the program itself: ``ru_maxrss`` from ``wait4`` would also count the forked copy of
    this test process before the exec), else its current RSS."""
    try:
        with open(f"/proc/{process.pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
        return 0
    except (OSError, ValueError):
        pass
    try:
        return process.memory_info().rss
    except Exception:
        return 0


def run(args: list[str | bytes], timeout: float = TIMEOUT) -> dict:
    """Run ``policykg ingest ARGS``: exit status, stdout, stderr lines, seconds and peak RSS; killed when it
    runs past ``timeout`` or above :data:`RSS_CAP` (then ``killed`` says why)."""
    import psutil
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        p = subprocess.Popen([*COMMAND, *args], stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                             preexec_fn=_drop_read_anything if IS_ROOT and PERMISSIONS_BIND else None)
        watched, killed, peak = psutil.Process(p.pid), None, 0
        while True:
            pid, status, _ = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            peak = max(peak, _peak_rss(watched))
            if killed is None and (peak > RSS_CAP or time.monotonic() - start > timeout):
                killed = "memory" if peak > RSS_CAP else "time"
                p.kill()
            time.sleep(0.005)
        seconds = time.monotonic() - start
        p.returncode = os.waitstatus_to_exitcode(status)        # reaped here; Popen must not wait again
        out.seek(0)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
        return {"exit": p.returncode, "stdout": out.read().decode("utf-8", "replace"), "stderr": stderr,
                "lines": stderr.splitlines(), "seconds": seconds, "rss": peak, "killed": killed}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    cases = make_corpus.make(root)
    yield root, cases
    for case in cases:                           # let pytest remove the folder
        path = os.fsdecode(case.path)
        if case.unreadable and os.path.lexists(path):
            os.chmod(path, stat.S_IRWXU)


TABLE: list[tuple[str, str, float, int]] = []


def _applies(case) -> bool:
    return not case.unreadable or PERMISSIONS_BIND


@pytest.mark.slow
def test_each_case_alone(corpus):
    root, cases = corpus
    failures = []
    for case in cases:
        if not _applies(case):
            continue
        r = run([case.path])
        shown = r["lines"][0] if len(r["lines"]) == 1 else " | ".join(r["lines"]) or "(nothing)"
        TABLE.append((case.name, shown if case.exit else f"(read) {shown}", r["seconds"], r["rss"]))
        problems = []
        if r["killed"]:
            problems.append(f"killed: over the {'memory cap' if r['killed'] == 'memory' else 'time limit'}")
        if "Traceback" in r["stderr"] or "Traceback" in r["stdout"]:
            problems.append("a traceback")
        if r["exit"] != case.exit:
            problems.append(f"exit {r['exit']}, expected {case.exit}")
        if case.expected is not None and r["lines"] != [case.expected]:
            problems.append(f"stderr {r['lines']!r}, expected [{case.expected!r}]")
        if case.expected is None and not (len(r["lines"]) == 1 and " 1 of 1 document(s) ingested" in
                                          f" {r['lines'][0]}"):
            problems.append(f"stderr {r['lines']!r}, expected the one-line summary")
        if r["rss"] > RSS_CAP:
            problems.append(f"peak RSS {r['rss'] // MB} MB > {RSS_CAP // MB} MB")
        if problems:
            failures.append(f"{case.name}: " + "; ".join(problems))
    _write_table()
    assert not failures, "\n".join(failures)


@pytest.mark.slow
def test_whole_directory(corpus):
    """One walk over everything: each good document read, each bad file that the walk meets reported once."""
    root, cases = corpus
    walked = [c for c in cases if c.walked and _applies(c)]
    good = {os.fsdecode(c.path) for c in walked if c.exit == 0}
    bad = [c.expected for c in walked if c.exit == 1]
    if not PERMISSIONS_BIND:                       # then the locked file and folder are read like the others
        good |= {str(root / "unreadable.txt"), str(root / "locked" / "inside.txt")}
    r = run([str(root), "--json"], timeout=DIR_TIMEOUT)
    TABLE.append(("whole directory", r["lines"][-1] if r["lines"] else "(nothing)", r["seconds"], r["rss"]))
    _write_table()
    assert r["killed"] is None, f"killed: over the {r['killed']} limit"
    assert "Traceback" not in r["stderr"] + r["stdout"]
    assert r["exit"] == 1
    *errors, summary = r["lines"]
    assert sorted(errors) == sorted(bad)                        # each once, nothing else
    assert re.fullmatch(rf"{len(good)} of {len(good) + len(bad)} document\(s\) ingested in [0-9.]+s; "
                        rf"{len(bad)} failed", summary), summary
    read = {json.loads(line)["path"] for line in r["stdout"].splitlines()}
    assert read == good
    assert r["rss"] <= RSS_CAP


def _write_table() -> None:
    target = os.environ.get("HOSTILE_TABLE")
    if not target:
        return
    with open(target, "w", encoding="utf-8") as fh:
        fh.write(f"{'case':46} {'s':>6} {'MB':>5}  message\n")
        for name, message, seconds, rss in TABLE:
            fh.write(f"{name:46} {seconds:6.2f} {rss / MB:5.0f}  {message}\n")


# --- in-process checks of the same paths (quick) ---------------------------------------------

def test_permission_denied_message(tmp_path, monkeypatch):
    """The message of an unreadable file, with the open mocked: root reads any file, and the test above
    can only make it unreadable when the capabilities can be dropped."""
    from policykg.extract.text import read as r
    path = tmp_path / "locked.txt"
    path.write_text("第一条 为了规范数据处理活动，制定本条例。", encoding="utf-8")

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(r.os, "open", denied)
    with pytest.raises(InputError) as info:
        r.read(path)
    assert str(info.value) == f"{path}: cannot read the file (Permission denied)"


def test_limits_come_from_the_environment(tmp_path, monkeypatch):
    from policykg.errors import PolicyKGError
    from policykg.extract.text import read as r
    path = tmp_path / "doc.txt"
    path.write_text("第一条 为了规范数据处理活动，制定本条例。\n" * 100, encoding="utf-8")
    monkeypatch.setenv("POLICYKG_MAX_FILE_MB", "0.001")
    with pytest.raises(InputError, match=r"file too large: 6,200 bytes, more than the limit of 0.001 MB"):
        r.read(path)
    monkeypatch.setenv("POLICYKG_MAX_FILE_MB", "1")
    monkeypatch.setenv("POLICYKG_MAX_TEXT_CHARS", "1000")
    with pytest.raises(InputError, match=r"text too long: more than 1,000 characters"):
        r.read(path)
    monkeypatch.setenv("POLICYKG_MAX_TEXT_CHARS", "lots")
    with pytest.raises(PolicyKGError, match="POLICYKG_MAX_TEXT_CHARS: must be a positive number, not 'lots'"):
        r.read(path)


def test_a_fifo_is_refused_without_being_opened(tmp_path):
    from policykg.extract.text import read as r
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file but a named pipe"):
        r.read_bytes(fifo)                       # would block forever if it were opened


def test_the_walk_reports_what_it_cannot_walk(tmp_path):
    from policykg.extract.document.ingest import expand_paths
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("x")
    (tmp_path / "sub" / "notes.csv").write_text("x")
    os.symlink("..", tmp_path / "sub" / "up")                     # a cycle, not followed
    os.symlink("loop.md", tmp_path / "loop.md")                  # reported by the reader
    bad = os.fsencode(tmp_path) + b"/gbk-\xd5\xfe\xb2\xdf"        # a folder named in GBK: yielded once
    os.mkdir(bad)
    open(bad + b"/b.txt", "wb").close()
    assert [p.relative_to(tmp_path).as_posix() for p in expand_paths([tmp_path])] == [
        os.fsdecode(b"gbk-\xd5\xfe\xb2\xdf"), "loop.md", "sub/a.txt"]


def test_markup_in_names_is_printed_as_text(tmp_path):
    from click.testing import CliRunner

    from policykg.cli import cli
    folder = tmp_path / "[bold]a["                # folder + file: the path holds "[bold]a[/x]b.md"
    folder.mkdir()
    (folder / "x]b.md").write_bytes(b"")
    r = CliRunner().invoke(cli, ["ingest", str(tmp_path)])
    assert r.exit_code == 1
    assert r.stderr.splitlines() == [f"error: {tmp_path}/[bold]a[/x]b.md: empty file"]


def test_a_file_reached_twice_is_walked_once(tmp_path):
    from policykg.extract.document.ingest import expand_paths
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "b.txt").write_text("x")
    os.symlink("a.txt", tmp_path / "c.txt")                   # a second name of a.txt
    got = expand_paths([tmp_path / "b.txt", tmp_path, tmp_path / "." / "a.txt"])
    assert [p.relative_to(tmp_path).as_posix() for p in got] == ["b.txt", "a.txt"]


def test_a_file_named_twice_is_built_once_and_a_copy_is_warned_of(tmp_path, seeds_dir):
    from click.testing import CliRunner

    from policykg.cli import cli
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_bytes((seeds_dir / "jiangsu-2025.txt").read_bytes())
    (docs / "copy.txt").write_bytes((seeds_dir / "jiangsu-2025.txt").read_bytes())
    r = CliRunner().invoke(cli, ["build", str(docs), str(docs / "a.txt"), "-o", str(tmp_path / "b"), "--json"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    assert out["counts"]["documents"] == 2 and out["errors"] == []
    assert out["same_text"] == [[str(docs / "copy.txt"), str(docs / "a.txt")]]
    r = CliRunner().invoke(cli, ["build", str(docs), "-o", str(tmp_path / "b")])
    assert r.exit_code == 0
    assert f"warning: {docs / 'copy.txt'}: the same text as {docs / 'a.txt'}; both are in the build" in r.stderr
