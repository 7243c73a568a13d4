"""``policykg serve``: the SPARQL 1.1 Protocol endpoint through SPARQLWrapper (an outside client), the
Cypher endpoint, and the browser app in a real headless Chromium with every outside request blocked.

The server is the real command (``policykg serve``) in a subprocess on a free port, over the seed
build; it is stopped with SIGINT (Ctrl-C) and must exit cleanly.
"""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from policykg.cli import cli
from policykg.graph.query import run_saved, run_sparql, saved_queries, saved_query_text
from policykg.viz import VIEWS

SPARQL_RESULTS = "{http://www.w3.org/2005/sparql-results#}"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(seed_build):
    """``policykg serve SEED_BUILD --port N`` running; yields its base URL."""
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-c", "from policykg.cli import main; main()", "serve", str(seed_build),
                             "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    assert line.startswith(f"serving {seed_build} at http://127.0.0.1:{port}/"), (line, proc.stderr.read())
    yield f"http://127.0.0.1:{port}/"
    proc.send_signal(signal.SIGINT)                  # Ctrl-C
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert "Traceback" not in err and err.strip().endswith("stopped"), err


def _get(url: str, accept: str | None = None, data: bytes | None = None, content_type: str | None = None):
    req = urllib.request.Request(url, data=data, headers={k: v for k, v in (("Accept", accept),
                                                                             ("Content-Type", content_type)) if v})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.headers.get("Content-Type"), r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type"), e.read().decode()


def _plain(binding: dict | None):
    """A SPARQL JSON results term as ``policykg query`` prints it (graph.stores turns terms into values)."""
    import pyoxigraph as ox

    from policykg.graph.stores import _plain as plain_term
    if binding is None:
        return None
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return plain_term(ox.NamedNode(value))
    if kind == "bnode":
        return plain_term(ox.BlankNode(value))
    if "xml:lang" in binding:
        return plain_term(ox.Literal(value, language=binding["xml:lang"]))
    dt = binding.get("datatype")
    return plain_term(ox.Literal(value, datatype=ox.NamedNode(dt)) if dt else ox.Literal(value))


def _sparqlwrapper(server: str, query: str, fmt: str = "json", method: str = "POST"):
    from SPARQLWrapper import SPARQLWrapper
    sw = SPARQLWrapper(server + "sparql")
    sw.setQuery(query)
    sw.setReturnFormat(fmt)
    sw.setMethod(method)
    return sw


# --- SPARQL through an outside client -------------------------------------------------------------

def test_every_saved_sparql_query_gives_the_rows_of_policykg_query(server, seed_build):
    names = [q.name for q in saved_queries().values() if "sparql" in q.languages]
    assert len(names) >= 14
    nonempty = 0
    for i, name in enumerate(names):
        method = "GET" if i % 2 else "POST"       # both ways the protocol allows
        result = _sparqlwrapper(server, saved_query_text(name, "sparql"), method=method).query().convert()
        cols, rows = run_saved(seed_build, name)
        assert result["head"]["vars"] == cols, name
        got = [[_plain(b.get(c)) for c in cols] for b in result["results"]["bindings"]]
        assert got == rows, name
        nonempty += bool(rows)
    assert nonempty >= len(names) - 2          # the comparison is not between empty results


def test_an_update_is_refused_and_changes_nothing(server):
    from SPARQLWrapper import POSTDIRECTLY
    insert = "INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> <urn:c> } }"
    for direct in (False, True):                 # form update=…, then application/sparql-update
        sw = _sparqlwrapper(server, insert)
        if direct:
            sw.setRequestMethod(POSTDIRECTLY)
        with pytest.raises(urllib.error.HTTPError) as e:
            sw.query()
        assert e.value.code == 403
        assert e.value.read().decode() == ("SPARQL query is an update (INSERT); the server is read-only "
                                           "(to change a build, use 'policykg sparql --write' on it)\n")
    status, _, body = _get(server + "sparql?" + urllib.parse.urlencode({"query": "DELETE WHERE { ?s ?p ?o }"}))
    assert (status, body.split(";")[0]) == (403, "SPARQL query is an update (DELETE)")
    ask = _sparqlwrapper(server, "ASK { <urn:a> <urn:b> <urn:c> }").query().convert()
    assert ask["boolean"] is False
    ask = _sparqlwrapper(server, "ASK { ?a a pkg:PolicyDocument }").query().convert()
    assert ask["boolean"] is True


