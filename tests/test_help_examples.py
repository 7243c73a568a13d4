"""Every example in every ``--help`` runs: the command tree is walked from ``policykg.cli.cli``, each
help's example lines (``policykg …``, a parenthesized comment after two or more spaces stripped) are
run in-process with click's CliRunner, in a working folder holding ``seeds/``, a build of them as
``build/`` and the small files the examples name (``a.docx``, ``my-query.rq``…).

Not run, only parsed (the options and arguments checked by click): ``policykg serve …``, which
serves until Ctrl-C, and ``policykg load neo4j …``, which needs a Neo4j or FalkorDB server at the
address it names (tests/test_neo4j.py loads a real FalkorDB).  The ``curl`` line of ``serve --help``
talks to a running server (tests/test_serve.py sends the same request).
"""

from __future__ import annotations

import glob
import os
import re
import shlex
import shutil
import subprocess
import time
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from policykg.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SCALE = ROOT.parent / "shared" / "corpus" / "scale"     # the folder ../shared/corpus/scale examples name

#: examples that are parsed, not run: the reason
NOT_RUN = {("serve",): "serves until Ctrl-C", ("load", "neo4j"): "needs a Neo4j or FalkorDB server",
           ("load", "falkordb"): "needs a FalkorDB server"}
#: commands that change the build: each gets a fresh copy of the working folder
CHANGES_BUILD = {"build", "add", "remove"}
#: lines of an examples block that are not ``policykg`` commands
OTHER_LINES = ("curl ",)

_EXAMPLE = re.compile(r"^((?:[A-Z_][A-Z0-9_]*=\S*\s+)*)policykg(\s.*)?$")
_COMMENT = re.compile(r"\s{2,}\(.*\)$")


def walk(cmd: click.Command, path: tuple[str, ...] = ()):
    yield path, cmd
    if isinstance(cmd, click.Group):
        for name in sorted(cmd.commands):
            yield from walk(cmd.commands[name], (*path, name))


def help_text(path: tuple[str, ...]) -> str:
    r = CliRunner().invoke(cli, [*path, "--help"], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return r.output


def example_lines(text: str) -> list[str]:
    """The ``policykg …`` lines of a help text (an environment assignment may come first), comments stripped."""
    out = []
    for line in text.splitlines():
        line = _COMMENT.sub("", line.strip())
        if _EXAMPLE.match(line):
            out.append(line)
    return out


def all_examples() -> list[str]:
    seen: dict[str, None] = {}
    for path, _ in walk(cli):
        for ex in example_lines(help_text(path)):
            seen.setdefault(ex)
    return list(seen)


def test_example_lines_are_parsed_with_comments_and_environment():
    text = """Examples:
  policykg build seeds/ -o build --json                      (the summary as JSON)
  NEO4J_URI=bolt://db:7687 policykg load neo4j build --database policy
  curl http://127.0.0.1:7878/sparql
  policykg explain "支持企业建设（省数据局牵头）。" --doc-type 行动计划"""
    assert example_lines(text) == ["policykg build seeds/ -o build --json",
                                   "NEO4J_URI=bolt://db:7687 policykg load neo4j build --database policy",
                                   'policykg explain "支持企业建设（省数据局牵头）。" --doc-type 行动计划']


def test_every_command_has_examples_and_no_other_lines():
    """Each command's help has an Examples block of ``policykg`` lines (serve's ``curl`` line aside)."""
    for path, _ in walk(cli):
        text = help_text(path)
        assert example_lines(text), f"'policykg {' '.join(path)} --help' has no example"
        block = text.split("Examples:", 1)[1] if "Examples:" in text else ""
        for line in block.split("\n\n", 1)[0].splitlines():
            line = line.strip()
            assert not line or _EXAMPLE.match(_COMMENT.sub("", line)) or line.startswith(OTHER_LINES), (path, line)


# --- the working folder ------------------------------------------------------------------------

def _docx(path: Path, title: str, *paragraphs: str) -> None:
    import docx
    d = docx.Document()
    d.core_properties.title = title
    for p in (title, *paragraphs):
        d.add_paragraph(p)
    d.save(path)


def _pdf(path: Path, *lines: str) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path))
    c.setFont("STSong-Light", 11)
    for i, line in enumerate(lines):
        c.drawString(50, 800 - 20 * i, line)
    c.save()


