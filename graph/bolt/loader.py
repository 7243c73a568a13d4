"""Load a property graph into a server speaking Bolt and Cypher (Neo4j, FalkorDB, …).

- Index or constraint statements on ``id`` for every key label, from the server's
  :class:`~policykg.graph.bolt.dialect.Dialect`, created before any data;
- nodes in batches of ``UNWIND $rows AS row MERGE (n:Key {id: row.id}) SET n += row.props``,
  one statement per (key label, label set), the extra labels set after the merge;
  the labels are also stored in a ``labels`` list property, as in the embedded
  LadybugDB, so the saved Cypher queries (``'Department' IN a.labels``) run
  unchanged on the server;
- relationships in batches of ``UNWIND $rows AS row MATCH … MATCH … MERGE (a)-[r:TYPE]->(b) SET r += row.props``;
- values only as parameters; labels and types come from the ontology mapping and
  are checked to be plain identifiers before they are written into a statement;
- managed write transactions (several batches each), which the driver retries
  on transient errors; MERGE everywhere, so a retry or a second load leaves the
  same graph.

What a server needs beyond this (message size, sessions, string encoding, read
deadline, closing) comes from its dialect (:mod:`.neo4j`, :mod:`.falkordb`, or a
plug-in's).  The statement builders are pure functions (tests compare their output).
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Collection, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import orjson

from policykg.errors import StoreError
from policykg.graph.property import KEY_LABELS, PGraph

from .dialect import DIALECTS, Dialect, detect_dialect
from .dialect import ident as _ident
from .reach import LoginRefused, NotListening, ServerLost, probe

__all__ = ["check_uri", "close_driver", "node_statement", "rel_statement", "piece_statement", "index_statements",
           "batches", "plan", "PHASES", "load_bolt", "LoadResult", "graph_counts"]


def node_statement(key: str, extra_labels: tuple[str, ...] = ()) -> str:
    """The batched MERGE for nodes of one key label and label set.

    >>> print(node_statement("Actor", ("GovernmentBody", "GenericActor")))
    UNWIND $rows AS row
    MERGE (n:Actor {id: row.id})
    SET n += row.props
    SET n:GovernmentBody:GenericActor
    """
    lines = ["UNWIND $rows AS row", f"MERGE (n:{_ident(key)} {{id: row.id}})", "SET n += row.props"]
    if extra_labels:
        lines.append("SET n:" + ":".join(_ident(x) for x in extra_labels))
    return "\n".join(lines)


def rel_statement(rel_type: str, src_key: str, dst_key: str, with_props: bool = True) -> str:
    """The batched MERGE for relationships of one type between two key labels.

    >>> print(rel_statement("HAS_AGENT", "Measure", "Actor"))
    UNWIND $rows AS row
    MATCH (a:Measure {id: row.src})
    MATCH (b:Actor {id: row.dst})
    MERGE (a)-[r:HAS_AGENT]->(b)
    SET r += row.props
    >>> print(rel_statement("PART_OF", "Provision", "PolicyDocument", with_props=False))
    UNWIND $rows AS row
    MATCH (a:Provision {id: row.src})
    MATCH (b:PolicyDocument {id: row.dst})
    MERGE (a)-[r:PART_OF]->(b)
    """
    lines = ["UNWIND $rows AS row", f"MATCH (a:{_ident(src_key)} {{id: row.src}})",
             f"MATCH (b:{_ident(dst_key)} {{id: row.dst}})", f"MERGE (a)-[r:{_ident(rel_type)}]->(b)"]
    if with_props:
        lines.append("SET r += row.props")
    return "\n".join(lines)


def _clean(props: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in props.items() if v is not None and k != "id"}


def _size(value: Any) -> int:
    return len(orjson.dumps(value))


def _identity(value: Any) -> Any:
    return value


_TOKEN = re.compile(r"\\.|.", re.S)


def _pieces(value: Any, budget: int) -> list[Any]:
    """A long string or list cut into parts of at most ``budget`` serialized bytes."""
    parts: list[Any] = []
    if isinstance(value, str):
        chars: list[str] = []
        size = 0
        for ch in _TOKEN.findall(value):          # an escape pair is never cut
            n = len(ch.encode()) + ch.count('"')
            if chars and size + n > budget:
                parts.append("".join(chars))
                chars, size = [], 0
            chars.append(ch)
            size += n
        parts.append("".join(chars))
    else:
        items: list[Any] = []
        size = 2
        for item in value:
            n = _size(item) + 1
            if items and size + n > budget:
                parts.append(items)
                items, size = [], 2
            items.append(item)
            size += n
        parts.append(items)
    return parts


def piece_statement(target: str, key: str, first: bool, *, label: str = "", rel: tuple[str, ...] = ()) -> str:
    """Set (``first``) or extend one property of one node or relationship, for values too long for one message.
    A node is given by its ``label``, a relationship by ``rel``: (type, source key label, target key label).

    >>> print(piece_statement("node", "text", False, label="Sentence"))
    MATCH (n:Sentence {id: $id})
    SET n.text = n.text + $part
    >>> print(piece_statement("rel", "docs", True, rel=("USES", "Actor", "PolicyInstrument")))
    MATCH (a:Actor {id: $src})-[r:USES]->(b:PolicyInstrument {id: $dst})
    SET r.docs = $part
    """
    if target == "node":
        head, var = f"MATCH (n:{_ident(label)} {{id: $id}})", "n"
    else:
        t, a, b = rel
        head, var = f"MATCH (a:{_ident(a)} {{id: $src}})-[r:{_ident(t)}]->(b:{_ident(b)} {{id: $dst}})", "r"
    k = _ident(key)
    return head + "\n" + (f"SET {var}.{k} = $part" if first else f"SET {var}.{k} = {var}.{k} + $part")


def _split_row(row: dict[str, Any], budget: int) -> tuple[dict[str, Any], list[tuple[str, list[Any]]]]:
    """A row whose parameters exceed ``budget``: (row without its long values, [(key, parts)])."""
    if _size(row) <= budget:
        return row, []
    props = dict(row.get("props", {}))
    long: list[tuple[str, list[Any]]] = []
    for k, v in sorted(props.items(), key=lambda kv: -_size(kv[1])):
        if _size({**row, "props": props}) <= budget:
            break
        if isinstance(v, (str, list)):
            long.append((k, _pieces(v, budget // 2)))
            del props[k]
    if _size({**row, "props": props}) > budget:
        raise StoreError(f"row {row.get('id') or (row.get('src'), row.get('dst'))} is too large for one message")
    return {**row, "props": props}, long


def _pack(rows: list[dict], max_rows: int, max_bytes: int | None) -> Iterator[list[dict]]:
    if max_bytes is None:
        for i in range(0, len(rows), max_rows):
            yield rows[i:i + max_rows]
        return
    chunk: list[dict] = []
    size = 12
    for row in rows:
        n = _size(row) + 1
        if chunk and (len(chunk) >= max_rows or size + n > max_bytes):
            yield chunk
            chunk, size = [], 12
        chunk.append(row)
        size += n
    if chunk:
        yield chunk


def batches(g: PGraph, batch_size: int = 1000, max_bytes: int | None = None,
            encode: Callable[[Any], Any] = _identity) -> Iterator[tuple[str, str, dict[str, Any], int]]:
    """(phase, statement, parameters, rows) in load order: nodes by key label, then relationships.

    Batches hold at most ``batch_size`` rows and, when ``max_bytes`` is given, at
    most that many bytes of parameters; a value too long for one message follows its
    row as ``… parts`` statements (rows 0) that rebuild it part by part.  ``encode``
    is applied to every row before it is sized and sent.
    """
    groups: dict[tuple[str, tuple[str, ...]], list[dict]] = {}
    for n in g.nodes.values():
        extra = tuple(x for x in n.labels if x != n.key)
        row = {"id": n.id, "props": {**_clean(n.props), "labels": n.labels}}
        groups.setdefault((n.key, extra), []).append(encode(row))
    order = {k: i for i, k in enumerate(KEY_LABELS)}
    for (key, extra), rows in sorted(groups.items(), key=lambda kv: (order.get(kv[0][0], 99), kv[0][1])):
        yield from _group("nodes", node_statement(key, extra), rows, batch_size, max_bytes, ("id",),
                          _node_pieces(key))
    rgroups: dict[tuple[str, str, str, bool], list[dict]] = {}
    for r in g.rels:
        props = _clean(r.props)
        row = {"src": r.src, "dst": r.dst, "props": props} if props else {"src": r.src, "dst": r.dst}
        rgroups.setdefault((r.type, g.nodes[r.src].key, g.nodes[r.dst].key, bool(props)), []).append(encode(row))
    for (t, a, b, with_props), rows in sorted(rgroups.items()):
        yield from _group("relationships", rel_statement(t, a, b, with_props), rows, batch_size, max_bytes,
                          ("src", "dst"), _rel_pieces((t, a, b)))


def _node_pieces(label: str) -> Callable[[str, bool], str]:
    """:func:`piece_statement` for the nodes labelled ``label``, as a function of (key, first)."""
    return lambda k, first: piece_statement("node", k, first, label=label)


def _rel_pieces(rel: tuple[str, str, str]) -> Callable[[str, bool], str]:
    """:func:`piece_statement` for the relationships ``rel``, as a function of (key, first)."""
    return lambda k, first: piece_statement("rel", k, first, rel=rel)


def _group(phase: str, statement: str, rows: list[dict], batch_size: int, max_bytes: int | None,
           ident_keys: tuple[str, ...], part_statement: Callable[[str, bool], str]
           ) -> Iterator[tuple[str, str, dict[str, Any], int]]:
    """The batches of one statement, then the parts of values too long for one message."""
    pieces: list[tuple[dict, list]] = []
    if max_bytes is not None:
        fitted = []
        for row in rows:
            short, long = _split_row(row, max_bytes)
            fitted.append(short)
            if long:
                pieces.append(({k: row[k] for k in ident_keys}, long))
        rows = fitted
    for chunk in _pack(rows, batch_size, max_bytes):
        yield phase, statement, {"rows": chunk}, len(chunk)
    part_phase = "node parts" if phase == "nodes" else "relationship parts"
    for ident, long in pieces:
        for k, parts in long:
            for i, part in enumerate(parts):
                yield part_phase, part_statement(k, i == 0), {**ident, "part": part}, 0


@dataclass(slots=True)
class LoadResult:
    dialect: str
    nodes: int = 0
    relationships: int = 0
    statements: int = 0
    quoted: bool = False          # string parameters were escaped for a pasting server
    seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)
    passes: int = 0               # times the whole graph was sent (more than 1 after a server lost data)


_BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def check_uri(uri: str) -> None:
    """Raise StoreError unless ``uri`` is a Bolt URI the driver can use.

    >>> check_uri("bolt://localhost:7687")
    >>> check_uri("http://localhost:7474")
    Traceback (most recent call last):
    policykg.errors.StoreError: http://localhost:7474: not a Bolt URI; use bolt://host:port or neo4j://host:port (also bolt+s://, neo4j+s:// for TLS)
    """
    scheme = uri.split("://", 1)[0].lower() if "://" in uri else ""
    if scheme not in _BOLT_SCHEMES:
        raise StoreError("not a Bolt URI; use bolt://host:port or neo4j://host:port "
                         "(also bolt+s://, neo4j+s:// for TLS)", uri)


#: the order phases must run in: every node before any relationship, a long
#: value's parts after the row they complete
PHASES = ("nodes", "node parts", "relationships", "relationship parts")


def plan(stream: Iterable[tuple[str, str, dict[str, Any], int]]) -> list[tuple[str, list[tuple[str, dict, int]]]]:
    """Group :func:`batches` output into phases, in :data:`PHASES` order."""
    by_phase: dict[str, list[tuple[str, dict, int]]] = {p: [] for p in PHASES}
    for phase, stmt, params, n in stream:
        by_phase[phase].append((stmt, params, n))
    return [(p, by_phase[p]) for p in PHASES if by_phase[p]]


def _transactions(work: list[tuple[str, dict, int]], per_tx: int) -> list[list[tuple[str, dict, int]]]:
    return [work[i:i + per_tx] for i in range(0, len(work), per_tx)]


def _arm_read_timeout(tx, seconds: float | None) -> None:
    """Make the connection under ``tx`` fail instead of waiting forever for an answer.

    A read that times out marks the connection defunct, which the driver's managed
    transaction treats as retryable.  Reaches into the driver (no public setting
    exists); does nothing if its internals change.
    """
    if seconds is None:
        return
    sock = getattr(getattr(tx, "_connection", None), "socket", None)
    setter = getattr(sock, "set_read_timeout", None)
    if setter is not None:
        setter(seconds)


def _run_tx(session, group: list[tuple[str, dict, int]], read_timeout: float | None = None) -> None:
    def unit(tx):
        _arm_read_timeout(tx, read_timeout)
        for stmt, params, _ in group:
            tx.run(stmt, params).consume()
    session.execute_write(unit)        # managed: retried on transient errors (MERGE makes a retry harmless)


def index_statements(dialect: str, keys: tuple[str, ...] = KEY_LABELS, existing: Collection[str] = frozenset()) -> list[str]:
    """Constraint or index statements of the dialect named ``dialect``.

    >>> index_statements("neo4j", ("Actor",))
    ['CREATE CONSTRAINT policykg_actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE']
    >>> index_statements("falkordb", ("Actor", "Measure"), existing={"Actor"})
    ['CREATE INDEX FOR (n:Measure) ON (n.id)']
    """
    return DIALECTS.get(dialect).index_statements(keys, existing)


def close_driver(driver, dialect: str) -> None:
    """Close ``driver`` the way the dialect named ``dialect`` needs (FalkorDB: without Bolt ``GOODBYE``);
    an unknown or empty name gets a plain ``close()``."""
    if dialect and dialect in DIALECTS:
        DIALECTS.get(dialect).close(driver)
    else:
        driver.close()


def _connect(uri: str, user: str, password: str, retry_seconds: float = 120.0):
    """A driver to ``uri`` whose connectivity and login are verified, or the :mod:`.reach` error
    saying what is wrong (each with its own exit status)."""
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable
    check_uri(uri)
    probe(uri)
    try:
        driver = GraphDatabase.driver(uri, auth=(user, password), max_transaction_retry_time=retry_seconds)
    except ValueError as e:
        raise StoreError(f"not a Bolt URI ({e}); use bolt://host:port or neo4j://host:port", uri) from None
    try:
        driver.verify_connectivity()
    except (ServiceUnavailable, OSError) as e:
        close_driver(driver, "falkordb")
        raise NotListening(f"cannot reach the server ({e}); is it running and is the URI right?", uri) from None
    except (AuthError, Neo4jError) as e:          # FalkorDB answers a bad login with a general error
        close_driver(driver, "falkordb")
        said = " ".join(str(getattr(e, "message", None) or e).split())[:120]
        raise LoginRefused(f"the server refused the login as '{user}' ({said}): check --user/--password "
                           "(NEO4J_USERNAME/NEO4J_PASSWORD)", uri) from None
    return driver


def _prepare(session, result: LoadResult, database: str | None = None) -> tuple[Dialect, Callable[[Any], Any]]:
    """Detect the dialect, create its indexes, and choose how rows are encoded; a ``database`` name refused
    before anything is written when the dialect has no databases."""
    dialect = detect_dialect(session)
    result.dialect = dialect.name
    if database and not dialect.databases:
        raise StoreError(f"this server ({dialect.name}) has no databases: a load cannot go to '{database}'; "
                         "load without --database (unset NEO4J_DATABASE)")
    for stmt in dialect.index_statements(existing=dialect.existing_indexes(session)):
        session.run(stmt).consume()
        result.statements += 1
    encode = dialect.encoder(session)
    result.quoted = encode is not None
    return dialect, encode or _identity


class _Sender:
    """Sends planned phases in managed transactions, counting rows and reporting progress."""

    def __init__(self, driver, session_kwargs: dict[str, Any], result: LoadResult, total: int,
                 progress: Callable[[str, int, int], None] | None, read_timeout: float | None):
        self.driver, self.session_kwargs, self.result = driver, session_kwargs, result
        self.total, self.progress, self.read_timeout = total, progress, read_timeout
        self.done = 0
        self.lock = threading.Lock()

    def account(self, group: list[tuple[str, dict, int]], phase: str) -> None:
        rows = sum(n for _, _, n in group)
        with self.lock:
            self.result.statements += len(group)
            if phase == "nodes":
                self.result.nodes += rows
            elif phase == "relationships":
                self.result.relationships += rows
            self.done += rows
            if self.progress:
                self.progress(phase, self.done, self.total)

    def lane(self, part: list[list[tuple[str, dict, int]]], phase: str) -> None:
        """One session sending its share of a phase's transactions, in order."""
        with self.driver.session(**self.session_kwargs) as session:
            for group in part:
                _run_tx(session, group, self.read_timeout)
                self.account(group, phase)

    def send(self, phases: list[tuple[str, list[tuple[str, dict, int]]]], per_tx: int, sessions: int) -> None:
        """Each phase after the previous one; a phase's transactions shared among up to ``sessions`` lanes."""
        for phase, work in phases:
            ordered = phase.endswith("parts")          # a value's parts must arrive in order
            groups = _transactions(work, per_tx)
            lanes = 1 if ordered else min(sessions, len(groups))
            if lanes <= 1:
                self.lane(groups, phase)
                continue
            with ThreadPoolExecutor(lanes) as pool:
                for f in [pool.submit(self.lane, groups[i::lanes], phase) for i in range(lanes)]:
                    f.result()


