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
    assert m["counts"] == {"documents": 4, "actors": 147, "instruments": 108, "domains": 106, "measures": 754,
                           "targets": 13, "statistics": 117, "cited documents": 54, "triples": 55963,
                           "nodes": 6379, "relationships": 18186}
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


def test_the_seed_build_reports_that_its_graph_meets_the_shapes(seed_build):
    m = json.loads((seed_build / "manifest.json").read_text(encoding="utf-8"))
    assert m["shacl"] == {"violations": 0, "other": 0, "first": []}


def test_a_build_reports_the_shacl_violations_of_its_own_output(tmp_path, monkeypatch):
    """A graph that breaks a shape (here: measures made without their modality) is reported by
    the build itself, in its result, its manifest and its summary, each with its sentence."""
    from click.testing import CliRunner

    import policykg.parallel as worker
    from policykg.cli import cli
    real = worker.document_graph            # what a worker runs on each document (policykg/parallel.py)

    def no_modality(doc, records):
        kg = real(doc, records)
        for n in kg.nodes.values():
            if "Measure" in n.classes:
                n.attrs.pop("pkg:modality", None)
        return kg
    monkeypatch.setattr(worker, "document_graph", no_modality)
    docs = tmp_path / "docs"
    docs.mkdir()
    # lawrefbook_dlc/guangdong/广东省森林防火条例(2021-09-29).md (第十一条)
    (docs / "guangdong-forest-fire.txt").write_text(
        "广东省森林防火条例\n\n第十一条 县级以上人民政府有关部门应当为所属的森林火灾扑救人员购买人身意外伤害保险。\n",
        encoding="utf-8")
    result = build([docs], tmp_path / "out", html=False)
    assert [(v.severity, v.path, v.sentence) for v in result.violations] == [
        ("Violation", "https://w3id.org/policykg/ontology#modality",
         "县级以上人民政府有关部门应当为所属的森林火灾扑救人员购买人身意外伤害保险。")]
    assert result.violation_count == 1
    m = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert (m["shacl"]["violations"], m["shacl"]["other"]) == (1, 0)
    assert m["shacl"]["first"][0]["message"].startswith("A measure has exactly one modality")
    r = CliRunner().invoke(cli, ["build", str(docs), "-o", str(tmp_path / "out"), "--no-html"], catch_exceptions=False)
    line = next(x for x in r.output.splitlines() if " SHACL violations " in x)
    assert line.split("│")[2].strip() == "1"
    assert "A measure has exactly one modality" in r.output and "policykg validate" in r.output
