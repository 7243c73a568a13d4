"""policykg build: every output, its counts, and incremental rebuilds (policykg/build.py)."""

import gzip
import json
import shutil

import pytest
from ladybug_dump import ladybug_rows

from policykg.build import OUTPUTS, build
from policykg.graph.query import run_cypher, run_sparql


def test_build_writes_every_output_with_the_expected_counts(seed_build):
    for name in OUTPUTS:
        assert (seed_build / name).exists() == (name != "kg.nq"), name        # kg.nq.gz by default
    m = json.loads((seed_build / "manifest.json").read_text(encoding="utf-8"))
    assert m["counts"] == {"documents": 4, "actors": 176, "instruments": 117, "domains": 106, "measures": 757,
                           "targets": 13, "statistics": 117, "cited documents": 56, "triples": 39369,
                           "nodes": 6414, "relationships": 18175}
    assert sorted(d["id"] for d in m["documents"]) == ["anhui-2025", "heilongjiang-2024", "huaxin-report-2025",
                                                       "jiangsu-2025"]
    assert not list(seed_build.glob(".tmp-*"))                    # nothing half-written left behind


def _quads(out):
    import pyoxigraph as ox
    return sorted(str(q) for q in ox.Store.read_only(str(out / "oxigraph")))


def _same_as_cold(out, files, tmp_path):
    """The incremental build in ``out`` equals a cold build of ``files``: byte for byte in the files,
    quad for quad in Oxigraph, row for row in LadybugDB."""
    cold = tmp_path / f"cold-{len(list(tmp_path.iterdir()))}"
    build(files, cold)
    for name in ("extractions.jsonl", "documents.jsonl", "kg.nq.gz"):
        assert (out / name).read_bytes() == (cold / name).read_bytes(), name
    assert _quads(out) == _quads(cold)
    assert ladybug_rows(out) == ladybug_rows(cold)


@pytest.fixture()
def fixed_pipeline(monkeypatch):
    """Hold the pipeline fingerprint still (other work may edit extraction code while the test runs)."""
    import policykg.build as b
    monkeypatch.setattr(b, "pipeline_fingerprint", lambda: "test-pipeline")


@pytest.mark.slow                      # nine builds of the seeds
def test_adding_editing_and_removing_a_document_equals_a_cold_build(tmp_path, seeds_dir, fixed_pipeline):
    src = tmp_path / "docs"
    shutil.copytree(seeds_dir, src)
    files = sorted(src.glob("*.txt"))
    out = tmp_path / "build"
    first = build(files[:3], out)
    assert (first.extracted, first.reused, len(first.documents), first.incremental) == (3, 0, 3, False)
    added = build(files, out)                                               # add one
    assert (added.extracted, added.reused, added.incremental) == (1, 3, True)
    _same_as_cold(out, files, tmp_path)
    hlj = src / "heilongjiang-2024.txt"                                     # change one
    hlj.write_text(hlj.read_text(encoding="utf-8") + "\n县级以上人民政府应当发放算力券。\n", encoding="utf-8")
    changed = build(files, out)
    assert (changed.extracted, changed.reused, changed.incremental) == (1, 3, True)
    assert "property_graph" not in changed.timings and "rows" not in changed.timings    # LadybugDB updated in place
    _, rows = run_sparql(out, """SELECT ?t WHERE { ?s pkg:text ?t ; pkg:inDocument/dcterms:identifier "heilongjiang-2024" .
                                 FILTER(CONTAINS(?t, "发放算力券")) }""")
    assert rows == [["县级以上人民政府应当发放算力券。"]]
    _same_as_cold(out, files, tmp_path)
    kept = [f for f in files if f.name != "jiangsu-2025.txt"]              # remove one
    removed = build(kept, out, prune=True)
    assert "property_graph" not in removed.timings and "rows" not in removed.timings
    assert (len(removed.documents), removed.extracted, removed.dropped) == (3, 0, [str(src / "jiangsu-2025.txt")])
    assert b"jiangsu-2025" not in gzip.decompress((out / "kg.nq.gz").read_bytes())
    _, rows = run_cypher(out, "MATCH (d:PolicyDocument {identifier: 'jiangsu-2025'}) RETURN d.id")
    assert rows == []
    _same_as_cold(out, kept, tmp_path)
    # the cache keeps what the build holds: per document its metadata, lines, graph and graph parts, compressed
    assert sorted(p.name.split(".", 1)[1] for p in (out / ".cache" / "test-pipeline").iterdir()) == \
        ["doc.z"] * 3 + ["ext.z"] * 3 + ["kg.z"] * 3 + ["local.z"] * 3 + ["meta.z"] * 3 + ["shared.z"] * 3


