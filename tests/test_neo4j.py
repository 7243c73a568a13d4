"""Loading into a Bolt server.

Unit tests record exactly what the loader sends (a fake driver beside the real
one, never instead of it); the ``server`` tests load the seed graph through the
official neo4j driver into a real FalkorDB server started by the fixture.
"""

from __future__ import annotations

import json
import re

import orjson
import pytest
from click.testing import CliRunner
from falkor_server import bolt_handshake

from policykg.cli import cli
from policykg.errors import StoreError
from policykg.graph.bolt import (
    FALKORDB_PARAM_BYTES,
    batches,
    close_driver,
    index_statements,
    load_bolt,
    node_statement,
    plan,
    quote_strings,
    rel_statement,
)
from policykg.graph.bolt.loader import _clean
from policykg.graph.property import KEY_LABELS, PGraph, PNode, PRel


def tiny_graph() -> PGraph:
    g = PGraph()
    g.nodes["actor:hlj/gov"] = PNode("actor:hlj/gov", "Actor", ["GovernmentBody", "Actor", "GenericActor"],
                                     {"label": "黑龙江省县级以上人民政府", "level": "county-and-above"})
    g.nodes["inst:government-investment-fund"] = PNode(
        "inst:government-investment-fund", "PolicyInstrument", ["Fund", "PolicyInstrument"],
        {"label": "政府投资基金", "category": "supply", "altLabels": ["政府引导基金"]})
    g.nodes["measure:hlj/m1"] = PNode("measure:hlj/m1", "Measure", ["Measure", "Statement"],
                                      {"modality": "obligation", "text": "县级以上人民政府应当……发挥政府投资基金引导作用。",
                                       "action": None})
    g.rels = [PRel("HAS_AGENT", "measure:hlj/m1", "actor:hlj/gov"),
              PRel("USES_INSTRUMENT", "measure:hlj/m1", "inst:government-investment-fund"),
              PRel("USES", "actor:hlj/gov", "inst:government-investment-fund", {"weight": 2, "docs": ["hlj"]})]
    return g


# --- fakes that record the conversation ------------------------------------------------------

class FakeTx:
    def __init__(self, log):
        self.log = log

    def run(self, statement, params=None):
        self.log.append(("tx", statement, params))
        return FakeResult([])


class FakeResult:
    def __init__(self, records):
        self.records = records

    def __iter__(self):
        return iter(self.records)

    def consume(self):
        return None

    def single(self):
        return self.records[0] if self.records else None


class FakeSession:
    def __init__(self, server):
        self.server = server

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def run(self, statement, params=None):
        self.server.log.append(("auto", statement, params))
        if statement.startswith("CALL dbms.components"):
            if self.server.dialect != "neo4j":
                raise RuntimeError("unknown procedure")
            return FakeResult([{"name": "Neo4j Kernel"}])
        if statement.startswith("CALL db.indexes"):
            return FakeResult([])
        if statement.startswith("RETURN $v"):          # FalkorDB pastes parameters: the escape is consumed
            v = params["v"]
            return FakeResult([{"v": v.replace("\\'", "'") if self.server.dialect == "falkordb" else v}])
        if "count(" in statement:                 # as if every row had arrived (no second pass)
            return FakeResult([{"c": 10**9}])
        return FakeResult([])

    def execute_write(self, fn):
        self.server.writes += 1
        return fn(FakeTx(self.server.log))


class FakeDriver:
    def __init__(self, dialect="neo4j"):
        self.dialect = dialect
        self.log: list[tuple[str, str, dict | None]] = []
        self.writes = 0
        self.closed = False

    def session(self, **kwargs):
        self.log.append(("session", json.dumps(kwargs), None))
        return FakeSession(self)

    def close(self):
        self.closed = True


