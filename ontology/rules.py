"""The extractor's word lists: ``ontology/rules/*.yaml``, read as plain data.

The Turtle vocabularies hold what the graph talks about (instruments, roles,
regions, modality and comparator cue words); the rules files hold the other
words the extractor reads text with — government-level prefixes, organisation
suffixes, deictic place words, units, adverbials.  Code builds its regular
expressions from these lists (:func:`alternation`); only grammar (number
shapes, ``第…条``, punctuation) stays in Python.

>>> rules("actors")["level_prefixes"]["县级以上"]
'county-and-above'
>>> alternation(["集团", "集团公司", "公司"])
'集团公司|集团|公司'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from policykg.errors import OntologyError

__all__ = ["rules", "rule_files", "alternation"]


def rule_files() -> list[Path]:
    """Every rules file shipped with the package."""
    return sorted(Path(str(resources.files("policykg.ontology") / "rules")).glob("*.yaml"))


@lru_cache(maxsize=None)
def rules(name: str) -> dict[str, Any]:
    """The mapping in ``rules/<name>.yaml`` (parsed once; do not modify it)."""
    import yaml
    path = resources.files("policykg.ontology") / "rules" / f"{name}.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise OntologyError(f"no rules file rules/{name}.yaml in the ontology") from None
    if not isinstance(data, dict):
        raise OntologyError(f"rules/{name}.yaml must be a mapping of names to word lists")
    return data


def alternation(words: Iterable[str]) -> str:
    """The words as a regex alternation, escaped, longest first (集团公司 is tried before 集团)."""
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