@pytest.mark.slow                      # three builds
def test_the_same_documents_in_another_order_equal_a_cold_build_of_that_order(tmp_path, seeds_dir, fixed_pipeline):
    files = sorted(seeds_dir.glob("*.txt"))
    out = tmp_path / "build"
    build(files, out)
    again = build(files[::-1], out)                  # every shared row may merge differently: loaded anew
    assert (again.extracted, again.reused, again.unchanged) == (0, 4, False)
    assert "rows" in again.timings
    _same_as_cold(out, files[::-1], tmp_path)


@pytest.mark.slow                      # two builds
def test_a_cache_of_the_older_uncompressed_kind_is_read_and_compressed(tmp_path, seeds_dir, fixed_pipeline):
    from policykg.graph.export import read_build_graph
    from policykg.graph.shards import unpack
    out = tmp_path / "build"
    build([seeds_dir / "heilongjiang-2024.txt"], out)
    want = read_build_graph(out)
    cache = out / ".cache" / "test-pipeline"
    legacy = {"meta": "meta.json", "ext": "ext.jsonl", "doc": "doc.json", "kg": "kg.json", "shared": "shared.json",
              "local": "local.json"}
    for f in list(cache.iterdir()):                         # the entry as builds before wrote it
        key, part, _ = f.name.split(".")
        (cache / f"{key}.{legacy[part]}").write_bytes(unpack(f.read_bytes()))
        f.unlink()
    got = read_build_graph(out)
    assert (got.counts(), got.rel_counts(), len(got.nodes)) == (want.counts(), want.rel_counts(), len(want.nodes))
    again = build([seeds_dir / "heilongjiang-2024.txt", seeds_dir / "anhui-2025.txt"], out)
    assert (again.extracted, again.reused, len(again.documents), again.errors) == (1, 1, 2, [])
    assert sorted(p.name.split(".", 1)[1] for p in cache.iterdir()) == \
        ["doc.z"] * 2 + ["ext.z"] * 2 + ["kg.z"] * 2 + ["local.z"] * 2 + ["meta.z"] * 2 + ["shared.z"] * 2


@pytest.mark.slow                      # two builds
def test_a_rebuild_with_nothing_changed_does_nothing(tmp_path, seeds_dir, fixed_pipeline):
    import os
    out = tmp_path / "build"
    first = build([seeds_dir / "heilongjiang-2024.txt"], out)
    gen = os.readlink(out / ".current")
    again = build([seeds_dir / "heilongjiang-2024.txt"], out)
    assert (again.unchanged, again.extracted, again.reused) == (True, 0, 1)
    assert again.counts == first.counts and os.readlink(out / ".current") == gen
    assert again.timings["total"] < 2.0                   # it hashes the file and reads the manifest