def load_bolt(g: PGraph, uri: str, user: str, password: str, database: str | None = None,
              batch_size: int = 1000, per_row: bool = False, workers: int | None = None, tx_statements: int = 10,
              progress: Callable[[str, int, int], None] | None = None, driver=None,
              stall_seconds: float | None = None, retry_seconds: float = 120.0) -> LoadResult:
    """Load ``g`` through the Bolt driver; returns what was sent and the counts in the database.

    Batches of ``batch_size`` rows (and at most the dialect's
    ``max_param_bytes`` of parameters: FalkorDB 3000), ``tx_statements``
    batches per managed write transaction, phases in order, the batches of one
    phase shared among ``workers`` sessions (default 1: concurrent MERGEs on
    shared nodes only cause lock retries) where the dialect allows it.
    FalkorDB always gets one session: with two concurrent Bolt clients
    FalkorDB 4.16 stops reading one of them or crashes (4 stalled loads in 55
    with two sessions, none in 60 with one).  A connection silent for
    ``stall_seconds`` (default: the dialect's, FalkorDB 20 s, Neo4j none; 0:
    none) is dropped and its transaction retried.  ``per_row`` sends one row
    per statement and transaction on one session — the naive baseline the
    benchmark compares with.  ``driver``: use this driver (left open) instead
    of connecting to ``uri``.

    A server that goes away mid-load (a restart) is waited for, with growing
    pauses, for up to ``retry_seconds``; the transaction then runs again.  When
    the load ends with fewer nodes or relationships in the database than ``g``
    has (a restarted server that lost what it had been sent), the whole load
    is sent again (MERGE: what is there stays as it is), up to
    :data:`MAX_PASSES` times.  A server still away after ``retry_seconds`` is
    :class:`~.reach.ServerLost`; see :mod:`.reach` for the other reasons.
    """
    from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired
    own_driver = driver is None
    if own_driver:
        driver = _connect(uri, user, password, retry_seconds)
    kwargs = {"database": database} if database else {}
    result = LoadResult("")
    dialect: Dialect | None = None
    t0 = time.perf_counter()
    try:
        for _ in range(MAX_PASSES):
            dialect = _load_pass(g, driver, kwargs, result, per_row, batch_size, workers, tx_statements, progress,
                                 stall_seconds)
            result.seconds = time.perf_counter() - t0
            with driver.session(**kwargs) as session:
                result.counts = graph_counts(session, g)
            if not _short(result.counts, g):
                break
    except Neo4jError as e:
        raise StoreError(f"the server refused a statement: {e.message or e}", uri) from None
    except (ServiceUnavailable, SessionExpired) as e:
        raise ServerLost(f"lost the connection to the server during the load and it did not come back within "
                         f"{retry_seconds:g} s ({' '.join(str(e).split())[:160]}); loading is idempotent: run the "
                         "same command again when the server is up", uri) from None
    finally:
        if own_driver:
            close_driver(driver, dialect.name if dialect is not None else result.dialect)   # known if detected
    return result


