"""Run the registered extraction stages over a :class:`~policykg.extract.document.model.Document`.

:func:`run` is the one entry point the CLI, the build, the notebook helpers and the
benchmarks call: a path or a text in, a Document with every annotation layer out.
The pipeline knows no particular stage: it runs what :data:`~policykg.extract.stage.STAGES`
holds, in their ``order``, after checking that each stage's required layers are
assigned by an earlier one.

>>> doc = run("第二十三条 县级以上人民政府及有关部门应当支持数字技术创新产品和服务的应用推广，"
...           "列入创新产品和服务目录的首台（套）装备，符合条件的可以按规定采取非招标方式进行政府采购。",
...           path="hlj.txt", front={"title": "黑龙江省数字经济促进条例"})
>>> [(r.kind, r.label) for r in doc.records() if r.kind in ("measure", "instrument")][-3:]
[('measure', '黑龙江省县级以上人民政府有关部门 · 义务 · 支持'), ('measure', '黑龙江省县级以上人民政府 · 授权 · 采取'), ('measure', '黑龙江省县级以上人民政府有关部门 · 授权 · 采取')]
>>> Pipeline().names
['issuers', 'mentions', 'measures', 'sanctions', 'parameters', 'quantities', 'citations']
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import policykg.extract.stages  # noqa: F401  (registers the project's stages)
from policykg.errors import PolicyKGError
from policykg.extract.document.ingest import ingest, ingest_text
from policykg.extract.document.model import Document
from policykg.extract.stage import INGESTED, STAGES, Stage

__all__ = ["Pipeline", "PipelineError", "run", "default_pipeline"]


class PipelineError(PolicyKGError):
    """A pipeline whose stages do not fit together."""


def check(stages: Sequence[Stage]) -> None:
    """Fail when a stage requires a layer that no earlier stage (nor ingestion) assigns."""
    available = set(INGESTED)
    for st in stages:
        missing = [x for x in st.requires if x not in available]
        if missing:
            raise PipelineError(f"stage '{st.name}' requires {', '.join(missing)}, "
                                "which no earlier stage assigns")
        available.update(st.assigns)


class Pipeline:
    """The stages to run, in order: all registered stages by default, or those named."""

    def __init__(self, names: Iterable[str] | None = None) -> None:
        if names is None:
            stages = sorted((s for _, s in STAGES.items()), key=lambda s: s.order)
        else:
            try:
                stages = [STAGES.get(n) for n in names]
            except KeyError as e:
                raise PipelineError(str(e.args[0])) from None
        check(stages)
        self.stages: list[Stage] = stages

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __call__(self, doc: Document) -> Document:
        # the stages make many small objects and free them by reference counting; the cyclic
        # collector's passes over them cost ~4 % and find nothing, so it waits until the document is done
        collecting = gc.isenabled()
        gc.disable()
        try:
            for st in self.stages:
                out = st(doc)
                if not isinstance(out, Document):
                    raise PipelineError(f"stage '{st.name}' returned {type(out).__name__}, not a Document")
                doc = out
        finally:
            if collecting:
                gc.enable()
        return doc


_DEFAULT: Pipeline | None = None


def default_pipeline() -> Pipeline:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT


def run(source: str | Path | Document, *, pipeline: Pipeline | None = None, **ingest_args: Any) -> Document:
    """Ingest ``source`` (a :class:`~pathlib.Path`, or a ``str`` holding the text itself) and run the stages.

    ``ingest_args`` go to :func:`~policykg.extract.document.ingest.ingest_text` for a text
    (``path``, ``front`` …) and to :func:`~policykg.extract.document.ingest.ingest` for a file
    (``doc_id``).  An already ingested Document is annotated as it is.
    """
    if isinstance(source, Document):
        doc = source
    elif isinstance(source, Path):
        doc = ingest(source, **ingest_args)
    else:
        doc = ingest_text(source, **ingest_args)
    return (pipeline or default_pipeline())(doc)
