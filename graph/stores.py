"""Embedded stores: Oxigraph for SPARQL, LadybugDB for Cypher — no server needed.

LadybugDB (the maintained fork of Kùzu) needs a schema: one node table per key
label (PolicyDocument, Actor, Measure…) and one relationship table per
relationship type, with its FROM/TO pairs.  The schema is generated from the ontology
(:mod:`policykg.ontology.pgschema`): every column and FROM/TO pair it allows exists on any
corpus (an incremental build only adds rows); table and type names from the ontology mapping,
column types from the ontology's
``rdfs:range`` (xsd:integer → INT64, xsd:decimal → DOUBLE, xsd:boolean →
BOOLEAN, lists → STRING[], everything else STRING).  A node's full label set is
in its ``labels`` column: ``MATCH (a:Actor) WHERE 'Department' IN a.labels``.
"""

from __future__ import annotations

import re
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, Protocol

from policykg.errors import QueryError, StoreError
from policykg.ontology import vocabulary
from policykg.ontology.cypher import NODE_TABLES, REL_TABLES
from policykg.ontology.prefixes import PREFIXES

from .guard import (
    cypher_syntax_message,
    cypher_update_keyword,
    sparql_syntax_message,
    sparql_update_keyword,
    timed_out,
    update_refused,
    with_timeout,
)
from .nquads import open_nquads
from .property import KEY_LABELS, PGraph, compact_id

__all__ = ["load_oxigraph", "update_oxigraph", "open_oxigraph", "ladybug_columns", "ladybug_counts", "ladybug_frames",
           "copy_frames", "sparql", "load_ladybug", "open_ladybug", "cypher", "ladybug_schema", "Columns", "LadybugRows",
           "node_frame", "rel_frame", "rel_options", "copy_files", "REOPEN_ROWS", "nq_slices", "OXIGRAPH_SLICE", "table_counts",
           "OXIGRAPH_THREADS"]

_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


# --- Oxigraph -----------------------------------------------------------------------------------

#: bytes of N-Quads per ``bulk_load`` call.  Oxigraph's bulk loader holds about 1 kB per quad it has
#: been given (up to a million quads per thread), so a build's N-Quads are loaded a slice at a time, two
#: slices at once (:data:`OXIGRAPH_THREADS`): about 2 × 140,000 quads, 400 MB, whatever the size of the corpus
OXIGRAPH_SLICE = 32 << 20
OXIGRAPH_THREADS = 2


def nq_slices(nq: Path, size: int = OXIGRAPH_SLICE) -> Iterator[bytes]:
    """The N-Quads file (``kg.nq``, or ``kg.nq.gz`` decompressed as it is read) in slices of about ``size``
    bytes, each ending at the end of a line."""
    with open_nquads(nq) as f:
        rest = b""
        while chunk := f.read(size):
            cut = chunk.rfind(b"\n") + 1
            if cut == 0:                            # no line end in this slice: keep reading
                rest += chunk
                continue
            yield rest + chunk[:cut]
            rest = chunk[cut:]
        if rest:
            yield rest


