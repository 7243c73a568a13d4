"""Small named registries that other packages extend through Python entry points.

A registry maps a name to an object (a reader function, an exporter, a view, a Bolt
dialect, an extraction stage).  The project registers its own with the decorator;
a separate package adds more without touching core files by declaring an entry point
in the registry's group, e.g. in its ``pyproject.toml``::

    [project.entry-points."policykg.exporters"]
    jsonld = "policykg_jsonld:EXPORTER"

Entry points are loaded once, the first time the registry is asked for its names
(:meth:`Registry.reload` looks again).

>>> colours = Registry("policykg.test-colours")
>>> @colours.register("red")
... def red():
...     return "#f00"
>>> colours.names()
['red']
>>> colours.get("red")()
'#f00'
>>> colours.get("blue")
Traceback (most recent call last):
...
KeyError: "unknown policykg.test-colours 'blue' (one of: red)"
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from importlib.metadata import entry_points
from typing import Generic, TypeVar

__all__ = ["Registry"]

T = TypeVar("T")


class Registry(Generic[T]):
    """Name → object, filled by :meth:`register` and by the entry-point group ``group``."""

    def __init__(self, group: str) -> None:
        self.group = group
        self._items: dict[str, T] = {}
        self._loaded = False
        self._from_entry_points: set[str] = set()

    def register(self, name: str, obj: T | None = None) -> Callable[[T], T] | T:
        """``@registry.register("name")`` as a decorator, or ``registry.register("name", obj)``."""
        if obj is not None:
            self._items[name] = obj
            return obj

        def deco(o: T) -> T:
            self._items[name] = o
            return o
        return deco

    def _load_entry_points(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        for ep in entry_points(group=self.group):
            if ep.name in self._items:          # the project's own entries win over a plug-in's
                continue
            try:
                self._items[ep.name] = ep.load()
            except Exception as e:              # one broken plug-in must not break every lookup
                warnings.warn(f"policykg: cannot load the {self.group} entry point '{ep.name}' "
                              f"({ep.value}): {type(e).__name__}: {e}", RuntimeWarning, stacklevel=2)
                continue
            self._from_entry_points.add(ep.name)

    def reload(self) -> None:
        """Forget the entries that came from entry points; they are looked up again on next use
        (for a plug-in installed or removed while the interpreter runs)."""
        for name in self._from_entry_points:
            self._items.pop(name, None)
        self._from_entry_points.clear()
        self._loaded = False

    def names(self) -> list[str]:
        self._load_entry_points()
        return list(self._items)

    def items(self) -> Iterator[tuple[str, T]]:
        self._load_entry_points()
        return iter(list(self._items.items()))

    def get(self, name: str) -> T:
        self._load_entry_points()
        try:
            return self._items[name]
        except KeyError:
            raise KeyError(f"unknown {self.group} '{name}' (one of: {', '.join(self._items)})") from None

    def __contains__(self, name: object) -> bool:
        self._load_entry_points()
        return name in self._items
