"""Read-only queries (graph/guard.py, graph/stores.py, the sparql/cypher/query commands).

Updates are refused unless --write, syntax errors are one line with the position, eight
processes read one build at once, and --timeout stops a long query with one line.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from policykg.cli import cli
from policykg.graph.guard import cypher_update_keyword, sparql_update_keyword

HINT = "the build is read-only (pass --write to change it)"
HEAVY_SPARQL = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
HEAVY_CYPHER = "MATCH (a), (b), (c) WHERE a.id < b.id AND b.id < c.id RETURN count(*)"


def run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def build(tmp_path_factory, seeds_dir) -> Path:
    out = tmp_path_factory.mktemp("readonly") / "build"
    r = run("build", seeds_dir / "heilongjiang-2024.txt", "-o", out, "--exports", "overview")
    assert r.exit_code == 0, r.output
    return out


def counts(build_dir: Path) -> tuple[int, int]:
    """(quads in the SPARQL store, nodes in the Cypher database)."""
    from policykg.graph.query import run_cypher
    from policykg.graph.stores import open_oxigraph
    quads = len(open_oxigraph(build_dir / "oxigraph"))
    _, n = run_cypher(build_dir, "MATCH (n) RETURN count(*)")
    return quads, n[0][0]


# --- telling updates from queries (no build needed) ----------------------------------------------

@pytest.mark.parametrize("text, keyword", [
    ("CREATE (:Actor {id: 'x'})", "CREATE"),
    ("MATCH (a:Actor) SET a.label = 'x'", "SET"),
    ("MERGE (a:Actor {id: 'x'}) ON CREATE SET a.label = 'y'", "MERGE"),
    ("MATCH (a) DETACH DELETE a", "DETACH"),
    ("match (a) remove a.label", "REMOVE"),
    ("DROP TABLE Actor", "DROP"),
    ("COPY Actor FROM 'a.csv'", "COPY"),
    ("ALTER TABLE Actor ADD x STRING", "ALTER"),
    ("INSTALL httpfs", "INSTALL"),
    ("LOAD FROM 'a.csv' RETURN *", "LOAD"),
    ("CALL create_fts_index('Actor', 'ix', ['label'])", "CALL create_fts_index"),
    ("CALL drop_fts_index('Actor', 'ix')", "CALL drop_fts_index"),
    ("MATCH (a:Actor) WHERE a.label = 'CREATE (x)' RETURN a", None),
    ('MATCH (a:Actor) WHERE a.label = "it\\"s SET" RETURN a', None),
    ("MATCH (a:Actor) // DELETE a\nRETURN a /* MERGE */", None),
    ("MATCH (a:Actor) RETURN a.set, a.`delete`, {remove: 1}, $create", None),
    ("CALL show_tables() RETURN *", None),
    ("CALL query_fts_index('Actor', 'ix', 'x') RETURN *", None),
])
def test_cypher_writes_are_found_by_token_not_by_substring(text, keyword):
    assert cypher_update_keyword(text) == keyword


@pytest.mark.parametrize("text, keyword", [
    ("INSERT DATA { <a:b> <a:c> <a:d> }", "INSERT"),
    ("PREFIX x: <http://e/> # SELECT\nDELETE WHERE { ?s x:p ?o }", "DELETE"),
    ("CLEAR ALL", "CLEAR"), ("LOAD <http://e/x>", "LOAD"), ("DROP GRAPH <a:g>", "DROP"),
    ("SELECT ?s WHERE { ?s ?p 'INSERT' } # DELETE", None),
    ("SELECT ?s WHERE { ?s <http://e/delete> ?o }", None),
    ("SELECT ?s WHERE { ?s pkg:load ?o }", None),
])
def test_sparql_update_keyword_skips_strings_iris_comments_and_names(text, keyword):
    assert sparql_update_keyword(text) == keyword


# --- on a build -----------------------------------------------------------------------------------

UPDATES = [
    ("sparql", "INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }", "SPARQL query is an update (INSERT)"),
    ("sparql", "PREFIX e: <http://e/>\nDELETE WHERE { ?s ?p ?o }", "SPARQL query is an update (DELETE)"),
    ("sparql", "CLEAR ALL", "SPARQL query is an update (CLEAR)"),
    ("sparql", "DROP ALL", "SPARQL query is an update (DROP)"),
    ("sparql", "LOAD <http://127.0.0.1:9/x.ttl>", "SPARQL query is an update (LOAD)"),
    ("cypher", "CREATE (:Actor {id: 'x', labels: ['Actor']})", "Cypher query is an update (CREATE)"),
    ("cypher", "MATCH (a) DETACH DELETE a", "Cypher query is an update (DETACH)"),
    ("cypher", "MATCH (a:Actor) SET a.label = 'x'", "Cypher query is an update (SET)"),
    ("cypher", "MERGE (a:Actor {id: 'x'})", "Cypher query is an update (MERGE)"),
    ("cypher", "DROP TABLE Actor", "Cypher query is an update (DROP)"),
    ("cypher", "COPY Actor FROM 'x.csv'", "Cypher query is an update (COPY)"),
]


@pytest.mark.slow
def test_updates_are_refused_and_leave_the_build_unchanged(build):
    before = counts(build)
    assert before[0] > 1000 and before[1] > 100
    for lang, text, what in UPDATES:
        r = run(lang, build, text)
        assert r.exit_code == 1, (text, r.output)
        assert r.output == f"error: {what}; {HINT}\n", text
    assert counts(build) == before


@pytest.mark.slow
def test_read_only_database_is_the_guarantee_behind_the_check(build):
    """A write the token check does not know still fails: the database itself is open read-only."""
    from policykg.errors import QueryError
    from policykg.graph.stores import cypher, open_ladybug
    db, conn = open_ladybug(build / "ladybug")
    try:
        with pytest.raises(QueryError, match=r"^Cypher query is an update \(CREATE\); the build is read-only"):
            cypher(conn, "CREATE (:Actor {id: 'x'})", write=True)    # skips the check, not the database
    finally:
        conn.close()
        db.close()


@pytest.mark.slow
def test_write_lets_an_update_through_on_a_copy(build, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(build, copy, symlinks=True)
    quads, nodes = counts(copy)
    r = run("sparql", copy, "--write", "INSERT DATA { GRAPH <http://e/g> { <http://e/a> <http://e/b> 'c' } }")
    assert r.exit_code == 0, r.output
    assert "update applied" in r.output
    r = run("cypher", copy, "--write", "CREATE (:Actor {id: 'actor:test', labels: ['Actor'], label: 'test'})")
    assert r.exit_code == 0, r.output
    assert counts(copy) == (quads + 1, nodes + 1)
    assert counts(build) == (quads, nodes)
    r = run("sparql", copy, "ASK { <http://e/a> <http://e/b> 'c' }", "--format", "csv")
    assert r.output.splitlines()[:2] == ["result", "True"]


@pytest.mark.slow
@pytest.mark.parametrize("lang, text, message", [
    ("sparql", "SELECT ?x WHERE { ?x foo:bar ?y }",
     "SPARQL syntax error at line 1, column 29: undeclared prefix 'foo:'"),
    ("sparql", "SELECT ?x WHERE {\n  ?x ?y ?z ", "SPARQL syntax error at line 2, column "),
    ("sparql", "SELEC ?x WHERE { ?x ?y ?z }", "SPARQL syntax error at line 1, column "),
    ("sparql", "INSERT DATA { <http://e/a> <http://e/b> ", "SPARQL syntax error at line 1, column "),
    ("cypher", "MATCH (a:Actor RETURN a", "Cypher syntax error at line 1, column 16: unexpected 'RETURN'"),
    ("cypher", "MATCH (a:Actor)\nRETURN a.label,", "Cypher syntax error at line 2, column "),
])
def test_syntax_errors_are_one_line_with_the_position(build, lang, text, message):
    r = run(lang, build, text)
    assert r.exit_code == 1
    assert r.output.startswith(f"error: {message}"), r.output
    assert r.output.count("\n") == 1 and len(r.output) < 200, r.output


READER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from policykg.graph.stores import cypher, open_ladybug, open_oxigraph, sparql
    build, gate, i = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    store = open_oxigraph(build / "oxigraph")
    db, conn = open_ladybug(build / "ladybug")
    (gate / f"ready-{i}").touch()
    deadline = time.time() + 120
    while len(list(gate.glob("ready-*"))) < 8 and time.time() < deadline:   # all eight hold both stores open
        time.sleep(0.05)
    _, q = sparql(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    _, n = cypher(conn, "MATCH (n) RETURN count(*)")
    conn.close(); db.close()
    print(q[0][0], n[0][0])
""")