@pytest.mark.slow                      # three builds
def test_a_build_with_fewer_files_drops_nothing_without_prune(tmp_path, seeds_dir, fixed_pipeline):
    from click.testing import CliRunner

    from policykg.cli import cli
    out = tmp_path / "build"
    two = [seeds_dir / "heilongjiang-2024.txt", seeds_dir / "jiangsu-2025.txt"]
    build(two, out)
    before = (out / "manifest.json").read_bytes()
    r = CliRunner().invoke(cli, ["build", str(two[0]), "-o", str(out)])
    assert r.exit_code == 1
    assert r.output.strip().splitlines()[-1] == (
        f"error: {out}: this build holds 1 document(s) not given again (jiangsu-2025.txt); "
        "give them too, add --prune to drop them, or use 'policykg add'")
    assert (out / "manifest.json").read_bytes() == before
    r = CliRunner().invoke(cli, ["build", str(two[0]), "-o", str(out), "--prune", "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["dropped"] == [str(two[1])]
    assert [d["id"] for d in json.loads((out / "manifest.json").read_text(encoding="utf-8"))["documents"]] == \
        ["heilongjiang-2024"]


@pytest.mark.slow                      # three builds
def test_add_and_remove_change_one_document_and_keep_the_others(tmp_path, seeds_dir, fixed_pipeline):
    from click.testing import CliRunner

    from policykg.cli import cli
    out = tmp_path / "build"
    build([seeds_dir / "heilongjiang-2024.txt"], out, exports=("graphml",))
    r = CliRunner().invoke(cli, ["add", str(out), str(seeds_dir / "jiangsu-2025.txt"), "--json"])
    assert r.exit_code == 0, r.output
    assert (json.loads(r.output)["extracted"], json.loads(r.output)["build"]) == (1, "incremental")
    ids = lambda: [d["id"] for d in json.loads((out / "manifest.json").read_text(encoding="utf-8"))["documents"]]  # noqa: E731
    assert ids() == ["heilongjiang-2024", "jiangsu-2025"]
    assert "jiangsu-2025" in (out / "kg.graphml").read_text(encoding="utf-8")     # the build's exports are kept
    r = CliRunner().invoke(cli, ["remove", str(out), "heilongjiang-2024", "--json"])
    assert r.exit_code == 0, r.output
    assert ids() == ["jiangsu-2025"] and "heilongjiang-2024" not in (out / "kg.graphml").read_text(encoding="utf-8")
    r = CliRunner().invoke(cli, ["remove", str(out), "no-such-doc"])
    assert (r.exit_code, r.output.strip()) == (1, f"error: no-such-doc: no such document in {out} "
                                                  f"(see {out}/manifest.json)")
    before = (out / "manifest.json").read_bytes()
    r = CliRunner().invoke(cli, ["add", str(out), str(tmp_path / "typo.txt")])
    assert (r.exit_code, r.output.strip()) == (1, f"error: {tmp_path}/typo.txt: no such file or folder; "
                                                  f"{out} is unchanged")
    assert (out / "manifest.json").read_bytes() == before


@pytest.mark.slow                      # two builds
def test_a_default_build_makes_the_core_outputs_and_exports_on_request(tmp_path, seeds_dir, fixed_pipeline):
    from click.testing import CliRunner

    from policykg.build import CORE_OUTPUTS
    from policykg.cli import cli
    out = tmp_path / "build"
    build([seeds_dir / "heilongjiang-2024.txt"], out)
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == sorted(CORE_OUTPUTS)
    r = CliRunner().invoke(cli, ["export", "gexf", str(out)])
    assert r.exit_code == 0, r.output
    assert (out / "kg.gexf").is_symlink() and (out / "kg.gexf").stat().st_size > 0
    seeds = [seeds_dir / "heilongjiang-2024.txt", seeds_dir / "jiangsu-2025.txt"]
    build(seeds, out)                                   # the export asked for is kept up to date
    assert "jiangsu-2025" in (out / "kg.gexf").read_text(encoding="utf-8")
    r = CliRunner().invoke(cli, ["build", str(seeds[0]), "-o", str(out), "--exports", "nonsense"])
    assert r.exit_code == 2 and "'nonsense' is not one of: all, " in r.output


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
    result = build([docs], tmp_path / "out", shacl=True)
    assert [(v.severity, v.path, v.sentence) for v in result.violations] == [
        ("Violation", "https://w3id.org/policykg/ontology#modality",
         "县级以上人民政府有关部门应当为所属的森林火灾扑救人员购买人身意外伤害保险。")]
    assert result.violation_count == 1
    m = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert (m["shacl"]["violations"], m["shacl"]["other"]) == (1, 0)
    assert m["shacl"]["first"][0]["message"].startswith("A measure has exactly one modality")
    r = CliRunner().invoke(cli, ["build", str(docs), "-o", str(tmp_path / "out"), "--shacl"], catch_exceptions=False)
    line = next(x for x in r.output.splitlines() if " SHACL violations " in x)
    assert line.split("│")[2].strip() == "1"
    assert "A measure has exactly one modality" in r.output and "policykg validate" in r.output


@pytest.mark.slow                      # four builds of two seeds
def test_the_nquads_are_gzip_one_member_per_document_or_plain_as_the_build_is_told(tmp_path, seeds_dir, fixed_pipeline):
    from click.testing import CliRunner

    from policykg.cli import cli
    from policykg.errors import InputError
    files = [seeds_dir / "anhui-2025.txt", seeds_dir / "jiangsu-2025.txt"]
    gz, plain = tmp_path / "gz", tmp_path / "plain"
    build(files, gz)
    r = CliRunner().invoke(cli, ["build", *map(str, files), "-o", str(plain), "--nquads", "plain", "--json"])
    assert r.exit_code == 0, r.output
    text = (plain / "kg.nq").read_bytes()
    data = (gz / "kg.nq.gz").read_bytes()
    assert not (plain / "kg.nq.gz").exists() and not (gz / "kg.nq").exists()
    assert gzip.decompress(data) == text and len(data) * 10 < len(text)
    m = json.loads((gz / "manifest.json").read_text(encoding="utf-8"))
    assert m["options"]["nquads"] == "gzip" and m["counts"]["triples"] == text.count(b"\n")
    for doc_id, seg in m["segments"].items():           # each document's byte range is whole gzip members
        offset, length = seg[2]
        lines = gzip.decompress(data[offset:offset + length]).decode("utf-8").splitlines()
        assert lines and all(x.endswith(f"<https://w3id.org/policykg/id/graph/{doc_id}> .") for x in lines)
    assert _quads(gz) == _quads(plain)
    assert build(files, plain).unchanged                                  # the setting is kept
    again = build(files, plain, nquads="gzip")                            # switched: redone from the cache
    assert (again.unchanged, again.extracted, again.incremental) == (False, 0, False)
    assert not (plain / "kg.nq").exists() and (plain / "kg.nq.gz").read_bytes() == data
    with pytest.raises(InputError, match=r"no N-Quads setting 'zip' \(choose from: gzip, plain\)"):
        build(files, gz, nquads="zip")