def test_neo4j_path_sends_constraints_then_parameterized_batches():
    d = FakeDriver("neo4j")
    r = load_bolt(tiny_graph(), "bolt://x:7687", "neo4j", "pw", database="policy", driver=d)
    assert r.dialect == "neo4j" and r.nodes == 3 and r.relationships == 3 and not r.quoted
    sent = [(kind, s, p) for kind, s, p in d.log if kind != "session"]
    constraints = [s for kind, s, _ in sent if s.startswith("CREATE CONSTRAINT")]
    assert constraints == [f"CREATE CONSTRAINT policykg_{k.lower()}_id IF NOT EXISTS FOR (n:{k}) REQUIRE n.id IS UNIQUE"
                           for k in KEY_LABELS]
    # every session is opened on the named database
    assert {s for kind, s, _ in d.log if kind == "session"} == {'{"database": "policy"}'}
    data = [(s, p) for kind, s, p in sent if kind == "tx"]
    assert data[0] == ("UNWIND $rows AS row\nMERGE (n:Actor {id: row.id})\nSET n += row.props\n"
                       "SET n:GovernmentBody:GenericActor",
                       {"rows": [{"id": "actor:hlj/gov", "props": {"label": "黑龙江省县级以上人民政府",
                                                                   "level": "county-and-above",
                                                                   "labels": ["GovernmentBody", "Actor", "GenericActor"]}}]})
    assert ("UNWIND $rows AS row\nMATCH (a:Actor {id: row.src})\nMATCH (b:PolicyInstrument {id: row.dst})\n"
            "MERGE (a)-[r:USES]->(b)\nSET r += row.props",
            {"rows": [{"src": "actor:hlj/gov", "dst": "inst:government-investment-fund",
                       "props": {"weight": 2, "docs": ["hlj"]}}]}) in data
    assert ("UNWIND $rows AS row\nMATCH (a:Measure {id: row.src})\nMATCH (b:Actor {id: row.dst})\n"
            "MERGE (a)-[r:HAS_AGENT]->(b)",
            {"rows": [{"src": "measure:hlj/m1", "dst": "actor:hlj/gov"}]}) in data
    # values travel only as parameters: no Chinese text, no ids inside any statement
    for s, _ in data:
        assert not re.search(r"[\u4e00-\u9fff]", s) and "hlj" not in s
    # None values are not sent (SET += null would erase a property)
    measure = next(p for s, p in data if "MERGE (n:Measure" in s)
    assert "action" not in measure["rows"][0]["props"]
    # all nodes before any relationship; each in a managed (retrying) write transaction
    first_rel = next(i for i, (s, _) in enumerate(data) if "MATCH (a:" in s)
    assert all("MERGE (n:" in s for s, _ in data[:first_rel])
    assert d.writes >= 1 and d.closed is False          # a caller's driver is left open


def test_falkordb_path_uses_indexes_escaping_and_small_messages():
    d = FakeDriver("falkordb")
    g = tiny_graph()
    g.nodes["actor:hlj/gov"].props["labelEn"] = "people's government \\ county"
    r = load_bolt(g, "bolt://x:7687", "falkordb", "", driver=d)
    assert r.dialect == "falkordb" and r.quoted
    sent = [s for kind, s, _ in d.log if kind == "auto"]
    assert [s for s in sent if s.startswith("CREATE")] == [f"CREATE INDEX FOR (n:{k}) ON (n.id)" for k in KEY_LABELS]
    actor = next(p for kind, s, p in d.log if kind == "tx" and "MERGE (n:Actor" in s)
    assert actor["rows"][0]["props"]["labelEn"] == "people\\'s government \\\\ county"
    assert all(len(orjson.dumps(p)) <= FALKORDB_PARAM_BYTES for kind, _, p in d.log if kind == "tx")


def test_per_row_mode_sends_one_row_per_statement_and_transaction():
    d = FakeDriver("neo4j")
    load_bolt(tiny_graph(), "bolt://x", "u", "p", per_row=True, driver=d)
    tx = [p for kind, _, p in d.log if kind == "tx"]
    assert len(tx) == 6 and all(len(p["rows"]) == 1 for p in tx) and d.writes == 6


