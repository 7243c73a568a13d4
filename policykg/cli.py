"""The ``policykg`` command line: thin commands over the library.

Every command has help with an example.  User mistakes (a missing file, bad
input, a malformed query) end in a one-line ``error:`` message and a non-zero
exit status, never a traceback.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NoReturn

import click

from .errors import PolicyKGError

__all__ = ["main", "cli"]

_EXAMPLES_HELP = "\b\nExamples:\n"


def _stderr_console():
    # markup and emoji codes off: file names, titles and queries are printed as they are ("[/x]", ":cn:")
    from rich.console import Console
    return Console(stderr=True, highlight=False, soft_wrap=True, markup=False, emoji=False)


_ESCAPES = {**{c: f"\\x{c:02x}" for c in [*range(32), *range(0x7f, 0xa0)]},
            **{c: f"\\u{c:04x}" for c in [0x2028, 0x2029, *range(0x202a, 0x202f), *range(0x2066, 0x206a)]},
            ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"}


def _plain_line(text: object) -> str:
    """User-controlled text (a file name, a reason quoting a file) as one printable line: control and
    bidirectional characters escaped, the bytes of a name that is not UTF-8 shown as ``\\xe9``."""
    try:
        s = str(text).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:          # a surrogate that no file name produced
        s = str(text).encode("utf-8", "backslashreplace").decode("utf-8")
    return s.translate(_ESCAPES)


def _print_error(console: Any, error: object) -> None:
    """``error: <where>: <reason>`` on one line, as plain text (never parsed as markup)."""
    from rich.text import Text
    console.print(Text.assemble(("error:", "red"), " ", _plain_line(error)))


class UserError(click.ClickException):
    """A one-line ``error: …`` on stderr and exit status 1."""

    def show(self, file=None) -> None:
        click.echo(f"error: {_plain_line(self.format_message())}", err=True)


def fail(message: str) -> NoReturn:
    """Print a one-line error and exit with status 1."""
    raise UserError(message)


def _make_parent(path: Path) -> None:
    """The folder ``path`` is written into, made; one line when a part of it is a file or cannot be made."""
    for up in [path.parent, *path.parent.parents]:
        if up.exists():
            if not up.is_dir():
                fail(f"{up}: exists and is not a directory; choose another -o")
            break
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        fail(f"{path.parent}: cannot make the folder ({e.strerror or e}); choose another -o")


def handle_errors(fn: Callable) -> Callable:
    """Turn library errors into click errors (one line, exit 1)."""
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except PolicyKGError as e:
            code = getattr(e, "exit_code", 1)                 # graph/bolt/reach.py: one status per reason
            raise type("UserError", (UserError,), {"exit_code": code})(str(e)) from None
        except KeyboardInterrupt:
            raise UserError("interrupted") from None
        except BrokenPipeError:
            sys.exit(0)
        except OSError as e:
            if e.filename is None:                           # not about a file: a bug, shown as such
                raise
            raise UserError(f"{e.filename}: {e.strerror or e}") from None
    return wrapper


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:                # Ctrl-C while a command's options are read (its registries imported): as later
            return super().invoke(ctx)
        except KeyboardInterrupt:
            raise UserError("interrupted") from None

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if self.epilog:
            formatter.write_paragraph()
            for line in self.epilog.splitlines():         # as written: an example is never wrapped
                if line.strip() != "\b":
                    formatter.write(f"{line}\n" if line.strip() else "\n")


@click.group(cls=_Group, epilog="""\b
Start here:
  policykg build seeds/ -o build        (texts → graph, stores, exports)
  policykg query build --list           (the saved research queries)
  policykg viz build -o view.html       (an interactive network)""")
@click.version_option(package_name="policykg")
def cli() -> None:
    """Turn Chinese policy documents into a knowledge graph of actors, instruments,
    domains, measures and targets, every statement traceable to its sentence."""


def _supported() -> list[str]:
    from .extract.text.read import supported
    return list(supported())


# --- ingest -------------------------------------------------------------------------

def _level_summary(counts: dict[str, int]) -> str:
    """``章7 条74 款/段120``: provision counts by level, outermost first, marked as the ontology labels them."""
    from .extract.document.model import LEVELS
    from .ontology import vocabulary
    labels = {c.key: c.pref for c in vocabulary().scheme("plv")}

    def mark(key: str) -> str:            # 项（（一）） → （一）, 部分（一、） → 一、
        label = labels.get(key, key)
        return label[label.index("（") + 1:-1] if label.endswith("）") and "（" in label[1:] else label
    skip = ("title", "notice", "preamble", "closing", "book", "subnumber")
    return " ".join(f"{mark(k)}{counts[k]}" for k in LEVELS if k not in skip and counts.get(k))


@cli.command(epilog=_EXAMPLES_HELP + """  policykg ingest seeds/
  policykg ingest seeds/heilongjiang-2024.txt --json > hlj.json
  policykg ingest a.docx b.pdf c.html""")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, readable=False))
@click.option("--json", "as_json", is_flag=True, help="Write the structured documents (metadata, provisions, "
              "sentences, footnotes, offsets) as JSON lines to stdout.")
@handle_errors
def ingest(paths: tuple[Path, ...], as_json: bool) -> None:
    """Read, normalize and structure documents; print what was found.

    PATHS are files (.txt .md .docx .pdf .html, and any type a plug-in reader adds) or directories of them.  A file
    that cannot be read is reported on one line and the others are still
    processed; the exit status is 1 if any file failed.
    """
    from rich.table import Table

    from .extract.document.ingest import iter_documents

    err = _stderr_console()
    rows, failures = [], 0
    start = time.perf_counter()
    for r in iter_documents(paths):
        if r.error:
            failures += 1
            _print_error(err, r.error)
            continue
        d = r.document
        assert d is not None            # a result without an error has its document
        if as_json:
            sys.stdout.write(json.dumps(d.to_dict(), ensure_ascii=False) + "\n")
        rows.append(d)
    elapsed = time.perf_counter() - start
    if not as_json and rows:
        from rich.console import Console
        table = Table(show_lines=False, header_style="bold")
        for col in ("id", "title", "type", "jurisdiction", "adopted", "issued", "effective", "provisions",
                    "sentences"):
            table.add_column(col, overflow="fold")
        for d in rows:
            m = d.meta
            table.add_row(d.id, m.title or "—", m.doc_type or "—", m.jurisdiction_label or "—",
                          m.adopted or "—", m.issued or "—", m.effective or "—",
                          _level_summary(d.level_counts()), str(len(d.sentences)))
        Console(highlight=False, markup=False, emoji=False, width=max(160, Console().width)).print(table)
    total = len(rows) + failures
    summary = f"{len(rows)} of {total} document(s) ingested in {elapsed:.2f}s"
    if failures:
        if total > 1:                   # one file: its error line says it all
            err.print(f"{summary}; {failures} failed")
        sys.exit(1)
    if total == 0:
        fail(f"no documents found in {', '.join(map(str, paths))} (supported: {' '.join(_supported())})")
    err.print(summary)


# --- extract ---------------------------------------------------------------------------

def _progress(total: int, label: str):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    console = _stderr_console()
    return Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=console, transient=True, disable=total < 3 or not console.is_terminal)


def _status(label: str) -> contextlib.AbstractContextManager:
    """A spinner with ``label`` on stderr while a long step runs (nothing when stderr is not a terminal)."""
    from rich.text import Text
    console = _stderr_console()
    return console.status(Text(_plain_line(label))) if console.is_terminal else contextlib.nullcontext()


@cli.command(epilog=_EXAMPLES_HELP + """  policykg extract seeds/ -o extractions.jsonl
  policykg extract seeds/jiangsu-2025.txt | grep '"kind":"target"'""")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="JSONL file to write (default: stdout).  Written whole or not at all.")
@handle_errors
def extract(paths: tuple[Path, ...], output: Path | None) -> None:
    """Extract actors, instruments, domains, regions, measures, targets, statistics and
    citations from documents, one JSON object per line.

    Every record has doc, kind, id, label, text, start, end, provision, sentence_id
    and sentence, plus fields of its kind (see README, "Extraction output").
    """
    from .extract.document.ingest import expand_paths, iter_documents
    from .extract.pipeline import run
    from .files import atomic_write

    err = _stderr_console()
    files = list(expand_paths(paths))
    failures = docs = n = 0
    start = time.perf_counter()
    if output is not None:
        _make_parent(output)
    with (atomic_write(output) if output else contextlib.nullcontext(sys.stdout)) as out, \
            _progress(len(files), "extracting") as bar:
        task = bar.add_task("extract", total=len(files))
        for r in iter_documents(files):
            bar.advance(task)
            if r.error:
                failures += 1
                _print_error(err, r.error)
                continue
            docs += 1
            assert r.document is not None   # a result without an error has its document
            for rec in run(r.document).records():
                out.write(rec.dumps() + "\n")
                n += 1
    elapsed = time.perf_counter() - start
    where = f" to {output}" if output else ""
    summary = f"{n} records from {docs} document(s){where} in {elapsed:.2f}s"
    if failures:
        err.print(f"{summary}; {failures} file(s) failed")
        sys.exit(1)
    if docs == 0:
        fail(f"no documents found (supported: {' '.join(_supported())})")
    err.print(summary)


# --- eval --------------------------------------------------------------------------------

@cli.command(name="eval", epilog=_EXAMPLES_HELP + """  policykg eval tests/gold/dev.jsonl
  policykg eval tests/gold/dev.jsonl --pred extractions.jsonl
  policykg eval tests/gold/dev.jsonl --errors measure
  policykg eval tests/gold/corpus/*.yaml --corpus ../shared/corpus/scale --split test""")
@click.argument("gold", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--pred", type=click.Path(dir_okay=False, path_type=Path),
              help="Extraction JSONL to score.  Default: extract the documents given by --docs now.")
@click.option("--docs", "docs_paths", multiple=True, type=click.Path(path_type=Path), default=("seeds",),
              show_default=True, help="Documents to extract when --pred is not given.")
@click.option("--corpus", type=click.Path(file_okay=False, path_type=Path),
              help="Corpus-wide gold (.yaml): the folder its document paths are relative to.")
@click.option("--split", type=click.Choice(["tune", "test", "all"]), default="all", show_default=True,
              help="Corpus-wide gold: score one half only.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--errors", "show_errors", metavar="KIND",
              help="Also list, per sentence, what was missed and what was extra for KIND "
                   "(actor, instrument, domain, region, measure, target, statistic, citation; for corpus-wide "
                   "gold a row such as 'actor' or 'measure · agent+modality', and only the list is printed).")
@handle_errors
def eval_(gold: tuple[Path, ...], pred: Path | None, docs_paths: tuple[Path, ...], corpus: Path | None,
          split: str, as_json: bool, show_errors: str | None) -> None:
    """Precision, recall and F1 per kind against hand-annotated gold JSONL.

    The matching rule is in tests/gold/GUIDE.md: per gold sentence, actors by
    canonical label, instruments/domains/regions by concept, measures by agent set
    and modality, targets by value+unit+year, statistics by value+unit,
    citations by title.  A row with no prediction shows precision "—" (JSON
    null), one with no gold recall "—".
    """
    from rich.table import Table

    from .extract.document.ingest import iter_documents
    from .extract.evaluate import errors, evaluate
    from .extract.pipeline import run
    from .extract.records import KINDS, read_jsonl

    corpus_gold = any(g.suffix in (".yaml", ".yml") for g in gold)
    if show_errors and not corpus_gold and show_errors not in KINDS:
        fail(f"--errors takes one of {', '.join(KINDS)}, not '{show_errors}'")
    if corpus_gold:
        from .extract.corpus_eval import load_gold, score_corpus
        if corpus is None:
            fail("corpus-wide gold (.yaml) needs --corpus DIR, the folder its document paths are relative to")
        sentences = load_gold(gold, None if split == "all" else split)
        if show_errors:
            from .extract.corpus_eval import corpus_errors
            for g, missing, extra in corpus_errors(sentences, corpus, show_errors):
                click.echo(f"{g.doc}@{g.start} | {g.text[:60]} | missing {missing} | extra {extra}")
            return
        with _status(f"scoring {len(sentences)} gold sentences"):
            scores = score_corpus(sentences, corpus)
        gold_recs = [{"kind": "sentence"}] * len(sentences)
        pred_recs = []
    else:
        gold_recs = [r for g in gold for r in read_jsonl(g)]
        if pred is not None:
            pred_recs = read_jsonl(pred)
        else:
            pred_recs = []
            for r in iter_documents(docs_paths):
                if r.error:
                    raise r.error
                assert r.document is not None   # a result without an error has its document
                pred_recs += [x.to_json() for x in run(r.document).records()]
        scores = evaluate(gold_recs, pred_recs)
    if as_json:
        click.echo(json.dumps([{"row": s.name, **dict(zip(("precision", "recall", "f1"), _ratios(s), strict=True)),
                                "gold": s.tp + s.fn, "predicted": s.tp + s.fp}
                               for s in scores], ensure_ascii=False, indent=1))
    else:
        from rich.console import Console
        n_sent = sum(1 for r in gold_recs if r["kind"] == "sentence")
        table = Table(title=f"{n_sent} gold sentences", header_style="bold")
        for col in ("row", "precision", "recall", "F1", "gold", "predicted"):
            table.add_column(col, justify="left" if col == "row" else "right")
        for s in scores:
            table.add_row(s.name, *("—" if x is None else f"{x:.3f}" for x in _ratios(s)), str(s.tp + s.fn),
                          str(s.tp + s.fp))
        Console(highlight=False).print(table)
    if show_errors:
        name = {"measure": "measure · agent+modality", "target": "target · value+unit+year",
                "statistic": "statistic · value+unit"}.get(show_errors)
        for doc, sent, missing, extra in errors(gold_recs, pred_recs, show_errors, name):
            click.echo(f"{doc} | {sent[:60]} | missing {list(missing)} | extra {list(extra)}")


def _ratios(s: Any) -> tuple[float | None, float | None, float | None]:
    """Precision, recall and F1 of a score row, rounded; None (shown "—") where nothing is there to score:
    precision without predictions, recall without gold, F1 without either."""
    p = round(s.precision, 4) if s.tp + s.fp else None
    r = round(s.recall, 4) if s.tp + s.fn else None
    return p, r, round(s.f1, 4) if s.tp + s.fp + s.fn else None


# --- explain -----------------------------------------------------------------------------

_EXPLAIN_HIDDEN = ("sentence", "doc", "provision", "sentence_id", "parent_actor")


def _explain_value(v: Any) -> str | None:
    """A field value as one short string (None: nothing to show)."""
    import dataclasses
    if v is None or v is False or v == "" or v == () or v == []:
        return None
    if isinstance(v, dict):
        return str(v.get("label") or v.get("id") or v)
    if dataclasses.is_dataclass(v) and not isinstance(v, type):
        return str(getattr(v, "label", None) or getattr(v, "text", None) or v)
    if isinstance(v, (list, tuple)):
        parts = [p for p in (_explain_value(x) for x in v) if p]
        return "、".join(parts) if parts else None
    if isinstance(v, float):
        return f"{v:g}"
    return str(v)


def _explain_fields(pairs: Iterable[tuple[str, Any]]) -> str:
    shown = []
    for k, v in pairs:
        if k in _EXPLAIN_HIDDEN or k.endswith("_ids"):
            continue
        val = _explain_value(v)
        if val is not None:
            shown.append(k if v is True else f"{k}={val}")
    return "  ".join(shown)


def _explain_item(x: Any) -> str:
    """One line for an item of a layer: a record with its span, or any other dataclass by its fields."""
    import dataclasses

    from .extract.records import Record
    if isinstance(x, Record):
        head = f"{x.kind} [{x.start}-{x.end}] {x.text}" + (f" → {x.label}" if x.label and x.label != x.text else "")
        rest = _explain_fields((k, v) for k, v in x.fields.items() if v != x.label)
        return head + (f"  {rest}" if rest else "")
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        pairs = [(f.name, getattr(x, f.name)) for f in dataclasses.fields(x)]
        name = next((str(v) for k, v in pairs if k in ("label", "title", "text") and v), type(x).__name__)
        start, end = getattr(x, "start", None), getattr(x, "end", None)
        span = f"[{start}-{end}] " if isinstance(start, int) else ""
        rest = _explain_fields((k, v) for k, v in pairs if k not in ("label", "title", "text", "start", "end"))
        return f"{span}{name}" + (f"  {rest}" if rest else "")
    return str(x)


def explain_lines(doc: Any, stages: list) -> list[str]:
    """What each stage assigned to ``doc``, layer by layer, item by item.  A layer that holds no
    records is the stage's working data when the stage assigns other layers too (``mentions``
    beside ``actors``, ``instruments``…): it is left out."""
    from .extract.records import Record
    m = doc.meta
    meta = [f"{k}={v}" for k, v in (("title", m.title), ("type", m.doc_type), ("jurisdiction", m.jurisdiction),
                                     ("issuers", "、".join(m.issuers))) if v]
    lines = [f"document: {' · '.join(meta) if meta else '(no metadata)'}"]
    lines += [f"sentence {s.id.rsplit('/', 1)[-1]} [{s.start}-{s.end}]: {s.text}" for s in doc.sentences]
    for st in stages:
        for name in st.assigns:
            items = doc.layers.get(name)
            if items and len(st.assigns) > 1 and not isinstance(items[0], Record):
                continue
            if items is None:
                lines.append(f"{st.name} › {name}: not assigned")
                continue
            lines.append(f"{st.name} › {name}: {len(items) if items else 'none'}")
            lines += [f"  {_explain_item(x)}" for x in items]
    return lines


@cli.command(epilog=_EXAMPLES_HELP + """  policykg explain "县级以上人民政府应当加强数据安全保护。"
  policykg explain "支持企业建设行业可信数据空间（省数据局牵头，省工业和信息化厅按职责分工负责）。" --doc-type 行动计划 --jurisdiction 江苏省
  policykg explain "根据《中华人民共和国数据安全法》等法律、行政法规，结合本省实际，制定本条例。" --doc-type regulation --jurisdiction shandong""")
@click.argument("sentence")
@click.option("--title", help="The document's title, as its front matter would give it.")
@click.option("--doc-type", "doc_type", metavar="TYPE",
              help="The document's type: a key (plan, action-plan, regulation…) or its label (规划, 行动计划, 条例…).")
@click.option("--jurisdiction", metavar="REGION", help="The document's region: a name (江苏省) or a key (jiangsu).")
@handle_errors
def explain(sentence: str, title: str | None, doc_type: str | None, jurisdiction: str | None) -> None:
    """What each extraction stage finds in one sentence, and why a record is or is not there.

    Runs every registered stage on SENTENCE as a one-sentence document (with the
    title, type and region given, as front matter would give them) and prints,
    stage by stage, each layer it assigned: mentions by kind with their spans and
    labels, measures with agents, modality, responsible units and action,
    quantities, parameters, sanctions, citations.  Spans are character offsets in
    the normalized sentence.
    """
    from .extract.pipeline import default_pipeline, run
    from .ontology import vocabulary

    v = vocabulary()
    front: dict[str, str] = {}
    if title:
        front["title"] = title
    if doc_type:
        c = v.by_scheme.get("dt", {}).get(doc_type) or next(
            (c for c in v.scheme("dt") if doc_type in c.labels), None)
        if c is None:
            fail(f"unknown document type '{doc_type}' (one of: {', '.join(c.key for c in v.scheme('dt'))})")
        front["doc_type"] = c.pref
    if jurisdiction:
        from .extract.document.metadata import find_region
        c = v.by_scheme.get("reg", {}).get(jurisdiction) or find_region(jurisdiction)
        if c is None:
            fail(f"unknown jurisdiction '{jurisdiction}' (a region name such as 江苏省, or its key)")
        front["jurisdiction"] = c.pref
    if not sentence.strip():
        fail("give a sentence to explain")
    # a title of its own, so that a sentence without 。 is read as body text, not as the document's title
    front.setdefault("title", front.get("jurisdiction", "") + (front.get("doc_type") or "文件"))
    pipe = default_pipeline()
    doc = run(sentence, path="<explain>", front=front, pipeline=pipe)
    if not doc.sentences:
        fail("no sentence left after reading the text as a document (a bare heading?); end it with 。")
    for line in explain_lines(doc, pipe.stages):
        click.echo(line)


# --- build -------------------------------------------------------------------------------

def _export_choices() -> list[str]:
    from .build import export_names
    return ["all", "none", *sorted(export_names())]


def _split_exports(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> tuple[str, ...]:
    """``--exports ttl,gexf --exports overview`` → the names, each checked."""
    names = [v.strip() for value in values for v in value.split(",") if v.strip()]
    choices = _export_choices()
    for n in names:
        if n not in choices:
            raise click.BadParameter(f"'{n}' is not one of: {', '.join(choices)}")
    return tuple(names)


_BUILD_OPTIONS = [
    click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON instead of a table."),
    click.option("--exports", "exports", multiple=True, callback=_split_exports, metavar="NAMES",
                 help="Also write these exports (comma-separated, or 'all'): ttl, jsonld, graphml, gexf, "
                      "neo4j-csv, graph-json, overview…  Later builds keep them ('none' stops them).  Also "
                      "later: 'policykg export NAME DIR'."),
    click.option("--shacl", is_flag=True, help="Check each document's graph against the ontology's SHACL shapes "
                                               "(cached; several times slower on a cold build)."),
    click.option("-j", "--jobs", type=click.IntRange(1, 256), default=None,
                 help="Processes that extract documents at once.  Default: all cores (one for a single file)."),
    click.option("--dask", "dask_address", metavar="ADDRESS",
                 help="Extract on a Dask cluster: the scheduler's address (tcp://host:8786), or 'local' for a "
                      "LocalCluster of two workers on this machine.  The files must be readable by the workers."),
    click.option("--doc-timeout", type=click.FloatRange(0), default=None, metavar="SECONDS",
                 help="Seconds one document may take before it is skipped (0: no limit; default 120 or "
                      "POLICYKG_DOC_TIMEOUT)."),
]


def _build_options(fn: Callable) -> Callable:
    for opt in reversed(_BUILD_OPTIONS):
        fn = opt(fn)
    return fn


@cli.command(epilog=_EXAMPLES_HELP + """  policykg build seeds/ -o build
  policykg build seeds/ -o build --exports graphml,gexf,overview   (also the Gephi files and the overview page)
  policykg build seeds/ -o build --json                      (the summary as JSON)
  policykg build seeds/ -o build --jobs 2                    (two extraction processes)
  policykg build seeds/ -o build --dask local                (on a Dask LocalCluster)
  policykg build seeds/jiangsu-2025.txt -o build --prune     (keep only this document)
  policykg build seeds/ -o build --rdf-mentions full         (every mention span, with offsets, in the N-Quads)
  policykg build seeds/ -o build --nquads plain              (kg.nq uncompressed instead of kg.nq.gz)""")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path), default=Path("build"),
              show_default=True, help="Build directory (created; an earlier build there is updated incrementally).")
@_build_options
@click.option("--prune", is_flag=True, help="Drop the documents of the build in DIR that are not given again "
                                            "(without it, such a build is refused).")
@click.option("--rdf-mentions", type=click.Choice(["summary", "full"]), default=None,
              help="How the N-Quads and the SPARQL store state mentions: 'summary' (a sentence pkg:mentions what it "
                   "names) or 'full' (also every Mention span with its offsets, pkg:denotes).  Default: the "
                   "build's current setting, else summary.")
@click.option("--nquads", type=click.Choice(["gzip", "plain"]), default=None,
              help="The N-Quads file: 'gzip' (kg.nq.gz, one gzip member per document; zcat reads it) or "
                   "'plain' (kg.nq).  Default: the build's current setting, else gzip.")
@handle_errors
def build(paths: tuple[Path, ...], out_dir: Path, as_json: bool, exports: tuple[str, ...], shacl: bool,
          jobs: int | None, dask_address: str | None, doc_timeout: float | None, prune: bool,
          rdf_mentions: str | None, nquads: str | None) -> None:
    """Texts to a knowledge graph: extraction, RDF and the SPARQL and Cypher stores in one directory.

    DIR receives extractions.jsonl, documents.jsonl, kg.nq.gz (RDF as gzipped
    N-Quads, one named graph per document), an Oxigraph SPARQL store
    (oxigraph/), a LadybugDB Cypher database (ladybug) and manifest.json; with
    --exports also Turtle, JSON-LD,
    GraphML, GEXF, neo4j-admin CSV, graph.json and overview.html.  Files are
    identified by content hash and path as given: a rebuild redoes only what
    changed, and returns at once when nothing did (a moved file is new).  A build given fewer files than DIR holds is refused
    unless --prune.  A file that cannot be read is reported and skipped; the exit
    status is then 1.
    """
    _run_build(list(paths), out_dir, as_json, exports, shacl, jobs, dask_address, doc_timeout, prune, rdf_mentions,
               nquads)


@cli.command(epilog=_EXAMPLES_HELP + """  policykg add build new-plan.docx more/""")
@click.argument("build_dir", metavar="DIR", type=click.Path(file_okay=False, path_type=Path))
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_build_options
@handle_errors
def add(build_dir: Path, paths: tuple[Path, ...], as_json: bool, exports: tuple[str, ...],
        shacl: bool, jobs: int | None, dask_address: str | None, doc_timeout: float | None) -> None:
    """Add documents to a build (the build's documents stay; only the new ones are read)."""
    from .build import built_paths
    from .graph.export import read_manifest
    if read_manifest(build_dir) is None:
        fail(f"{build_dir}: not a build directory (run 'policykg build PATHS -o {build_dir}' first)")
    missing = [p for p in paths if not os.path.lexists(p)]
    if missing:                                   # a typo adds nothing: refused before the build is touched
        fail(f"{missing[0]}: no such file or folder; {build_dir} is unchanged")
    old = [Path(p) for p in built_paths(build_dir)]
    _run_build(old + [p for p in paths if p not in old], build_dir, as_json, exports, shacl, jobs, dask_address,
               doc_timeout, False)


@cli.command(epilog=_EXAMPLES_HELP + """  policykg remove build seeds/anhui-2025.txt
  policykg remove build anhui-2025                    (a document id or a file name works too)""")
@click.argument("build_dir", metavar="DIR", type=click.Path(file_okay=False, path_type=Path))
@click.argument("docs", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON instead of a table.")
@handle_errors
def remove(build_dir: Path, docs: tuple[str, ...], as_json: bool) -> None:
    """Remove documents from a build, by path, file name or document id."""
    from .graph.export import read_manifest
    m = read_manifest(build_dir)
    if m is None:
        fail(f"{build_dir}: not a build directory (run 'policykg build PATHS -o {build_dir}' first)")
    entries = m["documents"]
    gone = set()
    for want in docs:
        hit = [d["path"] for d in entries if want in (d["path"], d["id"], Path(d["path"]).name)]
        if not hit:
            fail(f"{want}: no such document in {build_dir} (see {build_dir}/manifest.json)")
        gone.update(hit)
    keep = [Path(d["path"]) for d in entries if d["path"] not in gone]
    if not keep:
        fail(f"{build_dir}: removing {len(gone)} document(s) would leave none; build elsewhere instead")
    _run_build(keep, build_dir, as_json, (), bool((m.get("options") or {}).get("shacl")), None, None, None, True)


def _run_build(paths: list[Path], out_dir: Path, as_json: bool, exports: tuple[str, ...], shacl: bool,
               jobs: int | None, dask_address: str | None, doc_timeout: float | None, prune: bool,
               rdf_mentions: str | None = None, nquads: str | None = None) -> None:
    from .build import build as run_build
    from .extract.document.ingest import expand_paths
    from .parallel import default_jobs

    err = _stderr_console()
    n_files = len(list(expand_paths(paths)))
    with _progress(max(n_files, 3), "reading") as bar:     # shown for one file too: the stores' steps follow
        task = bar.add_task("build", total=n_files)

        def progress(name: str, i: int, total: int) -> None:
            bar.update(task, completed=i, total=total, description=_plain_line(Path(name).name))
        result = run_build(paths, out_dir, progress=progress, on_error=lambda e: _print_error(err, e),
                           jobs=jobs or (default_jobs() if n_files > 1 else 1), dask=dask_address,
                           exports=exports, shacl=shacl, prune=prune, doc_timeout=doc_timeout,
                           rdf_mentions=rdf_mentions, nquads=nquads)
    if not result.documents:
        fail(f"no documents were built (supported: {' '.join(_supported())})"
             + (f"; {len(result.errors)} file(s) failed" if result.errors else ""))
    _print_build(result, out_dir, as_json, shacl, exports, err)
    if result.errors:
        err.print(f"{len(result.errors)} file(s) failed; the build holds the other {len(result.documents)}")
        sys.exit(1)


def _print_build(result: Any, out_dir: Path, as_json: bool, shacl: bool, exports: tuple[str, ...], err: Any) -> None:
    from .build import shacl_report
    c, t = result.counts, result.timings
    how = ("unchanged" if result.unchanged else "incremental" if result.incremental else "cold")
    if as_json:
        click.echo(json.dumps({"out": str(out_dir), "counts": c, "reused": result.reused,
                               "extracted": result.extracted, "build": how,
                               "dropped": result.dropped, "errors": [str(e) for e in result.errors],
                               "same_text": [list(p) for p in result.same_text],
                               "shacl": shacl_report(result.violations) if shacl else None,
                               "seconds": round(t["total"], 3)}, ensure_ascii=False, indent=1))
        return
    from rich.console import Console
    from rich.table import Table
    table = Table(title=f"policykg build → {out_dir}", header_style="bold", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    for label, key in (("documents", "documents"), ("actors", "actors"), ("instruments", "instruments"),
                       ("domains", "domains"), ("measures", "measures"), ("targets", "targets"),
                       ("statistics", "statistics"), ("citations", "cited documents"),
                       ("triples (N-Quads)", "triples"), ("nodes", "nodes"), ("relationships", "relationships")):
        table.add_row(label, f"{c.get(key, 0):,}")
    if shacl:
        table.add_row("SHACL violations", f"{result.violation_count:,}")
    if result.dropped:
        table.add_row("dropped", f"{len(result.dropped):,}")
    table.add_row("time", f"{t['total']:.2f}s ({how}: {result.extracted} read, {result.reused} unchanged)")
    Console(highlight=False).print(table)
    if shacl:
        _print_violations(result.violations, out_dir, err)
    _print_same_text(result.same_text, err)
    if "overview" in exports or "all" in exports:
        err.print(f"open {out_dir / 'overview.html'} in a browser")
    err.print(f"query with 'policykg query {out_dir} --list'")


def _print_same_text(pairs: list[tuple[str, str]], err: Any, shown: int = 5) -> None:
    """A warning for each file that repeats another's text (both are built: counts include it twice)."""
    for path, other in pairs[:shown]:
        err.print(f"warning: {path}: the same text as {other}; both are in the build", markup=False)
    if len(pairs) > shown:
        err.print(f"warning: {len(pairs) - shown} more file(s) repeat another's text "
                  "(the 'sha256' of documents.jsonl shows which)", markup=False)


def _print_violations(violations: list, out_dir: Path, err: Any) -> None:
    """The first few SHACL results of a build, each with its source sentence."""
    from .build import SHACL_SHOWN
    for v in violations[:SHACL_SHOWN]:
        err.print(f"{v.severity}: {v.focus}" + (f" {v.path}" if v.path else ""), markup=False)
        err.print(f"  {v.message}" + (f"  source: {v.sentence}" if v.sentence else ""), markup=False)
    if violations:
        more = f" ({len(violations) - SHACL_SHOWN} more)" if len(violations) > SHACL_SHOWN else ""
        err.print(f"the build's graph violates the SHACL shapes{more}: "
                  f"'policykg validate {out_dir}' lists every one", markup=False)


# --- queries -----------------------------------------------------------------------------

def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:g}"
    if isinstance(v, (list, tuple)):
        return "; ".join(_cell(x) for x in v)
    return str(v)


def _fit_widths(natural: list[int], budget: int) -> list[int]:
    """Column widths that add up to at most ``budget``: the narrow columns whole, the wide ones cut to
    one common width (and the columns left over shared out, leftmost first)."""
    if sum(natural) <= budget or not natural:
        return natural
    left, cap = budget, 0
    for i, w in enumerate(sorted(natural)):
        share = left // (len(natural) - i)
        if w > share:
            cap = share
            break
        left -= w
    cap = max(cap, 4)                     # "ab…" at the least; a table wider than that overflows
    widths = [min(w, cap) for w in natural]
    spare = budget - sum(widths)
    for i, w in enumerate(natural):
        if w > widths[i] and spare > 0:
            widths[i] += 1
            spare -= 1
    return widths


def _clip(text: str, width: int) -> str:
    """Each line of ``text`` cut to ``width`` terminal cells, ending in "…" where it was cut (a wide
    character that does not fit whole is left out, not split)."""
    from rich.cells import cell_len

    def line(s: str) -> str:
        if cell_len(s) <= width:
            return s
        out, used = [], 0
        for ch in s:
            used += cell_len(ch)
            if used > width - 1:
                break
            out.append(ch)
        return "".join(out) + "…"
    return "\n".join(line(s) for s in text.split("\n"))


def _print_rows(cols: list[str], rows: list[list[Any]], fmt: str, wide: bool = False) -> None:
    """Rows on stdout: csv and json whole; a table fitted to the terminal's width, long cells cut
    with "…" (``wide``: whole, lines as long as the longest cell)."""
    from .graph.query import format_rows
    if fmt != "table":
        sys.stdout.write(format_rows(cols, rows, fmt))
        return
    from rich.cells import cell_len
    from rich.console import Console
    from rich.table import Table
    cells = [[_cell(v) for v in r] for r in rows]
    natural = [max(cell_len(line) for text in [col, *(r[i] for r in cells)] for line in text.split("\n"))
               for i, col in enumerate(cols)]
    frame = 3 * len(cols) + 1              # padding and rules around and between the columns
    width = Console().width
    widths = natural if wide else _fit_widths(natural, width - frame)
    table = Table(header_style="bold", show_lines=False)
    for col, w in zip(cols, widths, strict=True):
        table.add_column(_clip(col, w), width=max(w, 1), no_wrap=True, overflow="ellipsis")
    for r in cells:
        table.add_row(*(_clip(c, w) for c, w in zip(r, widths, strict=True)))
    Console(highlight=False, markup=False, emoji=False, width=max(width, sum(widths) + frame)).print(table)
    cut = "" if widths == natural else f"; long cells cut to fit {width} columns (--wide shows them whole)"
    _stderr_console().print(f"{len(rows)} row(s){cut}")


def _query_text(query: str | None, file: Path | None, what: str) -> str:
    if (query is None) == (file is None):
        fail(f"give either a {what} query string or --file (one of them)")
    if file is not None:
        try:
            return file.read_text(encoding="utf-8")
        except FileNotFoundError:
            fail(f"{file}: no such file")
        except (OSError, UnicodeDecodeError) as e:
            fail(f"{file}: cannot read the query ({e})")
    return query or ""


_FORMAT = click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
                       show_default=True, help="Output format.")
_WIDE = click.option("--wide", is_flag=True, help="Table: show whole cells, however long the lines (by default "
                                                  "long cells are cut with … to fit the terminal).")
_BUILD_DIR = click.argument("build_dir", metavar="DIR", type=click.Path(path_type=Path))
_WRITE = click.option("--write", is_flag=True, help="Allow an update to change the build (it is read-only otherwise).")
_TIMEOUT = click.option("--timeout", type=click.FloatRange(min=0, min_open=True), metavar="SECONDS",
                        help="Stop the query after this many seconds.")


@cli.command(epilog=_EXAMPLES_HELP + """  policykg sparql build "SELECT ?l WHERE { ?a a pkg:Department ; skos:prefLabel ?l } LIMIT 5"
  policykg sparql build --file my-query.rq --format csv > out.csv""")
@_BUILD_DIR
@click.argument("query", required=False)
@click.option("--file", "file", type=click.Path(dir_okay=False, path_type=Path), help="Read the query from a file.")
@_FORMAT
@_WIDE
@_WRITE
@_TIMEOUT
@handle_errors
def sparql(build_dir: Path, query: str | None, file: Path | None, fmt: str, wide: bool, write: bool,
           timeout: float | None) -> None:
    """Run a SPARQL query on a build's Oxigraph store (no server needed).

    The default graph is the union of all documents' named graphs and the
    ontology; the usual prefixes (pkg, skos, dcterms, prov, inst, dom, reg, mod,
    rz, id, rdfs, xsd) are predeclared.  The store is opened read-only: an
    update (INSERT, DELETE, LOAD…) is refused unless --write is given.
    """
    from .graph.query import run_sparql
    cols, rows = run_sparql(build_dir, _query_text(query, file, "SPARQL"), write=write, timeout=timeout)
    _print_rows(cols, rows, fmt, wide)


@cli.command(epilog=_EXAMPLES_HELP + """  policykg cypher build "MATCH (a:Actor)-[u:USES]->(i:PolicyInstrument) RETURN a.label, i.label LIMIT 5"
  policykg cypher build --file my-query.cypher --format json""")
@_BUILD_DIR
@click.argument("query", required=False)
@click.option("--file", "file", type=click.Path(dir_okay=False, path_type=Path), help="Read the query from a file.")
@_FORMAT
@_WIDE
@_WRITE
@_TIMEOUT
@handle_errors
def cypher(build_dir: Path, query: str | None, file: Path | None, fmt: str, wide: bool, write: bool,
           timeout: float | None) -> None:
    """Run a Cypher query on a build's embedded LadybugDB database (no server needed).

    Node tables are the key labels (PolicyDocument, Provision, Sentence, Actor,
    PolicyInstrument, Domain, Region, Concept, Measure, Target, Statistic,
    Mention); a node's ontology classes are in its ``labels`` list, e.g.
    ``WHERE 'Department' IN a.labels``.  The database is opened read-only: a
    clause that writes (CREATE, MERGE, SET, DELETE…) is refused unless --write.
    """
    from .graph.query import run_cypher
    cols, rows = run_cypher(build_dir, _query_text(query, file, "Cypher"), write=write, timeout=timeout)
    _print_rows(cols, rows, fmt, wide)


@cli.command(epilog=_EXAMPLES_HELP + """  policykg query --list
  policykg query build instruments-by-province
  policykg query build targets-2027 --lang cypher --format csv
  policykg query build issuers --wide                      (whole cells, however wide)
  policykg query build prohibitions --page 2               (listings come 10 or 100 documents a page)
  policykg query --show sentence-behind-uses --lang cypher   (print the query text)""")
@click.argument("build_dir", metavar="DIR", required=False, type=click.Path(path_type=Path))
@click.argument("name", required=False)
@click.option("--list", "list_", is_flag=True, help="List the saved queries.")
@click.option("--show", metavar="NAME", help="Print a saved query's text instead of running it.")
@click.option("--lang", type=click.Choice(["sparql", "cypher"]), default="sparql", show_default=True,
              help="Which version of the saved query to run.")
@click.option("--page", type=click.IntRange(1), default=1, show_default=True,
              help="Page of a paged listing (its documents in identifier order, 10 or 100 a page).")
@_FORMAT
@_WIDE
@_TIMEOUT
@handle_errors
def query(build_dir: Path | None, name: str | None, list_: bool, show: str | None, lang: str, page: int, fmt: str,
          wide: bool, timeout: float | None) -> None:
    """Run a saved research query by name (graph/queries/), in SPARQL or Cypher."""
    from .graph.query import page_size, run_saved, saved_queries, saved_query_text
    if list_:
        from rich.console import Console
        from rich.table import Table
        table = Table(header_style="bold")
        for col in ("name", "languages", "question"):
            table.add_column(col, overflow="fold")
        for q in saved_queries().values():
            table.add_row(q.name, ", ".join(q.languages), q.title)
        Console(highlight=False, markup=False, emoji=False).print(table)
        return
    if show:
        click.echo(saved_query_text(show, lang), nl=False)
        return
    if build_dir is None or name is None:
        fail("give a build directory and a query name, e.g. 'policykg query build instruments-by-province' "
             "(see 'policykg query --list')")
    cols, rows = run_saved(build_dir, name, lang, timeout=timeout, page=page)
    _print_rows(cols, rows, fmt, wide)
    size = page_size(saved_query_text(name, lang), lang)
    if size is not None:
        click.echo(_page_note(build_dir, page, size), err=True)


def _page_note(build_dir: Path, page: int, size: int) -> str:
    """Which documents a page of a paged listing covers, and the next page if there is one."""
    from .build import built_paths
    n = len(built_paths(build_dir))
    last = max(1, -(-n // size))
    first = (page - 1) * size + 1
    if first > n:
        return f"page {page}: past the last page (the build holds {n:,} document(s); the last page is {last})"
    more = f"next: --page {page + 1}" if page < last else "the last page"
    return f"page {page}: documents {first}–{min(page * size, n)} of {n:,} in identifier order; {more}"


# --- validate ----------------------------------------------------------------------------

@cli.command(epilog=_EXAMPLES_HELP + """  policykg validate build
  policykg validate build --format json > violations.json""")
@_BUILD_DIR
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@handle_errors
def validate(build_dir: Path, fmt: str) -> None:
    """Check a build against the ontology's SHACL shapes (ontology/shapes.ttl).

    Each violation is printed with the node, the property, the shape's message
    and the source sentence.  Exit status 1 when anything violates a shape.
    """
    from .graph.validate import validate_build
    start = time.perf_counter()
    with _status(f"checking {build_dir} against the SHACL shapes"):
        found = validate_build(build_dir)
    if fmt == "json":
        from dataclasses import asdict
        click.echo(json.dumps([asdict(v) for v in found], ensure_ascii=False, indent=1))
    else:
        for v in found:
            click.echo(f"{v.severity}: {v.focus}" + (f" {v.path}" if v.path else ""))
            click.echo(f"  {v.message}")
            if v.sentence:
                click.echo(f"  source: {v.sentence}" + (f"  [{v.sentence_id}]" if v.sentence_id else ""))
    n = sum(1 for v in found if v.severity == "Violation")
    elapsed = time.perf_counter() - start
    if n:
        _stderr_console().print(f"{n} violation(s) of the SHACL shapes ({elapsed:.1f}s)")
        sys.exit(1)
    _stderr_console().print(f"conforms: no SHACL violations ({elapsed:.1f}s)")


# --- choices and help lists from registries (plug-ins' entries included) -------------------

class _RegistryChoice(click.Choice):
    """A choice among the names of a registry, read when the command line is parsed or its help shown."""

    def __init__(self, registry: Callable[[], Any]) -> None:
        self._registry = registry
        super().__init__((), case_sensitive=True)

    @property
    def choices(self) -> tuple[str, ...]:
        return tuple(self._registry().names())

    @choices.setter
    def choices(self, value: Any) -> None:      # click.Choice.__init__ assigns it; the registry decides
        pass


class _ListingCommand(click.Command):
    """A command whose help lists a registry's entries (``listing=(title, registry)``, entries with ``help``)."""

    def __init__(self, *args: Any, listing: tuple[str, Callable[[], Any]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.listing = listing

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_help_text(ctx, formatter)
        title, registry = self.listing
        with formatter.section(title):
            formatter.write_dl([(name, getattr(entry, "help", "") or "") for name, entry in registry().items()])


def _views_registry():
    from .viz.views import VIEWS
    return VIEWS


def _exporters_registry():
    from .graph.export import EXPORTERS
    return EXPORTERS


class _ExportFormats:
    """The export registry plus the overview page a build makes on request (``--exports overview``),
    so ``policykg export overview DIR`` adds it to a build as the README says."""

    overview = type("Overview", (), {"help": "overview.html: the interactive network that opens offline "
                                             "(also 'policykg viz DIR -o FILE')"})()

    def items(self) -> list[tuple[str, Any]]:
        return [*_exporters_registry().items(), ("overview", self.overview)]

    def names(self) -> list[str]:
        return [*_exporters_registry().names(), "overview"]


# --- viz ---------------------------------------------------------------------------------

@cli.command(cls=_ListingCommand, listing=("Views", _views_registry), epilog=_EXAMPLES_HELP + """  policykg viz build -o overview.html
  policykg viz build --view actors -o actors.html
  policykg viz build --view instruments -o instruments.png          (static figure for a paper)
  policykg viz build --view ego --focus 黑龙江省县级以上人民政府 --depth 1 -o ego.html
  policykg viz build --view document --doc jiangsu-2025 -o jiangsu.svg
  policykg viz build --view province --jurisdiction 江苏省 --jurisdiction 黑龙江省 -o compare.html
  policykg viz build --view jurisdiction-instruments -o matrix.html   (heat table; .png/.svg/.pdf for a heatmap)
  policykg viz build --view targets-timeline -o targets.pdf""")
@_BUILD_DIR
@click.option("--view", "view_name", type=_RegistryChoice(_views_registry), default="overview", show_default=True,
              help="The view to draw (listed under Views).")
@click.option("--focus", metavar="ID|LABEL", help="ego view: the node (id such as actor:jiangsu/government, or label).")
@click.option("--depth", type=click.IntRange(1, 4), default=1, show_default=True, help="ego view: steps from the focus.")
@click.option("--measures", is_flag=True, help="ego view: step through measure nodes instead of folding them into edges.")
@click.option("--doc", metavar="ID", help="document view: the document id (see 'policykg ingest').")
@click.option("--jurisdiction", "jurisdictions", multiple=True, metavar="NAME",
              help="province view: a jurisdiction to compare (repeat; default: all in the build).")
@click.option("--limit", type=click.IntRange(10, 5000), default=300, show_default=True,
              help="Aggregate above this many nodes.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write: .html (interactive) or .png/.svg/.pdf (static).  Default: DIR/view-VIEW.html")
@click.option("--font", type=click.Path(dir_okay=False, path_type=Path),
              help="Static figures: a font file with Chinese glyphs (default: the first installed one).")
@handle_errors
def viz(build_dir: Path, view_name: str, focus: str | None, depth: int, measures: bool, doc: str | None,
        jurisdictions: tuple[str, ...], limit: int, output: Path | None, font: Path | None) -> None:
    """Draw a view of a build: an offline HTML page (search, filters, evidence panel) or a figure."""
    from .graph.export import read_build_graph
    from .graph.query import check_build
    from .viz import make_view, render_html, render_static

    check_build(build_dir)
    out = output or build_dir / f"view-{view_name}.html"
    if out.suffix.lower() not in (".html", ".htm", ".png", ".svg", ".pdf"):
        fail(f"{out}: the output is .html (interactive) or .png/.svg/.pdf (static)")
    _make_parent(out)
    with _status(f"drawing the {view_name} view of {build_dir}"):
        g = read_build_graph(build_dir)
        view = make_view(g, view_name, focus=focus, depth=depth, doc=doc, jurisdictions=list(jurisdictions) or None,
                         limit=limit, measures=True if measures else None)
        if out.suffix.lower() in (".html", ".htm"):
            render_html(view, out)
        else:
            render_static(view, out, font=font)
    err = _stderr_console()
    for note in view.notes:
        err.print(f"note: {note}")
    err.print(f"{view_name}: {view.summary()} → {out}")


# --- serve -------------------------------------------------------------------------------

@cli.command(epilog=_EXAMPLES_HELP + """  policykg serve build                          (then open http://127.0.0.1:7878/)
  policykg serve build --port 8080 --timeout 60
  curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT ?l WHERE { ?a a pkg:Department ; skos:prefLabel ?l }' http://127.0.0.1:7878/sparql""")
@_BUILD_DIR
@click.option("--port", type=click.IntRange(1, 65535), default=7878, show_default=True, help="Port to listen on.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 lets other machines connect).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True,
              help="Seconds a SPARQL or Cypher query may run.")
@handle_errors
def serve(build_dir: Path, port: int, host: str, timeout: float) -> None:
    """Serve a build on a local web server until Ctrl-C.

    \b
    /            search actors, instruments, domains, regions; their measures,
                 targets and parameters with source sentences
    /compare     two jurisdictions side by side
    /queries     the saved research queries;  /views  the interactive views
    /sparql      SPARQL 1.1 Protocol endpoint (read-only, union default graph,
                 the usual prefixes predeclared; JSON, XML, CSV, TSV, Turtle)
    /cypher      POST {"query": "MATCH …", "params": {}} → {"columns", "rows"}
    """
    from .graph.query import check_build
    from .serve import listen_problem
    from .serve import serve as run_server
    check_build(build_dir)
    problem = listen_problem(host, port)
    if problem:
        fail(f"{host}:{port}: {problem}")
    err = _stderr_console()

    def ready(url: str) -> None:
        click.echo(f"serving {build_dir} at {url}  (SPARQL: {url}sparql, Cypher: {url}cypher; Ctrl-C stops)")
    try:
        run_server(build_dir, host=host, port=port, timeout=timeout, ready=ready)
    except KeyboardInterrupt:
        pass
    err.print("stopped")


# --- export ------------------------------------------------------------------------------

@cli.command(cls=_ListingCommand, listing=("Formats", _ExportFormats),
             epilog=_EXAMPLES_HELP + """  policykg export graphml build                 (writes build/kg.graphml)
  policykg export overview build                (writes build/overview.html)
  policykg export gexf build -o kg.gexf
  policykg export neo4j-csv build -o neo4j-import/
  policykg export tables build -o tables/                (Parquet and CSV for pandas and R)
  policykg export tables build --format csv""")
@click.argument("fmt", metavar="FORMAT", type=_RegistryChoice(_ExportFormats))
@_BUILD_DIR
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="File, or directory for a multi-file format, to write.  Default: DIR/ and the format's file name.")
@click.option("--format", "table_format", type=click.Choice(["parquet", "csv", "both"]), default=None,
              help="tables: write Parquet, CSV or both (default: both).")
@handle_errors
def export(fmt: str, build_dir: Path, output: Path | None, table_format: str | None) -> None:
    """Write a build's graph in another format (listed under Formats, plug-ins' included)."""
    from .build import export_into, export_names, export_to
    from .graph.export import EXPORTERS
    from .graph.query import check_build

    check_build(build_dir)
    builds = export_names()                            # what a build makes: the registry's graph formats and overview
    if table_format is not None and fmt in builds:
        fail(f"--format chooses the files of 'export tables'; {fmt} has one format")
    if fmt not in builds:                              # made from the build's records (the tables), not graph.json
        exporter = EXPORTERS.get(fmt)
        out = output or build_dir / exporter.filename
        formats = ("parquet", "csv") if table_format in (None, "both") else (str(table_format),)
        with _status(f"writing {fmt} from {build_dir}"):
            files = exporter.write(build_dir, out, formats=formats)
        _stderr_console().print(f"{fmt}: {len(files)} file(s) → {out}")
        return
    out = output or build_dir / builds[fmt]
    if output is None:                                 # into the build: kept up to date by later builds
        with _status(f"writing {fmt} into {build_dir}"):
            files = export_into(build_dir, fmt)
        _stderr_console().print(f"{fmt}: {len(files)} file(s) → {out} (later builds of {build_dir} keep it)")
        return
    _make_parent(out)
    with _status(f"writing {fmt} from {build_dir}"):
        files = export_to(build_dir, fmt, out)
    _stderr_console().print(f"{fmt}: {len(files)} file(s) → {out}")


# --- load --------------------------------------------------------------------------------

@cli.group(cls=_Group, epilog=_EXAMPLES_HELP + """  policykg load neo4j build --uri bolt://localhost:7687 --user neo4j --password secret
  policykg load falkordb build --url redis://127.0.0.1:6379""")
def load() -> None:
    """Load a build into a database server."""


@load.command(name="neo4j", epilog=_EXAMPLES_HELP + """  policykg load neo4j build --uri bolt://localhost:7687 --user neo4j --password secret
  NEO4J_URI=bolt://db:7687 NEO4J_PASSWORD=secret policykg load neo4j build --database policy
  policykg load neo4j build --uri bolt://127.0.0.1:6380 --user falkordb --password ''   (FalkorDB)

\b
Exit status: 0 loaded, counts match; 1 another error (counts differ, a bad build);
  3 the server refused the login; 4 nothing listens at the host and port (wrong
  port, or the server is not running); 5 that port does not answer the Bolt
  handshake (another service's port, or a hung server); 6 the server went away
  during the load and was not back within --retry-seconds (run the load again:
  it is idempotent).""")
@_BUILD_DIR
@click.option("--uri", envvar="NEO4J_URI", default="bolt://localhost:7687", show_default=True,
              help="Bolt URI (env NEO4J_URI).")
@click.option("--user", envvar="NEO4J_USERNAME", default="neo4j", show_default=True, help="User (env NEO4J_USERNAME).")
@click.option("--password", envvar="NEO4J_PASSWORD", default="", help="Password (env NEO4J_PASSWORD).")
@click.option("--database", envvar="NEO4J_DATABASE", default=None,
              help="Database name (env NEO4J_DATABASE; default: the server's default database; "
                   "refused by FalkorDB, which has none over Bolt).")
@click.option("--batch-size", default=1000, show_default=True, type=click.IntRange(1, 100_000),
              help="Rows per UNWIND statement.")
@click.option("--workers", default=None, type=click.IntRange(1, 16),
              help="Parallel sessions on Neo4j (default 1); FalkorDB always gets one.")
@click.option("--retry-seconds", default=120.0, show_default=True, type=click.FloatRange(0),
              help="How long to wait for a server that goes away mid-load (a restart) before giving up (exit 6).")
@handle_errors
def load_neo4j(build_dir: Path, uri: str, user: str, password: str, database: str | None, batch_size: int,
               workers: int | None, retry_seconds: float) -> None:
    """Load a build into Neo4j (or FalkorDB) through the Bolt driver, idempotently.

    Creates uniqueness constraints (Neo4j) or indexes (FalkorDB) on id, then
    MERGEs nodes and relationships in batches, so loading again changes
    nothing.  Labels and relationship types come from the ontology mapping.
    Ends by comparing the database's counts with the build's.
    """
    from .graph.bolt import check_uri, load_bolt
    from .graph.export import read_build_graph
    from .graph.query import check_build

    check_build(build_dir)
    check_uri(uri)
    g = read_build_graph(build_dir)
    total = len(g.nodes) + len(g.rels)
    with _progress(total, "loading") as bar:
        task = bar.add_task("load", total=total)

        def progress(phase: str, done: int, total: int) -> None:
            bar.update(task, completed=done, description=phase)
        r = load_bolt(g, uri, user, password, database, batch_size=batch_size, workers=workers, progress=progress,
                      retry_seconds=retry_seconds)
    err = _stderr_console()
    err.print(f"loaded {r.nodes:,} nodes and {r.relationships:,} relationships into {uri} ({r.dialect}) "
              f"with {r.statements:,} statements in {r.seconds:.2f}s")
    _check_loaded_counts(g, r.counts, err, "the database's counts differ from the build's "
                                           "(another graph in the same database?)")


def _check_loaded_counts(g: Any, counts: dict[str, int], err: Any, differ: str) -> None:
    """The database's nodes per key label and relationships per type against the build's graph ``g``:
    each difference on a line and ``differ`` as the error, else one line saying they match."""
    expected = {**g.counts(), **g.rel_counts()}
    diff = {k: (counts.get(k, 0), v) for k, v in expected.items() if counts.get(k, 0) != v}
    if diff:
        for k, (got, want) in sorted(diff.items()):
            err.print(f"  {k}: database has {got:,}, build has {want:,}")
        fail(differ)
    err.print(f"counts match the build: {sum(expected.values()):,} nodes and relationships")


@load.command(name="falkordb", epilog=_EXAMPLES_HELP + """  policykg load falkordb build --url redis://127.0.0.1:6379
  policykg load falkordb build --url redis://127.0.0.1:6379 --graph policy --replace""")
@_BUILD_DIR
@click.option("--url", envvar="FALKORDB_URL", default="redis://127.0.0.1:6379", show_default=True,
              help="FalkorDB's own (Redis) port, not its Bolt port; redis://:PASSWORD@HOST:PORT with a password "
                   "(env FALKORDB_URL).")
@click.option("--graph", "graph_name", default="policykg", show_default=True, help="The graph to make.")
@click.option("--replace", is_flag=True, help="Delete a graph of that name first (else it is an error).")
@handle_errors
def load_falkordb(build_dir: Path, url: str, graph_name: str, replace: bool) -> None:
    """Load a build into a new FalkorDB graph with the server's bulk command (GRAPH.BULK).

    The graph 'policykg load neo4j' makes over Bolt — the same labels,
    properties and relationships, indexes on id — at the server's own bulk
    speed (Bolt on FalkorDB is bound by its query parser).  Needs the
    falkordb-bulk-loader package (pip install 'policykg[falkordb]').  Ends by
    comparing the database's counts with the build's.
    """
    from .graph.export import read_build_graph
    from .graph.falkordb_bulk import check_url, load_falkordb_bulk
    from .graph.query import check_build

    check_build(build_dir)
    check_url(url)
    with _status(f"reading the graph of {build_dir}"):
        g = read_build_graph(build_dir)
    with _status(f"loading {len(g.nodes) + len(g.rels):,} nodes and relationships into {url}"):
        r = load_falkordb_bulk(g, url, graph_name, replace=replace)
    err = _stderr_console()
    err.print(f"loaded {r.nodes:,} nodes and {r.relationships:,} relationships into graph '{graph_name}' at {url} "
              f"in {r.seconds:.2f}s ({r.rows_per_second:,.0f} rows/s)", markup=False)
    _check_loaded_counts(g, r.counts, err, "the database's counts differ from the build's")


# --- vocab -------------------------------------------------------------------------------

@cli.group(cls=_Group, epilog=_EXAMPLES_HELP + """  policykg vocab mine seeds/ --kind tool --min-df 2 --top 20""")
def vocab() -> None:
    """Grow the ontology's vocabularies from a corpus."""


@vocab.command(name="mine", epilog=_EXAMPLES_HELP + """  policykg vocab mine seeds/ --kind tool --min-df 2 --top 20
  policykg vocab mine seeds/ --kind field --min-df 2 --new-only
  policykg vocab mine seeds/ --kind field --new-only --format csv > fields.csv
  policykg vocab mine seeds/ --top 500 --format json > candidates.json""")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--kind", "kinds", multiple=True, type=click.Choice(["org", "tool", "field"]),
              help="org: organisation names by suffix (局, 委员会, 集团…); tool: tool nouns by head (券, 基金, "
                   "贴息, 目录…); field: field terms (数据…, 智能…, …产业).  Repeat; default: all three.")
@click.option("--min-df", default=3, show_default=True, type=click.IntRange(1),
              help="Keep terms found in at least this many documents.")
@click.option("--top", default=200, show_default=True, type=click.IntRange(1),
              help="At most this many candidates per kind, most documents first.")
@click.option("--new-only", is_flag=True, help="Leave out terms the ontology already has as a label.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@_WIDE
@handle_errors
def vocab_mine(paths: tuple[Path, ...], kinds: tuple[str, ...], min_df: int, top: int, new_only: bool,
               fmt: str, wide: bool) -> None:
    """Propose vocabulary candidates from the documents under PATH…: each term with its
    document frequency, occurrences, the ontology concept when it is already a label
    (``known``), the level prefixes an organisation name was written with, and one or two
    example sentences with their file.  The anchor words are ontology/rules/vocab.yaml;
    reviewed terms go into ontology/vocab/*.ttl.
    """
    from .vocab import KINDS, mine
    errors: list[str] = []
    with _status(f"mining {', '.join(map(str, paths))}"):
        found = mine(paths, kinds=kinds or KINDS, min_df=min_df, top=top, new_only=new_only, errors=errors)
    err = _stderr_console()
    for e in errors:
        _print_error(err, e)
    if fmt == "json":
        click.echo(json.dumps([{"term": c.term, "kind": c.kind, "anchor": c.anchor, "df": c.df, "count": c.count,
                                "known": c.known, "prefixes": dict(c.prefixes),
                                "examples": [{"file": x.file, "sentence": x.sentence} for x in c.examples]}
                               for c in found], ensure_ascii=False, indent=1))
    else:
        def examples(c: Any, sep: str) -> str:
            return sep.join(f"{x.file}: {x.sentence}" for x in c.examples)
        cols = ["term", "kind", "df", "count", "known", "prefixes", "examples"]
        rows = [[c.term, c.kind, c.df, c.count, c.known or "", " ".join(f"{p}×{n}" for p, n in c.prefixes),
                 examples(c, " | " if fmt == "csv" else "\n")] for c in found]
        _print_rows(cols, rows, fmt, wide)
    if errors:
        sys.exit(1)


def main(argv: list[str] | None = None) -> None:
    cli.main(args=argv, prog_name="policykg")


if __name__ == "__main__":
    main()
