"""LadybugDB's tables come from the ontology (ontology/pgschema.py → ontology/cypher.py): every column and
relationship pair it allows exists on any corpus, so a document bringing a kind of row no earlier document
had is added in place (no reload), equal to a cold build row for row."""

import shutil

import pytest
from ladybug_dump import ladybug_rows

from policykg.build import build
from policykg.graph.export import read_build_graph, read_manifest
from policykg.graph.stores import ladybug_columns, ladybug_counts
from policykg.ontology.cypher import NODE_TABLES, REL_TABLES
from policykg.ontology.pgschema import tables


def test_the_seed_graph_needs_no_column_or_pair_beyond_the_ontology_tables(seed_graph):
    needed = ladybug_columns(seed_graph)
    assert {t: cols for t, cols in needed["nodes"].items()} == \
        {t: {k: ty for k, ty in NODE_TABLES[t].items()} for t in needed["nodes"]}
    assert {t: (sorted(map(tuple, r["pairs"])), r["cols"]) for t, r in needed["rels"].items()} == \
        {t: (sorted(r["pairs"]), r["cols"]) for t, r in REL_TABLES.items()}
    used = {(t, a, b) for r in seed_graph.rels
            for t, a, b in [(r.type, seed_graph.nodes[r.src].key, seed_graph.nodes[r.dst].key)]}
    assert used <= {(t, a, b) for t, r in REL_TABLES.items() for a, b in r["pairs"]}
    assert len(used) == 46                      # of the 54 pairs the ontology allows, the seeds use 46


def test_the_generated_tables_are_the_ontology_s():
    nodes, rels = tables()
    assert (nodes, rels) == (NODE_TABLES, {t: {"pairs": r["pairs"], "cols": r["cols"]} for t, r in REL_TABLES.items()})
    # optional attributes no corpus may have, and a pair only some documents bring
    assert {"citedSource", "asOf"} <= set(nodes["Statistic"]) and {"per", "beneficiaryLabel"} <= set(nodes["Parameter"])
    assert ("Target", "Region") in rels["IN_JURISDICTION"]["pairs"]
    assert rels["MODALITY_AT_LEVEL"]["pairs"] == [("Concept", "Concept")]     # skos:Concept: the table Concept


@pytest.fixture()
def fixed_pipeline(monkeypatch):
    import policykg.build as b
    monkeypatch.setattr(b, "pipeline_fingerprint", lambda: "test-pipeline")


@pytest.mark.slow                      # five builds of the seeds
@pytest.mark.parametrize("copy_rows", [None, 0])   # the new rows created one by one (few), or all by COPY
def test_a_document_bringing_a_new_kind_is_added_in_place_equal_to_a_cold_build(tmp_path, seeds_dir,
                                                                                fixed_pipeline, monkeypatch,
                                                                                copy_rows):
    import policykg.graph.ladybug_update as lu
    if copy_rows is not None:
        monkeypatch.setattr(lu, "COPY_ROWS", copy_rows)
    src = tmp_path / "docs"
    shutil.copytree(seeds_dir, src)
    files = sorted(src.glob("*.txt"))
    out = tmp_path / "build"
    first = build(files[:3], out)
    g = read_build_graph(out)
    assert "Target" not in g.counts()                         # no target, no (Target)-[:IN_JURISDICTION]->(Region)
    added = build(files, out)                                 # jiangsu-2025 brings the first targets
    assert (added.extracted, added.reused, added.incremental) == (1, 3, True)
    assert "rows" not in added.timings and "property_graph" not in added.timings      # updated in place
    g = read_build_graph(out)
    assert g.counts()["Target"] > 0
    assert any(r.type == "IN_JURISDICTION" and g.nodes[r.src].key == "Target" for r in g.rels)
    cold = build(files, tmp_path / "cold")
    assert "rows" in cold.timings
    assert ladybug_rows(out) == ladybug_rows(tmp_path / "cold")
    assert _counts(out) == _counts(tmp_path / "cold")       # the update's counts, made without counting the tables
    kept = [f for f in files if f.name != "heilongjiang-2024.txt"]                 # remove one: its rows go
    removed = build(kept, out, prune=True)
    assert "rows" not in removed.timings and removed.incremental
    cold = build(kept, tmp_path / "cold-kept")
    assert ladybug_rows(out) == ladybug_rows(tmp_path / "cold-kept")
    assert _counts(out) == _counts(tmp_path / "cold-kept") == ladybug_counts(out / "ladybug")
    assert first.documents != added.documents


def _counts(out):
    m = read_manifest(out)
    return m["node_counts"], m["relationship_counts"]
