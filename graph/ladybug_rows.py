"""A corpus's LadybugDB rows, gathered document by document, never the whole graph in memory.

Each document's property graph comes in two parts (:func:`policykg.graph.ladybug_update.split`):
its **local** rows (the nodes only it has — provisions, sentences, measures, mentions… — and the
relationships that touch them) and its **shared** rows (actors, documents, concepts and the
relationships between them, which later documents may extend).

:class:`RowSpool` appends the local rows to one file per table (per node table, per relationship
type and FROM/TO pair) as the documents come, folds the shared rows in memory (few: thousands for
thousands of documents), gathers the tables' columns and keeps, for the next build's in-place update,
which documents hold each shared row.  :meth:`RowSpool.files` then reads each file back and writes it
to Parquet a batch (a row group) at a time for ``COPY`` (:func:`policykg.graph.stores.load_ladybug`),
so memory is bounded by the shared rows and one batch, whatever the size of the corpus.  The database is the one a load of the merged
graph (:func:`policykg.graph.property.to_property_graph`) gives, row for row.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Collection, Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from .ladybug_update import Fold, Folded, Part, derived
from .property import KEY_LABELS, PRel
from .stores import Columns, _ident, _key_types, node_frame, rel_frame, rel_options

__all__ = ["RowSpool", "BATCH", "rel_key", "index_part", "fold_index", "unindex", "new_index", "INDEX_VERSION",
           "save_index", "read_index", "write_rows"]

#: rows per Parquet row group written for ``COPY``
BATCH = 50_000
Table = tuple[str, ...]            # ("n", table) or ("r", type, from table, to table)


def rel_key(r: list[Any]) -> str:
    """The key of a shared relationship row ``[type, src, dst, props]`` in the holders' index."""
    return f"{r[0]}\x00{r[1]}\x00{r[2]}"


#: the holders' index format (:func:`index_part`); an index of another version is not used
INDEX_VERSION = 3
#: a holder's own id in the ``docs`` of its contribution to a derived relationship, as the index keeps it
_SELF = "\x00self"
Index = dict[str, Any]             # {"version": 3, "nodes": {id: Row}, "rels": {rel_key: Row}}
#: a shared row in the index: [holder doc ids, the variant each gives (empty: all the first), variants]:
#: what each holder contributes (node: [key, labels, props]; relationship: props), the same ones kept once
Row = list[list[Any]]


def new_index() -> Index:
    return {"version": INDEX_VERSION, "nodes": {}, "rels": {}}


def _own(props: dict[str, Any], mine: str, theirs: str) -> dict[str, Any]:
    """``props`` with ``mine`` in its ``docs`` (a derived relationship's) written ``theirs``."""
    docs = props.get("docs")
    if isinstance(docs, list) and mine in docs:
        return {**props, "docs": [theirs if d == mine else d for d in docs]}
    return props


def _hold(row: Row, doc_id: str, value: Any, seen: dict[bytes, int] | None) -> None:
    """Add a holder and its contribution to ``row`` (``seen``: the row's variants by their JSON, when
    kept; else they are compared one by one)."""
    holders, which, variants = row
    if seen is not None:
        canon = orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
        i = seen.get(canon)
        if i is None:
            i = seen[canon] = len(variants)
            variants.append(value)
    else:
        i = next((j for j, v in enumerate(variants) if v == value), len(variants))
        if i == len(variants):
            variants.append(value)
    if i and not which:
        which.extend([0] * len(holders))
    holders.append(doc_id)
    if which:
        which.append(i)


def index_part(index: Index, doc_id: str, shared: Part, seen: dict[str, dict[bytes, int]] | None = None) -> None:
    """Record in ``index`` that the document ``doc_id`` holds the rows of its shared part, with what it
    contributes to each (the same contributions kept once: most documents give a shared actor or concept
    the same labels and properties), so the merge of any shared row can be made again without reading
    every document that holds it (:func:`fold_index`).  ``seen``: a lookup of the variants (kept by the
    caller across calls), for many documents."""
    nodes, rels = index["nodes"], index["rels"]
    for nid, key, labels, props in shared["nodes"]:
        _hold(nodes.setdefault(nid, [[], [], []]), doc_id, [key, labels, props],
              None if seen is None else seen.setdefault(nid, {}))
    for r in shared["rels"]:
        k = rel_key(r)
        _hold(rels.setdefault(k, [[], [], []]), doc_id, _own(r[3], doc_id, _SELF),
              None if seen is None else seen.setdefault(k, {}))