def test_results_in_the_format_the_client_accepts(server, seed_build):
    query = saved_query_text("issuers", "sparql")
    cols, rows = run_saved(seed_build, "issuers")
    url = server + "sparql?" + urllib.parse.urlencode({"query": query})
    status, ctype, body = _get(url, "text/csv")
    assert (status, ctype) == (200, "text/csv; charset=utf-8")
    lines = body.splitlines()
    assert lines[0].split(",") == cols and len(lines) == len(rows) + 1
    status, ctype, body = _get(url, "text/tab-separated-values")
    assert ctype.startswith("text/tab-separated-values") and len(body.splitlines()) == len(rows) + 1
    status, ctype, body = _get(url, "application/sparql-results+xml, application/json;q=0.5")
    assert ctype == "application/sparql-results+xml"
    root = ET.fromstring(body)
    assert [v.get("name") for v in root.iter(SPARQL_RESULTS + "variable")] == cols
    assert len(list(root.iter(SPARQL_RESULTS + "result"))) == len(rows)
    status, ctype, body = _get(url, "application/sparql-results+json")
    assert ctype == "application/sparql-results+json; charset=utf-8"
    assert len(json.loads(body)["results"]["bindings"]) == len(rows)
    csv = _sparqlwrapper(server, query, "csv", "GET").query().convert().decode()       # format=csv as well
    assert csv.splitlines()[0].split(",") == cols
    xml = _sparqlwrapper(server, query, "xml").query().convert()
    assert len(xml.getElementsByTagName("result")) == len(rows)
    assert _get(url, "image/png")[0] == 406


def test_graphs_as_turtle_or_n_triples(server, seed_build):
    import pyoxigraph as ox
    query = "CONSTRUCT { ?d dcterms:title ?t } WHERE { ?d a pkg:PolicyDocument ; dcterms:title ?t }"
    url = server + "sparql?" + urllib.parse.urlencode({"query": query})
    status, ctype, body = _get(url, "text/turtle")
    assert (status, ctype) == (200, "text/turtle; charset=utf-8")
    turtle = set(ox.parse(body.encode(), format=ox.RdfFormat.TURTLE))
    status, ctype, body = _get(url, "application/n-triples")
    assert ctype == "application/n-triples; charset=utf-8"
    assert set(ox.parse(body.encode(), format=ox.RdfFormat.N_TRIPLES)) == turtle
    titles = run_sparql(seed_build, "SELECT DISTINCT ?d ?t WHERE { ?d a pkg:PolicyDocument ; dcterms:title ?t }")
    assert len(turtle) == len(titles[1]) > 4     # the seeds and the documents they cite


def test_default_graph_uri_names_the_default_graph(server, seed_build):
    from policykg.graph.rdf import graph_iri
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    params = {"query": count, "default-graph-uri": graph_iri("jiangsu-2025")}
    status, _, body = _get(server + "sparql?" + urllib.parse.urlencode(params), "text/csv")
    _, rows = run_sparql(seed_build, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph_iri('jiangsu-2025')}> "
                                     "{ ?s ?p ?o } }")
    assert (status, body.split()) == (200, ["n", str(rows[0][0])])
    _, rows = run_sparql(seed_build, count)              # without it: the union of all graphs
    assert _get(server + "sparql?" + urllib.parse.urlencode({"query": count}), "text/csv")[2].split() == \
        ["n", str(rows[0][0])]


