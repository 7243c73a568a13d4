"""Document types by title: the doc-type vocabulary's labels matched at the end of a title."""

from __future__ import annotations

import re
from functools import lru_cache

from policykg.ontology.vocabulary import vocabulary

__all__ = ["title_doc_type"]

_TRAILING_PARENS = re.compile(r"(?:[（(][^（()）]{1,24}[)）]|\s)+$")
_TRANSMITTED = re.compile(r"关于(?:印发|转发|公布)?《(.+?)》")


@lru_cache(maxsize=1)
def _doctype_labels() -> list[tuple[str, str]]:
    """(label, concept key) for every doc-type label, longest first."""
    pairs = []
    for c in vocabulary().scheme("dt"):
        if c.broader:           # the three grouping concepts are not types of their own
            pairs += [(label, c.key) for label in c.labels]
    return sorted(pairs, key=lambda p: -len(p[0]))


def title_doc_type(title: str) -> tuple[str | None, str | None]:
    """The doc-type concept whose label ends the title (trailing parentheses ignored).

    >>> title_doc_type("江苏省数字经济高质量发展三年行动计划（2025-2027年）")
    ('action-plan', '三年行动计划')
    >>> title_doc_type("黑龙江省数字经济促进条例")
    ('regulation', '促进条例')
    """
    core = _TRAILING_PARENS.sub("", title.strip().strip("“”\"《》*"))
    inner = _TRANSMITTED.search(core)
    if inner and core.endswith("通知"):      # a notice that transmits a plan: type it by the plan
        found = title_doc_type(inner.group(1))
        if found[0]:
            return found
    for label, key in _doctype_labels():
        if core.endswith(label):
            return key, label
    return None, None
