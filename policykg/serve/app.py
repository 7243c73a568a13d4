"""The Starlette application: the endpoints and the browser app's pages.

Routes: ``/`` search, ``/entity/{id}``, ``/compare``, ``/queries`` and ``/queries/{name}``,
``/views`` and ``/views/{name}``, ``/sparql`` (SPARQL 1.1 Protocol), ``/cypher`` (JSON), and the
app's stylesheet under ``/static``.  Templates live in ``viz/app/templates`` and are rendered with
autoescaping on, so document text, labels and the user's input are always shown as text.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlencode

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route, request_response
from starlette.staticfiles import StaticFiles

from policykg.errors import PolicyKGError
from policykg.graph.query import page_size, paged_text, saved_queries, saved_query_text
from policykg.graph.stores import sparql as run_sparql
from policykg.graph.stores import sparql_prefixes
from policykg.viz import VIEWS, html_string, make_view

from . import pages
from .protocol import HttpError, cypher_answer, refuse_update, sparql_answer
from .stores import BuildStores

__all__ = ["create_app", "app_dir"]

#: a query runs at most this long unless ``policykg serve --timeout`` says otherwise
DEFAULT_TIMEOUT = 30.0
CYPHER_EXAMPLE = ('{"query": "MATCH (a:Actor) RETURN a.label LIMIT 5", "params": {}}'
                  ' → {"columns": [...], "rows": [[...]]}')


def app_dir() -> Path:
    """``viz/app``: the templates and the stylesheet."""
    return Path(str(resources.files("policykg.viz"))) / "app"


def _templates():
    import jinja2
    from starlette.templating import Jinja2Templates
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(app_dir() / "templates")), autoescape=True)
    env.filters["idpath"] = lambda s: quote(str(s), safe=":/")
    env.filters["qs"] = lambda d: urlencode(d, doseq=True)
    env.globals["MODALITIES"] = pages.MODALITIES
    env.globals["PAGE_SIZE"] = pages.PAGE_SIZE
    return Jinja2Templates(env=env)


def _int(value: str | None, default: int = 1) -> int:
    try:
        return int(value) if value else default
    except ValueError:
        return default


@dataclass(frozen=True, slots=True)
class _Server:
    """What every handler needs: the stores, the templates, the query time limit."""
    build: Path
    stores: BuildStores
    templates: Any
    timeout: float | None


def _server(request: Request) -> _Server:
    return request.app.state.server


def _page(request: Request, name: str, status: int = 200, **context: Any) -> Response:
    srv = _server(request)
    return srv.templates.TemplateResponse(request, name, {"build": srv.build.name, **context}, status_code=status)


def _problem(request: Request, status: int, message: str) -> Response:
    return _page(request, "error.html", status, message=message)


async def home(request: Request) -> Response:
    q = request.query_params.get("q", "")
    hits = await run_in_threadpool(pages.search, _server(request).stores, q) if q.strip() else []
    return _page(request, "search.html", q=q, hits=hits)


async def entity(request: Request) -> Response:
    stores = _server(request).stores
    ent = await run_in_threadpool(pages.entity, stores, request.path_params["id"])
    if ent is None:
        return _problem(request, 404, f"no actor, instrument, domain or region '{request.path_params['id']}' "
                                      "in this build")

    def sections() -> list[pages.Section]:
        out = []
        for name in ("measures", "targets", "parameters", "mentions"):
            s = pages.section(stores, ent, name, _int(request.query_params.get(f"page_{name}")))
            if s is not None:
                out.append(s)
        return out
    found = await run_in_threadpool(sections)
    return _page(request, "entity.html", entity=ent, sections=found, args=dict(request.query_params))


async def compare(request: Request) -> Response:
    stores = _server(request).stores
    a, b = request.query_params.get("a", ""), request.query_params.get("b", "")
    regions = await run_in_threadpool(pages.jurisdictions, stores)
    result = await run_in_threadpool(pages.compare, stores, a, b) if a and b else None
    message = None if result or not (a and b) else \
        f"no documents of '{a}' or '{b}' in this build (jurisdictions: " + "、".join(r.label for r in regions) + ")"
    return _page(request, "compare.html", 404 if message else 200, a=a, b=b, regions=regions, result=result,
                 message=message)


async def queries(request: Request) -> Response:
    return _page(request, "queries.html", queries=list(saved_queries().values()))


async def saved(request: Request) -> Response:
    srv = _server(request)
    name = request.path_params["name"]
    q = saved_queries().get(name)
    if q is None:
        return _problem(request, 404, f"no saved query '{name}' (see /queries)")
    page = max(_int(request.query_params.get("page")), 1)
    text = saved_query_text(name, "sparql") if "sparql" in q.languages else None
    cypher_text = saved_query_text(name, "cypher") if "cypher" in q.languages else None
    size = page_size(text, "sparql") if text else None
    if text is None or size is None:
        page = 1
    else:
        text = paged_text(text, "sparql", page)
        cypher_text = paged_text(cypher_text, "cypher", page) if cypher_text else None
    try:
        cols, rows = await run_in_threadpool(run_sparql, srv.stores.store, text, timeout=srv.timeout) if text \
            else ([], [])
    except PolicyKGError as e:
        return _problem(request, 503, str(e))
    return _page(request, "query.html", q=q, text=text, cypher=cypher_text, cols=cols, rows=rows,
                 encoded=urlencode({"query": text or ""}), page=page, size=size)


async def views(request: Request) -> Response:
    regions = await run_in_threadpool(pages.jurisdictions, _server(request).stores)
    return _page(request, "views.html", views=list(VIEWS.items()), regions=regions)


async def view(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in VIEWS:
        return _problem(request, 404, f"no view '{name}' (views: {', '.join(VIEWS.names())})")
    p = request.query_params
    stores = _server(request).stores

    def draw() -> str:
        return html_string(make_view(stores.graph(), name, focus=p.get("focus") or None, doc=p.get("doc") or None,
                                     depth=min(max(_int(p.get("depth")), 1), 4),
                                     jurisdictions=[j for j in p.getlist("jurisdiction") if j] or None,
                                     measures=True if p.get("measures") else None))
    try:
        return HTMLResponse(await run_in_threadpool(draw))
    except PolicyKGError as e:
        return _problem(request, 400, str(e))


async def sparql(request: Request) -> Response:
    srv = _server(request)
    try:
        query, params = await _sparql_request(request)
        if query is None:
            return _page(request, "sparql.html", prefixes=sorted(sparql_prefixes().items()))
        answer = await run_in_threadpool(
            sparql_answer, srv.stores.store, query, accept=request.headers.get("accept", ""),
            short=(params.get("format") or params.get("output") or [""])[0] or None,
            default_graphs=params.get("default-graph-uri"), named_graphs=params.get("named-graph-uri"),
            timeout=srv.timeout)
    except HttpError as e:
        return PlainTextResponse(e.message + "\n", e.status)
    return Response(answer.body, media_type=answer.media_type)


async def cypher(request: Request) -> Response:
    srv = _server(request)
    if request.method != "POST":                # a browser or a bare curl: say how to ask
        return PlainTextResponse(f"POST a JSON body to {request.url.path}: {CYPHER_EXAMPLE}\n", 405,
                                 headers={"Allow": "POST"})
    try:
        answer = await run_in_threadpool(cypher_answer, srv.stores, await request.body(), timeout=srv.timeout)
    except HttpError as e:
        return PlainTextResponse(e.message + "\n", e.status)
    return Response(answer.body, media_type=answer.media_type)


def create_app(build_dir: Path, timeout: float | None = DEFAULT_TIMEOUT) -> Starlette:
    """The server's application over one build directory (its stores are opened now, read-only)."""
    stores = BuildStores(build_dir)
    routes = [
        Route("/", home), Route("/entity/{id:path}", entity), Route("/compare", compare),
        Route("/queries", queries), Route("/queries/{name}", saved), Route("/views", views),
        Route("/views/{name}", view),
        # browser-based SPARQL clients (YASGUI) on other origins may query the endpoint: it only reads
        Route("/sparql", CORSMiddleware(request_response(sparql), allow_origins=["*"], allow_methods=["GET", "POST"],
                                        allow_headers=["Accept", "Content-Type"]),
              methods=["GET", "POST", "OPTIONS"]),
        Route("/cypher", cypher, methods=["GET", "POST"]),
        Mount("/static", StaticFiles(directory=str(app_dir() / "static")), name="static"),
    ]

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        stores.close()

    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.server = _Server(build_dir, stores, _templates(), timeout)
    return app


async def _sparql_request(request: Request) -> tuple[str | None, dict[str, list[str]]]:
    """The query and the protocol parameters of a GET or POST; an update request raises 403."""
    params = parse_qs(request.url.query, keep_blank_values=True)
    if request.method == "GET":
        query = params.get("query", [None])[0]
        if "update" in params:
            raise refuse_update(params["update"][0])
        return query, params
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = (await request.body()).decode("utf-8", "replace")
    if media == "application/sparql-update":
        raise refuse_update(body)
    if media == "application/sparql-query":
        return body, params
    if media == "application/x-www-form-urlencoded":
        form = parse_qs(body, keep_blank_values=True)
        if "update" in form:
            raise refuse_update(form["update"][0])
        merged = {**params, **form}
        query = merged.get("query", [None])[0]
        if query is None:
            raise HttpError(400, "no query: send query=… (or update=…, which is refused: the build is read-only)")
        return query, merged
    raise HttpError(415, "send the query as application/sparql-query or as a form (query=…)")