def test_browser_clients_on_other_origins_may_query(server):
    url = server + "sparql?" + urllib.parse.urlencode({"query": "ASK { ?d a pkg:PolicyDocument }"})
    req = urllib.request.Request(url, headers={"Origin": "https://yasgui.example", "Accept": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        assert r.headers["Access-Control-Allow-Origin"] == "*" and json.loads(r.read())["boolean"] is True
    req = urllib.request.Request(server + "sparql", method="OPTIONS", headers={
        "Origin": "https://yasgui.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    with urllib.request.urlopen(req, timeout=30) as r:            # the preflight of a POST
        assert r.status == 200 and "POST" in r.headers["Access-Control-Allow-Methods"]
    req = urllib.request.Request(server + "cypher", data=b'{"query": "MATCH (n:Actor) RETURN count(n)"}',
                                 headers={"Origin": "https://yasgui.example"})
    with urllib.request.urlopen(req, timeout=30) as r:                # no CORS on the Cypher endpoint
        assert r.status == 200 and r.headers.get("Access-Control-Allow-Origin") is None


def test_syntax_errors_are_one_line_400(server):
    status, ctype, body = _get(server + "sparql?" + urllib.parse.urlencode({"query": "SELECT ?x WHERE { ?x foo:bar ?y }"}))
    assert (status, body) == (400, "SPARQL syntax error at line 1, column 29: undeclared prefix 'foo:'\n")
    status, _, body = _get(server + "sparql", data=b"SELECT * WHERE {", content_type="application/sparql-query")
    assert status == 400 and body.startswith("SPARQL syntax error at line 1") and body.count("\n") == 1


def test_a_query_past_the_time_limit_is_503(seed_build):
    from policykg.graph.stores import open_oxigraph
    from policykg.serve.protocol import HttpError, sparql_answer
    store = open_oxigraph(seed_build / "oxigraph")
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    with pytest.raises(HttpError) as e:
        sparql_answer(store, slow, timeout=0.2)
    assert (e.value.status, e.value.message) == (503, "SPARQL query timed out after 0.2 s (raise --timeout or "
                                                      "narrow the query, e.g. with LIMIT)")


# --- Cypher --------------------------------------------------------------------------------------------

def _cypher(server: str, payload) -> tuple[int, str]:
    status, _, body = _get(server + "cypher", data=json.dumps(payload).encode(), content_type="application/json")
    return status, body


def test_cypher_endpoint_gives_the_rows_of_policykg_query(server, seed_build):
    for name in ("instruments-by-province", "department-obligations"):
        status, body = _cypher(server, {"query": saved_query_text(name, "cypher")})
        cols, rows = run_saved(seed_build, name, "cypher")
        assert status == 200
        assert json.loads(body) == {"columns": cols, "rows": json.loads(json.dumps(rows, default=str))}
        assert rows
    status, body = _cypher(server, {"query": "MATCH (d:PolicyDocument) WHERE d.identifier = $id RETURN d.title",
                                    "params": {"id": "jiangsu-2025"}})
    assert json.loads(body)["rows"] == [["江苏省数字经济高质量发展三年行动计划（2025-2027年）"]]


def test_cypher_writes_and_mistakes_are_refused(server):
    assert _cypher(server, {"query": "MATCH (a:Actor) DETACH DELETE a"}) == (
        403, "Cypher query is an update (DETACH); the server is read-only (to change a build, use "
             "'policykg cypher --write' on it)\n")
    assert _cypher(server, {"query": "MATCH (a:Actor RETURN a"}) == (
        400, "Cypher syntax error at line 1, column 16: unexpected 'RETURN'\n")
    status, _, body = _get(server + "cypher", data=b"MATCH (a) RETURN a", content_type="application/json")
    assert status == 400 and body.startswith("the body is not JSON")
    assert _cypher(server, {"query": "MATCH (n:Actor) RETURN count(n)"})[0] == 200
    status, _, body = _get(server + "cypher")            # a browser's GET: how to ask, not a bare 405
    assert (status, body) == (405, 'POST a JSON body to /cypher: {"query": "MATCH (a:Actor) RETURN a.label '
                                   'LIMIT 5", "params": {}} → {"columns": [...], "rows": [[...]]}\n')


def test_the_views_graph_read_from_ladybug_is_the_builds_graph(seed_build):
    from policykg.graph.export import read_build_graph
    from policykg.serve.stores import BuildStores
    stores = BuildStores(seed_build)
    try:
        got = stores.graph()
    finally:
        stores.close()
    want = read_build_graph(seed_build)
    assert {k: (n.key, n.labels, n.props) for k, n in got.nodes.items()} == \
        {k: (n.key, n.labels, n.props) for k, n in want.nodes.items()}

    def rels(g):
        return sorted((r.type, r.src, r.dst, json.dumps(r.props, sort_keys=True, ensure_ascii=False)) for r in g.rels)
    assert rels(got) == rels(want) and len(got.rels) > 10_000


def test_views_are_drawn_on_demand(server):
    status, ctype, body = _get(server + "views/ego?" + urllib.parse.urlencode({"focus": "inst:compute-voucher"}))
    assert (status, ctype) == (200, "text/html; charset=utf-8")
    assert "<title>算力券" in body and "vis-network" in body
    status, _, body = _get(server + "views/document?doc=nope")
    assert status == 400 and "no document &#39;nope&#39; in this build" in body
    status, _, body = _get(server + "views")
    assert all(f'action="/views/{name}"' in body for name in VIEWS.names())


# --- the browser app in Chromium -----------------------------------------------------------------------

class App:
    """A browser tab on the server: requests off the server are aborted and recorded."""

    def __init__(self, browser, server: str) -> None:
        self.ctx = browser.new_context(viewport={"width": 1600, "height": 1000})
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []

        def route(r):
            if r.request.url.startswith(server):
                r.continue_()
            else:
                self.outside.append(r.request.url)
                r.abort()
        self.ctx.route("**/*", route)
        self.page = self.ctx.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))


def _records(build) -> dict[str, dict]:
    with open(build / "extractions.jsonl", encoding="utf-8") as f:
        return {r["id"]: r for r in map(json.loads, f)}


@pytest.mark.browser
def test_search_entity_evidence_in_chromium(server, browser, seed_build):
    records = _records(seed_build)
    app = App(browser, server)
    page = app.page
    page.goto(server)
    page.fill("#q", "算力券")
    page.press("#q", "Enter")
    page.click("#results a.hit >> text=算力券")
    page.wait_for_url("**/entity/inst:compute-voucher")
    assert page.inner_text("h1").endswith("算力券")
    row = page.locator("#mentions table.evidence tbody tr").first
    assert row.locator("mark").inner_text() == "算力券"
    assert "探索发放“算力券”" in row.locator("td.sentence").inner_text()
    assert row.locator("td.prov").inner_text() == "五.（四）2. 二是"

    page.goto(server)                                    # an actor: its measures, with the measure's span marked
    page.fill("#q", "黑龙江省人民政府")
    page.press("#q", "Enter")
    page.click("#results a.hit >> text=黑龙江省人民政府")
    page.wait_for_url("**/entity/actor:heilongjiang/government")
    rows = page.locator("#measures table.evidence tbody tr")
    assert rows.count() == 20                            # page 1 of 2
    first = rows.first
    rec = records[first.get_attribute("data-id")]
    assert first.locator("mark").inner_text() == rec["text"]
    assert first.locator("td.sentence").inner_text() == rec["sentence"]
    assert first.locator("td.prov").inner_text() == "第四条第1款"
    page.click("#measures a[rel=next]")
    assert page.locator("#measures .pager").inner_text().startswith("← previous")
    assert page.locator("#measures table.evidence tbody tr").count() == 2
    assert not app.outside and not app.errors and not app.dialogs, (app.outside, app.errors, app.dialogs)
    app.ctx.close()


@pytest.mark.browser
def test_compare_and_saved_query_pages_in_chromium(server, browser, seed_build):
    app = App(browser, server)
    page = app.page
    page.goto(server + "compare")
    page.select_option("select[name=a]", "江苏省")
    page.select_option("select[name=b]", "黑龙江省")
    page.click("form.compare button")
    cells = page.locator("#modalities tbody tr").first.locator("td").all_inner_texts()
    assert cells[0] == "义务" and int(cells[1]) > 0 and int(cells[2]) > 0
    assert page.locator("#instruments tbody tr").count() > 5
    page.goto(server + "queries/voucher-use")
    assert page.locator("#rows tbody tr").count() == len(run_saved(seed_build, "voucher-use")[1])
    assert page.locator("#pager").count() == 0                      # not a paged listing
    page.goto(server + "queries/prohibitions")
    assert page.locator("#rows tbody tr").count() == len(run_saved(seed_build, "prohibitions")[1]) > 0
    assert page.locator("#pager").inner_text().startswith("Page 1: documents 1–10 in identifier order.")
    page.click("#pager a[rel=next]")
    assert page.url.endswith("queries/prohibitions?page=2") and page.locator("#rows tbody tr").count() == 0
    assert page.locator("#pager a[rel=prev]").count() == 1 and page.locator("#pager a[rel=next]").count() == 0
    assert not app.outside and not app.errors, (app.outside, app.errors)
    app.ctx.close()


XSS = "<script>alert(1)</script><img src=x onerror=alert(2)>"


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    """A one-document build whose text carries markup, served in this process (uvicorn in a thread)."""
    import threading
    import time

    import uvicorn

    from policykg.build import build
    from policykg.serve import create_app
    src = tmp_path_factory.mktemp("hostile") / "notice.txt"
    src.write_text(f"江苏省人民政府关于算力券的通知\n一、省财政厅应当发放算力券{XSS}，降低企业用算成本。\n",
                   encoding="utf-8")
    out = src.parent / "build"
    assert not build([src], out).errors
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(out), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started
    yield f"http://127.0.0.1:{port}/", src.parent, out
    server.should_exit = True
    thread.join(10)


@pytest.mark.browser
def test_hostile_document_and_query_stay_text(hostile_server, browser):
    server = hostile_server[0]
    app = App(browser, server)
    page = app.page
    page.goto(server)
    page.fill("#q", "算力券")
    page.press("#q", "Enter")
    page.click("#results a.hit >> text=算力券")
    page.wait_for_url("**/entity/inst:compute-voucher")
    sentences = page.locator("table.evidence td.sentence").all_inner_texts()
    assert sorted(sentences) == ["江苏省人民政府关于算力券的通知"] + [f"省财政厅应当发放算力券{XSS}，降低企业用算成本。"] * 2
    assert page.locator("#mentions mark").first.inner_text() == "算力券"
    assert page.evaluate("document.querySelectorAll('script, img').length") == 0
    page.goto(server)                                    # the query echoed back
    page.fill("#q", XSS)
    page.press("#q", "Enter")
    assert page.inner_text("#result-count") == f"0 results for “{XSS}”"
    assert not app.errors, app.errors
    page.goto(server + "entity/" + urllib.parse.quote(XSS))          # a 404 page that quotes the id
    assert XSS in page.inner_text("p.error")
    assert page.evaluate("document.querySelectorAll('script, img').length") == 0
    assert app.errors == ["Failed to load resource: the server responded with a status of 404 (Not Found)"]
    assert not app.dialogs and not app.outside, (app.dialogs, app.outside)
    app.ctx.close()


@pytest.mark.slow
def test_a_rebuild_is_served_without_a_restart(hostile_server):
    from policykg.build import build
    server, src, out = hostile_server
    count = {"query": "MATCH (d:PolicyDocument) WHERE d.contentHash IS NOT NULL RETURN d.identifier ORDER BY d.identifier"}
    assert json.loads(_cypher(server, count)[1])["rows"] == [["notice"]]
    (src / "second.txt").write_text("安徽省人民政府关于低空经济的意见\n一、省财政厅应当设立低空经济产业基金。\n",
                                    encoding="utf-8")
    assert not build([src], out).errors               # a new generation while the server runs
    assert json.loads(_cypher(server, count)[1])["rows"] == [["notice"], ["second"]]
    query = "SELECT ?i WHERE { ?d a pkg:PolicyDocument ; dcterms:identifier ?i ; pkg:contentHash ?h } ORDER BY ?i"
    status, _, body = _get(server + "sparql?" + urllib.parse.urlencode({"query": query}), "text/csv")
    assert body.split() == ["i", "notice", "second"]


def test_document_text_is_escaped_in_the_entity_page():
    from policykg.serve import pages
    from policykg.serve.app import _templates
    env = _templates().env
    env.globals["url_for"] = lambda name, path: f"/static/{path}"
    hostile = "<script>alert(1)</script>"
    ev = pages.Evidence("measure:x/1", "x", f"标题{hostile}", "provision:x/p1", "第一条",
                        ((f"发放{hostile}", False),), (("算力券", True), ("<b>", False)), (("。", False),),
                        ("agent", f"义务{hostile}", None))
    section = pages.Section("measures", "Measures", ("role", "modality", "action"), [ev], 1, 1, 1)
    html = env.get_template("entity.html").render(
        request=None, build="b", args={}, sections=[section],
        entity=pages.Entity("inst:x", "PolicyInstrument", "instrument", f"算力券{hostile}", [("type", hostile)]))
    assert "<script>" not in html
    # the page title, the heading, the type, the document's tooltip, the sentence, the modality
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 6
    assert '<mark><b class="self">算力券</b>&lt;b&gt;</mark>' in html


# --- the command's mistakes --------------------------------------------------------------------------

def test_serve_a_missing_or_non_build_directory(tmp_path):
    r = CliRunner().invoke(cli, ["serve", str(tmp_path / "nope")])
    assert r.exit_code == 1
    assert r.output == f"error: {tmp_path / 'nope'}: no such build directory (run 'policykg build PATHS -o DIR')\n"
    r = CliRunner().invoke(cli, ["serve", str(tmp_path)])
    assert r.exit_code == 1 and r.output.startswith(f"error: {tmp_path}: not a policykg build directory")


def test_serve_on_a_port_in_use(tmp_path):
    (tmp_path / "manifest.json").write_text("{}")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        r = CliRunner().invoke(cli, ["serve", str(tmp_path), "--port", str(port)])
    assert r.exit_code == 1
    assert r.output == f"error: 127.0.0.1:{port}: the port is in use (choose another with --port)\n"
    r = CliRunner().invoke(cli, ["serve", str(tmp_path), "--host", "nosuch.invalid"])
    assert r.exit_code == 1 and r.output.startswith("error: nosuch.invalid:7878: unknown host 'nosuch.invalid'")