@pytest.mark.slow
def test_eight_processes_read_one_build_at_once(build, tmp_path):
    expected = "%d %d" % counts_union(build)
    procs = [subprocess.Popen([sys.executable, "-c", READER, str(build), str(tmp_path), str(i)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for i in range(8)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0] * 8, [err[-500:] for _, err in outs]
    assert [out.strip() for out, _ in outs] == [expected] * 8
    assert len(list(tmp_path.glob("ready-*"))) == 8


def counts_union(build_dir: Path) -> tuple[int, int]:
    from policykg.graph.query import run_cypher, run_sparql
    _, q = run_sparql(build_dir, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    _, n = run_cypher(build_dir, "MATCH (n) RETURN count(*)")
    return q[0][0], n[0][0]


@pytest.mark.slow
def test_eight_cli_readers_at_once(build):
    """The commands themselves, SPARQL and Cypher side by side."""
    cmds = [["sparql", str(build), "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"],
            ["cypher", str(build), "MATCH (n) RETURN count(*)"]] * 4
    code = "import sys; from policykg.cli import main; main(sys.argv[1:])"
    procs = [subprocess.Popen([sys.executable, "-c", code, *c, "--format", "csv"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for c in cmds]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0] * 8, [err[-500:] for _, err in outs]
    q, n = counts_union(build)
    assert [out.splitlines()[1] for out, _ in outs] == [str(q), str(n)] * 4


@pytest.mark.slow
def test_timeout_stops_a_long_query_with_one_line(build):
    code = "import sys; from policykg.cli import main; main(sys.argv[1:])"
    start = time.monotonic()
    p = subprocess.run([sys.executable, "-c", code, "sparql", str(build), HEAVY_SPARQL, "--timeout", "1"],
                       capture_output=True, text=True, timeout=120)
    assert p.returncode == 1
    assert p.stderr == "error: SPARQL query timed out after 1 s (raise --timeout or narrow the query, e.g. with LIMIT)\n"
    assert time.monotonic() - start < 30
    r = run("cypher", build, HEAVY_CYPHER, "--timeout", "0.5")
    assert r.exit_code == 1
    assert r.output == "error: Cypher query timed out after 0.5 s (raise --timeout or narrow the query, e.g. with LIMIT)\n"
    r = run("query", build, "instruments-by-province", "--timeout", "60", "--format", "csv")
    assert r.exit_code == 0, r.output
    r = run("sparql", build, "SELECT ?s WHERE { ?s ?p ?o } LIMIT 2", "--timeout", "0")
    assert r.exit_code == 2 and "--timeout" in r.output
