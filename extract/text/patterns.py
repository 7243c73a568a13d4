"""Faster regexes, same matches: a first-character guard for patterns ``re`` cannot skip through.

``re`` searches quickly through text where a pattern cannot start only when it can tell the
characters a match starts with from the pattern's first element.  An alternation of words that
opens with a look-ahead on some of its words (``(?!联合国)联合|组织|…``) hides them, and the
search then tries every word at every position.  :func:`guarded` puts the possible first
characters in front as one look-ahead class, so a position where no word starts costs one test:

>>> rx = guarded(re.compile("(?!联合国)联合|组织|[^\\u4e00-\\u9fff]"))
>>> [m.group(0) for m in rx.finditer("联合国教科文组织和联合部门，")]
['组织', '联合', '，']
>>> rx.pattern[:7]
'(?=[组联]'

The guard only names characters a match can start with, so the matches are those of the
pattern itself.  A pattern whose first characters cannot be listed (``.``, ``\\w``, a match that
may be empty, case-insensitive flags) is returned unchanged.
"""

from __future__ import annotations

import re

try:                                    # Python ≥ 3.11
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:                     # pragma: no cover (Python 3.10)
    import sre_constants as sre  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

__all__ = ["guarded"]


class _Unknown(Exception):
    """The pattern's first characters cannot be listed."""


def guarded(rx: re.Pattern) -> re.Pattern:
    """``rx`` with a look-ahead class of its possible first characters in front (or ``rx`` itself)."""
    if not isinstance(rx.pattern, str) or rx.flags & ~re.UNICODE:
        return rx
    try:
        chars, classes, nullable = _first(sre_parse.parse(rx.pattern))
    except _Unknown:
        return rx
    if nullable:
        return rx
    options = (["[" + "".join(sorted(chars)) + "]"] if chars else []) + classes
    return re.compile("(?=" + "|".join(options) + ")(?:" + rx.pattern + ")", rx.flags)


def _first(items) -> tuple[set[str], list[str], bool]:
    """The first characters of a sequence of parsed items: escaped single characters and ranges,
    whole negated classes, and whether the sequence may match the empty string."""
    chars: set[str] = set()
    classes: list[str] = []
    for op, av in items:
        c, k, nullable = _first_of(op, av)
        chars |= c
        classes += [x for x in k if x not in classes]
        if not nullable:
            return chars, classes, False
    return chars, classes, True


def _first_of(op, av) -> tuple[set[str], list[str], bool]:
    if op is sre.LITERAL:
        return {re.escape(chr(av))}, [], False
    if op is sre.NOT_LITERAL:
        return set(), ["[^" + re.escape(chr(av)) + "]"], False
    if op is sre.IN:
        return _first_of_class(av)
    if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
        return set(), [], True              # zero width: the next item consumes the first character
    if op is sre.SUBPATTERN:
        _, add_flags, del_flags, p = av
        if add_flags or del_flags:
            raise _Unknown
        return _first(p)
    if op is sre.BRANCH:
        chars: set[str] = set()
        classes: list[str] = []
        nullable = False
        for p in av[1]:
            c, k, n = _first(p)
            chars |= c
            classes += [x for x in k if x not in classes]
            nullable = nullable or n
        return chars, classes, nullable
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)):
        lo, _, p = av
        chars, classes, nullable = _first(p)
        return chars, classes, nullable or lo == 0
    raise _Unknown


def _first_of_class(items) -> tuple[set[str], list[str], bool]:
    """A character class: its characters and ranges, or the whole class when it is negated."""
    parts: list[str] = []
    negated = False
    for op, av in items:
        if op is sre.NEGATE:
            negated = True
        elif op is sre.LITERAL:
            parts.append(re.escape(chr(av)))
        elif op is sre.RANGE:
            parts.append(re.escape(chr(av[0])) + "-" + re.escape(chr(av[1])))
        else:
            raise _Unknown                  # \w, \d …: not listed here
    if negated:
        return set(), ["[^" + "".join(parts) + "]"], False
    return set(parts), [], False