def test_batches_respect_the_byte_budget_and_rebuild_long_values_in_order():
    g = tiny_graph()
    long_text = ("第一条 企业的'算力券'\\申领" * 700)               # ≈ 15 000 characters, quotes and backslashes
    g.nodes["measure:hlj/m1"].props["text"] = long_text
    g.rels[2].props["docs"] = [f"doc-{i:04d}" for i in range(800)]
    stream = list(batches(g, 1000, 3000, quote_strings))
    assert all(len(orjson.dumps(p)) <= 3000 for _, _, p, _ in stream)
    phases = [p for p, _ in plan(stream)]
    assert phases == ["nodes", "node parts", "relationships", "relationship parts"]
    parts = [(s, p) for ph, s, p, _ in stream if ph == "node parts"]
    assert parts[0][0] == "MATCH (n:Measure {id: $id})\nSET n.text = $part"
    assert all(s == "MATCH (n:Measure {id: $id})\nSET n.text = n.text + $part" for s, _ in parts[1:])
    rebuilt = "".join(p["part"] for _, p in parts)
    assert rebuilt == quote_strings(long_text)
    docs = [p["part"] for ph, s, p, _ in stream if ph == "relationship parts"]
    assert sum(docs, []) == g.rels[2].props["docs"]


def test_unsafe_label_names_are_refused():
    with pytest.raises(StoreError, match="not a plain label"):
        node_statement("Actor`) DETACH DELETE n //")
    with pytest.raises(StoreError):
        rel_statement("USES]->() DELETE r //", "Actor", "PolicyInstrument")
    assert index_statements("falkordb", ("Actor",), existing={"Actor"}) == []


def test_bad_uri_is_a_clear_error():
    with pytest.raises(StoreError, match="not a Bolt URI"):
        load_bolt(tiny_graph(), "http://localhost:7474", "neo4j", "")


# --- against a real server ------------------------------------------------------------------

def _db_state(server) -> tuple[dict, dict]:
    nodes = {r["id"]: (r["p"], sorted(r["l"])) for r in
             server.run("MATCH (n) RETURN n.id AS id, properties(n) AS p, labels(n) AS l")}
    rels = {(r["a"], r["t"], r["b"]): r["p"] for r in
            server.run("MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p")}
    return nodes, rels


@pytest.mark.server
def test_seed_graph_loads_exactly_and_a_second_load_changes_nothing(empty_falkordb, seed_graph):
    server = empty_falkordb
    r1 = load_bolt(seed_graph, server.uri, *server.auth)
    expected = {**seed_graph.counts(), **seed_graph.rel_counts()}
    assert r1.dialect == "falkordb" and r1.counts == expected
    assert r1.nodes == len(seed_graph.nodes) > 6000 and r1.relationships == len(seed_graph.rels) > 15000
    first = _db_state(server)
    # every property of every node and relationship arrived intact (quotes, lists, numbers)
    for n in seed_graph.nodes.values():
        assert first[0][n.id] == ({"id": n.id, **_clean(n.props), "labels": n.labels}, sorted(n.labels)), n.id
    assert first[1] == {(r.src, r.type, r.dst): _clean(r.props) for r in seed_graph.rels}
    assert first[0]["role:county-government"][0]["labelEn"] == "county people's government"
    r2 = load_bolt(seed_graph, server.uri, *server.auth)
    assert r2.counts == expected
    assert _db_state(server) == first


