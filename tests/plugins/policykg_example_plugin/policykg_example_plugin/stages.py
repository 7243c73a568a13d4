"""An extraction stage from outside the project: procedural deadlines (N个工作日内) per sentence."""

from __future__ import annotations

import re

from policykg.extract.document.model import Document
from policykg.extract.stage import Stage

__all__ = ["DEADLINES", "deadlines"]

_DEADLINE = re.compile(r"[0-9一二三四五六七八九十]+个工作日(?:内|之内)")


def deadlines(doc: Document) -> Document:
    """Layer ``deadlines``: (sentence id, the deadline as written) for every procedural deadline."""
    doc.layers["deadlines"] = [(s.id, m.group(0)) for s in doc.sentences for m in _DEADLINE.finditer(s.text)]
    return doc


DEADLINES = Stage("deadlines", deadlines, requires=("sentences",), assigns=("deadlines",), order=50)
