"""Extraction stages: a function ``stage(doc) -> doc`` registered with the layers it needs and assigns.

A stage reads annotation layers of a :class:`~policykg.extract.document.model.Document`
and adds its own.  It is registered with :func:`stage`; a separate package adds one
through the ``policykg.stages`` entry-point group.  :mod:`policykg.extract.pipeline`
runs the registered stages in ``order`` and checks, before running anything, that
every layer a stage requires is assigned by an earlier stage (or by ingestion).

A stage module looks like this (``extract/stages/citations.py`` is a real one)::

    @stage("citations", requires=("sentences", "mentions"), assigns=("citations",), order=40)
    def citations(doc: Document) -> Document:
        doc.layers["citations"] = [...]
        return doc

>>> STAGES.get("citations").requires
('sentences', 'mentions')
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from policykg.extract.document.model import Document
from policykg.registry import Registry

__all__ = ["Stage", "STAGES", "INGESTED", "stage"]

#: what every ingested Document has before any stage runs
INGESTED = ("text", "meta", "provisions", "sentences", "footnotes")


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    func: Callable[[Document], Document]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    order: int = 100            # position in the default pipeline (smaller runs first)

    def __call__(self, doc: Document) -> Document:
        return self.func(doc)


STAGES: Registry[Stage] = Registry("policykg.stages")


def stage(name: str, *, requires: tuple[str, ...] = (), assigns: tuple[str, ...] = (),
          order: int = 100) -> Callable[[Callable[[Document], Document]], Callable[[Document], Document]]:
    """Register ``func(doc) -> doc`` as the stage ``name``."""
    def deco(func: Callable[[Document], Document]) -> Callable[[Document], Document]:
        STAGES.register(name, Stage(name, func, tuple(requires), tuple(assigns), order))
        return func
    return deco
