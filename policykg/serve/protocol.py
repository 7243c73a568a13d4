"""The SPARQL 1.1 Protocol and the Cypher endpoint: queries in, standard result formats out.

SPARQL: ``GET /sparql?query=…``, ``POST`` as a form (``query=…``) or as ``application/sparql-query``.
The default graph is the union of every document's graph (unless the request names
``default-graph-uri``), and the project's prefixes are predeclared, so the saved queries run as
written.  Results are negotiated from ``Accept`` (or a ``format``/``output`` parameter, which
SPARQLWrapper also sends).  The store is read-only: an update is refused with 403, a syntax error
is 400, a query past the time limit 503.

>>> negotiate("text/csv;q=0.5, application/sparql-results+xml", RESULT_TYPES, "application/sparql-results+json")
'application/sparql-results+xml'
>>> negotiate("text/*", RDF_TYPES, "text/turtle")
'text/turtle'
>>> negotiate("", RESULT_TYPES, "application/sparql-results+json")
'application/sparql-results+json'
>>> negotiate("image/png", RESULT_TYPES, "application/sparql-results+json") is None
True
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from policykg.errors import QueryError
from policykg.graph.guard import (
    cypher_update_keyword,
    sparql_syntax_message,
    sparql_update_keyword,
    with_timeout,
)
from policykg.graph.stores import sparql_prefixes

__all__ = ["HttpError", "Answer", "RESULT_TYPES", "RDF_TYPES", "negotiate", "sparql_answer", "cypher_answer",
           "refuse_update"]

#: media type → pyoxigraph QueryResultsFormat name (SELECT and ASK)
RESULT_TYPES = {"application/sparql-results+json": "JSON", "application/json": "JSON",
                "application/sparql-results+xml": "XML", "application/xml": "XML", "text/xml": "XML",
                "text/csv": "CSV", "text/tab-separated-values": "TSV"}
#: media type → pyoxigraph RdfFormat name (CONSTRUCT and DESCRIBE)
RDF_TYPES = {"text/turtle": "TURTLE", "application/x-turtle": "TURTLE", "application/n-triples": "N_TRIPLES",
             "text/plain": "N_TRIPLES", "application/rdf+xml": "RDF_XML", "application/ld+json": "JSON_LD"}
#: the ``format`` / ``output`` parameter's short names
_SHORT = {"json": ("application/sparql-results+json", "application/ld+json"),
          "xml": ("application/sparql-results+xml", "application/rdf+xml"),
          "csv": ("text/csv", None), "tsv": ("text/tab-separated-values", None),
          "turtle": (None, "text/turtle"), "ttl": (None, "text/turtle"), "n3": (None, "text/turtle"),
          "nt": (None, "application/n-triples"), "ntriples": (None, "application/n-triples"),
          "rdfxml": (None, "application/rdf+xml"), "jsonld": (None, "application/ld+json")}
_TEXT_TYPES = ("text/", "application/sparql-results+json", "application/json", "application/ld+json",
               "application/n-triples")


class HttpError(Exception):
    """A request the server answers with ``status`` and a one-line ``message``."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True, slots=True)
class Answer:
    body: bytes
    media_type: str


def _accepted(accept: str) -> list[tuple[str, float]]:
    out = []
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        out.append((fields[0].lower(), q - i * 1e-6))        # stable: earlier wins among equals
    return sorted(out, key=lambda x: -x[1])


def negotiate(accept: str, offered: dict[str, str], default: str) -> str | None:
    """The offered media type the ``Accept`` header prefers; ``default`` for none or ``*/*``."""
    if not accept.strip():
        return default
    for media, q in _accepted(accept):
        if q <= 0:
            continue
        if media == "*/*":
            return default
        if media.endswith("/*"):
            prefix = media[:-1]
            if default.startswith(prefix):
                return default
            for t in offered:
                if t.startswith(prefix):
                    return t
        elif media in offered:
            return media
    return None


def _refused(lang: str, keyword: str | None) -> HttpError:
    what = f"{lang} query is an update ({keyword})" if keyword else f"{lang} query is an update"
    return HttpError(403, f"{what}; the server is read-only (to change a build, use 'policykg {lang.lower()} "
                          "--write' on it)")


def refuse_update(query: str) -> HttpError:
    """403 for a SPARQL update (the endpoint never runs one)."""
    return _refused("SPARQL", sparql_update_keyword(query))


def _content_type(media: str) -> str:
    return f"{media}; charset=utf-8" if media.startswith(_TEXT_TYPES) else media