def load_oxigraph(store_dir: Path, nq: Path, alone: threading.Event | None = None,
                  stop: threading.Event | None = None):
    """A new store at ``store_dir`` with the quads of ``nq``, bulk-loaded a slice at a time
    (:data:`OXIGRAPH_SLICE`, :data:`OXIGRAPH_THREADS` slices at once).

    Given ``alone``, the load shares the machine until that event is set (a build loads LadybugDB
    meanwhile): one slice at a time, of a quarter of the size (less memory), then as many as
    :data:`OXIGRAPH_THREADS`.  Given ``stop``, it stops between slices once that is set (the build failed:
    the store is discarded), returning None."""
    import pyoxigraph as ox
    store = ox.Store(str(store_dir))

    def load(data: bytes) -> None:                  # in a thread: Oxigraph releases the GIL while it loads
        store.bulk_load(input=data, format=ox.RdfFormat.N_QUADS, lenient=True)    # we wrote it: valid

    def at_once() -> int:
        return OXIGRAPH_THREADS if alone is None or alone.is_set() else 1
    with ThreadPoolExecutor(OXIGRAPH_THREADS) as pool:
        running: deque[Future[None]] = deque()
        for data in nq_slices(nq, OXIGRAPH_SLICE if alone is None else OXIGRAPH_SLICE // 4):
            while len(running) >= at_once():       # at most this many slices read and loading
                running.popleft().result()
            if stop is not None and stop.is_set():
                break
            running.append(pool.submit(load, data))
            del data
        for f in running:
            f.result()
    if stop is not None and stop.is_set():
        return None
    store.flush()
    store.optimize()
    return store


def update_oxigraph(prev_dir: Path, store_dir: Path, drop_graphs: list[str], add_nquads: Iterable[bytes]):
    """A new store at ``store_dir`` made from the one at ``prev_dir`` (a checkpoint: hard links to its
    immutable files, so this costs little whatever its size), with the named graphs ``drop_graphs``
    removed and the N-Quads ``add_nquads`` loaded."""
    import pyoxigraph as ox
    ox.Store.read_only(str(prev_dir)).backup(str(store_dir))
    store = ox.Store(str(store_dir))
    for g in drop_graphs:
        store.remove_graph(ox.NamedNode(g))
    for data in add_nquads:
        store.bulk_load(input=data, format=ox.RdfFormat.N_QUADS, lenient=True)
    store.flush()
    return store


def open_oxigraph(store_dir: Path, write: bool = False):
    """The build's store, read-only unless ``write`` (any number of processes may read at once)."""
    import pyoxigraph as ox
    if not store_dir.exists():
        raise StoreError("no SPARQL store here: run 'policykg build' first", str(store_dir))
    try:
        return ox.Store(str(store_dir)) if write else ox.Store.read_only(str(store_dir))
    except OSError as e:
        raise StoreError(f"cannot open the SPARQL store ({e})", str(store_dir)) from None


def sparql_prefixes() -> dict[str, str]:
    """Prefixes every query may use without declaring them: the ontology's and the standards'."""
    return dict(PREFIXES)


def sparql(store, query: str, *, write: bool = False, timeout: float | None = None
           ) -> tuple[list[str], list[list[Any]]]:
    """Run a SELECT/ASK/CONSTRUCT query over the union of all graphs; (columns, rows) of plain values.

    An update (INSERT, DELETE, LOAD…) is refused unless ``write`` (and ``store`` was opened for
    writing); it then returns one row ``update applied``.  Oxigraph's parser tells the two apart:
    ``Store.query`` rejects an update, ``Store.update`` on a read-only store parses it, then
    refuses to start a transaction.
    """
    def run(cancelled) -> tuple[list[str], list[list[Any]]]:
        try:
            return _evaluate(store.query(query, use_default_graph_as_union=True, prefixes=sparql_prefixes()),
                             cancelled)
        except SyntaxError as e:
            query_error = e
        keyword = sparql_update_keyword(query)
        if keyword is None:            # not an update: the query's own syntax error
            raise QueryError(sparql_syntax_message(query, str(query_error))) from None
        try:
            store.update(query, prefixes=sparql_prefixes())
        except SyntaxError as e:
            raise QueryError(sparql_syntax_message(query, str(e))) from None
        except (RuntimeError, OSError) as e:
            if not write:
                raise update_refused("SPARQL", keyword) from None
            raise QueryError(f"SPARQL update failed: {e}") from None
        if not write:                  # cannot happen on a read-only store; never claim success
            raise update_refused("SPARQL", keyword)
        store.flush()
        return ["result"], [["update applied"]]

    try:
        return with_timeout(run, timeout, "SPARQL")
    except OSError as e:
        raise QueryError(f"SPARQL query failed: {e}") from None


def _evaluate(result, cancelled) -> tuple[list[str], list[list[Any]]]:
    import pyoxigraph as ox
    if isinstance(result, ox.QueryBoolean):
        return ["result"], [[bool(result)]]
    rows: list[list[Any]] = []
    if isinstance(result, ox.QueryTriples):
        cols = ["subject", "predicate", "object"]
        for t in result:
            if cancelled.is_set():
                break
            rows.append([_plain(t.subject), _plain(t.predicate), _plain(t.object)])
        return cols, rows
    cols = [v.value for v in result.variables]
    for sol in result:
        if cancelled.is_set():
            break
        rows.append([_plain(sol[c]) for c in cols])
    return cols, rows


def _plain(term) -> Any:
    import pyoxigraph as ox
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return compact_id(term.value)
    if isinstance(term, ox.Literal):
        dt = term.datatype.value if term.datatype else ""
        v = term.value
        if dt.endswith("#integer") or dt.endswith("#int") or dt.endswith("#long"):
            return int(v)
        if dt.endswith("#decimal") or dt.endswith("#double") or dt.endswith("#float"):
            f = float(v)
            return int(f) if f.is_integer() else f
        if dt.endswith("#boolean"):
            return v == "true"
        if dt.endswith("#gYear"):
            return int(v)
        return v
    return str(term)


# --- LadybugDB -----------------------------------------------------------------------------------

_RANGE_TYPES = {"integer": "INT64", "int": "INT64", "decimal": "DOUBLE", "double": "DOUBLE", "boolean": "BOOLEAN",
                "gYear": "INT64"}
_EXTRA_TYPES = {"labels": "STRING[]", "altLabels": "STRING[]", "docs": "STRING[]", "weight": "INT64"}


def _key_types() -> dict[str, str]:
    """property key in the graph → LadybugDB column type, from the ontology's ranges."""
    out: dict[str, str] = {}
    for _curie, p in vocabulary().properties.items():
        key = p.get("cypher") or p["local"]
        rng = p.get("range")
        if rng in _RANGE_TYPES:
            out[key] = _RANGE_TYPES[rng]
    out.update(_EXTRA_TYPES)
    return out


class Columns:
    """The tables rows need: every column and relationship (from, to) pair the ontology allows
    (:data:`policykg.ontology.cypher.NODE_TABLES`, ``REL_TABLES``), and any other the rows bring, gathered row by
    row (:func:`ladybug_columns` of a graph, or of rows that stream past): such a column's type comes from the
    ontology's range, or from the first value met (a list: ``STRING[]``)."""

    def __init__(self) -> None:
        self.types = _key_types()
        # every column and (from, to) pair the ontology allows, whatever rows come (an incremental build adds rows)
        self.nodes: dict[str, dict[str, str]] = {k: dict(NODE_TABLES.get(k, {})) for k in KEY_LABELS}
        self.pairs: dict[str, set[tuple[str, str]]] = {t: {(a, b) for a, b in r["pairs"]} for t, r in REL_TABLES.items()}
        self.rels: dict[str, dict[str, str]] = {t: dict(r["cols"]) for t, r in REL_TABLES.items()}

    def node(self, key: str, props: dict[str, Any]) -> None:
        self._widen(self.nodes.setdefault(key, {}), props)

    def rel(self, type_: str, src_key: str, dst_key: str, props: dict[str, Any]) -> None:
        self.pairs.setdefault(type_, set()).add((src_key, dst_key))
        self._widen(self.rels.setdefault(type_, {}), props)

    def _widen(self, cols: dict[str, str], props: dict[str, Any]) -> None:
        """Add the columns of ``props`` that ``cols`` lacks, typed from the ontology or the first value."""
        for k, v in props.items():
            if k not in cols:
                cols[k] = "STRING[]" if isinstance(v, list) else self.types.get(k, "STRING")

    def schema(self) -> dict[str, Any]:
        return {"nodes": {t: {k: ty for k, ty in sorted(self.nodes.get(t, {}).items()) if k not in ("id", "labels")}
                          for t in KEY_LABELS},
                "rels": {t: {"pairs": sorted([a, b] for a, b in self.pairs[t]),
                             "cols": dict(sorted(self.rels[t].items()))} for t in sorted(self.pairs)}}


def ladybug_columns(g: PGraph) -> dict[str, Any]:
    """The tables the graph needs: ``{"nodes": {table: {column: type}}, "rels": {type: {"pairs":
    [[from, to], …], "cols": {column: type}}}}`` (every column and relationship pair the ontology allows included)."""
    c = Columns()
    for n in g.nodes.values():
        c.node(n.key, n.props)
    for r in g.rels:
        c.rel(r.type, g.nodes[r.src].key, g.nodes[r.dst].key, r.props)
    return c.schema()


def ladybug_schema(g: PGraph | dict[str, Any]) -> list[str]:
    """DDL for the graph (or for :func:`ladybug_columns`): node tables per key label, relationship
    tables per type."""
    schema = ladybug_columns(g) if isinstance(g, PGraph) else g
    ddl: list[str] = []
    for table, cols in schema["nodes"].items():
        body = ", ".join(["id STRING", "labels STRING[]"] + [f"{_col(k)} {t}" for k, t in cols.items()])
        ddl.append(f"CREATE NODE TABLE {_ident(table)}({body}, PRIMARY KEY(id))")
    for t, rel in schema["rels"].items():
        ends = ", ".join(f"FROM {_ident(a)} TO {_ident(b)}" for a, b in rel["pairs"])
        col_defs = "".join(f", {_col(k)} {ty}" for k, ty in rel["cols"].items())
        ddl.append(f"CREATE REL TABLE {_ident(t)}({ends}{col_defs})")
    return ddl


def _ident(name: str) -> str:
    if not _IDENT.match(name):
        raise StoreError(f"'{name}' is not a valid table name (it should come from the ontology)")
    return name


def _col(name: str) -> str:
    return f"`{_ident(name)}`"


def _arrow_type(ty: str):
    import pyarrow as pa
    return {"INT64": pa.int64(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(),
            "STRING[]": pa.list_(pa.string())}.get(ty, pa.string())


def _arrow(head: dict[str, list], rows: list, cols: dict[str, str], types: dict[str, str]):
    import pyarrow as pa
    arrays = list(head.values())
    for c, ty in cols.items():
        arrays.append(pa.array([_cast(r[2].get(c), types.get(c)) for r in rows], _arrow_type(ty)))
    return pa.Table.from_arrays(arrays, names=[*head, *cols])


def node_frame(rows: list[tuple[str, list[str], dict[str, Any]]], cols: dict[str, str], types: dict[str, str]):
    """An Arrow table of node rows ``(id, labels, props)`` with the columns ``cols`` of their table, typed
    as the table is (``types``: :func:`_key_types`)."""
    import pyarrow as pa
    head = {"id": pa.array([r[0] for r in rows], pa.string()),
            "labels": pa.array([r[1] for r in rows], pa.list_(pa.string()))}
    return _arrow(head, rows, cols, types)


def rel_frame(rows: list[tuple[str, str, dict[str, Any]]], cols: dict[str, str], types: dict[str, str]):
    """An Arrow table of relationship rows ``(from, to, props)`` with the columns ``cols`` of their type."""
    import pyarrow as pa
    head = {"from": pa.array([r[0] for r in rows], pa.string()), "to": pa.array([r[1] for r in rows], pa.string())}
    return _arrow(head, rows, cols, types)


def rel_options(a: str, b: str) -> str:
    """The ``COPY`` options of a relationship table's rows from table ``a`` to table ``b``."""
    return f" (from='{_ident(a)}', to='{_ident(b)}')"


def ladybug_frames(g: PGraph, schema: dict[str, Any],
                   ends: dict[str, str] | None = None) -> Iterator[tuple[str, str, Any]]:
    """The graph's rows for ``COPY``, table by table: ``(table, options, Arrow table)`` for each node
    table and each relationship (type, from, to) pair, with the columns of ``schema``
    (:func:`ladybug_columns`) in their order.  ``ends``: the tables of relationship ends that are not
    nodes of ``g`` (already in the database)."""
    types = _key_types()
    for table, cols in schema["nodes"].items():
        rows = [(n.id, n.labels, n.props) for n in g.nodes.values() if n.key == table]
        if rows:
            yield _ident(table), "", node_frame(rows, cols, types)

    def table_of(node: str) -> str:
        n = g.nodes.get(node)
        return n.key if n is not None else (ends or {})[node]
    by_pair: dict[tuple[str, str, str], list] = {}
    for r in g.rels:
        by_pair.setdefault((r.type, table_of(r.src), table_of(r.dst)), []).append((r.src, r.dst, r.props))
    for (t, a, b), rels in sorted(by_pair.items()):
        yield _ident(t), rel_options(a, b), rel_frame(rels, schema["rels"][t]["cols"], types)


class LadybugRows(Protocol):
    """Rows to load that are not a :class:`PGraph` (:class:`policykg.graph.ladybug_rows.RowSpool`): their
    tables, and their Parquet files for ``COPY``, one table at a time."""

    def schema(self) -> dict[str, Any]: ...

    def files(self, schema: dict[str, Any]) -> Iterator[tuple[str, str, Path, int]]: ...


def copy_frames(conn, g: PGraph, schema: dict[str, Any], ends: dict[str, str] | None = None) -> dict[str, int]:
    """``COPY`` the graph's rows into the tables of ``schema`` (:func:`ladybug_frames`); rows copied per
    table."""
    loaded: dict[str, int] = {}
    for table, options, df in ladybug_frames(g, schema, ends):   # noqa: B007  (df is read by name by COPY)
        conn.execute(f"COPY {table} FROM df{options}")
        loaded[table] = loaded.get(table, 0) + len(df)
    return loaded


#: rows ``COPY`` adds before the database is checkpointed, closed and opened again: LadybugDB keeps what
#: it needs for the rows it copied (beyond its buffer pool) until it closes, so a load of any size holds
#: about this many rows' worth at a time
REOPEN_ROWS = 250_000


def copy_files(db_path: Path, files: Iterator[tuple[str, str, Path, int]]) -> dict[str, int]:
    """``COPY`` each ``(table, options, Parquet file, rows)`` into the database at ``db_path`` (LadybugDB
    reads a file a row group at a time; a DataFrame or Arrow table it scans in memory it keeps a copy of
    until it closes), closing and opening the database again every :data:`REOPEN_ROWS` rows."""
    import ladybug as lb
    loaded: dict[str, int] = {}
    since = 0
    db = conn = None
    try:
        for table, options, path, n in files:
            if conn is None:
                db = lb.Database(str(db_path))
                conn = lb.Connection(db)
                conn.execute("CALL auto_checkpoint=false")
            conn.execute(f"COPY {table} FROM {_quoted(str(path))}{options}")
            loaded[table] = loaded.get(table, 0) + n
            since += n
            if since >= REOPEN_ROWS:
                _close(db, conn)
                db = conn = None
                since = 0
    finally:
        if conn is not None:
            _close(db, conn)
    return loaded


def _close(db, conn) -> None:
    conn.execute("CHECKPOINT")
    conn.close()
    db.close()


def _quoted(s: str) -> str:
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"


def load_ladybug(db_path: Path, g: PGraph | LadybugRows) -> dict[str, int]:
    """Create the database at ``db_path`` and bulk-load the graph (or the rows, from their files); returns
    rows loaded per table."""
    import ladybug as lb
    db = lb.Database(str(db_path))
    conn = lb.Connection(db)
    conn.execute("CALL auto_checkpoint=false")     # one checkpoint at the end, not one per COPY (3× faster)
    schema = ladybug_columns(g) if isinstance(g, PGraph) else g.schema()
    for stmt in ladybug_schema(schema):
        conn.execute(stmt)
    if isinstance(g, PGraph):
        loaded = copy_frames(conn, g, schema)
        _close(db, conn)
        return loaded
    _close(db, conn)
    return copy_files(db_path, g.files(schema))


def ladybug_counts(db_path: Path) -> tuple[dict[str, int], dict[str, int]]:
    """Rows per node table and per relationship table (those with rows), as PGraph.counts() and
    rel_counts() give them."""
    db, conn = open_ladybug(db_path)
    try:
        return table_counts(conn)
    finally:
        conn.close()
        db.close()


def table_counts(conn) -> tuple[dict[str, int], dict[str, int]]:
    """:func:`ladybug_counts` on an open connection."""
    nodes: dict[str, int] = {}
    rels: dict[str, int] = {}
    for name, kind in conn.execute("CALL show_tables() RETURN name, type").get_all():
        q = (f"MATCH (n:{_ident(name)}) RETURN count(n)" if kind == "NODE"
             else f"MATCH ()-[r:{_ident(name)}]->() RETURN count(r)")
        n = conn.execute(q).get_all()[0][0]
        if n:
            (nodes if kind == "NODE" else rels)[name] = n
    return nodes, rels


def _cast(value, ty):
    if value is None:
        return None
    if ty == "DOUBLE":
        return float(value)
    if ty == "INT64":
        return int(value)
    if isinstance(value, list):
        return [str(x) for x in value]
    if ty in (None, "STRING") and not isinstance(value, str):
        return str(value)
    return value


def open_ladybug(db_path: Path, write: bool = False):
    """The build's database, read-only unless ``write`` (any number of processes may read at once)."""
    import ladybug as lb
    if not db_path.exists():
        raise StoreError("no Cypher database here: run 'policykg build' first", str(db_path))
    try:
        db = lb.Database(str(db_path), read_only=not write)
        return db, lb.Connection(db)
    except RuntimeError as e:
        raise StoreError(f"cannot open the Cypher database ({e})", str(db_path)) from None


def cypher(conn, query: str, params: dict | None = None, *, write: bool = False, timeout: float | None = None
           ) -> tuple[list[str], list[list[Any]]]:
    """Run a Cypher query; a clause that writes is refused unless ``write`` (and ``conn`` can write).

    The token check gives the message; the read-only database is the guarantee.  ``timeout`` is
    LadybugDB's own query timeout.
    """
    keyword = cypher_update_keyword(query)
    if keyword and not write:
        raise update_refused("Cypher", keyword)
    if timeout is not None:
        conn.set_query_timeout(max(1, round(timeout * 1000)))
    try:
        res = conn.execute(query, params or {})
        cols = res.get_column_names()
        rows = []
        while res.has_next():
            rows.append([_plain_cypher(x) for x in res.get_next()])
    except RuntimeError as e:
        msg = str(e).strip()
        if msg.startswith("Parser exception"):
            raise QueryError(cypher_syntax_message(query, msg)) from None
        if "read-only database" in msg:
            raise update_refused("Cypher", keyword) from None
        if timeout is not None and msg.rstrip(".") == "Interrupted":
            raise timed_out("Cypher", timeout) from None
        raise QueryError(f"Cypher query failed: {' '.join(msg.split())}") from None
    return cols, rows


def _plain_cypher(v):
    if isinstance(v, dict) and "_LABEL" in v:
        return {k: x for k, x in v.items() if not k.startswith("_")} | {"_label": v["_LABEL"]}
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v
