"""Run SPARQL and Cypher against a build directory, and the saved research queries.

>>> sorted(saved_queries())[:3]
['category-by-document', 'cited-issuers', 'department-obligations']
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from policykg.errors import GraphError, QueryError

from .stores import cypher, open_ladybug, open_oxigraph, sparql

__all__ = ["check_build", "run_sparql", "run_cypher", "saved_queries", "saved_query_text", "run_saved", "format_rows",
           "SavedQuery", "page_size", "paged_text"]


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


#: how a saved listing marks its first page: documents LIMIT n OFFSET 0 (SPARQL), SKIP 0 LIMIT n (Cypher)
_FIRST_PAGE = {"sparql": re.compile(r"\bLIMIT (\d+) OFFSET 0\b"), "cypher": re.compile(r"\bSKIP 0 LIMIT (\d+)\b")}


def page_size(text: str, lang: str) -> int | None:
    """Documents per page of a paged saved listing, or None for a query that is not paged.

    >>> page_size("{ SELECT ?doc WHERE { ?d a ?t } ORDER BY ?doc LIMIT 10 OFFSET 0 }", "sparql")
    10
    >>> page_size("WITH p.identifier AS doc ORDER BY doc SKIP 0 LIMIT 100", "cypher")
    100
    >>> page_size("SELECT * WHERE { ?s ?p ?o }", "sparql") is None
    True
    """
    m = _FIRST_PAGE[lang].search(text)
    return int(m.group(1)) if m else None


def paged_text(text: str, lang: str, page: int) -> str:
    """The text of page ``page`` (1, 2, …) of a paged saved listing (every sub-select of the page's
    documents moves: cited-issuers selects them twice).

    >>> paged_text("ORDER BY ?doc LIMIT 10 OFFSET 0 }", "sparql", 3)
    'ORDER BY ?doc LIMIT 10 OFFSET 20 }'
    >>> paged_text("ORDER BY doc SKIP 0 LIMIT 10", "cypher", 2)
    'ORDER BY doc SKIP 10 LIMIT 10'
    >>> paged_text("{ LIMIT 10 OFFSET 0 } { LIMIT 10 OFFSET 0 }", "sparql", 2)
    '{ LIMIT 10 OFFSET 10 } { LIMIT 10 OFFSET 10 }'
    """
    size = page_size(text, lang)
    if size is None:
        if page == 1:
            return text
        raise QueryError("this saved query is not paged: it returns every row at once (leave out --page)")
    skip = (page - 1) * size
    if lang == "sparql":
        return _FIRST_PAGE[lang].sub(f"LIMIT {size} OFFSET {skip}", text)
    return _FIRST_PAGE[lang].sub(f"SKIP {skip} LIMIT {size}", text)


def run_saved(build_dir: Path, name: str, lang: str = "sparql", *, timeout: float | None = None, page: int = 1
              ) -> tuple[list[str], list[list[Any]]]:
    """Run a saved query; a paged listing (documents in identifier order, 10 or 100 a page) gives ``page``."""
    text = paged_text(saved_query_text(name, lang), lang, page)
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