def fold_index(index: Index, nodes: Iterable[str], rels: Iterable[str], position: dict[str, int]) -> Folded:
    """The merge of the shared rows ``nodes`` and ``rels`` (:func:`rel_key`) over their holders among the
    documents of ``position`` (document id → its place in the build), in that order, as
    :func:`policykg.graph.ladybug_update.fold` of the holders' parts gives it — without going through
    every holder where the result cannot change: a node's contribution given again by the next holder
    (merging it twice is merging it once), a plain relationship's after the first holder's (the first is
    kept); a derived relationship's weights are summed and its documents listed."""
    f = Fold()
    for nid in nodes:
        last = -1
        for _doc, i, v in _in_order(index["nodes"].get(nid), position):
            if i != last:
                f.node(nid, *v)
            last = i
    for k in rels:
        held = _in_order(index["rels"].get(k), position)
        if not held:
            continue
        t, src, dst = k.split("\x00")
        if not derived(held[0][2]):
            f.rels[(t, src, dst)] = PRel(t, src, dst, dict(_own(held[0][2], _SELF, held[0][0])))
            continue
        weight, docs, seen = 0, [], set()
        for doc, _i, v in held:
            weight += v["weight"]
            for d in v["docs"]:
                d = doc if d == _SELF else d
                if d not in seen:
                    seen.add(d)
                    docs.append(d)
        f.rels[(t, src, dst)] = PRel(t, src, dst, {"weight": weight, "docs": docs})
    return f.nodes, f.rels


def _in_order(row: Row | None, position: dict[str, int]) -> list[tuple[str, int, Any]]:
    """The row's holders among ``position`` in that order, each with its contribution (its variant's
    number and value)."""
    if row is None:
        return []
    holders, which, variants = row
    held = [(d, i, variants[i]) for d, i in zip(holders, which or [0] * len(holders), strict=True) if d in position]
    held.sort(key=lambda h: position[h[0]])
    return held


def unindex(index: Index, gone: set[str], parts: Iterable[Part]) -> None:
    """Forget that the documents ``gone`` hold the rows of their shared ``parts``."""
    for part in parts:
        for kind, keys in (("nodes", [n[0] for n in part["nodes"]]), ("rels", [rel_key(r) for r in part["rels"]])):
            table = index[kind]
            for k in keys:
                row = table.get(k)
                if row is None:
                    continue
                holders, which, variants = row
                held = [(d, which[j] if which else 0) for j, d in enumerate(holders) if d not in gone]
                if not held:
                    del table[k]
                    continue
                used = sorted({i for _, i in held})
                renumber = {i: j for j, i in enumerate(used)}
                table[k] = [[d for d, _ in held], [renumber[i] for _, i in held] if len(used) > 1 else [],
                            [variants[i] for i in used]]