def _prepare(work: Path) -> None:
    """``work``: seeds/, tests/gold/, build/ (``policykg build seeds/ -o build``) and the files the examples read.

    The build is made here, not copied from the session's seed build: a build knows its documents by the
    paths it was given (``seeds/jiangsu-2025.txt``), and the examples give ``seeds/…`` again."""
    from policykg.build import build
    work.mkdir(parents=True)
    (work / "seeds").symlink_to(ROOT / "seeds", target_is_directory=True)
    (work / "tests").mkdir()
    (work / "tests" / "gold").symlink_to(ROOT / "tests" / "gold", target_is_directory=True)
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(work)
        result = build([Path("seeds")], Path("build"))
    assert not result.errors, result.errors
    shutil.copy(work / "build" / "extractions.jsonl", work / "extractions.jsonl")
    runner = CliRunner()
    for lang, name, file in (("sparql", "issuers", "my-query.rq"), ("cypher", "targets-2027", "my-query.cypher")):
        r = runner.invoke(cli, ["query", "--show", name, "--lang", lang], catch_exceptions=False)
        (work / file).write_text(r.stdout, encoding="utf-8")
    _docx(work / "a.docx", "某省数字经济促进条例", "第一章 总则",
          "第一条 为了促进数字经济发展，推动数字经济做强做优做大，制定本条例。",
          "第二条 县级以上人民政府应当加强对数字经济发展工作的领导。")
    _pdf(work / "b.pdf", "某市算力券实施方案", "一、支持措施",
         "（一）发放算力券。对租用智能算力的中小企业，按照合同金额的30%给予补贴。")
    (work / "c.html").write_text(
        '<!doctype html><html><head><meta charset="utf-8"><title>某省数据条例</title></head><body>'
        "<h1>某省数据条例</h1><p>第一条 为了规范数据处理活动，制定本条例。</p>"
        "<p>第二条 省人民政府应当加强数据工作的领导。</p></body></html>", encoding="utf-8")
    _docx(work / "new-plan.docx", "某市数据要素市场化配置改革行动方案",
          "一、主要目标", "到2027年，全市数据产业规模达到500亿元。",
          "二、重点任务", "（一）市数据局牵头建设公共数据授权运营平台，各区人民政府按职责分工负责。")
    (work / "more").mkdir()
    (work / "more" / "compute-vouchers.md").write_text(
        "---\ntitle: 某市算力券管理办法\n---\n\n第一条 市工业和信息化局应当向中小企业发放算力券。\n"
        "第二条 对使用算力券的企业，按照合同金额的30%给予补贴，每家企业每年最高100万元。\n", encoding="utf-8")
    if SCALE.is_dir():                     # ../shared/corpus/scale beside the working folder
        (work.parent / "shared" / "corpus").mkdir(parents=True)
        (work.parent / "shared" / "corpus" / "scale").symlink_to(SCALE, target_is_directory=True)


@pytest.fixture(scope="module")
def example_dir(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("examples") / "main"
    _prepare(work)
    return work


# --- running one example -------------------------------------------------------------------------

def _command(args: list[str]) -> tuple[tuple[str, ...], click.Command, list[str]]:
    """The command path, the command and its own arguments for ``args`` (the words after ``policykg``)."""
    cmd: click.Command = cli
    path: list[str] = []
    args = list(args)
    while isinstance(cmd, click.Group) and args and args[0] in cmd.commands:
        path.append(args[0])
        cmd = cmd.commands[args.pop(0)]
    return tuple(path), cmd, args


def run_example(example: str, cwd: Path) -> str | None:
    """Run one example in ``cwd`` as a shell would (``> file``, ``| command``, ``*`` globs); a failure's
    description, or None."""
    env_part, rest = _EXAMPLE.match(example).groups()
    env = dict(a.split("=", 1) for a in shlex.split(env_part))
    command, _, pipe = (rest or "").partition(" | ")
    words = shlex.split(command)
    redirect = None
    if ">" in words:
        redirect = cwd / words[words.index(">") + 1]
        words = words[:words.index(">")]
    words = [w for word in words for w in (sorted(glob.glob(word, root_dir=cwd)) or [word] if "*" in word else [word])]
    path, cmd, own = _command(words)
    reason = NOT_RUN.get(path)
    if reason:                              # parsed only: click checks every option and argument
        old = {k: os.environ.get(k) for k in env}
        os.environ.update(env)
        try:
            cmd.make_context(" ".join(("policykg", *path)), own)
        except click.ClickException as e:
            return f"does not parse: {e.format_message()}"
        finally:
            for k, v in old.items():
                os.environ.pop(k) if v is None else os.environ.__setitem__(k, v)
        return None
    r = CliRunner(env=env).invoke(cli, words)
    if r.exit_code != 0:
        return f"exit {r.exit_code}: {r.output[-600:]}" + (f"\n{r.exc_info[1]!r}" if r.exception else "")
    if redirect is not None:
        redirect.write_bytes(r.stdout_bytes)
    if pipe:
        p = subprocess.run(pipe, shell=True, cwd=cwd, input=r.stdout_bytes, capture_output=True, timeout=60)
        if p.returncode != 0:
            return f"'| {pipe}' exit {p.returncode}: {p.stderr.decode()[-300:]}"
    return None


def _fresh_copy(example_dir: Path, n: int) -> Path:
    """A private working folder for an example that changes the build (symlinks to the shared files)."""
    work = example_dir.parent / f"own-{n}" / "main"
    work.mkdir(parents=True)
    for p in example_dir.iterdir():
        if p.name != "build":
            (work / p.name).symlink_to(p.resolve() if p.is_symlink() else p)
    shutil.copytree(example_dir / "build", work / "build", symlinks=True)
    if (example_dir.parent / "shared").exists():
        (work.parent / "shared").symlink_to(example_dir.parent / "shared")
    return work


@pytest.mark.slow
def test_every_help_example_runs(example_dir, monkeypatch):
    examples = all_examples()
    assert len(examples) > 40
    failures, times = [], []
    for n, ex in enumerate(examples):
        words = shlex.split(_EXAMPLE.match(ex).group(2) or "")
        if "../shared/corpus/scale" in ex and not SCALE.is_dir():
            continue                        # the scale corpus is beside the repository only on the lead's machine
        cwd = _fresh_copy(example_dir, n) if words and words[0] in CHANGES_BUILD else example_dir
        monkeypatch.chdir(cwd)
        start = time.perf_counter()
        problem = run_example(ex, cwd)
        times.append((time.perf_counter() - start, ex))
        if problem:
            failures.append(f"{ex}\n  {problem}")
    print("\n".join(f"{t:6.2f}s  {ex}" for t, ex in sorted(times, reverse=True)[:10]))
    assert not failures, "\n".join(failures)