@pytest.mark.server
def test_long_values_survive_the_small_message_limit(empty_falkordb):
    server = empty_falkordb
    g = tiny_graph()
    long_text = "县级以上人民政府应当'设立'\\政府投资基金。" * 900
    g.nodes["measure:hlj/m1"].props["text"] = long_text
    g.rels[2].props["docs"] = [f"doc-{i:04d}" for i in range(700)]
    load_bolt(g, server.uri, *server.auth)
    load_bolt(g, server.uri, *server.auth)              # parts are rebuilt, not appended twice
    got = server.run("MATCH (m:Measure {id: $id}) RETURN m.text AS t", id="measure:hlj/m1")
    assert got == [{"t": long_text}]
    docs = server.run("MATCH ()-[r:USES]->() RETURN r.docs AS d")
    assert docs == [{"d": g.rels[2].props["docs"]}]


@pytest.mark.server
def test_the_server_still_accepts_clients_after_a_load(empty_falkordb):
    """FalkorDB stalls the next handshake after a Bolt GOODBYE; the loader must not leave it so."""
    load_bolt(tiny_graph(), empty_falkordb.uri, *empty_falkordb.auth)
    assert bolt_handshake(empty_falkordb.bolt_port, timeout=5)
    load_bolt(tiny_graph(), empty_falkordb.uri, *empty_falkordb.auth)
    assert bolt_handshake(empty_falkordb.bolt_port, timeout=5)


@pytest.mark.server
def test_saved_cypher_queries_answer_the_same_on_the_server_as_embedded(empty_falkordb, seed_build, seed_graph):
    from policykg.graph.query import run_cypher, saved_queries, saved_query_text
    load_bolt(seed_graph, empty_falkordb.uri, *empty_falkordb.auth)
    d = empty_falkordb.driver()
    try:
        with d.session() as s:
            for name, _q in saved_queries().items():
                text = saved_query_text(name, "cypher")
                _, embedded = run_cypher(seed_build, text)
                served = [list(r.values()) for r in s.run(text)]
                assert embedded, name
                assert sorted(map(repr, served)) == sorted(map(repr, embedded)), name
    finally:
        close_driver(d, "falkordb")


@pytest.mark.server
def test_cli_load_twice_reports_matching_counts(empty_falkordb, seed_build, seed_graph, monkeypatch):
    monkeypatch.setenv("NEO4J_URI", empty_falkordb.uri)
    monkeypatch.setenv("NEO4J_USERNAME", "falkordb")
    runner = CliRunner()
    for _ in range(2):
        r = runner.invoke(cli, ["load", "neo4j", str(seed_build), "--password", ""])
        assert r.exit_code == 0, r.output
        nodes, rels = len(seed_graph.nodes), len(seed_graph.rels)          # the seed build: 6,379 and 18,186
        assert f"loaded {nodes:,} nodes and {rels:,} relationships" in r.output
        assert f"counts match the build: {nodes + rels:,} nodes and relationships" in r.output
    assert empty_falkordb.run("MATCH (n:Actor) RETURN count(n) AS c") == [{"c": seed_graph.counts()["Actor"]}]


def test_cli_load_errors_are_one_line(tmp_path, seed_build):
    runner = CliRunner()
    r = runner.invoke(cli, ["load", "neo4j", str(tmp_path / "nope"), "--uri", "bolt://127.0.0.1:1"])
    assert r.exit_code == 1 and r.output.startswith("error: ") and "no such build directory" in r.output
    r = runner.invoke(cli, ["load", "neo4j", str(seed_build), "--uri", "bolt://127.0.0.1:1"])
    assert (r.exit_code, r.output) == (4, "error: bolt://127.0.0.1:1: nothing is listening at 127.0.0.1:1 (connection "
                                          "refused): is the server running, and are the host and port right?\n")
    r = runner.invoke(cli, ["load", "neo4j", str(seed_build), "--uri", "localhost:7687"])
    assert r.exit_code == 1 and "not a Bolt URI" in r.output


