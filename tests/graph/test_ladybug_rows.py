"""A build's LadybugDB rows streamed through a spool (graph/ladybug_rows.py) load the database a load of
the merged property graph gives, row for row; kg.nq goes into Oxigraph a slice at a time (graph/stores.py)."""

from pathlib import Path

import orjson

from policykg.graph.export import read_manifest
from policykg.graph.kg import KG
from policykg.graph.ladybug_rows import RowSpool, fold_index, index_part, new_index, rel_key, unindex
from policykg.graph.ladybug_update import fold
from policykg.graph.property import to_property_graph
from policykg.graph.shards import read_part
from policykg.graph.stores import ladybug_columns, load_ladybug, load_oxigraph, nq_slices, open_ladybug


def _plain(v):
    if isinstance(v, dict):
        return sorted((k, _plain(x)) for k, x in v.items() if not k.startswith("_") and x is not None)
    return v


def _rows(db: Path) -> dict[str, list[str]]:
    _db, conn = open_ladybug(db)
    out = {}
    for name, kind in conn.execute("CALL show_tables() RETURN name, type").get_all():
        q = f"MATCH (n:{name}) RETURN n" if kind == "NODE" else f"MATCH (a)-[r:{name}]->(b) RETURN a.id, b.id, r"
        out[name] = sorted(repr([_plain(v) for v in x]) for x in conn.execute(q).get_all())
    return out


def test_spooled_rows_load_what_the_merged_graph_loads(seed_build, tmp_path):
    m = read_manifest(seed_build)
    cache = seed_build / ".cache" / m["fingerprint"]
    docs = m["documents"]
    g = to_property_graph(KG.from_json(orjson.loads(read_part(cache, d["key"], "kg"))) for d in docs)
    folder = tmp_path / "it's a spool"                      # a quote in the path of the files COPY reads
    spool = RowSpool(folder, batch=500)                    # several row groups in the big tables
    for d in docs:
        spool.add(d["id"], *(orjson.loads(read_part(cache, d["key"], p)) for p in ("shared", "local")))
    assert spool.schema() == ladybug_columns(g)
    assert (spool.counts(), spool.rel_counts()) == (g.counts(), g.rel_counts())
    loaded = load_ladybug(tmp_path / "spooled", spool)
    spool.close()
    assert list(folder.iterdir()) == []
    assert sum(loaded.values()) == len(g.nodes) + len(g.rels) > 24000          # the seeds: ~6.4k nodes, ~18k rels
    load_ladybug(tmp_path / "merged", g)
    assert _rows(tmp_path / "spooled") == _rows(tmp_path / "merged")


def test_kg_nq_is_read_in_slices_that_end_at_line_ends(tmp_path, monkeypatch):
    import policykg.graph.stores as stores
    lines = [f'<http://x/s{i}> <http://x/p> "{"值" * (i % 40)}" <http://x/g{i % 3}> .\n' for i in range(500)]
    lines.insert(250, f'<http://x/long> <http://x/p> "{"y" * 400}" <http://x/g0> .\n')   # longer than a slice
    nq = tmp_path / "kg.nq"
    nq.write_bytes("".join(lines).encode("utf-8"))
    slices = list(nq_slices(nq, 128))
    assert b"".join(slices) == nq.read_bytes()
    assert all(s.endswith(b"\n") for s in slices) and len(slices) > 100
    monkeypatch.setattr(stores, "OXIGRAPH_SLICE", 1000)
    store = load_oxigraph(tmp_path / "ox", nq)
    assert len(store) == 501


def test_a_paced_oxigraph_load_gives_the_same_store_and_a_stopped_one_none(tmp_path, monkeypatch):
    import threading

    import policykg.graph.stores as stores
    lines = [f'<http://x/s{i}> <http://x/p> "{i}" <http://x/g{i % 3}> .\n' for i in range(2000)]
    nq = tmp_path / "kg.nq"
    nq.write_bytes("".join(lines).encode("utf-8"))
    monkeypatch.setattr(stores, "OXIGRAPH_SLICE", 4000)         # slices of 1000 bytes while paced
    alone, stop = threading.Event(), threading.Event()
    seen: list[bytes] = []
    real = stores.nq_slices

    def slices(path, size):                   # LadybugDB is "done" after the fifth slice
        for i, data in enumerate(real(path, size)):
            seen.append(data)
            if i == 4:
                alone.set()
            yield data
    monkeypatch.setattr(stores, "nq_slices", slices)
    store = load_oxigraph(tmp_path / "paced", nq, alone, stop)
    assert len(store) == 2000 and len(seen) > 60 and max(map(len, seen)) < 1100
    stop.set()
    assert load_oxigraph(tmp_path / "stopped", nq, threading.Event(), stop) is None


def test_the_holders_index_merges_shared_rows_as_the_documents_parts_do(seed_build):
    m = read_manifest(seed_build)
    cache = seed_build / ".cache" / m["fingerprint"]
    docs = [d["id"] for d in m["documents"]]
    parts = {d["id"]: orjson.loads(read_part(cache, d["key"], "shared")) for d in m["documents"]}
    index, seen = new_index(), {}
    for i in docs:
        index_part(index, i, parts[i], seen)
    nodes, rels = set(index["nodes"]), set(index["rels"])

    def same(a, b):
        assert {k: (n.key, n.labels, n.props) for k, n in a[0].items()} == \
            {k: (n.key, n.labels, n.props) for k, n in b[0].items()}
        assert {k: r.props for k, r in a[1].items()} == {k: r.props for k, r in b[1].items()}
    same(fold_index(index, nodes, rels, {d: i for i, d in enumerate(docs)}), fold(parts[d] for d in docs))
    assert any(len(row[2]) > 1 for row in index["rels"].values())      # rows with several contributions
    order = docs[::-1]                                                 # another order, then one document fewer
    same(fold_index(index, nodes, rels, {d: i for i, d in enumerate(order)}), fold(parts[d] for d in order))
    unindex(index, {docs[1]}, [parts[docs[1]]])
    kept = [d for d in docs if d != docs[1]]
    same(fold_index(index, nodes, rels, {d: i for i, d in enumerate(kept)}), fold(parts[d] for d in kept))
    assert all(docs[1] not in row[0] for row in [*index["nodes"].values(), *index["rels"].values()])
    assert len(index["rels"]) == len({rel_key(r) for d in kept for r in parts[d]["rels"]})