#: how many times a load is sent whole, at most (a second pass only after a server lost data)
MAX_PASSES = 3


def _short(counts: dict[str, int], g: PGraph) -> bool:
    """Whether the database has fewer nodes of some key label or relationships of some type than ``g``."""
    want = {**g.counts(), **g.rel_counts()}
    return any(counts.get(k, 0) < v for k, v in want.items())


def _load_pass(g: PGraph, driver, kwargs: dict[str, Any], result: LoadResult, per_row: bool, batch_size: int,
               workers: int | None, tx_statements: int, progress: Callable[[str, int, int], None] | None,
               stall_seconds: float | None) -> Dialect:
    """Send the whole of ``g`` once (indexes first); the server's dialect."""
    result.passes += 1
    result.nodes = result.relationships = 0
    with driver.session(**kwargs) as session:
        dialect, encode = _prepare(session, result, kwargs.get("database"))
    phases = plan(batches(g, 1 if per_row else batch_size, dialect.max_param_bytes, encode))
    sessions = 1 if per_row else min(workers or 1, dialect.max_sessions or workers or 1)
    sender = _Sender(driver, kwargs, result, len(g.nodes) + len(g.rels), progress,
                     dialect.read_deadline(stall_seconds))
    sender.send(phases, 1 if per_row else max(1, tx_statements), sessions)
    return dialect


def graph_counts(session, g: PGraph) -> dict[str, int]:
    """Nodes per key label and relationships per type, as the database sees them."""
    out: dict[str, int] = {}
    for key in sorted({n.key for n in g.nodes.values()}):
        out[key] = session.run(f"MATCH (n:{_ident(key)}) RETURN count(n) AS c").single()["c"]
    for t in sorted({r.type for r in g.rels}):
        out[t] = session.run(f"MATCH ()-[r:{_ident(t)}]->() RETURN count(r) AS c").single()["c"]
    return out