class SwallowingProxy:
    """A loopback TCP proxy to a Bolt server that, once, stops passing on a client's data.

    The first client message that contains ``trigger`` is swallowed and that
    connection then goes silent — what a FalkorDB connection looks like when the
    server stops reading it.
    """

    def __init__(self, port: int, trigger: bytes):
        import socket
        import threading
        self.port, self.trigger, self.swallowed = port, trigger, 0
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.uri = f"bolt://127.0.0.1:{self.listener.getsockname()[1]}"
        self._threads: list[threading.Thread] = []
        self._accept = threading.Thread(target=self._serve, daemon=True)
        self._accept.start()

    def _serve(self) -> None:
        import socket
        import threading
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            server = socket.create_connection(("127.0.0.1", self.port))
            for src, dst, up in ((client, server, True), (server, client, False)):
                t = threading.Thread(target=self._pipe, args=(src, dst, up), daemon=True)
                t.start()
                self._threads.append(t)

    def _pipe(self, src, dst, upstream: bool) -> None:
        silent = False
        while True:
            try:
                data = src.recv(65536)
            except OSError:
                break
            if not data:
                break
            if upstream and not self.swallowed and self.trigger in data:
                self.swallowed += 1
                silent = True
            if not silent:
                try:
                    dst.sendall(data)
                except OSError:
                    break
        for s in (src, dst):
            try:
                s.close()
            except OSError:
                pass

    def close(self) -> None:
        self.listener.close()


@pytest.mark.server
def test_a_connection_that_goes_silent_is_dropped_and_its_transaction_retried(empty_falkordb):
    proxy = SwallowingProxy(empty_falkordb.bolt_port, b"UNWIND $rows AS row")
    try:
        r = load_bolt(tiny_graph(), proxy.uri, *empty_falkordb.auth, stall_seconds=1.0)
    finally:
        proxy.close()
    assert proxy.swallowed == 1
    assert r.counts == {"Actor": 1, "Measure": 1, "PolicyInstrument": 1,
                        "HAS_AGENT": 1, "USES": 1, "USES_INSTRUMENT": 1}
    assert empty_falkordb.run("MATCH (n) RETURN count(n) AS c") == [{"c": 3}]


def test_parallel_sessions_on_neo4j_send_each_batch_exactly_once():
    def sent(workers: int) -> list[str]:
        d = FakeDriver("neo4j")
        r = load_bolt(tiny_graph(), "bolt://x:7687", "neo4j", "pw", batch_size=1, tx_statements=1,
                      workers=workers, driver=d)
        assert (r.nodes, r.relationships) == (3, 3)
        return sorted(repr((s, p)) for kind, s, p in d.log if kind == "tx")
    assert sent(2) == sent(1) and len(sent(1)) == 6


# --- faults: a server restarted mid-load, wrong credentials, a wrong port, a server gone --------

@pytest.fixture()
def own_falkordb(tmp_path):
    """A FalkorDB server of this test alone (it is stopped and restarted), without persistence: a
    restart loses what it held."""
    from falkor_server import FalkorServer
    server = FalkorServer.start(tmp_path / "falkordb")
    yield server
    server.stop()


def _stop_once_at(server, share: float, restart_after: float | None):
    """A progress callback that stops ``server`` once ``share`` of the rows are sent, and restarts
    it (same ports, empty) ``restart_after`` seconds later in the background."""
    import threading
    import time
    state = {"stopped": False}

    def restart() -> None:
        time.sleep(restart_after)
        deadline = time.monotonic() + 45
        while not server.restart():                  # same ports, so the loader's URI reaches it again
            state["restart_attempts"] = state.get("restart_attempts", 0) + 1
            if time.monotonic() > deadline:
                state["restart_log"] = server.log_tail(1500)
                return
            time.sleep(1.0)
        state["restarted"] = True

    def progress(phase: str, done: int, total: int) -> None:
        if not state["stopped"] and done >= share * total:
            state["stopped"] = True
            state["phase"] = phase
            server.stop()
            if restart_after is not None:
                threading.Thread(target=restart, daemon=True).start()
    return progress, state


