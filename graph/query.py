"""Run SPARQL and Cypher against a build directory, and the saved research queries.

>>> sorted(saved_queries())[:3]
['category-by-document', 'cited-issuers', 'department-obligations']
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from policykg.errors import GraphError, QueryError

from .stores import cypher, open_ladybug, open_oxigraph, sparql

__all__ = ["check_build", "run_sparql", "run_cypher", "saved_queries", "saved_query_text", "run_saved", "format_rows",
           "SavedQuery"]


@dataclass(frozen=True, slots=True)
class SavedQuery:
    name: str
    title: str
    description: str
    languages: tuple[str, ...]


def _queries_dir() -> Path:
    return Path(str(resources.files("policykg.graph.queries")))


@lru_cache(maxsize=1)
def saved_queries() -> dict[str, SavedQuery]:
    import yaml
    d = _queries_dir()
    index = yaml.safe_load((d / "queries.yaml").read_text(encoding="utf-8"))
    out = {}
    for name, info in index.items():
        langs = tuple(lang for lang, ext in (("sparql", ".rq"), ("cypher", ".cypher")) if (d / f"{name}{ext}").exists())
        out[name] = SavedQuery(name, info["title"], info["description"], langs)
    return out


def saved_query_text(name: str, lang: str) -> str:
    q = saved_queries().get(name)
    if q is None:
        raise QueryError(f"no saved query '{name}' (see 'policykg query --list')")
    if lang not in q.languages:
        raise QueryError(f"saved query '{name}' has no {lang} version (it has: {', '.join(q.languages)})")
    ext = ".rq" if lang == "sparql" else ".cypher"
    return (_queries_dir() / f"{name}{ext}").read_text(encoding="utf-8")


def check_build(build_dir: Path) -> None:
    """Raise GraphError unless ``build_dir`` is a policykg build directory."""
    if not build_dir.is_dir():
        raise GraphError("no such build directory (run 'policykg build PATHS -o DIR')", str(build_dir))
    if not (build_dir / "manifest.json").exists():
        raise GraphError("not a policykg build directory (no manifest.json); run 'policykg build PATHS -o DIR'",
                         str(build_dir))


def run_sparql(build_dir: Path, query: str, *, write: bool = False, timeout: float | None = None
               ) -> tuple[list[str], list[list[Any]]]:
    """A SPARQL query on the build's store, opened read-only: an update is refused unless ``write``."""
    check_build(build_dir)
    store = open_oxigraph(build_dir / "oxigraph", write=write)
    return sparql(store, query, write=write, timeout=timeout)


def run_cypher(build_dir: Path, query: str, params: dict | None = None, *, write: bool = False,
               timeout: float | None = None) -> tuple[list[str], list[list[Any]]]:
    """A Cypher query on the build's database, opened read-only: an update is refused unless ``write``."""
    check_build(build_dir)
    db, conn = open_ladybug(build_dir / "ladybug", write=write)
    try:
        return cypher(conn, query, params, write=write, timeout=timeout)
    finally:
        conn.close()
        db.close()


def run_saved(build_dir: Path, name: str, lang: str = "sparql", *, timeout: float | None = None
              ) -> tuple[list[str], list[list[Any]]]:
    text = saved_query_text(name, lang)
    return run_sparql(build_dir, text, timeout=timeout) if lang == "sparql" else \
        run_cypher(build_dir, text, timeout=timeout)


def format_rows(cols: list[str], rows: list[list[Any]], fmt: str) -> str:
    """``csv`` or ``json`` text (``table`` is printed by the CLI with rich)."""
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(cols)
        for r in rows:
            w.writerow(["" if v is None else v for v in r])
        return buf.getvalue()
    if fmt == "json":
        return json.dumps([dict(zip(cols, r, strict=True)) for r in rows], ensure_ascii=False, indent=1, default=str) + "\n"
    raise QueryError(f"unknown output format '{fmt}' (table, csv, json)")
