"""LadybugDB updated in place when a few documents change, equal to a database loaded anew.

The property graph of a corpus is the fold, in document order, of each document's own property
graph (:func:`policykg.graph.property.to_property_graph` of its one KG): a node met again gets the
labels it lacks and its properties updated; a plain relationship is kept once; a derived one
(``weight`` and ``docs``) adds the weights and lists the documents (tested equal on corpus documents).

Each document's graph splits in two (:func:`split`):

- its **local** part: the nodes only it has (those with a ``doc`` property: provisions, sentences,
  measures, mentions…) and every relationship that touches one of them;
- its **shared** part: actors, documents and concepts, and the relationships between them.

:func:`update_ladybug` copies the previous database, deletes the local nodes (and so their
relationships) of the documents that went or changed, applies the difference between the old and the
new fold of the shared parts (small: thousands of rows for thousands of documents), and copies in the
new documents' local parts.  It declines (returns None) when the new rows need a column or a
relationship table the database does not have; the build then loads the database anew.  The tables being
every column and pair the ontology allows (:mod:`policykg.ontology.pgschema`), that happens only to a
database an older build made, or for rows beyond the ontology.
"""

from __future__ import annotations

import contextlib
import shutil
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .property import KEY_LABELS, PGraph, PNode, PRel, merge_props
from .stores import _cast, _col, _ident, _key_types, copy_frames, ladybug_columns, table_counts

__all__ = ["split", "fold", "Fold", "update_ladybug", "Part", "derived", "recount", "Counts"]

Part = dict[str, list[list[Any]]]        # {"nodes": [[id, key, labels, props]], "rels": [[type, src, dst, props]]}
Folded = tuple[dict[str, PNode], dict[tuple[str, str, str], PRel]]


def split(g: PGraph) -> tuple[Part, Part]:
    """(shared, local) parts of one document's property graph, as JSON-ready lists."""
    local_ids = {n.id for n in g.nodes.values() if "doc" in n.props}
    shared: Part = {"nodes": [], "rels": []}
    local: Part = {"nodes": [], "rels": []}
    for n in g.nodes.values():
        (local if n.id in local_ids else shared)["nodes"].append([n.id, n.key, n.labels, n.props])
    for r in g.rels:
        (local if r.src in local_ids or r.dst in local_ids else shared)["rels"].append([r.type, r.src, r.dst, r.props])
    return shared, local


def derived(props: dict[str, Any]) -> bool:
    """Whether a relationship's properties are a derived one's (``weight`` and ``docs``, summed over documents)."""
    return set(props) == {"weight", "docs"}


class Fold:
    """Parts folded one at a time, in document order (as :func:`to_property_graph` merges documents)."""

    __slots__ = ("nodes", "rels")

    def __init__(self) -> None:
        self.nodes: dict[str, PNode] = {}
        self.rels: dict[tuple[str, str, str], PRel] = {}

    def node(self, nid: str, key: str, labels: list[str], props: dict[str, Any]) -> None:
        """One document's node: new, or merged into the one met before."""
        n = self.nodes.get(nid)
        if n is None:
            self.nodes[nid] = PNode(nid, key, list(labels), dict(props))
            return
        n.labels += [label for label in labels if label not in n.labels]
        merge_props(n.props, props)

    def add(self, part: Part) -> None:
        rels = self.rels
        for nid, key, labels, props in part["nodes"]:
            self.node(nid, key, labels, props)
        for t, src, dst, props in part["rels"]:
            k = (t, src, dst)
            if not derived(props):
                if k not in rels:
                    rels[k] = PRel(t, src, dst, dict(props))
                continue
            r = rels.get(k)
            if r is None:
                r = rels[k] = PRel(t, src, dst, {"weight": 0, "docs": []})
            r.props["weight"] += props["weight"]
            r.props["docs"] += [d for d in props["docs"] if d not in r.props["docs"]]


def fold(parts: Iterable[Part]) -> Folded:
    """The property graph of the parts, in their order (as :func:`to_property_graph` merges documents)."""
    f = Fold()
    for part in parts:
        f.add(part)
    return f.nodes, f.rels


def _fits(schema: dict[str, Any], needed: dict[str, Any]) -> bool:
    """Whether every column and relationship table the new rows need exists, with the same type."""
    for table, cols in needed["nodes"].items():
        have = schema["nodes"].get(table, {})
        if any(have.get(c) != ty for c, ty in cols.items()):
            return False
    for t, rel in needed["rels"].items():
        have = schema["rels"].get(t)
        if have is None or any(p not in have["pairs"] for p in rel["pairs"]) or \
                any(have["cols"].get(c) != ty for c, ty in rel["cols"].items()):
            return False
    return True


