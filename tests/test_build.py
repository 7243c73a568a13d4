"""policykg build: every output, its counts, and incremental rebuilds (policykg/build.py)."""

import json
import shutil

import pytest

from policykg.build import OUTPUTS, build
from policykg.graph.query import run_cypher, run_sparql


def test_build_writes_every_output_with_the_expected_counts(seed_build):
    for name in OUTPUTS:
        assert (seed_build / name).exists(), name
    m = json.loads((seed_build / "manifest.json").read_text(encoding="utf-8"))
    assert m["counts"] == {"documents": 4, "actors": 102, "instruments": 109, "domains": 104, "measures": 363,
                           "targets": 13, "statistics": 116, "cited documents": 55, "triples": 50443,
                           "nodes": 5919, "relationships": 16581}
    assert sorted(d["id"] for d in m["documents"]) == ["anhui-2025", "heilongjiang-2024", "huaxin-report-2025",
                                                       "jiangsu-2025"]
    assert not list(seed_build.glob(".tmp-*"))                    # nothing half-written left behind


@pytest.mark.slow                      # four builds of a copy of the seeds
def test_rebuild_redoes_only_changed_files_and_drops_removed_ones(tmp_path, seeds_dir):
    src = tmp_path / "docs"
    shutil.copytree(seeds_dir, src)
    out = tmp_path / "build"
    first = build([src], out)
    assert (first.extracted, first.reused, len(first.documents)) == (4, 0, 4)
    again = build([src], out)
    assert (again.extracted, again.reused) == (0, 4)
    assert again.counts == first.counts
    # change one file: only it is re-read
    hlj = src / "heilongjiang-2024.txt"
    hlj.write_text(hlj.read_text(encoding="utf-8") + "\n县级以上人民政府应当发放算力券。\n", encoding="utf-8")
    changed = build([src], out)
    assert (changed.extracted, changed.reused) == (1, 3)
    _, rows = run_sparql(out, """SELECT ?t WHERE { ?s pkg:text ?t ; pkg:inDocument/dcterms:identifier "heilongjiang-2024" .
                                 FILTER(CONTAINS(?t, "发放算力券")) }""")
    assert rows == [["县级以上人民政府应当发放算力券。"]]
    # remove one file: it disappears from every output
    (src / "jiangsu-2025.txt").unlink()
    removed = build([src], out)
    assert len(removed.documents) == 3 and removed.extracted == 0
    assert "jiangsu-2025" not in (out / "extractions.jsonl").read_text(encoding="utf-8")
    assert "jiangsu-2025" not in (out / "kg.nq").read_text(encoding="utf-8")
    _, rows = run_cypher(out, "MATCH (d:PolicyDocument {identifier: 'jiangsu-2025'}) RETURN d.id")
    assert rows == []
    assert len(list((out / ".cache").glob("*.json"))) == 6          # per file: extraction and graph