@pytest.mark.server
@pytest.mark.parametrize("share", [0.2, 0.6])
def test_a_load_survives_a_server_restart_and_ends_with_the_builds_counts(own_falkordb, seed_graph, share):
    progress, state = _stop_once_at(own_falkordb, share, restart_after=3.0)
    try:
        r = load_bolt(seed_graph, own_falkordb.uri, *own_falkordb.auth, progress=progress, retry_seconds=90)
    except StoreError:
        print(state.get("restart_log") or own_falkordb.log_tail(1500))
        raise
    assert state["stopped"] and state["restarted"]
    assert state["phase"] == ("nodes" if share < 0.25 else "relationships")
    expected = {**seed_graph.counts(), **seed_graph.rel_counts()}
    assert r.counts == expected and r.passes == 2           # the restarted server had lost the first part
    assert sum(r["c"] for r in own_falkordb.run("MATCH (n) RETURN count(n) AS c")) == len(seed_graph.nodes)


@pytest.mark.server
def test_a_server_gone_for_good_mid_load_is_one_line_with_its_own_status(own_falkordb, seed_build, monkeypatch):
    import policykg.graph.bolt.loader as loader
    real = loader.load_bolt
    progress, state = _stop_once_at(own_falkordb, 0.3, restart_after=None)
    monkeypatch.setattr(loader, "load_bolt", lambda *a, **k: real(*a, **{**k, "progress": progress}))
    monkeypatch.setattr("policykg.graph.bolt.load_bolt", loader.load_bolt)
    r = CliRunner().invoke(cli, ["load", "neo4j", str(seed_build), "--uri", own_falkordb.uri, "--user", "falkordb",
                                 "--password", "", "--retry-seconds", "3"])
    assert state["stopped"] and r.exit_code == 6, r.output
    line = r.output.strip().splitlines()[-1]
    assert line.startswith(f"error: {own_falkordb.uri}: lost the connection to the server during the load and it "
                           "did not come back within 3 s (")
    assert line.endswith("); loading is idempotent: run the same command again when the server is up")


@pytest.mark.server
def test_wrong_credentials_a_wrong_port_and_a_stopped_server_each_get_one_line_and_a_status(own_falkordb, seed_build):
    import socket
    import threading

    from falkor_server import free_port
    runner = CliRunner()

    def load(uri: str, user: str = "falkordb") -> tuple[int, str]:
        r = runner.invoke(cli, ["load", "neo4j", str(seed_build), "--uri", uri, "--user", user, "--password", "x"])
        assert len(r.output.strip().splitlines()) == 1 and "Traceback" not in r.output, r.output
        return r.exit_code, r.output.strip()

    code, line = load(own_falkordb.uri, user="nobody")
    assert code == 3 and line.startswith(f"error: {own_falkordb.uri}: the server refused the login as 'nobody' (")
    assert line.endswith("): check --user/--password (NEO4J_USERNAME/NEO4J_PASSWORD)")
    nowhere = f"bolt://127.0.0.1:{free_port((own_falkordb.bolt_port,))}"
    assert load(nowhere) == (4, f"error: {nowhere}: nothing is listening at {nowhere[7:]} (connection refused): "
                                "is the server running, and are the host and port right?")
    web = socket.create_server(("127.0.0.1", 0))           # a web server's port (Neo4j's 7474): answers in HTTP

    def answer() -> None:
        conn, _ = web.accept()
        with conn:
            conn.recv(20)
            conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
    threading.Thread(target=answer, daemon=True).start()
    port = web.getsockname()[1]
    try:
        code, line = load(f"bolt://127.0.0.1:{port}")
    finally:
        web.close()
    assert (code, line) == (5, f"error: bolt://127.0.0.1:{port}: 127.0.0.1:{port} is not a Bolt server (it answered "
                               "b'HTTP' to the Bolt handshake): wrong port?")
    own_falkordb.stop()
    assert load(own_falkordb.uri)[0] == 4