#: a table's new rows are copied in by one ``COPY`` when at least this many, else created one statement
#: each: on the 2,098-document build a COPY costs 50-150 ms whatever its rows (a relationship table's more),
#: a ``CREATE`` (its ends found by primary key) in one transaction about 1 ms
COPY_ROWS = 200


class _Db:
    """The copied database and the statements that change it."""

    def __init__(self, path: Path, schema: dict[str, Any]) -> None:
        import ladybug as lb
        self.db = lb.Database(str(path))
        self.conn = lb.Connection(self.db)
        self.conn.execute("CALL auto_checkpoint=false")
        self.schema, self.types = schema, _key_types()

    def close(self) -> None:
        self.conn.close()               # checkpointed when whole (a failed update's generation is removed)
        self.db.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """The statements inside as one transaction (one commit, not one per statement: 5 ms each on the
        2,098-document build)."""
        self.conn.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def values(self, cols: dict[str, str], props: dict[str, Any]) -> dict[str, Any]:
        return {c: _cast(props.get(c), self.types.get(c)) for c in cols}

    def drop_documents(self, docs: list[str], parts: list[Part] | None = None) -> None:
        """The local nodes of the documents ``docs`` deleted, with their relationships: one by one when
        their local ``parts`` are given (found by primary key: 0.1 s for a document of 358 nodes on the 2,098
        build), else by a scan of every table with a ``doc`` column (0.3-0.7 s)."""
        if parts is not None:
            for part in parts:
                for nid, key, _labels, _props in part["nodes"]:
                    self.conn.execute(f"MATCH (n:{_ident(key)} {{id: $id}}) DETACH DELETE n", {"id": nid})
            return
        for table, cols in self.schema["nodes"].items():
            if "doc" in cols and docs:
                self.conn.execute(f"MATCH (n:{_ident(table)}) WHERE n.doc IN $docs DETACH DELETE n", {"docs": docs})

    def node(self, old: PNode | None, new: PNode | None) -> None:
        if new is None and old is not None:
            self.conn.execute(f"MATCH (n:{_ident(old.key)} {{id: $id}}) DETACH DELETE n", {"id": old.id})
            return
        assert new is not None
        cols = self.schema["nodes"][new.key]
        vals = self.values(cols, new.props)
        params = {"id": new.id, "labels": list(new.labels), **{f"p{i}": v for i, v in enumerate(vals.values())}}
        sets = ", ".join(["n.labels = $labels"] + [f"n.{_col(c)} = $p{i}" for i, c in enumerate(vals)])
        if old is None:
            self.conn.execute(f"CREATE (n:{_ident(new.key)} {{id: $id}}) SET {sets}", params)
        else:
            self.conn.execute(f"MATCH (n:{_ident(new.key)} {{id: $id}}) SET {sets}", params)

    def rel(self, key_of: dict[str, str], old: PRel | None, new: PRel | None) -> None:
        r = new or old
        assert r is not None
        a, b = _ident(key_of[r.src]), _ident(key_of[r.dst])
        match = f"MATCH (a:{a} {{id: $src}}), (b:{b} {{id: $dst}})"
        ends = {"src": r.src, "dst": r.dst}
        if new is None:
            self.conn.execute(f"MATCH (a:{a} {{id: $src}})-[r:{_ident(r.type)}]->(b:{b} {{id: $dst}}) DELETE r", ends)
            return
        cols = self.schema["rels"][new.type]["cols"]
        vals = self.values(cols, new.props)
        params = {**ends, **{f"p{i}": v for i, v in enumerate(vals.values())}}
        if old is None:
            props = ", ".join(f"{_col(c)}: $p{i}" for i, c in enumerate(vals))
            self.conn.execute(f"{match} CREATE (a)-[:{_ident(new.type)} {{{props}}}]->(b)", params)
        elif vals:
            sets = ", ".join(f"r.{_col(c)} = $p{i}" for i, c in enumerate(vals))
            self.conn.execute(f"MATCH (a:{a} {{id: $src}})-[r:{_ident(new.type)}]->(b:{b} {{id: $dst}}) SET {sets}",
                              params)

    def copy_in(self, local: PGraph, key_of: dict[str, str]) -> None:
        """The new documents' local nodes and relationships: a table's rows by COPY (the tables' own bulk
        path) when they are :data:`COPY_ROWS` or more, else one ``CREATE`` each (a COPY costs about as much
        as that many statements whatever its rows)."""
        def table(r: PRel) -> tuple[str, str, str]:
            return (r.type, key_of[r.src], key_of[r.dst])
        nodes = Counter(n.key for n in local.nodes.values())
        rels = Counter(table(r) for r in local.rels)
        copy_frames(self.conn, PGraph({i: n for i, n in local.nodes.items() if nodes[n.key] >= COPY_ROWS}, []),
                    self.schema)
        with self.transaction():
            for n in local.nodes.values():
                if nodes[n.key] < COPY_ROWS:
                    self.node(None, n)
            for r in local.rels:
                if rels[table(r)] < COPY_ROWS:
                    self.rel(key_of, None, r)
        copy_frames(self.conn, PGraph({}, [r for r in local.rels if rels[table(r)] >= COPY_ROWS]), self.schema, key_of)