def save_index(index: Index, path: Path) -> None:
    """Write ``index`` to ``path``: an SQLite file with one row per shared row (its Row as JSON), so the
    next build reads only the rows it changes (:func:`read_index`)."""
    tmp = path.with_name(f"{path.name}.tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    try:
        con.execute("CREATE TABLE meta (version INTEGER)")
        con.execute("INSERT INTO meta VALUES (?)", (INDEX_VERSION,))
        con.execute("CREATE TABLE row (kind TEXT, key TEXT, value BLOB, PRIMARY KEY (kind, key)) WITHOUT ROWID")
        con.executemany("INSERT INTO row VALUES (?, ?, ?)",
                        ((kind, k, orjson.dumps(r)) for kind in ("nodes", "rels") for k, r in index[kind].items()))
        con.commit()
    finally:
        con.close()
    os.replace(tmp, path)


def read_index(path: Path, nodes: Iterable[str], rels: Iterable[str]) -> Index | None:
    """The rows ``nodes`` and ``rels`` of the index at ``path`` (those it has), or None when there is no
    index of this version there."""
    if not path.exists():
        return None
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        if con.execute("SELECT version FROM meta").fetchone() != (INDEX_VERSION,):
            return None
        out = new_index()
        for kind, keys in (("nodes", list(nodes)), ("rels", list(rels))):
            for i in range(0, len(keys), 500):
                chunk = keys[i:i + 500]
                q = f"SELECT key, value FROM row WHERE kind = ? AND key IN ({','.join('?' * len(chunk))})"
                out[kind].update((k, orjson.loads(v)) for k, v in con.execute(q, [kind, *chunk]))
        return out
    except sqlite3.DatabaseError:
        return None
    finally:
        con.close()


def write_rows(prev: Path, path: Path, index: Index, nodes: Collection[str], rels: Collection[str]) -> None:
    """``path``: the index at ``prev`` with the rows ``nodes`` and ``rels`` as ``index`` has them now
    (those it lacks deleted)."""
    tmp = path.with_name(f"{path.name}.tmp")
    shutil.copyfile(prev, tmp)
    con = sqlite3.connect(tmp)
    try:
        for kind, keys in (("nodes", nodes), ("rels", rels)):
            rows = index[kind]
            con.executemany("DELETE FROM row WHERE kind = ? AND key = ?", ((kind, k) for k in keys if k not in rows))
            con.executemany("INSERT OR REPLACE INTO row VALUES (?, ?, ?)",
                            ((kind, k, orjson.dumps(rows[k])) for k in keys if k in rows))
        con.commit()
    finally:
        con.close()
    os.replace(tmp, path)


class RowSpool:
    """Rows of documents added in order (:meth:`add`), spooled under ``folder``; see the module docstring."""

    def __init__(self, folder: Path, batch: int = BATCH) -> None:
        self.folder, self.batch = folder, batch
        folder.mkdir(parents=True, exist_ok=True)
        self._out: dict[Table, BinaryIO] = {}
        self.rows: dict[Table, int] = {}
        self.columns = Columns()
        self.shared = Fold()
        #: shared node id / relationship key (:func:`rel_key`) → the documents holding it and what they give it
        self.index: Index = new_index()
        self._seen: dict[str, dict[bytes, int]] = {}        # the index's variants by their JSON
        self._schema: dict[str, Any] | None = None

    def add(self, doc_id: str, shared: Part, local: Part) -> None:
        """One document's parts (the next in the build's order)."""
        self.shared.add(shared)
        index_part(self.index, doc_id, shared, self._seen)
        key_of = {n[0]: n[1] for n in shared["nodes"]}
        by_table: dict[Table, list[list[Any]]] = {}
        for nid, key, labels, props in local["nodes"]:
            key_of[nid] = key
            self.columns.node(key, props)
            by_table.setdefault(("n", key), []).append([nid, labels, props])
        for t, src, dst, props in local["rels"]:
            a, b = self._key(key_of, src), self._key(key_of, dst)
            self.columns.rel(t, a, b, props)
            by_table.setdefault(("r", t, a, b), []).append([src, dst, props])
        for table, rows in by_table.items():
            self._file(table).write(orjson.dumps(rows) + b"\n")
            self.rows[table] = self.rows.get(table, 0) + len(rows)

    def _key(self, key_of: dict[str, str], node: str) -> str:
        return key_of.get(node) or self.shared.nodes[node].key

    def _file(self, table: Table) -> BinaryIO:
        fh = self._out.get(table)
        if fh is None:
            fh = self._out[table] = (self.folder / f"{len(self._out)}.jsonl").open("w+b")
        return fh

    def schema(self) -> dict[str, Any]:
        """The tables every row fits (as :func:`policykg.graph.stores.ladybug_columns` of the merged graph)."""
        if self._schema is None:
            nodes = self.shared.nodes
            for n in nodes.values():
                self.columns.node(n.key, n.props)
            for r in self.shared.rels.values():
                self.columns.rel(r.type, nodes[r.src].key, nodes[r.dst].key, r.props)
            self._schema = self.columns.schema()
        return self._schema

    def _tally(self, kind: str, shared: Iterable[str]) -> dict[str, int]:
        """Rows per table of ``kind`` ("n" nodes, "r" relationships): the ``shared`` rows' tables, then the spooled."""
        out: dict[str, int] = {}
        for t in shared:
            out[t] = out.get(t, 0) + 1
        for table, k in self.rows.items():
            if table[0] == kind:
                out[table[1]] = out.get(table[1], 0) + k
        return out

    def counts(self) -> dict[str, int]:
        """Rows per node table (as :meth:`PGraph.counts`)."""
        out = self._tally("n", (n.key for n in self.shared.nodes.values()))
        return {t: out[t] for t in [*KEY_LABELS, *sorted(set(out) - set(KEY_LABELS))] if t in out}

    def rel_counts(self) -> dict[str, int]:
        """Rows per relationship type (as :meth:`PGraph.rel_counts`)."""
        return dict(sorted(self._tally("r", (r.type for r in self.shared.rels.values())).items()))

    def files(self, schema: dict[str, Any]) -> Iterator[tuple[str, str, Path, int]]:
        """``(table, options, Parquet file, rows)`` for ``COPY``: every node table, then every relationship
        (type, from, to) — its spooled rows, then its shared ones, written a batch (a row group) at a
        time; each file is removed when the next is asked for."""
        types = _key_types()
        nodes = self.shared.nodes
        shared_nodes: dict[str, list[tuple[str, list[str], dict[str, Any]]]] = {}
        for n in nodes.values():
            shared_nodes.setdefault(n.key, []).append((n.id, n.labels, n.props))
        for table, cols in schema["nodes"].items():
            rows = chain(self._spooled(("n", table)), shared_nodes.pop(table, []))
            yield from self._parquet(_ident(table), "", (node_frame(b, cols, types) for b in _batches(rows, self.batch)))
        shared_rels: dict[Table, list[tuple[str, str, dict[str, Any]]]] = {}
        for r in self.shared.rels.values():
            shared_rels.setdefault(("r", r.type, nodes[r.src].key, nodes[r.dst].key), []).append((r.src, r.dst, r.props))
        for table in sorted({t for t in self._out if t[0] == "r"} | set(shared_rels)):
            _, t, a, b = table
            rows = chain(self._spooled(table), shared_rels.pop(table, []))
            cols = schema["rels"][t]["cols"]
            yield from self._parquet(_ident(t), rel_options(a, b),
                                     (rel_frame(b_, cols, types) for b_ in _batches(rows, self.batch)))

    def _parquet(self, table: str, options: str, batches: Iterator[Any]) -> Iterator[tuple[str, str, Path, int]]:
        import pyarrow.parquet as pq
        path = self.folder / "copy.parquet"
        writer, n = None, 0
        try:
            for batch in batches:
                if writer is None:
                    writer = pq.ParquetWriter(path, batch.schema)
                writer.write_table(batch)
                n += batch.num_rows
        finally:
            if writer is not None:
                writer.close()
        if n:
            yield table, options, path, n
        path.unlink(missing_ok=True)

    def _spooled(self, table: Table) -> Iterator[Any]:
        fh = self._out.get(table)
        if fh is None:
            return
        fh.flush()
        fh.seek(0)
        for line in fh:
            yield from orjson.loads(line)

    def drop_index(self) -> None:
        """Let go of the holders' index and its lookup (once saved: :func:`save_index`)."""
        self.index = new_index()
        self._seen.clear()

    def close(self) -> None:
        """Close and remove the spool files."""
        self._seen.clear()
        for fh in self._out.values():
            fh.close()
            Path(fh.name).unlink(missing_ok=True)
        self._out.clear()


def _batches(rows: Iterable[Any], n: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for r in rows:
        batch.append(r)
        if len(batch) >= n:
            yield batch
            batch = []
    if batch:
        yield batch