def _pick(kind: str, accept: str, short: str | None) -> str:
    offered, default = (RESULT_TYPES, "application/sparql-results+json") if kind == "results" else \
        (RDF_TYPES, "text/turtle")
    if short:
        pair = _SHORT.get(short.lower())
        chosen = pair and pair[0 if kind == "results" else 1]
        if not chosen:
            raise HttpError(406, f"format '{short}' is not offered for this query "
                                 f"(offered: {', '.join(sorted(set(offered)))})")
        return chosen
    media = negotiate(accept, offered, default)
    if media is None:
        raise HttpError(406, f"none of the accepted types is offered for this query "
                             f"(offered: {', '.join(offered)})")
    return media


def _serialize(result, accept: str, short: str | None, cancelled) -> Answer:
    import pyoxigraph as ox
    if isinstance(result, ox.QueryTriples):
        media = _pick("rdf", accept, short)
        fmt = getattr(ox.RdfFormat, RDF_TYPES[media])
        triples = []
        for t in result:
            if cancelled.is_set():
                break
            triples.append(t)
        prefixes = sparql_prefixes() if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None
        body = ox.serialize(triples, format=fmt, prefixes=prefixes) if prefixes else ox.serialize(triples, format=fmt)
        return Answer(body or b"", _content_type(media))
    media = _pick("results", accept, short)
    return Answer(result.serialize(format=getattr(ox.QueryResultsFormat, RESULT_TYPES[media])) or b"",
                  _content_type(media))


def _graphs(uris: list[str]) -> list[Any] | None:
    import pyoxigraph as ox
    try:
        return [ox.NamedNode(u) for u in uris] if uris else None
    except ValueError as e:
        raise HttpError(400, f"not an IRI: {e}") from None


def _classify_syntax_error(store, query: str, error: SyntaxError) -> HttpError:
    """A query that does not parse: an update (403) or a syntax error (400)."""
    if sparql_update_keyword(query) is None:
        return HttpError(400, sparql_syntax_message(query, str(error)))
    try:                               # parse it as an update; the read-only store refuses to run it
        store.update(query, prefixes=sparql_prefixes())
    except SyntaxError as e:
        return HttpError(400, sparql_syntax_message(query, str(e)))
    except (RuntimeError, OSError):
        pass
    return refuse_update(query)


def sparql_answer(store, query: str, *, accept: str = "", short: str | None = None,
                  default_graphs: list[str] | None = None, named_graphs: list[str] | None = None,
                  timeout: float | None = None) -> Answer:
    """Run ``query`` on the read-only ``store`` and serialize the result as negotiated."""
    defaults, named = _graphs(default_graphs or []), _graphs(named_graphs or [])

    def run(cancelled) -> Answer:
        try:
            result = store.query(query, use_default_graph_as_union=defaults is None, default_graph=defaults,
                                 named_graphs=named, prefixes=sparql_prefixes())
        except SyntaxError as e:
            raise _classify_syntax_error(store, query, e) from None
        failure = None
        try:
            return _serialize(result, accept, short, cancelled)
        except HttpError as e:
            failure = HttpError(e.status, e.message)
        except OSError as e:
            failure = HttpError(500, f"SPARQL query failed: {e}")
        finally:
            del result           # pyoxigraph results must be dropped on the thread that made them
        raise failure

    try:
        return with_timeout(run, timeout, "SPARQL")
    except QueryError as e:                   # the time limit
        raise HttpError(503, str(e)) from None


def cypher_answer(stores, body: bytes, *, timeout: float | None = None) -> Answer:
    """``{"query": …, "params": {…}}`` → ``{"columns": […], "rows": [[…]]}`` on the read-only database."""
    try:
        request = json.loads(body or b"null")
    except ValueError:
        raise HttpError(400, 'the body is not JSON: send {"query": "MATCH …", "params": {}}') from None
    if not isinstance(request, dict) or not isinstance(request.get("query"), str) or not request["query"].strip():
        raise HttpError(400, 'no query: send {"query": "MATCH …", "params": {}}')
    params = request.get("params") or {}
    if not isinstance(params, dict):
        raise HttpError(400, '"params" must be a JSON object')
    query = request["query"]
    keyword = cypher_update_keyword(query)
    if keyword:
        raise _refused("Cypher", keyword)
    try:
        cols, rows = stores.cypher(query, params, timeout=timeout)
    except QueryError as e:
        message = str(e)
        if "is an update" in message:
            raise _refused("Cypher", None) from None
        raise HttpError(503 if "timed out" in message else 400, message) from None
    body_out = json.dumps({"columns": cols, "rows": rows}, ensure_ascii=False, default=str).encode()
    return Answer(body_out, "application/json")
