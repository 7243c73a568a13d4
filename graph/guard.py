"""Read-only queries: telling updates from queries, syntax errors in one line, time limits.

A build's stores are opened read-only, which is the real guarantee; the checks here give the
user a clear message before the engine refuses.  SPARQL is classified by Oxigraph's own parser
(see ``stores.sparql``); Cypher by a token scan that skips strings, comments and quoted names.

>>> cypher_update_keyword("MATCH (a:Actor) WHERE a.label = 'CREATE' RETURN a // DELETE")
>>> cypher_update_keyword("MATCH (a) DETACH DELETE a")
'DETACH'
>>> cypher_update_keyword("CALL create_fts_index('Actor', 'i', ['label'])")
'CALL create_fts_index'
>>> sparql_update_keyword("PREFIX x: <http://e/> # INSERT\\nDELETE WHERE { ?s x:p ?o }")
'DELETE'
>>> sparql_syntax_message("SELECT ?x WHERE { ?x foo:bar ?y }", "error at 1:29: expected one of Prefix not found, ['%']")
"SPARQL syntax error at line 1, column 29: undeclared prefix 'foo:'"
>>> cypher_syntax_message("MATCH (a:Actor RETURN a",
...     'Parser exception: Invalid input <MATCH (a:Actor RETURN>: expected rule oC_SingleQuery (line: 1, offset: 15)')
"Cypher syntax error at line 1, column 16: unexpected 'RETURN'"
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from policykg.errors import QueryError

__all__ = ["READ_ONLY_HINT", "update_refused", "sparql_update_keyword", "cypher_update_keyword",
           "sparql_syntax_message", "cypher_syntax_message", "timed_out", "with_timeout"]

T = TypeVar("T")

READ_ONLY_HINT = "the build is read-only (pass --write to change it)"

SPARQL_UPDATE_WORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY"})
CYPHER_UPDATE_WORDS = frozenset({"CREATE", "MERGE", "DELETE", "DETACH", "SET", "REMOVE", "DROP", "COPY", "LOAD",
                                 "ALTER", "INSTALL", "IMPORT", "EXPORT"})
#: procedures that write (index creation and removal, checkpoints); ``query_*_index`` only reads
_WRITING_PROCEDURE = re.compile(r"^(create_|drop_|checkpoint$)", re.I)


def update_refused(lang: str, keyword: str | None) -> QueryError:
    what = f"{lang} query is an update ({keyword})" if keyword else f"{lang} query is an update"
    return QueryError(f"{what}; {READ_ONLY_HINT}")


# --- tokens --------------------------------------------------------------------------------------

_SPARQL_TOKEN = re.compile(r"""
      (?P<skip>\#[^\n]*                                  # comment
        | '''(?:[^\\]|\\.)*?(?:'''|\Z) | \"\"\"(?:[^\\]|\\.)*?(?:\"\"\"|\Z)
        | '(?:[^'\\\n]|\\.)*(?:'|$) | "(?:[^"\\\n]|\\.)*(?:"|$)
        | <[^<>"{}|^`\\\s]*>                             # IRI
        | [?$]\w+)                                       # variable
    | (?P<word>[A-Za-z_][\w-]*(?::[\w.-]*)?)
    | (?P<other>\S)
""", re.X | re.S | re.M)

_CYPHER_TOKEN = re.compile(r"""
      (?P<skip>//[^\n]* | /\*.*?(?:\*/|\Z)               # comments
        | '(?:[^'\\]|\\.)*(?:'|\Z) | "(?:[^"\\]|\\.)*(?:"|\Z)
        | `(?:[^`]|``)*(?:`|\Z))                         # quoted name
    | (?P<word>[^\W\d]\w*)
    | (?P<other>\d[\w.]*|\S)
""", re.X | re.S)


def sparql_update_keyword(text: str) -> str | None:
    """The first update operation's keyword (INSERT, DELETE, LOAD…) outside comments, strings and IRIs."""
    for m in _SPARQL_TOKEN.finditer(text):
        w = m.group("word")
        if w and ":" not in w and w.upper() in SPARQL_UPDATE_WORDS:
            return w.upper()
    return None


def cypher_update_keyword(text: str) -> str | None:
    """The first clause that writes (CREATE, MERGE, SET, DELETE, CALL create_…) outside strings and comments.

    A word right after ``.``, ``:`` or ``$`` (a property, a label, a parameter) or right before ``:``
    (a map key) is a name, not a clause.
    """
    tokens = [(m.lastgroup, m.group()) for m in _CYPHER_TOKEN.finditer(text) if m.lastgroup != "skip"]
    for i, (kind, tok) in enumerate(tokens):
        if kind != "word":
            continue
        if i and tokens[i - 1][1] in (".", ":", "$"):
            continue
        if i + 1 < len(tokens) and tokens[i + 1][1] == ":":
            continue
        up = tok.upper()
        if up in CYPHER_UPDATE_WORDS:
            return up
        if up == "CALL" and i + 1 < len(tokens) and tokens[i + 1][0] == "word" and \
                _WRITING_PROCEDURE.match(tokens[i + 1][1]):
            return f"CALL {tokens[i + 1][1]}"
    return None


# --- syntax errors -------------------------------------------------------------------------------

def _token_at(text: str, line: int, column: int) -> str | None:
    """The word or character at 1-based (line, column), or None past the end."""
    lines = text.splitlines() or [""]
    if not 1 <= line <= len(lines):
        return None
    rest = lines[line - 1][max(column - 1, 0):].lstrip()
    if not rest:
        return None
    m = re.match(r"\w+|\S", rest)
    return m.group() if m else None


def _short(reason: str, limit: int = 100) -> str | None:
    reason = " ".join(reason.split())
    return reason if len(reason) <= limit else None


def sparql_syntax_message(text: str, error: str) -> str:
    """``SPARQL syntax error at line L, column C: <reason>`` from Oxigraph's ``error at L:C: …``."""
    m = re.match(r"\s*error at (\d+):(\d+):\s*(.*)", error, re.S)
    if not m:
        return f"SPARQL syntax error: {_short(error, 200) or error.splitlines()[0]}"
    line, col, reason = int(m.group(1)), int(m.group(2)), m.group(3)
    if "Prefix not found" in reason:
        lines = text.splitlines()
        before = lines[line - 1][:col - 1] if 0 < line <= len(lines) else ""
        p = re.search(r"([A-Za-z][\w.-]*)?:[^\s:]*\s*$", before)
        name = (p.group(1) or "") if p else None
        what = f"undeclared prefix '{name}:'" if name is not None else "undeclared prefix"
        return f"SPARQL syntax error at line {line}, column {col}: {what}"
    short = _short(reason)
    if short is None:
        tok = _token_at(text, line, col)
        short = f"unexpected '{tok}'" if tok else "unexpected end of query"
    return f"SPARQL syntax error at line {line}, column {col}: {short}"


def cypher_syntax_message(text: str, error: str) -> str:
    """``Cypher syntax error at line L, column C: unexpected 'TOKEN'`` from LadybugDB's parser exception."""
    m = re.search(r"\(line: (\d+), offset: (\d+)\)", error)
    if not m:
        first = error.strip().splitlines()[0] if error.strip() else "invalid query"
        return f"Cypher syntax error: {first.removeprefix('Parser exception: ')}"
    line, col = int(m.group(1)), int(m.group(2)) + 1
    tok = _token_at(text, line, col)
    return f"Cypher syntax error at line {line}, column {col}: " + (f"unexpected '{tok}'" if tok
                                                                     else "unexpected end of query")


# --- time limits ---------------------------------------------------------------------------------

def timed_out(lang: str, seconds: float) -> QueryError:
    return QueryError(f"{lang} query timed out after {seconds:g} s (raise --timeout or narrow the query, "
                      "e.g. with LIMIT)")


def with_timeout(fn: Callable[[threading.Event], T], seconds: float | None, lang: str) -> T:
    """``fn(cancelled)`` in a worker thread; QueryError when it runs past ``seconds``.

    The worker is a daemon thread: the engine keeps computing in native code until the process
    exits, but ``fn`` should stop consuming results once ``cancelled`` is set.
    """
    cancelled = threading.Event()
    if seconds is None:
        return fn(cancelled)
    box: dict[str, Any] = {}

    def work() -> None:
        try:
            box["value"] = fn(cancelled)
        except BaseException as e:          # noqa: BLE001 — handed to the caller's thread
            box["error"] = e

    worker = threading.Thread(target=work, name=f"policykg-{lang.lower()}-query", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        cancelled.set()
        raise timed_out(lang, seconds)
    if "error" in box:
        raise box["error"]
    return box["value"]
