"""Text that remembers where every character came from.

Normalization deletes, replaces and reorders characters (pinyin glosses go,
traditional characters become simplified, footnotes move to the end).  A
:class:`MappedText` carries, for every character of its ``text``, the index
of the character in the *source* string it was derived from, so any span of
the normalized text maps back to the original file.

>>> m = MappedText.identity("發(fā)展")
>>> m = m.sub(r"\\(fā\\)", "")
>>> m.text
'發展'
>>> m.source_span(0, 2)
(0, 6)
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from operator import le
from typing import Any

__all__ = ["MappedText", "TextBuilder"]


@dataclass(frozen=True, slots=True)
class MappedText:
    """``text`` plus ``origin[i]`` = source index of ``text[i]``.

    ``source_length`` is the length of the source string, used to close a
    span that ends at the end of the text.
    """

    text: str
    origin: array
    source_length: int
    #: do the origins never decrease?  (computed on first use: normalization keeps the order but for
    #: moved footnotes, so a span's source span is mostly its first and last origins)
    _ascending: bool | None = field(default=None, init=False, repr=False, compare=False)

    @classmethod
    def identity(cls, text: str, offset: int = 0, source_length: int | None = None) -> MappedText:
        """Map ``text`` onto itself, shifted by ``offset`` (e.g. a body after front matter)."""
        return cls(text, _positions(offset, offset + len(text)),
                   source_length if source_length is not None else offset + len(text))

    def __len__(self) -> int:
        return len(self.text)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source span covering ``text[start:end]`` (end exclusive)."""
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"span {start}:{end} outside text of length {len(self.text)}")
        if start == end:
            pos = self.origin[start] if start < len(self.origin) else self.source_length
            return pos, pos
        origin = self.origin
        if self._ascending is None:
            object.__setattr__(self, "_ascending", all(map(le, origin, islice(origin, 1, None))))
        if self._ascending:
            return origin[start], origin[end - 1] + 1
        chunk = origin[start:end]
        return min(chunk), max(chunk) + 1

    def sub(self, pattern: str | re.Pattern, repl: str | Callable[[re.Match], str],
            flags: int = 0) -> MappedText:
        """Like :func:`re.sub`, keeping the map.

        Unchanged text keeps its origins.  A replacement of the same length as
        the match maps character for character; otherwise every replacement
        character maps to the start of the match.
        """
        rx = re.compile(pattern, flags) if isinstance(pattern, str) else pattern
        b = TextBuilder(self.source_length)
        pos = 0
        for m in rx.finditer(self.text):
            b.extend(self, pos, m.start())
            new = repl(m) if callable(repl) else m.expand(repl)
            if len(new) == m.end() - m.start():
                b.append(new, self.origin[m.start():m.end()])
            elif new:
                b.append(new, [self.origin[m.start()]] * len(new))
            pos = m.end()
        if pos == 0:
            return self
        b.extend(self, pos, len(self.text))
        return b.build()

    def translate(self, table: dict[int, str]) -> MappedText:
        """Character-for-character replacement (``table`` values are single characters)."""
        rx = _table_pattern(tuple(table.items()))
        if rx is None:
            return MappedText(self.text.translate(table), self.origin, self.source_length)
        if rx.search(self.text) is None:        # the usual case, and str.translate costs ~0.4 µs a character
            return self
        return MappedText(rx.sub(lambda m: table[ord(m.group())], self.text), self.origin, self.source_length)


_COUNTING = array("l")


def _positions(start: int, end: int) -> array:
    """``array("l", range(start, end))``, sliced from a cached run (building one costs ~0.1 µs an item)."""
    global _COUNTING
    if end > len(_COUNTING):
        n = max(end, 2 * len(_COUNTING), 1 << 16)
        _COUNTING = array("l", range(n))
    return _COUNTING[start:end]


@lru_cache(maxsize=16)
def _table_pattern(items: tuple[tuple[int, Any], ...]) -> re.Pattern | None:
    """A character class of a translation table's keys; None unless every value is one character."""
    if not items or not all(isinstance(v, str) and len(v) == 1 for _, v in items):
        return None
    return re.compile("[" + "".join(re.escape(chr(k)) for k, _ in items) + "]")


class TextBuilder:
    """Assemble a :class:`MappedText` piece by piece, in any order of sources."""

    __slots__ = ("_parts", "_origin", "_source_length")

    def __init__(self, source_length: int):
        self._parts: list[str] = []
        self._origin = array("l")
        self._source_length = source_length

    def extend(self, src: MappedText, start: int, end: int) -> None:
        """Copy ``src.text[start:end]`` with its origins."""
        if end > start:
            self._parts.append(src.text[start:end])
            self._origin.extend(src.origin[start:end])

    def append(self, text: str, origins: Iterable[int]) -> None:
        self._parts.append(text)
        before = len(self._origin)
        self._origin.extend(origins)
        if len(self._origin) - before != len(text):
            raise ValueError("one origin per character is required")

    def __len__(self) -> int:
        return len(self._origin)

    def build(self) -> MappedText:
        return MappedText("".join(self._parts), self._origin, self._source_length)