Counts = tuple[dict[str, int], dict[str, int]]


def update_ladybug(prev_db: Path, db: Path, schema: dict[str, Any], gone: list[str], old: Folded, new: Folded,
                   locals_: Iterable[Part], copied: bool = False,
                   before: tuple[Counts, list[Part]] | None = None) -> Counts | None:
    """Make ``db`` from ``prev_db`` (whose tables are ``schema``, :func:`ladybug_columns`): the local
    nodes of the documents ``gone`` deleted, the shared rows changed from the fold ``old`` to ``new``,
    the parts ``locals_`` copied in; its rows per node table and per relationship table
    (:func:`policykg.graph.stores.table_counts`; from ``before`` when given: ``prev_db``'s counts and the
    gone documents' local parts, without counting every table again).  None (and nothing written) when the
    new rows do not fit the tables.  ``copied``: ``db`` is already a copy of ``prev_db``."""
    locals_ = list(locals_)
    local_nodes, local_rels = fold(locals_)
    new_nodes, new_rels = new
    old_nodes, old_rels = old
    changed_nodes = [(old_nodes.get(i), new_nodes.get(i)) for i in old_nodes.keys() | new_nodes.keys()
                     if _differ(old_nodes.get(i), new_nodes.get(i))]
    changed_rels = [(old_rels.get(k), new_rels.get(k)) for k in old_rels.keys() | new_rels.keys()
                    if _differ(old_rels.get(k), new_rels.get(k))]
    if any(o is not None and n is not None and o.key != n.key for o, n in changed_nodes):
        return None
    probe = PGraph({**new_nodes, **local_nodes}, list(new_rels.values()) + list(local_rels.values()))
    if not _fits(schema, ladybug_columns(probe)):
        return None
    key_of = {i: n.key for i, n in old_nodes.items()}
    key_of.update({i: n.key for i, n in probe.nodes.items()})
    if not copied:
        shutil.copyfile(prev_db, db)
    d = _Db(db, schema)
    try:
        with d.transaction():
            d.drop_documents(gone, before[1] if before is not None else None)
            for o, n in sorted(changed_nodes, key=lambda x: (x[1] is not None, (x[1] or x[0]).id)):  # type: ignore[union-attr]
                d.node(o, n)
            for ro, rn in sorted(changed_rels, key=lambda x: (x[1] is not None, _rkey(x[1] or x[0]))):  # type: ignore[arg-type]
                d.rel(key_of, ro, rn)
        d.copy_in(PGraph(local_nodes, list(local_rels.values())), key_of)
        d.conn.execute("CHECKPOINT")
        if before is None:
            return table_counts(d.conn)
    finally:
        d.close()
    return recount(before[0], before[1], locals_, changed_nodes, changed_rels)


def recount(counts: Counts, went: list[Part], came: list[Part], nodes: list[tuple[PNode | None, PNode | None]],
            rels: list[tuple[PRel | None, PRel | None]]) -> Counts:
    """The rows per node table and relationship type after an update: ``counts`` less the local rows of the
    parts ``went``, plus those of ``came``, with the shared ``nodes`` and ``rels`` (old, new) that went or
    came; in the order a load gives them (:data:`KEY_LABELS`, then types by name), tables without rows left out."""
    n, r = dict(counts[0]), dict(counts[1])

    def tally(out: dict[str, int], key: str, by: int) -> None:
        out[key] = out.get(key, 0) + by
    for parts, by in ((went, -1), (came, 1)):
        for part in parts:
            for node in part["nodes"]:
                tally(n, node[1], by)
            for rel in part["rels"]:
                tally(r, rel[0], by)
    for o, x in nodes:
        if (o is None) != (x is None):
            tally(n, (o or x).key, -1 if x is None else 1)          # type: ignore[union-attr]
    for ro, rx in rels:
        if (ro is None) != (rx is None):
            tally(r, (ro or rx).type, -1 if rx is None else 1)      # type: ignore[union-attr]
    order = [*KEY_LABELS, *sorted(set(n) - set(KEY_LABELS))]
    return {t: n[t] for t in order if n.get(t)}, {t: k for t, k in sorted(r.items()) if k}


def _rkey(r: PRel) -> tuple[str, str, str]:
    return (r.type, r.src, r.dst)


def _differ(a: PNode | PRel | None, b: PNode | PRel | None) -> bool:
    if a is None or b is None:
        return a is not b
    if isinstance(a, PNode) and isinstance(b, PNode):
        return (a.labels, a.props) != (b.labels, b.props)
    return a.props != b.props
